import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import { marketplaceCodes } from '../domain/marketplaces.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import type { Policy } from '../domain/policy/policy.js';
import type { Database } from '../storage/database.js';
import { lockChain } from '../storage/audit-repository.js';
import { findCurrentPolicy, insertPolicyVersion } from '../storage/policy-repository.js';
import type { StoredPolicy } from '../storage/policy-repository.js';
import { accountChain, recordChange } from './audit.js';
import { policySchema } from './policy-schema.js';

export { policySchema };

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

// Sections keyed by marketplace deeper in the policy: `disposition.marketplaces`.
const isNestedMarketplaceRecord = (parent: readonly PropertyKey[]) => parent.length === 2 && parent[0] === 'disposition' && parent[1] === 'marketplaces';

function unknownKeyMessage(parent: readonly PropertyKey[]): string {
  return (parent.length === 1 && marketplaceFields.has(parent[0]!)) || isNestedMarketplaceRecord(parent)
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

/** Who applies a policy, and the version they edited (HTTP If-Match): a change made on an older one is refused. */
export interface PolicyWriteGuard {
  /** The version in force the change was made on (0: the built-in default); `conflict` when another was applied since. */
  readonly expectedVersion?: number;
  /** Who, for the audit log: 'user:<id>', 'token:<id>', 'cli:<os user>'. */
  readonly actor?: string;
}

/**
 * Validates a policy file's text and stores it as the account's next version. An invalid policy is
 * `invalid_input` with every error and stores nothing; the same content as the version in force
 * stores nothing either (`changed: false`).
 */
export async function applyPolicy(database: Database, accountId: number, text: string, fileName: string, now: string, guard: PolicyWriteGuard = {}): Promise<AppliedPolicy> {
  return applyPolicyDocument(database, accountId, parsePolicyText(text, fileName), fileName, now, guard);
}

/**
 * Stores a parsed policy document (the JSON body of an API request) as the account's next version,
 * with an audit entry `policy.apply` in the same transaction. `sourceName` names it in errors and in
 * `showPolicy`. Invalid: `invalid_input` listing every error (details.errors), nothing stored.
 */
export async function applyPolicyDocument(
  database: Database, accountId: number, document: unknown, sourceName: string, now: string, guard: PolicyWriteGuard = {},
): Promise<AppliedPolicy> {
  const checked = validatePolicy(document);
  if (!checked.ok) throw invalidPolicy(sourceName, 'is not a valid policy', checked.errors);
  const sha256 = hashPolicy(checked.policy);
  return database.transaction(async (tx) => {
    // One writer per account at a time: two applies never compute the same next version, and the
    // version an If-Match names is compared with what is really in force.
    await lockChain(tx, accountChain(accountId));
    const current = await findCurrentPolicy(tx.db, accountId);
    requirePolicyVersion(current?.version ?? 0, guard.expectedVersion);
    if (current?.sha256 === sha256) return { version: current.version, changed: false, sha256 };
    const version = (current?.version ?? 0) + 1;
    await insertPolicyVersion(tx, { accountId, version, policy: checked.policy, sha256, sourceName, appliedAt: now });
    // The content stays in the policies table; the entry pins it by its hash.
    await recordChange(tx, {
      chain: accountChain(accountId), actor: guard.actor ?? 'cli', action: 'policy.apply', subject: `policy:${version}`, at: now,
      before: current ? versionSummary(current) : { version: 0, origin: 'default', sha256: hashPolicy(defaultPolicy) },
      after: { version, sha256, sourceName, appliedAt: now },
    });
    return { version, changed: true, sha256 };
  });
}

const versionSummary = (stored: StoredPolicy) => ({ version: stored.version, sha256: stored.sha256, sourceName: stored.sourceName, appliedAt: stored.appliedAt });

function requirePolicyVersion(inForce: number, expected: number | undefined): void {
  if (expected === undefined || expected === inForce) return;
  throw new DomainError('conflict', `The policy changed since version ${expected} (version ${inForce} is in force now): reload it and apply your changes again.`,
    { expectedVersion: expected, version: inForce });
}
