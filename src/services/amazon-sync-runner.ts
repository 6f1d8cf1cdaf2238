import { setTimeout as wait } from 'node:timers/promises';
import { AmazonError } from '../connectors/sp-api/amazon-error.js';
import type { SpApiEndpoints } from '../connectors/sp-api/endpoints.js';
import { listConnectedAccountIds } from '../storage/amazon-connection-repository.js';
import { syncAccount } from './amazon-sync.js';
import type { SyncResult } from './amazon-sync.js';
import type { Database } from './open-database.js';
import type { SecretBox } from './secret-box.js';

// The server's syncs (docs/amazon-connection.md): every connected account every few hours, and one
// account at once when a user asks. One run per account in this process; across processes the
// account's lease decides (syncAccount). Stopping aborts the runs between two windows or polls.

export interface SyncRunnerSettings {
  readonly box: SecretBox;
  readonly endpoints: SpApiEndpoints;
  readonly scratchDirectory: string;
  readonly now: () => string;
  /** Hours between scheduled runs; 0: only when asked. */
  readonly hours: number;
  /** Where a run's outcome is told (the server's log): counts and Amazon's reasons, never a secret. */
  readonly log: (level: 'info' | 'warn', message: string) => void;
}

export interface SyncRunner {
  /** Starts a run for the account unless one is under way in this process; says whether it started. */
  runNow(accountId: number): boolean;
  isRunning(accountId: number): boolean;
  /** The runs under way, to wait for (tests, shutdown). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export function createSyncRunner(database: Database, settings: SyncRunnerSettings): SyncRunner {
  const running = new Map<number, Promise<void>>();
  const stopping = new AbortController();
  // Aborted with the server: a run waiting out a poll or a backoff ends at once (no listener is left behind).
  const sleep = (ms: number) => wait(ms, undefined, { signal: stopping.signal }).catch(() => { throw stopped(); });
  const runNow = (accountId: number): boolean => {
    if (running.has(accountId) || stopping.signal.aborted) return false;
    const run = syncAccount(database, accountId, {
      box: settings.box, endpoints: settings.endpoints, scratchDirectory: settings.scratchDirectory, now: settings.now, actor: 'server',
      signal: stopping.signal, client: { sleep },
    }).then((result) => settings.log(hasFailures(result) ? 'warn' : 'info', summaryOf(result)))
      .catch((error: unknown) => settings.log('warn', `Amazon sync of seller account ${accountId} did not run: ${(error as Error).message}`))
      .finally(() => running.delete(accountId));
    running.set(accountId, run);
    return true;
  };
  const runAll = async () => {
    for (const accountId of await listConnectedAccountIds(database.db)) runNow(accountId);
  };
  const timer = settings.hours > 0 ? setInterval(() => void runAll().catch((error: unknown) => settings.log('warn', `Amazon sync schedule: ${(error as Error).message}`)), settings.hours * 3_600_000) : undefined;
  // A schedule never keeps the process alive by itself.
  timer?.unref();
  const settled = async () => { await Promise.all(running.values()); };
  return {
    runNow, settled,
    isRunning: (accountId) => running.has(accountId),
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await settled();
    },
  };
}

function stopped(): AmazonError {
  return new AmazonError('The sync was stopped: the server is shutting down.', 0, true);
}

function hasFailures(result: SyncResult): boolean {
  return result.windows.some((w) => w.outcome === 'failed' || w.outcome === 'fatal');
}

function summaryOf(result: SyncResult): string {
  if (!result.ran) return `Amazon sync of seller account ${result.accountId}: another process is syncing it.`;
  const counts = result.windows.map((w) => `${w.reportType} ${w.marketplace} ${w.from.slice(0, 10)}..${w.to.slice(0, 10)} ${w.outcome}${w.rows === undefined ? '' : ` (${w.rows} rows)`}${w.message ? `: ${w.message}` : ''}`);
  return `Amazon sync of seller account ${result.accountId}: ${counts.length === 0 ? 'nothing new to fetch' : counts.join('; ')}.`;
}
