import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { outcomeKinds } from '../../domain/decisions/outcomes.js';
import { formatAmount } from '../../domain/money.js';
import { defaultAccountId } from '../../services/accounts.js';
import { decideCase } from '../../services/decide-case.js';
import type { AdvisedCase } from '../../services/decide-case.js';
import { caseMoves } from '../../domain/case-moves.js';
import { DomainError } from '../../domain/errors.js';
import { moveCase } from '../../services/move-case.js';
import { recordOutcome } from '../../services/record-outcome.js';
import { cliActor } from '../cli-actor.js';
import { listWholeQueue } from '../../services/work-queue.js';
import type { QueueItem } from '../../services/work-queue.js';
import { parseAt, parseCaseId } from '../arguments.js';
import { databaseOption, withDatabase } from '../database-option.js';

const money = (amountMinor: number | null, currency: string) => (amountMinor === null ? '-' : formatAmount(amountMinor, currency, 'en-US'));

function printDecision(result: AdvisedCase): void {
  const { decision } = result;
  console.log(`Case ${result.caseId}: ${result.marketplace} order ${result.orderId}, SKU ${result.sku}, ${result.reasonCategory ?? 'unclassified'}; at stake ${money(result.atStakeMinor, decision.currency)}`);
  console.log(decision.explanation.en);
  console.log(decision.explanation.zh);
  console.log('Options (expected loss; components):');
  for (const option of decision.options) {
    const name = option.step === undefined ? option.action : `${option.action} step ${option.step + 1}`;
    const mark = option === decision.recommended ? '*' : option.allowed ? ' ' : 'x';
    const parts = option.components.map((c) => `${c.id} ${money(c.amountMinor, decision.currency)}`).join(', ');
    console.log(`${mark} ${name.padEnd(22)} ${money(option.expectedLossMinor, decision.currency).padStart(12)}  ${parts}${option.blockedBy.length ? `  [blocked: ${option.blockedBy.join(', ')}]` : ''}`);
  }
  for (const deadline of result.deadlines) console.log(`Due ${deadline.dueAt}: ${deadline.label.en}`);
  if (result.message) {
    console.log(`\nMessage (${result.message.language}, ${result.message.ready ? 'ready to send' : 'NOT ready: fix the findings'}):`);
    console.log(`Subject: ${result.message.subject}\n\n${result.message.body}`);
    for (const finding of result.message.findings) console.log(`! ${finding.ruleId} in ${finding.field}: "${finding.excerpt}" ${finding.message}`);
  }
  console.log('\nIn Seller Central:');
  result.actionSheet.forEach((step, index) => console.log(`${index + 1}. ${step.en}`));
}

function queueLine(item: QueueItem): string {
  const what = item.recommendation
    ? `${item.recommendation.action}${item.recommendation.step === undefined ? '' : ` step ${item.recommendation.step + 1}`} (loss ${money(item.recommendation.expectedLossMinor, item.currency)})`
    : item.task === 'refund' ? 'refund' : `? ${item.problem ?? ''}`;
  return [item.urgency, item.deadline?.dueAt ?? '-', item.caseId, item.marketplace, item.orderId, item.sku, item.status,
    money(item.atStakeMinor, item.currency), what].join('\t');
}

/** `returndesk decide`, `queue`, `record` and `move`: the decision desk (docs/decisions.md). */
export function registerDecide(program: Command, config: Config): void {
  program.command('queue')
    .description('Open cases needing action, most urgent first, with the recommendation and the money at stake')
    .option('--at <instant>', 'as of this ISO-8601 instant instead of now')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { at?: string; json?: boolean; database: string }) => {
      const queue = await withDatabase(options.database, (database) => listWholeQueue(database, defaultAccountId, parseAt(options.at)));
      if (options.json) {
        console.log(JSON.stringify(queue));
        return;
      }
      for (const item of queue.items) console.log(queueLine(item));
      const { counts } = queue;
      console.log(`${queue.items.length} cases: ${counts.overdue} overdue, ${counts.within_4_hours} due within 4 hours, ${counts.today} today, ${counts.later} later, ${counts.no_deadline} without a deadline`);
    });

  program.command('decide')
    .description('The recommended action for one open request, every option with its costs, the deadlines and the buyer message')
    .argument('<case>', 'the case id')
    .option('--at <instant>', 'as of this ISO-8601 instant instead of now')
    .option('--buyer-name <name>', 'the buyer\'s name for the message greeting')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (id: string, options: { at?: string; buyerName?: string; json?: boolean; database: string }) => {
      const caseId = parseCaseId(id);
      const result = await withDatabase(options.database, (database) => decideCase(database, defaultAccountId, caseId, parseAt(options.at), options.buyerName));
      if (options.json) console.log(JSON.stringify(result));
      else printDecision(result);
    });

  program.command('record')
    .description('Record what happened to a case, so later decisions learn from it')
    .argument('<case>', 'the case id')
    .requiredOption('--outcome <outcome>', `one of ${outcomeKinds.join(', ')}`)
    .option('--step <n>', 'the save-offer ladder step (1 = first offer), for offer outcomes')
    .option('--grade <grade>', 'the condition grade found (new, like_new, very_good, good, acceptable, unsellable)')
    .option('--note <text>', 'a note kept with the outcome')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (id: string, options: { outcome: string; step?: string; grade?: string; note?: string; json?: boolean; database: string }) => {
      const caseId = parseCaseId(id);
      const recorded = await withDatabase(options.database, (database) => recordOutcome(database, defaultAccountId, caseId,
        { outcome: options.outcome, step: options.step, grade: options.grade, note: options.note }, new Date().toISOString(), 'cli', { actor: cliActor() }));
      if (options.json) {
        console.log(JSON.stringify(recorded));
        return;
      }
      const detail = recorded.outcome.step !== undefined ? ` at step ${recorded.outcome.step + 1}` : recorded.outcome.grade ? ` as ${recorded.outcome.grade}` : '';
      const moved = recorded.status === recorded.statusBefore ? '' : `; the case is now ${recorded.status}`;
      console.log(`Recorded ${recorded.outcome.kind}${detail} on case ${caseId}${moved}.`);
    });

  program.command('move')
    .description('Record a move made in Seller Central\'s Manage Returns (no Amazon API can make it): the case\'s status follows')
    .argument('<case>', 'the case id')
    .argument('<status>', caseMoves.join(', '))
    .option('--note <text>', 'why: the close reason picked in Seller Central, say')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (id: string, status: string, options: { note?: string; json?: boolean; database: string }) => {
      const caseId = parseCaseId(id);
      const to = caseMoves.find((move) => move === status.trim().toLowerCase().replace(/-/g, '_'));
      if (to === undefined) throw new DomainError('invalid_input', `Unknown move "${status}"; use one of ${caseMoves.join(', ')}.`, { status, allowed: caseMoves });
      const moved = await withDatabase(options.database, (database) => moveCase(database, defaultAccountId, caseId, { to, note: options.note }, new Date().toISOString(), 'cli', { actor: cliActor() }));
      if (options.json) console.log(JSON.stringify(moved));
      else console.log(`Case ${caseId} is now ${moved.status} (was ${moved.statusBefore}).`);
    });
}
