import { createHash, randomBytes } from 'node:crypto';

// Random secrets (session, CSRF and API tokens) and the SHA-256 digests stored in their place; the
// audit chain hashes its entries with the same digest.

/** 256 random bits as 43 base64url characters. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the text's UTF-8 bytes, as 64 hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
