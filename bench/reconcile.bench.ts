/**
 * `npm run bench:reconcile`: claim reconciliation (issue 5) over BENCH_RETURNS returns and BENCH_ORDER_LINES
 * order lines on SQLite, against a baseline query measured in the same run.
 *
 * The data (written straight into a fresh database under bench/out, not timed; the schema comes from the
 * application's own migrations): All Orders lines over US/UK/DE/JP (75% of the orders FBA, `Amazon`
 * fulfilled, the rest `Merchant`), a return on BENCH_RETURNS of those lines spread at random, and for each
 * return the rows the reports would hold:
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
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { MarketplaceCode } from '../src/domain/marketplaces.js';
import { requireMarketplace } from '../src/domain/marketplaces.js';
import { openDatabase } from '../src/services/open-database.js';
import { reconcileClaims } from '../src/services/reconcile-claims.js';
import { formatCount as fmt, measuredBy, megabytes as mb, recordSection } from './results-file.js';
import { repeatRuns, runBenchmark, runChild } from './child-run.js';
import type { Measured } from './child-run.js';
// The demo's seeded generator: every run benchmarks the same data.
import { mulberry32 } from '../src/services/demo/prng.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const self = join(root, 'bench', 'reconcile.bench.ts');
const returnCount = Number(process.env.BENCH_RETURNS ?? 1_000_000);
const lineCount = Number(process.env.BENCH_ORDER_LINES ?? 5_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const reuseDb = process.env.BENCH_REUSE_DB === '1';

const targetSeconds = 60;
const targetRssMb = 1024;
/** The fixed "now" of the data and of the reconciliation. */
const nowIso = '2026-11-27T12:00:00.000Z';
const nowMs = Date.parse(nowIso);
const day = 86_400_000;


// The marketplaces the data is spread over, with a typical unit price range in minor units (JPY has none).
const markets: readonly { code: MarketplaceCode; minPrice: number; maxPrice: number; share: number; taxShare: number }[] = [
  { code: 'US', minPrice: 499, maxPrice: 29_999, share: 0.45, taxShare: 0.08 },
  { code: 'UK', minPrice: 399, maxPrice: 24_999, share: 0.2, taxShare: 0 },
  { code: 'DE', minPrice: 499, maxPrice: 27_999, share: 0.2, taxShare: 0 },
  { code: 'JP', minPrice: 500, maxPrice: 40_000, share: 0.15, taxShare: 0 },
];
const skusPerMarket = 2000;
const reportTypesUsed = ['all-orders', 'settlement', 'fba-returns', 'mfn-returns', 'reimbursements'] as const;

function pickMarketIndex(r: number): number {
  let acc = 0;
  for (let i = 0; i < markets.length; i++) {
    acc += markets[i]!.share;
    if (r < acc) return i;
  }
  return markets.length - 1;
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface BuildCounts {
  orders: number; orderLines: number; returns: number; fbaReturns: number; mfnReturns: number; cases: number;
  refundRows: number; duplicatedRefunds: number; fbaReturnRows: number; missingUnits: number; damagedRows: number; wrongUnitRows: number;
  reimbursements: number; reversals: number; mfnRows: number; amazonIssued: number; inspections: number;
}

/** Creates the schema with the application's own code, then writes the rows with plain prepared statements. */
async function buildDatabase(path: string): Promise<BuildCounts> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const { database } = await openDatabase(path);
  await database.close();

  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  const next = mulberry32(20261205);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  const insertRun = raw.prepare(`insert into import_runs (id, account_id, file_name, sha256, report_type, encoding, marketplace_code, started_at, finished_at)
    values (?, 1, ?, ?, ?, 'utf-8', ?, ?, ?)`);
  const insertOrder = raw.prepare(`insert into orders (account_id, natural_key, import_run_id, line, marketplace_code, amazon_order_id, merchant_order_id,
    purchase_date, last_updated_date, order_status, fulfillment_channel, sales_channel, product_name, sku, asin, item_status, quantity, currency,
    item_price_minor, item_tax_minor, shipping_price_minor, shipping_tax_minor, item_promotion_discount_minor, ship_promotion_discount_minor, ship_country, is_business_order)
    values (1, ?, ?, ?, ?, ?, null, ?, ?, 'Shipped', ?, ?, ?, ?, ?, 'Shipped', ?, ?, ?, ?, 0, 0, 0, 0, ?, 0)`);
  const insertRefund = raw.prepare(`insert into settlement_refunds (account_id, natural_key, import_run_id, line, marketplace_code, settlement_id, order_id,
    merchant_order_id, adjustment_id, marketplace_name, amount_type, amount_description, amount_minor, currency, posted_date, order_item_code,
    merchant_adjustment_item_id, sku, quantity_purchased)
    values (1, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insertCase = raw.prepare(`insert into return_cases (id, account_id, natural_key, marketplace_code, channel, order_id, sku, asin, status, quantity,
    reason_raw, reason_code, reason_status, reason_category, fault, product_signal, requested_at, received_at, refunded_at, amazon_rma_id,
    tracking_id, disposition, refunded_minor, currency, version, created_at, updated_at)
    values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'mapped', ?, ?, 0, ?, ?, ?, ?, null, ?, ?, ?, 1, ?, ?)`);
  const insertFbaReturn = raw.prepare(`insert into fba_returns (account_id, natural_key, import_run_id, line, marketplace_code, case_id, return_date, order_id,
    sku, asin, fnsku, product_name, quantity, fulfillment_center_id, detailed_disposition, reason, status, license_plate_number, customer_comments)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`);
  const insertReimbursement = raw.prepare(`insert into reimbursements (account_id, natural_key, import_run_id, line, marketplace_code, approval_date,
    reimbursement_id, case_id, amazon_order_id, reason, sku, fnsku, asin, product_name, condition, currency, amount_per_unit_minor, amount_total_minor,
    quantity_reimbursed_cash, quantity_reimbursed_inventory, quantity_reimbursed_total, original_reimbursement_id, original_reimbursement_type)
    values (1, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, 'NewItem', ?, ?, ?, ?, 0, ?, ?, ?)`);
  const insertMfn = raw.prepare(`insert into mfn_returns (account_id, natural_key, import_run_id, line, marketplace_code, case_id, order_id, order_date,
    return_request_date, return_request_status, amazon_rma_id, label_type, currency, label_paid_by, a_to_z_claim, is_prime, asin, sku, item_name,
    return_quantity, return_reason, in_policy, return_type, resolution, return_delivery_date, order_amount_minor, order_quantity, refunded_amount_minor)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AmazonUnPaidLabel', ?, 'Seller', 0, ?, ?, ?, ?, ?, ?, ?, 'C-Returns', ?, ?, ?, ?, ?)`);
  const insertReceipt = raw.prepare(`insert into case_receipts (id, account_id, case_id, received_at, received_by, outer_box, note, recorded_at)
    values (?, 1, ?, ?, 'bench', 'intact', null, ?)`);
  const insertInspection = raw.prepare(`insert into inspections (account_id, case_id, receipt_id, product_category, answers, grade, rule_id, condition_grade,
    inspected_by, inspected_at) values (1, ?, ?, null, '{}', ?, 'bench', ?, 'bench', ?)`);

  const counts: BuildCounts = {
    orders: 0, orderLines: 0, returns: 0, fbaReturns: 0, mfnReturns: 0, cases: 0, refundRows: 0, duplicatedRefunds: 0, fbaReturnRows: 0,
    missingUnits: 0, damagedRows: 0, wrongUnitRows: 0, reimbursements: 0, reversals: 0, mfnRows: 0, amazonIssued: 0, inspections: 0,
  };
  // One import run per report type and marketplace; each run numbers its lines from 2 (the header is line 1).
  const runIds = new Map<string, number>();
  const lines = new Map<number, number>();
  const runOf = (type: string, market: number) => runIds.get(`${type}|${market}`)!;
  const lineOf = (run: number) => {
    const line = (lines.get(run) ?? 1) + 1;
    lines.set(run, line);
    return line;
  };
  const skuOf = (market: number, n: number) => `${markets[market]!.code}-SKU-${pad(n, 5)}`;
  const asinOf = (market: number, n: number) => `B0${market}${pad(n, 7)}`;
  const fnskuOf = (market: number, n: number) => `X00${market}${pad(n, 6)}`;
  const priceOf = (market: number, n: number) => {
    const m = markets[market]!;
    return m.minPrice + ((n * 7919) % (m.maxPrice - m.minPrice));
  };
  const dispositions = [
    ['SELLABLE', 0.6], ['CUSTOMER_DAMAGED', 0.18], ['DEFECTIVE', 0.12], ['DAMAGED', 0.04], ['CARRIER_DAMAGED', 0.02], ['DISTRIBUTOR_DAMAGED', 0.02], ['EXPIRED', 0.02],
  ] as const;
  const pickDisposition = () => {
    let r = next();
    for (const [name, share] of dispositions) if ((r -= share) < 0) return name;
    return 'SELLABLE';
  };
  const grades = ['new', 'new', 'new', 'used_like_new', 'used_good', 'used_acceptable', 'unsellable_defective', 'unsellable_damaged', 'wrong_item', 'missing'];
  const conditionOf: Record<string, string> = {
    new: 'new', used_like_new: 'like_new', used_good: 'good', used_acceptable: 'acceptable', unsellable_defective: 'unsellable',
    unsellable_damaged: 'unsellable', wrong_item: 'unsellable', missing: 'unsellable',
  };

  let caseId = 0;
  let receiptId = 0;
  let adjustmentSeq = 0;
  let reimbursementSeq = 0;
  let plateSeq = 0;
  let rmaSeq = 0;
  let linesLeft = lineCount;
  let returnsLeft = returnCount;

  /** Settlement ids: one file per marketplace every 14 days. */
  const settlementOf = (market: number, atMs: number, shift = 0) => `${market + 1}${pad(Math.floor(atMs / (14 * day)) + shift, 9)}`;

  function writeRefund(market: number, orderId: string, sku: string, orderItemCode: string, units: number, principal: number, postedMs: number): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const marketplaceName = requireMarketplace(m.code).salesChannel;
    const adjustmentId = `${pad(++adjustmentSeq, 14)}`;
    const run = runOf('settlement', market);
    const posted = iso(postedMs);
    const rows: [string, string, number, number | null][] = [['ItemPrice', 'Principal', -principal, units]];
    if (m.taxShare > 0 && next() < 0.8) rows.push(['ItemPrice', 'Tax', -Math.round(principal * m.taxShare), units]);
    if (next() < 0.7) rows.push(['ItemFees', 'Commission', Math.round(principal * 0.15), units]);
    if (next() < 0.5) rows.push(['ItemFees', 'RefundCommission', -Math.round(principal * 0.03), units]);
    if (next() < 0.15) rows.push(['ItemPrice', 'Shipping', -between(299, 599), units]);
    const files = next() < 0.03 ? [0, 1] : [0];
    if (files.length > 1) counts.duplicatedRefunds += 1;
    for (const shift of files) {
      const settlementId = settlementOf(market, postedMs, shift);
      for (const [type, description, amount, quantity] of rows) {
        insertRefund.run(`${settlementId}\t${adjustmentId}\t${orderItemCode}\t${type}\t${description}\t0`, run, lineOf(run), m.code, settlementId, orderId,
          adjustmentId, marketplaceName, type, description, amount, currency, posted, orderItemCode, sku, quantity);
        counts.refundRows += 1;
      }
    }
  }

  function writeReimbursement(market: number, orderId: string, skuN: number, units: number, perUnit: number, approvedMs: number, reason: string): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const run = runOf('reimbursements', market);
    const id = `${pad(++reimbursementSeq, 10)}`;
    const sku = skuOf(market, skuN);
    insertReimbursement.run(`${id}\t${sku}`, run, lineOf(run), m.code, iso(approvedMs), id, orderId, reason, sku, fnskuOf(market, skuN), asinOf(market, skuN),
      `Product ${sku}`, currency, perUnit, perUnit * units, units, units, null, null);
    counts.reimbursements += 1;
    // 3% are reversed later (the unit was found, or the customer returned it late).
    if (next() < 0.03 && approvedMs + 20 * day < nowMs) {
      const reversal = `${pad(++reimbursementSeq, 10)}`;
      insertReimbursement.run(`${reversal}\t${sku}`, run, lineOf(run), m.code, iso(Math.min(nowMs - day, approvedMs + between(20, 60) * day)), reversal, orderId,
        'Reimbursement_Reversal', sku, fnskuOf(market, skuN), asinOf(market, skuN), `Product ${sku}`, currency, perUnit, -perUnit * units, -units, -units, id, reason);
      counts.reimbursements += 1;
      counts.reversals += 1;
    }
  }

  function writeFbaReturn(market: number, orderId: string, skuN: number, units: number, unitPrice: number, purchasedMs: number): void {
    const m = markets[market]!;
    const sku = skuOf(market, skuN);
    counts.fbaReturns += 1;
    // The customer's refund; 4% of the returns are not refunded (yet).
    const refundMs = Math.min(nowMs - day, purchasedMs + between(4, 40) * day + between(0, 86_399) * 1000);
    const refunded = next() < 0.96;
    const partial = refunded && next() < 0.02;
    const refundedUnits = units > 1 && next() < 0.2 ? 1 : units;
    if (refunded) {
      writeRefund(market, orderId, sku, `${pad(Number(orderId.slice(-7)), 7)}${pad(skuN, 7)}`, refundedUnits,
        partial ? Math.round(unitPrice * refundedUnits * 0.2) : unitPrice * refundedUnits, refundMs);
    }
    // 8% of the refunded units never come back to a fulfilment centre.
    const missing = refunded && !partial && next() < 0.08;
    if (missing) {
      counts.missingUnits += refundedUnits;
      // Amazon reimburses 40% of them on its own, 45 to 100 days after the refund (when that is before now).
      const approvedMs = refundMs + between(45, 100) * day;
      if (next() < 0.4 && approvedMs < nowMs) {
        const perUnit = next() < 0.1 ? Math.round(unitPrice * 0.5) : Math.round(unitPrice * (0.9 + next() * 0.1));
        writeReimbursement(market, orderId, skuN, refundedUnits, perUnit, approvedMs, 'CustomerReturn');
      }
      return;
    }
    const returnMs = Math.min(nowMs - 3_600_000, refundMs + between(-3, 12) * day);
    const disposition = pickDisposition();
    const wrong = next() < 0.005;
    const returnedSku = wrong ? (skuN + 1 + Math.floor(next() * 50)) % skusPerMarket : skuN;
    const id = ++caseId;
    insertCase.run(id, `${orderId}\t${sku}`, m.code, 'FBA', orderId, sku, asinOf(market, skuN), 'fba_received', refundedUnits,
      'DEFECTIVE', 'DEFECTIVE', 'product_quality', 'seller', iso(returnMs), iso(returnMs), null, null, disposition, null, null, nowIso, nowIso);
    counts.cases += 1;
    const run = runOf('fba-returns', market);
    const plate = `LPN${pad(++plateSeq, 9)}`;
    insertFbaReturn.run(`${orderId}\t${sku}\t${plate}`, run, lineOf(run), m.code, id, iso(returnMs), orderId, sku, asinOf(market, returnedSku),
      fnskuOf(market, returnedSku), `Product ${sku}`, refundedUnits, `FC${market}${between(1, 9)}`, disposition, 'DEFECTIVE', 'Unit returned to inventory', plate);
    counts.fbaReturnRows += 1;
    if (wrong) counts.wrongUnitRows += 1;
    if (disposition === 'DAMAGED' || disposition === 'CARRIER_DAMAGED') {
      counts.damagedRows += 1;
      // Half of the units Amazon damaged are reimbursed on its own.
      const approvedMs = returnMs + between(10, 60) * day;
      if (next() < 0.5 && approvedMs < nowMs) writeReimbursement(market, orderId, skuN, refundedUnits, Math.round(unitPrice * (0.85 + next() * 0.15)), approvedMs, 'Damaged_Warehouse');
    }
  }

  function writeMfnReturn(market: number, orderId: string, skuN: number, units: number, unitPrice: number, purchasedMs: number): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const sku = skuOf(market, skuN);
    counts.mfnReturns += 1;
    const requestMs = Math.min(nowMs - 2 * day, purchasedMs + between(3, 30) * day + between(0, 86_399) * 1000);
    const r = next();
    const resolution = r < 0.8 ? 'StandardRefund' : r < 0.92 ? 'RefundAtFirstScan' : r < 0.97 ? 'ReturnlessRefund' : 'CustomerServiceRefund';
    if (resolution !== 'StandardRefund') counts.amazonIssued += 1;
    const returnless = resolution === 'ReturnlessRefund';
    const delivered = !returnless && next() < 0.85;
    const deliveredMs = Math.min(nowMs - day, requestMs + between(3, 14) * day);
    const refunded = returnless || resolution !== 'StandardRefund' || (delivered && next() < 0.95);
    const refundMs = resolution === 'RefundAtFirstScan' ? Math.min(nowMs - day, requestMs + between(1, 4) * day)
      : returnless || resolution === 'CustomerServiceRefund' ? requestMs + day : Math.min(nowMs - 3_600_000, deliveredMs + between(0, 2) * day);
    const refundedMinor = refunded ? unitPrice * units : null;
    const rma = returnless ? '' : `D${pad(++rmaSeq, 10)}`;
    const id = ++caseId;
    const status = refunded ? (returnless ? 'returnless_refunded' : 'refunded') : delivered ? 'received' : 'in_transit';
    insertCase.run(id, `${orderId}\t${sku}`, m.code, 'MFN', orderId, sku, asinOf(market, skuN), status, units,
      'NOT_AS_DESCRIBED', 'NOT_AS_DESCRIBED', 'not_as_described', 'seller', iso(requestMs), delivered ? iso(deliveredMs) : null, refunded ? iso(refundMs) : null,
      rma || null, null, refundedMinor, refunded ? currency : null, nowIso, nowIso);
    counts.cases += 1;
    const run = runOf('mfn-returns', market);
    insertMfn.run(rma ? `rma\t${rma}\t${sku}` : `order\t${orderId}\t${sku}\t${iso(requestMs).slice(0, 10)}`, run, lineOf(run), m.code, id, orderId, iso(purchasedMs), iso(requestMs),
      'Approved', rma, currency, m.code === 'US' ? 1 : 0, asinOf(market, skuN), sku, `Product ${sku}`, units, 'NOT_AS_DESCRIBED', 1, resolution,
      delivered ? iso(deliveredMs) : null, unitPrice * units, units, refundedMinor);
    counts.mfnRows += 1;
    if (refunded) writeRefund(market, orderId, sku, `${pad(Number(orderId.slice(-7)), 7)}${pad(skuN, 7)}`, units, unitPrice * units, refundMs);
    // The seller inspects 30% of the parcels that came back.
    if (delivered && next() < 0.3) {
      const receipt = ++receiptId;
      const inspectedAt = iso(Math.min(nowMs - 3_600_000, deliveredMs + day));
      insertReceipt.run(receipt, id, iso(deliveredMs), iso(deliveredMs));
      const grade = grades[Math.floor(next() * grades.length)]!;
      insertInspection.run(id, receipt, grade, conditionOf[grade], inspectedAt);
      counts.inspections += 1;
    }
  }

  const writeOrders = raw.transaction((batch: number) => {
    let written = 0;
    while (linesLeft > 0 && written < batch) {
      const market = pickMarketIndex(next());
      const m = markets[market]!;
      const currency = requireMarketplace(m.code).currency;
      const salesChannel = requireMarketplace(m.code).salesChannel;
      const k = counts.orders++;
      // Unique per k (7,368,787 is prime to 10^7), and not in insertion order.
      const orderId = `${111 + (k % 9)}-${pad((k * 7_368_787) % 10_000_000, 7)}-${pad(Math.floor(next() * 1e7), 7)}`;
      const fba = next() < 0.75;
      const r = next();
      const lineTotal = Math.min(linesLeft, r < 0.72 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4);
      const purchasedMs = nowMs - between(5, 420) * day - between(0, 86_399) * 1000;
      const firstSku = Math.floor(next() * skusPerMarket);
      const run = runOf('all-orders', market);
      for (let j = 0; j < lineTotal; j++) {
        const skuN = (firstSku + j * 37) % skusPerMarket;
        const sku = skuOf(market, skuN);
        const qr = next();
        const quantity = qr < 0.85 ? 1 : qr < 0.97 ? 2 : 3;
        const unitPrice = priceOf(market, skuN);
        insertOrder.run(`${orderId}\t${sku}`, run, lineOf(run), m.code, orderId, iso(purchasedMs), iso(purchasedMs + day), fba ? 'Amazon' : 'Merchant',
          salesChannel, `Product ${sku}`, sku, asinOf(market, skuN), quantity, currency, unitPrice * quantity,
          m.taxShare > 0 ? Math.round(unitPrice * quantity * m.taxShare) : 0, m.code === 'UK' ? 'GB' : m.code);
        counts.orderLines += 1;
        // Returns spread at random over the lines, exactly BENCH_RETURNS of them (selection sampling).
        if (next() * linesLeft < returnsLeft) {
          returnsLeft -= 1;
          counts.returns += 1;
          if (fba) writeFbaReturn(market, orderId, skuN, quantity, unitPrice, purchasedMs);
          else writeMfnReturn(market, orderId, skuN, quantity, unitPrice, purchasedMs);
        }
        linesLeft -= 1;
        written += 1;
      }
    }
  });

  raw.transaction(() => {
    let id = 0;
    for (const type of reportTypesUsed) {
      for (let market = 0; market < markets.length; market++) {
        const code = markets[market]!.code;
        runIds.set(`${type}|${market}`, ++id);
        insertRun.run(id, `${type}-${code}.txt`, `bench-${type}-${code}`, type, code, nowIso, nowIso);
      }
    }
  })();
  const started = Date.now();
  while (linesLeft > 0) {
    writeOrders(250_000);
    const done = lineCount - linesLeft;
    console.log(`  ${fmt(done)} order lines, ${fmt(counts.returns)} returns, ${fmt(counts.refundRows)} refund rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('analyze');
  raw.close();
  return counts;
}

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
    const c = await buildDatabase(dbPath);
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
