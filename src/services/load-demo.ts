import type { Database } from '../storage/database.js';
import { writeDemoReports } from './demo/generate-demo-reports.js';
import { importFiles } from './import-files.js';
import type { FileOutcome, ImportFilesOptions } from './import-files.js';

export interface LoadDemoOptions extends Pick<ImportFilesOptions, 'accountId' | 'actor' | 'now' | 'progress' | 'onOutcome'> {
  /** Where the report files are written (the CLI keeps them; the HTTP API removes them afterwards). */
  dir: string;
  seed: number;
  endDate: Date;
}

/**
 * Writes the demo seller's year of reports and imports them through the same importers a real seller
 * uses. The product sheet goes first, then orders, so later reports find what they refer to.
 */
export async function loadDemo(database: Database, options: LoadDemoOptions): Promise<FileOutcome[]> {
  const { dir, seed, endDate, ...importOptions } = options;
  const files = await writeDemoReports(dir, { endDate, seed });
  const order = ['product-sheet', 'all-orders', 'fba-returns', 'mfn-returns', 'reimbursements', 'removals', 'settlement'];
  const sorted = [...files].sort((a, b) => order.indexOf(a.reportType) - order.indexOf(b.reportType));
  const outcomes: FileOutcome[] = [];
  for (const file of sorted) {
    // Each file names its marketplace: the demo writes one file per report and marketplace.
    outcomes.push(...await importFiles(database, [file.path], { ...importOptions, marketplace: file.marketplace, type: file.reportType }));
  }
  return outcomes;
}
