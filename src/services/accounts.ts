import { DomainError } from '../domain/errors.js';
import type { Database } from '../storage/database.js';
import { insertSellerAccount, listSellerAccounts } from '../storage/seller-account-repository.js';
import type { SellerAccount } from '../storage/seller-account-repository.js';
import { instanceChain, recordChange } from './audit.js';

export type { SellerAccount };

/**
 * The seller account commands act on when none is named: the first migration creates it as id 1,
 * "Default account".
 */
export const defaultAccountId = 1;

export async function listAccounts(database: Database): Promise<SellerAccount[]> {
  return listSellerAccounts(database.db);
}

/** Adds a seller account (a second Amazon seller, or a brand run apart); its owner is given with `user role`. */
export async function addAccount(database: Database, name: string, actor: string, now: string): Promise<SellerAccount> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100) throw new DomainError('invalid_input', 'Name the seller account (1 to 100 characters).', { name });
  return database.transaction(async (tx) => {
    if ((await listSellerAccounts(tx.db)).some((a) => a.name.toLowerCase() === trimmed.toLowerCase())) {
      throw new DomainError('conflict', `There is already a seller account "${trimmed}".`, { name: trimmed });
    }
    const account = await insertSellerAccount(tx, trimmed, now);
    await recordChange(tx, { chain: instanceChain, actor, action: 'account.add', subject: `account:${account.id}`, after: account, at: now });
    return account;
  });
}
