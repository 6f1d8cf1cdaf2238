/** Runs the whole simulation: orders, returns, reimbursements, removals and settlements per marketplace. */
import { markNeverReturned } from './demo-never-returned.js';
import { simulateOrders } from './demo-orders.js';
import { listDemoProducts } from './demo-products.js';
import { simulateReimbursements } from './demo-reimbursements.js';
import { simulateRemovals } from './demo-removals.js';
import { simulateReturns } from './demo-returns.js';
import { DAY_MS, marketplaceScenarios, type MarketplaceScenario } from './demo-scenario.js';
import { simulateSettlements } from './demo-settlements.js';
import type {
  DemoProduct, DemoWindow, FbaReturn, MfnReturn, OrderLine, Refund, Reimbursement, RemovalLine, Settlement,
} from './demo-model.js';
import { createRandom, type Random } from './prng.js';

export interface MarketplaceWorld {
  scenario: MarketplaceScenario;
  lines: OrderLine[];
  fbaReturns: FbaReturn[];
  mfnReturns: MfnReturn[];
  reimbursements: Reimbursement[];
  settlements: Settlement[];
}

export interface DemoWorld {
  window: DemoWindow;
  products: DemoProduct[];
  marketplaces: MarketplaceWorld[];
  removals: RemovalLine[];
}

/** The seller gets settlement files for the US and DE accounts in the demo. */
const settledMarketplaces: ReadonlySet<string> = new Set(['US', 'DE']);

function simulateMarketplace(random: Random, scenario: MarketplaceScenario, products: readonly DemoProduct[], window: DemoWindow): MarketplaceWorld {
  const lines = simulateOrders(random.fork('orders'), scenario, products, window);
  const returns = simulateReturns(random.fork('returns'), scenario, lines, window);
  const fbaReturns = returns.filter((item): item is FbaReturn => item.kind === 'fba');
  const mfnReturns = returns.filter((item): item is MfnReturn => item.kind === 'mfn');
  markNeverReturned(random.fork('never-returned'), scenario.code, fbaReturns, window);
  const refunds = returns.flatMap((item): (readonly [OrderLine, Refund])[] => (item.refund ? [[item.line, item.refund]] : []));
  return {
    scenario,
    lines,
    fbaReturns,
    mfnReturns,
    reimbursements: simulateReimbursements(random.fork('reimbursements'), scenario.code, fbaReturns, products, window),
    settlements: settledMarketplaces.has(scenario.code) ? simulateSettlements(random.fork('settlements'), scenario, lines, refunds, window) : [],
  };
}

/** The demo seller's year ending at `endMs`; the same seed and end give the same world. */
export function simulateDemoWorld(endMs: number, seed: number): DemoWorld {
  const random = createRandom(seed);
  const window: DemoWindow = { startMs: endMs - 365 * DAY_MS, endMs };
  const products = listDemoProducts();
  const marketplaces = marketplaceScenarios.map((scenario) => simulateMarketplace(random.fork(`marketplace:${scenario.code}`), scenario, products, window));
  const us = marketplaces.find((world) => world.scenario.code === 'US');
  const removals = simulateRemovals(random.fork('removals'), us?.fbaReturns ?? [], window);
  return { window, products, marketplaces, removals };
}
