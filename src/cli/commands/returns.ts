import { Option } from 'commander';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import type { ReturnStatus } from '../../domain/lifecycle.js';
import { listReturns } from '../../services/list-returns.js';
import { databaseOption, withDatabase } from '../database-option.js';

export function registerReturns(program: Command, config: Config): void {
  const returns = program.command('returns').description('Look at return cases');
  returns.command('list')
    .description('List return cases, newest request first')
    .addOption(new Option('--status <status>', 'only cases in this state').choices([...returnStatuses]))
    .addOption(new Option('--channel <channel>', 'only FBA or MFN cases').choices(['FBA', 'MFN']))
    .option('--sku <sku>', 'only this SKU')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { status?: ReturnStatus; channel?: 'FBA' | 'MFN'; sku?: string; limit: string; json?: boolean; database: string }) => {
      const limit = Math.min(Math.max(Number(options.limit) || 20, 1), 1000);
      const page = await withDatabase(options.database, (database) => listReturns(database, { accountId: 1, status: options.status, channel: options.channel, sku: options.sku, limit, offset: 0 }));
      if (options.json) {
        console.log(JSON.stringify(page));
        return;
      }
      for (const c of page.items) {
        console.log([c.requestedAt?.slice(0, 10) ?? '-', c.channel, c.marketplaceCode, c.orderId, c.sku, c.status, c.reason.code ?? '-', c.reason.fault].join('\t'));
      }
      console.log(`${page.items.length} of ${page.total} cases`);
    });
}
