import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a benchmark's section into bench/RESULTS.md between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->`, replacing what was there and keeping the rest of the file.
 */
export function recordSection(root: string, name: string, section: string): void {
  const path = join(root, 'bench', 'RESULTS.md');
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n\n';
  const block = `${start}\n${section}\n${end}`;
  const next = current.includes(start)
    ? current.slice(0, current.indexOf(start)) + block + current.slice(current.indexOf(end) + end.length)
    : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

/** A count as the results print it: 1,234,567. */
export const formatCount = (n: number) => Math.round(n).toLocaleString('en-US');

/** A peak RSS in kilobytes as the results print it. */
export const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** The first line of every section: the day, the command and the machine it ran on. */
export function measuredBy(script: string): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run ${script}\` on ${machine}`;
}
