import { Option } from 'commander';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { reportTypes } from '../../domain/report-records.js';
import type { ReportType } from '../../domain/report-records.js';
import { encodings, importFiles } from '../../services/import-files.js';
import type { FileOutcome } from '../../services/import-files.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { exitCodeForImports, setExitCode } from '../exit-codes.js';
import { isDomainError } from '../../domain/errors.js';
import { createProgress } from '../progress.js';
import { formatImportSummary } from '../import-summary.js';
import { cliActor } from '../cli-actor.js';

interface ImportOptions {
  type?: ReportType;
  encoding?: string;
  marketplace?: string;
  json?: boolean;
  database: string;
}

export function registerImport(program: Command, config: Config): void {
  program.command('import')
    .description('Import Amazon report files (type detected from the header) or the seller\'s product sheet')
    .argument('<files...>', 'report files (tab-delimited, as downloaded) or a product sheet (CSV/XLSX)')
    .addOption(new Option('--type <type>', 'report type, instead of detecting it').choices([...reportTypes]))
    .addOption(new Option('--encoding <encoding>', `file encoding, instead of detecting it (${encodings.join(', ')}, or cp932, cp1252...)`))
    .option('--marketplace <id>', `marketplace of files that do not name theirs (code like US or DE, or Amazon id); default ${config.marketplace}`)
    .option('--json', 'print exactly one JSON document with the results')
    .addOption(databaseOption(config))
    .action(async (files: string[], options: ImportOptions, command: Command) => {
      const run = () => withDatabase(options.database, (database) => importFiles(database, files, {
        type: options.type, encoding: options.encoding, marketplace: options.marketplace, defaultMarketplace: config.marketplace,
        actor: cliActor(), progress: options.json ? undefined : createProgress,
      }));
      const outcomes = options.json ? await printingJsonOnFailure(run) : await run();
      if (options.json) console.log(JSON.stringify({ files: outcomes.map(toJson) }));
      else console.log(formatImportSummary(outcomes));
      setExitCode(command, exitCodeForImports(outcomes));
    });
}

/** With --json, stdout gets its one document even when nothing could be imported (no database...). */
async function printingJsonOnFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = isDomainError(error) ? error.code : 'failure';
    console.log(JSON.stringify({ files: [], error: { code, message: error instanceof Error ? error.message : String(error) } }));
    throw error;
  }
}

function toJson(outcome: FileOutcome) {
  if ('error' in outcome) return outcome;
  const { file, reportType, encoding, rows, inserted, updated, unchanged, rejected, unmapped, errors, ...extra } = outcome;
  return { file, reportType, encoding, rows, inserted, updated, unchanged, rejected, unmapped, errors, ...extra };
}
