import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { formatAmount } from '../../domain/money.js';
import { defaultAccountId } from '../../services/accounts.js';
import { backtestPolicy } from '../../services/backtest.js';
import type { BacktestReport, BacktestTotals } from '../../services/backtest.js';
import { checkPolicyText, readPolicyFile } from '../../services/policy.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { parseAt } from '../arguments.js';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** `--from`/`--to`: a day (UTC; `--to` includes the whole day) or an instant. */
function boundOf(text: string | undefined, edge: 'from' | 'to'): string | undefined {
  if (text === undefined) return undefined;
  if (!dayPattern.test(text)) return parseAt(text);
  const start = parseAt(`${text}T00:00:00Z`);
  return edge === 'from' ? start : new Date(Date.parse(start) + 86_400_000).toISOString();
}

function row(name: string, totals: BacktestTotals, currency: string): string {
  const money = (amount: number) => formatAmount(amount, currency, 'en-US').padStart(16);
  return `${name.padEnd(24)} ${String(totals.cases).padStart(9)} ${money(totals.expectedLossMinor)} ${money(totals.baselineLossMinor)} ${money(totals.savedMinor)}`;
}

function printReport(report: BacktestReport, file: string): void {
  const range = report.fromIso || report.toIso ? ` requested ${report.fromIso ?? '…'} to ${report.toIso ?? '…'}` : '';
  console.log(`Backtest of ${file}: ${report.decided} cases decided${range}; baseline: authorize everything with a label, refund in full.`);
  for (const entry of report.byCurrency) {
    console.log(`\n${entry.currency}${' '.repeat(21)}     cases    expected loss    baseline loss            saved`);
    console.log(row('total', entry.total, entry.currency));
    console.log('by reason category');
    for (const [name, totals] of Object.entries(entry.byReasonCategory).sort()) console.log(row(`  ${name}`, totals, entry.currency));
    console.log('by recommended action');
    for (const [name, totals] of Object.entries(entry.byAction).sort()) console.log(row(`  ${name}`, totals!, entry.currency));
  }
  if (report.skipped.count > 0) {
    console.log(`\n${report.skipped.count} cases could not be decided:`);
    for (const [problem, count] of Object.entries(report.skipped.byProblem)) console.log(`  ${count}× ${problem}`);
  }
}

/** `returndesk backtest --policy FILE`: replay history under a policy (docs/decisions.md). */
export function registerBacktest(program: Command, config: Config): void {
  program.command('backtest')
    .description('Replay past seller-fulfilled requests under a policy file and compare its expected loss with authorizing everything')
    .requiredOption('--policy <file>', 'the policy file (JSON or YAML) to test; it is not applied')
    .option('--from <date>', 'only requests from this day (YYYY-MM-DD, UTC) or instant')
    .option('--to <date>', 'only requests up to this day (inclusive) or instant (exclusive)')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { policy: string; from?: string; to?: string; json?: boolean; database: string }) => {
      const policy = checkPolicyText(await readPolicyFile(options.policy), options.policy);
      const fromIso = boundOf(options.from, 'from');
      const toIso = boundOf(options.to, 'to');
      if (fromIso && toIso && fromIso >= toIso) throw new DomainError('invalid_input', `--from ${options.from} is not before --to ${options.to}.`, { from: options.from, to: options.to });
      const report = await withDatabase(options.database, (database) => backtestPolicy(database, defaultAccountId, policy, { fromIso, toIso }));
      if (options.json) console.log(JSON.stringify(report));
      else printReport(report, options.policy);
    });
}
