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
  /** The clock a document address's expiry is checked against. */
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

/**
 * The document's bytes. Its address is asked for right before the download and never kept; one whose
 * own expiry (its X-Amz-Date and X-Amz-Expires) is past or under half a minute away is asked for
 * again, never fetched; one the download still finds expired (403) is asked for again once.
 */
export async function downloadDocument(client: SpApiClient, documentId: string, options: FetchReportOptions): Promise<{ bytes: Buffer; charset: string | null }> {
  const now = options.now ?? Date.now;
  let refused = 0;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const document = await client.request<ReportDocument>({ operation: 'getReportDocument', method: 'GET', path: `${reportsPath}/documents/${encodeURIComponent(documentId)}` });
    const expiresAt = urlExpiresAt(document.url);
    if (expiresAt !== null && now() > expiresAt - 30_000) continue;
    const downloaded = await download(document);
    if (downloaded !== 'expired') return downloaded;
    if ((refused += 1) > 1) break;
  }
  throw new AmazonError(`The address of report document ${documentId} kept expiring before it could be fetched.`, 0, true);
}

/** When a pre-signed address stops working, from its own X-Amz-Date (20261128T060000Z) and X-Amz-Expires (seconds); null when it does not say. */
export function urlExpiresAt(url: string): number | null {
  const params = new URL(url).searchParams;
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(params.get('X-Amz-Date') ?? '');
  const seconds = Number(params.get('X-Amz-Expires'));
  if (!date || !Number.isFinite(seconds)) return null;
  const [, y, mo, d, h, mi, se] = date.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, se) + seconds * 1000;
}

// A download that stalls must not hold a sync (or a server's shutdown) for the network's own timeout.
const downloadTimeoutMs = 120_000;

async function download(document: ReportDocument): Promise<{ bytes: Buffer; charset: string | null } | 'expired'> {
  // Never the address in a message: it is a bearer credential until it expires.
  const failed = (why: string, status = 0) => new AmazonError(`Report document ${document.reportDocumentId} could not be downloaded (${why}).`, status, true);
  let response: Response;
  try {
    response = await fetch(document.url, { signal: AbortSignal.timeout(downloadTimeoutMs) });
  } catch (error) {
    throw failed((error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message);
  }
  if (response.status === 403) return 'expired';
  if (!response.ok) throw failed(String(response.status), response.status);
  try {
    const raw = Buffer.from(await response.arrayBuffer());
    const bytes = document.compressionAlgorithm === 'GZIP' ? gunzipSync(raw) : raw;
    return { bytes, charset: charsetOf(response.headers.get('content-type')) };
  } catch (error) {
    // A connection cut mid-body, or a gzip stream that does not end: worth another try later.
    throw failed((error as Error).message);
  }
}

/** `text/plain; charset=Shift_JIS` → `Shift_JIS`; none declared → null (the importer detects it). */
export function charsetOf(contentType: string | null): string | null {
  const match = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]! : null;
}
