import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { defaultAccountId } from '../../services/accounts.js';
import { accountReturnRates, isRateTableNumber, rateTable } from '../../services/return-rates.js';
import type { RateRow } from '../../services/return-rates.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { writeCsvTable, writeXlsxTable } from '../table-files.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function rateLine(row: RateRow): string {
  const rate = row.rate === null ? `- (${row.problem})`
    : `${percent(row.rate.rate)} (${percent(row.rate.low)}..${percent(row.rate.high)})${row.rate.smallSample ? ' small sample' : ''}`;
  const reasons = Object.entries(row.byReason).sort((a, b) => b[1] - a[1]).map(([reason, units]) => `${reason} ${units}`).join(', ');
  return [row.marketplaceCode, row.sku, row.month, `${row.returned}/${row.shipped}`, rate, reasons].join('\t');
}

/** `returndesk report rates`: return rates per listing; costs, causes and spikes are to come (docs/prevention.md). */
export function registerReport(program: Command, config: Config): void {
  const report = program.command('report').description('Prevention: return rates per listing (docs/prevention.md)');

  report.command('rates').description('Return rates per SKU, marketplace and purchase month, with their intervals, by reason and party at fault')
    .option('--from <month>', 'first purchase month, YYYY-MM').option('--to <month>', 'last purchase month, YYYY-MM')
    .option('--json', 'print one JSON document').option('--csv <file>', 'also write the table to this CSV file (UTF-8 with BOM, for spreadsheets)')
    .option('--xlsx <file>', 'also write the table to this Excel workbook')
    .addOption(databaseOption(config))
    .action(async (options: { from?: string; to?: string; json?: boolean; csv?: string; xlsx?: string; database: string }) => {
      const rates = await withDatabase(options.database, (database) => accountReturnRates(database, defaultAccountId, { from: options.from, to: options.to }));
      if (options.csv) writeCsvTable(options.csv, rateTable(rates));
      if (options.xlsx) await writeXlsxTable(options.xlsx, 'Return rates', rateTable(rates), isRateTableNumber);
      if (options.json) return console.log(JSON.stringify(rates));
      console.log('marketplace\tsku\tmonth\treturned/shipped\trate (interval)\treasons');
      for (const row of rates.rows) console.log(rateLine(row));
      for (const r of rates.withoutOrderLine) console.log(`! ${r.marketplaceCode} ${r.sku}: ${r.units} units returned from orders not in the imported All Orders report (any month)`);
      for (const file of [options.csv, options.xlsx]) if (file) console.log(`Table written to ${file}.`);
    });
}
