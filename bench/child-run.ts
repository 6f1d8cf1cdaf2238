import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Running a benchmark's timed work in a fresh child process, as the `returndesk` executable would run
// it: shared by bench:decide and bench:reconcile.

/** What a child prints as its last line: its own time, its peak RSS and a summary of the result. */
export interface ChildResult { seconds: number; maxRssKb: number; summary: string }
export interface Measured extends ChildResult { wallSeconds: number }

/** The V8 flags of the `returndesk` executable's shebang, so the child runs as the CLI command would. */
export function executableFlags(root: string): string[] {
  const shebang = readFileSync(join(root, 'bin', 'returndesk.js'), 'utf8').split('\n', 1)[0]!;
  return shebang.split(/\s+/).filter((part) => part.startsWith('--'));
}

/** Runs `script --child mode path` in a child process (with `extraFlags` after the executable's) and reads its result line. */
export function runChild(root: string, script: string, mode: string, path: string, extraFlags: readonly string[] = []): Promise<Measured> {
  return new Promise((resolveRun, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...executableFlags(root), ...extraFlags, join(root, 'bin', 'run-ts.js'), script, '--child', mode, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`The ${mode} child exited ${code ?? signal} after ${wallSeconds.toFixed(1)} s: ${stderr.slice(-3000)}`));
      resolveRun({ ...(JSON.parse(line) as ChildResult), wallSeconds });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `runs` runs of `run` (each after `before`), as the median time and the highest peak RSS. */
export async function repeatRuns(runs: number, run: () => Promise<Measured>, before: () => void = () => undefined): Promise<Measured> {
  const results: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    results.push(await run());
  }
  const mid = median(results.map((r) => r.seconds));
  return { ...results.find((r) => r.seconds === mid)!, maxRssKb: Math.max(...results.map((r) => r.maxRssKb)) };
}

/**
 * A benchmark file's entry point: `--child MODE PATH` runs its timed work (`child`), anything else its
 * whole run (`main`). Nothing runs when the file is only imported (profiling scripts import helpers).
 */
export async function runBenchmark(self: string, child: (mode: string, path: string) => Promise<void>, main: () => Promise<void>): Promise<void> {
  if (process.argv[1] !== self) return;
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) await child(process.argv[childIndex + 1]!, process.argv[childIndex + 2]!);
  else await main();
}
