import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { backInStock, components, costHeadline, returnCosts, savedOrderMinor, settlementPartOf, unitValueOf } from './return-costs.js';
import type { AcceptedOffers, CostFacts, CostTotal } from './return-costs.js';
import { costMonthRows, factsOfCostMonths } from './cost-month-rows.js';
import type { ReportCostSums } from './cost-month-rows.js';

const none: CostFacts = {
  settled: [], recordedRefunds: [], reportedRefunds: [], labels: [], handled: [], routed: [], unsellable: [],
  acceptedOffers: [], reimbursements: [], claims: [], products: [],
};
/** The facts of report rows' sums as the cost rollup classifies and stores them (cost-month-rows.ts). */
const viaRollup = (sums: Partial<ReportCostSums>) => {
  const facts = factsOfCostMonths(costMonthRows({ settlement: [], reportedRefunds: [], labels: [], delivered: [], fbaDispositions: [], reimbursements: [], ...sums }));
  return { settled: facts.settled, labels: facts.labels, unsellable: facts.unsellable };
};
const policy = { handlingCostPerUnit: defaultPolicy.handlingCostPerUnit, saveOfferLadderBps: [1000, 1500, 2000] };
const lamp = { marketplaceCode: 'US', sku: 'LAMP', currency: 'USD', month: '2026-03' } as const;
const mug = { marketplaceCode: 'US', sku: 'MUG', currency: 'USD', month: '2026-03' } as const;
const offer = (overrides: Partial<AcceptedOffers> = {}): AcceptedOffers => ({
  marketplaceCode: 'US', sku: 'MUG', month: '2026-03', step: 0, units: 1, orderAmountMinor: 3999, orderQuantity: 1, orderCurrency: 'USD', cases: 1, ...overrides,
});

describe('settlementPartOf', () => {
  it.each([
    ['ItemPrice', 'Principal', 'refunds'], ['ItemPrice', 'Shipping', 'refunds'], ['Promotion', 'Principal', 'refunds'],
    ['ItemFees', 'Commission', 'refunds'], ['ItemFees', 'RefundCommission', 'fees'], ['ItemFees', 'ShippingChargeback', 'fees'],
    ['ItemFees', 'SalesTaxCollectionFee', 'fees'], ['ItemPrice', 'RestockingFee', 'restocking_fees'], ['ItemPrice', 'ReturnShipping', 'restocking_fees'],
    ['ItemPrice', 'Tax', null], ['ItemPrice', 'ShippingTax', null], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', null],
    ['item price', 'principal', 'refunds'],
  ] as const)('%s / %s counts as %s', (type, description, part) => {
    expect(settlementPartOf(type, description)).toBe(part);
  });
});

describe('the small rules', () => {
  it('reads FBA dispositions: only SELLABLE is back in stock; no disposition says nothing', () => {
    expect([backInStock('SELLABLE'), backInStock('Sellable'), backInStock('CUSTOMER_DAMAGED'), backInStock('DAMAGED'), backInStock(null), backInStock(' ')])
      .toEqual([true, true, false, false, null, null]);
  });

  it('values a unit at its cost, else its price, only in its own currency', () => {
    expect(unitValueOf({ sku: 'A', unitCostMinor: 1200, priceMinor: 3000, currency: 'USD' }, 'USD')).toEqual({ amountMinor: 1200, basis: 'unit_cost' });
    expect(unitValueOf({ sku: 'A', unitCostMinor: null, priceMinor: 3000, currency: 'USD' }, 'USD')).toEqual({ amountMinor: 3000, basis: 'price' });
    expect(unitValueOf({ sku: 'A', unitCostMinor: 1200, priceMinor: 3000, currency: 'USD' }, 'EUR')).toBeNull();
    expect(unitValueOf({ sku: 'A', unitCostMinor: null, priceMinor: null, currency: 'USD' }, 'USD')).toBeNull();
    expect(unitValueOf(undefined, 'USD')).toBeNull();
  });

  it('values a save offer at the price kept less the partial refund of its step', () => {
    // 2 of 3 units of a 100.01 line: 66.67, less 15% (10.00) = 56.67.
    expect(savedOrderMinor(offer({ step: 1, units: 2, orderAmountMinor: 10001, orderQuantity: 3 }), 'USD', undefined, policy.saveOfferLadderBps)).toBe(5667);
    // No order amount in USD: the sheet's price × units, less 20%.
    expect(savedOrderMinor(offer({ step: 2, units: 2, orderAmountMinor: 5000, orderCurrency: 'EUR' }), 'USD',
      { sku: 'MUG', unitCostMinor: 900, priceMinor: 2500, currency: 'USD' }, policy.saveOfferLadderBps)).toBe(4000);
    expect(savedOrderMinor(offer({ step: 3 }), 'USD', undefined, policy.saveOfferLadderBps)).toBeNull();
    expect(savedOrderMinor(offer({ step: null }), 'USD', undefined, policy.saveOfferLadderBps)).toBeNull();
    expect(savedOrderMinor(offer({ orderAmountMinor: null }), 'USD', undefined, policy.saveOfferLadderBps)).toBeNull();
  });
});

describe('returnCosts', () => {
  // Planted by construction, March 2026 in the US (USD) and Germany (EUR).
  const facts: CostFacts = {
    ...none,
    // LAMP: a $100.00 refund with $5.00 shipping, $15.00 commission returned, a $3.00 refund administration fee, tax
    // refunded and withheld (nets out), a $20.00 restocking fee kept. Refunds 100 + 5 − 15 = 90.00, fees 3.00, kept 20.00.
    ...viaRollup({
    settlement: [
      { ...lamp, amountType: 'ItemPrice', amountDescription: 'Principal', amountMinor: -10000 },
      { ...lamp, amountType: 'ItemPrice', amountDescription: 'Shipping', amountMinor: -500 },
      { ...lamp, amountType: 'ItemFees', amountDescription: 'Commission', amountMinor: 1500 },
      { ...lamp, amountType: 'ItemFees', amountDescription: 'RefundCommission', amountMinor: -300 },
      { ...lamp, amountType: 'ItemPrice', amountDescription: 'Tax', amountMinor: -800 },
      { ...lamp, amountType: 'ItemWithheldTax', amountDescription: 'MarketplaceFacilitatorTax-Principal', amountMinor: 800 },
      { ...lamp, amountType: 'ItemPrice', amountDescription: 'RestockingFee', amountMinor: 2000 },
    ],
    // LAMP labels: the seller's 4.14 and a blank payer's 3.00 count; the customer's 5.00 does not.
    labels: [{ ...lamp, paidBy: 'Seller', labelMinor: 414 }, { ...lamp, paidBy: 'Customer', labelMinor: 500 }, { ...lamp, paidBy: null, labelMinor: 300 }],
    // 2 LAMP units Amazon graded customer-damaged (50.00 lost); sellable and ungraded units lose nothing.
    fbaDispositions: [
      { marketplaceCode: 'US', sku: 'LAMP', month: '2026-03', disposition: 'CUSTOMER_DAMAGED', units: 2 },
      { marketplaceCode: 'US', sku: 'LAMP', month: '2026-03', disposition: 'SELLABLE', units: 3 },
      { marketplaceCode: 'US', sku: 'LAMP', month: '2026-03', disposition: null, units: 1 },
    ],
    }),
    // MUG: a recorded refund of 72.00 that kept 28.00 (fee and label): 100.00 refunded before deductions; and a report's 39.99.
    recordedRefunds: [{ ...mug, totalMinor: 7200, keptMinor: 2800 }],
    reportedRefunds: [{ ...mug, refundedMinor: 3999 }],
    // 2 LAMP units back in hand at the default US $3.00; 4 JP units with a policy that has no JP entry.
    handled: [{ marketplaceCode: 'US', sku: 'LAMP', month: '2026-03', units: 2 }, { marketplaceCode: 'JP', sku: 'LAMP', month: '2026-03', units: 4 }],
    // LAMP costs 25.00: sold used for 40.00 (value lost 25.00, resale 40.00); disposed at a cost of 1.50 (25.00 + 1.50 lost);
    // restocked as new (nothing lost, its sale is no recovery); one route not realized yet.
    routed: [
      { ...lamp, route: 'sell_as_used', units: 1, realizedGainMinor: 4000, realizedCostMinor: 0, unrealized: 0 },
      { ...lamp, route: 'dispose', units: 1, realizedGainMinor: 0, realizedCostMinor: 150, unrealized: 0 },
      { ...lamp, route: 'restock_as_new', units: 1, realizedGainMinor: 9000, realizedCostMinor: 0, unrealized: 0 },
      { ...lamp, route: 'liquidate', units: 1, realizedGainMinor: 0, realizedCostMinor: 0, unrealized: 1 },
    ],
    // Two MUG buyers kept a 39.99 unit for a 10% refund: 2 × (39.99 − 4.00) = 71.98.
    acceptedOffers: [offer({ cases: 2 })],
    // LAMP reimbursed 25.00, then 5.00 reversed; 18.00 EUR in Germany.
    reimbursements: [
      { ...lamp, amountMinor: 2500 }, { ...lamp, amountMinor: -500 },
      { marketplaceCode: 'DE', sku: 'LAMP', currency: 'EUR', month: '2026-03', amountMinor: 1800 },
    ],
    claims: [{ ...mug, recoveredMinor: 2999 }],
    products: [{ sku: 'LAMP', unitCostMinor: 2500, priceMinor: 9000, currency: 'USD' }],
  };
  const jpLess = { ...policy, handlingCostPerUnit: { US: defaultPolicy.handlingCostPerUnit.US } };

  it('values every component as planted, per SKU, marketplace, currency and month', () => {
    const costs = returnCosts(facts, jpLess);
    const row = (marketplaceCode: string, sku: string) => costs.rows.find((r) => r.marketplaceCode === marketplaceCode && r.sku === sku);
    expect(row('US', 'LAMP')).toEqual({
      ...lamp,
      components: {
        refunds: 9000, return_labels: 714, handling: 600, value_lost: 2500 + 2650 + 2500 + 5000, fees: 300,
        saved_orders: 0, restocking_fees: 2000, resale: 4000, reimbursements: 2000, claims: 0,
      },
      costMinor: 9000 + 714 + 600 + 12650 + 300,
      recoveredMinor: 2000 + 4000 + 2000,
    });
    expect(row('US', 'MUG')).toEqual({
      ...mug,
      components: {
        refunds: 10000 + 3999, return_labels: 0, handling: 0, value_lost: 0, fees: 0,
        saved_orders: 7198, restocking_fees: 2800, resale: 0, reimbursements: 0, claims: 2999,
      },
      costMinor: 13999,
      recoveredMinor: 7198 + 2800 + 2999,
    });
    expect(row('DE', 'LAMP')).toMatchObject({ currency: 'EUR', costMinor: 0, recoveredMinor: 1800 });
    expect(row('JP', 'LAMP')).toBeUndefined();
  });

  it('totals each currency apart, per month and over the range, and heads with the latest month', () => {
    const costs = returnCosts(facts, jpLess);
    expect(costs.totals.map((t) => [t.month, t.currency, t.costMinor, t.recoveredMinor])).toEqual([
      ['2026-03', 'EUR', 0, 1800],
      ['2026-03', 'USD', 23264 + 13999, 8000 + 12997],
    ]);
    expect(costs.totals[1]!.components).toMatchObject({ refunds: 22999, restocking_fees: 4800 });
    expect(costs.currencyTotals.map((t) => [t.month, t.currency, t.costMinor])).toEqual([[null, 'EUR', 0], [null, 'USD', 37263]]);
    expect(costs.headline).toEqual([
      { month: '2026-03', currency: 'EUR', costMinor: 0, recoveredMinor: 1800 },
      { month: '2026-03', currency: 'USD', costMinor: 37263, recoveredMinor: 20997 },
    ]);
  });

  it('says how each component was computed and what it could not count', () => {
    const { notes } = returnCosts(facts, jpLess);
    expect(notes.handling).toContain('US 3.00 USD');
    expect(notes.handling).toContain('Not in policy: JP (4 units): counted 0.');
    expect(notes.fees).toContain('returnsFeePerUnit) is an estimate of exposure');
    expect(notes.resale).toContain('1 routes have no realized value yet');
    expect(notes.claims).toContain('count there, never twice');
    expect(Object.keys(notes).sort()).toEqual([...components].sort());
  });

  it('counts nothing it cannot value, and says so', () => {
    const costs = returnCosts({
      ...none,
      ...viaRollup({ fbaDispositions: [
        { marketplaceCode: 'DE', sku: 'LAMP', month: '2026-03', disposition: 'DEFECTIVE', units: 3 },
        { marketplaceCode: 'US', sku: 'VASE', month: '2026-03', disposition: 'DEFECTIVE', units: 2 },
        { marketplaceCode: 'XX', sku: 'LAMP', month: '2026-03', disposition: 'DEFECTIVE', units: 7 },
      ] }),
      acceptedOffers: [offer({ step: 5 })],
      products: [{ sku: 'LAMP', unitCostMinor: 2500, priceMinor: 9000, currency: 'USD' }, { sku: 'VASE', unitCostMinor: null, priceMinor: 1500, currency: 'USD' }],
    }, policy);
    // The USD LAMP cost says nothing of a unit in euros; the VASE has a price only.
    expect(costs.rows.map((r) => [r.marketplaceCode, r.sku, r.components.value_lost])).toEqual([['US', 'VASE', 3000]]);
    expect(costs.notes.value_lost).toContain('2 units valued at price');
    expect(costs.notes.value_lost).toContain('no value in the product sheet in their currency: 3 in EUR units');
    expect(costs.notes.handling).not.toContain('Not in policy');
    expect(costs.notes.saved_orders).toContain('1 accepted offers without a price');
  });

  it('keeps a negative month (a reversal larger than what was approved) and sorts by month, currency, then highest cost', () => {
    const costs = returnCosts({
      ...none,
      reportedRefunds: [
        { ...mug, month: '2026-04', refundedMinor: 100 }, { ...lamp, month: '2026-04', refundedMinor: 900 }, { ...lamp, refundedMinor: 50 },
      ],
      reimbursements: [{ ...lamp, month: '2026-04', amountMinor: -700 }],
    }, policy);
    expect(costs.rows.map((r) => [r.month, r.sku, r.costMinor, r.recoveredMinor])).toEqual([
      ['2026-03', 'LAMP', 50, 0], ['2026-04', 'LAMP', 900, -700], ['2026-04', 'MUG', 100, 0],
    ]);
    expect(costs.headline).toEqual([{ month: '2026-04', currency: 'USD', costMinor: 1000, recoveredMinor: -700 }]);
  });

  it('has no rows, totals or headline without facts', () => {
    expect(returnCosts(none, policy)).toMatchObject({ rows: [], totals: [], currencyTotals: [], headline: [] });
  });
});

describe('costHeadline', () => {
  const total = (month: string, currency: string, costMinor: number, recoveredMinor: number): CostTotal => ({
    month, currency, costMinor, recoveredMinor,
    components: { refunds: costMinor, return_labels: 0, handling: 0, value_lost: 0, fees: 0, saved_orders: 0, restocking_fees: 0, resale: 0, reimbursements: recoveredMinor, claims: 0 },
  });
  const totals = [total('2026-02', 'EUR', 500, 100), total('2026-03', 'USD', 900, 300)];

  it('shows the latest month with data, with 0 for a currency that had none then', () => {
    expect(costHeadline(totals)).toEqual([
      { month: '2026-03', currency: 'EUR', costMinor: 0, recoveredMinor: 0 },
      { month: '2026-03', currency: 'USD', costMinor: 900, recoveredMinor: 300 },
    ]);
  });

  it('shows the month asked for', () => {
    expect(costHeadline(totals, '2026-02')).toEqual([
      { month: '2026-02', currency: 'EUR', costMinor: 500, recoveredMinor: 100 },
      { month: '2026-02', currency: 'USD', costMinor: 0, recoveredMinor: 0 },
    ]);
  });
});
