/**
 * `npm run bench:analytics`: prevention analytics (issue 6) on a large seller, BENCH_RETURNS returns over
 * BENCH_ORDER_LINES order lines on SQLite, with DuckDB over the same raw rows as the reference point,
 * measured in the same run. Target: every ReturnDesk query under 200 ms at p95.
 *
 * The data: bench/seller-data.ts with its analytics extras (statuses, reasons, problem and spike SKUs,
 * buyer comments, returns without an order line), written straight into bench/out/analytics-<returns>-<lines>.sqlite
 * (not bench:reconcile's file: the extras change which lines are returned). "Now" is 2026-11-27.
 *
 * Each step runs in a child process with the `returndesk` executable's V8 flags:
 * 1. the rollups built in full once (`ensurePreventionRollups`), as for a database from before them: the
 *    generator writes rows, not imports, so the parent empties the rollup tables first;
 * 2. ReturnDesk's queries (the service functions the commands call), each 3 times to warm up, then 20
 *    times timed, in one process on one open database; ~50 listing fixes are recorded before (not timed);
 * 3. the DuckDB reference: the raw rows the rollups are made of (order lines, return cases), exported
 *    from SQLite to TSV files by the sqlite3 CLI (not timed) and loaded into an in-memory DuckDB (load
 *    time reported, not counted), then queries computing the same figures from the raw rows, timed
 *    the same way. Their totals must equal ReturnDesk's, or the benchmark fails;
 * 4. an All Orders import of 2,000 lines of the latest full month into the large database with its
 *    rollups built (the normal case), three files, each timed whole (`importReportFile`, the rollup
 *    refresh of the month included); and the refresh of that month alone.
 *
 * Env: BENCH_RETURNS (default 1,000,000), BENCH_ORDER_LINES (default 5,000,000), BENCH_REUSE_DB=1 to reuse
 * the database file (the rollups, fixes and imported lines of an earlier run are removed first).
 * Results go to stdout and to bench/RESULTS.md (the section between the bench:analytics markers).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultPreventionPolicy } from '../src/domain/prevention/prevention-policy.js';
import { spikeSpans } from '../src/domain/prevention/week-windows.js';
import type { OrderLineRecord } from '../src/domain/report-records.js';
import { importReportFile } from '../src/services/import-reports.js';
import { listingFixResults, recordListingFix } from '../src/services/listing-fixes.js';
import { openDatabase } from '../src/services/open-database.js';
import { ensurePreventionRollups, refreshPreventionRollups, RollupScope } from '../src/services/prevention-rollups.js';
import { accountCauses } from '../src/services/return-causes.js';
import { accountReturnCosts } from '../src/services/return-costs.js';
import { accountReturnRates } from '../src/services/return-rates.js';
import { accountSpikes } from '../src/services/spikes.js';
import type { SpikeReport } from '../src/services/spikes.js';
import { headers, rowOf } from '../test/report-files.js';
import { runBenchmark, runChild } from './child-run.js';
import type { Measured } from './child-run.js';
import { formatCount as fmt, measuredBy, megabytes as mb, recordSection } from './results-file.js';
import { buildSellerDatabase, isProblemSku, isSpikeSku, markets, nowIso, skusPerMarket } from './seller-data.js';
import type { BuildCounts } from './seller-data.js';
import { mulberry32 } from '../src/services/demo/prng.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const self = join(root, 'bench', 'analytics.bench.ts');
const returnCount = Number(process.env.BENCH_RETURNS ?? 1_000_000);
const lineCount = Number(process.env.BENCH_ORDER_LINES ?? 5_000_000);
const reuseDb = process.env.BENCH_REUSE_DB === '1';

const warmUps = 3;
const timedRuns = 20;
const targetMs = 200;
const accountId = 1;
const asOf = nowIso.slice(0, 10);
/** The latest full purchase month of the data, and the first of the three months ending with it. */
const month = monthBefore(asOf.slice(0, 7), 1);
const causesFrom = monthBefore(month, 2);
const followUpWeeks = defaultPreventionPolicy.followUpWeeks;
const spans = spikeSpans(asOf, defaultPreventionPolicy);
const fixCount = 50;
const importFiles = 3;
const importLines = 2000;

function monthBefore(yearMonth: string, months: number): string {
  const [year, number] = yearMonth.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const nextMonth = (yearMonth: string) => monthBefore(yearMonth, -1);
const hrMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

// ---------------------------------------------------------------------------------------------------
// What a child reports

/** Units shipped and returned per purchase month. */
type MonthTotals = Record<string, { shipped: number; returned: number }>;
/** The figures both engines must agree on. */
interface Totals {
  /** (a) the month, (b) all months. */
  oneMonth: MonthTotals;
  allMonths: MonthTotals;
  /** (c) the spike spans, summed over SKUs. */
  spikes: { recentShipped: number; recentReturned: number; baselineShipped: number; baselineReturned: number };
  /** (d) units returned per marketplace and reason category over the three months. */
  pareto: Record<string, number>;
  /** (a) units returned per reason category and per party at fault. */
  oneMonthReasons: Record<string, number>;
}
interface Timed { name: string; reference: string | null; ms: number[]; result: string }
interface QueriesResult extends Measured { timings: Timed[]; totals: Totals; loadMs?: number }
interface ImportResult extends Measured { importMs: number[]; refreshMs: number[] }

/** Nearest-rank percentile. */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * `warmUps` runs, then `timedRuns` timed ones; the result of the last is described and `keep` takes
 * what the checks need of it. Nothing else of a result outlives its run: holding the all-months
 * rates (112,000 rows) while the next queries ran made every major GC of theirs mark them, which
 * tripled the p95 of causes and costs (p50 unchanged).
 */
async function timeQuery<T, K>(
  name: string, reference: string | null, run: () => Promise<T>, describe: (result: T) => string, keep: (result: T) => K,
): Promise<Timed & { kept: K }> {
  for (let i = 0; i < warmUps; i++) await run();
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < timedRuns; i++) {
    // The previous result is let go first, as a command run holds one result.
    last = undefined;
    const started = process.hrtime.bigint();
    const result = await run();
    ms.push(hrMs(started));
    last = result;
  }
  return { name, reference, ms, result: describe(last!), kept: keep(last!) };
}

function addMonth(totals: MonthTotals, month: string, shipped: number, returned: number): void {
  const entry = (totals[month] ??= { shipped: 0, returned: 0 });
  entry.shipped += shipped;
  entry.returned += returned;
}

function finish(result: Omit<QueriesResult, 'seconds' | 'maxRssKb' | 'summary' | 'wallSeconds'>, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, summary: '', ...result }));
}

// ---------------------------------------------------------------------------------------------------
// ReturnDesk

/** Units returned per reason category and per party at fault, over rate rows. */
function reasonTotals(rows: readonly { byReason: Record<string, number>; byFault: Record<string, number> }[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of rows) {
    for (const [reason, units] of Object.entries(row.byReason)) totals[`reason ${reason}`] = (totals[`reason ${reason}`] ?? 0) + units;
    for (const [fault, units] of Object.entries(row.byFault)) totals[`fault ${fault}`] = (totals[`fault ${fault}`] ?? 0) + units;
  }
  return totals;
}

/** Units shipped and returned in the spike spans, over judged SKUs and those with more returned than shipped. */
function spikeSpanTotals(report: SpikeReport): Totals['spikes'] {
  const totals = { recentShipped: 0, recentReturned: 0, baselineShipped: 0, baselineReturned: 0 };
  for (const row of report.rows) {
    totals.recentShipped += row.recent.total;
    totals.recentReturned += row.recent.count;
    totals.baselineShipped += row.baseline.total;
    totals.baselineReturned += row.baseline.count;
  }
  for (const row of report.problems) {
    totals.recentShipped += row.recent.shipped;
    totals.recentReturned += row.recent.returned;
    totals.baselineShipped += row.baseline.shipped;
    totals.baselineReturned += row.baseline.returned;
  }
  return totals;
}

async function returnDeskQueries(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const { database } = await openDatabase(path);
  try {
    const rateTotals = (rows: readonly { month: string; shipped: number; returned: number }[]) => {
      const totals: MonthTotals = {};
      for (const r of rows) addMonth(totals, r.month, r.shipped, r.returned);
      return totals;
    };
    const oneMonth = await timeQuery('rates, one month', '(a)', () => accountReturnRates(database, accountId, { from: month, to: month }),
      (r) => `${fmt(r.rows.length)} SKU-month rows, ${fmt(r.withoutOrderLine.length)} SKUs with returns without an order line`,
      (r) => ({ totals: rateTotals(r.rows), reasons: reasonTotals(r.rows) }));
    const allMonths = await timeQuery('rates, all months', '(b)', () => accountReturnRates(database, accountId),
      (r) => `${fmt(r.rows.length)} SKU-month rows`, (r) => rateTotals(r.rows));
    const spikes = await timeQuery('spikes', '(c)', () => accountSpikes(database, accountId, { asOf }), (r) => {
      const spiking = r.rows.filter((row) => row.verdict === 'spike');
      const planted = spiking.filter((row) => isSpikeSku(Number(row.sku.slice(-5)))).length;
      return `${fmt(r.rows.length)} SKUs judged, ${spiking.length} spikes (${planted} of the 16 planted), ${r.problems.length} with more returned than shipped`;
    }, spikeSpanTotals);
    const causes = await timeQuery('causes, 3 months', '(d)', () => accountCauses(database, accountId, { from: causesFrom, to: month, asOf }), (r) => {
      const planted = r.problems.filter((p) => isProblemSku(Number(p.sku.slice(-5)))).length;
      const examples = r.problems.slice(0, 3).map((p) => `${p.sku} ${p.dominant?.cause.id ?? '?'} (${p.terms.slice(0, 3).map((t) => t.term).join(', ') || 'no terms'})`);
      return `${fmt(r.problems.length + r.moreProblems)} problem SKUs, ${planted} of the ${r.problems.length} detailed among the generator's 80 `
        + `problem SKUs${examples.length > 0 ? `; the first: ${examples.join('; ')}` : ''}`;
    }, (r) => {
      const pareto: Record<string, number> = {};
      for (const m of r.marketplaces) for (const bar of m.pareto) pareto[`${m.marketplaceCode} ${bar.reason}`] = bar.units;
      return pareto;
    });
    const costs = await timeQuery('costs, one month', null, () => accountReturnCosts(database, accountId, { from: month, to: month }),
      (r) => `${fmt(r.rows.length)} SKU-month-currency rows`, () => null);
    const fixes = await timeQuery('listing fix results', null, () => listingFixResults(database, accountId, { asOf }), (r) => {
      const verdicts = new Map<string, number>();
      for (const f of r) verdicts.set(f.verdict?.verdict ?? 'none', (verdicts.get(f.verdict?.verdict ?? 'none') ?? 0) + 1);
      return `${r.length} fixes: ${[...verdicts].map(([v, n]) => `${n} ${v}`).join(', ')}`;
    }, () => null);

    const timings = [oneMonth, allMonths, spikes, causes, costs, fixes].map(({ name, reference, ms, result }) => ({ name, reference, ms, result }));
    const totals = { oneMonth: oneMonth.kept.totals, allMonths: allMonths.kept, spikes: spikes.kept, pareto: causes.kept, oneMonthReasons: oneMonth.kept.reasons };
    finish({ timings, totals }, started);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// DuckDB

const tsvOf = (path: string, table: 'orders' | 'return_cases') => `${path}.${table}.tsv`;

/** The raw rows the rollups are made of, as the sqlite3 CLI prints them (tab-separated; NULL as an empty cell). */
const exports = {
  orders: 'select marketplace_code, amazon_order_id, sku, asin, fulfillment_channel, purchase_date, order_status, item_status, quantity from orders where account_id = 1',
  return_cases: 'select marketplace_code, order_id, sku, quantity, reason_category, fault, requested_at from return_cases where account_id = 1',
} as const;

const duckColumns = {
  orders: `{'marketplace_code': 'VARCHAR', 'amazon_order_id': 'VARCHAR', 'sku': 'VARCHAR', 'asin': 'VARCHAR', 'fulfillment_channel': 'VARCHAR',
    'purchase_date': 'TIMESTAMP', 'order_status': 'VARCHAR', 'item_status': 'VARCHAR', 'quantity': 'INTEGER'}`,
  return_cases: `{'marketplace_code': 'VARCHAR', 'order_id': 'VARCHAR', 'sku': 'VARCHAR', 'quantity': 'INTEGER', 'reason_category': 'VARCHAR',
    'fault': 'VARCHAR', 'requested_at': 'TIMESTAMP'}`,
} as const;

/** ReturnDesk's `codeOf`: lower case, only letters and digits. */
const code = (column: string) => `regexp_replace(lower(coalesce(${column}, '')), '[^a-z0-9]', '', 'g')`;
/**
 * `countsAsShipped`: the item status when it says something, else the order status, starts with Shipped
 * (compared as codes). The exact texts All Orders writes most are decided first, the rest by the rule.
 */
const shippedRule = `case when item_status = 'Shipped' then true when item_status in ('Cancelled', 'Unshipped') then false
  when coalesce(item_status, '') = '' and order_status = 'Shipped' then true
  else starts_with(${code(`case when ${code('item_status')} <> '' then item_status else order_status end`)}, 'shipped') end`;
const ts = (day: string) => `TIMESTAMP '${day} 00:00:00'`;

/**
 * (a)/(b): units shipped per marketplace, SKU and purchase month, and the units returned with their
 * reason and party at fault; a return counts in its order line's month and marketplace (joined by order
 * id and SKU), so one without an order line has no month and is left out. The reason counts come to
 * JavaScript as JSON text, parsed there (the client's conversion of nested lists is twice as slow).
 */
function ratesQuery(range: { from: string; to: string } | null): string {
  const within = (alias: string) => (range ? `where ${alias}purchase_date >= ${ts(`${range.from}-01`)} and ${alias}purchase_date < ${ts(`${nextMonth(range.to)}-01`)}` : '');
  return `
    with shipped as (
      select marketplace_code, sku, date_trunc('month', purchase_date) as month, coalesce(sum(quantity) filter (where ${shippedRule}), 0) as shipped
      from orders ${within('')} group by all),
    returned as (
      select o.marketplace_code, c.sku, date_trunc('month', o.purchase_date) as month, coalesce(c.reason_category, 'unmapped') as reason, c.fault,
        sum(c.quantity) as units
      from return_cases c join orders o on o.amazon_order_id = c.order_id and o.sku = c.sku ${within('o.')}
      group by all),
    by_sku as (
      select marketplace_code, sku, month, sum(units) as returned, to_json(list(struct_pack(reason := reason, fault := fault, units := units)))::varchar as reasons
      from returned group by all)
    select coalesce(s.marketplace_code, r.marketplace_code) as marketplace_code, coalesce(s.sku, r.sku) as sku,
      strftime(coalesce(s.month, r.month), '%Y-%m') as month, coalesce(s.shipped, 0) as shipped, coalesce(r.returned, 0) as returned, r.reasons
    from shipped s full join by_sku r on r.marketplace_code = s.marketplace_code and r.sku = s.sku and r.month = s.month`;
}

/**
 * (c): per marketplace and SKU, units shipped in the recent and baseline purchase weeks (Monday weeks,
 * UTC: the spans start on Mondays), and their units returned when asked for within the follow-up weeks
 * after the purchase week's Monday.
 */
const recentFrom = ts(spans.recent.from);
const spikesQuery = `
  with shipped as (
    select marketplace_code, sku,
      coalesce(sum(quantity) filter (where purchase_date >= ${recentFrom} and ${shippedRule}), 0) as recent,
      coalesce(sum(quantity) filter (where purchase_date < ${recentFrom} and ${shippedRule}), 0) as baseline
    from orders where purchase_date >= ${ts(spans.baseline.from)} and purchase_date < ${ts(spans.recent.to)} group by all),
  returned as (
    select o.marketplace_code, c.sku,
      coalesce(sum(c.quantity) filter (where o.purchase_date >= ${recentFrom}), 0) as recent,
      coalesce(sum(c.quantity) filter (where o.purchase_date < ${recentFrom}), 0) as baseline
    from return_cases c join orders o on o.amazon_order_id = c.order_id and o.sku = c.sku
    where o.purchase_date >= ${ts(spans.baseline.from)} and o.purchase_date < ${ts(spans.recent.to)}
      and date_diff('day', date_trunc('week', o.purchase_date)::date, c.requested_at::date) between 0 and ${7 * (followUpWeeks + 1) - 1}
    group by all)
  select coalesce(s.marketplace_code, r.marketplace_code) as marketplace_code, coalesce(s.sku, r.sku) as sku,
    coalesce(s.recent, 0) as recent_shipped, coalesce(r.recent, 0) as recent_returned, coalesce(s.baseline, 0) as baseline_shipped,
    coalesce(r.baseline, 0) as baseline_returned
  from shipped s full join returned r on r.marketplace_code = s.marketplace_code and r.sku = s.sku`;

/** (d): units returned per order-line marketplace and reason category over the three months, as a Pareto. */
const paretoQuery = `
  with returned as (
    select o.marketplace_code, coalesce(c.reason_category, 'unmapped') as reason, sum(c.quantity) as units
    from return_cases c join orders o on o.amazon_order_id = c.order_id and o.sku = c.sku
    where o.purchase_date >= ${ts(`${causesFrom}-01`)} and o.purchase_date < ${ts(`${nextMonth(month)}-01`)}
    group by all)
  select marketplace_code, reason, units, units / sum(units) over (partition by marketplace_code) as share,
    sum(units) over (partition by marketplace_code order by units desc, reason rows between unbounded preceding and current row)
      / sum(units) over (partition by marketplace_code) as cumulative
  from returned order by marketplace_code, units desc, reason`;

async function rowsOf(connection: DuckDBConnection, query: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(query)).getRowObjectsJS() as Record<string, unknown>[];
}

async function duckQueries(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  // Nothing downloaded at run time: DuckDB's own build only (its statically linked extensions).
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  const loadStarted = process.hrtime.bigint();
  for (const table of ['orders', 'return_cases'] as const) {
    await connection.run(`create table ${table} as select * from read_csv('${tsvOf(path, table)}', delim = '\t', header = false, quote = '', escape = '',
      columns = ${duckColumns[table]})`);
  }
  const loadMs = hrMs(loadStarted);
  const monthTotals = (rows: Record<string, unknown>[]) => {
    const totals: MonthTotals = {};
    for (const r of rows) addMonth(totals, String(r.month), Number(r.shipped), Number(r.returned));
    return totals;
  };
  const rates = async (range: { from: string; to: string } | null) =>
    (await rowsOf(connection, ratesQuery(range))).map((r) => ({ ...r, reasons: JSON.parse(String(r.reasons)) as { reason: string; fault: string; units: number }[] | null }));
  const reasonTotalsOf = (rows: Awaited<ReturnType<typeof rates>>) => {
    const totals: Record<string, number> = {};
    for (const r of rows) {
      for (const { reason, fault, units } of r.reasons ?? []) {
        totals[`reason ${reason}`] = (totals[`reason ${reason}`] ?? 0) + Number(units);
        totals[`fault ${fault}`] = (totals[`fault ${fault}`] ?? 0) + Number(units);
      }
    }
    return totals;
  };
  const spikeTotalsOf = (rows: Record<string, unknown>[]) => {
    const totals = { recentShipped: 0, recentReturned: 0, baselineShipped: 0, baselineReturned: 0 };
    for (const r of rows) {
      totals.recentShipped += Number(r.recent_shipped);
      totals.recentReturned += Number(r.recent_returned);
      totals.baselineShipped += Number(r.baseline_shipped);
      totals.baselineReturned += Number(r.baseline_returned);
    }
    return totals;
  };
  const paretoOf = (rows: Record<string, unknown>[]) => {
    const totals: Record<string, number> = {};
    for (const r of rows) totals[`${String(r.marketplace_code)} ${String(r.reason)}`] = Number(r.units);
    return totals;
  };
  const oneMonth = await timeQuery('(a) one month', '(a)', () => rates({ from: month, to: month }), (rows) => `${fmt(rows.length)} SKU-month rows`,
    (rows) => ({ totals: monthTotals(rows), reasons: reasonTotalsOf(rows) }));
  const allMonths = await timeQuery('(b) all months', '(b)', () => rates(null), (rows) => `${fmt(rows.length)} SKU-month rows`, monthTotals);
  const spikes = await timeQuery('(c) spike spans', '(c)', () => rowsOf(connection, spikesQuery), (rows) => `${fmt(rows.length)} SKUs`, spikeTotalsOf);
  const pareto = await timeQuery('(d) reason Pareto', '(d)', () => rowsOf(connection, paretoQuery), (rows) => `${rows.length} marketplace-reason rows`, paretoOf);
  connection.closeSync();
  instance.closeSync();
  const timings = [oneMonth, allMonths, spikes, pareto].map(({ name, reference, ms, result }) => ({ name, reference, ms, result }));
  const totals = { oneMonth: oneMonth.kept.totals, allMonths: allMonths.kept, spikes: spikes.kept, pareto: pareto.kept, oneMonthReasons: oneMonth.kept.reasons };
  finish({ timings, loadMs, totals }, started);
}

/** Writes the two TSV files DuckDB loads, with the sqlite3 CLI. */
async function exportRawRows(path: string): Promise<void> {
  for (const table of ['orders', 'return_cases'] as const) {
    const fd = openSync(tsvOf(path, table), 'w');
    try {
      await new Promise<void>((resolveRun, reject) => {
        const child = spawn('sqlite3', ['-batch', '-noheader', '-separator', '\t', '-readonly', path, exports[table]], { stdio: ['ignore', fd, 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
        child.on('error', reject);
        child.on('exit', (status) => (status === 0 ? resolveRun() : reject(new Error(`sqlite3 export of ${table} exited ${status}: ${stderr}`))));
      });
    } finally {
      closeSync(fd);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Rollups and import

async function buildRollups(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const { database } = await openDatabase(path);
  try {
    const buildStarted = process.hrtime.bigint();
    await ensurePreventionRollups(database, accountId, nowIso);
    const ms = hrMs(buildStarted);
    const count = async (table: 'prevention_months' | 'prevention_month_returns' | 'prevention_weeks') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const summary = `${fmt(await count('prevention_months'))} month rows, ${fmt(await count('prevention_month_returns'))} returned rows, `
      + `${fmt(await count('prevention_weeks'))} week rows`;
    console.log(JSON.stringify({ seconds: ms / 1000, maxRssKb: process.resourceUsage().maxRSS, summary, totalSeconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  } finally {
    await database.close();
  }
}

const importFileOf = (path: string, n: number) => `${path}.import-${n}.txt`;
const importRunName = (n: number) => `analytics-import-${n}.txt`;

/** All Orders files of `importLines` new US order lines each, bought in `month`; returns the units they ship. */
function writeImportFiles(path: string): number {
  const next = mulberry32(20261207);
  let units = 0;
  const [year, number] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, number, 0)).getUTCDate();
  for (let n = 1; n <= importFiles; n++) {
    const rows: string[][] = [];
    for (let i = 0; i < importLines; i++) {
      const skuN = Math.floor(next() * skusPerMarket);
      const sku = `US-SKU-${String(skuN).padStart(5, '0')}`;
      const quantity = next() < 0.85 ? 1 : 2;
      units += quantity;
      const purchased = new Date(Date.UTC(year, number - 1, 1 + Math.floor(next() * days), Math.floor(next() * 24), Math.floor(next() * 60))).toISOString().replace('.000Z', '+00:00');
      rows.push(rowOf(headers.allOrders, {
        'amazon-order-id': `120-${String(n * importLines + i).padStart(7, '0')}-${String(Math.floor(next() * 1e7)).padStart(7, '0')}`,
        'purchase-date': purchased, 'last-updated-date': purchased, 'order-status': 'Shipped', 'fulfillment-channel': 'Amazon', 'sales-channel': 'Amazon.com',
        'product-name': `Product ${sku}`, sku, asin: `B00${String(skuN).padStart(7, '0')}`, 'item-status': 'Shipped', quantity: String(quantity), currency: 'USD',
        'item-price': (19.99 * quantity).toFixed(2), 'ship-country': 'US',
      }));
    }
    writeFileSync(importFileOf(path, n), [headers.allOrders, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
  }
  return units;
}

/** Each file imported and timed whole; then the rollup refresh of the month alone, three times. */
async function timeImports(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const { database } = await openDatabase(path);
  try {
    const importMs: number[] = [];
    for (let n = 1; n <= importFiles; n++) {
      const file = importFileOf(path, n);
      const fileStarted = process.hrtime.bigint();
      const result = await importReportFile(database, file, { marketplace: 'US', type: 'all-orders', now: () => nowIso });
      importMs.push(hrMs(fileStarted));
      if (result.inserted !== importLines || result.rejected !== 0) throw new Error(`Import of ${file}: ${JSON.stringify(result).slice(0, 500)}`);
      await database.db.updateTable('import_runs').set({ file_name: importRunName(n) }).where('id', '=', result.importRunId).execute();
    }
    const refreshMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refreshStarted = process.hrtime.bigint();
      await database.transaction(async (tx) => {
        const scope = new RollupScope();
        await scope.add(tx, accountId, 'all-orders', [{ purchaseDate: `${month}-15T12:00:00.000Z`, sku: 'US-SKU-00001' } as OrderLineRecord]);
        await refreshPreventionRollups(tx, accountId, scope, nowIso);
      });
      refreshMs.push(hrMs(refreshStarted));
    }
    console.log(JSON.stringify({ seconds: Number(process.hrtime.bigint() - started) / 1e9, maxRssKb: process.resourceUsage().maxRSS, summary: '', importMs, refreshMs }));
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// The parent

/**
 * Back to the data as generated: none of an earlier run's imported lines or fixes, and the rollups not
 * built (a build in full clears every rollup table first).
 */
function resetDatabase(path: string): void {
  const raw = new BetterSqlite3(path);
  const runs = `select id from import_runs where account_id = 1 and file_name like 'analytics-import-%'`;
  raw.exec(`delete from orders where account_id = 1 and import_run_id in (${runs}); delete from import_runs where id in (${runs});
    delete from listing_fixes where account_id = 1; delete from prevention_rollup_state where account_id = 1`);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

/** About 50 fixes: on problem SKUs, spike SKUs and ordinary ones, made between May and October. */
async function recordFixes(path: string): Promise<void> {
  const { database } = await openDatabase(path);
  try {
    for (let i = 0; i < fixCount; i++) {
      const market = markets[i % markets.length]!.code;
      const skuN = i < 20 ? 17 + 100 * Math.floor(i / 4) : i < 28 ? 251 + 500 * (i % 4) : (i * 131 + 7) % skusPerMarket;
      const changed = new Date(Date.UTC(2026, 4, 4) + i * 3 * 86_400_000).toISOString().slice(0, 10);
      await recordListingFix(database, accountId, {
        sku: `${market}-SKU-${String(skuN).padStart(5, '0')}`, marketplace: i % 2 === 0 ? market : undefined, changedOn: changed,
        what: i < 20 ? 'New size chart and photos' : 'Packaging changed', by: 'bench',
      }, nowIso);
    }
  } finally {
    await database.close();
  }
}

function shippedInMonth(path: string): number {
  const raw = new BetterSqlite3(path, { readonly: true });
  const row = raw.prepare('select coalesce(sum(shipped), 0) as units from prevention_months where account_id = 1 and month = ?').get(month) as { units: number };
  raw.close();
  return row.units;
}

/** Both engines' figures, compared; any difference fails the benchmark. */
function compareTotals(ours: Totals, duck: Totals): string[] {
  const problems: string[] = [];
  const compare = (what: string, a: unknown, b: unknown) => {
    const [x, y] = [JSON.stringify(sorted(a)), JSON.stringify(sorted(b))];
    if (x !== y) problems.push(`${what}: ReturnDesk ${x.slice(0, 600)} vs DuckDB ${y.slice(0, 600)}`);
  };
  compare('(a) one month', ours.oneMonth, duck.oneMonth);
  compare('(b) all months', ours.allMonths, duck.allMonths);
  compare('(c) spike spans', ours.spikes, duck.spikes);
  compare('(d) reason Pareto', ours.pareto, duck.pareto);
  compare('(a) units by reason and fault', ours.oneMonthReasons, duck.oneMonthReasons);
  return problems;
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sorted(v)]));
}

async function child(mode: string, path: string): Promise<void> {
  if (mode === 'rollups') await buildRollups(path);
  else if (mode === 'returndesk') await returnDeskQueries(path);
  else if (mode === 'duckdb') await duckQueries(path);
  else if (mode === 'import') await timeImports(path);
  else throw new Error(`Unknown mode ${mode}`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const dbPath = join(out, `analytics-${returnCount}-${lineCount}.sqlite`);
  // What the generator wrote, kept next to the file for the runs that reuse it.
  const countsPath = `${dbPath}.counts.json`;
  let counts: BuildCounts | null = null;
  let writeSeconds: number | null = null;
  if (reuseDb && existsSync(dbPath)) {
    console.log(`Reusing ${dbPath}`);
    if (existsSync(countsPath)) ({ writeSeconds, ...counts } = JSON.parse(readFileSync(countsPath, 'utf8')) as BuildCounts & { writeSeconds: number });
  } else {
    console.log(`Writing ${fmt(lineCount)} order lines and ${fmt(returnCount)} returns to ${dbPath} (not timed) ...`);
    const started = process.hrtime.bigint();
    counts = await buildSellerDatabase(dbPath, { returnCount, lineCount, analytics: true });
    writeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(countsPath, JSON.stringify({ ...counts, writeSeconds }));
  }
  const c = counts;
  const built = c === null ? 'reused from an earlier run' : `${fmt(c.orderLines)} order lines in ${fmt(c.orders)} orders (${fmt(c.notShippedLines)} cancelled or `
    + `pending); ${fmt(c.returns)} returns (${fmt(c.fbaReturns)} FBA, ${fmt(c.mfnReturns)} MFN; ${fmt(c.withoutOrderLine)} without an order line), `
    + `${fmt(c.cases)} return cases, ${fmt(c.fbaReturnRows)} FBA return rows (${fmt(c.comments)} with a buyer comment), ${fmt(c.refundRows)} settlement `
    + `refund rows${writeSeconds === null ? '' : `; written in ${writeSeconds.toFixed(0)} s (not timed)`}`;
  console.log(built);
  resetDatabase(dbPath);

  console.log('Building the rollups in full (a database from before them) ...');
  const rollups = await runChild(root, self, 'rollups', dbPath);
  console.log(`rollups: ${rollups.seconds.toFixed(1)} s, peak RSS ${mb(rollups.maxRssKb)}; ${rollups.summary}`);

  await recordFixes(dbPath);
  const exportStarted = process.hrtime.bigint();
  await exportRawRows(dbPath);
  console.log(`Exported the raw rows for DuckDB in ${(hrMs(exportStarted) / 1000).toFixed(1)} s (not timed)`);

  console.log(`Timing DuckDB's queries (${warmUps} warm-up runs, then ${timedRuns}) ...`);
  const duck = await runChild(root, self, 'duckdb', dbPath) as QueriesResult;
  console.log(`DuckDB: loaded in ${(duck.loadMs! / 1000).toFixed(1)} s, peak RSS ${mb(duck.maxRssKb)}`);
  console.log(`Timing ReturnDesk's queries (${warmUps} warm-up runs, then ${timedRuns}) ...`);
  const ours = await runChild(root, self, 'returndesk', dbPath) as QueriesResult;
  console.log(`ReturnDesk: peak RSS ${mb(ours.maxRssKb)}`);

  const problems = compareTotals(ours.totals, duck.totals);
  if (problems.length > 0) throw new Error(`DuckDB and ReturnDesk disagree:\n${problems.join('\n')}`);
  const months = Object.keys(ours.totals.allMonths).sort();
  const monthTotal = ours.totals.oneMonth[month] ?? { shipped: 0, returned: 0 };
  const allTotal = Object.values(ours.totals.allMonths).reduce((sum, t) => ({ shipped: sum.shipped + t.shipped, returned: sum.returned + t.returned }), { shipped: 0, returned: 0 });
  const agreed = `Both engines agree: ${month} ${fmt(monthTotal.shipped)} units shipped, ${fmt(monthTotal.returned)} returned; all ${months.length} months `
    + `(${months[0]} to ${months.at(-1)}) ${fmt(allTotal.shipped)} shipped, ${fmt(allTotal.returned)} returned; spike spans recent ${fmt(ours.totals.spikes.recentShipped)}/`
    + `${fmt(ours.totals.spikes.recentReturned)}, baseline ${fmt(ours.totals.spikes.baselineShipped)}/${fmt(ours.totals.spikes.baselineReturned)} shipped/returned; `
    + `${Object.keys(ours.totals.pareto).length} marketplace-reason Pareto cells; ${month}'s units by reason and by fault`;
  console.log(agreed);

  console.log(`Importing ${importFiles} All Orders files of ${fmt(importLines)} lines bought in ${month} ...`);
  const before = shippedInMonth(dbPath);
  const importedUnits = writeImportFiles(dbPath);
  const imports = await runChild(root, self, 'import', dbPath) as ImportResult;
  const after = shippedInMonth(dbPath);
  if (after - before !== importedUnits) throw new Error(`The rollups of ${month} grew by ${after - before} units shipped, not the ${importedUnits} imported.`);
  const importMedian = percentile(imports.importMs, 0.5);
  const refreshMedian = percentile(imports.refreshMs, 0.5);
  console.log(`import: ${imports.importMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; refresh of ${month} alone: `
    + `${imports.refreshMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; the month's rollups grew by the ${fmt(importedUnits)} units imported`);

  const duckByRef = new Map(duck.timings.map((t) => [t.reference, t]));
  const ms = (value: number) => (value < 10 ? value.toFixed(1) : fmt(value));
  const rows = ours.timings.map((t) => {
    const p50 = percentile(t.ms, 0.5);
    const p95 = percentile(t.ms, 0.95);
    const reference = t.reference ? duckByRef.get(t.reference) : undefined;
    const duckP95 = reference ? percentile(reference.ms, 0.95) : null;
    return {
      name: t.name, p50, p95, pass: p95 < targetMs, reference: reference?.name ?? '—', duckP50: reference ? percentile(reference.ms, 0.5) : null, duckP95,
      ratio: duckP95 ? p95 / duckP95 : null, result: t.result,
    };
  });
  const table = [
    `| query | ReturnDesk p50 | ReturnDesk p95 | under ${targetMs} ms at p95 | DuckDB reference | DuckDB p50 | DuckDB p95 | ratio (p95) |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${r.pass ? 'PASS' : '**FAIL**'} | ${r.reference} | `
      + `${r.duckP50 === null ? '—' : `${ms(r.duckP50)} ms`} | ${r.duckP95 === null ? '—' : `${ms(r.duckP95)} ms`} | ${r.ratio === null ? '—' : `**${r.ratio.toFixed(1)}**`} |`),
  ];
  const failed = rows.filter((r) => !r.pass).length;
  const section = [
    `## Analytics: ${fmt(returnCount)} returns, ${fmt(lineCount)} order lines on SQLite, DuckDB as reference`,
    '',
    `${measuredBy('bench:analytics')}.`,
    '',
    `Each ReturnDesk query is the service function its command calls, on account 1 of one open database in a child process with the \`returndesk\` `
    + `executable's V8 flags: ${warmUps} warm-up runs, then ${timedRuns} timed; p50 and p95 are nearest-rank over the ${timedRuns}. The month is ${month} `
    + `(the latest full purchase month), the causes' three months ${causesFrom} to ${month}, spikes and fixes as on ${asOf}; ${fixCount} listing fixes are `
    + `recorded before. They read the prevention rollups. DuckDB (@duckdb/node-api, in memory, its default threads) gets the raw rows the rollups `
    + `are made of (order lines and return cases, loaded from TSV files in ${(duck.loadMs! / 1000).toFixed(1)} s, not counted) and computes the same figures `
    + 'from them with no rollups, timed the same way in its own child: (a) one month\'s units shipped and returned per marketplace, SKU and month with '
    + 'reason and fault counts (each return joined to its order line by order id and SKU for its purchase month), (b) the same for all months, (c) '
    + `the spike spans' units shipped and returned within ${followUpWeeks} follow-up weeks per SKU, (d) the reason Pareto per marketplace over the three `
    + 'months; ReturnDesk\'s causes do more than (d) (problem SKUs, their buyers\' comments), and costs and fix results have no DuckDB reference. '
    + `Ratio = ReturnDesk p95 / DuckDB p95. Target: every ReturnDesk query under ${targetMs} ms at p95: **${failed === 0 ? 'met' : `not met (${failed} of ${rows.length} over: ${rows.filter((r) => !r.pass).map((r) => r.name).join(', ')})`}**.`,
    '',
    ...table,
    '',
    `Data (seeded, bench/seller-data.ts with its analytics extras; "now" ${nowIso}): ${built}. ${agreed}.`,
    '',
    `**One-off build for a database from before the rollups** (\`ensurePreventionRollups\`, in its own child): ${rollups.seconds.toFixed(1)} s, `
    + `peak RSS ${mb(rollups.maxRssKb)}; ${rollups.summary}.`,
    '',
    `**Import with the rollups kept current**: an All Orders file of ${fmt(importLines)} new US lines bought in ${month}, imported into this database `
    + `(rollups built) with \`importReportFile\`: ${(importMedian / 1000).toFixed(2)} s (median of ${importFiles} files: `
    + `${imports.importMs.map((v) => `${(v / 1000).toFixed(2)} s`).join(', ')}). That is the whole import in one transaction: reading and checking the `
    + `lines, writing them, and refreshing the rollups of every purchase month the file touches (here ${month}: its month rows, the weeks touching it, and `
    + `the returns without an order line). The refresh of ${month} alone (\`refreshPreventionRollups\` in a transaction) takes `
    + `${(refreshMedian / 1000).toFixed(2)} s (median of 3). The month's rollups grew by exactly the ${fmt(importedUnits)} units imported.`,
    '',
    'What each ReturnDesk query returned:',
    '',
    ...rows.map((r) => `- ${r.name}: ${r.result}`),
  ].join('\n');
  console.log(`\n${section}`);
  recordSection(root, 'analytics', section);
  // The files DuckDB loaded are large and written again every run.
  for (const file of [tsvOf(dbPath, 'orders'), tsvOf(dbPath, 'return_cases')]) rmSync(file, { force: true });
}

await runBenchmark(self, child, main);
