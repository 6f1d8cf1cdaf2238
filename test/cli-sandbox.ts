import { afterEach, beforeEach, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { join } from 'node:path';
import { scratchDir } from './report-files.js';

/** What a CLI test sees: a scratch folder, a SQLite file of its own, and the silenced output. */
export interface CliSandbox {
  dir: string;
  /** The SQLite file to pass as --database. */
  location: string;
  log: MockInstance<typeof console.log>;
  error: MockInstance<typeof console.error>;
  stdout: MockInstance<typeof process.stdout.write>;
}

/**
 * Runs the CLI in-process against a fresh scratch folder and SQLite file per test, with console and
 * process output captured (the fields are replaced before each test, so read them inside tests).
 */
export function useCliSandbox(): CliSandbox {
  const sandbox = {} as CliSandbox;
  beforeEach(() => {
    sandbox.dir = scratchDir();
    sandbox.location = join(sandbox.dir, 'returndesk.sqlite');
    sandbox.log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    sandbox.error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sandbox.stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return sandbox;
}
