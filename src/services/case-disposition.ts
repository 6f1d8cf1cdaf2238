import { dispositionOptions } from '../domain/disposition/disposition.js';
import { dispositionRoutes } from '../domain/disposition/disposition-types.js';
import type { DispositionResult, DispositionRoute, DispositionUnit } from '../domain/disposition/disposition-types.js';
import { fbaUnsellableDispositions, fbaUnsellableOptions } from '../domain/disposition/fba-unsellable.js';
import type { FbaUnsellableDisposition, FbaUnsellableResult } from '../domain/disposition/fba-unsellable.js';
import { removalGradeOdds } from '../domain/disposition/grade-odds.js';
import { DomainError } from '../domain/errors.js';
import type { InspectionGrade } from '../domain/inspection/inspection-grades.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { Policy } from '../domain/policy/policy.js';
import { gradePriorFor } from '../domain/policy/policy-lookups.js';
import { findDecisionFacts } from '../storage/decision-facts-repository.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import { findLatestInspection } from '../storage/inspection-repository.js';
import type { StoredInspection } from '../storage/inspection-repository.js';
import { findReferencedCase } from './case-reference.js';
import type { CaseReference } from './case-reference.js';
import { unitPriceOf } from './decision-context.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

export type { StoredInspection };

/** The routes for a case's unit: after the seller's inspection, or for an FBA unit Amazon holds as unsellable. */
export type CaseDisposition = { readonly caseId: number; readonly marketplaceCode: string; readonly version: number } & (
  | { readonly kind: 'inspected'; readonly inspectionId: number; readonly grade: InspectionGrade; readonly result: DispositionResult; readonly inspection: StoredInspection }
  | { readonly kind: 'fba_unsellable'; readonly result: FbaUnsellableResult });

/**
 * The unit as the disposition economics price it. The product sheet has no size tier, so units are
 * priced as standard size (oversize fees apply only where the sheet could say so).
 */
function unitOf(facts: DecisionFacts, grade: InspectionGrade): DispositionUnit {
  const { returnCase, product } = facts;
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  return {
    channel: returnCase.channel, location: 'seller', marketplaceCode: marketplace.code, currency: marketplace.currency, sku: returnCase.sku,
    grade, quantity: returnCase.quantity, unitPriceMinor: unitPriceOf(facts, marketplace.currency),
    unitCostMinor: product?.unitCostMinor ?? undefined, weightGrams: product?.weightGrams ?? undefined, sizeTier: 'standard',
    productCategory: product?.category ?? undefined,
  };
}

function fbaUnsellable(facts: DecisionFacts, policy: Policy, nowIso: string): FbaUnsellableResult | undefined {
  const { returnCase, product } = facts;
  const disposition = returnCase.disposition as FbaUnsellableDisposition | null;
  if (returnCase.channel !== 'FBA' || disposition === null || !fbaUnsellableDispositions.includes(disposition)) return undefined;
  const { grade: _amazonGrade, location: _where, channel: _channel, ...unit } = unitOf(facts, 'unsellable_damaged');
  const odds = removalGradeOdds(gradePriorFor(policy, product?.category ?? null, returnCase.reason.category), disposition);
  return fbaUnsellableOptions({ ...unit, detailedDisposition: disposition, gradeOdds: odds }, policy, policy.disposition, nowIso);
}

async function loadFacts(database: Database, accountId: number, identifier: CaseReference): Promise<DecisionFacts> {
  const { returnCase } = await findReferencedCase(database, accountId, identifier);
  const facts = await findDecisionFacts(database.db, accountId, returnCase.id);
  if (!facts) throw new DomainError('not_found', `There is no return case ${returnCase.id}.`, { id: returnCase.id });
  return facts;
}

/**
 * Every route for a case's returned unit with its net recovery, side by side, and the best one. After
 * the seller's inspection the routes follow its grade; an FBA unit Amazon graded unsellable and still
 * holds is compared as remove / liquidate / dispose. Otherwise `conflict`: inspect the unit first.
 * Fees come from the policy in force on `nowIso`; a policy gap or an unknown price is `invalid_input`.
 * `version` is the case's, for a client that then records a route with If-Match.
 */
export async function dispositionForCase(database: Database, accountId: number, identifier: CaseReference, nowIso: string): Promise<CaseDisposition> {
  const { policy } = await showPolicy(database, accountId);
  const facts = await loadFacts(database, accountId, identifier);
  const caseId = facts.returnCase.id;
  const { marketplaceCode, version } = facts.returnCase;
  const inspection = await findLatestInspection(database.db, accountId, caseId);
  if (inspection) {
    const grade = inspection.grade as InspectionGrade;
    return { kind: 'inspected', caseId, marketplaceCode, version, inspectionId: inspection.id, grade, result: dispositionOptions(unitOf(facts, grade), policy, policy.disposition, nowIso), inspection };
  }
  const fba = fbaUnsellable(facts, policy, nowIso);
  if (fba) return { kind: 'fba_unsellable', caseId, marketplaceCode, version, result: fba };
  if (facts.returnCase.channel === 'FBA') {
    throw new DomainError('conflict', `Case ${caseId} is an FBA unit Amazon graded ${facts.returnCase.disposition ?? '(not yet)'}: routes are chosen for units Amazon holds as unsellable, or for units you removed and inspected.`, { caseId });
  }
  throw new DomainError('conflict', `Case ${caseId} has no inspection: inspect the unit first (returndesk inspect), then choose its route.`, { caseId });
}

export function parseRoute(text: string): DispositionRoute {
  if ((dispositionRoutes as readonly string[]).includes(text)) return text as DispositionRoute;
  throw new DomainError('invalid_input', `"${text}" is not a route. Use one of: ${dispositionRoutes.join(', ')}.`, { route: text, allowed: dispositionRoutes });
}
