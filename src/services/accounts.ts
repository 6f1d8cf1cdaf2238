import type { Role } from '../domain/access/permissions.js';
import { DomainError } from '../domain/errors.js';
import type { Database, Transaction } from '../storage/database.js';
import { lockChain } from '../storage/audit-repository.js';
import { insertSellerAccount, listSellerAccounts, renameSellerAccount } from '../storage/seller-account-repository.js';
import type { SellerAccount } from '../storage/seller-account-repository.js';
import { findUser } from '../storage/user-repository.js';
import { instanceChain, recordChange } from './audit.js';
import { giveRole } from './users.js';

export type { SellerAccount };

/** A seller account with the role someone holds in it. */
export interface AccountWithRole extends SellerAccount {
  readonly role: Role;
}

/**
 * The seller account commands act on when none is named: the first migration creates it as id 1,
 * "Default account".
 */
export const defaultAccountId = 1;

export async function listAccounts(database: Database): Promise<SellerAccount[]> {
  return listSellerAccounts(database.db);
}

/** The accounts of `roles` (a user's, or a token's one), oldest first, one page of them: nobody learns of an account they have no role in. */
export async function listAccountsWithRoles(
  database: Database, roles: Readonly<Record<number, Role>>, page: { limit: number; offset: number },
): Promise<{ items: AccountWithRole[]; total: number }> {
  const mine = (await listSellerAccounts(database.db)).flatMap((a) => (roles[a.id] === undefined ? [] : [{ ...a, role: roles[a.id]! }]));
  return { items: mine.slice(page.offset, page.offset + page.limit), total: mine.length };
}

/** Adds a seller account (a second Amazon seller, or a brand run apart); its owner is given with `user role`. */
export async function addAccount(database: Database, name: string, actor: string, now: string): Promise<SellerAccount> {
  const trimmed = accountName(name);
  return database.transaction((tx) => insertAccount(tx, trimmed, actor, now));
}

/**
 * Adds a seller account whose owner is the user asking, in one transaction (account and role, with an
 * audit entry each). Only a user who owns an account already may: `forbidden` for anyone else, so an
 * agent cannot make themselves an owner somewhere.
 */
export async function addOwnedAccount(database: Database, name: string, userId: number, actor: string, now: string): Promise<AccountWithRole> {
  const trimmed = accountName(name);
  return database.transaction(async (tx) => {
    const user = await findUser(tx.db, userId);
    if (!user || user.disabledAt !== null || !Object.values(user.roles).includes('owner')) {
      throw new DomainError('forbidden', 'Only the owner of a seller account can add another one: ask an owner.', {});
    }
    const account = await insertAccount(tx, trimmed, actor, now);
    await giveRole(tx, userId, account.id, 'owner', actor, now);
    return { ...account, role: 'owner' };
  });
}

/** Renames a seller account (`account.rename` in the audit log); the name stays unique, whatever its case. */
export async function renameAccount(tx: Transaction, id: number, name: string, actor: string, now: string): Promise<SellerAccount> {
  const trimmed = accountName(name);
  await lockChain(tx, instanceChain);
  const accounts = await listSellerAccounts(tx.db);
  const before = accounts.find((a) => a.id === id);
  if (!before) throw new DomainError('not_found', `There is no seller account ${id}.`, { accountId: id });
  if (accounts.some((a) => a.id !== id && a.name.toLowerCase() === trimmed.toLowerCase())) {
    throw new DomainError('conflict', `There is already a seller account "${trimmed}".`, { name: trimmed });
  }
  const after = { ...before, name: trimmed };
  await renameSellerAccount(tx, id, trimmed);
  await recordChange(tx, { chain: instanceChain, actor, action: 'account.rename', subject: `account:${id}`, before, after, at: now });
  return after;
}

function accountName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new DomainError('invalid_input', 'Name the seller account (1 to 100 characters).', { name });
  return trimmed;
}

async function insertAccount(tx: Transaction, name: string, actor: string, now: string): Promise<SellerAccount> {
  // Held until commit, so two accounts of the same name added at once cannot both pass the check.
  await lockChain(tx, instanceChain);
  if ((await listSellerAccounts(tx.db)).some((a) => a.name.toLowerCase() === name.toLowerCase())) {
    throw new DomainError('conflict', `There is already a seller account "${name}".`, { name });
  }
  const account = await insertSellerAccount(tx, name, now);
  await recordChange(tx, { chain: instanceChain, actor, action: 'account.add', subject: `account:${account.id}`, after: account, at: now });
  return account;
}
