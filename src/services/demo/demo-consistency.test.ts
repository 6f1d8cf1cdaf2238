import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRun, type DemoTable, findTable, findTables, runDemo } from './demo-test-support.js';

const DAY_MS = 86_400_000;
const endDate = new Date('2026-06-30T00:00:00Z');
let run: DemoRun;

beforeAll(async () => {
  run = await runDemo({ endDate });
});
afterAll(async () => {
  await run?.cleanup();
});

function cents(cell: string): number {
  return Math.round(Number(cell.trim().replace(',', '.')) * 100);
}

function orderKeys(mp: string): Map<string, string> {
  return new Map(findTable(run, 'all-orders', mp).rows.map((row) => [`${row['amazon-order-id']}|${row.sku}`, row['purchase-date']!]));
}

function settlementRows(mp: string): Record<string, string>[] {
  return findTables(run, 'settlement', mp).flatMap((t) => t.rows.filter((row) => row['transaction-type'] !== ''));
}

const mfnDate = (cell: string): number => Date.parse(`${cell.trim()} UTC`);

describe('demo data consistency', () => {
  it('refers every return row to an earlier order line with the same order id and SKU', () => {
    for (const mp of ['US', 'UK', 'DE', 'JP']) {
      const orders = orderKeys(mp);
      for (const row of findTable(run, 'fba-returns', mp).rows) {
        const purchased = orders.get(`${row['order-id']}|${row.sku}`);
        expect(purchased, `${mp} ${row['order-id']} ${row.sku}`).toBeDefined();
        expect(Date.parse(row['return-date']!)).toBeGreaterThan(Date.parse(purchased!));
      }
      for (const table of findTables(run, 'mfn-returns', mp)) {
        for (const row of table.rows) {
          const purchased = orders.get(`${row['Order ID']}|${row['Merchant SKU']}`);
          expect(purchased, `${mp} ${row['Order ID']}`).toBeDefined();
          expect(mfnDate(row['Return request date']!)).toBeGreaterThanOrEqual(mfnDate(row['Order date']!));
        }
      }
    }
  });

  it('posts refunds only for ordered lines, and MFN refunds match the returns report', () => {
    for (const mp of ['US', 'DE']) {
      const orders = orderKeys(mp);
      for (const row of settlementRows(mp)) expect(orders.has(`${row['order-id']}|${row.sku}`)).toBe(true);
    }
    const refunded = new Map<string, number>();
    for (const row of settlementRows('US')) {
      if (row['transaction-type'] !== 'Refund' || row['amount-type'] === 'ItemFees' || row['amount-type'] === 'ItemWithheldTax') continue;
      const key = `${row['order-id']}|${row.sku}`;
      refunded.set(key, (refunded.get(key) ?? 0) - cents(row.amount!));
    }
    const mfn = findTable(run, 'mfn-returns', 'US').rows.filter((row) => row['Refunded Amount']!.trim() !== '');
    expect(mfn.length).toBeGreaterThan(10);
    for (const row of mfn) expect(refunded.get(`${row['Order ID']}|${row['Merchant SKU']}`), row['Order ID']).toBe(cents(row['Refunded Amount']!));
  });

  it('balances every settlement: the summary total is the sum of its amounts', () => {
    for (const table of [...findTables(run, 'settlement', 'US'), ...findTables(run, 'settlement', 'DE')]) {
      const [summary, ...rows] = table.rows;
      expect(summary!['transaction-type']).toBe('');
      expect(rows.reduce((sum, row) => sum + cents(row.amount!), 0), table.name).toBe(cents(summary!['total-amount']!));
    }
  });

  it('leaves FBA refunds without a return row, some of them claimable now', () => {
    const returned = new Set(findTable(run, 'fba-returns', 'US').rows.map((row) => row['order-id']));
    const reimbursed = new Set(findTable(run, 'reimbursements', 'US').rows.map((row) => row['amazon-order-id']));
    const refunds = settlementRows('US').filter((row) => row['transaction-type'] === 'Refund' && row['fulfillment-id'] === 'AFN' && row['amount-description'] === 'Principal');
    const missing = refunds.filter((row) => !returned.has(row['order-id']));
    const claimable = missing.filter((row) => {
      const age = (endDate.getTime() - Date.parse(row['posted-date-time']!)) / DAY_MS;
      return age >= 60 && age <= 120 && !reimbursed.has(row['order-id']);
    });
    expect(claimable.length).toBeGreaterThanOrEqual(3);
    expect(missing.length).toBeLessThan(refunds.length / 4);
  });

  it('ties reimbursements to real returned orders and SKUs, with one reversal', () => {
    for (const mp of ['US', 'UK', 'DE', 'JP']) {
      const orders = orderKeys(mp);
      for (const row of findTable(run, 'reimbursements', mp).rows) {
        if (row['amazon-order-id'] !== '') expect(orders.has(`${row['amazon-order-id']}|${row.sku}`)).toBe(true);
      }
    }
    const us = findTable(run, 'reimbursements', 'US').rows;
    const reversals = us.filter((row) => row['original-reimbursement-id'] !== '');
    expect(reversals).toHaveLength(1);
    const original = us.find((row) => row['reimbursement-id'] === reversals[0]!['original-reimbursement-id']);
    expect(original?.reason).toBe('CustomerReturn');
    expect(cents(reversals[0]!['amount-total']!)).toBe(-cents(original!['amount-total']!));
    expect(new Set(us.map((row) => row.reason))).toEqual(new Set(['CustomerReturn', 'Damaged_Warehouse', 'Lost_Warehouse', 'Reimbursement_Reversal']));
  });

  it('leaves late MFN requests from the last hours waiting for the seller', () => {
    const waiting = findTable(run, 'mfn-returns', 'US').rows.filter((row) => row['Return request status'] === 'Pending');
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    for (const row of waiting) {
      expect(row['In policy']).toBe('N');
      expect(endDate.getTime() - mfnDate(row['Return request date']!)).toBeLessThanOrEqual(DAY_MS);
      expect(row['Refunded Amount']).toBe(' ');
    }
  });

  it('makes the label payer follow fault in the MFN reports', () => {
    const sellerFault = /^(CR-(DEFECTIVE|MISSING_PARTS|SWITCHEROO|DAMAGED_BY_CARRIER|DAMAGED_BY_FC|MISSED_ESTIMATED_DELIVERY)|AMZ-PG-BAD-DESC)$/;
    const rows = [...findTable(run, 'mfn-returns', 'US').rows, ...findTable(run, 'mfn-returns', 'UK').rows];
    for (const row of rows.filter((r) => r['Label type']!.trim() !== '')) {
      expect(row['Label to be paid by'], row['Return Reason']).toBe(sellerFault.test(row['Return Reason']!) ? 'Seller' : 'Customer');
    }
  });

  it('gives apparel, electronics and kitchen plausible US return rates', () => {
    const rates = returnRatesByCategory(run, 'US');
    expect(rates.apparel).toBeGreaterThan(0.1);
    expect(rates.apparel).toBeLessThan(0.2);
    expect(rates.electronics).toBeGreaterThan(0.03);
    expect(rates.electronics).toBeLessThan(0.12);
    expect(rates['kitchen-without-bottle']).toBeGreaterThan(0.02);
    expect(rates['kitchen-without-bottle']).toBeLessThan(0.06);
  });
});

function returnRatesByCategory(demo: DemoRun, mp: string): Record<string, number> {
  const category = new Map(findTable(demo, 'product-sheet', 'US').rows.map((row) => [row.sku!, row.sku === 'KT-BOTTLE-750' ? 'bottle' : row.category!]));
  const key = (sku: string): string => (category.get(sku) === 'kitchen' ? 'kitchen-without-bottle' : category.get(sku)!);
  const shipped = new Map<string, number>();
  for (const row of findTable(demo, 'all-orders', mp).rows.filter((r) => r['order-status'] === 'Shipped')) {
    shipped.set(key(row.sku!), (shipped.get(key(row.sku!)) ?? 0) + 1);
  }
  const returned = new Map<string, number>();
  const skus = [...findTable(demo, 'fba-returns', mp).rows.map((r) => r.sku!), ...findTables(demo, 'mfn-returns', mp).flatMap((t: DemoTable) => t.rows.map((r) => r['Merchant SKU']!))];
  for (const sku of skus) returned.set(key(sku), (returned.get(key(sku)) ?? 0) + 1);
  return Object.fromEntries([...shipped].map(([k, n]) => [k, (returned.get(k) ?? 0) / n]));
}
