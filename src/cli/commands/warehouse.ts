import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { outerBoxStates } from '../../domain/receiving/receipt.js';
import { defaultAccountId } from '../../services/accounts.js';
import { receiveReturn } from '../../services/receive-return.js';
import type { ReceivedReturn } from '../../services/receive-return.js';
import { parseAt } from '../arguments.js';
import { databaseOption, withDatabase } from '../database-option.js';

function printReceipt(result: ReceivedReturn): void {
  console.log(`Case ${result.caseId} (found by ${result.matchedOn}) received ${result.receivedAt}, outer box ${result.outerBox}: ${result.statusBefore} -> ${result.status}`);
  for (const deadline of result.deadlines) console.log(`Due ${deadline.dueAt}: ${deadline.label.en}`);
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
}
