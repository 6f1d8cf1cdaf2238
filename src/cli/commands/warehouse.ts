import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { outerBoxStates } from '../../domain/receiving/receipt.js';
import { defaultAccountId } from '../../services/accounts.js';
import { inspectReturn } from '../../services/inspect-return.js';
import type { InspectedReturn } from '../../services/inspect-return.js';
import { receiveReturn } from '../../services/receive-return.js';
import type { ReceivedReturn } from '../../services/receive-return.js';
import { parseAt } from '../arguments.js';
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
      }, now));
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
    }, store, parseAt(undefined)));
    if (options.json) console.log(JSON.stringify(result));
    else printInspection(result);
  });
}
