import { gunzipSync } from 'node:zlib';
import { AmazonError } from './amazon-error.js';
import type { SpApiClient } from './sp-api-client.js';

// The Reports API 2021-06-30 flow (reference §3.1): create a report for a range, poll until it is
// done, cancelled (no data: not an error) or fatal, then fetch its document: a pre-signed address
// that expires after five minutes, whose bytes may be gzip-compressed and whose charset the download
// declares (Japanese reports come as Shift_JIS).

export interface ReportRequest {
  readonly reportType: string;
  readonly marketplaceIds: readonly string[];
  /** ISO-8601. */
  readonly dataStartTime: string;
  readonly dataEndTime: string;
}

export type ReportOutcome =
  | { readonly status: 'DONE'; readonly reportId: string; readonly bytes: Buffer; readonly charset: string | null }
  | { readonly status: 'CANCELLED'; readonly reportId: string }
  | { readonly status: 'FATAL'; readonly reportId: string; readonly detail: string };

export interface FetchReportOptions {
  /** Between two polls of a report not yet done (default 30 s). */
  readonly pollMs?: number;
  /** Polls before giving up on a report that stays in the queue (default 120: an hour at 30 s). */
  readonly maxPolls?: number;
  /** A document address older than this is asked for again, never fetched (default 4 min: Amazon's expire after 5). */
  readonly documentMaxAgeMs?: number;
  readonly now?: () => number;
}

interface ReportStatus {
  readonly reportId: string;
  readonly processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';
  readonly reportDocumentId?: string;
}

interface ReportDocument {
  readonly reportDocumentId: string;
  readonly url: string;
  readonly compressionAlgorithm?: 'GZIP';
}

const reportsPath = '/reports/2021-06-30';

/** Creates the report, waits for it, and answers its bytes (ungzipped) or why there are none. */
export async function fetchReport(client: SpApiClient, request: ReportRequest, options: FetchReportOptions = {}): Promise<ReportOutcome> {
  const { reportId } = await client.request<{ reportId: string }>({
    operation: 'createReport', method: 'POST', path: `${reportsPath}/reports`,
    body: { reportType: request.reportType, marketplaceIds: request.marketplaceIds, dataStartTime: request.dataStartTime, dataEndTime: request.dataEndTime },
  });
  const report = await waitForReport(client, reportId, options);
  if (report.processingStatus === 'CANCELLED') return { status: 'CANCELLED', reportId };
  if (report.processingStatus === 'FATAL') return { status: 'FATAL', reportId, detail: await fatalDetail(client, report, options) };
  if (!report.reportDocumentId) throw new AmazonError(`Report ${reportId} is DONE but names no document.`, 200, true);
  return { status: 'DONE', reportId, ...(await downloadDocument(client, report.reportDocumentId, options)) };
}

async function waitForReport(client: SpApiClient, reportId: string, options: FetchReportOptions): Promise<ReportStatus> {
  const maxPolls = options.maxPolls ?? 120;
  for (let poll = 1; ; poll += 1) {
    const report = await client.request<ReportStatus>({ operation: 'getReport', method: 'GET', path: `${reportsPath}/reports/${encodeURIComponent(reportId)}` });
    if (report.processingStatus === 'DONE' || report.processingStatus === 'CANCELLED' || report.processingStatus === 'FATAL') return report;
    if (poll >= maxPolls) throw new AmazonError(`Report ${reportId} was still ${report.processingStatus} after ${maxPolls} polls; the next sync asks again.`, 200, true);
    await client.sleep(options.pollMs ?? 30_000);
  }
}

/** A FATAL report may carry a document saying why; its first lines are kept, if it can be read. */
async function fatalDetail(client: SpApiClient, report: ReportStatus, options: FetchReportOptions): Promise<string> {
  if (!report.reportDocumentId) return 'Amazon gave no reason.';
  try {
    const { bytes } = await downloadDocument(client, report.reportDocumentId, options);
    return bytes.toString('utf8').slice(0, 500);
  } catch {
    return 'Amazon\'s explanation could not be read.';
  }
}

/** A report Amazon made on its own schedule (settlements), as `getReports` lists it. */
export interface ListedReport {
  readonly reportId: string;
  readonly reportDocumentId: string;
  readonly createdTime: string;
}

/**
 * The finished reports of a type created since an instant, oldest first, every page of the listing:
 * how reports Amazon schedules itself (settlements) are found, since they cannot be requested.
 */
export async function listDoneReports(client: SpApiClient, query: { reportType: string; marketplaceIds: readonly string[]; createdSince: string }): Promise<ListedReport[]> {
  const found: ListedReport[] = [];
  let nextToken: string | undefined;
  do {
    // Amazon takes nextToken alone: the first page's filters travel inside it.
    const params = nextToken !== undefined ? new URLSearchParams({ nextToken })
      : new URLSearchParams({ reportTypes: query.reportType, processingStatuses: 'DONE', marketplaceIds: query.marketplaceIds.join(','), createdSince: query.createdSince, pageSize: '100' });
    const page = await client.request<{ reports?: (ReportStatus & { createdTime: string })[]; nextToken?: string }>({ operation: 'getReports', method: 'GET', path: `${reportsPath}/reports?${params}` });
    for (const report of page.reports ?? []) {
      if (report.reportDocumentId) found.push({ reportId: report.reportId, reportDocumentId: report.reportDocumentId, createdTime: report.createdTime });
    }
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return found.sort((a, b) => a.createdTime.localeCompare(b.createdTime));
}

/** The document's bytes: its address asked for, used at once, asked for again if it aged past the limit before use. */
export async function downloadDocument(client: SpApiClient, documentId: string, options: FetchReportOptions): Promise<{ bytes: Buffer; charset: string | null }> {
  const now = options.now ?? Date.now;
  const maxAge = options.documentMaxAgeMs ?? 4 * 60_000;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const askedAt = now();
    const document = await client.request<ReportDocument>({ operation: 'getReportDocument', method: 'GET', path: `${reportsPath}/documents/${encodeURIComponent(documentId)}` });
    // The rate limit may have held the request: an address already too old is not fetched.
    if (now() - askedAt > maxAge) continue;
    return download(document);
  }
  throw new AmazonError(`The address of report document ${documentId} kept expiring before it could be fetched.`, 0, true);
}

async function download(document: ReportDocument): Promise<{ bytes: Buffer; charset: string | null }> {
  let response: Response;
  try {
    response = await fetch(document.url);
  } catch (error) {
    throw new AmazonError(`Report document ${document.reportDocumentId} could not be downloaded: ${(error as Error).message}`, 0, true);
  }
  // Never the address in a message: it is a bearer credential until it expires.
  if (!response.ok) throw new AmazonError(`Report document ${document.reportDocumentId} could not be downloaded (${response.status}).`, response.status, true);
  const raw = Buffer.from(await response.arrayBuffer());
  const bytes = document.compressionAlgorithm === 'GZIP' ? gunzipSync(raw) : raw;
  return { bytes, charset: charsetOf(response.headers.get('content-type')) };
}

/** `text/plain; charset=Shift_JIS` → `Shift_JIS`; none declared → null (the importer detects it). */
export function charsetOf(contentType: string | null): string | null {
  const match = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]! : null;
}
