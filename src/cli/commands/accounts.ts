import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { addAccount, listAccounts } from '../../services/accounts.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';

// `returndesk account add|list`: the seller accounts of this instance (docs/security.md).

export function registerAccounts(program: Command, config: Config): void {
  const account = program.command('account').description('Seller accounts: each keeps its own reports, cases and settings');
  account.command('add <name>').description('Add a seller account; then give it an owner: returndesk user role NAME owner --account ID')
    .addOption(databaseOption(config))
    .action(async (name: string, options: { database: string }) => {
      const added = await withDatabase(options.database, (database) => addAccount(database, name, cliActor(), new Date().toISOString()));
      console.log(`Added seller account ${added.id} "${added.name}". Give it an owner: returndesk user role NAME owner --account ${added.id}`);
    });
  account.command('list').description('Every seller account').option('--json', 'print JSON').addOption(databaseOption(config))
    .action(async (options: { json?: boolean; database: string }) => {
      const accounts = await withDatabase(options.database, (database) => listAccounts(database));
      if (options.json) console.log(JSON.stringify(accounts, null, 2));
      else for (const a of accounts) console.log(`${a.id} ${a.name} (since ${a.createdAt.slice(0, 10)})`);
    });
}
