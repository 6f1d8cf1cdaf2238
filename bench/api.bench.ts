/**
 * `npm run bench:api`: the HTTP API under load on a database of about 1,000,000 return cases (issue 7).
 *
 * The database (bench/api-database.ts) is built under bench/out with the application's migrations, or
 * reused with BENCH_REUSE_DB=1. The servers run in child processes of their own on 127.0.0.1 (with
 * the `returndesk` executable's V8 flags), autocannon in this process:
 * 1. Fastify's own hello-world (the baseline, measured in the same run);
 * 2. GET /api/accounts/1/queue (the first page, 50 cases with their recommendations);
 * 3. GET /api/accounts/1/returns/:id, random ids across the whole table;
 * each with BENCH_CONNECTIONS (50) connections for BENCH_SECONDS (15) seconds, after a short warm-up;
 * 4. a BENCH_MIXED_SECONDS (60) second mixed run: 40 connections reading (queue and detail, in turn)
 *    and 10 writing (GET a case of a pool of 200 open requests, then POST …/outcomes with its ETag as
 *    If-Match), counting 201s and 409s. Afterwards the database must show no lost update: as many new
 *    outcome rows as 201s, and every pool case's version moved on by exactly its new outcomes.
 * Targets: 2 and 3 at least 25% of the hello-world throughput, p99 under 50 ms, no errors; 4 no 5xx
 * and no lost update. Results go to stdout and bench/RESULTS.md (between the bench:api markers).
 *
 * Env: BENCH_CASES (default 1,000,000), BENCH_REUSE_DB=1, BENCH_SECONDS, BENCH_MIXED_SECONDS,
 * BENCH_CONNECTIONS, BENCH_PROFILE=1 (the ReturnDesk server writes a --cpu-prof profile to bench/out).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { benchToken, describeApiData, ensureApiDatabase } from './api-database.js';
import type { ApiBenchData } from './api-database.js';
import { load, seededIds, startServer } from './api-load.js';
import type { LoadFigures } from './api-load.js';
import { formatCount as fmt, measuredBy, recordSection } from './results-file.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const reuseDb = process.env.BENCH_REUSE_DB === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const mixedSeconds = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const profile = process.env.BENCH_PROFILE === '1';
const throughputTarget = 0.25;
const p99TargetMs = 50;

interface WriteTally { created: number; conflicts: number; other: Map<number, number> }
interface MixedResult { readers: LoadFigures; writers: LoadFigures; tally: WriteTally; check: LostUpdateCheck }
interface LostUpdateCheck { newOutcomes: number; casesTouched: number; versionMismatches: number }

function cpuModel(): string {
  return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU';
}

async function measureHello(): Promise<LoadFigures> {
  const server = await startServer(root, 'hello');
  try {
    await load('warm-up', server.url, connections, 3, {}, [{ method: 'GET', path: '/' }]);
    return await load('Fastify hello-world', server.url, connections, seconds, {}, [{ method: 'GET', path: '/' }]);
  } finally {
    await server.stop();
  }
}

function detailRequest(nextId: () => number) {
  return { method: 'GET', setupRequest: (request: { path?: string }) => ({ ...request, path: `/api/accounts/1/returns/${nextId()}` }) };
}

const queuePath = '/api/accounts/1/queue';
/** The first queue page as the API answered it, for the same-bytes run. */
const queuePageFile = join(out, 'queue-page.json');

/** Fastify answering the queue page's very bytes from memory: what any route answering them can reach here. */
async function measureSameBytes(): Promise<LoadFigures> {
  const server = await startServer(root, 'bytes', queuePageFile);
  try {
    await load('warm-up', server.url, connections, 3, {}, [{ method: 'GET', path: '/' }]);
    return await load(`Fastify answering the queue page's ${fmt(statSync(queuePageFile).size)} bytes from memory`, server.url, connections, seconds, {}, [{ method: 'GET', path: '/' }]);
  } finally {
    await server.stop();
  }
}

/** Versions and outcome counts of the pool's cases, read straight from the file. */
function poolState(path: string, pool: readonly number[]): Map<number, { version: number; outcomes: number }> {
  const raw = new BetterSqlite3(path, { readonly: true });
  const read = raw.prepare(`select version, (select count(*) from case_outcomes o where o.case_id = c.id) as outcomes from return_cases c where id = ?`);
  const state = new Map(pool.map((id) => [id, read.get(id) as { version: number; outcomes: number }]));
  raw.close();
  return state;
}

function writerRequests(pool: readonly number[], tally: WriteTally) {
  const pick = seededIds(7, pool.length);
  return [
    {
      method: 'GET',
      setupRequest: (request: { path?: string }, context: Record<string, unknown>) => {
        context.caseId = pool[pick() - 1];
        return { ...request, path: `/api/accounts/1/returns/${String(context.caseId)}` };
      },
      onResponse: (_status: number, _body: string, context: Record<string, unknown>, headers: Record<string, string>) => { context.etag = headers.etag; },
    },
    {
      method: 'POST',
      setupRequest: (request: { headers?: Record<string, string> }, context: Record<string, unknown>) => ({
        ...request, path: `/api/accounts/1/returns/${String(context.caseId)}/outcomes`,
        headers: { ...request.headers, 'content-type': 'application/json', 'if-match': String(context.etag) },
        body: JSON.stringify({ outcome: 'offer-declined', step: 1 }),
      }),
      onResponse: (status: number) => {
        if (status === 201) tally.created += 1;
        else if (status === 409) tally.conflicts += 1;
        else tally.other.set(status, (tally.other.get(status) ?? 0) + 1);
      },
    },
  ];
}

/** No lost update: one outcome row per 201, and each case's version moved on by exactly its new outcomes. */
function checkLostUpdates(path: string, before: Map<number, { version: number; outcomes: number }>): LostUpdateCheck {
  const after = poolState(path, [...before.keys()]);
  let newOutcomes = 0;
  let casesTouched = 0;
  let versionMismatches = 0;
  for (const [id, was] of before) {
    const now = after.get(id)!;
    const added = now.outcomes - was.outcomes;
    newOutcomes += added;
    if (added > 0) casesTouched += 1;
    if (now.version - was.version !== added) versionMismatches += 1;
  }
  return { newOutcomes, casesTouched, versionMismatches };
}

async function measureApi(path: string, data: ApiBenchData, token: string): Promise<{ queue: LoadFigures; detail: LoadFigures; mixed: MixedResult; firstQueueMs: number }> {
  const server = await startServer(root, 'returndesk', path, profile ? ['--cpu-prof', `--cpu-prof-dir=${out}`] : []);
  const headers = { authorization: `Bearer ${token}` };
  try {
    // The first read of the account builds its queue index: timed apart, once.
    const started = process.hrtime.bigint();
    const first = await fetch(server.url + queuePath, { headers });
    if (first.status !== 200) throw new Error(`The first queue read answered ${first.status}: ${await first.text()}`);
    const firstQueueMs = Number(process.hrtime.bigint() - started) / 1e6;
    writeFileSync(queuePageFile, Buffer.from(await first.arrayBuffer()));
    console.log(`First queue read (builds the index of ${fmt(data.queued)} cases): ${firstQueueMs.toFixed(0)} ms`);
    await load('warm-up', server.url, connections, 3, headers, [{ method: 'GET', path: queuePath }, detailRequest(seededIds(1, data.maxCaseId))]);
    const queue = await load('GET queue (first page)', server.url, connections, seconds, headers, [{ method: 'GET', path: queuePath }]);
    console.log(row(queue));
    const detail = await load('GET case detail (random id)', server.url, connections, seconds, headers, [detailRequest(seededIds(2, data.maxCaseId))]);
    console.log(row(detail));
    const before = poolState(path, data.writePool);
    const tally: WriteTally = { created: 0, conflicts: 0, other: new Map() };
    const [readers, writers] = await Promise.all([
      load('mixed: readers', server.url, connections - 10, mixedSeconds, headers, [{ method: 'GET', path: queuePath }, detailRequest(seededIds(3, data.maxCaseId))]),
      load('mixed: writers', server.url, 10, mixedSeconds, headers, writerRequests(data.writePool, tally)),
    ]);
    return { queue, detail, mixed: { readers, writers, tally, check: checkLostUpdates(path, before) }, firstQueueMs };
  } finally {
    await server.stop();
  }
}

const row = (f: LoadFigures, baseline?: LoadFigures) =>
  `| ${f.name} | ${f.connections} | ${f.seconds} s | ${fmt(f.requests)} | ${fmt(f.perSecond)} | ${f.p50} ms | ${f.p99} ms | ${f.errors} | ${f.non2xx} | ${baseline ? `${(100 * f.perSecond / baseline.perSecond).toFixed(0)}%` : '-'} |`;

// What profiling the server under load showed (--cpu-prof, BENCH_PROFILE=1), kept with the figures.
const findings = [
  '**Profile of the queue route** (`--cpu-prof` of the server under 50 connections):',
  '- before the queue index, a read decided all ~41,000 open cases (seconds per request); with it, an uncached page was 6.6 ms in process: counting the urgency ranges of the index (~3 ms), deciding the page\'s 50 cases with `decideFacts` (drafting and linting a buyer message each), and reading and hashing the policy twice;',
  '- now: counts by binary search over the due times cached per index generation, the engine alone for the page\'s cases, the policy\'s version read instead of the policy, one query to decide whether to fold, each marketplace\'s day end kept for the day, and a page reused while the index generation and every case\'s urgency are unchanged: 0.25 ms per cached page in process, from 0.44k to about 1k requests/s over HTTP;',
  '- since then: SQLite statements are cached per connection (`storage/statement-cache.ts`), transactions take turns on one kept writer connection instead of opening one each (`storage/write-queue.ts`), and the token, its user and their role are one query. In process (`app.inject`, 20,000 requests after 2,000 of warm-up) a case detail costs ~390 µs; its profile: 27% better-sqlite3 running the three queries (a random case of the 3 GB file is a cold page: the case row alone is 25–120 µs, the token 9–13 µs, the events 6–9 µs), 11% Kysely building and compiling them, 12% garbage collection, the rest Fastify, `light-my-request` and the hooks;',
  '- since then (2026-11-28): the hot reads (a token\'s grant, a case, its events, the queue\'s freshness) are built and compiled by Kysely once per database and run with fresh values (`storage/reused-query.ts`); a token\'s grant and the queue\'s freshness are kept until anything is committed to the database by any process (`services/kept-until-change.ts`, keyed by SQLite\'s `data_version` and this process\'s commits; PostgreSQL reads afresh); the queue page\'s items are kept as UTF-8 bytes (as a string of 50 KB with Chinese in it, V8 flattened, measured and encoded it on every answer: 28% of the route\'s time went to garbage collection). Case detail went from 3,315 to 4,200–6,400 requests/s, the queue from 2,735 to 3,000–3,600, in runs minutes apart;',
  '- **why the 25% target is still not met, and cannot be shown here**: (1) the baseline moves more than the gap: hello-world measured 22,000 and 40,800 requests/s in two runs ten minutes apart on this shared 2-core machine (the case detail 19% and 16% of them, at 4,242 and 6,447 requests/s); (2) the queue answers a 52 KB page, and Fastify answering those very bytes from memory with no work at all reached 15–30% of hello-world (the row above): autocannon spends 170–220 µs of CPU reading each such answer on the same two cores. The queue route reaches 45–59% of that ceiling. What is left in a case detail: three SQLite reads of a random case of a 3 GB file (cold pages), Fastify, and garbage collection; several server processes would compete with autocannon for the same two cores;',
  '- the mixed run was far slower than both read runs, for two causes found with a query log (Kysely `log`, 100 cycles of detail, outcome and queue read in process: 184 ms a cycle, now 44 ms): (1) the work queue decided its page from cases fetched by `id in (…)`, which SQLite answered by walking all 1,000,000 cases of the account through the new returns-list index (150 ms; now found by id, 0.2 ms); (2) after each write the next queue read reloaded the 41,000 due times its counts are made from (45 ms; now the database counts them from a covering index, 6 ms, and the due times are loaded once the index holds still). What is left per write: the urgency count, the outcome statistics read twice for the decision context (5 ms each), the fold and the page\'s decisions.',
];

const met = (ok: boolean) => (ok ? 'met' : '**not met**');

function verdicts(hello: LoadFigures, routes: readonly LoadFigures[], mixed: MixedResult, sameBytes: LoadFigures): string[] {
  const lines = routes.map((f) => `- ${f.name}: throughput ≥ 25% of hello-world ${met(f.perSecond >= throughputTarget * hello.perSecond)}, p99 < ${p99TargetMs} ms ${met(f.p99 < p99TargetMs)}, no errors ${met(f.errors === 0 && f.non2xx === 0)}`);
  const ceiling = sameBytes.perSecond / hello.perSecond;
  lines.push(`- the ceiling for the queue page: Fastify answering its bytes from memory, with no work at all, reaches ${(100 * ceiling).toFixed(0)}% of hello-world (the queue route ${(100 * routes[0]!.perSecond / sameBytes.perSecond).toFixed(0)}% of that)${ceiling < throughputTarget ? ': the 25% target is out of reach for a page this size on this machine, whatever the route does' : ''}`);
  const fiveXx = mixed.readers.status5xx + mixed.writers.status5xx + (mixed.tally.other.get(500) ?? 0);
  const { check, tally } = mixed;
  // autocannon drops the answers still on their way when a run ends: those writes landed uncounted,
  // at most one per writer connection. A lost update would show as a version that moved on by other
  // than the case's new outcomes.
  const uncounted = check.newOutcomes - tally.created;
  const noLostUpdate = uncounted >= 0 && uncounted <= mixed.writers.connections && check.versionMismatches === 0;
  lines.push(`- mixed run: zero 5xx ${met(fiveXx === 0 && mixed.readers.errors === 0 && mixed.writers.errors === 0)} (${fiveXx} 5xx, ${mixed.readers.errors + mixed.writers.errors} errors), no lost update ${met(noLostUpdate)}: ${fmt(tally.created)} outcomes answered 201 and ${fmt(check.newOutcomes)} outcome rows written on ${check.casesTouched} cases (${uncounted} answered after the run ended, uncounted); ${check.versionMismatches} cases whose version moved on by other than their new outcomes; ${fmt(tally.conflicts)} answered 409 (stale If-Match), other statuses ${JSON.stringify(Object.fromEntries(tally.other))}`);
  return lines;
}

async function main(): Promise<void> {
  const startLoad = loadavg().map((l) => l.toFixed(1)).join(', ');
  mkdirSync(out, { recursive: true });
  const path = join(out, `api-${caseCount}.sqlite`);
  await ensureApiDatabase(path, caseCount, reuseDb);
  const data = describeApiData(path);
  console.log(`${fmt(data.cases)} return cases (ids up to ${fmt(data.maxCaseId)}), ${fmt(data.queued)} in the work queue (${fmt(data.openRequests)} open requests)`);
  const token = await benchToken(path);
  const hello = await measureHello();
  console.log(row(hello));
  const { queue, detail, mixed, firstQueueMs } = await measureApi(path, data, token);
  const sameBytes = await measureSameBytes();
  console.log(row(sameBytes, hello));
  const header = '| run | connections | duration | requests | requests/s | p50 | p99 | errors | non-2xx | of hello-world |\n|---|---|---|---|---|---|---|---|---|---|';
  const table = [header, row(hello), row(queue, hello), row(sameBytes, hello), row(detail, hello), row(mixed.readers, hello), row(mixed.writers)].join('\n');
  const results = verdicts(hello, [queue, detail], mixed, sameBytes);
  console.log(`\n${table}\n\n${results.join('\n')}`);
  recordSection(root, 'api', [
    `## HTTP API under load: ${fmt(data.cases)} return cases on SQLite`,
    '',
    `${measuredBy('bench:api')} (${cpuModel()}). Database: \`bench/out/api-${caseCount}.sqlite\` (bench/seller-data.ts with the MFN parcels in transit turned into open requests: ${fmt(data.queued)} cases in the work queue, ${fmt(data.openRequests)} of them requests to decide). Servers in child processes on 127.0.0.1, autocannon in the bench process; ${seconds} s per run after a 3 s warm-up, the mixed run ${mixedSeconds} s (readers: queue and detail in turn; writers: GET a case of a pool of 200 open requests, then POST its outcome with If-Match). The first queue read of the account built its index in ${firstQueueMs.toFixed(0)} ms (not in the figures). Load average when the run started: ${startLoad} (other work on the machine shares its cores: compare ratios, not absolute figures).`,
    '',
    table,
    '',
    ...results,
    '',
    ...findings,
  ].join('\n'));
}

await main();
