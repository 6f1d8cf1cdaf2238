import { hash, verify } from '@node-rs/argon2';

// Passwords, hashed with argon2id (@node-rs/argon2's defaults: 19 MiB, 2 passes, 1 lane: OWASP's
// minimum for argon2id; about 13 ms a hash on these machines).

/** argon2id, as the library's `Algorithm.Argon2id` (a const enum, which this build cannot import). */
const argon2id = 2;

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
