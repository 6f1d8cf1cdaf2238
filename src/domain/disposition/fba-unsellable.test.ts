import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { defaultDispositionPolicy } from './disposition-policy.js';
import { fbaUnsellableOptions } from './fba-unsellable.js';
import type { FbaUnsellableDisposition, FbaUnsellableResult, FbaUnsellableRoute, FbaUnsellableUnit, GradeOdds } from './fba-unsellable.js';

// A $40, 400 g standard-size unit: removal and disposal $1.53 each, handling $3.00, liquidation nets $2.05.
const unit = (detailedDisposition: FbaUnsellableDisposition, gradeOdds: GradeOdds, overrides: Partial<FbaUnsellableUnit> = {}): FbaUnsellableUnit => ({
  marketplaceCode: 'US', currency: 'USD', sku: 'MUG-01', quantity: 1, unitPriceMinor: 4000, weightGrams: 400, sizeTier: 'standard',
  detailedDisposition, gradeOdds, ...overrides,
});
const run = (input: FbaUnsellableUnit): FbaUnsellableResult => fbaUnsellableOptions(input, defaultPolicy, defaultDispositionPolicy, '2026-03-01');
const option = (result: FbaUnsellableResult, route: FbaUnsellableRoute) => result.options.find((o) => o.route === route)!;

describe('fbaUnsellableOptions', () => {
  it('prices removal as its fees plus the expected recovery after own inspection', () => {
    const result = run(unit('CUSTOMER_DAMAGED', { used_good: 0.5, unsellable_damaged: 0.5 }));
    const remove = option(result, 'remove');
    // In hand, used good sells for 2600 − 390 referral − 205 restock costs = 2005 (half: 1003, rounded
    // half away from zero); unsellable is best disposed of at −50 (half: −25).
    expect(remove.components.map((c) => [c.id, c.amountMinor, c.probability])).toEqual([
      ['removal_fee', -153, undefined], ['handling', -300, undefined], ['if_used_good', 1003, 0.5], ['if_unsellable_damaged', -25, 0.5],
    ]);
    expect(remove.netRecoveryMinor).toBe(525);
    expect(option(result, 'liquidate').netRecoveryMinor).toBe(205);
    expect(option(result, 'dispose').netRecoveryMinor).toBe(-153);
    expect(result.recommended?.route).toBe('remove');
  });

  it.each<[FbaUnsellableDisposition, GradeOdds, FbaUnsellableRoute | null, Partial<Record<FbaUnsellableRoute, readonly string[]>>]>([
    ['CUSTOMER_DAMAGED', { unsellable_damaged: 1 }, 'liquidate', { remove: [], liquidate: [], dispose: [] }],
    ['DISTRIBUTOR_DAMAGED', { used_like_new: 0.2, unsellable_damaged: 0.8 }, 'liquidate', { liquidate: [] }],
    ['DEFECTIVE', { unsellable_defective: 1 }, 'dispose', { liquidate: ['liquidation-ineligible-condition'], remove: [], dispose: [] }],
    ['DEFECTIVE', { used_very_good: 0.9, unsellable_defective: 0.1 }, 'remove', { liquidate: ['liquidation-ineligible-condition'] }],
    ['EXPIRED', { new: 1 }, 'dispose', { liquidate: ['expired-never-passed-on'], remove: [] }],
    ['CARRIER_DAMAGED', { used_good: 1 }, null, { remove: ['amazon-reimburses'], liquidate: ['amazon-reimburses'], dispose: ['amazon-reimburses'] }],
    ['DAMAGED', { used_good: 1 }, null, { liquidate: ['amazon-reimburses', 'liquidation-ineligible-condition'] }],
  ])('%s with odds %j: recommends %s', (disposition, odds, recommended, blockers) => {
    const result = run(unit(disposition, odds));
    expect(result.recommended?.route ?? null).toBe(recommended);
    for (const [route, rules] of Object.entries(blockers)) {
      expect(option(result, route as FbaUnsellableRoute).blockedBy).toEqual(rules);
    }
  });

  it('does not liquidate hazmat units Amazon holds', () => {
    expect(option(run(unit('CUSTOMER_DAMAGED', { unsellable_damaged: 1 }, { hazmat: true })), 'liquidate').blockedBy).toEqual(['liquidation-ineligible-hazmat']);
  });

  it.each<[string, GradeOdds, RegExp]>([
    ['odds not summing to 1', { used_good: 0.5 }, /sum to 0.5/],
    ['a probability above 1', { used_good: 1.5, new: -0.5 }, /from 0 to 1/],
    ['an unknown grade', { shiny: 1 } as GradeOdds, /"shiny"/],
  ])('refuses %s', (_name, odds, message) => {
    expect(() => run(unit('CUSTOMER_DAMAGED', odds))).toThrow(message);
  });

  it('needs a removal fee in force on the day', () => {
    expect(() => fbaUnsellableOptions(unit('CUSTOMER_DAMAGED', { new: 1 }), defaultPolicy, defaultDispositionPolicy, '2026-01-01')).toThrow(/in force on 2026-01-01/);
  });
});
