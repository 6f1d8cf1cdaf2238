import { applyFbaReturn, applyMfnReturn, caseKey } from '../domain/return-case.js';
import type { CaseChange, CaseContext, ReturnCase } from '../domain/return-case.js';
import type { FbaReturnRecord, MfnReturnRecord } from '../domain/report-records.js';
import { findCasesByKeys, insertCaseEvents, insertCases, updateCase } from '../storage/return-case-repository.js';
import type { CaseEvent } from '../storage/return-case-repository.js';
import type { StoredReportRow } from '../storage/report-row-repository.js';
import type { MergeContext } from './merge-report-batch.js';

export interface ReturnRowChange {
  record: { line: number };
  stored: StoredReportRow | null;
  /** The report row is stored with these very values already. */
  unchanged?: boolean;
}

type ReturnRecord = FbaReturnRecord | MfnReturnRecord;

/**
 * Moves the return cases of new and changed FBA/MFN report rows: creates the case of an order line seen
 * for the first time, applies the row to an existing one, and writes an event for every change.
 * A case takes its rows line by line, the later line winning (its reason, disposition...). So once a row
 * of a case was applied in this import, the case's later unchanged rows are applied again too: else a
 * file that repeats a key with other values would, on its second import, leave the case as the repeated
 * row says rather than as the file's last line of that case does. A case none of whose rows changed
 * already shows them all and is not read.
 * Returns the case id of each row, in the order given (null for an unchanged row).
 */
export async function applyReturnRows(context: MergeContext, rows: readonly ReturnRowChange[]): Promise<Array<number | null>> {
  const changedKeys = new Set(rows.filter((r) => !r.unchanged).map((r) => keyOf(r.record as ReturnRecord)));
  const mayApply = (r: ReturnRowChange) => !r.unchanged || changedKeys.has(keyOf(r.record as ReturnRecord)) || context.appliedCases.has(r.stored!.caseId!);
  if (!rows.some(mayApply)) return rows.map(() => null);
  const keys = [...new Set(rows.filter(mayApply).map((r) => keyOf(r.record as ReturnRecord)))];
  const cases = await findCasesByKeys(context.tx, context.accountId, keys.filter((k) => context.seenCases.mightExist(k)));
  const readVersions = new Map([...cases].map(([key, c]) => [key, c.version]));
  const freshIds = await context.tx.bulk.reserveIds('return_cases', keys.filter((k) => !cases.has(k)).length);
  const events: CaseEvent[] = [];
  // Ascending ids for new cases: rows then append to the table's B-tree instead of splitting pages
  // (handing them out in reverse left the table half empty).
  let nextFresh = 0;
  const caseIds = rows.map((row) => {
    const record = row.record as ReturnRecord;
    const key = keyOf(record);
    const existing = cases.get(key) ?? null;
    if (row.unchanged && !(existing && existing.id === row.stored?.caseId && context.appliedCases.has(existing.id))) return null;
    const caseContext = { newId: existing ? existing.id : freshIds[nextFresh++]!, accountId: context.accountId, marketplaceCode: context.marketplaceCode, now: context.now };
    const { next, change } = applyRow(context, existing, record, row.stored, caseContext);
    cases.set(key, next);
    context.appliedCases.add(next.id);
    if (change) events.push(toEvent(context, next, record.line, change));
    return next.id;
  });
  await writeCases(context, cases, readVersions);
  await insertCaseEvents(context.tx, events);
  return caseIds;
}

function keyOf(record: ReturnRecord): string {
  return caseKey(record.orderId, record.sku);
}

function applyRow(context: MergeContext, existing: ReturnCase | null, record: ReturnRecord, stored: StoredReportRow | null, caseContext: CaseContext) {
  // The stored row is this row's earlier version only if it belongs to this case.
  const previous = stored && existing && stored.caseId === existing.id ? stored : null;
  const value = (column: string) => previous?.values[context.table.columns.indexOf(column)] ?? null;
  if (context.reportType === 'fba-returns') {
    return applyFbaReturn(existing, record as FbaReturnRecord, previous ? Number(value('quantity')) : null, caseContext);
  }
  const before = previous ? { quantity: Number(value('return_quantity')), refundedMinor: value('refunded_amount_minor') as number | null } : null;
  return applyMfnReturn(existing, record as MfnReturnRecord, before, caseContext);
}

async function writeCases(context: MergeContext, cases: Map<string, ReturnCase>, readVersions: Map<string, number>): Promise<void> {
  const created: ReturnCase[] = [];
  for (const [key, c] of cases) {
    const readVersion = readVersions.get(key);
    if (readVersion === undefined) {
      created.push(c);
      context.seenCases.remember(key);
    } else if (c.version !== readVersion) await updateCase(context.tx, c, readVersion);
  }
  await insertCases(context.tx, created);
}

function toEvent(context: MergeContext, next: ReturnCase, line: number, change: CaseChange): CaseEvent {
  return {
    caseId: next.id,
    kind: change.kind,
    source: `import:${context.reportType}`,
    importRunId: context.importRunId,
    line,
    occurredAt: change.occurredAt,
    recordedAt: context.now,
    data: change.kind === 'created' ? createdValues(change) : change.fields,
  };
}

/** A created case has no "before": its event keeps the values it was created with. */
function createdValues(change: CaseChange): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, { after }] of Object.entries(change.fields)) values[field] = after;
  return values;
}
