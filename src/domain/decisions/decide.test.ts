import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { classifyReason, reasonCatalog, reasonCategories } from '../reasons.js';
import type { ReasonCategory } from '../reasons.js';
import { decideReturn } from './decide.js';
import type { Decision, DecisionInput } from './decision.js';
import { guardrailRules, isSellerSideFault } from './guardrails.js';
import { learnOdds } from './learning.js';

const serialReturnerThreshold = defaultPolicy.decisionPriors.serialReturnerReturns90Days;

const codeOf = (category: ReasonCategory): string => reasonCatalog.find((entry) => entry.category === category)!.code;

// A $25, 500 g unit in the US, inside the return window: above the default returnless range ($0–$10).
const sample = (overrides: Partial<DecisionInput> & { code?: string } = {}): DecisionInput => ({
  marketplaceCode: 'US', currency: 'USD', reason: classifyReason(overrides.code ?? 'UNWANTED_ITEM'),
  unitPriceMinor: 2500, quantity: 1, weightGrams: 500, inPolicy: true,
  nowIso: '2026-03-02T10:00:00Z', requestedAtIso: '2026-03-01T10:00:00Z', ...overrides,
});

const optionOf = (decision: Decision, action: string, step?: number) =>
  decision.options.find((option) => option.action === action && option.step === step)!;

describe('decideReturn under the default policy', () => {
  it.each([
    ['size_fit', 'save_offer', 2],
    ['changed_mind', 'authorize_return', undefined],
    ['better_price', 'authorize_return', undefined],
    ['ordered_wrong_item', 'authorize_return', undefined],
    ['defective_quality', 'save_offer', 2],
    ['not_as_described', 'authorize_return', undefined],
    ['missing_parts', 'authorize_return', undefined],
    ['wrong_item_sent', 'authorize_return', undefined],
    ['damaged_in_transit', 'authorize_return', undefined],
    ['damaged_in_warehouse', 'authorize_return', undefined],
    ['late_delivery', 'authorize_return', undefined],
    ['unauthorized_purchase', 'authorize_return', undefined],
    ['undeliverable', 'authorize_return', undefined],
    ['compatibility', 'authorize_return', undefined],
    // A buyer-fault reason: the expected restocking fee on used units makes authorizing cheapest.
    ['other', 'authorize_return', undefined],
  ] as const)('recommends for a $25 unit with reason category %s: %s (step %s)', (category, action, step) => {
    const decision = decideReturn(sample({ code: codeOf(category) }), defaultPolicy);
    expect(decision.recommended.action).toBe(action);
    expect(decision.recommended.step).toBe(step);
  });

  it('covers every reason category in the table above', () => {
    expect(reasonCategories).toHaveLength(15);
  });

  it.each(['NOT_AS_DESCRIBED', 'DEFECTIVE', 'DAMAGED_BY_CARRIER', 'NEVER_ARRIVED', 'SWITCHEROO'])(
    'never allows a save offer or a close when %s puts the fault on the seller side', (code) => {
      const decision = decideReturn(sample({ code, inPolicy: false }), defaultPolicy);
      for (const option of decision.options.filter((o) => o.action === 'save_offer' || o.action === 'close_out_of_policy')) {
        expect(option.allowed).toBe(false);
        expect(option.blockedBy).toContain(guardrailRules.sellerFaultNeverRefused);
      }
      expect(decision.firedRules).toContain(guardrailRules.sellerFaultNeverRefused);
    });

  it.each([
    [false, true],
    [true, false],
    [null, false],
  ] as const)('allows closing a buyer-remorse request only out of policy (inPolicy %s → allowed %s)', (inPolicy, allowed) => {
    const close = optionOf(decideReturn(sample({ inPolicy }), defaultPolicy), 'close_out_of_policy');
    expect(close.allowed).toBe(allowed);
    expect(close.blockedBy.includes(guardrailRules.closeOnlyOutOfPolicy)).toBe(!allowed);
  });

  it.each([
    ['a serial returner', sample({ buyerReturnsLast90Days: serialReturnerThreshold }), guardrailRules.abuseSerialReturner],
    ['a $500 unit claimed as the wrong item', sample({ code: 'SWITCHEROO', unitPriceMinor: 50_000 }), guardrailRules.abuseHighValueWrongItem],
  ])('escalates %s and allows nothing else', (_what, input, rule) => {
    const decision = decideReturn(input, defaultPolicy);
    expect(decision.recommended.action).toBe('escalate');
    expect(decision.firedRules).toContain(rule);
    expect(decision.options.filter((o) => o.allowed).map((o) => o.action)).toEqual(['escalate']);
    expect(decision.explanation.en).toMatch(/escalate to a person/);
    expect(decision.explanation.zh).toMatch(/转交人工处理/);
  });

  it('formats the explanation on first read and prints it in JSON', () => {
    const decision = decideReturn(sample(), defaultPolicy);
    const printed = JSON.parse(JSON.stringify(decision)) as { explanation: unknown };
    expect(printed.explanation).toEqual({ en: decision.explanation.en, zh: decision.explanation.zh });
    expect(decision.explanation.en).toMatch(/^Recommended: .*expected loss \$\d+\.\d\d/);
    expect({ ...decision }.explanation.zh).toMatch(/^建议：/);
  });

  it.each([
    ['a $8 unit in the US range', sample({ unitPriceMinor: 800 }), true],
    ['a $25 unit above the US range', sample(), false],
    ['a ¥900 unit in Japan', sample({ marketplaceCode: 'JP', currency: 'JPY', unitPriceMinor: 900 }), true],
    ['a €8 unit in France, which has no rule', sample({ marketplaceCode: 'FR', currency: 'EUR', unitPriceMinor: 800 }), false],
  ])('allows a returnless refund only when a policy rule matches: %s', (_what, input, allowed) => {
    expect(optionOf(decideReturn(input, defaultPolicy), 'returnless_refund').allowed).toBe(allowed);
  });

  it('recommends a returnless refund for a $3 seller-fault unit, cheaper than bringing it back', () => {
    const decision = decideReturn(sample({ code: 'DEFECTIVE', unitPriceMinor: 300 }), defaultPolicy);
    expect(decision.recommended.action).toBe('returnless_refund');
    expect(decision.recommended.expectedLossMinor).toBe(300);
  });

  it.each(reasonCategories)('sums every option\'s components exactly to its expected loss (%s)', (category) => {
    for (const option of decideReturn(sample({ code: codeOf(category), quantity: 3, unitPriceMinor: 3333 }), defaultPolicy).options) {
      expect(option.components.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(option.expectedLossMinor);
      for (const c of option.components) expect(Number.isInteger(c.amountMinor)).toBe(true);
    }
  });

  it('charges the label to the buyer when the policy says the buyer pays for that fault', () => {
    const label = optionOf(decideReturn(sample(), defaultPolicy), 'authorize_return').components.find((c) => c.id === 'return_label')!;
    expect(label.amountMinor).toBe(0);
  });

  it.each([
    ['a fractional price', sample({ unitPriceMinor: 12.5 })],
    ['a zero quantity', sample({ quantity: 0 })],
    ['a marketplace the policy does not cover', sample({ marketplaceCode: 'CA', currency: 'CAD' })],
    ['a currency that is not the marketplace\'s', sample({ currency: 'EUR' })],
  ])('refuses %s with invalid_input', (_what, input) => {
    expect(() => decideReturn(input, defaultPolicy)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('decideReturn properties', () => {
  const markets = [['US', 'USD'], ['UK', 'GBP'], ['DE', 'EUR'], ['JP', 'JPY']] as const;
  const reasonCodes = reasonCatalog.map((entry) => entry.code);
  const inputs = fc.record({
    market: fc.constantFrom(...markets),
    code: fc.constantFrom(...reasonCodes, 'SOMETHING_UNKNOWN'),
    unitPriceMinor: fc.integer({ min: 0, max: 2_000_000 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    weightGrams: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined }),
    productCategory: fc.option(fc.constantFrom('apparel', 'electronics', 'toys'), { nil: undefined }),
    inPolicy: fc.constantFrom(true, false, null),
    buyerReturnsLast90Days: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    declinedOfferSteps: fc.option(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }), { nil: undefined }),
  }).map(({ market, code, ...rest }): DecisionInput => ({
    ...rest, marketplaceCode: market[0], currency: market[1], reason: classifyReason(code),
    nowIso: '2026-03-02T10:00:00Z', requestedAtIso: '2026-03-01T10:00:00Z',
  }));

  it('recommends an allowed option no costlier than any other allowed one, within every guardrail, with exact sums', () => {
    fc.assert(fc.property(inputs, (input) => {
      const decision = decideReturn(input, defaultPolicy);
      const { recommended } = decision;
      expect(recommended.allowed).toBe(true);
      expect(recommended.blockedBy).toEqual([]);
      for (const option of decision.options) {
        expect(option.components.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(option.expectedLossMinor);
        if (option.allowed) expect(recommended.expectedLossMinor).toBeLessThanOrEqual(option.expectedLossMinor);
      }
      if (isSellerSideFault(input.reason.fault)) expect(['save_offer', 'close_out_of_policy']).not.toContain(recommended.action);
      if (recommended.action === 'close_out_of_policy') expect(input.inPolicy).toBe(false);
      const abuse = decision.firedRules.includes(guardrailRules.abuseSerialReturner) || decision.firedRules.includes(guardrailRules.abuseHighValueWrongItem);
      expect(recommended.action === 'escalate').toBe(abuse);
      if ((input.buyerReturnsLast90Days ?? 0) >= serialReturnerThreshold) expect(recommended.action).toBe('escalate');
      if (recommended.action === 'save_offer') expect(recommended.step!).toBeGreaterThan(Math.max(-1, ...(input.declinedOfferSteps ?? [])));
    }), { numRuns: 500 });
  });
});

describe('restocking fees in the authorize option', () => {
  const authorizeOf = (decision: Decision) => optionOf(decision, 'authorize_return');
  const feeOf = (decision: Decision, id: string) => authorizeOf(decision).components.find((c) => c.id === id);
  const withPriors = (changes: Partial<typeof defaultPolicy.decisionPriors>, caps = defaultPolicy.restockingFeeCaps) =>
    ({ ...defaultPolicy, restockingFeeCaps: caps, decisionPriors: { ...defaultPolicy.decisionPriors, ...changes } });

  it('expects the used-or-damaged cap times the charged share on used grades when the buyer is at fault', () => {
    // NO_REASON_GIVEN: buyer fault, default grade prior; used grades very_good+good+acceptable+unsellable = 0.45.
    const decision = decideReturn(sample({ code: 'NO_REASON_GIVEN' }), defaultPolicy);
    const fee = feeOf(decision, 'restocking_fee_used')!;
    expect(fee.probability).toBe(0.45);
    // 50% cap of $25.00 = $12.50, half of it charged = $6.25, times 0.45 = $2.8125 → $2.81.
    expect(fee.amountMinor).toBe(-281);
    expect(feeOf(decision, 'restocking_fee_late')).toBeUndefined();
  });

  it('adds the late cap on unused units when the request is outside the policy', () => {
    const fee = feeOf(decideReturn(sample({ code: 'NO_REASON_GIVEN', inPolicy: false }), defaultPolicy), 'restocking_fee_late')!;
    // 20% of $25.00 = $5.00, half charged = $2.50, times P(new) 0.3 = $0.75.
    expect(fee).toMatchObject({ amountMinor: -75, probability: 0.3 });
  });

  it.each(['DEFECTIVE', 'NOT_AS_DESCRIBED', 'DAMAGED_BY_CARRIER', 'APPAREL_TOO_SMALL'])('expects no fee when %s is not the buyer\'s fault', (code) => {
    const decision = decideReturn(sample({ code, inPolicy: false }), defaultPolicy);
    expect(authorizeOf(decision).components.filter((c) => c.id.startsWith('restocking_fee'))).toEqual([]);
  });

  it('expects no fee when the seller charges none, and recommends a save offer for the same request then', () => {
    const decision = decideReturn(sample({ code: 'NO_REASON_GIVEN' }), withPriors({ restockingFeeChargeShare: 0 }));
    expect(authorizeOf(decision).components.some((c) => c.id.startsWith('restocking_fee'))).toBe(false);
    expect(decision.recommended).toMatchObject({ action: 'save_offer', step: 2 });
  });

  it('uses the caps in force on the decision day', () => {
    const [current] = defaultPolicy.restockingFeeCaps;
    const caps = [{ ...current!, effectiveTo: '2026-03-01' }, { ...current!, effectiveFrom: '2026-03-01', usedOrDamagedNotSellerFaultBps: 2000 }];
    const before = decideReturn(sample({ code: 'NO_REASON_GIVEN', nowIso: '2026-02-28T10:00:00Z' }), withPriors({}, caps));
    const after = decideReturn(sample({ code: 'NO_REASON_GIVEN', nowIso: '2026-03-02T10:00:00Z' }), withPriors({}, caps));
    expect(feeOf(before, 'restocking_fee_used')!.amountMinor).toBe(-281);
    // 20% of $25.00 = $5.00, half = $2.50, × 0.45 = $1.125 → $1.13.
    expect(feeOf(after, 'restocking_fee_used')!.amountMinor).toBe(-113);
  });
});

describe('declined save offers', () => {
  it('never offers a declined step or a smaller one again', () => {
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL', declinedOfferSteps: [1] }), defaultPolicy);
    const saves = decision.options.filter((o) => o.action === 'save_offer');
    expect(saves.map((o) => o.allowed)).toEqual([false, false, true]);
    expect(saves[0]!.blockedBy).toContain(guardrailRules.saveOfferDeclined);
    expect(decision.firedRules).toContain(guardrailRules.saveOfferDeclined);
  });

  it('falls back to authorizing once every step was declined', () => {
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL', declinedOfferSteps: [2] }), defaultPolicy);
    expect(decision.options.filter((o) => o.action === 'save_offer' && o.allowed)).toEqual([]);
    expect(decision.recommended.action).toBe('authorize_return');
  });
});

describe('learned odds', () => {
  const priors = { saveOfferAcceptance: defaultPolicy.saveOfferAcceptancePriors, grades: defaultPolicy.gradePriors.default };

  it('prices with the policy priors and says so when no odds are given', () => {
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL' }), defaultPolicy);
    expect(decision.odds.saveOfferAcceptance.map((o) => o.probability)).toEqual(defaultPolicy.saveOfferAcceptancePriors);
    expect(decision.odds.grades.source.from).toBe('prior');
    expect(decision.explanation.en).toMatch(/Offer acceptance comes from the policy prior; grade odds from the policy prior\./);
    expect(decision.explanation.zh).toMatch(/报价接受率来自政策预设值/);
  });

  it('prices a save offer with the learned acceptance and names the data behind it', () => {
    // 30 of 30 offers at step 3 accepted for this SKU: (10 × 0.4 + 30) / 40 = 0.85.
    const history = { sku: { offers: [{ accepted: 0, declined: 0 }, { accepted: 0, declined: 0 }, { accepted: 30, declined: 0 }], grades: {} } };
    const odds = learnOdds(priors, history, 10);
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL', odds }), defaultPolicy);
    const step3 = optionOf(decision, 'save_offer', 2);
    expect(step3.components.find((c) => c.id === 'save_discount')).toMatchObject({ probability: 0.85, amountMinor: 425 });
    expect(decision.recommended).toMatchObject({ action: 'save_offer', step: 2 });
    expect(decision.explanation.en).toMatch(/Offer acceptance comes from your history \(30 outcomes of this SKU\)/);
    expect(decision.explanation.zh).toMatch(/报价接受率来自历史数据（该 SKU 30 条结果）/);
  });

  it('prices resale with learned grades', () => {
    const odds = learnOdds(priors, { reason: { offers: [], grades: { unsellable: 90 } } }, 10);
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL', odds }), defaultPolicy);
    // (10 × 0.1 + 90) / 100 = 0.91 unsellable: almost nothing comes back, so the resale of "new" is small.
    expect(optionOf(decision, 'authorize_return').components.find((c) => c.id === 'recovery_new')).toMatchObject({ probability: 0.03 });
    expect(decision.odds.grades.source).toMatchObject({ from: 'data', level: 'reason' });
  });

  it('names every level the data came from, most specific first', () => {
    const odds = learnOdds(priors, {
      reason: { offers: Array.from({ length: 3 }, () => ({ accepted: 4, declined: 8 })), grades: {} },
      sku: { offers: Array.from({ length: 3 }, () => ({ accepted: 1, declined: 2 })), grades: {} },
    }, 10);
    const decision = decideReturn(sample({ code: 'APPAREL_TOO_SMALL', odds }), defaultPolicy);
    expect(decision.explanation.en).toContain('Offer acceptance comes from your history (3 outcomes of this SKU, 12 of this return reason)');
    expect(decision.explanation.zh).toContain('报价接受率来自历史数据（该 SKU 3 条、该退货原因 12 条结果）');
  });

  it('refuses odds that do not match the ladder', () => {
    const odds = learnOdds({ ...priors, saveOfferAcceptance: [0.2] }, {}, 10);
    expect(() => decideReturn(sample({ odds }), defaultPolicy)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
