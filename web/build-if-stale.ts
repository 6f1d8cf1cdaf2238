import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm start` (prestart) and the browser tests build the web app only when web/dist is missing or
// older than what it is built from, so a fresh clone serves the app after `npm install && npm start`
// and an unchanged checkout starts without a rebuild.

const root = fileURLToPath(new URL('..', import.meta.url));
const defaultOutDir = join(root, 'web', 'dist');
const sources = ['web/index.html', 'web/vite.config.ts', 'web/src', 'package-lock.json'].map((path) => join(root, path));

/** The newest modification time among `path` and, for a folder, everything inside it. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

export function isWebBuildStale(outDir = defaultOutDir): boolean {
  const builtIndex = join(outDir, 'index.html');
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestChange(source) > built);
}

/** Runs `vite build` for web/ into `outDir` and throws with its output when it fails. */
export function buildWeb(outDir = defaultOutDir): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir'];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building the web app failed:\n${result.stdout}\n${result.stderr}`);
}

/** Builds the app into `outDir` (default web/dist) if it is missing or stale there; says which. */
export function buildWebIfStale(outDir = defaultOutDir): 'built' | 'up to date' {
  if (!isWebBuildStale(outDir)) return 'up to date';
  buildWeb(outDir);
  return 'built';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.error(`web app (web/dist): ${buildWebIfStale()}`);
}
