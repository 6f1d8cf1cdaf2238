import { z } from 'zod';
import { claimKinds, claimStatuses, proofSources } from '../../domain/claims/claim.js';
import type { StoredClaim } from '../../services/claims.js';
import type { ClaimEvidence } from '../../services/claims.js';
import { accountParams } from './accounts.js';

// Claims over HTTP (docs/api/claims.md): what Amazon owes on returns, as `returndesk claims` shows it.
// Money is in minor units of the claim's `currency`.

// Ids are PostgreSQL integers: anything larger cannot exist (and would make the query fail).
export const claimParams = accountParams.extend({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const claimListQuery = z.object({
  status: z.enum(claimStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

const note = z.string().max(2000).optional().describe('Anything worth keeping with the decision');

/** What the seller records: filed, won with what Amazon paid (minor units of the claim's currency), or lost. */
export const claimStatusBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('filed'), note }).strict(),
  z.object({
    status: z.literal('won'),
    amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('What Amazon paid, in minor units of the claim\'s currency (2499 for $24.99); less than owed is partly_won'),
    note,
  }).strict(),
  z.object({ status: z.literal('lost'), note }).strict(),
]);
export type ClaimStatusBody = z.infer<typeof claimStatusBody>;

export const claimReply = z.object({
  id: z.number().int(), key: z.string(), kind: z.enum(claimKinds), status: z.enum(claimStatuses),
  marketplace: z.string(), currency: z.string(), orderId: z.string(), sku: z.string(), caseId: z.number().int().nullable(), units: z.number().int(),
  owedMinor: z.number().int(), recoveredMinor: z.number().int().nullable(),
  components: z.array(z.object({ label: z.string(), amountMinor: z.number().int() }).strict()),
  computation: z.string(),
  window: z.object({ ruleId: z.string(), fromIso: z.string(), opensAt: z.string(), closesAt: z.string() }).strict().nullable()
    .describe('The claim window; null when no window rule covers the marketplace'),
  proof: z.array(z.object({
    source: z.enum(proofSources), rowId: z.number().int(), file: z.string().nullable(), line: z.number().int().nullable(), summary: z.string(),
  }).strict()),
  ids: z.record(z.string(), z.string()),
  filedAt: z.string().nullable(), resolvedAt: z.string().nullable(), foundAt: z.string(), updatedAt: z.string(),
}).strict();
export type ClaimResponse = z.infer<typeof claimReply>;

const monthTotalsReply = z.object({
  month: z.string(), currency: z.string(), owedMinor: z.number().int(), filedMinor: z.number().int(), recoveredMinor: z.number().int(), expiredMinor: z.number().int(),
}).strict();

export const claimListReply = z.object({
  items: z.array(claimReply), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
  totals: z.array(monthTotalsReply).describe('Per month and currency over every claim of the account: owed, filed, recovered, expired'),
}).strict();
export type ClaimListResponse = z.infer<typeof claimListReply>;

const claimEventReply = z.object({
  kind: z.string(), amountMinor: z.number().int().nullable(), note: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string(),
}).strict();

const claimEvidenceReply = z.object({
  sha256: z.string(), kind: z.string(), mediaType: z.string(), fileName: z.string().nullable(), sizeBytes: z.number().int(), uploadedAt: z.string(),
}).strict();

/** One claim with its history (oldest first), its case's photos and videos, and the claim text to paste. */
export const claimDetailReply = claimReply.extend({
  events: z.array(claimEventReply),
  evidence: z.array(claimEvidenceReply),
  text: z.object({ subject: z.string(), body: z.string() }).strict(),
}).strict();
export type ClaimDetailResponse = z.infer<typeof claimDetailReply>;

export const reconcileReply = z.object({
  ordersRead: z.number().int(), found: z.number().int(), newClaims: z.number().int(), removed: z.number().int(), expired: z.number().int(),
  problems: z.array(z.object({ marketplaceCode: z.string(), orderId: z.string(), problem: z.string() }).strict()),
}).strict();

export function toClaimResponse(c: StoredClaim): ClaimResponse {
  return {
    id: c.id, key: c.key, kind: c.kind, status: c.status, marketplace: c.marketplaceCode, currency: c.currency, orderId: c.orderId, sku: c.sku,
    caseId: c.caseId, units: c.units, owedMinor: c.owedMinor, recoveredMinor: c.recoveredMinor,
    components: c.components.map((p) => ({ label: p.label, amountMinor: p.amountMinor })), computation: c.computation,
    window: c.window && { ruleId: c.window.ruleId, fromIso: c.window.fromIso, opensAt: c.window.opensAt, closesAt: c.window.closesAt },
    proof: c.proof.map((p) => ({ source: p.source, rowId: p.rowId, file: p.file, line: p.line, summary: p.summary })), ids: { ...c.ids },
    filedAt: c.filedAt, resolvedAt: c.resolvedAt, foundAt: c.foundAt, updatedAt: c.updatedAt,
  };
}

interface ClaimEventRow { kind: string; amount_minor: number | null; note: string | null; recorded_by: string | null; recorded_at: string }

export function toClaimDetailResponse(shown: { claim: StoredClaim; events: readonly ClaimEventRow[]; evidence: readonly ClaimEvidence[]; text: { subject: string; body: string } }): ClaimDetailResponse {
  return {
    ...toClaimResponse(shown.claim),
    events: shown.events.map((e) => ({ kind: e.kind, amountMinor: e.amount_minor, note: e.note, recordedBy: e.recorded_by, recordedAt: e.recorded_at })),
    evidence: shown.evidence.map((e) => ({ ...e })),
    text: { subject: shown.text.subject, body: shown.text.body },
  };
}
