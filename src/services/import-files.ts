import { isDomainError } from '../domain/errors.js';

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
 * Imports several files one after the other, each in its own transaction: a refused file does not
 * stop the others, and the outcome of each is returned in order.
 */
export async function importFiles(database: Database, files: readonly string[], options: Omit<ImportFileOptions, 'onProgress'> & { progress?: (file: string) => ProgressReporter }): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const progress = options.progress?.(file);
    try {
      outcomes.push(await importReportFile(database, file, { ...options, onProgress: progress ? (p) => progress.update(p) : undefined }));
    } catch (error) {
      outcomes.push(toRefusal(file, error));
    } finally {
      progress?.stop();
    }
  }
  return outcomes;
}

function toRefusal(file: string, error: unknown): FileRefusal {
  if (isDomainError(error)) return { file, error: { code: error.code, message: error.message } };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { file, error: { code: 'unreadable_file', message: `There is no file at ${file}.` } };
  if (code === 'EISDIR') return { file, error: { code: 'unreadable_file', message: `${file} is a folder, not a report file.` } };
  if (code === 'EACCES') return { file, error: { code: 'unreadable_file', message: `ReturnDesk may not read ${file} (permission denied).` } };
  return { file, error: { code: 'failure', message: `The import of ${file} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}` } };
}
