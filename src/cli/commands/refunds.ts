import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Config } from '../../config.js';
import { DomainError } from '../../domain/errors.js';
import { formatAmount } from '../../domain/money.js';
import { itemKinds } from '../../domain/refunds/refund-input.js';
import { defaultAccountId } from '../../services/accounts.js';
import { quoteCaseRefund } from '../../services/case-refund.js';
import type { CaseRefundQuote, RefundRequest } from '../../services/case-refund.js';
import { exportAdjustments } from '../../services/export-adjustments.js';
import { recordCaseRefund } from '../../services/record-refund.js';
import { parseAt } from '../arguments.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';

interface RefundFlags {
  fee?: string; amount?: string; kind?: string; deductLabel?: boolean; refundShipping?: boolean; freeReturns?: boolean; buyerName?: string; json?: boolean; database: string;
}

function refundOptions(config: Config): Option[] {
  return [
    new Option('--fee <fee>', 'restocking fee: none (default), max, a percent such as 15%, or an amount such as 4.00'),
    new Option('--amount <amount>', 'refund this total instead (e.g. 32.00): itemized within Amazon\'s caps, or refused with the range allowed'),
    new Option('--kind <kind>', `item kind for Amazon's caps: ${itemKinds.join(', ')} (default: from the product category)`),
    new Option('--deduct-label', 'deduct the return label the seller paid, where Amazon allows it'),
    new Option('--refund-shipping', 'refund outbound shipping on a buyer-fault return too'),
    new Option('--free-returns', 'the seller offers Free Returns here: the label is never deducted'),
    new Option('--buyer-name <name>', 'the buyer\'s name for the message greeting'),
    new Option('--json', 'print one JSON document'),
    databaseOption(config),
  ];
}

function requestOf(identifier: string, flags: RefundFlags): RefundRequest {
  return {
    identifier, fee: flags.fee, amount: flags.amount, itemKind: flags.kind, deductLabel: flags.deductLabel, freeReturns: flags.freeReturns,
    buyerName: flags.buyerName, ...(flags.refundShipping ? { refundOutboundShipping: true } : {}),
  };
}

function printQuote(result: CaseRefundQuote): void {
  const money = (minor: number) => formatAmount(minor, result.quote.currency, 'en-US');
  console.log(`Case ${result.caseId}, order ${result.orderId}: refund ${money(result.quote.totalMinor)} of ${money(result.quote.paidMinor)} paid`);
  for (const line of result.quote.lines) console.log(`  ${line.kind.padEnd(18)} ${money(line.amountMinor).padStart(12)}  ${line.ruleId}: ${line.text.en}`);
  for (const deadline of result.deadlines) console.log(`Due ${deadline.dueAt}: ${deadline.label.en}`);
  console.log('\nIn Seller Central (Manage Returns):');
  result.actionSheet.forEach((step, i) => console.log(`${i + 1}. ${step.en}\n   ${step.zh}`));
  const { message } = result;
  console.log(`\nMessage (${message.language}, ${message.ready ? 'ready to send' : 'NOT ready: fix the findings'}):\nSubject: ${message.subject}\n\n${message.body}`);
}

/** `returndesk refund quote|record` and `export adjustments` (docs/refunds.md). */
export function registerRefunds(program: Command, config: Config): void {
  const refund = program.command('refund').description('Refunds within Amazon\'s rules: quote one, record one issued');
  const quote = refund.command('quote')
    .description('The refund a case allows, line by line with its rule, what to do in Manage Returns, and the buyer message')
    .argument('<identifier>', 'case id, RMA id, tracking number or order id');
  for (const option of refundOptions(config)) quote.addOption(option);
  quote.action(async (identifier: string, flags: RefundFlags) => {
    const result = await withDatabase(flags.database, (database) => quoteCaseRefund(database, defaultAccountId, requestOf(identifier, flags), parseAt(undefined)));
    if (flags.json) console.log(JSON.stringify(result));
    else printQuote(result);
  });

  const record = refund.command('record')
    .description('Record that the quoted refund was issued in Manage Returns; the case becomes refunded')
    .argument('<identifier>', 'case id, RMA id, tracking number or order id')
    .requiredOption('--by <name>', 'who issued it');
  for (const option of refundOptions(config)) record.addOption(option);
  record.action(async (identifier: string, flags: RefundFlags & { by: string }) => {
    const result = await withDatabase(flags.database, (database) => recordCaseRefund(database, defaultAccountId, { ...requestOf(identifier, flags), recordedBy: flags.by }, parseAt(undefined), 'cli', { actor: cliActor() }));
    if (flags.json) console.log(JSON.stringify(result));
    else console.log(`Case ${result.caseId}: refund of ${formatAmount(result.quote.totalMinor, result.quote.currency, 'en-US')} recorded (${result.statusBefore} -> ${result.status}); it goes into the next adjustment feed export.`);
  });

  program.command('export')
    .description('Export files for Amazon')
    .command('adjustments')
    .description('Recorded refunds not yet exported, as an order adjustment feed file (POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA)')
    .requiredOption('--out <file>', 'where to write the tab-separated feed file')
    .option('--json', 'print one JSON document about the export')
    .addOption(databaseOption(config))
    .action(async (options: { out: string; json?: boolean; database: string }) => {
      const deliver = async (text: string) => {
        try {
          await writeFile(options.out, text, 'utf8');
        } catch (error) {
          throw new DomainError('unreadable_file', `Cannot write ${options.out}: ${(error as Error).message}. Nothing was marked exported.`, { file: options.out });
        }
      };
      const result = await withDatabase(options.database, (database) => exportAdjustments(database, defaultAccountId, parseAt(undefined), deliver, cliActor()));
      if (options.json) {
        console.log(JSON.stringify({ file: result.text === null ? null : options.out, refundIds: result.refundIds, skipped: result.skipped }));
        return;
      }
      console.log(result.text === null ? 'No refund to export.' : `${result.refundIds.length} refund(s) written to ${options.out}.`);
      for (const skip of result.skipped) console.log(`Left out case ${skip.caseId}: ${skip.problem}`);
    });
}
