/**
 * `npm run bench:decide`: the decision engine's speed, each figure against a baseline measured in the same run.
 *
 * 1. Decisions per second in process: `decideReturn(input, defaultPolicy)` over BENCH_DECISIONS prepared,
 *    varied inputs (four marketplaces, the reason catalog, prices, quantities, weights, categories, in or
 *    out of policy, some with odds learned from a synthetic history). Baseline: pricing the naive option
 *    only (`authorizeComponents` + `sumComponents` with the priors or the given odds) over the same inputs.
 *    Target: at least 200,000 decisions/s on one core.
 * 2. Backtest on SQLite: BENCH_CASES seller-fulfilled cases written straight into a fresh database under
 *    bench/out (not timed), then `backtestPolicy(database, 1, defaultPolicy)` timed end to end in a child
 *    process (opening the database included), with the V8 flags of the `returndesk` executable. Baseline: a
 *    plain SQL aggregate over the same rows and joins the backtest reads, timed the same way.
 *    Target: under 20 s for 1,000,000 cases.
 *
 * Env: BENCH_DECISIONS (default 200,000), BENCH_DECIDE_RUNS (default 7; best and median reported),
 * BENCH_CASES (default 1,000,000), BENCH_BACKTEST_RUNS (default 1; the median is reported),
 * BENCH_REUSE_DB=1 to reuse bench/out/decide-<cases>.sqlite from an earlier run instead of rebuilding it.
 * Results go to stdout and to bench/RESULTS.md (the section between the bench:decide markers).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { freshBenchDatabase } from './bench-database.js';
import { decideReturn, oddsFor } from '../src/domain/decisions/decide.js';
import type { DecisionInput } from '../src/domain/decisions/decision.js';
import { learnOdds } from '../src/domain/decisions/learning.js';
import type { LearnedOdds, OutcomeHistory, OutcomeTally } from '../src/domain/decisions/learning.js';
import { authorizeComponents, sumComponents } from '../src/domain/decisions/options.js';
import type { MarketplaceCode } from '../src/domain/marketplaces.js';
import { defaultPolicy } from '../src/domain/policy/default-policy.js';
import { gradePriorFor } from '../src/domain/policy/policy-lookups.js';
import { conditionGrades } from '../src/domain/policy/policy.js';
import { classifyReason, reasonCatalog } from '../src/domain/reasons.js';
import type { ReasonClassification } from '../src/domain/reasons.js';
import { backtestPolicy } from '../src/services/backtest.js';
import { openDatabase } from '../src/services/open-database.js';
import { formatCount as fmt, measuredBy, megabytes as mb, recordSection } from './results-file.js';
import { median, repeatRuns, runBenchmark, runChild } from './child-run.js';
import type { Measured } from './child-run.js';
// The demo's seeded generator: every run benchmarks the same data.
import { mulberry32 } from '../src/services/demo/prng.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const self = join(root, 'bench', 'decide.bench.ts');
const decisionCount = Number(process.env.BENCH_DECISIONS ?? 200_000);
const decisionRuns = Number(process.env.BENCH_DECIDE_RUNS ?? 7);
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const backtestRuns = Number(process.env.BENCH_BACKTEST_RUNS ?? 1);
const reuseDb = process.env.BENCH_REUSE_DB === '1';

const decisionsTarget = 200_000;
const backtestTargetSeconds = 20;



// The marketplaces of the default policy the data is spread over, with their currency and a typical
// unit price range in minor units (JPY has no minor unit).
const markets: readonly { code: MarketplaceCode; currency: string; minPrice: number; maxPrice: number; share: number }[] = [
  { code: 'US', currency: 'USD', minPrice: 499, maxPrice: 29_999, share: 0.45 },
  { code: 'UK', currency: 'GBP', minPrice: 399, maxPrice: 24_999, share: 0.2 },
  { code: 'DE', currency: 'EUR', minPrice: 499, maxPrice: 27_999, share: 0.2 },
  { code: 'JP', currency: 'JPY', minPrice: 500, maxPrice: 40_000, share: 0.15 },
];
const productCategories = ['apparel', 'shoes', 'electronics', 'kitchen', 'toys', 'beauty', 'sports', 'home', 'books', 'garden'];
// Every code of the catalog as Amazon writes it, plus a few prefixed spellings, an unmapped code and an absent cell.
const reasonCells: readonly (string | null)[] = [
  ...reasonCatalog.map((entry) => entry.code),
  ...reasonCatalog.slice(0, 8).map((entry) => `CR-${entry.code}`),
  'SOMETHING_NEW', null,
];

function pickMarket(r: number): (typeof markets)[number] {
  let acc = 0;
  for (const market of markets) {
    acc += market.share;
    if (r < acc) return market;
  }
  return markets[markets.length - 1]!;
}

/** A small synthetic outcome history: offers answered at each ladder step and grades found at inspection. */
function syntheticTally(next: () => number, size: number): OutcomeTally {
  const offers = defaultPolicy.saveOfferLadderBps.map(() => {
    const n = Math.floor(next() * size);
    const accepted = Math.floor(n * (0.1 + next() * 0.5));
    return { accepted, declined: n - accepted };
  });
  const grades: Partial<Record<(typeof conditionGrades)[number], number>> = {};
  for (const grade of conditionGrades) if (next() < 0.8) grades[grade] = Math.floor(next() * size);
  return { offers, grades };
}

// ---------------------------------------------------------------------------------------------------
// 1. Decisions per second in process
// ---------------------------------------------------------------------------------------------------

/** `count` varied decision inputs, the same on every run (exported for profiling scripts). */
export function buildInputs(count: number): DecisionInput[] {
  const next = mulberry32(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // A pool of learned odds, each from a small synthetic history at one to three levels, for a few reason/category pairs.
  const learned: LearnedOdds[] = Array.from({ length: 64 }, () => {
    const reason = classifyReason(pick(reasonCatalog).code);
    const history: OutcomeHistory = {
      reason: syntheticTally(next, 200),
      ...(next() < 0.7 ? { category: syntheticTally(next, 40) } : {}),
      ...(next() < 0.4 ? { sku: syntheticTally(next, 8) } : {}),
    };
    return learnOdds({
      saveOfferAcceptance: defaultPolicy.saveOfferAcceptancePriors,
      grades: gradePriorFor(defaultPolicy, pick(productCategories), reason.category),
    }, history, defaultPolicy.decisionPriors.learningPriorWeight);
  });
  const start = Date.UTC(2025, 0, 1);
  const span = 730 * 86_400_000;
  const inputs: DecisionInput[] = [];
  for (let i = 0; i < count; i++) {
    const market = pickMarket(next());
    const reason: ReasonClassification = classifyReason(pick(reasonCells));
    const requested = start + Math.floor(next() * span);
    const category = next() < 0.85 ? pick(productCategories) : undefined;
    const weight = next() < 0.9 ? 80 + Math.floor(next() * 12_000) : undefined;
    const roll = next();
    const inPolicy = roll < 0.7 ? true : roll < 0.9 ? false : null;
    const odds = next() < 0.4 ? pick(learned) : undefined;
    const buyerReturns = next() < 0.5 ? Math.floor(next() * 7) : undefined;
    const declined = next() < 0.1 ? [Math.floor(next() * 3)] : undefined;
    inputs.push({
      marketplaceCode: market.code, currency: market.currency, reason,
      unitPriceMinor: market.minPrice + Math.floor(next() * (market.maxPrice - market.minPrice)),
      quantity: 1 + Math.floor(next() * next() * 3),
      ...(category === undefined ? {} : { productCategory: category }),
      ...(weight === undefined ? {} : { weightGrams: weight }),
      inPolicy,
      ...(buyerReturns === undefined ? {} : { buyerReturnsLast90Days: buyerReturns }),
      ...(declined === undefined ? {} : { declinedOfferSteps: declined }),
      ...(odds === undefined ? {} : { odds }),
      nowIso: new Date(requested + 3_600_000).toISOString(), requestedAtIso: new Date(requested).toISOString(),
    });
  }
  return inputs;
}

interface RateResult { best: number; median: number; runs: number[]; checksum: number }

/** Runs `work` over every input `decisionRuns` times (after one warm-up pass); rates in inputs per second. */
function rateOf(inputs: readonly DecisionInput[], work: (input: DecisionInput) => number): RateResult {
  let checksum = 0;
  for (const input of inputs) checksum += work(input);
  const rates: number[] = [];
  for (let run = 0; run < decisionRuns; run++) {
    let sum = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) sum += work(inputs[i]!);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (sum !== checksum) throw new Error(`Run ${run + 1} gave checksum ${sum}, the warm-up ${checksum}: the work is not deterministic.`);
    rates.push(inputs.length / seconds);
  }
  return { best: Math.max(...rates), median: median(rates), runs: rates, checksum };
}

function benchDecisions(): { engine: RateResult; baseline: RateResult; recommended: Record<string, number> } {
  console.log(`Preparing ${fmt(decisionCount)} decision inputs ...`);
  const inputs = buildInputs(decisionCount);
  const recommended: Record<string, number> = {};
  for (const input of inputs) {
    const action = decideReturn(input, defaultPolicy).recommended.action;
    recommended[action] = (recommended[action] ?? 0) + 1;
  }
  console.log(`Timing decideReturn, ${decisionRuns} run(s) over ${fmt(decisionCount)} inputs ...`);
  const engine = rateOf(inputs, (input) => decideReturn(input, defaultPolicy).recommended.expectedLossMinor);
  console.log(`Timing the baseline (authorizeComponents + sumComponents) ...`);
  // The same odds lookup as the engine (given odds, else the cached priors), so the ratio is the cost
  // of pricing every option, applying the guardrails and choosing, over pricing the naive one.
  const baseline = rateOf(inputs, (input) => sumComponents(authorizeComponents(input, defaultPolicy, oddsFor(input, defaultPolicy))));
  return { engine, baseline, recommended };
}

// ---------------------------------------------------------------------------------------------------
// 2. Backtest of BENCH_CASES cases on SQLite
// ---------------------------------------------------------------------------------------------------

const caseStatuses = ['requested', 'requested', 'authorized', 'in_transit', 'received', 'inspected', 'refunded', 'refunded', 'returnless_refunded', 'closed'];

/** Creates the schema with the application's own code, then writes the rows with plain prepared statements (bench-database.ts). */
async function buildDatabase(path: string, cases: number): Promise<{ products: number; outcomes: number }> {
  const raw = await freshBenchDatabase(path);
  const next = mulberry32(1127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const now = '2026-11-27T12:00:00.000Z';

  // Products: per marketplace, SKUs in its currency; about 8% of the SKUs the cases use are not in the sheet.
  const skusPerMarket = 1500;
  const insertProduct = raw.prepare(`insert into products (account_id, sku, asin, title, category, price_minor, unit_cost_minor, currency, weight_grams, updated_at)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRun = raw.prepare(`insert into import_runs (id, account_id, file_name, sha256, report_type, encoding, marketplace_code, started_at, finished_at)
    values (1, 1, 'bench', 'bench', 'mfn-returns', 'utf-8', 'US', ?, ?)`);
  const insertCase = raw.prepare(`insert into return_cases (id, account_id, natural_key, marketplace_code, channel, order_id, sku, asin, status, quantity,
    reason_raw, reason_code, reason_status, reason_category, fault, product_signal, requested_at, received_at, refunded_at, amazon_rma_id,
    tracking_id, disposition, refunded_minor, currency, version, created_at, updated_at)
    values (?, 1, ?, ?, 'MFN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, 1, ?, ?)`);
  const insertMfn = raw.prepare(`insert into mfn_returns (id, account_id, natural_key, import_run_id, line, marketplace_code, case_id, order_id, order_date,
    return_request_date, return_request_status, amazon_rma_id, label_type, currency, label_paid_by, is_prime, asin, sku, item_name, return_quantity,
    return_reason, in_policy, return_type, resolution, order_amount_minor, order_quantity, refunded_amount_minor)
    values (?, 1, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'AmazonUnPaidLabel', ?, 'Seller', ?, ?, ?, ?, ?, ?, ?, 'C-Returns', 'StandardRefund', ?, ?, ?)`);
  const insertOutcome = raw.prepare(`insert into case_outcomes (account_id, case_id, outcome, step, grade, sku, product_category, reason_category, recorded_at)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const productOf = new Map<string, { category: string; price: number }>();
  let products = 0;
  let outcomes = 0;
  const start = Date.UTC(2025, 0, 1);
  const span = 730 * 86_400_000;
  raw.transaction(() => {
    insertRun.run(now, now);
    for (const market of markets) {
      for (let n = 0; n < skusPerMarket; n++) {
        const sku = `${market.code}-SKU-${String(n).padStart(5, '0')}`;
        if (n % 13 === 0) continue;
        const category = pick(productCategories);
        const price = market.minPrice + Math.floor(next() * (market.maxPrice - market.minPrice));
        productOf.set(sku, { category, price });
        insertProduct.run(sku, `B0${String(n).padStart(8, '0')}`, `Product ${sku}`, next() < 0.95 ? category : null, price,
          Math.floor(price * 0.4), market.currency, next() < 0.9 ? 80 + Math.floor(next() * 12_000) : null, now);
        products += 1;
      }
    }
    for (let id = 1; id <= cases; id++) {
      const market = id % 997 === 0 ? { code: 'CA' as MarketplaceCode, currency: 'CAD', minPrice: 999, maxPrice: 9999, share: 0 } : pickMarket(next());
      const sku = `${market.code}-SKU-${String(Math.floor(next() * skusPerMarket)).padStart(5, '0')}`;
      const product = productOf.get(sku);
      const cell = pick(reasonCells);
      const reason = classifyReason(cell);
      const status = pick(caseStatuses);
      const quantity = 1 + Math.floor(next() * next() * 3);
      const requested = start + Math.floor(next() * span);
      const requestedAt = new Date(requested).toISOString();
      const received = status === 'received' || status === 'inspected' || status === 'refunded' || status === 'closed'
        ? new Date(requested + 6 * 86_400_000).toISOString() : null;
      const orderId = `11${id % 5}-${String(id).padStart(7, '0')}-${String(Math.floor(next() * 1e7)).padStart(7, '0')}`;
      const naturalKey = `${orderId}\t${sku}`;
      const rma = `D${String(id).padStart(10, '0')}`;
      const unit = product !== undefined && next() < 0.7 ? product.price : market.minPrice + Math.floor(next() * (market.maxPrice - market.minPrice));
      const orderQuantity = quantity + (next() < 0.1 ? 1 : 0);
      // 3% of the report rows carry no order amount: the price then comes from the product sheet, or the case is skipped.
      const orderAmount = next() < 0.03 ? null : unit * orderQuantity;
      const inPolicyRoll = next();
      const inPolicy = inPolicyRoll < 0.75 ? 1 : inPolicyRoll < 0.92 ? 0 : null;
      const refunded = status === 'refunded' || status === 'returnless_refunded' ? unit * quantity : null;
      insertCase.run(id, naturalKey, market.code, orderId, sku, `B0${sku.slice(-5)}XY`, status, quantity,
        reason.raw, reason.code, reason.status, reason.category, reason.fault, reason.productSignal ? 1 : 0,
        requestedAt, received, refunded === null ? null : received ?? requestedAt, rma, refunded, refunded === null ? null : market.currency, now, now);
      insertMfn.run(id, `${rma}\t${sku}`, id + 1, market.code, id, orderId, new Date(requested - 5 * 86_400_000).toISOString(),
        requestedAt, status === 'requested' ? 'Pending' : 'Approved', rma, market.currency, next() < 0.6 ? 1 : 0,
        `B0${sku.slice(-5)}XY`, sku, `Product ${sku}`, quantity, cell, inPolicy, orderAmount, orderAmount === null ? null : orderQuantity, refunded);
      // Outcomes on about 0.6% of the cases (6,000 a million): offers answered and grades found.
      if (next() < 0.006) {
        const kind = next();
        const outcome = kind < 0.35 ? 'offer-accepted' : kind < 0.7 ? 'offer-declined' : 'graded';
        insertOutcome.run(id, outcome, outcome === 'graded' ? null : Math.floor(next() * 3), outcome === 'graded' ? pick(conditionGrades) : null,
          sku, product?.category ?? null, reason.category, now);
        outcomes += 1;
      }
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('analyze');
  raw.close();
  return { products, outcomes };
}

/** The backtest or its baseline, timed in a child process (`backtestRuns` runs). */
function repeat(mode: 'backtest' | 'baseline', path: string): Promise<Measured> {
  return repeatRuns(backtestRuns, () => runChild(root, self, mode, path));
}

// The backtest reads each MFN case with a request time, its latest MFN report row and its product.
const baselineQuery = sql<{ reason_category: string | null; currency: string | null; cases: number; amount: number | null; weight: number | null }>`
  select c.reason_category, m.currency, count(*) as cases, sum(m.order_amount_minor) as amount, sum(p.weight_grams) as weight
  from return_cases c
  left join mfn_returns m on m.id = (select max(l.id) from mfn_returns l where l.case_id = c.id)
  left join products p on p.account_id = c.account_id and p.sku = c.sku
  where c.account_id = 1 and c.channel = 'MFN' and c.requested_at is not null
  group by c.reason_category, m.currency`;

/** Child mode: opens the database as the CLI does, runs the backtest or the baseline query, prints one JSON line. */
async function child(mode: string, path: string): Promise<void> {
  const started = process.hrtime.bigint();
  const { database } = await openDatabase(path);
  let summary: string;
  try {
    if (mode === 'backtest') {
      const report = await backtestPolicy(database, 1, defaultPolicy);
      summary = `${report.decided} decided, ${report.skipped.count} skipped; ` + report.byCurrency
        .map((c) => `${c.currency} ${c.total.cases} cases, saved ${c.total.savedMinor}`).join('; ');
    } else {
      const { rows } = await baselineQuery.execute(database.db);
      summary = `${rows.reduce((n, r) => n + Number(r.cases), 0)} cases in ${rows.length} groups`;
    }
  } finally {
    await database.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, summary }));
}


async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });

  const { engine, baseline, recommended } = benchDecisions();
  const decideRatio = baseline.median / engine.median;
  const decisionsMet = engine.median >= decisionsTarget;
  console.log(`decideReturn: best ${fmt(engine.best)}/s, median ${fmt(engine.median)}/s (runs: ${engine.runs.map(fmt).join(', ')})`);
  console.log(`baseline: best ${fmt(baseline.best)}/s, median ${fmt(baseline.median)}/s; the engine costs ${decideRatio.toFixed(2)} × the baseline`);
  console.log(`target ${fmt(decisionsTarget)}/s: ${decisionsMet ? 'met' : 'NOT met'}; recommended: ${JSON.stringify(recommended)}`);

  const dbPath = join(out, `decide-${caseCount}.sqlite`);
  let built = '';
  if (reuseDb && existsSync(dbPath)) {
    console.log(`\nReusing ${dbPath}`);
    built = 'reused from an earlier run';
  } else {
    console.log(`\nWriting ${fmt(caseCount)} cases to ${dbPath} (not timed) ...`);
    const started = process.hrtime.bigint();
    const { products, outcomes } = await buildDatabase(dbPath, caseCount);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    built = `${fmt(caseCount)} cases with one MFN report row each, ${fmt(products)} products, ${fmt(outcomes)} outcomes, written in ${seconds.toFixed(1)} s`;
    console.log(built);
  }
  console.log(`Timing backtestPolicy, ${backtestRuns} run(s) ...`);
  const backtest = await repeat('backtest', dbPath);
  console.log(`backtest: ${backtest.seconds.toFixed(2)} s (process ${backtest.wallSeconds.toFixed(2)} s), peak RSS ${mb(backtest.maxRssKb)}; ${backtest.summary}`);
  console.log('Timing the SQL baseline ...');
  const sqlBaseline = await repeat('baseline', dbPath);
  console.log(`SQL baseline: ${sqlBaseline.seconds.toFixed(2)} s (process ${sqlBaseline.wallSeconds.toFixed(2)} s), peak RSS ${mb(sqlBaseline.maxRssKb)}; ${sqlBaseline.summary}`);
  const backtestRatio = backtest.seconds / sqlBaseline.seconds;
  const backtestMet = backtest.seconds < backtestTargetSeconds;
  console.log(`ratio ${backtestRatio.toFixed(2)}; target under ${backtestTargetSeconds} s: ${backtestMet ? 'met' : 'NOT met'}`);

  const section = [
    `## Decisions: ${fmt(decisionCount)} decisions in process, backtest of ${fmt(caseCount)} cases on SQLite`,
    '',
    `${measuredBy('bench:decide')}.`,
    '',
    `**Decisions per second** (one core, \`decideReturn(input, defaultPolicy)\` over ${fmt(decisionCount)} prepared inputs: US/UK/DE/JP, ` +
    `every reason code of the catalog, quantities 1–3, 40% with learned odds; ${decisionRuns} runs after a warm-up). ` +
    'Baseline: pricing the naive option only (`authorizeComponents` + `sumComponents`, with the engine\'s odds lookup `oddsFor`) over the same inputs. ' +
    `Ratio = baseline rate / engine rate. Target at least ${fmt(decisionsTarget)}/s: **${decisionsMet ? 'met' : 'not met'}**.`,
    '',
    '| | best | median | baseline best | baseline median | ratio (median) |',
    '|---|---|---|---|---|---|',
    `| decisions/s | ${fmt(engine.best)} | ${fmt(engine.median)} | ${fmt(baseline.best)} | ${fmt(baseline.median)} | **${decideRatio.toFixed(2)}** |`,
    '',
    `**Backtest** (\`backtestPolicy(database, 1, defaultPolicy)\` end to end in a fresh process with the \`returndesk\` executable's V8 flags, ` +
    `opening the database included; median of ${backtestRuns} run(s)). Data: ${built}. ` +
    'Baseline: one SQL aggregate over the same rows and joins (each case, its latest MFN row, its product), grouped by reason category and currency, opened and timed the same way. ' +
    `Ratio = backtest time / baseline time. Target under ${backtestTargetSeconds} s: **${backtestMet ? 'met' : 'not met'}**.`,
    '',
    '| | time | peak RSS | baseline | baseline time | baseline peak RSS | time ratio |',
    '|---|---|---|---|---|---|---|',
    `| SQLite | ${backtest.seconds.toFixed(1)} s | ${mb(backtest.maxRssKb)} | SQL aggregate | ${sqlBaseline.seconds.toFixed(1)} s | ${mb(sqlBaseline.maxRssKb)} | **${backtestRatio.toFixed(2)}** |`,
    '',
    `Backtest result: ${backtest.summary}.`,
  ].join('\n');
  console.log(`\n${section}`);
  recordSection(root, 'decide', section);
}

// Only as the entry point: profiling scripts import buildInputs.
await runBenchmark(self, child, main);
