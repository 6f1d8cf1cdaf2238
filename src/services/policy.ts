import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { defaultDeadlineRules } from '../domain/deadlines/deadline-rules.js';
import { DomainError } from '../domain/errors.js';
import { findMarketplace, marketplaceCodes } from '../domain/marketplaces.js';
import { isKnownCurrency } from '../domain/money.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { conditionGrades, labelPayers } from '../domain/policy/policy.js';
import { messageLanguages } from '../domain/messages/lint-rules.js';
import { messageActions } from '../domain/messages/templates/actions.js';
import type { Policy } from '../domain/policy/policy.js';
import { faultParties, reasonCategories } from '../domain/reasons.js';
import type { Database } from '../storage/database.js';
import { findCurrentPolicy, insertPolicyVersion } from '../storage/policy-repository.js';

// ---- The schema (zod stays out of the domain; the domain holds the Policy type and the defaults). ----

type Ctx = z.core.$RefinementCtx;
const fail = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });

const minor = z.number().int().min(0);
const bps = z.number().int().min(0).max(10000);
const probability = z.number().min(0).max(1);
const isoDate = z.iso.date();
const currency = z.string().refine(isKnownCurrency, 'must be a known ISO 4217 currency code such as USD, EUR or JPY');
const money = z.strictObject({ amountMinor: minor, currency });
const marketplace = z.enum(marketplaceCodes);

const weightTier = z.strictObject({
  maxGrams: z.number().int().min(1).nullable(), amountMinor: minor,
  extraMinorPerStep: minor.optional(), stepGrams: z.number().int().min(1).optional(),
}).superRefine((tier, ctx) => {
  if ((tier.extraMinorPerStep === undefined) !== (tier.stepGrams === undefined)) fail(ctx, [], 'extraMinorPerStep and stepGrams go together: give both or neither');
});
const weightTiers = z.array(weightTier).min(1).superRefine((tiers, ctx) => {
  tiers.forEach((tier, index) => {
    const previous = index > 0 ? tiers[index - 1]!.maxGrams : 0;
    if (previous === null) fail(ctx, [index - 1, 'maxGrams'], 'only the last tier may be open-ended (null)');
    else if (tier.maxGrams !== null && tier.maxGrams <= previous) fail(ctx, [index, 'maxGrams'], `must be more than the previous tier's ${previous}`);
  });
});

const amazonNumber = { effectiveFrom: isoDate, effectiveTo: isoDate.optional(), source: z.string().trim().min(1) };
function effectiveDated<T extends z.ZodType<{ effectiveFrom: string; effectiveTo?: string | undefined }>>(entry: T) {
  return z.array(entry).superRefine((entries, ctx) => {
    entries.forEach((e, index) => {
      if (e.effectiveTo !== undefined && e.effectiveTo <= e.effectiveFrom) fail(ctx, [index, 'effectiveTo'], `must be after effectiveFrom ${e.effectiveFrom}`);
      if (entries.findIndex((other) => other.effectiveFrom === e.effectiveFrom) < index) fail(ctx, [index, 'effectiveFrom'], `another entry already starts on ${e.effectiveFrom}`);
    });
  });
}

/** A record keyed by marketplace code whose money must be in that marketplace's currency. */
function perMarketplace<T extends z.ZodType>(value: T, currencies: (v: z.output<T>) => Array<[PropertyKey[], string]>) {
  return z.partialRecord(marketplace, value).superRefine((record, ctx) => {
    for (const [code, entry] of Object.entries(record)) {
      const expected = findMarketplace(code)?.currency;
      for (const [path, found] of currencies(entry as z.output<T>)) {
        if (found !== expected) fail(ctx, [code, ...path], `must be ${expected}, the currency of ${code}`);
      }
    }
  });
}

const gradeProbabilities = z.strictObject(Object.fromEntries(conditionGrades.map((g) => [g, probability.optional()])))
  .superRefine((grades, ctx) => {
    const sum = Object.values(grades).reduce<number>((total, p) => total + (p ?? 0), 0);
    if (Math.abs(sum - 1) > 0.001) fail(ctx, [], `probabilities must sum to 1 (they sum to ${Number(sum.toFixed(6))})`);
  });

const returnlessRule = z.strictObject({
  marketplace, minPrice: money, maxPrice: money,
  categories: z.array(z.string().trim().min(1)).min(1).optional(),
  reasonCategories: z.array(z.enum(reasonCategories)).min(1).optional(),
}).superRefine((rule, ctx) => {
  const expected = findMarketplace(rule.marketplace)?.currency;
  for (const end of ['minPrice', 'maxPrice'] as const) {
    if (rule[end].currency !== expected) fail(ctx, [end, 'currency'], `must be ${expected}, the currency of ${rule.marketplace}`);
  }
  if (rule.minPrice.amountMinor > rule.maxPrice.amountMinor) fail(ctx, ['maxPrice', 'amountMinor'], 'must be at least minPrice');
});

const sharesAny = (a: readonly string[] | undefined, b: readonly string[] | undefined) => !a || !b || a.some((x) => b.includes(x));

const maxDeadline = (id: string, pick: (rule: (typeof defaultDeadlineRules)[number]) => number | undefined) =>
  Math.max(...defaultDeadlineRules.filter((r) => r.id === id).map((r) => pick(r) ?? 0));
const deadlineMax = {
  manualAuthorizationHours: maxDeadline('manual-authorization', (r) => (r.kind === 'calendar-hours' ? r.hours : undefined)),
  rdrResponseHours: maxDeadline('rdr-response', (r) => (r.kind === 'calendar-hours' ? r.hours : undefined)),
  refundBusinessDays: maxDeadline('refund-after-receipt', (r) => (r.kind === 'business-days' ? r.days : undefined)),
};

export const policySchema = z.strictObject({
  handlingCostPerUnit: perMarketplace(money, (m) => [[['currency'], m.currency]]),
  labelCostEstimates: perMarketplace(z.strictObject({ currency, tiers: weightTiers }), (t) => [[['currency'], t.currency]]),
  labelPaidBy: z.strictObject(Object.fromEntries(faultParties.map((f) => [f, z.enum(labelPayers)])) as Record<(typeof faultParties)[number], z.ZodEnum<{ buyer: 'buyer'; seller: 'seller' }>>),
  saveOfferLadderBps: z.array(bps.min(1)).superRefine((ladder, ctx) => {
    ladder.forEach((step, i) => { if (i > 0 && step <= ladder[i - 1]!) fail(ctx, [i], `must be more than the previous step ${ladder[i - 1]}`); });
  }),
  saveOfferAcceptancePriors: z.array(probability),
  returnlessRules: z.array(returnlessRule),
  restockingFeeCaps: effectiveDated(z.strictObject({
    ...amazonNumber, lateOriginalConditionBps: bps, usedOrDamagedNotSellerFaultBps: bps, sellerFaultBps: bps,
  })),
  resaleValueByGradeBps: z.strictObject(Object.fromEntries(conditionGrades.map((g) => [g, bps])) as Record<(typeof conditionGrades)[number], typeof bps>),
  gradePriors: z.strictObject({
    default: gradeProbabilities,
    entries: z.array(z.strictObject({
      productCategory: z.string().trim().min(1).optional(), reasonCategory: z.enum(reasonCategories).optional(), probabilities: gradeProbabilities,
    })),
  }),
  removalDisposalFees: perMarketplace(
    effectiveDated(z.strictObject({ ...amazonNumber, currency, standard: weightTiers, oversize: weightTiers })),
    (tables) => tables.map((t, i): [PropertyKey[], string] => [[i, 'currency'], t.currency]),
  ),
  accountHealthRisk: perMarketplace(z.strictObject({ lateAnswer: money, atozClaim: money }),
    (r) => [[['lateAnswer', 'currency'], r.lateAnswer.currency], [['atozClaim', 'currency'], r.atozClaim.currency]]),
  deadlines: z.strictObject({
    manualAuthorizationHours: z.number().int().min(1).max(deadlineMax.manualAuthorizationHours).optional(),
    rdrResponseHours: z.number().int().min(1).max(deadlineMax.rdrResponseHours).optional(),
    refundBusinessDays: z.number().int().min(0).max(deadlineMax.refundBusinessDays).optional(),
  }),
  decisionPriors: z.strictObject({
    serialReturnerReturns90Days: z.number().int().min(1),
    highValueWrongItem: perMarketplace(money, (m) => [[['currency'], m.currency]]),
    closeAtozClaimProbability: probability,
    declinedOfferLateShare: probability,
    // Added after the first policies were stored: absent in an older file or version means the default.
    restockingFeeChargeShare: probability.default(defaultPolicy.decisionPriors.restockingFeeChargeShare),
    learningPriorWeight: z.number().positive().max(1_000_000).default(defaultPolicy.decisionPriors.learningPriorWeight),
    buyerShipByDays: z.number().int().min(1).max(90).default(defaultPolicy.decisionPriors.buyerShipByDays),
  }),
  messageTemplates: z.partialRecord(z.enum(messageLanguages), z.partialRecord(z.enum(messageActions), z.strictObject({
    subject: z.string().trim().min(1), body: z.string().trim().min(1),
  }))).optional(),
}).superRefine((policy, ctx) => {
  if (policy.saveOfferAcceptancePriors.length !== policy.saveOfferLadderBps.length) {
    fail(ctx, ['saveOfferAcceptancePriors'], `must have one probability per ladder step (${policy.saveOfferLadderBps.length})`);
  }
  // Amazon's returnless form refuses overlapping rules (reference §4.4).
  policy.returnlessRules.forEach((rule, i) => policy.returnlessRules.slice(0, i).forEach((other, j) => {
    if (other.marketplace === rule.marketplace && rule.minPrice.amountMinor <= other.maxPrice.amountMinor
      && other.minPrice.amountMinor <= rule.maxPrice.amountMinor && sharesAny(rule.categories, other.categories)
      && sharesAny(rule.reasonCategories, other.reasonCategories)) fail(ctx, ['returnlessRules', i], `overlaps returnlessRules[${j}]: rules must not overlap`);
  }));
});

// ---- Validation with every error and its path. ----

/** One problem in a policy file: where (`saveOfferLadderBps[2]`) and what. */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; errors: PolicyIssue[] };

function formatPath(path: readonly PropertyKey[]): string {
  const text = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
  return text || '(policy)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return 'is required';
      return issue.expected === 'int' ? 'must be a whole number' : `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
    case 'too_big': return issue.origin === 'array' ? `must have at most ${issue.maximum} entries` : `must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'invalid_value': return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format': return issue.format === 'date' ? 'must be a date written YYYY-MM-DD' : `must be a valid ${issue.format}`;
    case 'invalid_key': return `is not a marketplace: use one of ${marketplaceCodes.join(', ')}`;
    default: return issue.message;
  }
}

const marketplaceFields: ReadonlySet<PropertyKey> = new Set(['handlingCostPerUnit', 'labelCostEstimates', 'removalDisposalFees', 'accountHealthRisk']);

function unknownKeyMessage(parent: readonly PropertyKey[]): string {
  return parent.length === 1 && marketplaceFields.has(parent[0]!)
    ? `is not a marketplace: use one of ${marketplaceCodes.join(', ')}`
    : 'is not a policy field (check the spelling)';
}

function toIssues(error: z.ZodError): PolicyIssue[] {
  return error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownKeyMessage(issue.path) }))
    : [{ path: formatPath(issue.path), message: describeIssue(issue) }]));
}

/** Checks a parsed policy document; lists every problem with its path, never only the first. */
export function validatePolicy(value: unknown): PolicyValidation {
  const result = policySchema.safeParse(value, { reportInput: true });
  return result.success ? { ok: true, policy: result.data as Policy } : { ok: false, errors: toIssues(result.error) };
}

/** Parses a policy file's text, JSON or YAML (YAML 1.2 reads both); a syntax error is `invalid_input`. */
export function parsePolicyText(text: string, fileName: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const errors = document.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(file)', message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '') }));
    throw invalidPolicy(fileName, 'cannot be read as JSON or YAML', errors);
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) throw invalidPolicy(fileName, 'is empty', [{ path: '(policy)', message: 'the file holds no policy' }]);
  return value;
}

function invalidPolicy(fileName: string, what: string, errors: PolicyIssue[]): DomainError {
  const lines = errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
  return new DomainError('invalid_input', `${fileName} ${what} (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}); fix and try again:\n${lines}`, { file: fileName, errors });
}

/** Parses and validates a policy file's text; an invalid policy is `invalid_input` listing every error. */
export function checkPolicyText(text: string, fileName: string): Policy {
  const result = validatePolicy(parsePolicyText(text, fileName));
  if (!result.ok) throw invalidPolicy(fileName, 'is not a valid policy', result.errors);
  return result.policy;
}

/** Reads a policy file; a missing or unreadable file is `unreadable_file`. */
export async function readPolicyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError('unreadable_file', `Cannot read the policy file ${path}: ${(error as Error).message}`, { file: path });
  }
}

// ---- Versions in the database. ----

export interface ShownPolicy {
  /** 0 for the built-in default (never applied). */
  readonly version: number;
  readonly origin: 'default' | 'applied';
  readonly sha256: string;
  readonly sourceName: string | null;
  readonly appliedAt: string | null;
  readonly policy: Policy;
}

export interface AppliedPolicy {
  readonly version: number;
  /** False when the content equals the version in force (no new version was stored). */
  readonly changed: boolean;
  readonly sha256: string;
}

/** JSON with object keys sorted, so the same content always hashes the same, from JSON or YAML. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const hashPolicy = (policy: Policy) => createHash('sha256').update(canonicalJson(policy)).digest('hex');

/** The policy in force for an account: the latest applied version, or the built-in default (version 0). */
export async function showPolicy(database: Database, accountId: number): Promise<ShownPolicy> {
  const stored = await findCurrentPolicy(database.db, accountId);
  if (!stored) return { version: 0, origin: 'default', sha256: hashPolicy(defaultPolicy), sourceName: null, appliedAt: null, policy: defaultPolicy };
  // A version stored before a field existed gets that field's default here.
  const checked = validatePolicy(stored.policy);
  const policy = checked.ok ? checked.policy : stored.policy;
  return { version: stored.version, origin: 'applied', sha256: stored.sha256, sourceName: stored.sourceName, appliedAt: stored.appliedAt, policy };
}

/**
 * Validates a policy file's text and stores it as the account's next version. An invalid policy is
 * `invalid_input` with every error and stores nothing; the same content as the version in force
 * stores nothing either (`changed: false`).
 */
export async function applyPolicy(database: Database, accountId: number, text: string, fileName: string, now: string): Promise<AppliedPolicy> {
  const policy = checkPolicyText(text, fileName);
  const sha256 = hashPolicy(policy);
  return database.transaction(async (tx) => {
    const current = await findCurrentPolicy(tx.db, accountId);
    if (current?.sha256 === sha256) return { version: current.version, changed: false, sha256 };
    const version = (current?.version ?? 0) + 1;
    await insertPolicyVersion(tx, { accountId, version, policy, sha256, sourceName: fileName, appliedAt: now });
    return { version, changed: true, sha256 };
  });
}

