import { DomainError } from '../domain/errors.js';
import type { ReportType } from '../domain/report-records.js';
import type { AnyReportSpec } from './report-spec.js';
import { fbaReturnsReport } from './reports/fba-returns.js';
import { mfnReturnsReport } from './reports/mfn-returns.js';
import { allOrdersReport } from './reports/all-orders.js';
import { reimbursementsReport } from './reports/reimbursements.js';
import { removalsReport } from './reports/removals.js';
import { settlementReport } from './reports/settlement.js';

export const reportSpecs: readonly AnyReportSpec[] = [
  fbaReturnsReport, mfnReturnsReport, allOrdersReport, reimbursementsReport, removalsReport, settlementReport,
] as unknown as AnyReportSpec[];

/** Amazon reports people download by mistake: named, so the message can say which one to fetch. */
const knownOtherReports: Array<{ columns: string[]; message: string }> = [
  { columns: ['shipment-date', 'carrier', 'tracking-number', 'removal-order-type'], message: 'This is the FBA removal *shipment* detail report. ReturnDesk imports the removal *order* detail report (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA).' },
  { columns: ['replacement-reason-code', 'original-amazon-order-id'], message: 'This is the FBA replacements report, which ReturnDesk does not import yet.' },
  { columns: ['eventtype', 'referenceid', 'reconciledquantity'], message: 'This is the inventory ledger report, which ReturnDesk does not import yet.' },
];

/** Applies a spec's aliases to a header index (an alias counts only when the canonical name is absent). */
export function resolveAliases(spec: AnyReportSpec, index: Map<string, number>): Map<string, number> {
  const resolved = new Map(index);
  for (const [alias, canonical] of Object.entries(spec.aliases ?? {})) {
    const at = index.get(alias);
    if (at !== undefined && !resolved.has(canonical)) resolved.set(canonical, at);
  }
  return resolved;
}

/**
 * True when a header carries at least half the required columns of some Amazon report: then it is
 * that report (perhaps incomplete), never the seller's product sheet.
 */
export function resemblesAmazonReport(index: Map<string, number>): boolean {
  return reportSpecs.some((spec) => missingColumns(spec, index).length <= spec.required.length / 2);
}

function missingColumns(spec: AnyReportSpec, index: Map<string, number>): string[] {
  const resolved = resolveAliases(spec, index);
  return spec.required.filter((c) => !resolved.has(c));
}

export function findReportSpec(type: ReportType): AnyReportSpec {
  const spec = reportSpecs.find((s) => s.type === type);
  if (!spec) throw new DomainError('invalid_input', `"${type}" is not an Amazon report type ReturnDesk reads.`, { type });
  return spec;
}

/**
 * Which report a header belongs to, by its column names (never their positions). With `forced`, the
 * header must carry that report's required columns. Unknown or incomplete headers are refused with
 * the columns that are missing, so the seller can fetch the right file.
 */
export function detectReportSpec(index: Map<string, number>, forced?: ReportType): AnyReportSpec {
  if (forced) {
    const spec = findReportSpec(forced);
    const missing = missingColumns(spec, index);
    if (missing.length > 0) throw missingColumnsError(spec, missing);
    return spec;
  }
  const complete = reportSpecs.filter((s) => missingColumns(s, index).length === 0);
  if (complete.length > 0) return complete.reduce((best, s) => (score(s, index) > score(best, index) ? s : best));
  const other = knownOtherReports.find((r) => r.columns.every((c) => index.has(c)));
  if (other) throw new DomainError('unreadable_file', other.message);
  const closest = reportSpecs
    .map((spec) => ({ spec, missing: missingColumns(spec, index) }))
    .filter((c) => c.missing.length < c.spec.required.length / 2)
    .sort((a, b) => a.missing.length - b.missing.length)[0];
  if (closest) throw missingColumnsError(closest.spec, closest.missing);
  const seen = [...index.keys()].slice(0, 6).join(', ') || '(nothing)';
  throw new DomainError('unreadable_file',
    `The file's header is not one of the Amazon reports ReturnDesk reads (it starts with: ${seen}). ` +
    `Expected a tab-delimited ${reportSpecs.map((s) => s.title).join(', ')} report, or a product sheet.`);
}

function score(spec: AnyReportSpec, index: Map<string, number>): number {
  return spec.required.length * 2 + spec.optional.filter((c) => index.has(c)).length;
}

function missingColumnsError(spec: AnyReportSpec, missing: string[]): DomainError {
  return new DomainError('unreadable_file',
    `This looks like the ${spec.title} report, but its header lacks the column(s) ${missing.join(', ')}. ` +
    `Download the report again from Seller Central or the SP-API; nothing was imported.`,
    { reportType: spec.type, missing });
}
