import type { Kysely } from 'kysely';

// Frozen in time: this file must never import from src. The Selling Partner API connection of a seller
// account (issue 9, docs/amazon-connection.md) and what each report sync has fetched so far.

export async function up(db: Kysely<any>): Promise<void> {
  // One connection per seller account. marketplaces: a JSON list of marketplace codes of one region.
  // The LWA client secret and refresh token are sealed (AES-256-GCM, RETURNDESK_SECRET_KEY): never
  // stored in clear, never answered by the API.
  await db.schema.createTable('amazon_connections')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('seller_accounts.id'))
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('marketplaces', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_sealed', 'text', (c) => c.notNull())
    .addColumn('refresh_token_sealed', 'text', (c) => c.notNull())
    .addColumn('connected_by', 'text', (c) => c.notNull())
    .addColumn('connected_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Per account, report type and marketplace: the data range fetched and imported so far, and how the
  // last run went. The next run starts where fetched_through ends (less an overlap: imports are idempotent).
  await db.schema.createTable('amazon_sync_state')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('seller_accounts.id'))
    .addColumn('report_type', 'text', (c) => c.notNull())
    .addColumn('marketplace', 'text', (c) => c.notNull())
    .addColumn('fetched_through', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_import_run_id', 'integer')
    .addPrimaryKeyConstraint('amazon_sync_state_pk', ['account_id', 'report_type', 'marketplace'])
    .execute();

  // Who is syncing an account now, until when: with several server processes (or a server and the
  // command line) on one database, only the holder of an unexpired lease runs the account's sync.
  await db.schema.createTable('amazon_sync_leases')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('seller_accounts.id'))
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('amazon_sync_leases').execute();
  await db.schema.dropTable('amazon_sync_state').execute();
  await db.schema.dropTable('amazon_connections').execute();
}
