import { createHash, randomBytes } from 'node:crypto';

// Random secrets (session, CSRF and API tokens) and the SHA-256 digests stored in their place; the
// audit chain hashes its entries with the same digest; and how often their last use is written down.

/** 256 random bits as 43 base64url characters. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether a last-used time is worth writing again: at most once a minute per session or token, so a
 * request that only reads does not also write a row (every API request would otherwise).
 */
export function isStale(lastAt: string | null, now: string): boolean {
  return lastAt === null || Date.parse(now) - Date.parse(lastAt) >= 60_000;
}

/** SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
