import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { defaultAccountId } from '../../services/accounts.js';
import { fixTable, isFixTableNumber, listingFixResults, recordListingFix } from '../../services/listing-fixes.js';
import type { FixResult } from '../../services/listing-fixes.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { percent, showTable, withOutputs } from '../table-outputs.js';
import type { OutputOptions } from '../table-outputs.js';

// `returndesk fix add|list`: the fix log (docs/prevention.md#fix-log).

function fixLine({ fix, verdict, weeksAfter, windowWeeks, problem }: FixResult): string {
  const where = fix.marketplaceCode ?? 'all marketplaces';
  const head = `#${fix.id} ${fix.changedOn} ${fix.sku} (${where}): ${fix.what}`;
  if (verdict === null) return `${head}\n    ${problem ?? 'waiting: no week after the fix has closed yet'}`;
  return `${head}\n    ${verdict.verdict}: ${verdict.before.count}/${verdict.before.total} ${percent(verdict.before.rate)} before, `
    + `${verdict.after.count}/${verdict.after.total} ${percent(verdict.after.rate)} after (${weeksAfter} of ${windowWeeks} weeks); `
    + `change ${percent(verdict.difference)} (${percent(verdict.low)}..${percent(verdict.high)})`;
}

function printFixes(results: readonly FixResult[]): void {
  if (results.length === 0) console.log('No fixes recorded: returndesk fix add --sku SKU --on DATE --what TEXT --by NAME');
  for (const result of results) console.log(fixLine(result));
}

export function registerFixes(program: Command, config: Config): void {
  const fix = program.command('fix').description('The fix log: listing changes and whether they lowered the return rate');

  fix.command('add').description('Record a change made to a listing')
    .requiredOption('--sku <sku>', 'the SKU whose listing changed').requiredOption('--on <date>', 'the day the change went live, YYYY-MM-DD')
    .requiredOption('--what <text>', 'what changed (new size chart, photos, packaging…)').requiredOption('--by <name>', 'who made it')
    .option('--marketplace <code>', 'only this marketplace (default: every marketplace the SKU sells in)')
    .addOption(databaseOption(config))
    .action(async (options: { sku: string; on: string; what: string; by: string; marketplace?: string; database: string }) => {
      const recorded = await withDatabase(options.database, (database) => recordListingFix(database, defaultAccountId,
        { sku: options.sku, marketplace: options.marketplace, changedOn: options.on, what: options.what, by: options.by }, new Date().toISOString(), cliActor()));
      console.log(`Fix #${recorded.id} recorded for ${recorded.sku}. Its verdict comes once the weeks after it close: returndesk fix list`);
    });

  withOutputs(fix.command('list').description('Every fix with the return rate before and after it, and whether it helped')
    .option('--sku <sku>', 'only this SKU').option('--as-of <date>', 'judge as on this day, YYYY-MM-DD (default: today, UTC)'), config)
    .action(async (options: OutputOptions & { sku?: string; asOf?: string }) => {
      const results = await withDatabase(options.database, (database) => listingFixResults(database, defaultAccountId, { sku: options.sku, asOf: options.asOf }));
      await showTable(options, results, { sheet: 'Fix log', table: fixTable(results), isNumber: isFixTableNumber, print: printFixes });
    });
}
