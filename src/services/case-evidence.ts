import { DomainError } from '../domain/errors.js';
import { findAccountEvidence as findStoredEvidence, listCaseEvidence } from '../storage/inspection-repository.js';
import type { StoredEvidence } from '../storage/inspection-repository.js';
import { findReferencedCase } from './case-reference.js';
import type { Database } from './open-database.js';

// The photos and videos of a seller account's cases, as the HTTP API lists and serves them. Files are
// stored once per content (evidence-store.ts), so the same bytes may belong to several accounts: a file
// is reachable from an account only through an evidence record of that account.

/** One evidence file of a case, as a person sees it. */
export interface CaseEvidence {
  readonly sha256: string;
  readonly kind: string;
  /** One of the types the store accepts, else `application/octet-stream` (see {@link servedMediaType}). */
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly fileName: string | null;
  readonly inspectionId: number | null;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

// Each served type's extensions, the first the one to add. A download keeps its uploader's name only
// with an extension of its real type: a PNG uploaded as `x.html` is offered as `x.html.png`, so a
// file that is both an image and a page can never be saved where a browser would open it as a page.
const extensionsOf: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'], 'image/gif': ['.gif'], 'image/webp': ['.webp'], 'image/heic': ['.heic'],
  'image/heif': ['.heif', '.heic'], 'video/mp4': ['.mp4', '.m4v'], 'video/quicktime': ['.mov', '.qt'], 'video/webm': ['.webm'],
};

/** The name to offer a download under: the uploaded name (or one made of the hash), ending in an extension of its real type. */
export function downloadName(evidence: Pick<CaseEvidence, 'sha256' | 'mediaType' | 'fileName'>): string {
  const extensions = extensionsOf[evidence.mediaType] ?? ['.bin'];
  const name = evidence.fileName?.trim() || `evidence-${evidence.sha256.slice(0, 12)}`;
  return extensions.some((e) => name.toLowerCase().endsWith(e)) ? name : `${name}${extensions[0]}`;
}

/**
 * The media type to serve a stored file as: its sniffed type when it is one the store accepts
 * (evidence-media-types.ts recognises exactly these), else `application/octet-stream`: a record naming
 * anything else (a database edited by hand) is served as opaque bytes, never as a page.
 */
export function servedMediaType(stored: string): string {
  return Object.hasOwn(extensionsOf, stored) ? stored : 'application/octet-stream';
}

const toCaseEvidence = (e: StoredEvidence): CaseEvidence => ({
  sha256: e.sha256, kind: e.kind, mediaType: servedMediaType(e.mediaType), sizeBytes: e.sizeBytes, fileName: e.fileName,
  inspectionId: e.inspectionId, uploadedBy: e.uploadedBy, uploadedAt: e.uploadedAt,
});

/** A page of a case's evidence, oldest first; `not_found` for a case the account does not have. */
export async function listEvidenceOfCase(
  database: Database, accountId: number, caseId: number, page: { readonly limit: number; readonly offset: number },
): Promise<{ items: CaseEvidence[]; total: number }> {
  await findReferencedCase(database, accountId, { caseId });
  // A case holds a handful of photos and videos: paged here rather than in the query.
  const all = await listCaseEvidence(database.db, accountId, caseId);
  return { items: all.slice(page.offset, page.offset + page.limit).map(toCaseEvidence), total: all.length };
}

/**
 * One evidence file of the account: `not_found` unless a case of this account has evidence with this
 * SHA-256, even when another account's case has the same bytes. Read it with `readEvidence`.
 */
export async function findAccountEvidence(database: Database, accountId: number, sha256: string): Promise<CaseEvidence> {
  const record = await findStoredEvidence(database.db, accountId, sha256);
  if (!record) throw new DomainError('not_found', `There is no evidence file ${sha256} in this account.`, { sha256 });
  return toCaseEvidence(record);
}

