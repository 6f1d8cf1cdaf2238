import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../domain/errors.js';

// Passwords, hashed with argon2id (@node-rs/argon2's defaults: 19 MiB, 2 passes, 1 lane: OWASP's
// minimum for argon2id; about 13 ms a hash on these machines).

/** argon2id, as the library's `Algorithm.Argon2id` (a const enum, which this build cannot import). */
const argon2id = 2;

/** Long passwords over composition rules (NIST SP 800-63B): at least 10 characters, not the username. */
export function checkPassword(password: string, username: string): void {
  if ([...password].length < 10) throw new DomainError('invalid_input', 'A password needs at least 10 characters.', {});
  if ([...password].length > 256) throw new DomainError('invalid_input', 'A password has at most 256 characters.', {});
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) throw new DomainError('invalid_input', 'A password must not be the username.', {});
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

/** Whether `password` is the one `passwordHash` was made from; false for a hash that is not one. */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
