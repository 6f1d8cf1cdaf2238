import type { Generated } from 'kysely';

// Row shapes of the tables queried through Kysely. Report tables share ReportRowColumns.

export interface SellerAccountRow { id: Generated<number>; name: string; created_at: string }

export interface MarketplaceRow {
  code: string; amazon_id: string; country: string; currency: string; language: string;
  locale: string; time_zone: string; sales_channel: string;
}

export interface ImportRunRow {
  id: Generated<number>; account_id: number; file_name: string; sha256: string; report_type: string;
  encoding: string; marketplace_code: string; rows: Generated<number>; inserted: Generated<number>;
  updated: Generated<number>; unchanged: Generated<number>; rejected: Generated<number>; skipped: Generated<number>;
  unmapped: Generated<number>; errors: Generated<string>; started_at: string; finished_at: string | null;
}

export interface ProductRow {
  id: Generated<number>; account_id: number; sku: string; asin: string | null; fnsku: string | null;
  title: string | null; category: string | null; price_minor: number | null; unit_cost_minor: number | null;
  currency: string | null; weight_grams: number | null; accessories: string; import_run_id: number | null;
  line: number | null; updated_at: string;
}

export interface ReturnCaseRow {
  id: number; account_id: number; natural_key: string; marketplace_code: string; channel: string;
  order_id: string; sku: string; asin: string | null; status: string; quantity: number;
  reason_raw: string | null; reason_code: string | null; reason_status: string; reason_category: string | null;
  fault: string; product_signal: number; requested_at: string | null; received_at: string | null;
  refunded_at: string | null; amazon_rma_id: string | null; tracking_id: string | null;
  disposition: string | null; refunded_minor: number | null; currency: string | null; version: number;
  created_at: string; updated_at: string;
}

export interface ReturnCaseEventRow {
  id: number; case_id: number; kind: string; source: string; import_run_id: number | null;
  line: number | null; occurred_at: string; recorded_at: string; data: string;
}

export interface RecordChangeRow {
  id: Generated<number>; account_id: number; table_name: string; record_id: number; import_run_id: number;
  line: number; before: string; after: string; recorded_at: string;
}

export interface PolicyRow {
  id: Generated<number>; account_id: number; version: number; body: string; sha256: string;
  source_name: string; applied_at: string;
}

export interface CaseOutcomeRow {
  id: Generated<number>; account_id: number; case_id: number; outcome: string; step: number | null;
  grade: string | null; sku: string; product_category: string | null; reason_category: string | null;
  note: string | null; recorded_at: string;
}

/** Where every report row came from: its import run and line, and its marketplace. */
interface ReportRowColumns { id: number; account_id: number; import_run_id: number; line: number; marketplace_code: string }

export interface MfnReturnRow extends ReportRowColumns {
  case_id: number; order_id: string; order_amount_minor: number | null; order_quantity: number | null;
  return_quantity: number; in_policy: number | null; currency: string; a_to_z_claim: number | null;
  item_name: string | null; return_request_date: string; label_cost_minor: number | null; label_paid_by: string | null;
  order_item_id: string | null; sku: string; amazon_rma_id: string; resolution: string | null; return_type: string | null;
  return_request_status: string | null; refunded_amount_minor: number | null; return_delivery_date: string | null;
  safet_claim_id: string | null; safet_claim_state: string | null;
}

/** Only the columns refunds, claims and return rates read; imports write this table through BulkWriter. */
export interface OrderRow extends ReportRowColumns {
  amazon_order_id: string; sku: string; asin: string | null; quantity: number; currency: string | null;
  item_price_minor: number | null; shipping_price_minor: number | null; fulfillment_channel: string | null; purchase_date: string;
  order_status: string | null; item_status: string | null;
}

export interface SettlementRefundRow extends ReportRowColumns {
  settlement_id: string; order_id: string; adjustment_id: string; amount_type: string; amount_description: string;
  amount_minor: number; currency: string; posted_date: string; order_item_code: string; merchant_adjustment_item_id: string;
  sku: string | null; quantity_purchased: number | null;
}

export interface ReimbursementRow extends ReportRowColumns {
  approval_date: string; reimbursement_id: string; amazon_order_id: string | null; reason: string | null; sku: string;
  fnsku: string | null; asin: string | null; currency: string; amount_per_unit_minor: number | null; amount_total_minor: number;
  quantity_reimbursed_cash: number; quantity_reimbursed_inventory: number; quantity_reimbursed_total: number;
  original_reimbursement_id: string | null; original_reimbursement_type: string | null;
}

/** Imports write this table through BulkWriter. */
export interface FbaReturnRow extends ReportRowColumns {
  case_id: number; order_id: string; sku: string; asin: string | null; fnsku: string | null; quantity: number; return_date: string;
  detailed_disposition: string | null; reason: string | null; status: string | null; license_plate_number: string; customer_comments: string | null;
}

export interface CaseReceiptRow {
  id: Generated<number>; account_id: number; case_id: number; received_at: string; received_by: string;
  outer_box: string; note: string | null; recorded_at: string;
}

export interface InspectionRow {
  id: Generated<number>; account_id: number; case_id: number; receipt_id: number; product_category: string | null;
  answers: string; grade: string; rule_id: string; condition_grade: string; inspected_by: string; inspected_at: string;
}

export interface EvidenceFileRow {
  id: Generated<number>; account_id: number; case_id: number; inspection_id: number | null; sha256: string;
  size_bytes: number; media_type: string; kind: string; file_name: string | null; uploaded_by: string; uploaded_at: string;
}

export interface DispositionRow {
  id: Generated<number>; account_id: number; case_id: number; inspection_id: number; route: string; recommended_route: string;
  expected_net_minor: number; realized_minor: number | null; currency: string; options: string; note: string | null;
  decided_by: string; recorded_at: string;
}

export interface RefundRow {
  id: Generated<number>; account_id: number; case_id: number; total_minor: number; paid_minor: number; currency: string;
  quote: string; recorded_by: string; recorded_at: string; exported_at: string | null;
}

export interface ClaimRow {
  id: Generated<number>; account_id: number; claim_key: string; kind: string; marketplace_code: string; currency: string;
  order_id: string; sku: string; case_id: number | null; units: number; owed_minor: number; components: string; computation: string;
  window_rule: string | null; window_from: string | null; opens_at: string | null; closes_at: string | null; proof: string; ids: string;
  status: string; filed_at: string | null; recovered_minor: number | null; resolved_at: string | null; found_at: string; seen_at: string;
  seen_run: string; updated_at: string;
}

export interface ClaimEventRow {
  id: Generated<number>; account_id: number; claim_id: number; kind: string; amount_minor: number | null; note: string | null;
  recorded_by: string | null; recorded_at: string;
}

export interface PreventionRollupStateRow { account_id: number; built_at: string; returns_through: string | null }
export interface PreventionMonthRow { account_id: number; month: string; marketplace_code: string; sku: string; asin: string; fulfillment: string; shipped: number }
export interface PreventionMonthReturnRow {
  account_id: number; month: string; marketplace_code: string; sku: string; fulfillment: string; units: number; by_reason: string; by_fault: string;
}
export interface PreventionWeekRow {
  account_id: number; week: string; marketplace_code: string; sku: string; shipped: number; returned_lag0: number; returned_lag1: number;
  returned_lag2: number; returned_lag3: number; returned_lag4: number;
}

export interface SettlementRefundMonthRow {
  account_id: number; month: string; marketplace_code: string; sku: string; currency: string; amount_type: string; amount_description: string;
  amount_minor: number;
}

export interface ReturnCostMonthRow {
  account_id: number; month: string; marketplace_code: string; sku: string; currency: string; settled_refunds_minor: number; settled_fees_minor: number;
  settled_kept_minor: number; reported_refunds_minor: number; labels_minor: number; reimbursed_minor: number; delivered_units: number; unsellable_units: number;
}

export interface PreventionMarketReasonRow { account_id: number; month: string; marketplace_code: string; reason: string; units: number }

export interface UserRow {
  id: Generated<number>; username: string; display_name: string; password_hash: string | null; created_at: string; disabled_at: string | null;
}

export interface UserRoleRow { user_id: number; account_id: number; role: string; granted_at: string }

export interface SessionRow {
  id: Generated<number>; token_hash: string; csrf_hash: string; user_id: number; created_at: string; expires_at: string; last_seen_at: string; revoked_at: string | null;
}

export interface ApiTokenRow {
  id: Generated<number>; token_hash: string; prefix: string; user_id: number; account_id: number; role: string; name: string; created_at: string;
  last_used_at: string | null; revoked_at: string | null;
}

export interface AuditLogRow {
  id: Generated<number>; chain: string; seq: number; at: string; actor: string; action: string; subject: string; before: string | null; after: string | null;
  prev_hash: string; hash: string;
}

export interface ListingFixRow {
  id: Generated<number>; account_id: number; sku: string; marketplace_code: string | null; changed_on: string; what: string;
  recorded_by: string; recorded_at: string;
}

/** The work queue's index (migration 20261128T1500-work-queue); the application writes entries and state, triggers the marks. */
export interface QueueEntryRow {
  case_id: number; account_id: number; marketplace_code: string; order_id: string; sku: string; status: string; task: string;
  reason_category: string | null; fault: string; due_at: string | null; rule_id: string | null; currency: string;
  at_stake_minor: number | null; at_stake_order: number;
}
export interface QueueStateRow { account_id: number; policy_version: number; generation: Generated<number>; built_at: string }
export interface QueueDirtyCaseRow { case_id: number; account_id: number; stamp: number }
export interface QueueDirtySkuRow { account_id: number; sku: string; stamp: number }

export interface AmazonConnectionRow {
  account_id: number; region: string; marketplaces: string; client_id: string; client_secret_sealed: string; refresh_token_sealed: string;
  connected_by: string; connected_at: string; updated_at: string;
}
export interface AmazonSyncStateRow {
  account_id: number; report_type: string; marketplace: string; fetched_through: string | null; last_run_at: string | null;
  last_outcome: string | null; last_error: string | null; last_import_run_id: number | null;
}

export interface AmazonSyncLeaseRow { account_id: number; holder: string; expires_at: string }

export interface Schema {
  seller_accounts: SellerAccountRow;
  marketplaces: MarketplaceRow;
  import_runs: ImportRunRow;
  products: ProductRow;
  return_cases: ReturnCaseRow;
  return_case_events: ReturnCaseEventRow;
  record_changes: RecordChangeRow;
  policies: PolicyRow;
  case_outcomes: CaseOutcomeRow;
  case_receipts: CaseReceiptRow;
  inspections: InspectionRow;
  evidence_files: EvidenceFileRow;
  dispositions: DispositionRow;
  refunds: RefundRow;
  claims: ClaimRow;
  claim_events: ClaimEventRow;
  prevention_rollup_state: PreventionRollupStateRow;
  prevention_months: PreventionMonthRow;
  prevention_month_returns: PreventionMonthReturnRow;
  prevention_weeks: PreventionWeekRow;
  listing_fixes: ListingFixRow;
  settlement_refund_months: SettlementRefundMonthRow;
  return_cost_months: ReturnCostMonthRow;
  prevention_market_reasons: PreventionMarketReasonRow;
  users: UserRow;
  user_roles: UserRoleRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  audit_log: AuditLogRow;
  queue_entries: QueueEntryRow;
  amazon_connections: AmazonConnectionRow;
  amazon_sync_state: AmazonSyncStateRow;
  amazon_sync_leases: AmazonSyncLeaseRow;
  queue_state: QueueStateRow;
  queue_dirty_cases: QueueDirtyCaseRow;
  queue_dirty_skus: QueueDirtySkuRow;
  /** Only the columns the decision engine reads; imports write this table through BulkWriter. */
  mfn_returns: MfnReturnRow;
  fba_returns: FbaReturnRow;
  orders: OrderRow;
  settlement_refunds: SettlementRefundRow;
  reimbursements: ReimbursementRow;
}
