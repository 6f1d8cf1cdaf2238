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
import { listCaseEvidence } from '../storage/inspection-repository.js';
import { readProofLines } from '../storage/proof-row-repository.js';
import { listCaseEvents } from '../storage/return-case-repository.js';
import type { CaseEvent } from '../storage/return-case-repository.js';
import { writeClaimPacket } from './claim-packet.js';
import type { EvidenceKind, EvidenceStoreConfig } from './evidence-store.js';
import type { Database } from './open-database.js';

export type { StoredClaim };

export function parseClaimStatus(text: string): ClaimStatus {
  if ((claimStatuses as readonly string[]).includes(text)) return text as ClaimStatus;
  throw new DomainError('invalid_input', `"${text}" is not a claim status. Use one of: ${claimStatuses.join(', ')}.`, { status: text, allowed: claimStatuses });
}

/** The account's claims (optionally in one status), the soonest window to close first, with totals per month. */
export async function listAccountClaims(database: Database, accountId: number, status?: ClaimStatus): Promise<{ claims: StoredClaim[]; totals: MonthTotals[] }> {
  const claims = await listClaims(database.db, accountId, status === undefined ? {} : { status });
  const all = status === undefined ? claims : await listClaims(database.db, accountId);
  return { claims, totals: claimTotalsByMonth(all) };
}

/** One claim with its history; `not_found` for an unknown id or another account's claim. */
export async function showClaim(database: Database, accountId: number, id: number) {
  const claim = await findClaim(database.db, accountId, id);
  if (!claim) throw new DomainError('not_found', `There is no claim ${id}.`, { id });
  return { claim, events: await listClaimEvents(database.db, accountId, id) };
}

/** What the seller records, as typed: filed, won with the amount Amazon paid (`24.99`), or lost. */
export type ClaimRecordRequest = { readonly kind: 'filed' } | { readonly kind: 'won'; readonly amount: string } | { readonly kind: 'lost' };

/**
 * Records that a claim was filed, won (with what Amazon paid: less than owed is `partly_won`) or lost,
 * with an event. A move the claim's status does not allow is `conflict`; nothing changes then.
 */
export async function recordClaim(database: Database, accountId: number, id: number, request: ClaimRecordRequest, nowIso: string, recordedBy: string | null = null, note: string | null = null): Promise<StoredClaim> {
  return database.transaction(async (tx) => {
    const claim = await findClaim(tx.db, accountId, id);
    if (!claim) throw new DomainError('not_found', `There is no claim ${id}.`, { id });
    const action: ClaimAction = request.kind === 'won'
      ? { kind: 'won', amountMinor: parseAmount(request.amount, claim.currency, requireMarketplace(claim.marketplaceCode).decimalSeparator) }
      : request;
    const { status, recoveredMinor } = claimStatusAfter(claim.status, action, claim.owedMinor);
    const resolved = status !== 'filed';
    await recordClaimStatus(tx, accountId, id, {
      status, filedAt: claim.filedAt ?? nowIso, ...(resolved ? { recoveredMinor, resolvedAt: nowIso } : {}),
    }, { kind: action.kind, amountMinor: action.kind === 'won' ? action.amountMinor : null, note, recordedBy, recordedAt: nowIso });
    return (await findClaim(tx.db, accountId, id))!;
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
  const { claim } = await showClaim(database, accountId, id);
  const caseId = claim.caseId;
  const [events, evidence, reportLines] = await Promise.all([
    caseId === null ? Promise.resolve([]) : listCaseEvents(database.db, caseId),
    caseId === null ? Promise.resolve([]) : listCaseEvidence(database.db, accountId, caseId),
    readProofLines(database.db, accountId, claim.proof),
  ]);
  const written = await writeClaimPacket(outPath, {
    candidate: claim, timeline: timelineOf(events), messages: [], reportLines, nowIso,
    evidence: evidence.map((file) => ({ sha256: file.sha256, fileName: file.fileName ?? file.sha256, mediaType: file.mediaType, kind: file.kind as EvidenceKind })),
  }, store);
  return { claimId: id, path: written.path, sizeBytes: written.sizeBytes, files: written.files };
}
