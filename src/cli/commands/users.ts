import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { createToken, listTokens, revokeToken } from '../../services/api-tokens.js';
import type { ApiToken } from '../../services/api-tokens.js';
import { verifyAuditLog } from '../../services/audit.js';
import { addUser, listUsers, removeUser, setUserRole } from '../../services/users.js';
import type { User } from '../../services/users.js';
import { parseAccountId } from '../arguments.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { ExitCode, setExitCode } from '../exit-codes.js';
import { readNewPassword } from '../password-input.js';

// `returndesk user add|list|remove|role|token` and `returndesk audit verify` (docs/security.md). The
// command line runs on the server with the database's own access, so it needs no login; the audit log
// names the operating-system user who ran it.

const now = () => new Date().toISOString();

const accountOf = parseAccountId;

const userLine = (u: User) => `${u.username}${u.displayName === u.username ? '' : ` (${u.displayName})`}: `
  + `${Object.entries(u.roles).map(([account, role]) => `${role} of account ${account}`).join(', ') || 'no role'}${u.disabledAt ? `, removed ${u.disabledAt}` : ''}`;

const tokenLine = (t: ApiToken) => `#${t.id} ${t.prefix}… "${t.name}": ${t.role} of account ${t.accountId}, created ${t.createdAt}`
  + `${t.lastUsedAt ? `, last used ${t.lastUsedAt}` : ', never used'}${t.revokedAt ? `, revoked ${t.revokedAt}` : ''}`;

export function registerUsers(program: Command, config: Config): void {
  const user = program.command('user').description('Users, their roles and API tokens');

  user.command('add <username>').description('Add a user with a password and a role in a seller account')
    .requiredOption('--role <role>', 'owner, manager, agent, inspector or viewer').option('--account <id>', 'seller account id', '1')
    .option('--name <display name>', 'the name shown in ReturnDesk').option('--password-file <file>', 'read the password from FILE (- for standard input) instead of asking')
    .addOption(databaseOption(config))
    .action(async (username: string, options: { role: string; account: string; name?: string; passwordFile?: string; database: string }) => {
      const password = await readNewPassword(options.passwordFile);
      const added = await withDatabase(options.database, (database) => addUser(database,
        { username, displayName: options.name, password, role: options.role, accountId: accountOf(options.account) }, cliActor(), now()));
      console.log(`Added ${userLine(added)}.`);
    });

  user.command('list').description('Every user and their roles').option('--json', 'print JSON').addOption(databaseOption(config))
    .action(async (options: { json?: boolean; database: string }) => {
      const users = await withDatabase(options.database, (database) => listUsers(database));
      if (options.json) console.log(JSON.stringify(users, null, 2));
      else if (users.length === 0) console.log('No users yet. Create the owner: returndesk user add NAME --role owner');
      else for (const u of users) console.log(userLine(u));
    });

  user.command('remove <username>').description('Remove a user: their sessions and tokens end; the audit log keeps their name')
    .addOption(databaseOption(config))
    .action(async (username: string, options: { database: string }) => {
      const removed = await withDatabase(options.database, (database) => removeUser(database, username, cliActor(), now()));
      console.log(`Removed ${removed.username}.`);
    });

  user.command('role <username> <role>').description('Give a user a role in a seller account').option('--account <id>', 'seller account id', '1')
    .addOption(databaseOption(config))
    .action(async (username: string, role: string, options: { account: string; database: string }) => {
      const changed = await withDatabase(options.database, (database) => setUserRole(database, username, accountOf(options.account), role, cliActor(), now()));
      console.log(`Now ${userLine(changed)}.`);
    });

  registerTokens(user, config);
  program.command('audit').description('The audit log of every change')
    .command('verify').description('Check every hash chain of the audit log; exits 1 when one is broken').addOption(databaseOption(config))
    .action(async (options: { database: string }, command: Command) => {
      const checks = await withDatabase(options.database, (database) => verifyAuditLog(database));
      if (checks.length === 0) console.log('The audit log is empty.');
      for (const c of checks) console.log(`${c.chain}: ${c.entries} entries, ${c.broken ? `BROKEN at entry ${c.broken.seq}: ${c.broken.reason}` : 'intact'}`);
      if (checks.some((c) => c.broken !== null)) setExitCode(command, ExitCode.failure);
    });
}

function registerTokens(user: Command, config: Config): void {
  const token = user.command('token').description('API tokens for scripts');
  token.command('create <username>').description('Create an API token; its secret is shown once')
    .requiredOption('--name <name>', 'what the token is for').option('--role <role>', 'default: the user\'s role in the account')
    .option('--account <id>', 'seller account id', '1').addOption(databaseOption(config))
    .action(async (username: string, options: { name: string; role?: string; account: string; database: string }) => {
      const created = await withDatabase(options.database, (database) => createToken(database,
        { username, name: options.name, role: options.role, accountId: accountOf(options.account) }, cliActor(), now()));
      console.log(`${tokenLine(created.token)}\n\n${created.secret}\n\nKeep it now: ReturnDesk stores only its digest and cannot show it again. `
        + 'Send it as "Authorization: Bearer <token>".');
    });
  token.command('list [username]').description('API tokens, newest first (never their secrets)').option('--json', 'print JSON').addOption(databaseOption(config))
    .action(async (username: string | undefined, options: { json?: boolean; database: string }) => {
      const tokens = await withDatabase(options.database, (database) => listTokens(database, username));
      if (options.json) console.log(JSON.stringify(tokens, null, 2));
      else if (tokens.length === 0) console.log('No API tokens.');
      else for (const t of tokens) console.log(tokenLine(t));
    });
  token.command('revoke <id>').description('Revoke an API token at once').addOption(databaseOption(config))
    .action(async (id: string, options: { database: string }) => {
      if (!/^\d+$/.test(id)) throw new DomainError('invalid_input', `A token id is a number (see returndesk user token list), not "${id}".`, { id });
      const revoked = await withDatabase(options.database, (database) => revokeToken(database, Number(id), cliActor(), now()));
      console.log(`Revoked ${tokenLine(revoked)}.`);
    });
}
