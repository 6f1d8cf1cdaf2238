/**
 * What Amazon pays back: units its carriers or warehouses damaged during the return, refunded units
 * that never came back (one reversed when the unit turned up), and inventory lost in the warehouse.
 */
import { priceInMarketplace } from './demo-products.js';
import type { DemoMarketplaceCode, DemoProduct, DemoWindow, FbaReturn, Reimbursement } from './demo-model.js';
import { DAY_MS } from './demo-scenario.js';
import { DIGITS, type Random } from './prng.js';

const lostPerMarketplace: Record<DemoMarketplaceCode, number> = { US: 3, UK: 1, DE: 2, JP: 1 };

interface Draft {
  approvedAt: number;
  reason: Reimbursement['reason'];
  product: DemoProduct;
  orderId: string | null;
  quantity: number;
  inInventory: boolean;
  caseId: string | null;
}

// Amazon pays roughly the unit's sale price less its fees: about three quarters of the list price.
function unitValue(product: DemoProduct, marketplace: DemoMarketplaceCode): number {
  return Math.round(priceInMarketplace(product, marketplace) * 0.74);
}

function toReimbursement(random: Random, marketplace: DemoMarketplaceCode, draft: Draft): Reimbursement {
  const perUnit = draft.inInventory ? 0 : unitValue(draft.product, marketplace);
  return {
    marketplace,
    approvedAt: draft.approvedAt,
    reimbursementId: `${random.int(1, 9)}${random.chars(DIGITS, 9)}`,
    caseId: draft.caseId,
    orderId: draft.orderId,
    reason: draft.reason,
    product: draft.product,
    amountPerUnitMinor: perUnit,
    amountTotalMinor: perUnit * draft.quantity,
    quantityCash: draft.inInventory ? 0 : draft.quantity,
    quantityInventory: draft.inInventory ? draft.quantity : 0,
    originalReimbursementId: null,
    originalReimbursementType: null,
  };
}

function returnDrafts(random: Random, returns: readonly FbaReturn[]): Draft[] {
  const drafts: Draft[] = [];
  for (const item of returns) {
    const { product } = item.line;
    const base = { product, orderId: item.line.orderId, quantity: item.quantity, caseId: null };
    if (item.processedAt !== null && (item.disposition === 'DAMAGED' || item.disposition === 'CARRIER_DAMAGED')) {
      const reason = item.disposition === 'DAMAGED' ? 'Damaged_Warehouse' : 'CustomerReturn';
      drafts.push({ ...base, reason, approvedAt: item.processedAt + random.int(1, 9) * DAY_MS + random.int(0, 86_399) * 1000, inInventory: random.chance(0.2) });
    }
    if (item.neverReturned === 'reimbursed' || item.neverReturned === 'reversed') {
      drafts.push({ ...base, reason: 'CustomerReturn', approvedAt: item.refund.at + random.int(60, 68) * DAY_MS + random.int(0, 86_399) * 1000, inInventory: false });
    }
  }
  return drafts;
}

function lostDrafts(random: Random, marketplace: DemoMarketplaceCode, products: readonly DemoProduct[], window: DemoWindow): Draft[] {
  const fba = products.filter((product) => product.offers[marketplace] === 'FBA' || product.offers[marketplace] === 'both');
  return Array.from({ length: lostPerMarketplace[marketplace] }, (): Draft => ({
    approvedAt: window.startMs + random.int(20, 350) * DAY_MS + random.int(0, 86_399) * 1000,
    reason: 'Lost_Warehouse',
    product: random.pick(fba),
    orderId: null,
    quantity: random.int(1, 3),
    inInventory: random.chance(0.3),
    caseId: random.chance(0.3) ? `1${random.chars(DIGITS, 10)}` : null,
  }));
}

/** The reversal of the reimbursement paid for a unit that came back after all. */
function reversalOf(random: Random, original: Reimbursement, item: FbaReturn): Reimbursement {
  return {
    ...original,
    approvedAt: (item.processedAt ?? original.approvedAt) + random.int(2, 6) * DAY_MS + random.int(0, 86_399) * 1000,
    reimbursementId: `${random.int(1, 9)}${random.chars(DIGITS, 9)}`,
    reason: 'Reimbursement_Reversal',
    amountTotalMinor: -original.amountTotalMinor,
    quantityCash: -original.quantityCash,
    originalReimbursementId: original.reimbursementId,
    originalReimbursementType: original.reason,
  };
}

/** The marketplace's reimbursements approved by the end of the window, oldest first. */
export function simulateReimbursements(random: Random, marketplace: DemoMarketplaceCode, returns: readonly FbaReturn[], products: readonly DemoProduct[], window: DemoWindow): Reimbursement[] {
  const drafts = [...returnDrafts(random, returns), ...lostDrafts(random, marketplace, products, window)];
  const paid = drafts.map((draft) => toReimbursement(random, marketplace, draft));
  const reversals = returns
    .filter((item) => item.neverReturned === 'reversed')
    .flatMap((item) => paid.filter((r) => r.orderId === item.line.orderId && r.reason === 'CustomerReturn').map((r) => reversalOf(random, r, item)));
  return [...paid, ...reversals].filter((r) => r.approvedAt <= window.endMs).sort((a, b) => a.approvedAt - b.approvedAt);
}
