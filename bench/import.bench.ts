/**
 * `npm run bench:import`: imports a generated FBA customer-returns file with `returndesk import` into a
 * fresh SQLite database and compares it, in the same run, with sqlite3's own `.import` of the same file
 * into a bare table (no validation, no indexes). With RETURNDESK_BENCH_POSTGRES_URL set, it does the same
 * against PostgreSQL, with psql's `\copy` into a bare table as the baseline.
 *
 * Env: BENCH_ROWS (default 1,000,000), BENCH_RUNS (default 1; the median is reported).
 * Results go to stdout and to bench/RESULTS.md (the section between the bench:import markers).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFbaReturnsFile } from './generate-fba-returns.js';
import { measuredBy, recordSection } from './results-file.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'bench', 'out');
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 1);
const postgresUrl = process.env.RETURNDESK_BENCH_POSTGRES_URL;

interface Measure { seconds: number; peakKb: number | null }

/** Runs a command, timing it and sampling its peak resident memory (VmHWM) from /proc. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let peakKb: number | null = null;
    let stderr = '';
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]));
      } catch { /* the process has ended */ }
    };
    const timer = setInterval(sample, 25);
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else resolveRun({ seconds, peakKb });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function repeat(run: () => Promise<Measure>): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  return { seconds: median(results.map((r) => r.seconds)), peakKb: Math.max(...results.map((r) => r.peakKb ?? 0)) || null };
}

// The executable as users run it (npx, npm's bin link): its shebang carries the V8 flags.
const returndesk = (database: string) => ['import', file, '--json', '--database', database];
const executable = join(root, 'bin', 'returndesk.js');

async function benchSqlite(): Promise<[Measure, Measure]> {
  const ours = await repeat(async () => {
    const db = join(out, 'bench.sqlite');
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    return measure(executable, returndesk(db));
  });
  const raw = await repeat(async () => {
    const db = join(out, 'raw.sqlite');
    rmSync(db, { force: true });
    return measure('sqlite3', [db, '.mode tabs', `.import ${file} raw_returns`]);
  });
  return [ours, raw];
}

async function benchPostgres(url: string): Promise<[Measure, Measure]> {
  const psql = (sql: string) => measure('psql', [url, '-qc', sql]);
  const schemaUrl = new URL(url);
  schemaUrl.searchParams.set('options', '-c search_path=returndesk_bench');
  const ours = await repeat(async () => {
    await psql('drop schema if exists returndesk_bench cascade; create schema returndesk_bench');
    return measure(executable, returndesk(schemaUrl.toString()));
  });
  const columns = Array.from({ length: 13 }, (_, i) => `c${i} text`).join(', ');
  const raw = await repeat(async () => {
    await psql(`drop table if exists returndesk_bench_raw; create table returndesk_bench_raw (${columns})`);
    return measure('psql', [url, '-qc', `\\copy returndesk_bench_raw from '${file}' with (format text, header true)`]);
  });
  await psql('drop schema if exists returndesk_bench cascade; drop table if exists returndesk_bench_raw');
  return [ours, raw];
}

function line(label: string, [ours, raw]: [Measure, Measure], baseline: string): string {
  const rate = (m: Measure) => Math.round(rows / m.seconds).toLocaleString('en-US');
  const mb = (m: Measure) => (m.peakKb ? `${Math.round(m.peakKb / 1024)} MB` : 'n/a');
  return `| ${label} | ${ours.seconds.toFixed(1)} s | ${rate(ours)} | ${mb(ours)} | ${baseline} | ${raw.seconds.toFixed(1)} s | ${rate(raw)} | **${(ours.seconds / raw.seconds).toFixed(2)}** |`;
}


mkdirSync(out, { recursive: true });
const file = join(out, `fba-returns-${rows}.txt`);
if (!existsSync(file)) {
  console.log(`Writing ${rows.toLocaleString('en-US')} rows to ${file} ...`);
  await writeFbaReturnsFile(file, rows);
}
const sizeMiB = (statSync(file).size / 2 ** 20).toFixed(0);
console.log(`Importing ${rows.toLocaleString('en-US')} rows (${sizeMiB} MiB), ${runs} run(s) each ...`);
const table = [
  '| database | returndesk import | rows/s | peak memory | baseline | baseline time | baseline rows/s | time ratio |',
  '|---|---|---|---|---|---|---|---|',
  line('SQLite', await benchSqlite(), '`sqlite3 .import`'),
];
if (postgresUrl) table.push(line('PostgreSQL', await benchPostgres(postgresUrl), '`psql \\copy`'));
const section = [
  `## Import: ${rows.toLocaleString('en-US')}-row FBA customer returns file (${sizeMiB} MiB)`,
  '',
  `${measuredBy('bench:import')}; median of ${runs} run(s). ` +
  'Ratio = returndesk time / baseline time (target at most 1.5). ReturnDesk validates every row and writes three indexed rows per line (the report row, the return case, its event); the baselines load the text into one bare table.',
  '',
  ...table,
].join('\n');
console.log(`\n${section}`);
recordSection(root, 'import', section);
