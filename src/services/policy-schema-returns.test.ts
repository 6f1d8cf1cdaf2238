import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { DispositionPolicy } from '../domain/disposition/disposition-policy.js';
import { defaultClaimsPolicy } from '../domain/claims/claims-policy.js';
import type { ClaimsPolicy } from '../domain/claims/claims-policy.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { validatePolicy } from './policy.js';
import { claimsSchema } from './policy-schema-returns.js';
import type { dispositionSchema } from './policy-schema-returns.js';

const errorsOf = (value: unknown) => {
  const result = validatePolicy(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

// A mutable deep copy of the default disposition policy to break in one place.
const disposition = () => JSON.parse(JSON.stringify(defaultPolicy.disposition)) as z.output<typeof dispositionSchema>;
const withDisposition = (change: (d: z.output<typeof dispositionSchema>) => void) => {
  const d = disposition();
  change(d);
  return { ...defaultPolicy, disposition: d };
};

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
const credit = { sku: 'SKU-1', credit: { kind: 'share_of_unit_cost', bps: 8000 }, shippingCostPerUnit: usd(200) } as const;

describe('the disposition section of the policy', () => {
  it('mirrors DispositionPolicy', () => {
    expectTypeOf<z.output<typeof dispositionSchema>>().toExtend<DispositionPolicy>();
  });

  it('accepts the default, unchanged', () => {
    const result = validatePolicy(defaultPolicy);
    expect(result.ok && result.policy.disposition).toEqual(defaultPolicy.disposition);
  });

  it('gives a policy stored before the section existed the default, a fresh copy each time', () => {
    const { disposition: _left, ...older } = defaultPolicy;
    const first = validatePolicy(older);
    const second = validatePolicy(JSON.parse(JSON.stringify(older)));
    expect(first.ok && first.policy.disposition).toEqual(defaultPolicy.disposition);
    expect(first.ok && second.ok && first.policy.disposition !== second.policy.disposition).toBe(true);
    expect(first.ok && first.policy.disposition !== defaultPolicy.disposition).toBe(true);
  });

  it('accepts every optional field a seller may add', () => {
    expect(errorsOf(withDisposition((d) => {
      d.marketplaces.UK = { ...d.marketplaces.UK!, fbaDonation: 'disposal_fee', saleReferralFeeBpsByCategory: { Jewellery: 2000 } };
      d.supplierCredits.push(
        { ...credit, marketplaceCode: 'US', grades: ['unsellable_defective'] },
        { productCategory: 'Toys', credit: { kind: 'fixed', perUnit: gbp(300) }, shippingCostPerUnit: gbp(150) },
      );
    }))).toEqual([]);
  });

  it.each([
    ['a money in another currency than its marketplace\'s', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.restock.relabelling = gbp(30); },
      'disposition.marketplaces.US.restock.relabelling.currency: must be USD, the currency of US'],
    ['a fee table in another currency', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.gradeAndResell!.fees[0]!.currency = 'EUR'; },
      'disposition.marketplaces.US.gradeAndResell.fees[0].currency: must be USD, the currency of US'],
    ['a minimum price in another currency', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.UK!.gradeAndResell!.minUnitPrice[0]!.minUnitPrice = usd(1500); },
      'disposition.marketplaces.UK.gradeAndResell.minUnitPrice[0].minUnitPrice.currency: must be GBP, the currency of UK'],
    ['a liquidation estimate in another currency', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.liquidation!.processingFeeEstimate.currency = 'GBP'; },
      'disposition.marketplaces.US.liquidation.processingFeeEstimate.currency: must be USD, the currency of US'],
    ['a share above 100%', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.liquidation!.recoveryShareBps = 12000; },
      'disposition.marketplaces.US.liquidation.recoveryShareBps: must be at most 10000'],
    ['a category referral fee above 100%', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.DE!.saleReferralFeeBpsByCategory = { Books: 12000 }; },
      'disposition.marketplaces.DE.saleReferralFeeBpsByCategory.Books: must be at most 10000'],
    ['a misspelt key', (d: z.output<typeof dispositionSchema>) => { Object.assign(d.marketplaces.FR!, { donationCostPerUnits: d.marketplaces.FR!.donationCostPerUnit }); },
      'disposition.marketplaces.FR.donationCostPerUnits: is not a policy field (check the spelling)'],
    ['an fbaDonation other than disposal_fee', (d: z.output<typeof dispositionSchema>) => { Object.assign(d.marketplaces.JP!, { fbaDonation: 'free' }); },
      'disposition.marketplaces.JP.fbaDonation: must be one of: disposal_fee'],
    ['weight tiers out of order', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.gradeAndResell!.fees[0]!.standard = [{ maxGrams: 900, amountMinor: 1 }, { maxGrams: 400, amountMinor: 2 }]; },
      'disposition.marketplaces.US.gradeAndResell.fees[0].standard[1].maxGrams: must be more than the previous tier\'s 900'],
    ['an effectiveTo before effectiveFrom', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.liquidation!.referralFees[0]!.effectiveTo = '2020-06-01'; },
      'disposition.marketplaces.US.liquidation.referralFees[0].effectiveTo: must be after effectiveFrom 2021-01-01'],
    ['an Amazon number without its source', (d: z.output<typeof dispositionSchema>) => { d.marketplaces.US!.gradeAndResell!.fees[0]!.source = ' '; },
      'disposition.marketplaces.US.gradeAndResell.fees[0].source: must not be empty'],
    ['a supplier credit naming neither sku nor category', (d: z.output<typeof dispositionSchema>) => { d.supplierCredits.push({ ...credit, sku: undefined }); },
      'disposition.supplierCredits[0]: must name a sku or a productCategory (or both)'],
    ['an unknown grade', (d: z.output<typeof dispositionSchema>) => { d.supplierCredits.push({ ...credit, grades: ['used_like_new', 'broken' as 'new'] }); },
      'disposition.supplierCredits[0].grades[1]: must be one of: new, used_like_new, used_very_good, used_good, used_acceptable, unsellable_defective, unsellable_damaged, wrong_item, missing'],
    ['an unknown credit kind', (d: z.output<typeof dispositionSchema>) => { d.supplierCredits.push({ ...credit, credit: { kind: 'refund', bps: 1 } as never }); },
      'disposition.supplierCredits[0].credit.kind: must be one of: share_of_unit_cost, fixed'],
    ['a credit in another currency than its marketplace\'s', (d: z.output<typeof dispositionSchema>) => { d.supplierCredits.push({ ...credit, marketplaceCode: 'UK' }); },
      'disposition.supplierCredits[0].shippingCostPerUnit.currency: must be GBP, the currency of UK'],
    ['a fixed credit and its shipping in two currencies', (d: z.output<typeof dispositionSchema>) => { d.supplierCredits.push({ ...credit, credit: { kind: 'fixed', perUnit: gbp(100) } }); },
      'disposition.supplierCredits[0].shippingCostPerUnit.currency: must be GBP, the currency of credit.perUnit'],
  ])('refuses %s, naming the path', (_what, change, expected) => {
    expect(errorsOf(withDisposition(change))).toContain(expected);
  });

  it('refuses an unknown marketplace, naming the path', () => {
    // policy.ts words an unknown key under disposition.marketplaces as a misspelt field; the path is what matters here.
    expect(errorsOf(withDisposition((d) => { Object.assign(d.marketplaces, { XX: d.marketplaces.US }); })))
      .toEqual([expect.stringMatching(/^disposition\.marketplaces\.XX: is not a marketplace: use one of US, /)]);
  });

  it('lists every error at once', () => {
    const errors = errorsOf(withDisposition((d) => {
      d.marketplaces.US!.restock.relabelling = gbp(30);
      d.marketplaces.US!.saleReferralFeeBps = 12000;
      Object.assign(d.marketplaces.DE!, { restok: d.marketplaces.DE!.restock });
      d.marketplaces.US!.gradeAndResell!.fees[0]!.effectiveTo = '2020-01-01';
      d.supplierCredits.push(
        { credit: { kind: 'fixed', perUnit: usd(100) }, shippingCostPerUnit: usd(100) },
        { ...credit, grades: ['mint' as 'new'] },
      );
    }));
    expect(errors).toEqual(expect.arrayContaining([
      'disposition.marketplaces.US.restock.relabelling.currency: must be USD, the currency of US',
      'disposition.marketplaces.US.saleReferralFeeBps: must be at most 10000',
      'disposition.marketplaces.DE.restok: is not a policy field (check the spelling)',
      'disposition.marketplaces.US.gradeAndResell.fees[0].effectiveTo: must be after effectiveFrom 2021-01-01',
      'disposition.supplierCredits[0]: must name a sku or a productCategory (or both)',
      expect.stringMatching(/^disposition\.supplierCredits\[1\]\.grades\[0\]: must be one of: new, /),
    ]));
    expect(errors).toHaveLength(6);
  });

  it('requires the section\'s own fields once it is given', () => {
    expect(errorsOf({ ...defaultPolicy, disposition: { marketplaces: {} } })).toEqual(['disposition.supplierCredits: is required']);
  });
});

describe('the claims section of the policy', () => {
  // A mutable deep copy of the default claims policy to break in one place.
  const withClaims = (change: (c: z.output<typeof claimsSchema>) => void) => {
    const c = JSON.parse(JSON.stringify(defaultClaimsPolicy)) as z.output<typeof claimsSchema>;
    change(c);
    return { ...defaultPolicy, claims: c };
  };

  it('mirrors ClaimsPolicy', () => {
    expectTypeOf<z.output<typeof claimsSchema>>().toExtend<ClaimsPolicy>();
    expectTypeOf<keyof z.output<typeof claimsSchema>>().toEqualTypeOf<keyof ClaimsPolicy>();
  });

  it('accepts the default, which round-trips unchanged', () => {
    expect(defaultPolicy.claims).toBe(defaultClaimsPolicy);
    const result = validatePolicy(JSON.parse(JSON.stringify(defaultPolicy)));
    expect(result.ok && result.policy.claims).toEqual(defaultClaimsPolicy);
    expect(claimsSchema.parse(defaultClaimsPolicy)).toEqual(defaultClaimsPolicy);
  });

  it('gives a policy stored before the section existed the default, a fresh copy each time', () => {
    const { claims: _left, ...older } = defaultPolicy;
    const first = validatePolicy(older);
    const second = validatePolicy(older);
    expect(first.ok && first.policy.claims).toEqual(defaultClaimsPolicy);
    expect(first.ok && second.ok && first.policy.claims !== second.policy.claims).toBe(true);
    expect(first.ok && first.policy.claims !== defaultClaimsPolicy).toBe(true);
  });

  it('accepts another currency cap and a source left out', () => {
    expect(errorsOf(withClaims((c) => {
      c.safetMaxPerOrderMinor = { USD: 500_000, GBP: 400_000, JPY: 750_000 };
      delete c.sources.mfnReturnDueDays;
    }))).toEqual([]);
  });

  it.each([
    ['a share above 100%', (c: z.output<typeof claimsSchema>) => { c.shortReimbursementShareBps = 12000; },
      'claims.shortReimbursementShareBps: must be at most 10000'],
    ['an unknown currency key', (c: z.output<typeof claimsSchema>) => { c.safetMaxPerOrderMinor = { USD: 500_000, XYZ: 1 }; },
      'claims.safetMaxPerOrderMinor.XYZ: must be a known ISO 4217 currency code such as USD, EUR or JPY'],
    ['a lowercase currency key', (c: z.output<typeof claimsSchema>) => { c.safetMaxPerOrderMinor = { usd: 500_000 }; },
      'claims.safetMaxPerOrderMinor.usd: must be a known ISO 4217 currency code such as USD, EUR or JPY'],
    ['a cap of nothing', (c: z.output<typeof claimsSchema>) => { c.safetMaxPerOrderMinor = { USD: 0 }; },
      'claims.safetMaxPerOrderMinor.USD: must be at least 1'],
    ['a misspelt key', (c: z.output<typeof claimsSchema>) => { Object.assign(c, { mfnReturnDueDay: 45 }); },
      'claims.mfnReturnDueDay: is not a policy field (check the spelling)'],
    ['a source for a misspelt field', (c: z.output<typeof claimsSchema>) => { c.sources.safetDamageCap = '[S]'; },
      'claims.sources.safetDamageCap: is not a policy field (check the spelling)'],
    ['a zero day count', (c: z.output<typeof claimsSchema>) => { c.mfnReturnDueDays = 0; },
      'claims.mfnReturnDueDays: must be at least 1'],
    ['a fractional day count', (c: z.output<typeof claimsSchema>) => { c.mfnReturnDueDays = 4.5; },
      'claims.mfnReturnDueDays: must be a whole number'],
    ['an empty list', (c: z.output<typeof claimsSchema>) => { c.amazonFaultDispositions = []; },
      'claims.amazonFaultDispositions: must have at least 1 entry'],
    ['a blank code', (c: z.output<typeof claimsSchema>) => { c.amazonIssuedResolutions.push('  '); },
      'claims.amazonIssuedResolutions[6]: must not be empty'],
    ['a code listed twice', (c: z.output<typeof claimsSchema>) => { c.amazonFaultDispositions.push('carrier-damaged'); },
      'claims.amazonFaultDispositions[2]: lists carrier-damaged twice'],
    ['a not-returned resolution Amazon does not issue', (c: z.output<typeof claimsSchema>) => { c.notReturnedResolutions.push('StandardRefund'); },
      'claims.notReturnedResolutions[4]: must also be in amazonIssuedResolutions (StandardRefund is not)'],
  ])('refuses %s, naming the path', (_what, change, expected) => {
    expect(errorsOf(withClaims(change))).toEqual([expected]);
  });

  it('lists every error at once', () => {
    const errors = errorsOf(withClaims((c) => {
      c.safetDamageCapBps = 12000;
      c.safetMaxPerOrderMinor = { USD: 500_000, EURO: 400_000 };
      Object.assign(c, { unitRefundMinShareBp: 5000 });
      c.mfnReturnDueDays = 0;
    }));
    expect(errors).toEqual(expect.arrayContaining([
      'claims.safetDamageCapBps: must be at most 10000',
      'claims.safetMaxPerOrderMinor.EURO: must be a known ISO 4217 currency code such as USD, EUR or JPY',
      'claims.unitRefundMinShareBp: is not a policy field (check the spelling)',
      'claims.mfnReturnDueDays: must be at least 1',
    ]));
    expect(errors).toHaveLength(4);
  });

  it('requires the section\'s own fields once it is given', () => {
    const { sources: _left, ...noSources } = defaultClaimsPolicy;
    expect(errorsOf({ ...defaultPolicy, claims: noSources })).toEqual(['claims.sources: is required']);
  });
});
