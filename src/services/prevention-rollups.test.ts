import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, mfnRow, rowOf, scratchDir } from '../../test/report-files.js';
import { dayPlus, fbaReturn, importRows, orderId, orderLine } from '../../test/prevention-fixtures.js';
import type { Database } from '../storage/database.js';
import { ensurePreventionRollups } from './prevention-rollups.js';
import { receiveReturn } from './receive-return.js';

// The rollups an import keeps current must equal the rollups built in full from the same rows, after
// every import, whatever order the reports come in.

async function rollupRows(database: Database) {
  const db = database.db;
  const [months, returns, marketReasons, weeks, settled, costs, state] = await Promise.all([
    db.selectFrom('prevention_months').selectAll().orderBy('month').orderBy('marketplace_code').orderBy('sku').orderBy('asin').execute(),
    db.selectFrom('prevention_month_returns').selectAll().orderBy('month').orderBy('marketplace_code').orderBy('sku').orderBy('fulfillment').execute(),
    db.selectFrom('prevention_market_reasons').selectAll().orderBy('month').orderBy('marketplace_code').orderBy('reason').execute(),
    db.selectFrom('prevention_weeks').selectAll().orderBy('week').orderBy('marketplace_code').orderBy('sku').execute(),
    db.selectFrom('settlement_refund_months').selectAll().orderBy('month').orderBy('sku').orderBy('amount_type').orderBy('amount_description').execute(),
    db.selectFrom('return_cost_months').selectAll().orderBy('month').orderBy('marketplace_code').orderBy('sku').orderBy('currency').execute(),
    db.selectFrom('prevention_rollup_state').select('returns_through').executeTakeFirst(),
  ]);
  return { months, returns, marketReasons, weeks, settled, costs, returnsThrough: state?.returns_through ?? null };
}

async function rebuiltInFull(database: Database) {
  await database.db.deleteFrom('prevention_rollup_state').execute();
  await ensurePreventionRollups(database, 1);
  return rollupRows(database);
}

describe.each(testDatabases)('prevention rollups on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('stay equal to a build in full after each import, returns before or after their orders', async () => {
    // March 30 to April 2 straddles a month and sits in one week; a return comes before its order line.
    await importRows(db(), dir, 'returns-1.txt', headers.fbaReturns, [
      fbaReturn(1, 'LAMP', 'NOT_AS_DESCRIBED', { returned: dayPlus('2026-04-03', 0) }), fbaReturn(9, 'MUG', 'UNWANTED_ITEM', { returned: dayPlus('2026-05-20', 0) }),
    ]);
    const afterReturns = await rollupRows(db());
    expect(afterReturns.returns.map((r) => [r.month, r.sku, r.units])).toEqual([['', 'LAMP', 1], ['', 'MUG', 1]]);
    expect(await rebuiltInFull(db())).toEqual(afterReturns);

    await importRows(db(), dir, 'orders-1.txt', headers.allOrders, [
      orderLine(1, 'LAMP', 2, { purchased: dayPlus('2026-03-30', 0) }), orderLine(2, 'LAMP', 3, { purchased: dayPlus('2026-04-02', 0) }),
      orderLine(3, 'LAMP', 4, { purchased: dayPlus('2026-04-02', 0), status: 'Cancelled' }), orderLine(4, 'MUG', 5, { purchased: dayPlus('2026-05-11', 0) }),
    ]);
    const afterOrders = await rollupRows(db());
    expect(afterOrders.months.map((r) => [r.month, r.sku, r.shipped])).toEqual([['2026-03', 'LAMP', 2], ['2026-04', 'LAMP', 3], ['2026-05', 'MUG', 5]]);
    expect(afterOrders.returns.map((r) => [r.month, r.sku, r.units])).toEqual([['', 'MUG', 1], ['2026-03', 'LAMP', 1]]);
    expect(afterOrders.weeks.map((r) => [r.week, r.sku, r.shipped, r.returned_lag0])).toEqual([['2026-03-30', 'LAMP', 5, 1], ['2026-05-11', 'MUG', 5, 0]]);
    expect(await rebuiltInFull(db())).toEqual(afterOrders);

    // A later file: the MUG order arrives, a LAMP line is cancelled after all, a second return comes.
    await importRows(db(), dir, 'orders-2.txt', headers.allOrders, [
      orderLine(2, 'LAMP', 3, { purchased: dayPlus('2026-04-02', 0), status: 'Cancelled' }), orderLine(9, 'MUG', 1, { purchased: dayPlus('2026-05-12', 0) }),
    ]);
    await importRows(db(), dir, 'returns-2.txt', headers.fbaReturns, [fbaReturn(4, 'MUG', 'DEFECTIVE', { returned: dayPlus('2026-05-25', 0) })]);
    const afterAll = await rollupRows(db());
    expect(afterAll.months.map((r) => [r.month, r.sku, r.shipped])).toEqual([['2026-03', 'LAMP', 2], ['2026-05', 'MUG', 6]]);
    expect(afterAll.returns.map((r) => [r.month, r.sku, r.units, JSON.parse(r.by_reason)])).toEqual([
      ['2026-03', 'LAMP', 1, { not_as_described: 1 }], ['2026-05', 'MUG', 2, { changed_mind: 1, defective_quality: 1 }],
    ]);
    expect(afterAll.weeks.map((r) => [r.week, r.sku, r.shipped, r.returned_lag1, r.returned_lag2])).toEqual([['2026-03-30', 'LAMP', 2, 0, 0], ['2026-05-11', 'MUG', 6, 1, 1]]);
    expect(afterAll.marketReasons.map((r) => [r.month, r.marketplace_code, r.reason, r.units])).toEqual([
      ['2026-03', 'US', 'not_as_described', 1], ['2026-05', 'US', 'changed_mind', 1], ['2026-05', 'US', 'defective_quality', 1],
    ]);
    expect(await rebuiltInFull(db())).toEqual(afterAll);
  });

  it('agree with a build in full on the latest return day when a case\'s units come back on different days', async () => {
    await importRows(db(), dir, 'orders.txt', headers.allOrders, [orderLine(1, 'LAMP', 2, { purchased: dayPlus('2026-03-02', 0) })]);
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, [
      fbaReturn(1, 'LAMP', 'DEFECTIVE', { returned: dayPlus('2026-03-20', 0) }),
      fbaReturn(1, 'LAMP', 'DEFECTIVE', { returned: dayPlus('2026-04-20', 0) }).map((cell, i) => (i === 11 ? 'LPN999999999' : cell)),
    ]);
    const after = await rollupRows(db());
    expect(after.returnsThrough).toBe('2026-04-20');
    expect(await rebuiltInFull(db())).toEqual(after);
  });

  it('rebuild the month an order line leaves when it is re-imported with another purchase date', async () => {
    await importRows(db(), dir, 'orders-1.txt', headers.allOrders, [orderLine(1, 'LAMP', 2, { purchased: '2026-03-31T23:30:00+00:00' })]);
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, [fbaReturn(1, 'LAMP', 'DEFECTIVE', { returned: dayPlus('2026-04-03', 0) })]);
    await importRows(db(), dir, 'orders-2.txt', headers.allOrders, [orderLine(1, 'LAMP', 2, { purchased: '2026-04-01T00:30:00+00:00' })]);
    const moved = await rollupRows(db());
    expect(moved.months.map((r) => [r.month, r.sku, r.shipped])).toEqual([['2026-04', 'LAMP', 2]]);
    expect(moved.returns.map((r) => [r.month, r.units])).toEqual([['2026-04', 1]]);
    expect(await rebuiltInFull(db())).toEqual(moved);
  });

  it('keep each posted month\'s settlement refunds, a refund in two settlement files once', async () => {
    const row = (settlementId: string, amount: string, posted: string, adjustment = 'ADJ1') => rowOf(headers.settlement, {
      'settlement-id': settlementId, currency: 'USD', 'transaction-type': 'Refund', 'order-id': '113-0000000-0000003', 'adjustment-id': adjustment,
      'marketplace-name': 'Amazon.com', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount, 'posted-date-time': posted,
      'order-item-code': '555', 'merchant-adjustment-item-id': 'MA3', sku: 'DRESS', 'quantity-purchased': '1',
    });
    await importRows(db(), dir, 's-2.txt', headers.settlement, [row('1002', '-39.99', '2026-03-20T10:00:00+00:00'), row('1002', '-5.00', '2026-04-02T10:00:00+00:00', 'ADJ2')]);
    await importRows(db(), dir, 's-1.txt', headers.settlement, [row('1001', '-39.99', '2026-03-20T10:00:00+00:00')]);
    const after = await rollupRows(db());
    expect(after.settled.map((r) => [r.month, r.sku, Number(r.amount_minor)])).toEqual([['2026-03', 'DRESS', -3999], ['2026-04', 'DRESS', -500]]);
    expect(await rebuiltInFull(db())).toEqual(after);
  });

  it('keep the cost months as the money moves: a refund delivered later, a settlement that posts it, a reimbursement, a damaged FBA return', async () => {
    const mfn = (delivered: string) => mfnRow({
      'Order ID': '113-0000000-0000001', 'Order date': '01-Mar-2026', 'Return request date': '28-Mar-2026', 'Amazon RMA ID': 'RMA001',
      'Merchant SKU': 'DRESS', 'Order Amount': '39.99', 'Return delivery date': delivered, 'Return request status': 'Completed',
      'Label cost': '4.14', 'Label to be paid by': 'Seller', 'Refunded Amount': '39.99',
    });
    const costs = async () => (await rollupRows(db())).costs.map((r) => [r.month, r.currency, Number(r.reported_refunds_minor), Number(r.labels_minor),
      Number(r.delivered_units), Number(r.settled_refunds_minor), Number(r.reimbursed_minor), Number(r.unsellable_units)]);
    await importRows(db(), dir, 'orders.txt', headers.allOrders, [orderLine(1, 'DRESS', 1, { purchased: dayPlus('2026-03-01', 0) })]);

    // Asked for in March, delivered in April; then the report is downloaded again: delivered in May after all.
    await importRows(db(), dir, 'mfn-1.txt', headers.mfnReturns, [mfn('02-Apr-2026')]);
    expect(await costs()).toEqual([['2026-03', 'USD', 0, 414, 0, 0, 0, 0], ['2026-04', 'USD', 3999, 0, 1, 0, 0, 0]]);
    expect(await rebuiltInFull(db())).toEqual(await rollupRows(db()));
    await importRows(db(), dir, 'mfn-2.txt', headers.mfnReturns, [mfn('04-May-2026')]);
    expect(await costs()).toEqual([['2026-03', 'USD', 0, 414, 0, 0, 0, 0], ['2026-05', 'USD', 3999, 0, 1, 0, 0, 0]]);
    expect(await rebuiltInFull(db())).toEqual(await rollupRows(db()));

    // The settlement posts the refund in June: May's reported refund leaves (the settlement counts instead).
    await importRows(db(), dir, 's.txt', headers.settlement, [rowOf(headers.settlement, {
      'settlement-id': '1001', currency: 'USD', 'transaction-type': 'Refund', 'order-id': '113-0000000-0000001', 'adjustment-id': 'ADJ1',
      'marketplace-name': 'Amazon.com', 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '-39.99',
      'posted-date-time': '2026-06-03T10:00:00+00:00', 'order-item-code': '555', 'merchant-adjustment-item-id': 'MA1', sku: 'DRESS', 'quantity-purchased': '1',
    })]);
    expect(await costs()).toEqual([['2026-03', 'USD', 0, 414, 0, 0, 0, 0], ['2026-05', 'USD', 0, 0, 1, 0, 0, 0], ['2026-06', 'USD', 0, 0, 0, -3999, 0, 0]]);
    expect(await rebuiltInFull(db())).toEqual(await rollupRows(db()));

    // A reimbursement approved in July, and an FBA return graded damaged in July.
    await importRows(db(), dir, 'r.txt', headers.reimbursements, [rowOf(headers.reimbursements, {
      'approval-date': '2026-07-02T08:00:00+00:00', 'reimbursement-id': 'R1', 'amazon-order-id': orderId(1), reason: 'CustomerReturn', sku: 'DRESS',
      'currency-unit': 'USD', 'amount-total': '12.50', 'quantity-reimbursed-cash': '1', 'quantity-reimbursed-inventory': '0', 'quantity-reimbursed-total': '1',
    })]);
    await importRows(db(), dir, 'fba.txt', headers.fbaReturns, [fbaReturn(1, 'DRESS', 'DEFECTIVE', { returned: dayPlus('2026-07-10', 0) })]);
    expect((await costs()).filter(([month]) => month === '2026-07')).toEqual([['2026-07', 'USD', 0, 0, 0, 0, 1250, 1]]);
    expect(await rebuiltInFull(db())).toEqual(await rollupRows(db()));
  });

  it('take a case\'s delivery off the cost months when the desk receives it, also when the report gave no delivery', async () => {
    const mfn = (order: string, delivered: string) => mfnRow({
      'Order ID': order, 'Order date': '01-Mar-2026', 'Return request date': '28-Mar-2026', 'Amazon RMA ID': `RMA${order.slice(-3)}`, 'Merchant SKU': 'DRESS',
      'Order Amount': '39.99', 'Return delivery date': delivered, 'Return request status': 'Completed', 'Refunded Amount': '39.99',
    });
    await importRows(db(), dir, 'mfn.txt', headers.mfnReturns, [mfn('113-0000000-0000001', '02-Apr-2026'), mfn('113-0000000-0000002', ' ')]);
    const delivered = async () => (await rollupRows(db())).costs.map((r) => [r.month, Number(r.delivered_units)]);
    expect(await delivered()).toEqual([['2026-03', 0], ['2026-04', 1]]);

    await receiveReturn(db(), 1, { identifier: '113-0000000-0000001', receivedAt: '2026-04-03T09:00:00.000Z', receivedBy: 'Ana', outerBox: 'intact' }, '2026-04-03T10:00:00.000Z');
    await receiveReturn(db(), 1, { identifier: '113-0000000-0000002', receivedAt: '2026-04-05T09:00:00.000Z', receivedBy: 'Ana', outerBox: 'intact' }, '2026-04-05T10:00:00.000Z');
    expect(await delivered()).toEqual([['2026-03', 0], ['2026-04', 0]]);
    expect(await rebuiltInFull(db())).toEqual(await rollupRows(db()));
  });

  // PostgreSQL only: SQLite has one writer at a time, so two imports never interleave there.
  it.runIf(target.name === 'postgres')('stay right when two imports of the same month commit at once', async () => {
    await importRows(db(), dir, 'first.txt', headers.allOrders, [orderLine(1, 'LAMP', 1, { purchased: dayPlus('2026-03-02', 0) })]);
    const files = [1, 2].map((k) => Array.from({ length: 30 }, (_, i) => orderLine(100 * k + i, k === 1 ? 'LAMP' : 'MUG', k, { purchased: dayPlus('2026-03-02', i % 20) })));
    await Promise.all(files.map((rows, k) => importRows(db(), dir, `orders-${k}.txt`, headers.allOrders, rows)));
    const both = await rollupRows(db());
    expect(both.months.map((r) => [r.sku, r.shipped])).toEqual([['LAMP', 31], ['MUG', 60]]);
    expect(await rebuiltInFull(db())).toEqual(both);
  });

  it('are built in full the first time a report needs them on a database from before them', async () => {
    await importRows(db(), dir, 'orders.txt', headers.allOrders, [orderLine(1, 'LAMP', 2)]);
    const built = await rollupRows(db());
    for (const table of ['prevention_months', 'prevention_month_returns', 'prevention_weeks', 'prevention_rollup_state'] as const) {
      await db().db.deleteFrom(table).execute();
    }
    await ensurePreventionRollups(db(), 1);
    expect(await rollupRows(db())).toEqual(built);
    expect(built.months).toHaveLength(1);
  });
});
