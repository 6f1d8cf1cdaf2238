import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAmazonError } from '../connectors/sp-api/amazon-error.js';
import { amazonEndpoints, endpointsAt } from '../connectors/sp-api/endpoints.js';
import type { SpApiEndpoints } from '../connectors/sp-api/endpoints.js';
import { downloadDocument, fetchReport, listDoneReports } from '../connectors/sp-api/reports.js';
import type { FetchReportOptions } from '../connectors/sp-api/reports.js';
import { SpApiClient } from '../connectors/sp-api/sp-api-client.js';
import type { SpApiClientOptions } from '../connectors/sp-api/sp-api-client.js';
import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { ReportType } from '../domain/report-records.js';
import { normalizeEncodingName } from '../importers/decode.js';
import { listSyncStates, releaseSyncLease, saveSyncState, takeSyncLease } from '../storage/amazon-connection-repository.js';
import type { StoredSyncState } from '../storage/amazon-connection-repository.js';
import { amazonConnectionOf, amazonCredentialsOf } from './amazon-connection.js';
import type { AmazonConnection, AmazonCredentials } from './amazon-connection.js';
import { importReportFile } from './import-reports.js';
import type { Database } from './open-database.js';
import type { SecretBox } from './secret-box.js';

// Pulls the account's reports from the Selling Partner API into the same importers a manual upload
// uses (docs/amazon-connection.md). Per report type and marketplace it remembers how far it fetched,
// and starts the next run a few days before that: windows overlap on purpose, because the importers
// are idempotent (a row seen twice is "unchanged") and Amazon adds late rows to recent days.

/**
 * The report types synced, and Amazon's name for each (reference §2). Most are requested for a range
 * (createReport); settlements are made by Amazon on its own schedule and only listed (`scheduled`).
 */
export const syncedReports: readonly { readonly type: ReportType; readonly amazonType: string; readonly scheduled?: true; readonly fba?: true }[] = [
  { type: 'fba-returns', amazonType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', fba: true },
  { type: 'mfn-returns', amazonType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE' },
  { type: 'all-orders', amazonType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL' },
  { type: 'reimbursements', amazonType: 'GET_FBA_REIMBURSEMENTS_DATA', fba: true },
  { type: 'removals', amazonType: 'GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA', fba: true },
  { type: 'settlement', amazonType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', scheduled: true },
];

const dayMs = 86_400_000;

/** Amazon's hosts, or every call at one origin (RETURNDESK_SP_API_URL: a test double, a proxy). */
export function amazonEndpointsOf(origin: string | null): SpApiEndpoints {
  return origin === null ? amazonEndpoints : endpointsAt(origin);
}

export interface ReportSyncStatus {
  readonly reportType: string;
  readonly marketplace: string;
  readonly fetchedThrough: string | null;
  readonly lastRunAt: string | null;
  readonly lastOutcome: string | null;
  readonly lastError: string | null;
  readonly lastImportRunId: number | null;
}

/** The connection (no secrets) and how far each report type was fetched, per marketplace. */
export async function amazonSyncStatusOf(database: Database, accountId: number): Promise<{ connection: AmazonConnection | null; reports: ReportSyncStatus[] }> {
  const connection = await amazonConnectionOf(database, accountId);
  const reports = (await listSyncStates(database.db, accountId)).map((s) => ({
    reportType: s.report_type, marketplace: s.marketplace, fetchedThrough: s.fetched_through, lastRunAt: s.last_run_at,
    lastOutcome: s.last_outcome, lastError: s.last_error, lastImportRunId: s.last_import_run_id,
  }));
  return { connection, reports };
}

export interface SyncOptions {
  readonly box: SecretBox;
  readonly endpoints: SpApiEndpoints;
  /** Where downloaded documents wait for their import (removed after). */
  readonly scratchDirectory: string;
  readonly now: () => string;
  /** Only these report types (default every synced one). */
  readonly reportTypes?: readonly ReportType[];
  /** Fetch from this instant instead of where the last run ended. */
  readonly since?: string;
  /** Who the lease and the audit log name: 'server', 'cli:<user>'. */
  readonly actor: string;
  /** Days per report request (default 30). */
  readonly windowDays?: number;
  /** Days each run goes back over what the last one fetched (default 3). */
  readonly overlapDays?: number;
  /** How far back a first run starts (default 60 days). */
  readonly firstLookbackDays?: number;
  readonly onProgress?: (event: SyncEvent) => void;
  /** Stops the run between windows (the server shutting down); a window under way ends as failed. */
  readonly signal?: AbortSignal;
  /** For tests: the client's sleep and backoff, the report polling. */
  readonly client?: Pick<SpApiClientOptions, 'sleep' | 'backoffMs' | 'attempts'>;
  readonly fetch?: FetchReportOptions;
}

export type WindowOutcome = 'imported' | 'no_data' | 'fatal' | 'failed';

export interface SyncEvent {
  readonly reportType: ReportType;
  readonly marketplace: string;
  readonly from: string;
  readonly to: string;
  readonly outcome: WindowOutcome | 'requesting';
  readonly importRunId?: number;
  readonly rows?: number;
  readonly message?: string;
}

export interface SyncResult {
  readonly accountId: number;
  /** False when another process holds the account's sync lease: nothing was fetched. */
  readonly ran: boolean;
  readonly windows: readonly SyncEvent[];
}

interface Target {
  readonly type: ReportType;
  readonly amazonType: string;
  readonly scheduled?: true;
  /**
   * An FBA report: Amazon makes one at most every 30 minutes to 4 hours (reference §3.1) and answers
   * CANCELLED to a request within that time, which looks like "no data". So a run asks for its whole
   * range at once, and a CANCELLED never moves its progress on: the next run asks again.
   */
  readonly fba?: true;
  readonly marketplace: string;
}

const leaseMs = 2 * 60 * 60_000;

/**
 * Syncs one account: takes its lease (or answers `ran: false`), fetches every report type for every
 * marketplace window by window, imports each document, and records after each window how far it got,
 * so a run cut short resumes where it stopped. A refused credential stops the run; any other failure
 * stops only its report type and marketplace, and is kept in the sync state.
 */
export async function syncAccount(database: Database, accountId: number, options: SyncOptions): Promise<SyncResult> {
  const credentials = await amazonCredentialsOf(database, accountId, options.box);
  const holder = `${options.actor}:${randomUUID()}`;
  if (!(await renewLease(database, accountId, holder, options.now()))) return { accountId, ran: false, windows: [] };
  const windows: SyncEvent[] = [];
  let directory: string | undefined;
  try {
    directory = await mkdtemp(join(options.scratchDirectory, 'amazon-sync-'));
    const client = new SpApiClient({ region: credentials.region, endpoints: options.endpoints, credentials, ...options.client });
    const states = new Map((await listSyncStates(database.db, accountId)).map((s) => [`${s.report_type}/${s.marketplace}`, s]));
    const stateOf = (t: Target) => states.get(`${t.type}/${t.marketplace}`);
    for (const target of targetsOf(credentials, options.reportTypes, stateOf)) {
      const done = await syncTarget(database, accountId, { client, target, state: stateOf(target), directory, holder, options }, windows);
      if (done === 'stop') break;
    }
    return { accountId, ran: true, windows };
  } finally {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
    await releaseSyncLease(database.db, accountId, holder);
  }
}

/**
 * What to fetch, the longest waiting first (never run, then the oldest last run): a target whose turn
 * was lost (Amazon's FBA regeneration limit, a failure) goes first next time.
 */
function targetsOf(credentials: AmazonCredentials, only: readonly ReportType[] | undefined, stateOf: (t: Target) => StoredSyncState | undefined): Target[] {
  const reports = syncedReports.filter((r) => only === undefined || only.includes(r.type));
  const targets: Target[] = reports.flatMap((r) => credentials.marketplaces.map((marketplace) => ({ ...r, marketplace })));
  const lastRun = (t: Target) => stateOf(t)?.last_run_at ?? '';
  return targets.map((t, index) => ({ t, index })).sort((a, b) => lastRun(a.t).localeCompare(lastRun(b.t)) || a.index - b.index).map(({ t }) => t);
}

async function renewLease(database: Database, accountId: number, holder: string, nowIso: string): Promise<boolean> {
  const expiresAt = new Date(Date.parse(nowIso) + leaseMs).toISOString();
  return database.transaction((tx) => takeSyncLease(tx, accountId, holder, nowIso, expiresAt));
}

/** The windows from where this target's fetching starts up to now, `windowDays` long at most. */
export function windowsOf(state: Pick<StoredSyncState, 'fetched_through'> | undefined, options: Pick<SyncOptions, 'since' | 'windowDays' | 'overlapDays' | 'firstLookbackDays'>, nowIso: string): { from: string; to: string }[] {
  const now = Date.parse(nowIso);
  const start = options.since !== undefined ? Date.parse(options.since)
    : state?.fetched_through ? Date.parse(state.fetched_through) - (options.overlapDays ?? 3) * dayMs
      : now - (options.firstLookbackDays ?? 60) * dayMs;
  const step = (options.windowDays ?? 30) * dayMs;
  const windows: { from: string; to: string }[] = [];
  for (let from = start; from < now; from += step) windows.push({ from: new Date(from).toISOString(), to: new Date(Math.min(from + step, now)).toISOString() });
  return windows;
}

/** Everything from where this target's fetching starts up to now, as one range (null: nothing to fetch). */
function wholeRange(state: Pick<StoredSyncState, 'fetched_through'> | undefined, options: SyncOptions): { from: string; to: string } | null {
  const now = options.now();
  return windowsOf(state, { ...options, windowDays: Number.POSITIVE_INFINITY }, now)[0] ?? null;
}

interface TargetRun {
  readonly client: SpApiClient;
  readonly target: Target;
  readonly state: StoredSyncState | undefined;
  readonly directory: string;
  readonly holder: string;
  readonly options: SyncOptions;
}

async function syncTarget(database: Database, accountId: number, run: TargetRun, windows: SyncEvent[]): Promise<'next' | 'stop'> {
  const { target, options } = run;
  const base = { reportType: target.type, marketplace: target.marketplace };
  let steps: Step[];
  try {
    steps = await stepsOf(run);
  } catch (error) {
    // The listing of scheduled reports failed: recorded like a failed window.
    const { event, stopRun } = failure({ ...base, from: wholeRange(run.state, options)?.from ?? options.now(), to: options.now() }, error);
    windows.push(event);
    options.onProgress?.(event);
    await recordWindow(database, accountId, target, run.state, event, options.now());
    return stopRun ? 'stop' : 'next';
  }
  let state = run.state;
  for (const step of steps) {
    // Renewed before every step, whatever the last one's outcome: a run that holds no lease stops.
    if (!(await renewLease(database, accountId, run.holder, options.now()))) return 'stop';
    options.onProgress?.({ ...base, from: step.from, to: step.to, outcome: 'requesting' });
    const { event, stopRun } = await syncStep(database, accountId, run, step).then((e) => ({ event: e, stopRun: false }), (error: unknown) => failure({ ...base, from: step.from, to: step.to }, error));
    windows.push(event);
    options.onProgress?.(event);
    state = await recordWindow(database, accountId, target, state, event, options.now());
    if (options.signal?.aborted || stopRun) return 'stop';
    if (event.outcome === 'failed' || event.outcome === 'fatal') return 'next';
  }
  return 'next';
}

function stepsOf(run: TargetRun): Promise<Step[]> | Step[] {
  if (run.target.scheduled) return scheduledSteps(run);
  // An FBA report's whole range in one request: two in a row would meet Amazon's regeneration limit.
  const ranges = run.target.fba ? [wholeRange(run.state, run.options)].filter((r) => r !== null) : windowsOf(run.state, run.options, run.options.now());
  return ranges.map((w) => ({ ...w, fetch: () => requestedDocument(run, w) }));
}

/** One report to import: the data range it covers, and how its document is had (or why there is none). */
interface Step {
  readonly from: string;
  readonly to: string;
  readonly fetch: () => Promise<Fetched>;
}

type Fetched = { readonly bytes: Buffer; readonly charset: string | null; readonly reportId: string } | { readonly outcome: 'no_data' } | { readonly outcome: 'fatal'; readonly message: string };

/** A requested report's document for the window (createReport, polled). */
async function requestedDocument(run: TargetRun, window: { from: string; to: string }): Promise<Fetched> {
  const marketplace = requireMarketplace(run.target.marketplace);
  const outcome = await fetchReport(run.client, { reportType: run.target.amazonType, marketplaceIds: [marketplace.id], dataStartTime: window.from, dataEndTime: window.to }, run.options.fetch);
  if (outcome.status === 'CANCELLED') return { outcome: 'no_data' };
  if (outcome.status === 'FATAL') return { outcome: 'fatal', message: `Amazon could not make report ${outcome.reportId}: ${outcome.detail}` };
  return { bytes: outcome.bytes, charset: outcome.charset, reportId: outcome.reportId };
}

/**
 * The reports Amazon made on its own schedule since the last run (less the overlap), oldest first:
 * each is one step, covering up to its creation time.
 */
async function scheduledSteps(run: TargetRun): Promise<Step[]> {
  const { options, target } = run;
  const window = wholeRange(run.state, options);
  if (window === null) return [];
  const marketplace = requireMarketplace(target.marketplace);
  const listed = await listDoneReports(run.client, { reportType: target.amazonType, marketplaceIds: [marketplace.id], createdSince: window.from });
  return listed.map((report) => ({
    from: window.from, to: report.createdTime,
    fetch: async () => ({ ...(await downloadDocument(run.client, report.reportDocumentId, options.fetch ?? {})), reportId: report.reportId }),
  }));
}

async function syncStep(database: Database, accountId: number, run: TargetRun, step: Step): Promise<SyncEvent> {
  const { target, options } = run;
  const base = { reportType: target.type, marketplace: target.marketplace, from: step.from, to: step.to };
  const fetched = await step.fetch();
  if ('outcome' in fetched) return { ...base, ...fetched };
  const fileName = `${target.amazonType}_${target.marketplace}_${step.from.slice(0, 10)}_${step.to.slice(0, 10)}.txt`;
  const path = join(run.directory, `${fetched.reportId}.txt`);
  await writeFile(path, fetched.bytes);
  const imported = await importReportFile(database, path, {
    accountId, type: target.type, marketplace: target.marketplace, encoding: knownEncoding(fetched.charset), fileName, actor: options.actor, now: options.now,
  });
  return { ...base, outcome: 'imported', importRunId: imported.importRunId, rows: imported.rows };
}

/** The charset the download declared, if the importers know it; else they detect the encoding themselves. */
function knownEncoding(charset: string | null): string | undefined {
  if (charset === null) return undefined;
  try {
    return normalizeEncodingName(charset);
  } catch {
    return undefined;
  }
}

/** A failed step as an event; `stopRun` when it would fail every other report alike (credentials Amazon refuses). */
function failure(base: Omit<SyncEvent, 'outcome'>, error: unknown): { event: SyncEvent; stopRun: boolean } {
  if (!isAmazonError(error) && !isDomainError(error)) throw error;
  const stopRun = isAmazonError(error) && error.refusedCredentials;
  return { event: { ...base, outcome: 'failed', message: error.message }, stopRun };
}

/** Saves the target's state after a step, from the state it had (read once per run), and answers the new one. */
async function recordWindow(database: Database, accountId: number, target: Target, state: StoredSyncState | undefined, event: SyncEvent, nowIso: string): Promise<StoredSyncState> {
  // An FBA report's CANCELLED may be Amazon's regeneration limit, not an empty range: asked again next run.
  const moved = event.outcome === 'imported' || (event.outcome === 'no_data' && !target.fba);
  const next: StoredSyncState = {
    account_id: accountId, report_type: target.type, marketplace: target.marketplace,
    fetched_through: moved ? event.to : state?.fetched_through ?? null, last_run_at: nowIso, last_outcome: event.outcome,
    last_error: moved ? null : event.message ?? null, last_import_run_id: event.importRunId ?? state?.last_import_run_id ?? null,
  };
  await saveSyncState(database.db, next);
  return next;
}
