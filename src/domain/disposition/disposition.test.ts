import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { defaultPolicy, defaultUsRemovalFees } from '../policy/default-policy.js';
import type { Policy, RemovalFeeTable } from '../policy/policy.js';
import { defaultDispositionPolicy } from './disposition-policy.js';
import type { DispositionPolicy, MarketplaceDisposition, SupplierCredit } from './disposition-policy.js';
import type { DispositionResult, DispositionRoute, DispositionUnit } from './disposition-types.js';
import { dispositionOptions } from './disposition.js';

// A $40, 400 g standard-size unit: US removal/disposal fee $1.53 (0.5–1 lb band from 2026-01-15).
const unit = (overrides: Partial<DispositionUnit> = {}): DispositionUnit => ({
  channel: 'FBA', marketplaceCode: 'US', currency: 'USD', sku: 'MUG-01', grade: 'used_very_good', quantity: 1,
  unitPriceMinor: 4000, unitCostMinor: 1200, weightGrams: 400, sizeTier: 'standard', ...overrides,
});
const at = '2026-03-01T12:00:00Z';

const us = defaultDispositionPolicy.marketplaces.US!;
const withUs = (terms: Partial<MarketplaceDisposition>, supplierCredits: readonly SupplierCredit[] = []): DispositionPolicy =>
  ({ marketplaces: { ...defaultDispositionPolicy.marketplaces, US: { ...us, ...terms } }, supplierCredits });
const enrolled = withUs({ gradeAndResell: { ...us.gradeAndResell!, enrolled: true } });
const mugCredit: SupplierCredit = { sku: 'MUG-01', credit: { kind: 'share_of_unit_cost', bps: 8000 }, shippingCostPerUnit: { amountMinor: 200, currency: 'USD' } };
const withCredit = (credit: Partial<SupplierCredit> = {}) => withUs({}, [{ ...mugCredit, ...credit }]);

// A made-up UK table so FBA units in the UK can be priced (the reference has none).
const ukFees: RemovalFeeTable = { effectiveFrom: '2026-01-01', currency: 'GBP', source: 'test', standard: [{ maxGrams: null, amountMinor: 100 }], oversize: [{ maxGrams: null, amountMinor: 300 }] };
const policyWithUk: Policy = { ...defaultPolicy, removalDisposalFees: { ...defaultPolicy.removalDisposalFees, UK: [ukFees] } };
const ukUnit = (overrides: Partial<DispositionUnit> = {}) => unit({ marketplaceCode: 'UK', currency: 'GBP', ...overrides });
const ukEnrolled = (): DispositionPolicy => {
  const uk = defaultDispositionPolicy.marketplaces.UK!;
  const fees = [{ ...ukFees, effectiveFrom: '2026-02-01', source: 'test' }];
  return { ...defaultDispositionPolicy, marketplaces: { ...defaultDispositionPolicy.marketplaces, UK: { ...uk, gradeAndResell: { ...uk.gradeAndResell!, enrolled: true, fees } } } };
};

const run = (u: DispositionUnit, dp: DispositionPolicy = defaultDispositionPolicy, policy: Policy = defaultPolicy, when = at): DispositionResult =>
  dispositionOptions(u, policy, dp, when);
const option = (result: DispositionResult, route: DispositionRoute) => result.options.find((o) => o.route === route)!;
const amounts = (result: DispositionResult, route: DispositionRoute) => Object.fromEntries(option(result, route).components.map((c) => [c.id, c.amountMinor]));

describe('dispositionOptions: the money of each route', () => {
  it('prices an FBA unit in the fulfilment centre with the fees in force', () => {
    const result = run(unit());
    expect(amounts(result, 'sell_as_used')).toEqual({
      resale_used: 3000, referral_fee: -450, cleaning_repackaging: -100, relabelling: -30, inbound_shipping: -75, removal_fee: -153, handling: -300,
    });
    expect(option(result, 'sell_as_used').netRecoveryMinor).toBe(1892);
    expect(amounts(result, 'liquidate')).toEqual({ liquidation_recovery: 300, liquidation_referral_fee: -45, liquidation_processing_fee: -50 });
    expect(amounts(result, 'dispose')).toEqual({ disposal_fee: -153 });
    // Removal, receiving, then the best route in hand (sell as used without the removal: 2345).
    expect(amounts(result, 'remove')).toEqual({ removal_fee: -153, handling: -300, after_removal: 2345 });
    // Remove ties with sell as used at 1892: the earlier route wins.
    expect(result.recommended?.route).toBe('sell_as_used');
  });

  it('prices Grade and Resell by size tier and weight, and recommends it when it pays most', () => {
    const result = run(unit(), enrolled);
    expect(amounts(result, 'grade_and_resell')).toEqual({ resale_used: 3000, referral_fee: -450, processing_fee: -150 });
    expect(result.recommended?.route).toBe('grade_and_resell');
    expect(amounts(run(unit({ weightGrams: 5000 }), enrolled), 'grade_and_resell').processing_fee).toBe(-180);
    expect(amounts(run(unit({ weightGrams: 5000, sizeTier: 'oversize' }), enrolled), 'grade_and_resell').processing_fee).toBe(-265);
    expect(amounts(run(unit({ weightGrams: 70000, sizeTier: 'oversize' }), enrolled), 'grade_and_resell').processing_fee).toBe(-410);
  });

  it('prices an MFN unit without Amazon fees or inbound shipping', () => {
    const result = run(unit({ channel: 'MFN', grade: 'new', unitPriceMinor: 2500 }));
    expect(amounts(result, 'restock_as_new')).toEqual({ resale_new: 2500, referral_fee: -375, cleaning_repackaging: -100, relabelling: -30 });
    expect(amounts(result, 'dispose')).toEqual({ own_disposal: -50 });
    expect(amounts(result, 'donate')).toEqual({ donation_cost: -100 });
    expect(result.recommended?.route).toBe('restock_as_new');
  });

  it('multiplies per-unit amounts by the quantity and takes shares of the total', () => {
    const result = run(unit({ quantity: 3 }), withCredit());
    expect(amounts(result, 'return_to_supplier')).toEqual({ supplier_credit: 2880, supplier_shipping: -600, removal_fee: -459, handling: -900 });
  });

  it('uses the referral fee of the product category when the policy has one', () => {
    const result = run(unit({ channel: 'MFN', productCategory: 'books' }), withUs({ saleReferralFeeBpsByCategory: { books: 800 } }));
    expect(amounts(result, 'sell_as_used').referral_fee).toBe(-240);
  });

  it('prices a fixed supplier credit, and an SKU entry wins over a category entry', () => {
    const credits: SupplierCredit[] = [
      { productCategory: 'kitchen', credit: { kind: 'fixed', perUnit: { amountMinor: 999, currency: 'USD' } }, shippingCostPerUnit: { amountMinor: 0, currency: 'USD' } },
      { ...mugCredit, credit: { kind: 'fixed', perUnit: { amountMinor: 500, currency: 'USD' } } },
    ];
    const result = run(unit({ channel: 'MFN', productCategory: 'kitchen' }), withUs({}, credits));
    expect(amounts(result, 'return_to_supplier')).toEqual({ supplier_credit: 500, supplier_shipping: -200 });
    expect(amounts(run(unit({ channel: 'MFN', sku: 'OTHER', productCategory: 'kitchen' }), withUs({}, credits)), 'return_to_supplier').supplier_credit).toBe(999);
  });
});

describe('dispositionOptions: Amazon fees by effective date', () => {
  const older: RemovalFeeTable = { ...defaultUsRemovalFees[0]!, effectiveFrom: '2024-01-01', effectiveTo: '2026-01-15', standard: [{ maxGrams: null, amountMinor: 97 }], source: 'test' };
  const withHistory: Policy = { ...defaultPolicy, removalDisposalFees: { US: [older, ...defaultUsRemovalFees] } };

  it.each([
    ['2026-01-14', -97],
    ['2026-01-14T23:59:59Z', -97],
    ['2026-01-15', -153],
    ['2027-06-01', -153],
  ])('on %s the disposal fee is %i', (when, fee) => {
    expect(amounts(run(unit(), defaultDispositionPolicy, withHistory, when), 'dispose').disposal_fee).toBe(fee);
  });

  it('never uses the 2026 table before 2026-01-15: with no older table that is an error', () => {
    expect(() => run(unit(), defaultDispositionPolicy, defaultPolicy, '2026-01-14')).toThrow(/removal and disposal fee for US is in force on 2026-01-14/);
  });
});

const blocked = (result: DispositionResult, route: DispositionRoute) => option(result, route).blockedBy;

describe('dispositionOptions: which routes are allowed', () => {
  it.each<[string, DispositionRoute, DispositionUnit, DispositionPolicy, Policy, readonly string[]]>([
    ['restock, MFN new', 'restock_as_new', unit({ channel: 'MFN', grade: 'new' }), defaultDispositionPolicy, defaultPolicy, []],
    ['restock, used', 'restock_as_new', unit(), defaultDispositionPolicy, defaultPolicy, ['restock-new-only']],
    ['restock, recalled', 'restock_as_new', unit({ grade: 'new', recalled: true }), defaultDispositionPolicy, defaultPolicy, ['recalled-never-passed-on']],
    ['restock, expired', 'restock_as_new', unit({ grade: 'new', expired: true }), defaultDispositionPolicy, defaultPolicy, ['expired-never-passed-on']],
    ['sell used, used grade', 'sell_as_used', unit({ grade: 'used_acceptable' }), defaultDispositionPolicy, defaultPolicy, []],
    ['sell used, new', 'sell_as_used', unit({ grade: 'new' }), defaultDispositionPolicy, defaultPolicy, ['sell-used-used-grades-only']],
    ['sell used, wrong item', 'sell_as_used', unit({ grade: 'wrong_item' }), defaultDispositionPolicy, defaultPolicy, ['sell-used-used-grades-only']],
    ['G&R, enrolled', 'grade_and_resell', unit(), enrolled, defaultPolicy, []],
    ['G&R, MFN', 'grade_and_resell', unit({ channel: 'MFN' }), enrolled, defaultPolicy, ['fba-only']],
    ['G&R, removed unit', 'grade_and_resell', unit({ location: 'seller' }), enrolled, defaultPolicy, ['in-fulfilment-centre-only']],
    ['G&R, not offered', 'grade_and_resell', unit(), withUs({ gradeAndResell: undefined }), defaultPolicy, ['grade-and-resell-not-offered']],
    ['G&R, not enrolled', 'grade_and_resell', unit(), defaultDispositionPolicy, defaultPolicy, ['grade-and-resell-not-enrolled']],
    ['G&R, new unit', 'grade_and_resell', unit({ grade: 'new' }), enrolled, defaultPolicy, ['grade-and-resell-used-grades-only']],
    ['G&R, UK £14.99', 'grade_and_resell', ukUnit({ unitPriceMinor: 1499 }), ukEnrolled(), policyWithUk, ['grade-and-resell-min-price']],
    ['G&R, UK £15', 'grade_and_resell', ukUnit({ unitPriceMinor: 1500 }), ukEnrolled(), policyWithUk, []],
    ['supplier, configured', 'return_to_supplier', unit(), withCredit(), defaultPolicy, []],
    ['supplier, none', 'return_to_supplier', unit(), defaultDispositionPolicy, defaultPolicy, ['supplier-credit-not-configured']],
    ['supplier, other marketplace', 'return_to_supplier', unit(), withCredit({ marketplaceCode: 'DE' }), defaultPolicy, ['supplier-credit-not-configured']],
    ['supplier, grade', 'return_to_supplier', unit(), withCredit({ grades: ['unsellable_defective'] }), defaultPolicy, ['supplier-grade-not-accepted']],
    ['supplier, no cost', 'return_to_supplier', unit({ unitCostMinor: undefined }), withCredit(), defaultPolicy, ['supplier-credit-needs-unit-cost']],
    ['supplier, wrong item', 'return_to_supplier', unit({ grade: 'wrong_item' }), withCredit(), defaultPolicy, ['wrong-item-not-ours']],
    ['liquidate, damaged', 'liquidate', unit({ grade: 'unsellable_damaged' }), defaultDispositionPolicy, defaultPolicy, []],
    ['liquidate, MFN', 'liquidate', unit({ channel: 'MFN' }), defaultDispositionPolicy, defaultPolicy, ['fba-only']],
    ['liquidate, UK', 'liquidate', ukUnit(), defaultDispositionPolicy, policyWithUk, ['liquidation-not-offered']],
    ['liquidate, hazmat', 'liquidate', unit({ hazmat: true }), defaultDispositionPolicy, defaultPolicy, ['liquidation-ineligible-hazmat']],
    ['liquidate, jewelry', 'liquidate', unit({ jewelry: true }), defaultDispositionPolicy, defaultPolicy, ['liquidation-ineligible-jewelry']],
    ['liquidate, defective', 'liquidate', unit({ grade: 'unsellable_defective' }), defaultDispositionPolicy, defaultPolicy, ['liquidation-ineligible-condition']],
    ['liquidate, warehouse-damaged', 'liquidate', unit({ warehouseDamaged: true }), defaultDispositionPolicy, defaultPolicy, ['liquidation-ineligible-condition']],
    ['liquidate, recalled', 'liquidate', unit({ recalled: true }), defaultDispositionPolicy, defaultPolicy, ['recalled-never-passed-on']],
    ['liquidate, wrong item', 'liquidate', unit({ grade: 'wrong_item' }), defaultDispositionPolicy, defaultPolicy, ['wrong-item-not-ours']],
    ['remove, FBA', 'remove', unit(), defaultDispositionPolicy, defaultPolicy, []],
    ['remove, MFN', 'remove', unit({ channel: 'MFN' }), defaultDispositionPolicy, defaultPolicy, ['fba-only']],
    ['remove, already removed', 'remove', unit({ location: 'seller' }), defaultDispositionPolicy, defaultPolicy, ['in-fulfilment-centre-only']],
    ['donate, MFN', 'donate', unit({ channel: 'MFN', grade: 'unsellable_damaged' }), defaultDispositionPolicy, defaultPolicy, []],
    ['donate, FBA offered', 'donate', unit(), withUs({ fbaDonation: 'disposal_fee' }), defaultPolicy, []],
    ['donate, FBA not offered', 'donate', unit(), defaultDispositionPolicy, defaultPolicy, ['donation-not-offered']],
    ['donate, defective', 'donate', unit({ channel: 'MFN', grade: 'unsellable_defective' }), defaultDispositionPolicy, defaultPolicy, ['defective-not-donated']],
    ['donate, expired', 'donate', unit({ channel: 'MFN', expired: true }), defaultDispositionPolicy, defaultPolicy, ['expired-never-passed-on']],
    ['dispose, FBA', 'dispose', unit({ recalled: true }), defaultDispositionPolicy, defaultPolicy, []],
    ['dispose, missing', 'dispose', unit({ grade: 'missing' }), defaultDispositionPolicy, defaultPolicy, ['unit-missing']],
  ])('%s', (_name, route, u, dp, policy, rules) => {
    const result = run(u, dp, policy);
    expect(blocked(result, route)).toEqual(rules);
    expect(option(result, route).allowed).toBe(rules.length === 0);
    for (const rule of rules) expect(result.firedRules).toContain(rule);
  });

  it('shows an unavailable route without components, an ineligible one priced', () => {
    const result = run(unit({ channel: 'MFN' }));
    expect(option(result, 'grade_and_resell').components).toEqual([]);
    expect(option(result, 'restock_as_new').netRecoveryMinor).toBe(4000 - 600 - 100 - 30);
  });

  it('recommends nothing for an empty parcel', () => {
    const result = run(unit({ grade: 'missing' }));
    expect(result.options.every((o) => !o.allowed && o.components.length === 0)).toBe(true);
    expect(result.recommended).toBeNull();
  });

  it('recommends disposal of a recalled unit at Amazon', () => {
    expect(run(unit({ recalled: true, grade: 'new' })).recommended?.route).toBe('dispose');
  });

  it('recommends liquidation when it beats removal of an unsellable unit', () => {
    const result = run(unit({ grade: 'unsellable_damaged' }));
    expect(option(result, 'liquidate').netRecoveryMinor).toBe(205);
    expect(result.recommended?.route).toBe('liquidate');
  });
});

const errorOf = (fn: () => unknown): { code: string; message: string } => {
  try { fn(); } catch (error) { if (isDomainError(error)) return { code: error.code, message: error.message }; throw error; }
  throw new Error('expected a DomainError');
};

describe('dispositionOptions: errors', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['a marketplace missing from the disposition policy', () => run(unit({ marketplaceCode: 'CA', currency: 'CAD', channel: 'MFN' })), /add marketplaces\.CA/],
    ['FBA in a marketplace without removal fees', () => run(unit({ marketplaceCode: 'DE', currency: 'EUR' })), /add removalDisposalFees\.DE/],
    ['a currency mismatch', () => run(unit({ channel: 'MFN', currency: 'EUR' })), /in USD, the unit in EUR/],
    ['no fee in force', () => run(unit(), defaultDispositionPolicy, defaultPolicy, '2025-12-31'), /add an entry effective from that date or earlier/],
    ['no Grade and Resell fee in force yet', () => run(ukUnit(), ukEnrolled(), policyWithUk, '2026-01-20'), /No Grade and Resell fee table for UK is in force on 2026-01-20/],
    ['an enrolled marketplace without fees', () => run(ukUnit(), (() => { const dp = ukEnrolled(); const uk = dp.marketplaces.UK!; return { ...dp, marketplaces: { ...dp.marketplaces, UK: { ...uk, gradeAndResell: { ...uk.gradeAndResell!, fees: [] } } } }; })(), policyWithUk), /No Grade and Resell fee table for UK/],
    ['an FBA unit without weight', () => run(unit({ weightGrams: undefined })), /add weightGrams/],
    ['a standard unit heavier than standard', () => run(unit({ weightGrams: 12000 }), enrolled), /no standard band for 12000 g/],
    ['a quantity of 0', () => run(unit({ quantity: 0 })), /quantity 0/],
    ['a fractional price', () => run(unit({ unitPriceMinor: 12.5 })), /unit price 12.5/],
    ['an MFN unit at Amazon', () => run(unit({ channel: 'MFN', location: 'fulfilment_centre' })), /MFN unit is never/],
    ['a date that is not ISO', () => run(unit(), defaultDispositionPolicy, defaultPolicy, '01/03/2026'), /not ISO-8601/],
  ])('%s is invalid_input', (_name, fn, message) => {
    const error = errorOf(fn);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
  });
});
