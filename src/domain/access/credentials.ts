import { DomainError } from '../errors.js';

// What a username and a password must be (docs/security.md#first-start).

const usernamePattern = /^[\p{L}\p{N}._@-]{2,64}$/u;

/** The username as stored: trimmed, 2 to 64 letters, digits, dots, dashes, underscores or @. */
export function parseUsername(text: string): string {
  const username = text.trim();
  if (!usernamePattern.test(username)) {
    throw new DomainError('invalid_input', 'A username has 2 to 64 letters, digits, dots, dashes, underscores or @, and no spaces.', { username: text });
  }
  return username;
}

/** Long passwords over composition rules (NIST SP 800-63B): 10 to 256 characters, not the username. */
export function checkPassword(password: string, username: string): void {
  if ([...password].length < 10) throw new DomainError('invalid_input', 'A password needs at least 10 characters.', {});
  if ([...password].length > 256) throw new DomainError('invalid_input', 'A password has at most 256 characters.', {});
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) throw new DomainError('invalid_input', 'A password must not be the username.', {});
}
