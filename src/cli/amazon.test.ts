import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { parseSecretKey } from '../services/secret-box.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

const cli = useCliSandbox();

describe('returndesk secret-key', () => {
  it('prints a new key RETURNDESK_SECRET_KEY accepts, different each time', async () => {
    expect(await runCli(['node', 'returndesk', 'secret-key'])).toBe(ExitCode.ok);
    expect(await runCli(['node', 'returndesk', 'secret-key'])).toBe(ExitCode.ok);
    const [first, second] = cli.log.mock.calls.map((call) => String(call[0]));
    expect(parseSecretKey(first!)).toHaveLength(32);
    expect(second).not.toBe(first);
  });
});
