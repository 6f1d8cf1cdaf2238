import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { defaultAccountId } from '../../services/accounts.js';
import { accountReturnRates, isRateTableNumber, rateTable } from '../../services/return-rates.js';
import type { GroupedRates, RateRow } from '../../services/return-rates.js';
import { accountSpikes, isSpikeTableNumber, spikeTable } from '../../services/spikes.js';
import { accountCauses, causeTable, isCauseTableNumber } from '../../services/return-causes.js';
import { accountReturnCosts, costTable, isCostTableNumber } from '../../services/return-costs.js';
import { parseProblemLimit, parseReportLanguage } from '../../services/report-options.js';
import { printCauses, printCosts } from './report-views.js';
import type { SpikeReport } from '../../services/spikes.js';
import { withDatabase } from '../database-option.js';
import { percent, showTable, withOutputs } from '../table-outputs.js';
import type { OutputOptions } from '../table-outputs.js';

// `returndesk report rates|spikes`: prevention figures per listing (docs/prevention.md), printed, as
// JSON, or written to CSV and XLSX files for the seller's spreadsheets.

function rateLine(row: RateRow): string {
  const rate = row.rate === null ? `- (${row.problem})`
    : `${percent(row.rate.rate)} (${percent(row.rate.low)}..${percent(row.rate.high)})${row.rate.smallSample ? ' small sample' : ''}${row.provisional ? ' provisional' : ''}`;
  const reasons = Object.entries(row.byReason).sort((a, b) => b[1] - a[1]).map(([reason, units]) => `${reason} ${units}`).join(', ');
  return [row.marketplaceCode, row.sku, row.month, `${row.returned}/${row.shipped}`, rate, reasons].join('\t');
}

function printRates(rates: GroupedRates): void {
  console.log(`marketplace\t${rates.by === 'marketplace' ? 'group' : rates.by}\tmonth\treturned/shipped\trate (interval)\treasons`);
  for (const row of rates.rows) console.log(rateLine(row));
  for (const r of rates.withoutOrderLine) console.log(`! ${r.marketplaceCode} ${r.sku}: ${r.units} units returned from orders not in the imported All Orders report (any month)`);
}

function printSpikes(report: SpikeReport, all: boolean): void {
  console.log(`Purchase weeks ${report.recent.from} to ${report.recent.to} (exclusive) against ${report.baseline.from} to ${report.baseline.to}, `
    + `returns asked for within ${report.followUpWeeks} weeks after each week, judged on ${report.judgedOn}.`);
  if (report.judgedOn !== report.asOf) {
    console.log(`The imported returns reach ${report.returnsThrough}: later weeks wait for newer return reports.`);
  }
  const shown = all ? report.rows : report.rows.filter((r) => r.verdict === 'spike');
  if (shown.length === 0) console.log('No spikes.');
  else console.log('marketplace\tsku\tverdict\tz\trecent\tbaseline');
  for (const r of shown) {
    console.log([r.marketplaceCode, r.sku, r.verdict, r.z.toFixed(2), `${r.recent.count}/${r.recent.total} ${percent(r.recent.rate)}`,
      `${r.baseline.count}/${r.baseline.total} ${percent(r.baseline.rate)}`].join('\t'));
  }
  const count = (verdict: string) => report.rows.filter((r) => r.verdict === verdict).length;
  if (!all) console.log(`${count('steady')} SKUs steady, ${count('too_few')} with too few units or returns to judge (--all lists them).`);
  for (const p of report.problems) console.log(`! ${p.marketplaceCode} ${p.sku}: more units returned than shipped in these weeks; the All Orders report is missing lines`);
}

export function registerReport(program: Command, config: Config): void {
  const report = program.command('report').description('Prevention: return rates, spikes, costs and causes per listing (docs/prevention.md)');

  withOutputs(report.command('rates').description('Return rates per SKU, marketplace and purchase month, with their intervals, by reason and party at fault')
    .option('--from <month>', 'first purchase month, YYYY-MM').option('--to <month>', 'last purchase month, YYYY-MM')
    .option('--by <grouping>', 'one row per sku (default), asin, category (from the product sheet) or marketplace'), config)
    .action(async (options: OutputOptions & { from?: string; to?: string; by?: string }) => {
      const rates = await withDatabase(options.database, (database) => accountReturnRates(database, defaultAccountId, { from: options.from, to: options.to, by: options.by }));
      await showTable(options, rates, { sheet: 'Return rates', table: rateTable(rates), isNumber: isRateTableNumber, print: printRates });
    });

  withOutputs(report.command('spikes').description('SKUs whose return rate in the latest closed purchase weeks rose above their own baseline')
    .option('--as-of <date>', 'judge the weeks as on this day, YYYY-MM-DD (default: today, UTC)').option('--all', 'list steady SKUs and those with too few units too'), config)
    .action(async (options: OutputOptions & { asOf?: string; all?: boolean }) => {
      const spikes = await withDatabase(options.database, (database) => accountSpikes(database, defaultAccountId, { asOf: options.asOf }));
      await showTable(options, spikes, { sheet: 'Spikes', table: spikeTable(spikes), isNumber: isSpikeTableNumber, print: (r) => printSpikes(r, options.all === true) });
    });

  withOutputs(report.command('costs').description('What returns cost per SKU and month, and what was recovered; the headline for the latest month')
    .option('--from <month>', 'first month, YYYY-MM').option('--to <month>', 'last month, YYYY-MM (the headline month)'), config)
    .action(async (options: OutputOptions & { from?: string; to?: string }) => {
      const costs = await withDatabase(options.database, (database) => accountReturnCosts(database, defaultAccountId, { from: options.from, to: options.to }));
      await showTable(options, costs, { sheet: 'Cost of returns', table: costTable(costs), isNumber: isCostTableNumber, print: printCosts });
    });

  withOutputs(report.command('causes').description('Problem SKUs: their reasons, root cause, buyers\' words and the fixes to make; FBA returns fee exposure')
    .option('--from <month>', 'first purchase month, YYYY-MM').option('--to <month>', 'last purchase month, YYYY-MM')
    .option('--limit <count>', 'problem SKUs to detail (default 20)').option('--lang <lang>', 'language of causes and fixes: en or zh', 'en'), config)
    .action(async (options: OutputOptions & { from?: string; to?: string; limit?: string; lang: string }) => {
      const lang = parseReportLanguage(options.lang);
      const limit = parseProblemLimit(options.limit);
      const causes = await withDatabase(options.database, (database) => accountCauses(database, defaultAccountId, { from: options.from, to: options.to, limit }));
      await showTable(options, causes, { sheet: 'Problem SKUs', table: causeTable(causes, lang), isNumber: isCauseTableNumber, print: (r) => printCauses(r, lang) });
    });
}
