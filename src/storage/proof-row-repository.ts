import type { Kysely } from 'kysely';
import type { ProofRow } from '../domain/claims/claim.js';
import type { Schema } from './schema.js';

// The stored values of a proof row, as the text of its report line: ReturnDesk keeps the parsed row, not
// the file's bytes, so the line is rebuilt from its columns (name=value, in the table's order).
const internalColumns = new Set(['id', 'account_id', 'natural_key', 'import_run_id', 'line', 'case_id']);

/** One report line of a claim: its file and line, and its values. */
export interface ProofLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The report lines behind a claim's proof rows, in proof order; rows ReturnDesk recorded itself (no file) are left out. */
export async function readProofLines(db: Kysely<Schema>, accountId: number, proof: readonly ProofRow[]): Promise<ProofLine[]> {
  const lines: ProofLine[] = [];
  for (const row of proof) {
    if (row.file === null || row.line === null || row.source === 'inspections') continue;
    const stored = await db.selectFrom(row.source).selectAll().where('account_id', '=', accountId).where('id', '=', row.rowId).executeTakeFirst();
    if (!stored) continue;
    const values = Object.entries(stored as Record<string, unknown>)
      .filter(([column, value]) => !internalColumns.has(column) && value !== null && value !== '')
      .map(([column, value]) => `${column}=${String(value)}`);
    lines.push({ file: row.file, line: row.line, text: values.join('\t') });
  }
  return lines;
}
