import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.js';
import { stringify } from 'yaml';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { DomainError } from '../domain/errors.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { applyPolicy, applyPolicyDocument, parsePolicyText, showPolicy, validatePolicy } from './policy.js';

const now = '2026-11-27T13:00:00.000Z';
const json = (value: unknown) => JSON.stringify(value, null, 2);
const errorsOf = (value: unknown) => {
  const result = validatePolicy(value);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('validatePolicy', () => {
  it('accepts the default policy', () => {
    expect(errorsOf(defaultPolicy)).toEqual([]);
  });

  it.each([
    ['a ladder step above 100%', { saveOfferLadderBps: [1000, 1500, 20000] }, 'saveOfferLadderBps[2]: must be at most 10000'],
    ['a ladder that does not ascend', { saveOfferLadderBps: [1500, 1000, 2000] }, 'saveOfferLadderBps[1]: must be more than the previous step 1500'],
    ['priors of another length than the ladder', { saveOfferAcceptancePriors: [0.2] }, 'saveOfferAcceptancePriors: must have one probability per ladder step (3)'],
    ['a probability above 1', { saveOfferAcceptancePriors: [0.2, 0.3, 1.4] }, 'saveOfferAcceptancePriors[2]: must be at most 1'],
    ['grade priors not summing to 1', { gradePriors: { default: { new: 0.5, good: 0.4 }, entries: [] } }, 'gradePriors.default: probabilities must sum to 1 (they sum to 0.9)'],
    ['negative money', { handlingCostPerUnit: { US: { amountMinor: -1, currency: 'USD' } } }, 'handlingCostPerUnit.US.amountMinor: must be at least 0'],
    ['fractional money', { handlingCostPerUnit: { US: { amountMinor: 1.5, currency: 'USD' } } }, 'handlingCostPerUnit.US.amountMinor: must be a whole number'],
    ['an unknown currency', { handlingCostPerUnit: { US: { amountMinor: 1, currency: 'XXX' } } }, 'handlingCostPerUnit.US.currency: must be a known ISO 4217 currency code such as USD, EUR or JPY'],
    ['a currency other than the marketplace\'s', { handlingCostPerUnit: { JP: { amountMinor: 1, currency: 'USD' } } }, 'handlingCostPerUnit.JP.currency: must be JPY, the currency of JP'],
    ['an unknown marketplace', { handlingCostPerUnit: { XX: { amountMinor: 1, currency: 'USD' } } }, 'handlingCostPerUnit.XX: is not a marketplace'],
    ['an invalid effective date', { restockingFeeCaps: [{ ...defaultPolicy.restockingFeeCaps[0], effectiveFrom: '2026-02-30' }] }, 'restockingFeeCaps[0].effectiveFrom: must be a date written YYYY-MM-DD'],
    ['an Amazon number without its source', { restockingFeeCaps: [{ ...defaultPolicy.restockingFeeCaps[0], source: undefined }] }, 'restockingFeeCaps[0].source: is required'],
    ['an unknown field', { labelPaidBy: { ...defaultPolicy.labelPaidBy, nobody: 'seller' } }, 'labelPaidBy.nobody: is not a policy field (check the spelling)'],
    ['an unknown payer', { labelPaidBy: { ...defaultPolicy.labelPaidBy, buyer: 'amazon' } }, 'labelPaidBy.buyer: must be one of: buyer, seller'],
    ['a deadline later than Amazon\'s', { deadlines: { manualAuthorizationHours: 48 } }, 'deadlines.manualAuthorizationHours: must be at most 24'],
    ['overlapping returnless rules', { returnlessRules: [...defaultPolicy.returnlessRules, { marketplace: 'US', minPrice: { amountMinor: 500, currency: 'USD' }, maxPrice: { amountMinor: 2000, currency: 'USD' } }] }, 'returnlessRules[4]: overlaps returnlessRules[0]: rules must not overlap'],
    ['weight tiers out of order', { labelCostEstimates: { US: { currency: 'USD', tiers: [{ maxGrams: 500, amountMinor: 1 }, { maxGrams: 400, amountMinor: 2 }] } } }, 'labelCostEstimates.US.tiers[1].maxGrams: must be more than the previous tier\'s 500'],
  ])('refuses %s, naming the path', (_what, change, expected) => {
    expect(errorsOf({ ...defaultPolicy, ...change })).toContainEqual(expect.stringContaining(expected));
  });

  it('lists every error, not only the first', () => {
    const { deadlines: _, ...withoutDeadlines } = defaultPolicy;
    const errors = errorsOf({ ...withoutDeadlines, saveOfferLadderBps: [1000, 1500, 20000], resaleValueByGradeBps: { ...defaultPolicy.resaleValueByGradeBps, good: -1 } });
    expect(errors).toEqual([
      'saveOfferLadderBps[2]: must be at most 10000',
      'resaleValueByGradeBps.good: must be at least 0',
      'deadlines: is required',
    ]);
  });
  it('accepts seller-edited message templates per language and action, and names a bad one by path', () => {
    const edited = { de: { authorize_return: { subject: 'Rücksendung {orderId}', body: 'Guten Tag {buyerName},\n\n{labelNote}' } } };
    const result = validatePolicy({ ...defaultPolicy, messageTemplates: edited });
    expect(result.ok && result.policy.messageTemplates?.de?.authorize_return?.subject).toBe('Rücksendung {orderId}');
    expect(errorsOf({ ...defaultPolicy, messageTemplates: { nl: edited.de } })[0]).toMatch(/^messageTemplates/);
    expect(errorsOf({ ...defaultPolicy, messageTemplates: { de: { authorize_return: { subject: ' ', body: 'x' } } } })[0]).toMatch(/^messageTemplates\.de\.authorize_return\.subject/);
  });

  it('fills the decision priors added later with their defaults, and checks them when given', () => {
    const { restockingFeeChargeShare: _a, learningPriorWeight: _b, buyerShipByDays: _c, ...older } = defaultPolicy.decisionPriors;
    const result = validatePolicy({ ...defaultPolicy, decisionPriors: older });
    expect(result.ok && result.policy.decisionPriors).toMatchObject({ restockingFeeChargeShare: 0.5, learningPriorWeight: 10, buyerShipByDays: 14 });
    const errors = errorsOf({ ...defaultPolicy, decisionPriors: { ...older, restockingFeeChargeShare: 1.5, learningPriorWeight: 0, buyerShipByDays: 2.5 } });
    expect(errors.map((e) => e.split(':')[0])).toEqual(expect.arrayContaining([
      'decisionPriors.restockingFeeChargeShare', 'decisionPriors.learningPriorWeight', 'decisionPriors.buyerShipByDays',
    ]));
  });
});

describe('validatePolicy: inspection checklists', () => {
  it('fills the checklists of a policy stored before they existed', () => {
    const { inspectionChecklists: _omitted, ...older } = defaultPolicy;
    const result = validatePolicy(older);
    expect(result.ok && result.policy.inspectionChecklists).toEqual(defaultPolicy.inspectionChecklists);
  });

  it('names an unknown checklist item, a repeated one and an empty category list by path', () => {
    const errors = errorsOf({ ...defaultPolicy, inspectionChecklists: {
      required: ['unitPresent', 'smell'],
      categories: [{ productCategories: [], required: ['damage', 'damage'] }],
    } });
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^inspectionChecklists\.required\[1\]: must be one of: unitPresent, outerBox/),
      'inspectionChecklists.categories[0].productCategories: must have at least 1 entry',
      'inspectionChecklists.categories[0].required[1]: lists damage twice',
    ]));
  });
});

describe('parsePolicyText', () => {
  it('reads JSON and YAML alike', () => {
    expect(parsePolicyText(json(defaultPolicy), 'p.json')).toEqual(parsePolicyText(stringify(defaultPolicy), 'p.yaml'));
  });

  it('refuses a file that is neither, with the line', () => {
    expect(() => parsePolicyText('a: [1, 2\nb: }', 'bad.yaml')).toThrow(/bad\.yaml cannot be read as JSON or YAML.*\n\s+line \d+/);
  });
});

describe.each(testDatabases)('policy versions on $name', (target) => {
  const database = useFreshDatabase(target);

  it('shows the built-in default as version 0 until a policy is applied', async () => {
    expect(await showPolicy(database(), 1)).toMatchObject({ version: 0, origin: 'default', policy: defaultPolicy });
  });

  it('stores each changed policy as the next version, and the same content (JSON or YAML) as nothing new', async () => {
    expect(await applyPolicy(database(), 1, json(defaultPolicy), 'policy.json', now)).toMatchObject({ version: 1, changed: true });
    expect(await applyPolicy(database(), 1, stringify(defaultPolicy), 'policy.yaml', now)).toMatchObject({ version: 1, changed: false });
    const cheaper = { ...defaultPolicy, saveOfferLadderBps: [500, 1000, 1500] };
    expect(await applyPolicy(database(), 1, stringify(cheaper), 'cheaper.yaml', '2026-11-28T00:00:00.000Z')).toMatchObject({ version: 2, changed: true });
    expect(await showPolicy(database(), 1)).toMatchObject({
      version: 2, origin: 'applied', sourceName: 'cheaper.yaml', appliedAt: '2026-11-28T00:00:00.000Z', policy: cheaper,
    });
  });

  it('refuses an invalid file with every error by path and stores nothing', async () => {
    const bad = { ...defaultPolicy, saveOfferLadderBps: [1000, 1500, 20000], saveOfferAcceptancePriors: [0.2, 0.3, 2] };
    const error = await applyPolicy(database(), 1, json(bad), 'bad.json', now).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid_input', details: { errors: [
      { path: 'saveOfferLadderBps[2]', message: 'must be at most 10000' },
      { path: 'saveOfferAcceptancePriors[2]', message: 'must be at most 1' },
    ] } });
    expect(await showPolicy(database(), 1)).toMatchObject({ version: 0, origin: 'default' });
  });

  it('audits each stored version with its actor and hashes, in the account\'s chain, and nothing for the same content', async () => {
    const cheaper = { ...defaultPolicy, saveOfferLadderBps: [500, 1000, 1500] };
    await applyPolicy(database(), 1, json(cheaper), 'cheaper.json', now, { actor: 'cli:mei' });
    const second = await applyPolicyDocument(database(), 1, defaultPolicy, 'API request', now, { actor: 'user:7', expectedVersion: 1 });
    await applyPolicyDocument(database(), 1, defaultPolicy, 'API request', now, { actor: 'user:7' });
    const entries = await database().db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(entries.map((e) => [e.chain, e.actor, e.action, e.subject])).toEqual([
      ['account:1', 'cli:mei', 'policy.apply', 'policy:1'],
      ['account:1', 'user:7', 'policy.apply', 'policy:2'],
    ]);
    expect(JSON.parse(entries[0]!.before!)).toMatchObject({ version: 0, origin: 'default' });
    expect(JSON.parse(entries[1]!.after!)).toEqual({ version: 2, sha256: second.sha256, sourceName: 'API request', appliedAt: now });
  });

  it('refuses a change made on an older version, and a document that is no policy, storing nothing', async () => {
    await applyPolicyDocument(database(), 1, defaultPolicy, 'API request', now, { expectedVersion: 0 });
    await expect(applyPolicyDocument(database(), 1, { ...defaultPolicy, saveOfferLadderBps: [500, 1000, 1500] }, 'API request', now, { expectedVersion: 0 }))
      .rejects.toMatchObject({ code: 'conflict', details: { expectedVersion: 0, version: 1 } });
    await expect(applyPolicyDocument(database(), 1, [1, 2], 'API request', now)).rejects.toMatchObject({ code: 'invalid_input', details: { errors: [{ path: '(policy)' }] } });
    expect(await showPolicy(database(), 1)).toMatchObject({ version: 1 });
    expect(await database().db.selectFrom('audit_log').select('subject').execute()).toEqual([{ subject: 'policy:1' }]);
  });

  it.skipIf(target.name === 'sqlite')('gives two policies applied at once two versions, one after the other', async () => {
    const cheaper = { ...defaultPolicy, saveOfferLadderBps: [500, 1000, 1500] };
    await warmConnections(database());
    const applied = await Promise.all([applyPolicyDocument(database(), 1, defaultPolicy, 'a', now), applyPolicyDocument(database(), 1, cheaper, 'b', now)]);
    expect(applied.map((a) => a.version).sort()).toEqual([1, 2]);
  });
});

/** Two open connections, so the second transaction does not wait for a connection while the first runs alone. */
async function warmConnections(database: Database): Promise<void> {
  await Promise.all([1, 2].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
}
