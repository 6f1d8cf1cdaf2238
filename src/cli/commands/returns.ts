import { Option } from 'commander';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import type { ReturnStatus } from '../../domain/lifecycle.js';
import { listReturns, showReturn } from '../../services/list-returns.js';
import { DomainError } from '../../domain/errors.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { defaultAccountId } from '../../services/accounts.js';

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
      const page = await withDatabase(options.database, (database) => listReturns(database, { accountId: defaultAccountId, status: options.status, channel: options.channel, sku: options.sku, limit, offset: 0 }));
      if (options.json) {
        console.log(JSON.stringify(page));
        return;
      }
      for (const c of page.items) {
        console.log([c.requestedAt?.slice(0, 10) ?? '-', c.channel, c.marketplaceCode, c.orderId, c.sku, c.status, c.reason.code ?? '-', c.reason.fault].join('\t'));
      }
      console.log(`${page.items.length} of ${page.total} cases`);
    });

  returns.command('show')
    .description('Show one return case and its history')
    .argument('<id>', 'the case id (first column of `returns list --json`)')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (id: string, options: { json?: boolean; database: string }) => {
      const caseId = Number(id);
      if (!Number.isSafeInteger(caseId) || caseId < 1) throw new DomainError('invalid_input', `"${id}" is not a case id (a whole number).`);
      const { returnCase, events } = await withDatabase(options.database, (database) => showReturn(database, defaultAccountId, caseId));
      if (options.json) {
        console.log(JSON.stringify({ returnCase, events }));
        return;
      }
      const c = returnCase;
      console.log(`Case ${c.id}: ${c.channel} ${c.marketplaceCode} order ${c.orderId}, SKU ${c.sku}, ${c.quantity} unit(s), ${c.status}`);
      console.log(`Reason: ${c.reason.raw ?? '(none)'} -> ${c.reason.category ?? c.reason.status}, fault ${c.reason.fault}${c.reason.productSignal ? ', a product/listing signal' : ''}`);
      for (const e of events) {
        console.log(`${e.occurredAt}  ${e.kind.padEnd(8)} ${e.source}${e.line ? ` line ${e.line}` : ''}  ${JSON.stringify(e.data)}`);
      }
    });
}
