import type { Kysely } from 'kysely';

// Indexes for reads the HTTP API makes on every page or download:
// - the returns list (GET …/returns) pages newest request first: without an index in that order both
//   databases sort every case of the account for each page; read backwards, this one gives a page by
//   walking only its rows (the filters by status or SKU keep their own indexes);
// - an evidence download (GET …/evidence/:sha256) finds the file's record in the account by its digest;
// - the work queue's urgency counts right after a change (services/work-queue-counts.ts) group the
//   account's entries by marketplace and due time: from this index alone, 6 ms instead of 16 ms for
//   41,000 entries (bench:api).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('return_cases_requested').on('return_cases').columns(['account_id', 'requested_at', 'id']).execute();
  await db.schema.createIndex('evidence_files_sha256').on('evidence_files').columns(['account_id', 'sha256']).execute();
  await db.schema.createIndex('queue_entries_marketplace_due').on('queue_entries').columns(['account_id', 'marketplace_code', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('queue_entries_marketplace_due').execute();
  await db.schema.dropIndex('evidence_files_sha256').execute();
  await db.schema.dropIndex('return_cases_requested').execute();
}
