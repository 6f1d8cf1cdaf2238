/** What happens to an FBA return: refund at first scan, then the fulfillment center's verdict. */
import { pickComment } from './demo-comments.js';
import type { FbaReturn } from './demo-model.js';
import { buildRefund, languageOf, type ReturnPlan } from './demo-return-plan.js';
import { DAY_MS, HOUR_MS, type MarketplaceScenario, story } from './demo-scenario.js';
import { DIGITS, type Random } from './prng.js';

function pickDisposition(random: Random, plan: ReturnPlan): FbaReturn['disposition'] {
  if (plan.badBatch) return random.weighted({ DEFECTIVE: 80, CUSTOMER_DAMAGED: 10, SELLABLE: 10 });
  switch (plan.reason) {
    case 'DEFECTIVE':
    case 'QUALITY_UNACCEPTABLE':
    case 'MISSING_PARTS':
      return random.weighted({ DEFECTIVE: 45, CUSTOMER_DAMAGED: 20, SELLABLE: 33, DAMAGED: 2 });
    case 'DAMAGED_BY_CARRIER': return random.weighted({ CARRIER_DAMAGED: 50, CUSTOMER_DAMAGED: 25, SELLABLE: 25 });
    case 'DAMAGED_BY_FC': return random.weighted({ DAMAGED: 50, CUSTOMER_DAMAGED: 20, SELLABLE: 30 });
    case 'NOT_AS_DESCRIBED': return random.weighted({ SELLABLE: 60, CUSTOMER_DAMAGED: 38, DAMAGED: 2 });
    default: return random.weighted({ SELLABLE: 76, CUSTOMER_DAMAGED: 19, DAMAGED: 3, CARRIER_DAMAGED: 2 });
  }
}

function incidentOf(plan: ReturnPlan): 'bottle' | 'batch' | null {
  if (plan.badBatch) return 'batch';
  return plan.line.product.sku === story.misleading.sku && plan.reason === 'NOT_AS_DESCRIBED' ? 'bottle' : null;
}

/** Amazon refunds an FBA buyer at the carrier's first scan; the FC processes the unit days later. */
export function buildFbaReturn(random: Random, plan: ReturnPlan, scenario: MarketplaceScenario): FbaReturn {
  const refund = buildRefund(random, plan.line, plan.quantity, plan.requestedAt + random.int(2, 60) * HOUR_MS);
  const disposition = pickDisposition(random, plan);
  const reimbursed = disposition === 'DAMAGED' || disposition === 'CARRIER_DAMAGED';
  return {
    kind: 'fba',
    line: plan.line,
    quantity: plan.quantity,
    reason: plan.reason,
    requestedAt: plan.requestedAt,
    refund,
    processedAt: refund.at + random.int(5, 16) * DAY_MS + random.int(0, 23) * HOUR_MS,
    neverReturned: null,
    disposition,
    status: reimbursed ? 'Reimbursed' : 'Unit returned to inventory',
    licensePlateNumber: `${random.weighted({ LPNRR: 85, LPNRK: 15 })}${random.chars(DIGITS, 9)}`,
    fulfillmentCenterId: random.pick(scenario.fulfillmentCenters),
    comment: pickComment(random, plan.line.product, plan.reason, languageOf(scenario), incidentOf(plan)),
    badBatch: plan.badBatch,
  };
}
