import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors.js';

// Secrets ReturnDesk must keep to act for a seller (Amazon's LWA client secret and refresh token) are
// stored sealed with AES-256-GCM under a key only the environment holds (RETURNDESK_SECRET_KEY), so a
// copy of the database alone reveals nothing. Each value is bound to what it is for (`context`, e.g.
// "account:1:refresh_token"): a sealed value copied onto another row or field fails to open.

const version = 'rd1';
const keyBytes = 32;
const ivBytes = 12;

/** The environment variable's value as a 32-byte key: base64 (44 characters, or 43 unpadded) or hex (64). */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return Buffer.from(trimmed.replace(/=$/, ''), 'base64url');
  throw new Error(`RETURNDESK_SECRET_KEY must be ${keyBytes} random bytes written as base64 (44 characters) or hex (64); \`returndesk secret-key\` prints a new one.`);
}

/** A new key, as base64: what `returndesk secret-key` prints. */
export function newSecretKey(): string {
  return randomBytes(keyBytes).toString('base64');
}

export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** The box for `key`; null (no key configured) gives one that refuses with a sentence saying what to set. */
export function secretBox(key: Buffer | null): SecretBox {
  if (key === null) {
    const refuse = (): never => {
      throw new DomainError('invalid_input', 'Amazon credentials are stored encrypted, and no key is set: set RETURNDESK_SECRET_KEY (`returndesk secret-key` prints a new one) and restart ReturnDesk.', {});
    };
    return { seal: refuse, open: refuse };
  }
  return {
    seal(plain, context) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [version, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, context) {
      const [tag, iv, body, auth] = sealed.split('.');
      if (tag !== version || iv === undefined || body === undefined || auth === undefined) throw unreadable(context);
      const tagBytes = Buffer.from(auth, 'base64url');
      // A full 16-byte tag only: GCM would check a shortened one, which is easier to forge.
      if (tagBytes.length !== 16) throw unreadable(context);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 }).setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable(context);
      }
    },
  };
}

// Never says more than which value: not the sealed text, not the key.
function unreadable(context: string): DomainError {
  return new DomainError('conflict', `The stored secret ${context} cannot be opened with this RETURNDESK_SECRET_KEY (another key sealed it, or it was altered): connect the account again.`, { secret: context });
}
