import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, rowOf, scratchDir, writeReport } from '../../test/report-files.js';
import { listClaims } from '../storage/claim-repository.js';
import { listAccountClaims, recordClaim } from './claims.js';
import { importReportFile } from './import-reports.js';
import type { Database } from './open-database.js';
import { reconcileClaims } from './reconcile-claims.js';

// One German FBA order refunded on 5 June 2025 with no unit back: claimable 45 to 105 days after the refund (EU).

const orderId = '302-1000000-0000001';
const importedAt = () => '2025-06-30T00:00:00.000Z';
const order = rowOf(headers.allOrders, {
  'amazon-order-id': orderId, 'purchase-date': '2025-06-01T10:00:00+00:00', 'order-status': 'Shipped', 'fulfillment-channel': 'Amazon',
  'sales-channel': 'Amazon.de', sku: 'TSHIRT-M', asin: 'B0TEST0001', quantity: '1', currency: 'EUR', 'item-price': '12,50', 'shipping-price': '0,00',
});
const refund = (settlementId: string) => rowOf(headers.settlement, {
  'settlement-id': settlementId, 'transaction-type': 'Refund', 'order-id': orderId, 'adjustment-id': 'amzn1:crow:ADJ1', 'marketplace-name': 'Amazon.de',
  'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '-12,50', currency: 'EUR', 'posted-date': '05.06.2025',
  'posted-date-time': '05.06.2025 10:11:12 UTC', 'order-item-code': '64912345678901', sku: 'TSHIRT-M', 'quantity-purchased': '1',
});
const reimbursement = (id: string, cells: Record<string, string> = {}) => rowOf(headers.reimbursements, {
  'approval-date': '2025-07-25T08:00:00+00:00', 'reimbursement-id': id, 'amazon-order-id': orderId, reason: 'CustomerReturn', sku: 'TSHIRT-M',
  fnsku: 'X00TEST001', asin: 'B0TEST0001', condition: 'Sellable', 'currency-unit': 'EUR', 'amount-per-unit': '12,50', 'amount-total': '12,50',
  'quantity-reimbursed-cash': '1', 'quantity-reimbursed-inventory': '0', 'quantity-reimbursed-total': '1', ...cells,
});

describe.each(testDatabases)('reconcileClaims on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();
  const load = async (name: string, header: string, rows: string[][]) => {
    const result = await importReportFile(db(), writeReport(dir, name, header, rows), { marketplace: 'DE', now: importedAt });
    expect(result.rejected).toBe(0);
  };

  it('finds the refunded unit that never came back once, from two settlement files, with its window and proof', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement-1.txt', headers.settlement, [refund('11887766554')]);
    await load('settlement-2.txt', headers.settlement, [refund('11887766999')]);
    const summary = await reconcileClaims(db(), 1, '2025-08-01T12:00:00.000Z');
    expect(summary).toMatchObject({ ordersRead: 1, found: 1, newClaims: 1, removed: 0, expired: 0, problems: [] });
    const [claim] = await listClaims(db().db, 1);
    expect(claim).toMatchObject({ kind: 'fba_refunded_not_returned', status: 'open', orderId, sku: 'TSHIRT-M', units: 1, owedMinor: 1250, currency: 'EUR' });
    expect(claim!.window).toMatchObject({ ruleId: 'fba-reimbursement-claim' });
    expect(claim!.window!.opensAt.slice(0, 10)).toBe('2025-07-20');
    expect(claim!.proof.map((p) => p.file)).toEqual(expect.arrayContaining(['settlement-1.txt', 'orders.txt']));
  });

  it('settles the claim when Amazon reimburses, and finds it again when the reimbursement is reversed', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    await reconcileClaims(db(), 1, '2025-07-24T12:00:00.000Z');
    await load('reimbursements.txt', headers.reimbursements, [reimbursement('4400000001')]);
    expect(await reconcileClaims(db(), 1, '2025-07-26T12:00:00.000Z')).toMatchObject({ found: 0, removed: 1 });
    await load('reversal.txt', headers.reimbursements, [reimbursement('4400000002', {
      'approval-date': '2025-08-02T08:00:00+00:00', reason: 'Reimbursement_Reversal', 'amount-per-unit': '-12,50', 'amount-total': '-12,50',
      'quantity-reimbursed-cash': '-1', 'quantity-reimbursed-total': '-1', 'original-reimbursement-id': '4400000001', 'original-reimbursement-type': 'CustomerReturn',
    })]);
    expect(await reconcileClaims(db(), 1, '2025-08-03T12:00:00.000Z')).toMatchObject({ found: 1, newClaims: 1 });
  });

  it('keeps what the seller recorded through later runs, and totals it by month', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    await reconcileClaims(db(), 1, '2025-08-01T12:00:00.000Z');
    const [claim] = await listClaims(db().db, 1);
    await recordClaim(db(), 1, claim!.id, { kind: 'filed' }, '2025-08-02T00:00:00.000Z', 'Li Wei');
    await reconcileClaims(db(), 1, '2025-08-05T12:00:00.000Z');
    expect((await listClaims(db().db, 1))[0]).toMatchObject({ status: 'filed', filedAt: '2025-08-02T00:00:00.000Z' });
    await recordClaim(db(), 1, claim!.id, { kind: 'won', amount: '10,00' }, '2025-08-20T00:00:00.000Z');
    const { claims, totals } = await listAccountClaims(db(), 1);
    expect(claims[0]).toMatchObject({ status: 'partly_won', recoveredMinor: 1000 });
    expect(totals).toEqual(expect.arrayContaining([expect.objectContaining({ month: '2025-08', currency: 'EUR', filedMinor: 1250, recoveredMinor: 1000 })]));
  });

  it('expires an open claim once its window has closed: money lost, shown in the totals', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    expect(await reconcileClaims(db(), 1, '2025-09-30T12:00:00.000Z')).toMatchObject({ found: 1, expired: 1 });
    const { claims, totals } = await listAccountClaims(db(), 1, 'expired');
    expect(claims).toHaveLength(1);
    expect(totals.find((t) => t.month === '2025-09')).toMatchObject({ expiredMinor: 1250 });
  });

  it('removes a settled open claim even when run again at the same instant', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    const at = '2025-07-26T12:00:00.000Z';
    await reconcileClaims(db(), 1, at);
    await load('reimbursements.txt', headers.reimbursements, [reimbursement('4400000001')]);
    expect(await reconcileClaims(db(), 1, at)).toMatchObject({ found: 0, removed: 1 });
  });

  it('keeps the claims of an order whose rows cannot be read, and names the order', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    await reconcileClaims(db(), 1, '2025-08-01T12:00:00.000Z');
    await db().db.updateTable('settlement_refunds').set({ posted_date: 'not a date' }).execute();
    const summary = await reconcileClaims(db(), 1, '2025-08-02T12:00:00.000Z');
    expect(summary).toMatchObject({ found: 0, removed: 0, problems: [expect.objectContaining({ marketplaceCode: 'DE', orderId })] });
    expect(await listClaims(db().db, 1)).toHaveLength(1);
  });

  it('rolls everything back when a page cannot be read, and refuses a page of no rows', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    await reconcileClaims(db(), 1, '2025-08-01T12:00:00.000Z');
    const failing: Database = {
      ...db(),
      transaction: (work) => db().transaction((tx) => work({ ...tx, read: { arrays: async (q) => {
        if (q.sql.includes('settlement_refunds') && !q.sql.includes('max(')) throw new Error('disk gone');
        return tx.read.arrays(q);
      } } })),
    };
    await expect(reconcileClaims(failing, 1, '2025-08-02T12:00:00.000Z')).rejects.toThrow('disk gone');
    expect(await listClaims(db().db, 1)).toHaveLength(1);
    await expect(reconcileClaims(db(), 1, '2025-08-02T12:00:00.000Z', { pageSize: 0 })).rejects.toThrow(RangeError);
    expect(await listClaims(db().db, 1)).toHaveLength(1);
  });

  it('finds nothing when the unit came back', async () => {
    await load('orders.txt', headers.allOrders, [order]);
    await load('settlement.txt', headers.settlement, [refund('11887766554')]);
    await load('returns.txt', headers.fbaReturns, [rowOf(headers.fbaReturns, {
      'return-date': '2025-07-10T15:31:40+00:00', 'order-id': orderId, sku: 'TSHIRT-M', asin: 'B0TEST0001', fnsku: 'X00TEST001', quantity: '1',
      'detailed-disposition': 'SELLABLE', reason: 'APPAREL_TOO_SMALL', status: 'Unit returned to inventory', 'license-plate-number': 'LPNRR000000001',
    })]);
    expect(await reconcileClaims(db(), 1, '2025-08-01T12:00:00.000Z')).toMatchObject({ found: 0 });
  });

  it('finds the same claims whatever the page size: orders over several tables, and many rows of one order', async () => {
    const ids = [1, 2, 3, 4, 5].map((n) => `302-1000000-000000${n}`);
    await load('orders.txt', headers.allOrders, ids.map((id) => rowOf(headers.allOrders, {
      'amazon-order-id': id, 'purchase-date': '2025-06-01T10:00:00+00:00', 'order-status': 'Shipped', 'fulfillment-channel': 'Amazon',
      'sales-channel': 'Amazon.de', sku: 'TSHIRT-M', asin: 'B0TEST0001', quantity: id.endsWith('3') ? '4' : '1', currency: 'EUR', 'item-price': id.endsWith('3') ? '50,00' : '12,50',
    })));
    // Order 3: four refunds of one unit each, with fee and tax rows: more rows of one order than a page holds.
    const refundRow = (id: string, adjustment: string, description = 'Principal', amount = '-12,50') => rowOf(headers.settlement, {
      'settlement-id': '11887766554', 'transaction-type': 'Refund', 'order-id': id, 'adjustment-id': adjustment, 'marketplace-name': 'Amazon.de',
      'amount-type': description === 'Commission' ? 'ItemFees' : 'ItemPrice', 'amount-description': description, amount, currency: 'EUR',
      'posted-date': '05.06.2025', 'posted-date-time': '05.06.2025 10:11:12 UTC', 'order-item-code': '64912345678901', sku: 'TSHIRT-M', 'quantity-purchased': '1',
    });
    await load('settlement.txt', headers.settlement, ids.flatMap((id) => (id.endsWith('3') ? ['A', 'B', 'C', 'D'] : ['A']).flatMap((a) => [
      refundRow(id, `ADJ-${id}-${a}`), refundRow(id, `ADJ-${id}-${a}`, 'Tax', '-2,00'), refundRow(id, `ADJ-${id}-${a}`, 'Commission', '1,50'),
    ])));
    // Order 2 came back; order 4 was reimbursed: neither is owed.
    await load('returns.txt', headers.fbaReturns, [rowOf(headers.fbaReturns, {
      'return-date': '2025-06-10T15:31:40+00:00', 'order-id': ids[1]!, sku: 'TSHIRT-M', asin: 'B0TEST0001', fnsku: 'X00TEST001', quantity: '1',
      'detailed-disposition': 'SELLABLE', reason: 'APPAREL_TOO_SMALL', status: 'Unit returned to inventory', 'license-plate-number': 'LPNRR000000001',
    })]);
    await load('reimbursements.txt', headers.reimbursements, [reimbursement('4400000001', { 'amazon-order-id': ids[3]! })]);
    const at = '2025-08-01T12:00:00.000Z';
    const claimsNow = async () => (await listClaims(db().db, 1)).map((c) => `${c.marketplaceCode} ${c.orderId} ${c.kind} ${c.units} ${c.currency} ${c.owedMinor}`).sort();
    const whole = await reconcileClaims(db(), 1, at);
    expect(whole).toMatchObject({ ordersRead: 5, found: 6, newClaims: 6, problems: [] });
    // One claim per refund: order 3's four refunds are four claims.
    expect(await claimsNow()).toEqual([ids[0], ids[2], ids[2], ids[2], ids[2], ids[4]].map((id) => `DE ${id} fba_refunded_not_returned 1 EUR 1250`));
    for (const pageSize of [1, 2, 3]) {
      // A paging that skipped or split an order would not find its claim again, and remove it.
      expect(await reconcileClaims(db(), 1, at, { pageSize })).toMatchObject({ ordersRead: 5, found: 6, newClaims: 0, removed: 0, problems: [] });
      expect(await claimsNow()).toHaveLength(6);
    }
  });
});
