import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { amazonConnectionOf, amazonCredentialsOf, connectAmazon, disconnectAmazon } from './amazon-connection.js';
import type { Database } from './open-database.js';
import { newSecretKey, parseSecretKey, secretBox } from './secret-box.js';

const at = '2026-11-28T08:00:00.000Z';
const credentials = {
  clientId: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
  clientSecret: 'amzn1.oa2-cs.v1.3f5e9c0d1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c3d',
  refreshToken: `Atzr|IwEBI${'x'.repeat(300)}`,
  marketplaces: ['US', 'CA'],
};

describe.each(testDatabases)('an account\'s Amazon connection on $name', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const box = secretBox(parseSecretKey(newSecretKey()));
  beforeEach(async () => ({ database, dispose } = await target.open()));
  afterEach(async () => dispose());

  it('stores the secrets sealed, shows the connection without them, and opens them for the sync only with the key', async () => {
    const connected = await connectAmazon(database, 1, credentials, box, at, 'user:1');
    expect(connected).toEqual({ accountId: 1, region: 'NA', marketplaces: ['US', 'CA'], clientId: credentials.clientId, connectedBy: 'user:1', connectedAt: at, updatedAt: at });
    const row = await database.db.selectFrom('amazon_connections').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(credentials.clientSecret);
    expect(JSON.stringify(row)).not.toContain(credentials.refreshToken.slice(0, 20));
    expect(await amazonConnectionOf(database, 1)).toEqual(connected);
    expect(await amazonCredentialsOf(database, 1, box)).toMatchObject({ clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken });
    await expect(amazonCredentialsOf(database, 1, secretBox(parseSecretKey(newSecretKey())))).rejects.toThrow(/cannot be opened with this RETURNDESK_SECRET_KEY/);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'amazon.connect').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain(credentials.clientSecret.slice(0, 16));
    expect(JSON.parse(audit[0]!.after!)).toEqual({ region: 'NA', marketplaces: ['US', 'CA'], clientId: credentials.clientId });
  });

  it('replaces the credentials when connected again, keeping when it was first connected', async () => {
    await connectAmazon(database, 1, credentials, box, at, 'user:1');
    const later = '2026-11-29T08:00:00.000Z';
    const again = await connectAmazon(database, 1, { ...credentials, refreshToken: `Atzr|new${'y'.repeat(40)}`, marketplaces: ['MX'] }, box, later, 'user:2');
    expect(again).toMatchObject({ marketplaces: ['MX'], connectedAt: at, updatedAt: later, connectedBy: 'user:2' });
    expect((await amazonCredentialsOf(database, 1, box)).refreshToken).toBe(`Atzr|new${'y'.repeat(40)}`);
  });

  it.each([
    ['a client id of another kind', { clientId: 'my-app' }, 'clientId', /amzn1\.application-oa2-client/],
    ['a short client secret', { clientSecret: 'abc' }, 'clientSecret', /client secret is missing/],
    ['a refresh token that is not one', { refreshToken: 'Atza|access-token-instead' }, 'refreshToken', /starts with Atzr\|/],
    ['no marketplace', { marketplaces: [] }, 'marketplaces', /at least one marketplace/],
    ['an unknown marketplace', { marketplaces: ['US', 'XX'] }, 'marketplaces', /"XX" is not a marketplace/],
    ['two regions', { marketplaces: ['US', 'DE'] }, 'marketplaces', /span the NA and EU regions/],
  ])('refuses %s, naming the field, and stores nothing', async (_what, change, field, message) => {
    await expect(connectAmazon(database, 1, { ...credentials, ...change }, box, at, 'user:1')).rejects.toMatchObject({ code: 'invalid_input', details: { field }, message: expect.stringMatching(message) });
    expect(await amazonConnectionOf(database, 1)).toBeNull();
  });

  it('refuses to store credentials without a key, and forgets them on disconnect', async () => {
    await expect(connectAmazon(database, 1, credentials, secretBox(null), at, 'user:1')).rejects.toThrow(/set RETURNDESK_SECRET_KEY/);
    await connectAmazon(database, 1, credentials, box, at, 'user:1');
    expect(await disconnectAmazon(database, 1, at, 'user:1')).toBe(true);
    expect(await disconnectAmazon(database, 1, at, 'user:1')).toBe(false);
    await expect(amazonCredentialsOf(database, 1, box)).rejects.toMatchObject({ code: 'not_found' });
  });
});
