import { describe, expect, it } from 'vitest';
import { facts, orderLine, refund, reimbursement, reversal } from '../../../test/claim-facts.js';
import { dedupeRefundRows, isPrincipal, neverItemPrice, refundAdjustments } from './refunds.js';
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

describe('refundAdjustments: units of a refund without quantity', () => {
  const line = (over = {}) => orderLine({ quantity: 2, itemPriceMinor: 5000, ...over });
  it.each<[string, Parameters<typeof refund>[0][], ReturnType<typeof orderLine>[], string[]]>([
    ['2 units paid back: |principal| / unit price paid', [{ quantity: null, amountMinor: -5000 }], [line()], ['ADJ-1 SKU-A 2u 5000']],
    ['rounded to the nearest unit', [{ quantity: null, amountMinor: -3900 }], [line()], ['ADJ-1 SKU-A 2u 3900']],
    ['at least 1', [{ quantity: null, amountMinor: -1000 }], [line()], ['ADJ-1 SKU-A 1u 1000']],
    ['capped at the ordered quantity', [{ quantity: null, amountMinor: -9000 }], [line()], ['ADJ-1 SKU-A 2u 9000']],
    ['no order price on record: 1', [{ quantity: null, amountMinor: -5000 }], [line({ itemPriceMinor: null })], ['ADJ-1 SKU-A 1u 5000']],
    ['an order price in another currency is not used: 1', [{ quantity: null, amountMinor: -5000 }], [line({ currency: 'CAD' })], ['ADJ-1 SKU-A 1u 5000']],
    ['a quantity given wins', [{ quantity: 1, amountMinor: -5000 }], [line()], ['ADJ-1 SKU-A 1u 5000']],
  ])('%s', (_name, rows, orderLines, expected) => {
    const found = refundAdjustments(facts({ refunds: rows.map((row) => refund(row)), orderLines }));
    expect(found.map((a) => `${a.adjustmentId} ${a.sku} ${a.units}u ${a.principalMinor}`)).toEqual(expected);
  });
});

describe('dedupeRefundRows: repeats are across settlements only', () => {
  it('keeps two identical rows of one settlement (two occurrences the importer kept apart)', () => {
    const rows = [refund(), refund()];
    expect(dedupeRefundRows(rows)).toEqual(rows);
    expect(refundAdjustments(facts({ refunds: rows })).map((a) => `${a.units}u ${a.principalMinor}`)).toEqual(['2u 5000']);
  });

  it('drops the second settlement file\'s copy of each occurrence, in input order', () => {
    const rows = [refund(), refund(), refund({ settlementId: 'S2' }), refund({ settlementId: 'S2' }), refund({ settlementId: 'S2' })];
    expect(dedupeRefundRows(rows)).toEqual([rows[0], rows[1], rows[4]]);
  });

  it('a different amount in another settlement is another refund row', () => {
    const rows = [refund(), refund({ settlementId: 'S2', amountMinor: -2400 })];
    expect(dedupeRefundRows(rows)).toEqual(rows);
  });
});

describe('netReimbursements: keyed by reimbursement id and SKU', () => {
  const text = (rows: ReturnType<typeof reimbursement>[]) => netReimbursements(rows).map((r) => `${r.original.reimbursementId} ${r.original.sku} ${r.units}u ${r.amountMinor}`);
  it('one reimbursement id with a row per SKU is two reimbursements', () => {
    expect(text([reimbursement(), reimbursement({ sku: 'SKU-B' })])).toEqual(['R-1 SKU-A 1u 2500', 'R-1 SKU-B 1u 2500']);
  });

  it('the same (id, SKU) row imported twice counts once', () => {
    expect(text([reimbursement(), reimbursement({ sku: 'SKU-B' }), reimbursement({ sku: 'SKU-B', file: 'again.txt' })])).toEqual(['R-1 SKU-A 1u 2500', 'R-1 SKU-B 1u 2500']);
  });

  it('a reversal cancels the original of its own SKU only', () => {
    expect(text([reimbursement(), reimbursement({ sku: 'SKU-B' }), reversal('R-1', { sku: 'SKU-B' })])).toEqual(['R-1 SKU-A 1u 2500', 'R-1 SKU-B 0u 0']);
  });
});

describe('neverItemPrice: the rows a reader may skip', () => {
  it('are each rejected by isPrincipal, whatever the other half says', () => {
    for (const amountType of neverItemPrice.amountTypes) expect(isPrincipal(refund({ amountType, amountDescription: 'Principal' }))).toBe(false);
    for (const amountDescription of neverItemPrice.amountDescriptions) expect(isPrincipal(refund({ amountType: 'ItemPrice', amountDescription }))).toBe(false);
  });

  it('leave out no spelling of the item price itself', () => {
    const listed = [...neverItemPrice.amountTypes, ...neverItemPrice.amountDescriptions];
    for (const spelling of ['ItemPrice', 'Principal', 'ITEM_PRICE', 'item price', 'PRINCIPAL']) expect(listed).not.toContain(spelling);
    expect(isPrincipal(refund({ amountType: 'Item_Price', amountDescription: 'PRINCIPAL' }))).toBe(true);
  });
});
