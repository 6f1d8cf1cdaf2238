import { DomainError } from '../domain/errors.js';
import type { ReturnCase } from '../domain/return-case.js';
import { findReturnCase } from '../storage/return-case-repository.js';
import { resolveCase } from './find-case.js';
import type { CaseIdentifierKind } from './find-case.js';
import type { Database } from './open-database.js';

/**
 * A case as the warehouse names it: what was scanned or typed (case id, RMA id, tracking number, order
 * id or license plate), or exactly one case id. An HTTP path names its case by id, and must never reach
 * another case whose tracking number or order id happens to be that number.
 */
export type CaseReference = string | { readonly caseId: number };

/** The case a reference names; `not_found` when there is none in the account, `conflict` when a scan names several. */
export async function findReferencedCase(database: Pick<Database, 'db'>, accountId: number, reference: CaseReference): Promise<{ returnCase: ReturnCase; matchedOn: CaseIdentifierKind }> {
  if (typeof reference === 'string') return resolveCase(database, accountId, reference);
  const returnCase = await findReturnCase(database.db, accountId, reference.caseId);
  if (!returnCase) throw new DomainError('not_found', `There is no return case ${reference.caseId}.`, { id: reference.caseId });
  return { returnCase, matchedOn: 'case_id' };
}
