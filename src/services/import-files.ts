import { isDomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { normalizeEncodingName } from '../importers/decode.js';

export { encodings } from '../importers/decode.js';
import type { Database } from '../storage/database.js';
import { importReportFile } from './import-reports.js';
import type { FileImportResult, ImportFileOptions } from './import-reports.js';

/** A file that was refused as a whole (nothing written), or that failed unexpectedly. */
export interface FileRefusal {
  file: string;
  error: { code: string; message: string };
}

export type FileOutcome = FileImportResult | FileRefusal;

/** Reports progress of one file: `start` once its size is known, `update` per batch, `stop` at the end. */
export interface ProgressReporter {
  update(progress: { bytesRead: number; size: number; rows: number }): void;
  stop(): void;
}

/**
 * A file to import: its path, or its path and the name to show for it (an upload waits under a
 * temporary name; results, progress and the import history then show the name the client gave).
 */
export type ImportSource = string | { readonly path: string; readonly name: string };

export interface ImportFilesOptions extends Omit<ImportFileOptions, 'onProgress' | 'fileName'> {
  progress?: (file: string) => ProgressReporter;
  /** Called as each file is done, before the next one starts (an HTTP client streams it). */
  onOutcome?: (outcome: FileOutcome) => void;
}

/**
 * Imports several files one after the other, each in its own transaction: a refused file does not
 * stop the others, and the outcome of each is returned in order.
 */
export async function importFiles(database: Database, files: readonly ImportSource[], options: ImportFilesOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const source of files) {
    const outcome = await importOneFile(database, source, options);
    options.onOutcome?.(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function importOneFile(database: Database, source: ImportSource, options: ImportFilesOptions): Promise<FileOutcome> {
  const { path, name } = typeof source === 'string' ? { path: source, name: source } : source;
  const progress = options.progress?.(name);
  try {
    const result = await importReportFile(database, path, {
      ...options, fileName: typeof source === 'string' ? undefined : name, onProgress: progress ? (p) => progress.update(p) : undefined,
    });
    return { ...result, file: name };
  } catch (error) {
    return toRefusal(name, error);
  } finally {
    progress?.stop();
  }
}

/** Refuses an unknown encoding or marketplace before any file is read (they apply to every file of a command). */
export function checkImportOptions(options: { encoding?: string; marketplace?: string }): void {
  if (options.encoding !== undefined) normalizeEncodingName(options.encoding);
  if (options.marketplace !== undefined) requireMarketplace(options.marketplace);
}

function toRefusal(file: string, error: unknown): FileRefusal {
  if (isDomainError(error)) return { file, error: { code: error.code, message: error.message } };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { file, error: { code: 'unreadable_file', message: `There is no file at ${file}.` } };
  if (code === 'EISDIR') return { file, error: { code: 'unreadable_file', message: `${file} is a folder, not a report file.` } };
  if (code === 'EACCES') return { file, error: { code: 'unreadable_file', message: `ReturnDesk may not read ${file} (permission denied).` } };
  return { file, error: { code: 'failure', message: `The import of ${file} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}` } };
}
