import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { newSecretKey, parseSecretKey, secretBox } from './secret-box.js';

describe('the secret box', () => {
  const key = parseSecretKey(newSecretKey());
  const box = secretBox(key);

  it('opens what it sealed, for the same purpose only, and never seals the same text the same way', () => {
    const sealed = box.seal('Atzr|refresh-token-value', 'account:1:refresh_token');
    expect(sealed).toMatch(/^rd1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('refresh-token-value');
    expect(box.open(sealed, 'account:1:refresh_token')).toBe('Atzr|refresh-token-value');
    expect(box.seal('Atzr|refresh-token-value', 'account:1:refresh_token')).not.toBe(sealed);
    expect(() => box.open(sealed, 'account:2:refresh_token')).toThrow(/cannot be opened/);
  });

  it('refuses a sealed value altered by one character, or opened with another key, without showing either', () => {
    const sealed = box.seal('client-secret', 'account:1:client_secret');
    const parts = sealed.split('.');
    const flipped = `${parts[2]!.slice(0, -1)}${parts[2]!.endsWith('A') ? 'B' : 'A'}`;
    const altered = [parts[0], parts[1], flipped, parts[3]].join('.');
    const shortTag = [parts[0], parts[1], parts[2], parts[3]!.slice(0, 6)].join('.');
    for (const attempt of [() => box.open(altered, 'account:1:client_secret'), () => box.open(shortTag, 'account:1:client_secret'), () => secretBox(parseSecretKey(newSecretKey())).open(sealed, 'account:1:client_secret'), () => box.open('plain text', 'account:1:client_secret')]) {
      let error: unknown;
      try {
        attempt();
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as Error).message).toBe('The stored secret account:1:client_secret cannot be opened with this RETURNDESK_SECRET_KEY (another key sealed it, or it was altered): connect the account again.');
      expect(JSON.stringify(error)).not.toContain(sealed);
    }
  });

  it('reads a key written as base64 or hex, and refuses anything else by the variable\'s name', () => {
    const bytes = Buffer.alloc(32, 7);
    expect(parseSecretKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('base64url'))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString('hex'))).toEqual(bytes);
    for (const bad of ['', 'secret', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('hex')]) {
      expect(() => parseSecretKey(bad)).toThrow(/^RETURNDESK_SECRET_KEY must be 32 random bytes/);
    }
  });

  it('says what to set when no key is configured', () => {
    expect(() => secretBox(null).seal('x', 'account:1:client_secret')).toThrow(/set RETURNDESK_SECRET_KEY/);
  });
});
