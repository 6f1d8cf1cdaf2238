/** All returns of a marketplace's order lines, FBA and MFN. */
import { buildFbaReturn } from './demo-fba-returns.js';
import { buildMfnReturn } from './demo-mfn-returns.js';
import type { CustomerReturn, DemoWindow, OrderLine } from './demo-model.js';
import { pickReason, planReturn } from './demo-return-plan.js';
import { DAY_MS, HOUR_MS, type MarketplaceScenario, story } from './demo-scenario.js';
import type { Random } from './prng.js';

/**
 * Requests that arrived in the last hours for MFN lines shipped five to six weeks ago: out of the
 * 30-day window, so Amazon's prepaid-label program did not authorize them and they wait for the
 * seller (reference §4.2, §4.3), the first thing a newcomer can act on.
 */
function createWaitingRequests(random: Random, scenario: MarketplaceScenario, lines: readonly OrderLine[], taken: ReadonlySet<OrderLine>, window: DemoWindow): CustomerReturn[] {
  const candidates = lines.filter((line) => line.channel === 'MFN' && line.shippedAt !== null && !taken.has(line)
    && line.shippedAt >= window.endMs - 44 * DAY_MS && line.shippedAt <= window.endMs - 36 * DAY_MS);
  const waiting: CustomerReturn[] = [];
  for (let i = 0; i < (story.waitingRequests[scenario.code] ?? 0) && candidates.length > 0; i++) {
    const [line] = candidates.splice(random.int(0, candidates.length - 1), 1) as [OrderLine];
    const plan = { line, quantity: 1, reason: pickReason(random, line), requestedAt: window.endMs - random.int(2, 20) * HOUR_MS, late: true, badBatch: false };
    waiting.push(buildMfnReturn(random, plan, scenario, window));
  }
  return waiting;
}

/** Every return of the marketplace's order lines, FBA and MFN, in request order. */
export function simulateReturns(random: Random, scenario: MarketplaceScenario, lines: readonly OrderLine[], window: DemoWindow): CustomerReturn[] {
  const returns: CustomerReturn[] = [];
  for (const line of lines) {
    const plan = planReturn(random, line, scenario, window);
    if (!plan) continue;
    const built = line.channel === 'FBA' ? buildFbaReturn(random, plan, scenario) : buildMfnReturn(random, plan, scenario, window);
    if (built.refund && built.refund.at <= window.endMs) line.lastUpdatedAt = Math.max(line.lastUpdatedAt, built.refund.at);
    returns.push(built);
  }
  returns.push(...createWaitingRequests(random, scenario, lines, new Set(returns.map((item) => item.line)), window));
  return returns.sort((a, b) => a.requestedAt - b.requestedAt);
}
