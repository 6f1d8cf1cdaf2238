import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy.js';
import { classifyReason, reasonCatalog, reasonCategories } from '../reasons.js';
import type { ReasonCategory } from '../reasons.js';
import { decideReturn } from './decide.js';
import type { Decision, DecisionInput } from './decision.js';
import { guardrailRules, isSellerSideFault } from './guardrails.js';

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
    }), { numRuns: 500 });
  });
});
