import { z } from 'zod';
import { reportTypes } from '../../domain/report-records.js';
import type { FileOutcome } from '../../services/import-files.js';
import type { ImportRun } from '../../services/list-imports.js';

/** The form fields beside the files, as `returndesk import` takes them (--type, --encoding, --marketplace). */
export const importFields = z.object({
  type: z.enum(reportTypes, { error: `type must be one of: ${reportTypes.join(', ')}` }).optional(),
  encoding: z.string().min(1).max(40).optional(),
  marketplace: z.string().min(2).max(40).optional(),
}).strict();
export type ImportFields = z.infer<typeof importFields>;

/** The multipart form, for the OpenAPI document (the handler streams the parts itself). */
export const importForm = importFields.extend({
  files: z.array(z.string().meta({ format: 'binary' })).min(1).describe('One or more report files (tab-delimited as Amazon delivers them) or product sheets (CSV/XLSX)'),
});

export const importListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Runs are listed from the latest: an account makes a few a day, so this reaches years back.
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
}).strict();

const importRunReply = z.object({
  id: z.number().int(), fileName: z.string(), sha256: z.string(), reportType: z.string(), encoding: z.string(), marketplace: z.string(),
  rows: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(),
  skipped: z.number().int(), unmapped: z.number().int(), startedAt: z.string(), finishedAt: z.string().nullable(),
}).strict();
type ImportRunResponse = z.infer<typeof importRunReply>;

export const importListReply = z.object({ items: z.array(importRunReply), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).strict();

/** `{}` loads the demo with the CLI's default seed; the body is required so an empty POST loads nothing. */
export const demoBody = z.object({ seed: z.number().int().min(0).max(2_147_483_647).default(42) }).strict();

const rowErrorReply = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() }).strict();

/** One file's result, as `returndesk import --json` prints it; `errors` are the rejected rows. */
const importedFileReply = z.object({
  file: z.string(), reportType: z.enum(reportTypes), encoding: z.string(), marketplace: z.string(),
  rows: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(),
  skipped: z.number().int(), unmapped: z.number().int(), unmappedCodes: z.array(z.string()),
  errors: z.array(rowErrorReply), errorsTruncated: z.boolean(), importRunId: z.number().int(), sha256: z.string(),
}).strict();

/** A file refused as a whole: nothing of it was written. */
const refusedFileReply = z.object({ file: z.string(), error: z.object({ code: z.string(), message: z.string() }).strict() }).strict();

export const fileOutcomeReply = z.union([importedFileReply, refusedFileReply]);
export type FileOutcomeResponse = z.infer<typeof fileOutcomeReply>;

export const importSummaryReply = z.object({ files: z.array(fileOutcomeReply) }).strict();
export type ImportSummaryResponse = z.infer<typeof importSummaryReply>;

/** The lines of `Accept: application/x-ndjson`: received per file, progress, a result per file, then a summary (or an error). */
export const importEvent = z.union([
  z.object({ type: z.literal('received'), file: z.string(), bytes: z.number().int() }).strict(),
  z.object({ type: z.literal('progress'), file: z.string(), bytesRead: z.number().int(), size: z.number().int(), rows: z.number().int() }).strict(),
  importedFileReply.extend({ type: z.literal('result') }).strict(),
  refusedFileReply.extend({ type: z.literal('result') }).strict(),
  importSummaryReply.extend({ type: z.literal('summary') }).strict(),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }).strict() }).strict(),
]);
export type ImportEvent = z.infer<typeof importEvent>;

/** An outcome under the name the client knows the file by (never a path on the server). */
export function toFileOutcomeResponse(outcome: FileOutcome, file: string): FileOutcomeResponse {
  if ('error' in outcome) return { file, error: { code: outcome.error.code, message: outcome.error.message } };
  const { reportType, encoding, marketplace, rows, inserted, updated, unchanged, rejected, skipped, unmapped, unmappedCodes, errorsTruncated, importRunId, sha256 } = outcome;
  return {
    file, reportType, encoding, marketplace, rows, inserted, updated, unchanged, rejected, skipped, unmapped, unmappedCodes,
    errors: outcome.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })), errorsTruncated, importRunId, sha256,
  };
}

export function toImportRunResponse(run: ImportRun): ImportRunResponse {
  const { id, fileName, sha256, reportType, encoding, marketplaceCode, rows, inserted, updated, unchanged, rejected, skipped, unmapped, startedAt, finishedAt } = run;
  return { id, fileName, sha256, reportType, encoding, marketplace: marketplaceCode, rows, inserted, updated, unchanged, rejected, skipped, unmapped, startedAt, finishedAt };
}
