import type { ClaimCandidate } from '../src/domain/claims/claim.js';

// A SAFE-T claim as the texts, summaries and packets take it: a $29.99 refund Amazon issued for order
// 113-1234567-1234567 (item and shipping), filed within its 30-day window. Tests spread their own
// overrides (proof rows, computation) over it.
export const safetCandidate: ClaimCandidate = {
  kind: 'safet',
  key: 'safet|US|113-1234567-1234567|SKU-RED-M',
  marketplaceCode: 'US',
  currency: 'USD',
  orderId: '113-1234567-1234567',
  sku: 'SKU-RED-M',
  caseId: 7,
  units: 1,
  owedMinor: 2999,
  components: [{ label: 'Item price', amountMinor: 2499 }, { label: 'Shipping', amountMinor: 500 }],
  computation: 'Refund of the item price and shipping Amazon issued.',
  window: { ruleId: 'safet-filing', fromIso: '2026-03-04T00:00:00.000Z', opensAt: '2026-03-04T00:00:00.000Z', closesAt: '2026-04-03T00:00:00.000Z' },
  proof: [{ source: 'settlement_refunds', rowId: 1, file: 'settlement-2026-03.txt', line: 41, summary: 'Refund of $29.99 posted 2026-03-02' }],
  ids: { rmaId: 'DkXq7bR9RRMA', trackingId: '1Z999AA10123456784' },
};
