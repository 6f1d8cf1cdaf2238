import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from '../../test/cli-sandbox.js';
import { ExitCode } from './exit-codes.js';
import { runCli } from './main.js';

const cli = useCliSandbox();
const run = (...args: string[]) => runCli(['node', 'returndesk', ...args, '--database', cli.location]);
const printed = () => cli.log.mock.calls.map((c) => c.join(' ')).join('\n');
const errors = () => cli.error.mock.calls.map((c) => c.join(' ')).join('\n');

function passwordFile(text: string): string {
  const file = join(cli.dir, 'password.txt');
  writeFileSync(file, text);
  return file;
}

describe('returndesk user and audit', () => {
  it('adds the owner from a password file, lists users, and says how to start when there are none', async () => {
    expect(await run('user', 'list')).toBe(ExitCode.ok);
    expect(printed()).toContain('No users yet. Create the owner: returndesk user add NAME --role owner');
    expect(await run('user', 'add', 'mei', '--role', 'owner', '--name', 'Mei Lin', '--password-file', passwordFile('a long passphrase\n'))).toBe(ExitCode.ok);
    expect(await run('user', 'list')).toBe(ExitCode.ok);
    expect(printed()).toContain('mei (Mei Lin): owner of account 1');
    expect(printed()).not.toContain('passphrase');
  });

  it('refuses a password it cannot read safely, and a weak one, with exit code 2', async () => {
    // Tests run without a terminal: there is nowhere to type a password.
    expect(await run('user', 'add', 'mei', '--role', 'owner')).toBe(ExitCode.badInput);
    expect(errors()).toContain('give --password-file FILE');
    expect(await run('user', 'add', 'mei', '--role', 'owner', '--password-file', passwordFile('short\n'))).toBe(ExitCode.badInput);
    expect(errors()).toContain('at least 10 characters');
    expect(await run('user', 'add', 'mei', '--role', 'boss', '--password-file', passwordFile('a long passphrase'))).toBe(ExitCode.badInput);
  });

  it('creates a token shown once, lists it without its secret, revokes it, and verifies the audit log', async () => {
    await run('user', 'add', 'mei', '--role', 'owner', '--password-file', passwordFile('a long passphrase'));
    cli.log.mockClear();
    expect(await run('user', 'token', 'create', 'mei', '--name', 'nightly export', '--role', 'viewer')).toBe(ExitCode.ok);
    const secret = /rd_[A-Za-z0-9_-]{43}/.exec(printed())?.[0];
    expect(secret).toBeDefined();
    cli.log.mockClear();
    expect(await run('user', 'token', 'list')).toBe(ExitCode.ok);
    expect(printed()).toMatch(/#1 rd_\S{6}… "nightly export": viewer of account 1/);
    expect(printed()).not.toContain(secret);
    expect(await run('user', 'token', 'revoke', '1')).toBe(ExitCode.ok);
    expect(await run('user', 'token', 'revoke', 'one')).toBe(ExitCode.badInput);
    cli.log.mockClear();
    expect(await run('audit', 'verify')).toBe(ExitCode.ok);
    expect(printed()).toContain('account:1: 2 entries, intact');
    expect(printed()).toContain('instance: 1 entries, intact');
  });

  it('adds a seller account, lists it, and gives a user a role there', async () => {
    await run('user', 'add', 'mei', '--role', 'owner', '--password-file', passwordFile('a long passphrase'));
    expect(await run('account', 'add', 'Second shop')).toBe(ExitCode.ok);
    expect(printed()).toContain('Added seller account 2 "Second shop"');
    expect(await run('account', 'add', 'second SHOP')).toBe(ExitCode.failure);
    expect(errors()).toContain('already a seller account');
    expect(await run('user', 'role', 'mei', 'owner', '--account', '2')).toBe(ExitCode.ok);
    cli.log.mockClear();
    expect(await run('account', 'list')).toBe(ExitCode.ok);
    expect(printed()).toMatch(/1 Default account[\s\S]*2 Second shop/);
    expect(await run('user', 'list')).toBe(ExitCode.ok);
    expect(printed()).toContain('mei: owner of account 1, owner of account 2');
    expect(await run('user', 'role', 'mei', 'owner', '--account', 'x')).toBe(ExitCode.badInput);
  });
});
