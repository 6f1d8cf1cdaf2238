import { randomInt, timingSafeEqual } from 'node:crypto';
import { checkPassword, parseUsername } from '../domain/access/credentials.js';
import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/database.js';
import { lockChain } from '../storage/audit-repository.js';
import { countActiveUsers } from '../storage/user-repository.js';
import { defaultAccountId, renameAccount } from './accounts.js';
import type { SellerAccount } from './accounts.js';
import { instanceChain } from './audit.js';
import { hashPassword } from './passwords.js';
import { sha256Hex } from './secrets.js';
import { insertNewUser } from './users.js';
import type { User } from './users.js';

// The first start of an instance nobody can log in to yet (docs/security.md#first-start). There is no
// default password: `returndesk serve` prints a one-time setup code on its standard output, and
// whoever types it into the web app's first-run page becomes the owner of the default seller account.
// Only someone who can see that output can do it, even when the page is reachable by others; once an
// owner exists the code is worth nothing.

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, 5/S, 8/B, 2/Z). */
const alphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
const groups = 4;
const groupLength = 4;

/** A new setup code, e.g. `K7QM-3XPA-9RTD-HCWF`: 16 characters of a 25-letter alphabet, about 74 bits. */
export function newSetupCode(): string {
  const characters = Array.from({ length: groups * groupLength }, () => alphabet[randomInt(alphabet.length)]!);
  return Array.from({ length: groups }, (_, g) => characters.slice(g * groupLength, (g + 1) * groupLength).join('')).join('-');
}

/** Whether `given` is the setup code, compared in constant time; case, spaces and dashes do not matter. */
export function setupCodeMatches(code: string, given: string): boolean {
  const normalize = (text: string) => Buffer.from(sha256Hex(text.toUpperCase().replace(/[\s-]/g, '')), 'hex');
  return timingSafeEqual(normalize(code), normalize(given));
}

export interface FirstOwner {
  readonly username: string;
  readonly displayName?: string;
  readonly password: string;
  /** The name of the seller account the owner starts with (the default account is renamed to it). */
  readonly accountName?: string;
}

/**
 * Makes `request` the owner of the default seller account, naming the account when a name is given.
 * `conflict` once anyone can log in: the first-run page is for an instance without users only.
 */
export async function createFirstOwner(database: Database, request: FirstOwner, now: string): Promise<{ user: User; account: SellerAccount | null }> {
  const username = parseUsername(request.username);
  checkPassword(request.password, username);
  const passwordHash = await hashPassword(request.password);
  const actor = `setup:${username}`;
  return database.transaction(async (tx) => {
    // Held until commit: two first-run forms sent at once cannot both find no users.
    await lockChain(tx, instanceChain);
    if ((await countActiveUsers(tx.db)) > 0) {
      throw new DomainError('conflict', 'ReturnDesk already has its owner: log in, or ask an owner for an account.', {});
    }
    const user = await insertNewUser(tx, { username, displayName: request.displayName, passwordHash, role: 'owner', accountId: defaultAccountId }, actor, now);
    const accountName = request.accountName?.trim();
    const account = accountName ? await renameAccount(tx, defaultAccountId, accountName, actor, now) : null;
    return { user, account };
  });
}
