import { parseAmount } from '../domain/amount-text.js';
import type { ClaimStatus } from '../domain/claims/claim.js';
import { claimStatuses } from '../domain/claims/claim.js';
import { claimStatusAfter } from '../domain/claims/claim-outcome.js';
import type { ClaimAction } from '../domain/claims/claim-outcome.js';
import { claimTotalsByMonth } from '../domain/claims/claim-totals.js';
import type { MonthTotals } from '../domain/claims/claim-totals.js';
import { DomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { findClaim, listClaimEvents, listClaims, recordClaimStatus } from '../storage/claim-repository.js';
import type { StoredClaim } from '../storage/claim-repository.js';
import type { TimelineEvent } from '../domain/claims/claim-summary.js';
import { claimText } from '../domain/claims/claim-text.js';
import { lockChain } from '../storage/audit-repository.js';
import { listCaseEvidence } from '../storage/inspection-repository.js';
import { readProofLines } from '../storage/proof-row-repository.js';
import { listCaseEvents } from '../storage/return-case-repository.js';
import type { CaseEvent } from '../storage/return-case-repository.js';
import { accountChain, recordChange } from './audit.js';
import { writeClaimPacket } from './claim-packet.js';
import type { EvidenceKind, EvidenceStoreConfig } from './evidence-store.js';
import type { Database } from './open-database.js';

export type { StoredClaim };

export function parseClaimStatus(text: string): ClaimStatus {
  if ((claimStatuses as readonly string[]).includes(text)) return text as ClaimStatus;
  throw new DomainError('invalid_input', `"${text}" is not a claim status. Use one of: ${claimStatuses.join(', ')}.`, { status: text, allowed: claimStatuses });
}

export interface ClaimPage {
  /** The claims of the page: the soonest window to close first, claims without a window last. */
  readonly claims: StoredClaim[];
  /** How many claims match (all pages). */
  readonly total: number;
  /** Per month and currency, over every claim of the account whatever the filter. */
  readonly totals: MonthTotals[];
}

/** The account's claims (optionally in one status, optionally one page), the soonest window to close first, with totals per month. */
export async function listAccountClaims(
  database: Database, accountId: number, status?: ClaimStatus, page: { limit?: number; offset?: number } = {},
): Promise<ClaimPage> {
  const all = byDeadline(await listClaims(database.db, accountId));
  const matching = status === undefined ? all : all.filter((claim) => claim.status === status);
  const offset = page.offset ?? 0;
  const claims = matching.slice(offset, page.limit === undefined ? undefined : offset + page.limit);
  return { claims, total: matching.length, totals: claimTotalsByMonth(all) };
}

/** Soonest closing window first, then by id; no window last (SQLite sorts nulls first, PostgreSQL last: the order is set here, once). */
function byDeadline(claims: readonly StoredClaim[]): StoredClaim[] {
  const closes = (claim: StoredClaim) => claim.window?.closesAt ?? '\uffff';
  return [...claims].sort((a, b) => (closes(a) === closes(b) ? a.id - b.id : closes(a) < closes(b) ? -1 : 1));
}

/** An inspection photo or video of the claim's case: what the packet attaches. */
export interface ClaimEvidence {
  readonly sha256: string;
  readonly kind: string;
  readonly mediaType: string;
  readonly fileName: string | null;
  readonly sizeBytes: number;
  readonly uploadedAt: string;
}

/**
 * One claim with its history (oldest first), its case's evidence files and its claim text as of
 * `nowIso`; `not_found` for an unknown id or another account's claim.
 */
export async function showClaim(database: Database, accountId: number, id: number, nowIso = new Date().toISOString()) {
  const claim = await findClaim(database.db, accountId, id);
  if (!claim) throw new DomainError('not_found', `There is no claim ${id}.`, { id });
  const [events, evidence] = await Promise.all([
    listClaimEvents(database.db, accountId, id),
    claim.caseId === null ? Promise.resolve([]) : listCaseEvidence(database.db, accountId, claim.caseId),
  ]);
  const files: ClaimEvidence[] = evidence.map((e) => ({ sha256: e.sha256, kind: e.kind, mediaType: e.mediaType, fileName: e.fileName, sizeBytes: e.sizeBytes, uploadedAt: e.uploadedAt }));
  // The packet holds each content once, so the text counts it once too.
  const text = claimText(claim, { evidenceCount: new Set(files.map((f) => f.sha256)).size, nowIso, locale: 'en-US' });
  return { claim, events, evidence: files, text };
}

/**
 * What the seller records: filed, won with what Amazon paid (as typed, `24.99` in the marketplace's
 * notation, or in minor units), or lost.
 */
export type ClaimRecordRequest =
  | { readonly kind: 'filed' }
  | { readonly kind: 'won'; readonly amount: string }
  | { readonly kind: 'won'; readonly amountMinor: number }
  | { readonly kind: 'lost' };

function actionOf(request: ClaimRecordRequest, claim: StoredClaim): ClaimAction {
  if (request.kind !== 'won') return request;
  if ('amountMinor' in request) return { kind: 'won', amountMinor: request.amountMinor };
  return { kind: 'won', amountMinor: parseAmount(request.amount, claim.currency, requireMarketplace(claim.marketplaceCode).decimalSeparator) };
}

/**
 * Records that a claim was filed, won (with what Amazon paid: less than owed is `partly_won`) or lost,
 * with an event and the audit entry `claim.<kind>` naming `actor`, in one transaction. A move the
 * claim's status does not allow is `conflict`; nothing changes then.
 */
export async function recordClaim(
  database: Database, accountId: number, id: number, request: ClaimRecordRequest, nowIso: string, recordedBy: string | null = null, note: string | null = null, actor = 'cli',
): Promise<StoredClaim> {
  return database.transaction(async (tx) => {
    // One writer per account: of two decisions sent at once on a filed claim, the second sees the first.
    await lockChain(tx, accountChain(accountId));
    const claim = await findClaim(tx.db, accountId, id);
    if (!claim) throw new DomainError('not_found', `There is no claim ${id}.`, { id });
    const action = actionOf(request, claim);
    const { status, recoveredMinor } = claimStatusAfter(claim.status, action, claim.owedMinor);
    const resolved = status !== 'filed';
    const amountMinor = action.kind === 'won' ? action.amountMinor : null;
    await recordClaimStatus(tx, accountId, id, {
      status, filedAt: claim.filedAt ?? nowIso, ...(resolved ? { recoveredMinor, resolvedAt: nowIso } : {}),
    }, { kind: action.kind, amountMinor, note, recordedBy, recordedAt: nowIso });
    const after = (await findClaim(tx.db, accountId, id))!;
    await recordChange(tx, {
      chain: accountChain(accountId), actor, action: `claim.${action.kind}`, subject: `claim:${id}`, at: nowIso,
      before: { status: claim.status, filedAt: claim.filedAt, recoveredMinor: claim.recoveredMinor },
      after: { status: after.status, filedAt: after.filedAt, recoveredMinor: after.recoveredMinor, amountMinor, currency: claim.currency, note, recordedBy },
    });
    return after;
  });
}

/** What went into a claim's evidence packet. */
export interface ClaimPacket {
  readonly claimId: number;
  readonly path: string;
  readonly sizeBytes: number;
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly sizeBytes: number }[];
}

/** The case's history as the packet's timeline: every recorded event, oldest first. */
function timelineOf(events: readonly CaseEvent[]): TimelineEvent[] {
  return events.map((event) => ({ atIso: event.occurredAt, event: event.kind, detail: `${event.source}${event.line === null ? '' : `, line ${event.line}`}` }));
}

/**
 * Writes the claim's evidence packet (services/claim-packet.ts) to `outPath`: the claim text, the
 * summary with the case's timeline, the inspection photos and videos from the evidence store, and the
 * report lines that prove it. ReturnDesk does not hold buyer messages yet, so none are included.
 */
export async function writeClaimPacketFor(database: Database, accountId: number, id: number, outPath: string, store: EvidenceStoreConfig, nowIso: string): Promise<ClaimPacket> {
  const { claim, evidence } = await showClaim(database, accountId, id, nowIso);
  const [events, reportLines] = await Promise.all([
    claim.caseId === null ? Promise.resolve([]) : listCaseEvents(database.db, claim.caseId),
    readProofLines(database.db, accountId, claim.proof),
  ]);
  const written = await writeClaimPacket(outPath, {
    candidate: claim, timeline: timelineOf(events), messages: [], reportLines, nowIso,
    evidence: evidence.map((file) => ({ sha256: file.sha256, fileName: file.fileName ?? file.sha256, mediaType: file.mediaType, kind: file.kind as EvidenceKind })),
  }, store);
  return { claimId: id, path: written.path, sizeBytes: written.sizeBytes, files: written.files };
}
