import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { databaseOption, describeDatabase, withDatabase } from '../database-option.js';
import { formatImportSummary } from '../import-summary.js';
import { createProgress } from '../progress.js';
import { exitCodeForImports, setExitCode } from '../exit-codes.js';
import { cliActor } from '../cli-actor.js';

export function registerDemo(program: Command, config: Config): void {
  program.command('demo')
    .description('Write a realistic year of Amazon report files for a demo seller into ./data/demo/ and import them')
    .option('--dir <dir>', 'where to write the report files', './data/demo')
    .option('--seed <n>', 'seed of the generated data', '42')
    .option('--json', 'print exactly one JSON document with the results')
    .addOption(databaseOption(config))
    .action(async (options: { dir: string; seed: string; json?: boolean; database: string }, command: Command) => {
      const { loadDemo } = await import('../../services/load-demo.js');
      const outcomes = await withDatabase(options.database, (database) => loadDemo(database, {
        dir: resolve(options.dir), seed: Number(options.seed), endDate: new Date(), actor: cliActor(), progress: options.json ? undefined : createProgress,
      }));
      setExitCode(command, exitCodeForImports(outcomes));
      if (options.json) {
        console.log(JSON.stringify({ files: outcomes }));
        return;
      }
      console.log(formatImportSummary(outcomes));
      console.log(`\nThe demo seller's data is in ${describeDatabase(options.database)}. Run \`returndesk serve\` (or npm start) to look around.`);
    });
}
