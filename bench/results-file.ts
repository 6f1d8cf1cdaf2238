import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
