/**
 * Test support for the demo generator: writes the demo into a temporary directory and reads every
 * file back as Amazon would hand it to the importers (decoded, split by tab, keyed by header name).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { type DemoFile, writeDemoReports } from './generate-demo-reports.js';

export interface DemoTable {
  file: DemoFile;
  name: string;
  bytes: Buffer;
  header: string[];
  rows: Record<string, string>[];
}

export interface DemoRun {
  dir: string;
  files: DemoFile[];
  tables: DemoTable[];
  cleanup(): Promise<void>;
}

export function decodeDemoBytes(bytes: Buffer, encoding: DemoFile['encoding']): string {
  const codec = encoding === 'shift_jis' ? 'cp932' : encoding;
  return iconv.decode(bytes, codec).replace(/^\uFEFF/, '');
}

/** Splits one CSV line (quoted cells may hold commas and doubled quotes; no line breaks in cells). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  return [...cells, cell];
}

function parseTable(file: DemoFile, bytes: Buffer): DemoTable {
  const split = file.reportType === 'product-sheet' ? splitCsvLine : (line: string): string[] => line.split('\t');
  const lines = decodeDemoBytes(bytes, file.encoding).split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const header = split(lines[0] ?? '');
  const rows = lines.slice(1).map((line) => {
    const cells = split(line);
    if (cells.length !== header.length) throw new Error(`${basename(file.path)}: ${cells.length} cells for ${header.length} columns in "${line}"`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
  return { file, name: basename(file.path), bytes, header, rows };
}

export async function runDemo(options: { endDate: Date; seed?: number }): Promise<DemoRun> {
  const dir = await mkdtemp(join(tmpdir(), 'returndesk-demo-'));
  const files = await writeDemoReports(dir, options);
  const tables = await Promise.all(files.map(async (file) => parseTable(file, await readFile(file.path))));
  return { dir, files, tables, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function findTables(run: DemoRun, reportType: DemoFile['reportType'], marketplace?: string): DemoTable[] {
  return run.tables.filter((t) => t.file.reportType === reportType && (marketplace === undefined || t.file.marketplace === marketplace));
}

export function findTable(run: DemoRun, reportType: DemoFile['reportType'], marketplace: string): DemoTable {
  const [table] = findTables(run, reportType, marketplace);
  if (!table) throw new Error(`no ${reportType} file for ${marketplace}`);
  return table;
}
