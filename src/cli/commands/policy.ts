import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { applyPolicy, checkPolicyText, readPolicyFile, showPolicy } from '../../services/policy.js';
import { cliActor } from '../cli-actor.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { defaultAccountId } from '../../services/accounts.js';

/** `returndesk policy show|validate|apply`: the seller's policy (docs/policy.md). */
export function registerPolicy(program: Command, config: Config): void {
  const policy = program.command('policy').description('The policy behind every decision: costs, priors, Amazon numbers');
  policy.command('show')
    .description('Print the policy in force (the latest applied version, or the built-in default)')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (options: { json?: boolean; database: string }) => {
      const shown = await withDatabase(options.database, (database) => showPolicy(database, defaultAccountId));
      if (options.json) {
        console.log(JSON.stringify(shown));
        return;
      }
      console.log(shown.origin === 'default'
        ? 'Policy: built-in default (version 0; change it with `returndesk policy apply FILE`)'
        : `Policy: version ${shown.version}, applied ${shown.appliedAt ?? ''} from ${shown.sourceName ?? ''}`);
      console.log(`sha256 ${shown.sha256}`);
      console.log(JSON.stringify(shown.policy, null, 2));
    });
  policy.command('validate')
    .description('Check a policy file (JSON or YAML) and list every error with its path; exit 2 when invalid')
    .argument('<file>', 'policy file')
    .action(async (file: string) => {
      checkPolicyText(await readPolicyFile(file), file);
      console.log(`${file}: valid policy`);
    });
  policy.command('apply')
    .description('Validate a policy file and store it as the next version (nothing changes when it is invalid or the same)')
    .argument('<file>', 'policy file')
    .option('--json', 'print one JSON document')
    .addOption(databaseOption(config))
    .action(async (file: string, options: { json?: boolean; database: string }) => {
      const text = await readPolicyFile(file);
      const applied = await withDatabase(options.database, (database) => applyPolicy(database, defaultAccountId, text, file, new Date().toISOString(), { actor: cliActor() }));
      if (options.json) {
        console.log(JSON.stringify(applied));
        return;
      }
      console.log(applied.changed
        ? `Applied ${file} as policy version ${applied.version}.`
        : `${file} is the same as policy version ${applied.version}: nothing changed.`);
    });
}
