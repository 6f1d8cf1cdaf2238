import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import { factsOfCostMonths } from '../domain/prevention/cost-month-rows.js';
import type { AcceptedOffers, ClaimSum, CostFacts, HandledUnits, ProductValue, RecordedRefundSum, RoutedUnits } from '../domain/prevention/return-costs.js';
import { isAnyOf } from './dialect.js';
import type { DialectName } from './dialect.js';
import type { MonthRange } from './prevention-repository.js';
import { costMonthRowsOf, monthOf, settledByAmazon, within } from './return-cost-rollup-repository.js';
import type { Schema } from './schema.js';

// The sums the cost of returns is made of (domain/prevention/return-costs.ts), per marketplace, SKU,
// currency and UTC month: the imported reports' from their rollup (return-cost-rollup-repository.ts),
// and what the desk recorded (refunds, receipts, routes, save offers, claims won) grouped by the
// database. A seller with a million returns gets back a few rows per SKU and month, never the cases.
// Each figure counts in the month its money moved (the domain's notes).

type Db = Kysely<Schema>;

/** Months to include, both ends inclusive (YYYY-MM); either may be left out. */
export type CostMonths = MonthRange;

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

/** Units with a receipt recorded (FBA units removed too), in the month of their first receipt. */
async function receivedUnits(db: Db, accountId: number, range: CostMonths): Promise<HandledUnits[]> {
  // The month's receipts by date, each kept when no earlier receipt of its case exists: grouping every
  // receipt of the account by case first took 31 ms on the analytics bench's 60,000 receipts.
  const { rows } = await sql<{ marketplace_code: string; sku: string; month: string; units: number }>`
    select c.marketplace_code, c.sku, substr(r.received_at, 1, 7) as month, sum(c.quantity) as units
    from case_receipts as r join return_cases as c on c.id = r.case_id
    where r.account_id = ${accountId}${within('r.received_at', range)}
      and not exists (select 1 from case_receipts as e where e.account_id = r.account_id and e.case_id = r.case_id
        and (e.received_at < r.received_at or (e.received_at = r.received_at and e.id < r.id)))
    group by c.marketplace_code, c.sku, substr(r.received_at, 1, 7)`.execute(db);
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

/** Every fact the cost of returns of one account needs, over the months given: the reports' from their rollup, and the desk's own. */
export async function findReturnCostFacts(db: Db, dialect: DialectName, accountId: number, range: CostMonths): Promise<CostFacts> {
  const [rollup, recorded, received, routed, offers, claims] = await Promise.all([
    costMonthRowsOf(db, accountId, range), recordedRefunds(db, dialect, accountId, range), receivedUnits(db, accountId, range),
    routedUnits(db, accountId, range), acceptedOffers(db, accountId, range), claimsWon(db, accountId, range),
  ]);
  const reported = factsOfCostMonths(rollup);
  const skus = [...new Set([...routed, ...reported.unsellable, ...offers].map((r) => r.sku))];
  return {
    settled: reported.settled, recordedRefunds: recorded, reportedRefunds: reported.reportedRefunds, labels: reported.labels,
    handled: [...received, ...reported.handled], routed, unsellable: reported.unsellable, acceptedOffers: offers, reimbursements: reported.reimbursements, claims,
    products: await productValues(db, dialect, accountId, skus),
  };
}
