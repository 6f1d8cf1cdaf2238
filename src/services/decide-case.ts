import { decideReturn } from '../domain/decisions/decide.js';
import type { Decision } from '../domain/decisions/decision.js';
import { decisionActionSheet } from '../domain/decisions/decision-sheet.js';
import type { DecisionStep } from '../domain/decisions/decision-sheet.js';
import { grossRefundMinor } from '../domain/decisions/options.js';
import { DomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import type { ReturnCase } from '../domain/return-case.js';
import { findDecisionFacts } from '../storage/decision-facts-repository.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import { listCaseOutcomes } from '../storage/outcome-repository.js';
import { caseDeadlines } from './case-deadlines.js';
import type { CaseDeadline } from './case-deadlines.js';
import { messageForDecision } from './case-message.js';
import type { CaseMessage } from './case-message.js';
import { decisionInputOf, loadDecisionContext } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';
import type { Database } from './open-database.js';

/** A decision for one case, with its clocks and the buyer message for the recommended action. */
export interface CaseDecision {
  readonly caseId: number;
  readonly orderId: string;
  readonly sku: string;
  readonly marketplace: string;
  readonly status: ReturnCase['status'];
  readonly reasonCategory: string | null;
  /** The policy version the decision was made under (0 = built-in default). */
  readonly policyVersion: number | null;
  /** The full refund of the request, in minor units of `decision.currency`: the money at stake. */
  readonly atStakeMinor: number;
  readonly decision: Decision;
  readonly deadlines: readonly CaseDeadline[];
  readonly message: CaseMessage | null;
}

/** One case's decision with what to do in Seller Central for the recommended option (the queue's items go without). */
export interface AdvisedCase extends CaseDecision {
  readonly actionSheet: readonly DecisionStep[];
}

/**
 * A decision applies to an open seller-fulfilled request: Amazon handles FBA returns itself, and a
 * request already answered has nothing left to decide. `conflict` naming the state otherwise.
 */
export function requireDecidable(returnCase: ReturnCase): void {
  if (returnCase.channel !== 'MFN') {
    throw new DomainError('conflict', `Case ${returnCase.id} is an FBA return: Amazon answers FBA returns, so there is nothing to decide.`, { caseId: returnCase.id, channel: returnCase.channel });
  }
  if (returnCase.status !== 'requested') {
    throw new DomainError('conflict', `Case ${returnCase.id} is ${returnCase.status}: a decision applies only to an open request (status requested).`, { caseId: returnCase.id, status: returnCase.status });
  }
}

/** Decides a case whose facts are loaded, under a loaded context. */
export function decideFacts(facts: DecisionFacts, context: DecisionContext, nowIso: string, declinedSteps: readonly number[], buyerName?: string): CaseDecision {
  const { returnCase } = facts;
  requireDecidable(returnCase);
  const input = decisionInputOf(facts, context, nowIso, declinedSteps);
  const decision = decideReturn(input, context.policy);
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  return {
    caseId: returnCase.id, orderId: returnCase.orderId, sku: returnCase.sku, marketplace: marketplace.code,
    status: returnCase.status, reasonCategory: returnCase.reason.category, policyVersion: context.policyVersion,
    atStakeMinor: grossRefundMinor(input), decision, deadlines: caseDeadlines(returnCase, context),
    message: messageForDecision(decision, input, facts, context, marketplace, buyerName),
  };
}

/** Offer steps the buyer already declined on this case, 0-based. */
export async function declinedStepsOf(database: Database, accountId: number, caseId: number): Promise<number[]> {
  const outcomes = await listCaseOutcomes(database.db, accountId, caseId);
  return outcomes.filter((o) => o.outcome === 'offer-declined' && o.step !== null).map((o) => o.step!);
}

/**
 * The decision for one case of the account under the policy in force, learning from the account's
 * recorded outcomes. `not_found` for a case of another account or none; `conflict` for a case in a
 * state where no decision applies; `invalid_input` when its price is unknown.
 */
export async function decideCase(database: Database, accountId: number, caseId: number, nowIso: string, buyerName?: string): Promise<AdvisedCase> {
  const facts = await findDecisionFacts(database.db, accountId, caseId);
  if (!facts) throw new DomainError('not_found', `There is no return case ${caseId}.`, { id: caseId });
  requireDecidable(facts.returnCase);
  const context = await loadDecisionContext(database, accountId);
  const decided = decideFacts(facts, context, nowIso, await declinedStepsOf(database, accountId, caseId), buyerName);
  const { action, step } = decided.decision.recommended;
  const offerBps = step === undefined ? undefined : context.policy.saveOfferLadderBps[step];
  return { ...decided, actionSheet: decisionActionSheet(action, { orderId: facts.returnCase.orderId, rmaId: facts.returnCase.amazonRmaId, offerBps }) };
}
