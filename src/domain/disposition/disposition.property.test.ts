import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectionGrades } from '../inspection/inspection-grades.js';
import { defaultPolicy } from '../policy/default-policy.js';
import { defaultDispositionPolicy } from './disposition-policy.js';
import type { DispositionPolicy, SupplierCredit } from './disposition-policy.js';
import type { DispositionOption, DispositionUnit } from './disposition-types.js';
import { dispositionOptions } from './disposition.js';
import { fbaUnsellableDispositions, fbaUnsellableOptions } from './fba-unsellable.js';

// FBA units are priced in the US (the only removal fee table on record); MFN units anywhere the
// default disposition policy covers, in that marketplace's currency.
const mfnMarkets = [['US', 'USD'], ['UK', 'GBP'], ['DE', 'EUR'], ['FR', 'EUR'], ['IT', 'EUR'], ['ES', 'EUR'], ['JP', 'JPY']] as const;

const flags = fc.record({ hazmat: fc.boolean(), recalled: fc.boolean(), jewelry: fc.boolean(), expired: fc.boolean(), warehouseDamaged: fc.boolean() }, { requiredKeys: [] });
const size = fc.oneof(
  fc.record({ sizeTier: fc.constant('standard' as const), weightGrams: fc.integer({ min: 0, max: 9525 }) }),
  fc.record({ sizeTier: fc.constant('oversize' as const), weightGrams: fc.integer({ min: 0, max: 200_000 }) }),
);
const where = fc.oneof(
  fc.record({ channel: fc.constant('FBA' as const), location: fc.constantFrom('fulfilment_centre' as const, 'seller' as const), market: fc.constant(mfnMarkets[0]) }),
  fc.record({ channel: fc.constant('MFN' as const), market: fc.constantFrom(...mfnMarkets) }),
);
const unitArb = fc.tuple(where, size, flags, fc.constantFrom(...inspectionGrades), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 10_000_000 }), fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }))
  .map(([{ market: [marketplaceCode, currency], ...place }, sized, flagSet, grade, quantity, unitPriceMinor, unitCostMinor]): DispositionUnit =>
    ({ ...place, ...sized, ...flagSet, marketplaceCode, currency, grade, quantity, unitPriceMinor, unitCostMinor, sku: 'SKU-1', productCategory: 'kitchen' }));

const policyArb = fc.record({ enrolled: fc.boolean(), donation: fc.boolean(), creditBps: fc.integer({ min: 0, max: 10_000 }), fixed: fc.boolean() })
  .map(({ enrolled, donation, creditBps, fixed }): DispositionPolicy => {
    const us = defaultDispositionPolicy.marketplaces.US!;
    const credit: SupplierCredit = {
      productCategory: 'kitchen',
      credit: fixed ? { kind: 'fixed', perUnit: { amountMinor: creditBps, currency: 'USD' } } : { kind: 'share_of_unit_cost', bps: creditBps },
      shippingCostPerUnit: { amountMinor: 250, currency: 'USD' },
      marketplaceCode: 'US',
    };
    const terms = { ...us, gradeAndResell: { ...us.gradeAndResell!, enrolled }, ...(donation ? { fbaDonation: 'disposal_fee' as const } : {}) };
    return { marketplaces: { ...defaultDispositionPolicy.marketplaces, US: terms }, supplierCredits: [credit] };
  });
const dateArb = fc.integer({ min: 0, max: 700 }).map((days) => new Date(Date.UTC(2026, 0, 15 + days)).toISOString());

function expectConsistent(options: readonly DispositionOption[] | readonly Omit<DispositionOption, 'route'>[], recommended: Omit<DispositionOption, 'route'> | null): void {
  for (const option of options) {
    expect(option.netRecoveryMinor).toBe(option.components.reduce((sum, c) => sum + c.amountMinor, 0));
    expect(option.allowed).toBe(option.blockedBy.length === 0);
  }
  const allowed = options.filter((o) => o.allowed);
  if (allowed.length === 0) return void expect(recommended).toBeNull();
  expect(recommended?.allowed).toBe(true);
  for (const option of allowed) expect(recommended!.netRecoveryMinor).toBeGreaterThanOrEqual(option.netRecoveryMinor);
}

describe('disposition properties', () => {
  it('net recovery is the exact sum of components; the recommendation is allowed and never below another allowed route', () => {
    fc.assert(fc.property(unitArb, policyArb, dateArb, (unit, dp, atIso) => {
      const result = dispositionOptions(unit, defaultPolicy, dp, atIso);
      expectConsistent(result.options, result.recommended);
    }), { numRuns: 400 });
  });

  it('holds for FBA units Amazon graded unsellable, whatever the odds', () => {
    const odds = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: inspectionGrades.length, maxLength: inspectionGrades.length })
      .filter((weights) => weights.some((w) => w > 0))
      .map((weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        return Object.fromEntries(inspectionGrades.map((grade, i) => [grade, weights[i]! / total]));
      });
    fc.assert(fc.property(unitArb, policyArb, dateArb, odds, fc.constantFrom(...fbaUnsellableDispositions), (unit, dp, atIso, gradeOdds, detailedDisposition) => {
      const { channel: _c, location: _l, grade: _g, ...rest } = { ...unit, marketplaceCode: 'US' as const, currency: 'USD' };
      const result = fbaUnsellableOptions({ ...rest, detailedDisposition, gradeOdds }, defaultPolicy, dp, atIso);
      expectConsistent(result.options, result.recommended);
    }), { numRuns: 200 });
  });
});
