import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { databaseOption, describeDatabase } from '../database-option.js';
import { openDatabase } from '../../services/open-database.js';

export function registerDb(program: Command, config: Config): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Bring the database schema up to date (also done on every start)')
    .addOption(databaseOption(config))
    .action(async (options: { database: string }) => {
      const { database, applied } = await openDatabase(options.database);
      await database.close();
      const where = describeDatabase(options.database);
      console.log(applied.length === 0 ? `${where} is up to date.` : `${where}: applied ${applied.join(', ')}.`);
    });
}
