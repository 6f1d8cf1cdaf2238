import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type {
  AcceptedOffers, ClaimSum, CostFacts, FbaDispositionUnits, HandledUnits, LabelSum, ProductValue, RecordedRefundSum, ReimbursementSum,
  ReportedRefundSum, RoutedUnits, SettlementRefundSum,
} from '../domain/prevention/return-costs.js';
import { monthDays } from '../domain/prevention/purchase-weeks.js';
import { isAnyOf } from './dialect.js';
import type { DialectName } from './dialect.js';
import type { MonthRange } from './prevention-repository.js';
import type { Schema } from './schema.js';

// The sums the cost of returns is made of (domain/prevention/return-costs.ts), per marketplace, SKU,
// currency and UTC month, grouped by the database: a seller with a million returns gets back a few
// rows per SKU and month, never the cases. Times are UTC ISO-8601 text, so a month is the first seven
// characters on both databases. Each figure counts in the month its money moved (the domain's notes).

type Db = Kysely<Schema>;

/** Months to include, both ends inclusive (YYYY-MM); either may be left out. */
export type CostMonths = MonthRange;

const monthOf = (column: string): RawBuilder<string> => sql<string>`substr(${sql.raw(column)}, 1, 7)`;

/**
 * ` and column >= first day and column < day after the last month`, for the bounds given: the same as
 * comparing the column's month (ISO-8601 text), but a range an index on the column can serve.
 */
function within(column: string, range: CostMonths): RawBuilder<unknown> {
  const bounds: RawBuilder<unknown>[] = [];
  if (range.fromMonth !== undefined) bounds.push(sql`${sql.raw(column)} >= ${monthDays(range.fromMonth).first}`);
  if (range.toMonth !== undefined) bounds.push(sql`${sql.raw(column)} < ${monthDays(range.toMonth).next}`);
  return bounds.length === 0 ? sql`` : sql` and ${sql.join(bounds, sql` and `)}`;
}

/** Whether the settlements hold a refund row of the order line (`alias` a row with account_id, order_id and sku). */
const settledByAmazon = (alias: string, orderColumn = 'order_id') => sql`exists (select 1 from settlement_refunds s
  where s.account_id = ${sql.ref(`${alias}.account_id`)} and s.order_id = ${sql.ref(`${alias}.${orderColumn}`)} and s.sku = ${sql.ref(`${alias}.sku`)})`;

/**
 * Settlement refund rows posted in [fromDay, toDay) summed per marketplace, SKU, currency, month, amount
 * type and description: what the `settlement_refund_months` rollup holds (prevention-rollups.ts). The
 * same refund can sit in two settlement files: a row counts unless a settlement with a lower id holds
 * a row of the same order, adjustment, item, amount type, description and amount (claims read them
 * the same way, domain/claims/refunds.ts; where identical rows repeat within a file, the file with the
 * lowest id says how often). One index lookup per row: three nested groupings to count the n-th
 * repeat in each file took twice as long on 3.6 M settlement rows.
 */
export async function settlementRefundSums(db: Db, accountId: number, fromDay: string, toDay: string): Promise<SettlementRefundSum[]> {
  const month = monthOf('s.posted_date');
  const sku = sql<string>`coalesce(s.sku, '')`;
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; amount_type: string; amount_description: string; amount: number }>`
    select s.marketplace_code, ${sku} as sku, s.currency, ${month} as month, s.amount_type, s.amount_description, sum(s.amount_minor) as amount
    from settlement_refunds as s
    where s.account_id = ${accountId} and s.posted_date >= ${fromDay} and s.posted_date < ${toDay}
      and not exists (select 1 from settlement_refunds as t
        where t.account_id = s.account_id and t.order_id = s.order_id and t.amount_type = s.amount_type and t.amount_description = s.amount_description
          and t.settlement_id < s.settlement_id and t.adjustment_id = s.adjustment_id and t.order_item_code = s.order_item_code
          and t.merchant_adjustment_item_id = s.merchant_adjustment_item_id and t.amount_minor = s.amount_minor)
    group by s.marketplace_code, ${sku}, s.currency, ${month}, s.amount_type, s.amount_description`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: Number(r.amount),
  }));
}

/** The settlement refund sums of the months given, from their rollup. */
async function settlementRefunds(db: Db, accountId: number, range: CostMonths): Promise<SettlementRefundSum[]> {
  let query = db.selectFrom('settlement_refund_months')
    .select(['marketplace_code', 'sku', 'currency', 'month', 'amount_type', 'amount_description', 'amount_minor']).where('account_id', '=', accountId);
  if (range.fromMonth !== undefined) query = query.where('month', '>=', range.fromMonth);
  if (range.toMonth !== undefined) query = query.where('month', '<=', range.toMonth);
  const rows = await query.execute();
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountType: r.amount_type,
    amountDescription: r.amount_description, amountMinor: Number(r.amount_minor),
  }));
}

/** What a stored quote kept back: minus its restocking-fee and return-shipping lines (docs/refunds.md). */
function keptByQuote(dialect: DialectName): RawBuilder<number> {
  return dialect === 'sqlite'
    ? sql<number>`coalesce((select -sum(json_extract(l.value, '$.amountMinor')) from json_each(r.quote, '$.lines') as l
        where json_extract(l.value, '$.kind') in ('restocking_fee', 'return_shipping')), 0)`
    : sql<number>`coalesce((select -sum((l ->> 'amountMinor')::bigint) from jsonb_array_elements(r.quote::jsonb -> 'lines') as l
        where l ->> 'kind' in ('restocking_fee', 'return_shipping')), 0)`;
}

/** Refunds recorded in ReturnDesk, in the month recorded, for order lines without a settlement refund. */
async function recordedRefunds(db: Db, dialect: DialectName, accountId: number, range: CostMonths): Promise<RecordedRefundSum[]> {
  const month = monthOf('r.recorded_at');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; total: number; kept: number }>`
    select one.marketplace_code, one.sku, one.currency, one.month, sum(one.total_minor) as total, sum(one.kept) as kept
    from (
      select c.marketplace_code, c.sku, r.currency, ${month} as month, r.total_minor, ${keptByQuote(dialect)} as kept
      from refunds as r join return_cases as c on c.id = r.case_id
      where r.account_id = ${accountId}${within('r.recorded_at', range)} and not ${settledByAmazon('c')}
    ) as one
    group by one.marketplace_code, one.sku, one.currency, one.month`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, totalMinor: Number(r.total), keptMinor: Number(r.kept),
  }));
}

/** The MFN report's refunded amounts, for order lines with neither a settlement nor a recorded refund. */
async function reportedRefunds(db: Db, accountId: number, range: CostMonths): Promise<ReportedRefundSum[]> {
  // The report gives no refund date: a refund follows the parcel's delivery, or the request when none came back.
  const month = monthOf('coalesce(m.return_delivery_date, m.return_request_date)');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; refunded: number }>`
    select m.marketplace_code, m.sku, m.currency, ${month} as month, sum(m.refunded_amount_minor) as refunded
    from mfn_returns as m
    where m.account_id = ${accountId} and m.refunded_amount_minor is not null${within('coalesce(m.return_delivery_date, m.return_request_date)', range)}
      and not exists (select 1 from refunds as r where r.account_id = m.account_id and r.case_id = m.case_id)
      and not ${settledByAmazon('m')}
    group by m.marketplace_code, m.sku, m.currency, ${month}`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, refundedMinor: Number(r.refunded) }));
}

/** MFN return labels by who pays them, in the month of the request. */
async function labels(db: Db, accountId: number, range: CostMonths): Promise<LabelSum[]> {
  const month = monthOf('return_request_date');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; label_paid_by: string | null; cost: number }>`
    select marketplace_code, sku, currency, ${month} as month, label_paid_by, sum(label_cost_minor) as cost
    from mfn_returns
    where account_id = ${accountId} and label_cost_minor is not null${within('return_request_date', range)}
    group by marketplace_code, sku, currency, ${month}, label_paid_by`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, paidBy: r.label_paid_by, labelMinor: Number(r.cost),
  }));
}

/**
 * Units back in the seller's hands: cases with a receipt recorded (FBA units removed too), and MFN
 * returns the report says were delivered, in the month of the first receipt, else of the delivery.
 */
async function handledUnits(db: Db, accountId: number, range: CostMonths): Promise<HandledUnits[]> {
  // Two reads, each a range on an indexed date: cases with a receipt (few) by its first receipt, and
  // MFN cases without one by their delivery.
  const { rows } = await sql<{ marketplace_code: string; sku: string; month: string; units: number }>`
    select one.marketplace_code, one.sku, substr(one.received_at, 1, 7) as month, sum(one.quantity) as units
    from (
      select c.marketplace_code, c.sku, c.quantity, rc.received_at
      from (select case_id, min(received_at) as received_at from case_receipts where account_id = ${accountId} group by case_id) as rc
      join return_cases as c on c.id = rc.case_id
      where c.account_id = ${accountId}${within('rc.received_at', range)}
      union all
      select c.marketplace_code, c.sku, c.quantity, c.received_at
      from return_cases as c
      where c.account_id = ${accountId} and c.channel = 'MFN' and c.received_at is not null${within('c.received_at', range)}
        and not exists (select 1 from case_receipts as r where r.account_id = c.account_id and r.case_id = c.id)
    ) as one
    group by one.marketplace_code, one.sku, substr(one.received_at, 1, 7)`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, units: Number(r.units) }));
}

/** Routes recorded for inspected units, with the case's units and the realized values, in the month recorded. */
async function routedUnits(db: Db, accountId: number, range: CostMonths): Promise<RoutedUnits[]> {
  const month = monthOf('d.recorded_at');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; route: string; units: number; gain: number; cost: number; unrealized: number }>`
    select c.marketplace_code, c.sku, d.currency, ${month} as month, d.route, sum(c.quantity) as units,
      sum(case when d.realized_minor > 0 then d.realized_minor else 0 end) as gain,
      sum(case when d.realized_minor < 0 then -d.realized_minor else 0 end) as cost,
      sum(case when d.realized_minor is null then 1 else 0 end) as unrealized
    from dispositions as d join return_cases as c on c.id = d.case_id
    where d.account_id = ${accountId}${within('d.recorded_at', range)}
    group by c.marketplace_code, c.sku, d.currency, ${month}, d.route`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, route: r.route, units: Number(r.units),
    realizedGainMinor: Number(r.gain), realizedCostMinor: Number(r.cost), unrealized: Number(r.unrealized),
  }));
}

/** FBA returns by Amazon's detailed disposition, in the month processed, for cases with no route recorded. */
async function fbaDispositions(db: Db, accountId: number, range: CostMonths): Promise<FbaDispositionUnits[]> {
  const month = monthOf('f.return_date');
  const { rows } = await sql<{ marketplace_code: string; sku: string; month: string; detailed_disposition: string | null; units: number }>`
    select f.marketplace_code, f.sku, ${month} as month, f.detailed_disposition, sum(f.quantity) as units
    from fba_returns as f
    where f.account_id = ${accountId}${within('f.return_date', range)}
      and not exists (select 1 from dispositions as d where d.account_id = f.account_id and d.case_id = f.case_id)
    group by f.marketplace_code, f.sku, ${month}, f.detailed_disposition`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, disposition: r.detailed_disposition, units: Number(r.units) }));
}

/** Save offers accepted, alike in step, units and the order line's amount (the case's latest MFN row), in the month accepted. */
async function acceptedOffers(db: Db, accountId: number, range: CostMonths): Promise<AcceptedOffers[]> {
  const month = monthOf('o.recorded_at');
  const { rows } = await sql<{
    marketplace_code: string; sku: string; month: string; step: number | null; units: number; order_amount_minor: number | null;
    order_quantity: number | null; currency: string | null; cases: number;
  }>`
    select c.marketplace_code, c.sku, ${month} as month, o.step, c.quantity as units, m.order_amount_minor, m.order_quantity, m.currency,
      count(*) as cases
    from case_outcomes as o join return_cases as c on c.id = o.case_id
    left join mfn_returns as m on m.id = (select max(m2.id) from mfn_returns as m2 where m2.account_id = c.account_id and m2.case_id = c.id)
    where o.account_id = ${accountId} and o.outcome = 'offer-accepted'${within('o.recorded_at', range)}
    group by c.marketplace_code, c.sku, ${month}, o.step, c.quantity, m.order_amount_minor, m.order_quantity, m.currency`.execute(db);
  return rows.map((r) => ({
    marketplaceCode: r.marketplace_code, sku: r.sku, month: r.month, step: r.step === null ? null : Number(r.step), units: Number(r.units),
    orderAmountMinor: r.order_amount_minor === null ? null : Number(r.order_amount_minor),
    orderQuantity: r.order_quantity === null ? null : Number(r.order_quantity), orderCurrency: r.currency, cases: Number(r.cases),
  }));
}

/** FBA reimbursements naming an order (customer returns and refunds, not warehouse losses), in the month approved; reversals are negative rows. */
async function reimbursements(db: Db, accountId: number, range: CostMonths): Promise<ReimbursementSum[]> {
  const month = monthOf('approval_date');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; amount: number }>`
    select marketplace_code, sku, currency, ${month} as month, sum(amount_total_minor) as amount
    from reimbursements
    where account_id = ${accountId} and amazon_order_id is not null and amazon_order_id <> ''${within('approval_date', range)}
    group by marketplace_code, sku, currency, ${month}`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, amountMinor: Number(r.amount) }));
}

/** SAFE-T claims won in full or in part, in the month recorded as won (FBA claims are paid as reimbursements). */
async function claimsWon(db: Db, accountId: number, range: CostMonths): Promise<ClaimSum[]> {
  const month = monthOf('resolved_at');
  const { rows } = await sql<{ marketplace_code: string; sku: string; currency: string; month: string; recovered: number }>`
    select marketplace_code, sku, currency, ${month} as month, sum(recovered_minor) as recovered
    from claims
    where account_id = ${accountId} and kind = 'safet' and status in ('won', 'partly_won') and recovered_minor > 0 and resolved_at is not null${within('resolved_at', range)}
    group by marketplace_code, sku, currency, ${month}`.execute(db);
  return rows.map((r) => ({ marketplaceCode: r.marketplace_code, sku: r.sku, currency: r.currency, month: r.month, recoveredMinor: Number(r.recovered) }));
}

/** The product sheet's cost, price and currency of the SKUs given. */
async function productValues(db: Db, dialect: DialectName, accountId: number, skus: readonly string[]): Promise<ProductValue[]> {
  if (skus.length === 0) return [];
  const rows = await db.selectFrom('products').select(['sku', 'unit_cost_minor', 'price_minor', 'currency'])
    .where('account_id', '=', accountId).where(isAnyOf(dialect, 'sku', skus)).execute();
  return rows.map((r) => ({
    sku: r.sku, unitCostMinor: r.unit_cost_minor === null ? null : Number(r.unit_cost_minor),
    priceMinor: r.price_minor === null ? null : Number(r.price_minor), currency: r.currency,
  }));
}

/** Every fact the cost of returns of one account needs, over the months given. */
export async function findReturnCostFacts(db: Db, dialect: DialectName, accountId: number, range: CostMonths): Promise<CostFacts> {
  const [settlement, recorded, reported, labelSums, handled, routed, fba, offers, reimbursed, claims] = await Promise.all([
    settlementRefunds(db, accountId, range), recordedRefunds(db, dialect, accountId, range), reportedRefunds(db, accountId, range),
    labels(db, accountId, range), handledUnits(db, accountId, range), routedUnits(db, accountId, range), fbaDispositions(db, accountId, range),
    acceptedOffers(db, accountId, range), reimbursements(db, accountId, range), claimsWon(db, accountId, range),
  ]);
  const skus = [...new Set([...routed, ...fba, ...offers].map((r) => r.sku))];
  return {
    settlementRefunds: settlement, recordedRefunds: recorded, reportedRefunds: reported, labels: labelSums, handled, routed,
    fbaDispositions: fba, acceptedOffers: offers, reimbursements: reimbursed, claims,
    products: await productValues(db, dialect, accountId, skus),
  };
}
