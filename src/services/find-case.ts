import { DomainError } from '../domain/errors.js';
import type { ReturnCase } from '../domain/return-case.js';
import { findCasesByIdentifier } from '../storage/case-lookup-repository.js';
import type { CaseIdentifierKind } from '../storage/case-lookup-repository.js';
import type { Database } from './open-database.js';

export type { CaseIdentifierKind };

/**
 * The one case a scanned or typed identifier names: case id, Amazon RMA id, return tracking number,
 * order id or FBA license plate. `not_found` when nothing matches; `conflict` listing the candidates
 * (case id, SKU, what matched) when it names several, e.g. an order with two returned SKUs, so the
 * person can pick one by its case id.
 */
export async function resolveCase(database: Pick<Database, 'db'>, accountId: number, identifier: string): Promise<{ returnCase: ReturnCase; matchedOn: CaseIdentifierKind }> {
  const text = identifier.trim();
  if (text === '') throw new DomainError('invalid_input', 'Give a case id, RMA id, tracking number, order id or license plate number.', {});
  const matches = await findCasesByIdentifier(database.db, accountId, text);
  if (matches.length === 0) {
    throw new DomainError('not_found', `No return case matches "${text}" (searched case ids, Amazon RMA ids, tracking numbers, order ids and license plates).`, { identifier: text });
  }
  if (matches.length > 1) {
    const candidates = matches.map((m) => ({ caseId: m.returnCase.id, sku: m.returnCase.sku, status: m.returnCase.status, matchedOn: m.matchedOn }));
    const list = candidates.map((c) => `case ${c.caseId} (${c.sku}, ${c.status}, by ${c.matchedOn})`).join('; ');
    throw new DomainError('conflict', `"${text}" matches ${matches.length} cases: ${list}. Use the case id.`, { identifier: text, candidates });
  }
  return matches[0]!;
}
