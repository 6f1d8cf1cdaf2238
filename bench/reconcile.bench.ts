/**
 * `npm run bench:reconcile`: claim reconciliation (issue 5) over BENCH_RETURNS returns and BENCH_ORDER_LINES
 * order lines on SQLite, against a baseline query measured in the same run.
 *
 * The data (bench/seller-data.ts, written straight into a fresh database under bench/out, not timed; the
 * schema comes from the application's own migrations): All Orders lines over US/UK/DE/JP (75% of the
 * orders FBA, `Amazon` fulfilled, the rest `Merchant`), a return on BENCH_RETURNS of those lines spread at
 * random, and for each return the rows the reports would hold:
 * - FBA: settlement refund rows (ItemPrice/Principal, plus Tax and Commission rows, 3% of the refunds
 *   repeated in a second settlement file, a few partial refunds far below the price), an FBA customer
 *   return row with its license plate for most refunded units (some missing, some DAMAGED / CARRIER_DAMAGED,
 *   a few of another ASIN/FNSKU), reimbursements for part of the missing and damaged units (a few short,
 *   a few reversed), and the return case the import creates;
 * - MFN: the MFN returns row and its return case, a settlement refund for the refunded ones, resolutions
 *   StandardRefund / RefundAtFirstScan / ReturnlessRefund / CustomerServiceRefund, and seller inspections
 *   for part of the delivered ones.
 * Refunds fall over the last ~12 months before a fixed "now", so claim windows are open, closed and not
 * yet open.
 *
 * Timed, in a child process with the `returndesk` executable's V8 flags, opening the database included:
 * `reconcileClaims(database, 1, now)`, on an empty claims table (the parent empties it before each run,
 * not timed). Baseline: one SQL query doing the reconciliation's core join (per FBA order line: refunded
 * principal units vs units returned vs units reimbursed), timed the same way.
 * Target: under 60 s end to end and under 1 GB peak RSS.
 *
 * Env: BENCH_RETURNS (default 1,000,000), BENCH_ORDER_LINES (default 5,000,000), BENCH_RUNS (default 1;
 * the median is reported), BENCH_REUSE_DB=1 to reuse bench/out/reconcile-<returns>-<lines>.sqlite.
 * Results go to stdout and to bench/RESULTS.md (the section between the bench:reconcile markers).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '../src/services/open-database.js';
import { reconcileClaims } from '../src/services/reconcile-claims.js';
import { formatCount as fmt, measuredBy, megabytes as mb, recordSection } from './results-file.js';
import { repeatRuns, runBenchmark, runChild } from './child-run.js';
import type { Measured } from './child-run.js';
// The data (seeded: every run benchmarks the same data), shared with bench:analytics.
import { buildSellerDatabase, nowIso } from './seller-data.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const self = join(root, 'bench', 'reconcile.bench.ts');
const returnCount = Number(process.env.BENCH_RETURNS ?? 1_000_000);
const lineCount = Number(process.env.BENCH_ORDER_LINES ?? 5_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const reuseDb = process.env.BENCH_REUSE_DB === '1';

const targetSeconds = 60;
const targetRssMb = 1024;

/** Empties the claims table (not timed), so every timed run is a first reconciliation of the data. */
function clearClaims(path: string): void {
  const raw = new BetterSqlite3(path);
  raw.exec('delete from claim_events; delete from claims');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

/** The reconciliation (from an empty claims table) or its baseline, timed in a child process (`runs` runs). */
function repeat(mode: 'reconcile' | 'baseline', path: string): Promise<Measured> {
  const extra = mode === 'reconcile' ? (process.env.BENCH_CHILD_FLAGS ?? '').split(/\s+/).filter((flag) => flag !== '') : [];
  return repeatRuns(runs, () => runChild(root, self, mode, path, extra), () => { if (mode === 'reconcile') clearClaims(path); });
}

// The core join of a reconciliation, as one query: per FBA order line (All Orders says `Amazon`), the
// units its settlement refunds refunded (ItemPrice/Principal, each refund row once across settlement
// files), the units back at a fulfilment centre and the units reimbursed; a line whose refunded units
// exceed the other two is a candidate. Grouped by marketplace.
const baselineQuery = sql<{ marketplace_code: string; lines: number; candidates: number; open_units: number }>`
  with refunded as (
    select marketplace_code, order_id, sku, sum(units) as units from (
      select distinct marketplace_code, order_id, sku, adjustment_id, order_item_code, coalesce(quantity_purchased, 1) as units
      from settlement_refunds
      where account_id = 1 and amount_type = 'ItemPrice' and amount_description = 'Principal' and sku is not null)
    group by marketplace_code, order_id, sku),
  returned as (
    select marketplace_code, order_id, sku, sum(quantity) as units from fba_returns where account_id = 1 group by marketplace_code, order_id, sku),
  reimbursed as (
    select marketplace_code, amazon_order_id as order_id, sku, sum(quantity_reimbursed_total) as units
    from reimbursements where account_id = 1 and amazon_order_id is not null group by marketplace_code, amazon_order_id, sku)
  select r.marketplace_code, count(*) as lines,
    sum(case when min(r.units, o.quantity) > coalesce(t.units, 0) + coalesce(m.units, 0) then 1 else 0 end) as candidates,
    sum(max(0, min(r.units, o.quantity) - coalesce(t.units, 0) - coalesce(m.units, 0))) as open_units
  from refunded r
  join orders o on o.account_id = 1 and o.amazon_order_id = r.order_id and o.sku = r.sku and o.marketplace_code = r.marketplace_code
    and o.fulfillment_channel = 'Amazon'
  left join returned t on t.marketplace_code = r.marketplace_code and t.order_id = r.order_id and t.sku = r.sku
  left join reimbursed m on m.marketplace_code = r.marketplace_code and m.order_id = r.order_id and m.sku = r.sku
  group by r.marketplace_code`;

/** Child mode: opens the database as the CLI does, runs the reconciliation or the baseline query, prints one JSON line. */
async function child(mode: string, path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const { database } = await openDatabase(path);
  let summary: string;
  try {
    if (mode === 'reconcile') {
      const s = await reconcileClaims(database, 1, nowIso);
      summary = `${s.ordersRead} orders read, ${s.found} candidates found, ${s.newClaims} new, ${s.removed} removed, ${s.expired} expired, ${s.problems.length} problems`;
    } else {
      const { rows } = await baselineQuery.execute(database.db);
      summary = `${rows.reduce((n, r) => n + Number(r.lines), 0)} refunded FBA lines, ${rows.reduce((n, r) => n + Number(r.candidates), 0)} with units not back `
        + `(${rows.reduce((n, r) => n + Number(r.open_units), 0)} units); ` + rows.map((r) => `${r.marketplace_code} ${r.candidates}`).join(', ');
    }
  } finally {
    await database.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, summary }));
}

/** The claims the last reconciliation stored, by kind and status, with the amount owed per currency. */
function claimsByKind(path: string): { kind: string; status: string; claims: number; owed: string }[] {
  const raw = new BetterSqlite3(path, { readonly: true });
  const rows = raw.prepare(`select kind, status, currency, count(*) as claims, sum(owed_minor) as owed from claims where account_id = 1
    group by kind, status, currency order by kind, status, currency`).all() as { kind: string; status: string; currency: string; claims: number; owed: number }[];
  raw.close();
  const grouped = new Map<string, { kind: string; status: string; claims: number; owed: string[] }>();
  for (const r of rows) {
    const key = `${r.kind}|${r.status}`;
    let entry = grouped.get(key);
    if (!entry) grouped.set(key, entry = { kind: r.kind, status: r.status, claims: 0, owed: [] });
    entry.claims += r.claims;
    entry.owed.push(`${r.currency} ${fmt(r.owed)}`);
  }
  return [...grouped.values()].map((g) => ({ ...g, owed: g.owed.join(', ') }));
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const dbPath = join(out, `reconcile-${returnCount}-${lineCount}.sqlite`);
  let built: string;
  if (reuseDb && existsSync(dbPath)) {
    console.log(`Reusing ${dbPath}`);
    built = 'reused from an earlier run';
  } else {
    console.log(`Writing ${fmt(lineCount)} order lines and ${fmt(returnCount)} returns to ${dbPath} (not timed) ...`);
    const started = process.hrtime.bigint();
    const c = await buildSellerDatabase(dbPath, { returnCount, lineCount });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    built = `${fmt(c.orderLines)} order lines in ${fmt(c.orders)} orders; ${fmt(c.returns)} returns (${fmt(c.fbaReturns)} FBA, ${fmt(c.mfnReturns)} MFN) with `
      + `${fmt(c.refundRows)} settlement refund rows (${fmt(c.duplicatedRefunds)} refunds in two settlement files), ${fmt(c.fbaReturnRows)} FBA return rows `
      + `(${fmt(c.damagedRows)} DAMAGED/CARRIER_DAMAGED, ${fmt(c.wrongUnitRows)} of another ASIN/FNSKU; ${fmt(c.missingUnits)} refunded units never came back), `
      + `${fmt(c.reimbursements)} reimbursement rows (${fmt(c.reversals)} reversals), ${fmt(c.mfnRows)} MFN return rows (${fmt(c.amazonIssued)} Amazon-issued refunds), `
      + `${fmt(c.inspections)} inspections, ${fmt(c.cases)} return cases; written in ${seconds.toFixed(0)} s`;
    console.log(built);
  }
  console.log(`Timing reconcileClaims, ${runs} run(s) ...`);
  const reconcile = await repeat('reconcile', dbPath);
  console.log(`reconcile: ${reconcile.seconds.toFixed(2)} s (process ${reconcile.wallSeconds.toFixed(2)} s), peak RSS ${mb(reconcile.maxRssKb)}; ${reconcile.summary}`);
  const kinds = claimsByKind(dbPath);
  for (const k of kinds) console.log(`  ${k.kind} ${k.status}: ${fmt(k.claims)} (${k.owed})`);
  console.log('Timing the SQL baseline ...');
  const baseline = await repeat('baseline', dbPath);
  console.log(`SQL baseline: ${baseline.seconds.toFixed(2)} s (process ${baseline.wallSeconds.toFixed(2)} s), peak RSS ${mb(baseline.maxRssKb)}; ${baseline.summary}`);
  const ratio = reconcile.seconds / baseline.seconds;
  const timeMet = reconcile.seconds < targetSeconds;
  const memoryMet = reconcile.maxRssKb / 1024 < targetRssMb;
  console.log(`ratio ${ratio.toFixed(2)}; target under ${targetSeconds} s: ${timeMet ? 'met' : 'NOT met'}; under 1 GB: ${memoryMet ? 'met' : 'NOT met'}`);

  const byKind = new Map<string, number>();
  for (const k of kinds) byKind.set(k.kind, (byKind.get(k.kind) ?? 0) + k.claims);
  const section = [
    `## Reconciliation: ${fmt(returnCount)} returns, ${fmt(lineCount)} order lines on SQLite`,
    '',
    `${measuredBy('bench:reconcile')}.`,
    '',
    `\`reconcileClaims(database, 1, '${nowIso}')\` end to end in a fresh process with the \`returndesk\` executable's V8 flags, opening the database included, `
    + `on an empty claims table (median of ${runs} run(s)). Data (seeded, US/UK/DE/JP, refunds over the 12 months before "now"): ${built}. `
    + 'Baseline: one SQL query doing the core join (per FBA order line: refunded principal units, each refund row once across settlement files, vs units back at a '
    + 'fulfilment centre vs units reimbursed), grouped by marketplace, opened and timed the same way. Ratio = reconcile time / baseline time. '
    + `Target under ${targetSeconds} s: **${timeMet ? 'met' : 'not met'}**; under 1 GB: **${memoryMet ? 'met' : 'not met'}**.`,
    '',
    '| | time | peak RSS | baseline | baseline time | baseline peak RSS | time ratio |',
    '|---|---|---|---|---|---|---|',
    `| SQLite | ${reconcile.seconds.toFixed(1)} s | ${mb(reconcile.maxRssKb)} | SQL join | ${baseline.seconds.toFixed(1)} s | ${mb(baseline.maxRssKb)} | **${ratio.toFixed(2)}** |`,
    '',
    `Reconciliation: ${reconcile.summary}. Claims by kind: ${[...byKind].map(([kind, n]) => `${kind} ${fmt(n)}`).join(', ')}.`,
    '',
    '| kind | status | claims | owed (minor units) |',
    '|---|---|---|---|',
    ...kinds.map((k) => `| ${k.kind} | ${k.status} | ${fmt(k.claims)} | ${k.owed} |`),
    '',
    `Baseline result: ${baseline.summary}.`,
  ].join('\n');
  console.log(`\n${section}`);
  recordSection(root, 'reconcile', section);
}

await runBenchmark(self, child, main);
