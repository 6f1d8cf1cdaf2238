import { z } from 'zod';
import { costComponents, recoveryComponents } from '../../domain/prevention/return-costs.js';
import { rateGroupings } from '../../domain/prevention/rate-groups.js';
import { reportLanguages } from '../../services/report-options.js';
import { tableFormats } from '../../services/table-export.js';

// Prevention reports and the fix log over HTTP (docs/api/analytics.md). A report's JSON is the
// document `returndesk report … --json` prints; `format=csv|xlsx` answers the table `--csv`/`--xlsx`
// writes, as a download. Months, days, groupings and languages are checked by the services, so a bad
// one gets the CLI's own message (naming its option: `--from`, `--as-of`…).

const option = (what: string) => z.string().max(40).optional().describe(what);
const format = z.enum(['json', ...tableFormats]).default('json').describe('json (default), or a download: csv (UTF-8 with BOM) or xlsx');

export const ratesQuery = z.object({
  from: option('First purchase month, YYYY-MM'), to: option('Last purchase month, YYYY-MM'),
  by: option(`One row per ${rateGroupings.join(', ')} (default sku)`), format,
}).strict();

export const costsQuery = z.object({ from: option('First month, YYYY-MM'), to: option('Last month, YYYY-MM (the headline month)'), format }).strict();

export const causesQuery = z.object({
  from: option('First purchase month, YYYY-MM'), to: option('Last purchase month, YYYY-MM'),
  limit: option('Problem SKUs to detail, 1 to 10000 (default 20)'), lang: option(`Language of causes and fixes in the table: ${reportLanguages.join(' or ')} (the JSON holds both)`),
  asOf: option('The day the fixes tried are judged on, YYYY-MM-DD (default today)'), format,
}).strict();

export const spikesQuery = z.object({ asOf: option('Judge the weeks as on this day, YYYY-MM-DD, not after today (default today)'), format }).strict();

export const fixListQuery = z.object({
  sku: z.string().min(1).max(200).optional(), asOf: option('Judge as on this day, YYYY-MM-DD (default today)'),
  limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0),
}).strict();

/** A listing change to record (`returndesk fix add`). */
export const fixBody = z.object({
  sku: z.string().min(1).max(200), changedOn: z.string().max(40).describe('The day the change went live, YYYY-MM-DD, not in the future'),
  what: z.string().max(500).describe('What changed: new size chart, photos, packaging…'), by: z.string().max(200).describe('Who made the change'),
  marketplace: z.string().max(10).optional().describe('Only this marketplace (default: every marketplace the SKU sells in)'),
}).strict();

// ---- replies --------------------------------------------------------------------------------------

const count = z.number().int();
const rateEstimate = { count, total: count, rate: z.number(), low: z.number(), high: z.number() };
const returnRate = z.object({ ...rateEstimate, smallSample: z.boolean() }).strict();
const unitsBy = z.record(z.string(), count);
const weekSpan = z.object({ from: z.string(), to: z.string() }).strict();
const counts = z.object({ returned: count, shipped: count }).strict();

export const ratesReply = z.object({
  by: z.enum(rateGroupings), returnsThrough: z.string().nullable(),
  rows: z.array(z.object({
    marketplaceCode: z.string(), sku: z.string(), asins: z.array(z.string()), month: z.string(), shipped: count, returned: count,
    provisional: z.boolean(), rate: returnRate.nullable(), problem: z.string().nullable(), byReason: unitsBy, byFault: unitsBy,
  }).strict()),
  withoutOrderLine: z.array(z.object({ marketplaceCode: z.string(), sku: z.string(), units: count }).strict()),
}).strict();

const componentAmounts = z.record(z.enum([...costComponents, ...recoveryComponents]), z.number().int());
const costTotal = z.object({ month: z.string().nullable(), currency: z.string(), components: componentAmounts, costMinor: z.number().int(), recoveredMinor: z.number().int() }).strict();

export const costsReply = z.object({
  rows: z.array(z.object({
    marketplaceCode: z.string(), sku: z.string(), currency: z.string(), month: z.string(), components: componentAmounts, costMinor: z.number().int(), recoveredMinor: z.number().int(),
  }).strict()),
  totals: z.array(costTotal), currencyTotals: z.array(costTotal),
  headline: z.array(z.object({ month: z.string(), currency: z.string(), costMinor: z.number().int(), recoveredMinor: z.number().int() }).strict()),
  notes: z.record(z.enum([...costComponents, ...recoveryComponents]), z.string()),
}).strict();

const fixVerdict = z.object({
  before: returnRate, after: returnRate, difference: z.number(), low: z.number(), high: z.number(), verdict: z.enum(['helped', 'worse', 'unclear', 'too_few']),
}).strict();

export const fixResultReply = z.object({
  fix: z.object({
    id: z.number().int(), accountId: z.number().int(), sku: z.string(), marketplaceCode: z.string().nullable(), changedOn: z.string(), what: z.string(),
    recordedBy: z.string(), recordedAt: z.string(),
  }).strict(),
  before: weekSpan, after: weekSpan, weeksAfter: count, windowWeeks: count, verdict: fixVerdict.nullable(), problem: z.string().nullable(),
}).strict();

export const fixListReply = z.object({ items: z.array(fixResultReply), total: count, limit: count, offset: count }).strict();
export const recordedFixReply = fixResultReply.shape.fix;

const text = z.object({ en: z.string(), zh: z.string() }).strict();
const paretoBar = z.object({ reason: z.string(), units: count, share: z.number(), cumulative: z.number() }).strict();
const rootCause = z.object({
  id: z.string(), reasonCategories: z.array(z.string()), title: text, fixable: z.enum(['listing', 'product', 'packaging', 'logistics', 'none']),
  fixes: z.array(z.object({ id: z.string(), title: text, detail: text }).strict()),
}).strict();

const problemSku = z.object({
  marketplaceCode: z.string(), sku: z.string(), shipped: count, returned: count, rate: returnRate, marketplaceRate: z.number(), excessUnits: z.number(),
  pareto: z.array(paretoBar), dominant: z.object({ cause: rootCause, units: count, share: z.number() }).strict().nullable(), cause: rootCause.nullable(),
  terms: z.array(z.object({
    term: z.string(), comments: count, otherComments: count, z: z.number(), commentIds: z.array(count),
    examples: z.array(z.object({ orderId: z.string(), returnDate: z.string(), text: z.string() }).strict()),
  }).strict()),
  fixes: z.array(fixResultReply),
}).strict();

const returnsFeeFlag = z.object({
  marketplaceCode: z.string(), sku: z.string(), category: z.string(), month: z.string(), shipped: count, returned: count, rate: z.number(), provisional: z.boolean(),
  threshold: z.object({ effectiveFrom: z.string(), effectiveTo: z.string().optional(), source: z.string(), category: z.string(), thresholdBps: count }).strict(),
  excessUnits: count, exposure: z.object({ amountMinor: z.number().int(), currency: z.string() }).strict().nullable(),
}).strict();

export const causesReply = z.object({
  from: z.string().nullable(), to: z.string().nullable(),
  marketplaces: z.array(z.object({ marketplaceCode: z.string(), shipped: count, returned: count, rate: z.number(), pareto: z.array(paretoBar) }).strict()),
  problems: z.array(problemSku), moreProblems: count,
  returnsFee: z.object({
    flags: z.array(returnsFeeFlag),
    unchecked: z.array(z.object({ marketplaceCode: z.string(), sku: z.string(), category: z.string().nullable() }).strict()),
  }).strict(),
}).strict();

export const spikesReply = z.object({
  asOf: z.string(), returnsThrough: z.string().nullable(), judgedOn: z.string(), recent: weekSpan, baseline: weekSpan, followUpWeeks: count,
  rows: z.array(z.object({
    marketplaceCode: z.string(), sku: z.string(), recent: returnRate, baseline: returnRate, z: z.number(), verdict: z.enum(['spike', 'steady', 'too_few']),
  }).strict()),
  problems: z.array(z.object({ marketplaceCode: z.string(), sku: z.string(), recent: counts, baseline: counts }).strict()),
}).strict();
