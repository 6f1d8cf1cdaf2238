import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { defaultPolicy } from '../domain/policy/default-policy.js';
import { runCli } from './main.js';
import { useCliSandbox } from '../../test/cli-sandbox.js';

const cli = useCliSandbox();

const run = (...args: string[]) => runCli(['node', 'returndesk', ...args]);
const write = (name: string, text: string) => {
  const file = join(cli.dir, name);
  writeFileSync(file, text);
  return file;
};

describe('returndesk policy', () => {
  it('validate exits 0 on a valid YAML policy', async () => {
    expect(await run('policy', 'validate', write('policy.yaml', stringify(defaultPolicy)))).toBe(0);
    expect(String(cli.log.mock.calls[0]?.[0])).toContain('valid policy');
  });

  it('validate exits 2 and prints every error with its path', async () => {
    const file = write('bad.json', JSON.stringify({ ...defaultPolicy, saveOfferLadderBps: [1000, 1500, 20000], resaleValueByGradeBps: { ...defaultPolicy.resaleValueByGradeBps, good: -1 } }));
    expect(await run('policy', 'validate', file)).toBe(2);
    const printed = cli.error.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(printed).toContain('saveOfferLadderBps[2]: must be at most 10000');
    expect(printed).toContain('resaleValueByGradeBps.good: must be at least 0');
  });

  it('validate exits 2 on a missing file', async () => {
    expect(await run('policy', 'validate', join(cli.dir, 'none.yaml'))).toBe(2);
  });

  it('apply stores a version that show prints, and refuses an invalid file with exit 2', async () => {
    expect(await run('policy', 'apply', write('policy.json', JSON.stringify(defaultPolicy)), '--database', cli.location)).toBe(0);
    expect(await run('policy', 'apply', write('bad.yaml', 'saveOfferLadderBps: [20000]\n'), '--database', cli.location)).toBe(2);
    cli.log.mockClear();
    expect(await run('policy', 'show', '--json', '--database', cli.location)).toBe(0);
    expect(JSON.parse(String(cli.log.mock.calls[0]?.[0]))).toMatchObject({ version: 1, origin: 'applied' });
  });
});
