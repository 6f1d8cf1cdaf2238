import { describe, expect, it } from 'vitest';
import { facts, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import { dedupeRefundRows, refundAdjustments } from './refunds.js';
import { netReimbursements } from './reimbursements.js';

describe('refundAdjustments', () => {
  it.each<[string, Parameters<typeof refund>[0][], string[]]>([
    ['one principal row', [{}], ['ADJ-1 SKU-A 1u 2500']],
    ['quantity given', [{ quantity: 3, amountMinor: -7500 }], ['ADJ-1 SKU-A 3u 7500']],
    ['quantity missing: 1 per adjustment and SKU', [{ quantity: null }], ['ADJ-1 SKU-A 1u 2500']],
    ['two order items of one SKU in one adjustment', [{ quantity: 1 }, { orderItemCode: 'OIC-2', merchantAdjustmentItemId: 'MAI-2', quantity: 1 }], ['ADJ-1 SKU-A 2u 5000']],
    ['the same row in two settlement files', [{}, { settlementId: 'S2' }], ['ADJ-1 SKU-A 1u 2500']],
    ['two adjustments, oldest first', [{ adjustmentId: 'ADJ-2', postedAt: '2026-03-05T00:00:00Z' }, { postedAt: '2026-03-01T00:00:00Z' }], ['ADJ-1 SKU-A 1u 2500', 'ADJ-2 SKU-A 1u 2500']],
    ['principal written in lower case with spaces', [{ amountType: 'item price', amountDescription: 'principal' }], ['ADJ-1 SKU-A 1u 2500']],
    ['principal netting to zero', [{}, { merchantAdjustmentItemId: 'MAI-9', amountMinor: 2500 }], []],
    ['promotion and shipping only', [{ amountType: 'Promotion', amountDescription: 'Principal', amountMinor: 300 }, { amountDescription: 'Shipping' }], []],
    ['another currency', [{ currency: 'EUR' }], []],
  ])('%s', (_name, rows, expected) => {
    const found = refundAdjustments(facts({ refunds: rows.map((row) => refund(row)) }));
    expect(found.map((a) => `${a.adjustmentId} ${a.sku} ${a.units}u ${a.principalMinor}`)).toEqual(expected);
  });

  it('keeps the first of repeated rows', () => {
    const first = refund({ file: 'a.txt' });
    expect(dedupeRefundRows([first, refund({ file: 'b.txt', settlementId: 'S9' })])).toEqual([first]);
  });
});

describe('netReimbursements', () => {
  it.each<[string, ReturnType<typeof reimbursement>[], string[]]>([
    ['a plain reimbursement', [reimbursement()], ['R-1 1u 1cash 2500']],
    ['fully reversed', [reimbursement(), reversal('R-1')], ['R-1 0u 0cash 0']],
    ['reversal quantities written positive', [reimbursement(), reversal('R-1', { quantityCash: 1, quantityTotal: 1 })], ['R-1 0u 0cash 0']],
    ['partly reversed', [reimbursement({ quantityCash: 2, quantityTotal: 2, amountTotalMinor: 5000 }), reversal('R-1')], ['R-1 1u 1cash 2500']],
    ['money-only partial reversal', [reimbursement(), reversal('R-1', { amountTotalMinor: -1000, quantityCash: 0, quantityTotal: 0 })], ['R-1 1u 1cash 1500']],
    ['the same row imported twice', [reimbursement(), reimbursement()], ['R-1 1u 1cash 2500']],
    ['a reversal without its original', [reversal('R-404')], []],
    ['inventory reimbursement', [reimbursement({ quantityCash: 0, quantityInventory: 1, amountTotalMinor: 0 })], ['R-1 1u 0cash 0']],
  ])('%s', (_name, rows, expected) => {
    expect(netReimbursements(rows).map((r) => `${r.original.reimbursementId} ${r.units}u ${r.cashUnits}cash ${r.amountMinor}`)).toEqual(expected);
  });
});
