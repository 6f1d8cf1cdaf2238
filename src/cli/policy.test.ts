import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { scratchDir } from '../../test/report-files.js';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { runCli } from './main.js';

let dir: string;
let location: string;
let log: MockInstance<typeof console.log>;
let error: MockInstance<typeof console.error>;

beforeEach(() => {
  dir = scratchDir();
  location = join(dir, 'returndesk.sqlite');
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const run = (...args: string[]) => runCli(['node', 'returndesk', ...args]);
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('returndesk policy', () => {
  it('validate exits 0 on a valid YAML policy', async () => {
    expect(await run('policy', 'validate', write('policy.yaml', stringify(defaultPolicy)))).toBe(0);
    expect(String(log.mock.calls[0]?.[0])).toContain('valid policy');
  });

  it('validate exits 2 and prints every error with its path', async () => {
    const file = write('bad.json', JSON.stringify({ ...defaultPolicy, saveOfferLadderBps: [1000, 1500, 20000], resaleValueByGradeBps: { ...defaultPolicy.resaleValueByGradeBps, good: -1 } }));
    expect(await run('policy', 'validate', file)).toBe(2);
    const printed = error.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(printed).toContain('saveOfferLadderBps[2]: must be at most 10000');
    expect(printed).toContain('resaleValueByGradeBps.good: must be at least 0');
  });

  it('validate exits 2 on a missing file', async () => {
    expect(await run('policy', 'validate', join(dir, 'none.yaml'))).toBe(2);
  });

  it('apply stores a version that show prints, and refuses an invalid file with exit 2', async () => {
    expect(await run('policy', 'apply', write('policy.json', JSON.stringify(defaultPolicy)), '--database', location)).toBe(0);
    expect(await run('policy', 'apply', write('bad.yaml', 'saveOfferLadderBps: [20000]\n'), '--database', location)).toBe(2);
    log.mockClear();
    expect(await run('policy', 'show', '--json', '--database', location)).toBe(0);
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({ version: 1, origin: 'applied' });
  });
});
