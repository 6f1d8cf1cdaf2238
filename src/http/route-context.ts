import type { SyncRunner } from '../services/amazon-sync-runner.js';
import type { EvidenceStoreConfig } from '../services/evidence-store.js';
import type { Database } from '../services/open-database.js';
import type { SecretBox } from '../services/secret-box.js';

/** What the routes of a server share: its database, its clock and where files go. */
export interface RouteContext {
  readonly database: Database;
  /** The clock of sessions, tokens and every change (tests fix it). */
  readonly now: () => string;
  /** Where inspection photos and videos are stored (docs/evidence.md). */
  readonly evidence: EvidenceStoreConfig;
  /** The marketplace of uploaded report files that do not name theirs (RETURNDESK_MARKETPLACE). */
  readonly defaultMarketplace: string;
  /** Where uploads and generated downloads are written while a request runs; removed after it. */
  readonly scratchDirectory: string;
  /** The Amazon connection's key box, the server's sync runner and its schedule (docs/amazon-connection.md). */
  readonly amazon: { readonly box: SecretBox; readonly runner: SyncRunner; readonly scheduleHours: number };
}
