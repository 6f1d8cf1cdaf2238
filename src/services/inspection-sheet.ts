import type { ChecklistItem } from '../domain/inspection/checklist.js';
import { requiredItemsFor } from '../domain/inspection/checklist-policy.js';
import { ruleTextOf } from '../domain/inspection/inspection-rules.js';
import type { RuleText } from '../domain/inspection/inspection-rules.js';
import type { ReturnCase } from '../domain/return-case.js';
import { findLatestInspection, findLatestReceipt } from '../storage/inspection-repository.js';
import type { CaseReceipt, StoredInspection } from '../storage/inspection-repository.js';
import { findProduct } from '../storage/product-repository.js';
import { findReferencedCase } from './case-reference.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

/**
 * What a warehouse screen needs before it asks anything of a case: where the unit stands (arrived?
 * inspected?) and the checklist this product's category asks for, with the accessories its product
 * sheet expects. The inspection itself is still checked by `inspectReturn`; this only lets a form ask
 * the right questions first instead of learning them from a refusal.
 */
export interface InspectionSheet {
  readonly returnCase: ReturnCase;
  readonly productCategory: string | null;
  /** In checklist order, for the category in the policy in force (docs/inspection.md); `unitPresent` always. */
  readonly requiredItems: readonly ChecklistItem[];
  /** The product sheet's accessories; `accessoriesMissing` is asked only when there are some. */
  readonly expectedAccessories: readonly string[];
  /** The latest arrival recorded, if any. */
  readonly receipt: CaseReceipt | null;
  /** The inspection of that arrival, if it was inspected (a later arrival is inspected anew), with its rule's sentence. */
  readonly inspection: (StoredInspection & { readonly rule: RuleText }) | null;
}

export async function inspectionSheetOf(database: Database, accountId: number, caseId: number): Promise<InspectionSheet> {
  const { returnCase } = await findReferencedCase(database, accountId, { caseId });
  const { policy } = await showPolicy(database, accountId);
  const product = await findProduct(database.db, accountId, returnCase.sku);
  const receipt = await findLatestReceipt(database.db, accountId, caseId);
  const latestInspection = await findLatestInspection(database.db, accountId, caseId);
  const productCategory = product?.category ?? null;
  const inspected = receipt !== undefined && latestInspection?.receiptId === receipt.id ? latestInspection : undefined;
  return {
    returnCase, productCategory, requiredItems: requiredItemsFor(policy.inspectionChecklists, productCategory),
    expectedAccessories: product?.accessories ?? [], receipt: receipt ?? null,
    inspection: inspected ? { ...inspected, rule: ruleTextOf(inspected.ruleId) } : null,
  };
}
