import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { dispositionRoutes } from '../../domain/disposition/disposition-types.js';
import { formatAmount } from '../../domain/money.js';
import { outerBoxStates } from '../../domain/receiving/receipt.js';
import { defaultAccountId } from '../../services/accounts.js';
import { dispositionForCase } from '../../services/case-disposition.js';
import type { CaseDisposition } from '../../services/case-disposition.js';
import { inspectReturn } from '../../services/inspect-return.js';
import { recordDisposition } from '../../services/record-disposition.js';
import type { RecordedDisposition } from '../../services/record-disposition.js';
import type { InspectedReturn } from '../../services/inspect-return.js';
import { receiveReturn } from '../../services/receive-return.js';
import type { ReceivedReturn } from '../../services/receive-return.js';
import { parseAt } from '../arguments.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { answersFrom, answerOptions, evidenceDirOption, evidenceStoreOf } from '../inspection-options.js';
import type { AnswerFlags } from '../inspection-options.js';

function printReceipt(result: ReceivedReturn): void {
  console.log(`Case ${result.caseId} (found by ${result.matchedOn}) received ${result.receivedAt}, outer box ${result.outerBox}: ${result.statusBefore} -> ${result.status}`);
  for (const deadline of result.deadlines) console.log(`Due ${deadline.dueAt}: ${deadline.label.en}`);
}

function printInspection(result: InspectedReturn): void {
  console.log(`Case ${result.caseId}: ${result.grade} (rule ${result.ruleId}); ${result.statusBefore} -> ${result.status}`);
  console.log(result.rule.en);
  console.log(result.rule.zh);
  if (result.findings.length > 0) console.log(`Noted: ${result.findings.join(', ')}`);
  for (const file of result.evidence) {
    console.log(`Evidence ${file.fileName}: ${file.kind} ${file.mediaType}, ${file.sizeBytes} bytes, sha256 ${file.sha256}${file.created ? '' : ' (already stored)'}`);
  }
}

function printDisposition(found: CaseDisposition): void {
  const { result } = found;
  const money = (minor: number) => formatAmount(minor, result.currency, 'en-US');
  const what = found.kind === 'inspected' ? `graded ${found.grade}` : `an FBA unit Amazon graded ${found.result.detailedDisposition}`;
  console.log(`Case ${found.caseId}, ${what}: best route ${result.recommended?.route ?? 'none (nothing to route)'}`);
  for (const option of result.options) {
    const mark = option === result.recommended ? '*' : option.allowed ? ' ' : 'x';
    const parts = option.components.map((c) => `${c.id} ${money(c.amountMinor)}`).join(', ');
    console.log(`${mark} ${option.route.padEnd(20)} ${money(option.netRecoveryMinor).padStart(12)}  ${parts}${option.blockedBy.length ? `  [blocked: ${option.blockedBy.join(', ')}]` : ''}`);
  }
}

function printRecorded(recorded: RecordedDisposition): void {
  const money = (minor: number | null) => (minor === null ? 'not known yet' : formatAmount(minor, recorded.currency, 'en-US'));
  console.log(`Case ${recorded.caseId}: route ${recorded.route} recorded (best was ${recorded.recommendedRoute ?? 'none'}); expected ${money(recorded.expectedNetMinor)}, realized ${money(recorded.realizedMinor)}`);
}

/** `returndesk receive`, `inspect` and `disposition`: the warehouse side of a return (docs/receiving.md). */
export function registerWarehouse(program: Command, config: Config): void {
  program.command('receive')
    .description('Record that a returned parcel arrived; the case is found by case id, RMA id, tracking number, order id or license plate')
    .argument('<identifier>', 'what is on the parcel or the scan')
    .requiredOption('--by <name>', 'who received it')
    .requiredOption('--box <state>', `the outer box: ${outerBoxStates.join(', ')}`)
    .option('--at <instant>', 'when it arrived (ISO-8601), default now')
    .option('--note <text>', 'anything worth keeping')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (identifier: string, options: { by: string; box: string; at?: string; note?: string; json?: boolean; database: string }) => {
      const now = parseAt(undefined);
      const result = await withDatabase(options.database, (database) => receiveReturn(database, defaultAccountId, {
        identifier, receivedBy: options.by, outerBox: options.box, receivedAt: options.at, note: options.note,
      }, now, 'cli', { actor: cliActor() }));
      if (options.json) console.log(JSON.stringify(result));
      else printReceipt(result);
    });

  const inspect = program.command('inspect')
    .description('Record the inspection of a received unit: the checklist answers grade it; photos and videos are kept as evidence')
    .argument('<identifier>', 'case id, RMA id, tracking number, order id or license plate')
    .requiredOption('--by <name>', 'who inspected it')
    .option('--answers <file>', 'the checklist answers as a JSON file (the flags below override it)')
    .option('--evidence <files...>', 'photos and videos of the unit (JPEG, PNG, WebP, HEIC, GIF, MP4, MOV, WebM)')
    .option('--json', 'print one JSON document')
    .addOption(evidenceDirOption(config))
    .addOption(databaseOption(config));
  for (const option of answerOptions()) inspect.addOption(option);
  inspect.action(async (identifier: string, options: AnswerFlags & { by: string; answers?: string; evidence?: string[]; evidenceDir: string; json?: boolean; database: string }) => {
    const answers = await answersFrom(options.answers, options);
    const store = evidenceStoreOf(config, options.evidenceDir);
    const result = await withDatabase(options.database, (database) => inspectReturn(database, defaultAccountId, {
      identifier, inspectedBy: options.by, answers, evidenceFiles: options.evidence,
    }, store, parseAt(undefined), 'cli', { actor: cliActor() }));
    if (options.json) console.log(JSON.stringify(result));
    else printInspection(result);
  });

  program.command('disposition')
    .description('Every route for a returned unit (restock, sell used, liquidate, ...) with its net recovery; --record the one chosen')
    .argument('<identifier>', 'case id, RMA id, tracking number, order id or license plate')
    .option('--record <route>', `record the route chosen: ${dispositionRoutes.join(', ')}`)
    .option('--by <name>', 'who chose it (with --record)')
    .option('--realized <amount>', 'what the route brought, e.g. 14.20 (with --record; may be added later)')
    .option('--note <text>', 'anything worth keeping (with --record)')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (identifier: string, options: { record?: string; by?: string; realized?: string; note?: string; json?: boolean; database: string }) => {
      const now = parseAt(undefined);
      if (options.record === undefined) {
        const found = await withDatabase(options.database, (database) => dispositionForCase(database, defaultAccountId, identifier, now));
        if (options.json) console.log(JSON.stringify(found));
        else printDisposition(found);
        return;
      }
      const { record: route, by = '', realized, note } = options;
      const recorded = await withDatabase(options.database, (database) => recordDisposition(database, defaultAccountId, { identifier, route, decidedBy: by, realized, note }, now, 'cli', { actor: cliActor() }));
      if (options.json) console.log(JSON.stringify(recorded));
      else printRecorded(recorded);
    });
}
