import { DomainError } from '../domain/errors.js';
import { findMarketplace } from '../domain/marketplaces.js';
import type { Marketplace } from '../domain/marketplaces.js';
import { deleteConnection, findConnection, saveConnection } from '../storage/amazon-connection-repository.js';
import type { StoredConnection } from '../storage/amazon-connection-repository.js';
import { accountChain, recordChange } from './audit.js';
import type { Database } from './open-database.js';
import type { SecretBox } from './secret-box.js';

// A seller account's Selling Partner API connection (docs/amazon-connection.md): the LWA app's client
// id, its client secret and the seller's refresh token, for the marketplaces of one region. The two
// secrets are sealed before they reach the database and leave this module only to the sync's client.

export type AmazonRegion = Marketplace['region'];

export interface AmazonCredentialsInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  /** Marketplace codes (US, DE…), all of one region. */
  readonly marketplaces: readonly string[];
}

/** What may be shown about a connection: never a secret. */
export interface AmazonConnection {
  readonly accountId: number;
  readonly region: AmazonRegion;
  readonly marketplaces: readonly string[];
  readonly clientId: string;
  readonly connectedBy: string;
  readonly connectedAt: string;
  readonly updatedAt: string;
}

/** The credentials the sync's client signs in with. */
export interface AmazonCredentials extends AmazonConnection {
  readonly clientSecret: string;
  readonly refreshToken: string;
}

const secretContext = (accountId: number, field: 'client_secret' | 'refresh_token') => `account:${accountId}:amazon:${field}`;

function invalid(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { field });
}

/** The marketplaces named, known and all of one region (an SP-API app's refresh token is per region). */
function marketplacesOf(codes: readonly string[]): { region: AmazonRegion; codes: string[] } {
  if (codes.length === 0) throw invalid('Name at least one marketplace to sync (US, DE, JP…).', 'marketplaces');
  const found = codes.map((code) => {
    const marketplace = findMarketplace(code.trim());
    if (!marketplace) throw invalid(`"${code}" is not a marketplace ReturnDesk knows.`, 'marketplaces');
    return marketplace;
  });
  const regions = [...new Set(found.map((m) => m.region))];
  if (regions.length > 1) {
    throw invalid(`The marketplaces span the ${regions.join(' and ')} regions: an SP-API authorization covers one region, so connect each region's marketplaces separately.`, 'marketplaces');
  }
  return { region: regions[0]!, codes: [...new Set(found.map((m) => m.code))] };
}

// Amazon's formats (reference §3.2): a wrong paste is said before any call to Amazon.
function requireCredentials(input: AmazonCredentialsInput): void {
  if (!/^amzn1\.application-oa2-client\.[0-9a-f]{10,64}$/i.test(input.clientId.trim())) {
    throw invalid('The LWA client id looks like amzn1.application-oa2-client.… (Seller Central → Apps and Services → Develop Apps → your app → LWA credentials).', 'clientId');
  }
  if (input.clientSecret.trim().length < 20 || input.clientSecret.length > 500) throw invalid('The LWA client secret is missing or not a whole secret: copy it again from your app\'s LWA credentials.', 'clientSecret');
  if (!/^Atzr\|\S{20,2000}$/.test(input.refreshToken.trim())) throw invalid('The refresh token starts with Atzr| (it is shown once when you authorize your app for the seller account).', 'refreshToken');
}

function toConnection(row: StoredConnection): AmazonConnection {
  return {
    accountId: row.account_id, region: row.region as AmazonRegion, marketplaces: JSON.parse(row.marketplaces) as string[], clientId: row.client_id,
    connectedBy: row.connected_by, connectedAt: row.connected_at, updatedAt: row.updated_at,
  };
}

/**
 * Connects the account (or replaces its credentials): checks the credentials' shape and the
 * marketplaces, seals the two secrets, saves, and writes `amazon.connect` to the audit log (the region,
 * marketplaces and client id; never a secret). The key must be set (`secretBox(null)` refuses).
 */
export async function connectAmazon(
  database: Database, accountId: number, input: AmazonCredentialsInput, box: SecretBox, nowIso: string, actor: string,
): Promise<AmazonConnection> {
  requireCredentials(input);
  const { region, codes } = marketplacesOf(input.marketplaces);
  const row: StoredConnection = {
    account_id: accountId, region, marketplaces: JSON.stringify(codes), client_id: input.clientId.trim(),
    client_secret_sealed: box.seal(input.clientSecret.trim(), secretContext(accountId, 'client_secret')),
    refresh_token_sealed: box.seal(input.refreshToken.trim(), secretContext(accountId, 'refresh_token')),
    connected_by: actor, connected_at: nowIso, updated_at: nowIso,
  };
  return database.transaction(async (tx) => {
    const before = await findConnection(tx.db, accountId);
    await saveConnection(tx, row);
    const after = { region, marketplaces: codes, clientId: row.client_id };
    await recordChange(tx, {
      chain: accountChain(accountId), actor, action: 'amazon.connect', subject: `account:${accountId}`, at: nowIso,
      before: before ? { region: before.region, marketplaces: JSON.parse(before.marketplaces) as string[], clientId: before.client_id } : undefined, after,
    });
    return toConnection((await findConnection(tx.db, accountId))!);
  });
}

/** The account's connection without its secrets, or null. */
export async function amazonConnectionOf(database: Database, accountId: number): Promise<AmazonConnection | null> {
  const row = await findConnection(database.db, accountId);
  return row ? toConnection(row) : null;
}

/** The credentials, opened for the sync's client; `not_found` when the account is not connected. */
export async function amazonCredentialsOf(database: Database, accountId: number, box: SecretBox): Promise<AmazonCredentials> {
  const row = await findConnection(database.db, accountId);
  if (!row) throw new DomainError('not_found', `Seller account ${accountId} is not connected to Amazon: connect it first (returndesk amazon connect).`, { accountId });
  return {
    ...toConnection(row),
    clientSecret: box.open(row.client_secret_sealed, secretContext(accountId, 'client_secret')),
    refreshToken: box.open(row.refresh_token_sealed, secretContext(accountId, 'refresh_token')),
  };
}

/** Forgets the account's credentials (audited `amazon.disconnect`); false when there were none. */
export async function disconnectAmazon(database: Database, accountId: number, nowIso: string, actor: string): Promise<boolean> {
  return database.transaction(async (tx) => {
    const before = await findConnection(tx.db, accountId);
    if (!(await deleteConnection(tx, accountId))) return false;
    await recordChange(tx, {
      chain: accountChain(accountId), actor, action: 'amazon.disconnect', subject: `account:${accountId}`, at: nowIso,
      before: { region: before!.region, marketplaces: JSON.parse(before!.marketplaces) as string[], clientId: before!.client_id },
    });
    return true;
  });
}
