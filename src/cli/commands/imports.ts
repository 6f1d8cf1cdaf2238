import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { listImports } from '../../services/list-imports.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { defaultAccountId } from '../../services/accounts.js';

export function registerImports(program: Command, config: Config): void {
  const imports = program.command('imports').description('The import history');
  imports.command('list')
    .description('List past imports, latest first, with what each did')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { limit: string; json?: boolean; database: string }) => {
      const limit = Math.min(Math.max(Number(options.limit) || 20, 1), 1000);
      const { items: runs, total } = await withDatabase(options.database, (database) => listImports(database, defaultAccountId, { limit }));
      if (options.json) {
        console.log(JSON.stringify({ imports: runs, total }));
        return;
      }
      for (const r of runs) {
        console.log(`#${r.id} ${r.startedAt.slice(0, 16).replace('T', ' ')}  ${r.fileName}  ${r.reportType} ${r.marketplaceCode}: ` +
          `${r.rows} rows, ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`);
      }
      if (runs.length === 0) console.log('Nothing imported yet: try `returndesk import FILE` or `returndesk demo`.');
      else if (total > runs.length) console.log(`${runs.length} of ${total} imports shown (--limit).`);
    });
}
