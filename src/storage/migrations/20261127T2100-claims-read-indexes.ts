import type { Kysely } from 'kysely';

// Indexes that let the reconciliation (storage/claim-facts-repository.ts) skip table rows it has no use
// for (npm run bench:reconcile: 2.6 M settlement rows and 943,297 cases per run):
// - settlement refunds by order, with the amount type and description: the fee, tax and shipping rows,
//   most of them, are left out from the index alone, without a table lookup each;
// - return cases by order, with the marketplace and SKU: all it reads of a case besides its id.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('settlement_refunds_order_amount').on('settlement_refunds')
    .columns(['account_id', 'order_id', 'amount_type', 'amount_description']).execute();
  await db.schema.dropIndex('settlement_refunds_order').execute();
  await db.schema.createIndex('return_cases_order_sku').on('return_cases').columns(['account_id', 'order_id', 'marketplace_code', 'sku']).execute();
  await db.schema.dropIndex('return_cases_order').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('return_cases_order').on('return_cases').columns(['account_id', 'order_id']).execute();
  await db.schema.dropIndex('return_cases_order_sku').execute();
  await db.schema.createIndex('settlement_refunds_order').on('settlement_refunds').columns(['account_id', 'order_id']).execute();
  await db.schema.dropIndex('settlement_refunds_order_amount').execute();
}
