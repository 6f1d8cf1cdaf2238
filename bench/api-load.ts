import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Request, Result } from 'autocannon';
import { executableFlags } from './child-run.js';

// Servers in child processes and autocannon runs against them, for bench:api.

export interface RunningServer { readonly url: string; stop(): Promise<void> }

/** Starts bench/api-server.ts (`hello`, `bytes` or `returndesk`) in a child process with the executable's V8 flags. */
export function startServer(root: string, mode: 'hello' | 'bytes' | 'returndesk', path = '', extraFlags: readonly string[] = []): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...executableFlags(root), ...extraFlags, join(root, 'bin', 'run-ts.js'), join(root, 'bench', 'api-server.ts'), mode, path],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    let stdout = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`The ${mode} server exited ${code} before listening`)));
    child.stdout!.on('data', (data: Buffer) => {
      stdout += data.toString();
      const match = /\{"port":(\d+)\}/.exec(stdout);
      if (!match) return;
      child.removeAllListeners('exit');
      resolveStart({
        url: `http://127.0.0.1:${match[1]}`,
        stop: () => new Promise((resolveStop) => {
          child.once('exit', () => resolveStop());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

export interface LoadFigures {
  readonly name: string;
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly status5xx: number;
}

export function figuresOf(name: string, connections: number, result: Result): LoadFigures {
  return {
    name, seconds: result.duration, connections, requests: result.requests.total, perSecond: result.requests.average,
    p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, status5xx: result['5xx'],
  };
}

/** `connections` connections for `seconds` against `url`, each connection going through `requests` in turn. */
export async function load(name: string, url: string, connections: number, seconds: number, headers: Record<string, string>, requests: Request[]): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds, headers, requests });
  return figuresOf(name, connections, result);
}

/** A stream of random integers in [1, max] that every run repeats (the demo's seeded generator would do; this is enough). */
export function seededIds(seed: number, max: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return 1 + (state % max);
  };
}
