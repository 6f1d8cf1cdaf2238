import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { defaultAccountId } from '../../services/accounts.js';
import { accountReturnRates, rateTable } from '../../services/return-rates.js';
import type { RateRow } from '../../services/return-rates.js';
import { databaseOption, withDatabase } from '../database-option.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function rateLine(row: RateRow): string {
  const rate = row.rate === null ? `- (${row.problem})`
    : `${percent(row.rate.rate)} (${percent(row.rate.low)}..${percent(row.rate.high)})${row.rate.smallSample ? ' small sample' : ''}`;
  const reasons = Object.entries(row.byReason).sort((a, b) => b[1] - a[1]).map(([reason, units]) => `${reason} ${units}`).join(', ');
  return [row.marketplaceCode, row.sku, row.month, `${row.returned}/${row.shipped}`, rate, reasons].join('\t');
}

/**
 * A table as CSV for spreadsheets: UTF-8 with a byte-order mark, and a cell that starts like a formula
 * (=, +, -, @) prefixed with ' so a SKU from a seller's file can never run as one (OWASP CSV injection).
 */
function writeTable(path: string, rows: string[][]): void {
  try {
    writeFileSync(path, stringify(rows, { bom: true, escape_formulas: true }));
  } catch (error) {
    throw new DomainError('unreadable_file', `Cannot write ${path}: ${(error as Error).message}.`, { file: path });
  }
}

/** `returndesk report rates`: return rates per listing; costs, causes and spikes are to come (docs/prevention.md). */
export function registerReport(program: Command, config: Config): void {
  const report = program.command('report').description('Prevention: return rates per listing (docs/prevention.md)');

  report.command('rates').description('Return rates per SKU, marketplace and purchase month, with their intervals, by reason and party at fault')
    .option('--from <month>', 'first purchase month, YYYY-MM').option('--to <month>', 'last purchase month, YYYY-MM')
    .option('--json', 'print one JSON document').option('--csv <file>', 'also write the table to this CSV file (UTF-8 with BOM, for spreadsheets)')
    .addOption(databaseOption(config))
    .action(async (options: { from?: string; to?: string; json?: boolean; csv?: string; database: string }) => {
      const rates = await withDatabase(options.database, (database) => accountReturnRates(database, defaultAccountId, { from: options.from, to: options.to }));
      if (options.csv) writeTable(options.csv, rateTable(rates));
      if (options.json) return console.log(JSON.stringify(rates));
      console.log('marketplace\tsku\tmonth\treturned/shipped\trate (interval)\treasons');
      for (const row of rates.rows) console.log(rateLine(row));
      for (const r of rates.withoutOrderLine) console.log(`! ${r.marketplaceCode} ${r.sku}: ${r.units} units returned from orders not in the imported All Orders report (any month)`);
      if (options.csv) console.log(`Table written to ${options.csv}.`);
    });
}
