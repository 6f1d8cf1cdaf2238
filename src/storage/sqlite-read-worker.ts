import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import type { CellValue, RowReader } from './dialect.js';

// SQLite reads on a second thread, with a read-only connection of its own, so that the next page of a
// long read is fetched while this thread works on the last one. better-sqlite3 runs a query on the
// calling thread: in npm run bench:reconcile, reading 4.5 M report rows was 35 s of a 55 to 65 s run.
// Each result crosses over as one JSON text that SQLite writes (json_group_array) and JSON.parse reads
// back: handing over the rows themselves (structured clone) cost the thread more than it saved
// (the same run took 66 s; with JSON, 39 s).
//
// The reads see the database as last committed. That is what a transaction's reads see too, as long
// as they read tables the transaction does not write: the transaction holds SQLite's write lock
// (BEGIN IMMEDIATE), so nothing else commits while it runs, and its own writes are elsewhere.

// Plain CommonJS run with `eval`: the worker needs no TypeScript loader, only the driver. A query's
// columns become one JSON array per row; json_group_array gives the rows in no set order, and JSON
// keeps integers, text and null as they are (the reads hold nothing else).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -32768');
} catch (error) {
  // A plain Error: the driver's own error class reaches the other thread without its message.
  throw new Error('Cannot open ' + workerData.path + ' to read: ' + (error && error.message));
}
const statements = new Map();
function prepare(sql) {
  const columns = db.prepare(sql).columns().map((c) => '"' + c.name.replace(/"/g, '""') + '"');
  if (new Set(columns).size !== columns.length) throw new Error('Columns of a read must have distinct names: ' + columns.join(', '));
  return db.prepare('select json_group_array(json_array(' + columns.join(', ') + ')) from (' + sql + ')').pluck(true);
}
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    parentPort.postMessage({ id, json: statement.get(...parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type Reply = { id: number; json: string } | { id: number; error: string };

/** A RowReader for SQLite file `path` whose queries run, in order, on a worker thread started on first use. */
export function createSqliteWorkerReader(path: string): RowReader & { close(): Promise<void> } {
  let worker: Worker | undefined;
  // Once the thread has stopped (it could not open the file, or it crashed), why: every read after fails with it.
  let stopped: Error | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (rows: CellValue[][]) => void; reject: (error: Error) => void }>();
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  const start = () => {
    const started = new Worker(workerSource, { eval: true, workerData: { path, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
    started.on('message', (reply: Reply) => {
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(JSON.parse(reply.json) as CellValue[][]);
    });
    started.on('error', (error: unknown) => stop(asError(error)));
    started.on('exit', () => stop(new Error('The SQLite read thread stopped')));
    return started;
  };
  return {
    arrays(query: CompiledQuery) {
      if (stopped) return Promise.reject(stopped);
      worker ??= start();
      const id = nextId++;
      const done = new Promise<CellValue[][]>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
      return done;
    },
    async close() {
      const running = worker;
      worker = undefined;
      stopped ??= new Error('The SQLite read thread was closed');
      if (running) await running.terminate();
    },
  };
}

/** What a thread's `error` event carries as an Error: a failure before its code ran arrives as a plain object. */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  const message = typeof value === 'object' && value !== null && 'message' in value ? String(value.message) : undefined;
  return new Error(`The SQLite read thread failed: ${message ?? inspect(value)}`);
}
