import { Option } from 'commander';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { reportTypes } from '../../domain/report-records.js';
import type { ReportType } from '../../domain/report-records.js';
import { encodings } from '../../importers/decode.js';
import { importFiles } from '../../services/import-files.js';
import type { FileOutcome } from '../../services/import-files.js';
import { databaseOption, withDatabase } from '../database-option.js';
import { ExitCode, setExitCode } from '../exit-codes.js';
import { createProgress } from '../progress.js';
import { formatImportSummary } from '../import-summary.js';

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
      const outcomes = await withDatabase(options.database, (database) => importFiles(database, files, {
        type: options.type, encoding: options.encoding, marketplace: options.marketplace, defaultMarketplace: config.marketplace,
        progress: options.json ? undefined : createProgress,
      }));
      if (options.json) console.log(JSON.stringify({ files: outcomes.map(toJson) }));
      else console.log(formatImportSummary(outcomes));
      setExitCode(command, exitCodeFor(outcomes));
    });
}

/** 1 when an import failed unexpectedly, 2 when a file was refused, 0 when every file landed. */
function exitCodeFor(outcomes: readonly FileOutcome[]): number {
  const refused = outcomes.filter((o) => 'error' in o);
  if (refused.some((o) => o.error.code === 'failure')) return ExitCode.failure;
  return refused.length > 0 ? ExitCode.badInput : ExitCode.ok;
}

function toJson(outcome: FileOutcome) {
  if ('error' in outcome) return outcome;
  const { file, reportType, encoding, rows, inserted, updated, unchanged, rejected, unmapped, errors, ...extra } = outcome;
  return { file, reportType, encoding, rows, inserted, updated, unchanged, rejected, unmapped, errors, ...extra };
}
