import type { Command } from 'commander';
import type { Config } from '../config.js';
import { databaseOption } from './database-option.js';
import { writeCsvTable, writeXlsxTable } from './table-files.js';

// The output options every table command shares (report rates|spikes|costs|causes, fix list): print,
// print JSON, or also write the table to CSV and XLSX files for the seller's spreadsheets.

export interface OutputOptions { json?: boolean; csv?: string; xlsx?: string; database: string }

export function withOutputs(command: Command, config: Config): Command {
  return command.option('--json', 'print one JSON document').option('--csv <file>', 'also write the table to this CSV file (UTF-8 with BOM, for spreadsheets)')
    .option('--xlsx <file>', 'also write the table to this Excel workbook')
    .addOption(databaseOption(config));
}

/** What a table command shows: its table's files, then either the JSON document or the printed view. */
export interface TableView<T> {
  readonly sheet: string;
  readonly table: string[][];
  readonly isNumber: (header: string) => boolean;
  readonly print: (result: T) => void;
}

/** Writes the table to the files asked for, then prints the result as JSON or through `view.print`. */
export async function showTable<T>(options: OutputOptions, result: T, view: TableView<T>): Promise<void> {
  if (options.csv) writeCsvTable(options.csv, view.table, view.isNumber);
  if (options.xlsx) await writeXlsxTable(options.xlsx, view.sheet, view.table, view.isNumber);
  if (options.json) return console.log(JSON.stringify(result));
  view.print(result);
  for (const file of [options.csv, options.xlsx]) if (file) console.log(`Table written to ${file}.`);
}

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
