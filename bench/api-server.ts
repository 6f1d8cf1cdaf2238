/**
 * A server for bench:api, run in a child process of its own (`node bin/run-ts.js bench/api-server.ts
 * MODE [DB]`), listening on 127.0.0.1 at a free port it prints as `{"port":N}`:
 * - `hello`: Fastify's own hello-world (one route answering {hello:'world'}), the baseline;
 * - `returndesk`: the ReturnDesk API on the SQLite file DB, as `returndesk serve` builds it, log level warn,
 *   without the answer checks of the tests;
 * - `bytes FILE`: Fastify answering every GET / with FILE's bytes as JSON from memory: the most any route
 *   answering that many bytes can do on this machine, with this load generator.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastify from 'fastify';
import { buildServer } from '../src/http/server.js';
import { defaultEvidenceStoreConfig } from '../src/services/evidence-store.js';
import { openDatabase } from '../src/services/open-database.js';

async function helloWorld() {
  const app = fastify();
  app.get('/', async () => ({ hello: 'world' }));
  return app;
}

async function sameBytes(file: string) {
  const body = readFileSync(file);
  const app = fastify();
  app.get('/', (_request, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
  return app;
}

async function returnDesk(path: string) {
  const { database } = await openDatabase(path);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-api-'));
  return buildServer({
    database, logLevel: 'warn', now: () => new Date().toISOString(),
    evidence: { ...defaultEvidenceStoreConfig, directory: join(scratch, 'evidence') }, scratchDirectory: scratch,
  });
}

const [mode, path] = process.argv.slice(2);
const app = mode === 'hello' ? await helloWorld() : mode === 'bytes' ? await sameBytes(path!) : await returnDesk(path!);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
