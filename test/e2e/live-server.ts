import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/http/server.js';
import { defaultEvidenceStoreConfig } from '../../src/services/evidence-store.js';
import { loadDemo } from '../../src/services/load-demo.js';
import { openDatabase } from '../../src/services/open-database.js';
import { addUser } from '../../src/services/users.js';
import { newSecretKey, parseSecretKey } from '../../src/services/secret-box.js';
import { startFakeSpApi } from '../fake-sp-api.js';
import type { FakeCredentials, FakeReport, FakeSpApi } from '../fake-sp-api.js';
import { e2eWebDirectory } from './web-directory.js';

// The real server on 127.0.0.1 (a free port), on a temporary SQLite database holding the demo seller's
// year, with one owner to log in as. It serves the built web/dist, as `returndesk serve` does.
// For the first run it starts as `returndesk serve` does on a new database: no users, no data, and a
// setup code (here a known one, where the real server prints a random one).

export const agent = { username: 'e2e-owner', password: 'e2e owner passphrase 1' };
/** A read-only user of account 1, made with `{ withViewer: true }`. */
export const viewer = { username: 'e2e-viewer', password: 'e2e viewer passphrase 1' };

/** The setup code of a server started with `{ firstRun: true }`. */
export const knownSetupCode = 'K7QM-3XPA-9RTD-HCWF';

export interface LiveServerOptions {
  /** A new instance: no users, no data, the known setup code. */
  firstRun?: boolean;
  /** Without the demo's data (the owner is still there); ignored with `firstRun`. */
  withoutDemo?: boolean;
  /** Also the `viewer` user (role viewer: may read, not import); ignored with `firstRun`. */
  withViewer?: boolean;
  /** A fake Amazon (test/fake-sp-api.ts) serving these reports, which the server's syncs talk to; and a secret key to store credentials with. */
  amazon?: { credentials: FakeCredentials; reports: Record<string, FakeReport> };
}

// The demo's year ends here and the server's clock stands here: the queue then holds overdue and
// later cases in two marketplaces (as the load-demo test's data), the same on every run.
const at = '2026-11-27T12:00:00.000Z';

export interface LiveServer {
  url: string;
  /** The fake Amazon of `{ amazon }`. */
  amazon?: FakeSpApi;
  close(): Promise<void>;
}

export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-e2e-'));
  const { database } = await openDatabase(join(dir, 'e2e.sqlite'));
  if (!options.firstRun) {
    if (!options.withoutDemo) await loadDemo(database, { dir: join(dir, 'demo'), seed: 42, endDate: new Date(at) });
    await addUser(database, { username: agent.username, password: agent.password, role: 'owner', accountId: 1 }, 'e2e', at);
    if (options.withViewer) await addUser(database, { username: viewer.username, password: viewer.password, role: 'viewer', accountId: 1 }, 'e2e', at);
  }
  const setupCode = options.firstRun ? knownSetupCode : undefined;
  const evidence = { ...defaultEvidenceStoreConfig, directory: join(dir, 'evidence') };
  const amazon = options.amazon && await startFakeSpApi(options.amazon);
  const app = await buildServer({
    database, logLevel: 'silent', scratchDirectory: dir, now: () => at, setupCode, evidence, webDirectory: e2eWebDirectory(),
    ...(amazon ? { spApiOrigin: amazon.origin, secretKey: parseSecretKey(newSecretKey()) } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, amazon,
    async close() {
      await app.close();
      await amazon?.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
