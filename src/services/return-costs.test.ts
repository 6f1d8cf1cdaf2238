import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { safetCandidate } from '../../test/claim-candidate.js';
import { headers, mfnRow, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { upsertClaims } from '../storage/claim-repository.js';
import { recordClaim } from './claims.js';
import { importReportFile } from './import-reports.js';
import type { Database } from './open-database.js';
import type { Kysely } from 'kysely';
import type { DeskRecord } from '../storage/return-cost-rollup-repository.js';
import type { Schema } from '../storage/schema.js';
import { takeCaseOffCostRollup } from './prevention-rollups.js';
import { accountReturnCosts, costTable, isCostTableNumber } from './return-costs.js';

// Planted by construction (amounts in cents):
// - SKU DRESS in the US, March 2026: three MFN returns delivered back (3 × $3.00 handling by the default
//   policy). A refunded $39.99 with a $4.14 label the seller paid; B refunded $35.00, its $5.00 label
//   paid by the customer; C refunded $39.99 by the report, but the settlement posts its refund (twice:
//   the same refund in two settlement files): $39.99 principal less $6.00 commission returned = $33.99,
//   and a $1.20 refund administration fee. Reimbursed $25.00 on an order in March, $5.00 of it reversed
//   in April; a $10.00 warehouse loss names no order. A SAFE-T claim won $29.99 in March; an FBA claim
//   won $20.00 counts as the reimbursement Amazon pays it with, not again.
// - SKU DRESS in Germany: a €30.00 refund and a €4.50 label the seller paid, March 2026.

const importedAt = () => '2026-06-01T00:00:00.000Z';

const mfn = (order: string, cells: Record<string, string>) => mfnRow({
  'Order ID': order, 'Order date': '01-Mar-2026', 'Return request date': '10-Mar-2026', 'Amazon RMA ID': `RMA${order.slice(-3)}`,
  'Merchant SKU': 'DRESS', 'Order Amount': '39.99', 'Return delivery date': '14-Mar-2026', 'Return request status': 'Completed', ...cells,
});
const settlementRow = (settlementId: string, type: string, description: string, amount: string) => rowOf(headers.settlement, {
  'settlement-id': settlementId, currency: 'USD', 'transaction-type': 'Refund', 'order-id': '113-0000000-0000003', 'adjustment-id': 'ADJ0003',
  'marketplace-name': 'Amazon.com', 'amount-type': type, 'amount-description': description, amount, 'posted-date-time': '2026-03-20T10:00:00+00:00',
  'order-item-code': '55500000000003', 'merchant-adjustment-item-id': 'MA3', sku: 'DRESS', 'quantity-purchased': '1',
});
const settlement = (settlementId: string) => [
  settlementRow(settlementId, 'ItemPrice', 'Principal', '-39.99'), settlementRow(settlementId, 'ItemFees', 'Commission', '6.00'),
  settlementRow(settlementId, 'ItemFees', 'RefundCommission', '-1.20'), settlementRow(settlementId, 'ItemPrice', 'Tax', '-3.20'),
  settlementRow(settlementId, 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '3.20'),
];
const reimbursement = (id: string, approved: string, order: string, amount: string, original = '') => rowOf(headers.reimbursements, {
  'approval-date': approved, 'reimbursement-id': id, 'amazon-order-id': order, reason: order ? 'CustomerReturn' : 'Lost_Warehouse', sku: 'DRESS',
  'currency-unit': 'USD', 'amount-total': amount, 'quantity-reimbursed-cash': amount.startsWith('-') ? '0' : '1', 'quantity-reimbursed-inventory': '0',
  'quantity-reimbursed-total': amount.startsWith('-') ? '0' : '1', 'original-reimbursement-id': original,
});

describe.each(testDatabases)('accountReturnCosts on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const load = async (name: string, header: string, rows: string[][], marketplace = 'US') => {
    const result = await importReportFile(db(), writeReport(dir, name, header, rows), { marketplace, now: importedAt });
    expect(result.rejected).toBe(0);
  };

  /** Writes a desk record as the desk's services do: the case's report figures of that kind leave the cost rollup first. */
  const atDesk = <T>(caseId: number, desk: DeskRecord, write: (writer: Kysely<Schema>) => Promise<T>): Promise<T> =>
    db().transaction(async (tx) => {
      await takeCaseOffCostRollup(tx, 1, caseId, desk);
      return write(tx.db);
    });

  /** A receipt at 09:00 and an inspection at 10:00 UTC on `day`. */
  const receiveAndInspect = async (caseId: number, day: string, grade: string) => {
    const receipt = await atDesk(caseId, 'case_receipts', (writer) => writer.insertInto('case_receipts').values({
      account_id: 1, case_id: caseId, received_at: `${day}T09:00:00.000Z`, received_by: 'Ana', outer_box: 'intact', note: null, recorded_at: `${day}T09:00:00.000Z`,
    }).returning('id').executeTakeFirstOrThrow());
    return db().db.insertInto('inspections').values({
      account_id: 1, case_id: caseId, receipt_id: receipt.id, product_category: null, answers: '{}', grade, rule_id: 'test', condition_grade: grade === 'new' ? 'new' : 'good',
      inspected_by: 'Ana', inspected_at: `${day}T10:00:00.000Z`,
    }).returning('id').executeTakeFirstOrThrow();
  };

  const claimWon = async (database: Database, kind: 'safet' | 'fba_refunded_not_returned', orderId: string, amount: string, at: string) => {
    const key = `${kind}|US|${orderId}|DRESS`;
    await database.transaction((tx) => upsertClaims(tx, 1, [{ ...safetCandidate, kind, key, orderId, sku: 'DRESS', caseId: null }], '2026-03-01T00:00:00.000Z', 'run-1'));
    const { id } = await database.db.selectFrom('claims').select('id').where('claim_key', '=', key).executeTakeFirstOrThrow();
    await recordClaim(database, 1, id, { kind: 'won', amount }, at);
  };

  const plantDress = async () => {
    await load('mfn-us.txt', headers.mfnReturns, [
      mfn('113-0000000-0000001', { 'Label cost': '4.14', 'Label to be paid by': 'Seller', 'Refunded Amount': '39.99' }),
      mfn('113-0000000-0000002', { 'Label cost': '5.00', 'Label to be paid by': 'Customer', 'Refunded Amount': '35.00' }),
      mfn('113-0000000-0000003', { 'Label cost': ' ', 'Label to be paid by': ' ', 'Refunded Amount': '39.99' }),
    ]);
    await load('settlement-1.txt', headers.settlement, settlement('1001'));
    await load('settlement-2.txt', headers.settlement, settlement('1002'));
    await load('reimbursements.txt', headers.reimbursements, [
      reimbursement('R1', '2026-03-15T08:00:00+00:00', '113-0000000-0000009', '25.00'),
      reimbursement('R2', '2026-04-02T08:00:00+00:00', '113-0000000-0000009', '-5.00', 'R1'),
      reimbursement('R3', '2026-03-16T08:00:00+00:00', '', '10.00'),
    ]);
    await claimWon(db(), 'safet', '113-0000000-0000001', '29.99', '2026-03-28T10:00:00.000Z');
    await claimWon(db(), 'fba_refunded_not_returned', '113-0000000-0000009', '20.00', '2026-03-29T10:00:00.000Z');
    await load('mfn-de.txt', headers.mfnReturns, [mfnRow({
      'Order ID': '302-0000000-0000001', 'Order date': '01.03.2026', 'Return request date': '10.03.2026', 'Amazon RMA ID': 'RMADE1',
      'Merchant SKU': 'DRESS', 'Currency code': 'EUR', 'Label cost': '4,50', 'Label to be paid by': 'Seller', 'Order Amount': '30,00',
      'Refunded Amount': '30,00', 'Return delivery date': ' ', 'Return request status': 'Completed',
    })], 'DE');
  };

  it('finds the planted refunds, labels, handling, fees, reimbursements and won claim, each currency apart', async () => {
    await plantDress();
    const costs = await accountReturnCosts(db(), 1);
    expect(costs.rows.map((r) => [r.marketplaceCode, r.sku, r.currency, r.month])).toEqual([
      ['DE', 'DRESS', 'EUR', '2026-03'], ['US', 'DRESS', 'USD', '2026-03'], ['US', 'DRESS', 'USD', '2026-04'],
    ]);
    const march = costs.rows.find((r) => r.currency === 'USD' && r.month === '2026-03')!;
    expect(march.components).toEqual({
      refunds: 3999 + 3500 + 3399, return_labels: 414, handling: 900, value_lost: 0, fees: 120,
      saved_orders: 0, restocking_fees: 0, resale: 0, reimbursements: 2500, claims: 2999,
    });
    expect(march).toMatchObject({ costMinor: 10898 + 414 + 900 + 120, recoveredMinor: 2500 + 2999 });
    expect(costs.rows.find((r) => r.currency === 'EUR')).toMatchObject({
      marketplaceCode: 'DE', components: { refunds: 3000, return_labels: 450, handling: 0 }, costMinor: 3450, recoveredMinor: 0,
    });
    expect(costs.totals.map((t) => [t.month, t.currency, t.costMinor, t.recoveredMinor])).toEqual([
      ['2026-03', 'EUR', 3450, 0], ['2026-03', 'USD', 12332, 5499], ['2026-04', 'USD', 0, -500],
    ]);
    expect(costs.currencyTotals.map((t) => [t.currency, t.costMinor, t.recoveredMinor])).toEqual([['EUR', 3450, 0], ['USD', 12332, 4999]]);
    expect(costs.headline).toEqual([
      { month: '2026-04', currency: 'EUR', costMinor: 0, recoveredMinor: 0 },
      { month: '2026-04', currency: 'USD', costMinor: 0, recoveredMinor: -500 },
    ]);
  });

  it('keeps to the months asked for, heads with the last of them, and refuses a month that is not one', async () => {
    await plantDress();
    const march = await accountReturnCosts(db(), 1, { to: '2026-03' });
    expect(march.rows.map((r) => r.month)).toEqual(['2026-03', '2026-03']);
    expect(march.headline).toEqual([
      { month: '2026-03', currency: 'EUR', costMinor: 3450, recoveredMinor: 0 },
      { month: '2026-03', currency: 'USD', costMinor: 12332, recoveredMinor: 5499 },
    ]);
    const april = await accountReturnCosts(db(), 1, { from: '2026-04', to: '2026-04' });
    expect(april.rows.map((r) => [r.currency, r.month, r.components.reimbursements])).toEqual([['USD', '2026-04', -500]]);
    expect((await accountReturnCosts(db(), 1, { from: '2026-05' })).rows).toEqual([]);
    await expect(accountReturnCosts(db(), 1, { from: '2026-13' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--from must be a month as YYYY-MM') });
    await expect(accountReturnCosts(db(), 1, { to: 'March' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('--to') });
    await expect(accountReturnCosts(db(), 1, { from: '2026-05', to: '2026-04' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('counts recorded refunds before the report, routes, units Amazon graded unsellable and accepted save offers', async () => {
    // KETTLE costs $12.00 and sells for $40.00. Return E came back (receipt recorded), was refunded through
    // ReturnDesk ($40.00 less an $8.00 restocking fee and a $6.00 label deduction: $26.00, which the report
    // repeats) and sold used for $25.00. The buyer of F kept the kettle for a 10% refund. FBA return G came
    // back customer-damaged, H sellable.
    const database = db();
    await database.db.insertInto('products').values({ account_id: 1, sku: 'KETTLE', price_minor: 4000, unit_cost_minor: 1200, currency: 'USD', accessories: '[]', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    await load('mfn-kettle.txt', headers.mfnReturns, [
      mfn('113-0000000-0000005', { 'Merchant SKU': 'KETTLE', 'Order Amount': '40.00', 'Label cost': '6.00', 'Label to be paid by': 'Seller', 'Refunded Amount': '26.00', 'Return request date': '02-Mar-2026', 'Return delivery date': '06-Mar-2026' }),
      mfn('113-0000000-0000006', { 'Merchant SKU': 'KETTLE', 'Order Amount': '40.00', 'Label cost': ' ', 'Return request status': 'Pending', 'Tracking ID': ' ', 'Return delivery date': ' ', 'Return request date': '03-Mar-2026' }),
    ]);
    await load('fba-kettle.txt', headers.fbaReturns, [
      rowOf(headers.fbaReturns, { 'return-date': '2026-03-11T10:00:00+00:00', 'order-id': '113-0000000-0000007', sku: 'KETTLE', quantity: '1', 'detailed-disposition': 'CUSTOMER_DAMAGED', 'license-plate-number': 'LPNK7' }),
      rowOf(headers.fbaReturns, { 'return-date': '2026-03-12T10:00:00+00:00', 'order-id': '113-0000000-0000008', sku: 'KETTLE', quantity: '1', 'detailed-disposition': 'SELLABLE', 'license-plate-number': 'LPNK8' }),
    ]);
    const caseOf = async (orderId: string) => (await database.db.selectFrom('return_cases').select('id').where('order_id', '=', orderId).executeTakeFirstOrThrow()).id;
    const e = await caseOf('113-0000000-0000005'), f = await caseOf('113-0000000-0000006');
    const inspection = await receiveAndInspect(e, '2026-03-07', 'used_good');
    const line = (kind: string, amountMinor: number) => ({ kind, amountMinor, ruleId: 'test' });
    await atDesk(e, 'refunds', (writer) => writer.insertInto('refunds').values({
      account_id: 1, case_id: e, total_minor: 2600, paid_minor: 4000, currency: 'USD', recorded_by: 'Ana', recorded_at: '2026-03-08T10:00:00.000Z', exported_at: null,
      quote: JSON.stringify({ currency: 'USD', lines: [line('item', 4000), line('outbound_shipping', 0), line('restocking_fee', -800), line('return_shipping', -600)], totalMinor: 2600, paidMinor: 4000 }),
    }).execute());
    await atDesk(e, 'dispositions', (writer) => writer.insertInto('dispositions').values({
      account_id: 1, case_id: e, inspection_id: inspection.id, route: 'sell_as_used', recommended_route: 'sell_as_used', expected_net_minor: 2200,
      realized_minor: 2500, currency: 'USD', options: '[]', note: null, decided_by: 'Ana', recorded_at: '2026-03-10T10:00:00.000Z',
    }).execute());
    await database.db.insertInto('case_outcomes').values({
      account_id: 1, case_id: f, outcome: 'offer-accepted', step: 0, grade: null, sku: 'KETTLE', product_category: null, reason_category: null, note: null,
      recorded_at: '2026-03-04T10:00:00.000Z',
    }).execute();

    const costs = await accountReturnCosts(database, 1);
    expect(costs.rows).toEqual([{
      marketplaceCode: 'US', sku: 'KETTLE', currency: 'USD', month: '2026-03',
      components: {
        refunds: 4000, return_labels: 600, handling: 300, value_lost: 1200 + 1200, fees: 0,
        saved_orders: 4000 - 400, restocking_fees: 1400, resale: 2500, reimbursements: 0, claims: 0,
      },
      costMinor: 4000 + 600 + 300 + 2400, recoveredMinor: 3600 + 1400 + 2500,
    }]);
    expect(costs.notes.handling).toContain('US 3.00 USD');
  });

  it('counts the route recorded over an FBA return, not Amazon\'s grading, as soon as it is recorded', async () => {
    // KETTLE costs $12.00; Amazon graded return G customer-damaged (value lost), then the seller had it
    // removed, received it and restocked it as new: nothing lost, one unit handled.
    const database = db();
    await database.db.insertInto('products').values({ account_id: 1, sku: 'KETTLE', price_minor: 4000, unit_cost_minor: 1200, currency: 'USD', accessories: '[]', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
    await load('fba-kettle.txt', headers.fbaReturns, [
      rowOf(headers.fbaReturns, { 'return-date': '2026-03-11T10:00:00+00:00', 'order-id': '113-0000000-0000007', sku: 'KETTLE', quantity: '1', 'detailed-disposition': 'CUSTOMER_DAMAGED', 'license-plate-number': 'LPNK7' }),
    ]);
    const components = async () => (await accountReturnCosts(database, 1)).rows.map((r) => [r.month, r.components.value_lost, r.components.handling]);
    expect(await components()).toEqual([['2026-03', 1200, 0]]);

    const { id: caseId } = await database.db.selectFrom('return_cases').select('id').where('order_id', '=', '113-0000000-0000007').executeTakeFirstOrThrow();
    const inspection = await receiveAndInspect(caseId, '2026-03-20', 'new');
    await atDesk(caseId, 'dispositions', (writer) => writer.insertInto('dispositions').values({
      account_id: 1, case_id: caseId, inspection_id: inspection.id, route: 'restock_as_new', recommended_route: 'restock_as_new', expected_net_minor: 4000,
      realized_minor: null, currency: 'USD', options: '[]', note: null, decided_by: 'Ana', recorded_at: '2026-03-21T10:00:00.000Z',
    }).execute());
    expect(await components()).toEqual([['2026-03', 0, 300]]);
  });

  it('writes the table with decimal amounts in each row\'s currency', async () => {
    await plantDress();
    const table = costTable(await accountReturnCosts(db(), 1, { to: '2026-03' }));
    expect(table[0]).toEqual(['marketplace', 'sku', 'month', 'currency', 'refunds', 'return_labels', 'handling', 'value_lost', 'fees', 'cost',
      'saved_orders', 'restocking_fees', 'resale', 'reimbursements', 'claims', 'recovered']);
    expect(table.slice(1)).toEqual([
      ['DE', 'DRESS', '2026-03', 'EUR', '30.00', '4.50', '0.00', '0.00', '0.00', '34.50', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
      ['US', 'DRESS', '2026-03', 'USD', '108.98', '4.14', '9.00', '0.00', '1.20', '123.32', '0.00', '0.00', '0.00', '25.00', '29.99', '54.99'],
    ]);
    expect(table[0]!.filter(isCostTableNumber)).toEqual(table[0]!.slice(4));
  });
});
