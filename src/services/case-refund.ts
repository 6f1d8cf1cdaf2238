import { DomainError } from '../domain/errors.js';
import { requireMarketplace } from '../domain/marketplaces.js';
import { requireRefundLeft } from '../domain/refunds/refund-eligibility.js';
import { refundActionSheet } from '../domain/refunds/action-sheet.js';
import type { ActionStep } from '../domain/refunds/action-sheet.js';
import { caseRefundInput } from '../domain/refunds/case-refund-input.js';
import type { CaseRefundChoices } from '../domain/refunds/case-refund-input.js';
import { itemKinds } from '../domain/refunds/refund-input.js';
import type { ItemKind, RefundQuoteInput } from '../domain/refunds/refund-input.js';
import { quoteRefund } from '../domain/refunds/refund-quote.js';
import { quoteForTotal } from '../domain/refunds/quote-for-total.js';
import type { RefundCaps } from '../domain/refunds/refund-caps.js';
import { parseAmount } from '../domain/amount-text.js';
import type { RefundQuote } from '../domain/refunds/refund-quote.js';
import { parseRequestedFee } from '../domain/refunds/requested-fee.js';
import { findDecisionFacts } from '../storage/decision-facts-repository.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import { findLatestInspection, findLatestReceipt, listCaseEvidence } from '../storage/inspection-repository.js';
import { findRefundFacts } from '../storage/refund-repository.js';
import { caseDeadlines } from './case-deadlines.js';
import type { CaseDeadline } from './case-deadlines.js';
import { messageForRefund } from './case-message.js';
import type { CaseMessage } from './case-message.js';
import { loadDecisionContext } from './decision-context.js';
import { refundFactsOf } from './case-refund-facts.js';
import { resolveCase } from './find-case.js';
import type { Database } from './open-database.js';

/** The seller's choices for a refund, as typed: `fee` is none, max, 15% or 4.00. */
export interface RefundRequest {
  /** A number is the case id itself (an HTTP path); text is resolved like a scan (case id, RMA id, tracking number, order id). */
  readonly identifier: string | number;
  readonly fee?: string;
  /** A refund total the seller typed in instead of a fee (`32.00`): itemized within the caps, or refused with the range. */
  readonly amount?: string;
  readonly itemKind?: string;
  readonly deductLabel?: boolean;
  readonly refundOutboundShipping?: boolean;
  readonly freeReturns?: boolean;
  readonly buyerName?: string;
}

export interface CaseRefundQuote {
  readonly caseId: number;
  /** The case's version the quote was made on: recording it on a case that moved on since is a conflict. */
  readonly caseVersion: number;
  readonly orderId: string;
  readonly marketplace: string;
  readonly input: RefundQuoteInput;
  readonly quote: RefundQuote;
  /** What to do in Manage Returns, step by step, in English and Chinese. */
  readonly actionSheet: readonly ActionStep[];
  /** The explanation to the buyer in the marketplace's language, linted. */
  readonly message: CaseMessage;
  readonly evidenceCount: number;
  /** The refund clock (2 business days after receipt) while it runs. */
  readonly deadlines: readonly CaseDeadline[];
  /** Amazon's order item id, needed for the adjustment feed; null when the MFN report was not imported. */
  readonly orderItemId: string | null;
}

function parseItemKind(text: string | undefined): ItemKind | undefined {
  if (text === undefined) return undefined;
  if ((itemKinds as readonly string[]).includes(text)) return text as ItemKind;
  throw new DomainError('invalid_input', `"${text}" is not an item kind. Use one of: ${itemKinds.join(', ')}.`, { itemKind: text, allowed: itemKinds });
}

function choicesOf(request: RefundRequest, currency: string, decimalSeparator: '.' | ','): CaseRefundChoices {
  const itemKind = parseItemKind(request.itemKind);
  return {
    restockingFee: parseRequestedFee(request.fee ?? 'none', currency, decimalSeparator),
    ...(itemKind === undefined ? {} : { itemKind }),
    deductLabel: request.deductLabel ?? false, freeReturns: request.freeReturns ?? false,
    ...(request.refundOutboundShipping === undefined ? {} : { refundOutboundShipping: request.refundOutboundShipping }),
  };
}

function quoteOf(request: RefundRequest, input: RefundQuoteInput, caps: readonly RefundCaps[], decimalSeparator: '.' | ',', nowIso: string): RefundQuote {
  if (request.amount === undefined) return quoteRefund(input, caps, nowIso);
  if (request.fee !== undefined) throw new DomainError('invalid_input', 'Give a restocking fee or a refund amount, not both.', {});
  const amountMinor = parseAmount(request.amount, input.currency, decimalSeparator);
  return quoteForTotal(input, { amountMinor, currency: input.currency }, caps, nowIso).quote;
}

async function caseIdOf(database: Database, accountId: number, identifier: string | number): Promise<number> {
  return typeof identifier === 'number' ? identifier : (await resolveCase(database, accountId, identifier)).returnCase.id;
}

async function loadCase(database: Database, accountId: number, identifier: string | number): Promise<DecisionFacts> {
  const caseId = await caseIdOf(database, accountId, identifier);
  const facts = await findDecisionFacts(database.db, accountId, caseId);
  if (!facts) throw new DomainError('not_found', `There is no return case ${caseId}.`, { id: caseId });
  const { returnCase } = facts;
  if (returnCase.channel !== 'MFN') throw new DomainError('conflict', `Case ${returnCase.id} is an FBA return: Amazon refunds the buyer itself.`, { caseId: returnCase.id });
  requireRefundLeft({ ...returnCase, currency: requireMarketplace(returnCase.marketplaceCode).currency });
  return facts;
}

/**
 * The refund a seller may issue for a seller-fulfilled case under Amazon's rules, line by line with
 * the rule behind each, from what the reports, the product sheet and the inspection recorded and the
 * seller's choices (fee, item kind, label deduction). Comes with the action sheet for Manage Returns and
 * the buyer message. A fee above its cap, one the fault forbids, a bad fee text: `invalid_input`.
 */
export async function quoteCaseRefund(database: Database, accountId: number, request: RefundRequest, nowIso: string): Promise<CaseRefundQuote> {
  const facts = await loadCase(database, accountId, request.identifier);
  const { returnCase } = facts;
  const marketplace = requireMarketplace(returnCase.marketplaceCode);
  const context = await loadDecisionContext(database, accountId);
  const [refund, inspection, receipt, evidence] = await Promise.all([
    findRefundFacts(database.db, accountId, returnCase.id, returnCase.orderId, returnCase.sku),
    findLatestInspection(database.db, accountId, returnCase.id),
    findLatestReceipt(database.db, accountId, returnCase.id),
    listCaseEvidence(database.db, accountId, returnCase.id),
  ]);
  const freeReturns = request.freeReturns || context.policy.freeReturnsMarketplaces.includes(marketplace.code);
  const input = caseRefundInput(refundFactsOf(facts, { refund, inspection, receipt }, marketplace), choicesOf({ ...request, freeReturns }, marketplace.currency, marketplace.decimalSeparator));
  const quote = quoteOf(request, input, context.policy.restockingFeeCaps, marketplace.decimalSeparator, nowIso);
  const evidenceCount = evidence.filter((file) => file.kind === 'photo').length;
  return {
    caseId: returnCase.id, caseVersion: returnCase.version, orderId: returnCase.orderId, marketplace: marketplace.code, input, quote,
    actionSheet: refundActionSheet(quote, { orderId: returnCase.orderId, rmaId: returnCase.amazonRmaId, late: input.late, evidenceCount, locale: marketplace.locale }),
    message: messageForRefund(quote, facts, context, marketplace, evidenceCount, request.buyerName),
    evidenceCount, deadlines: caseDeadlines(returnCase, context), orderItemId: refund.orderItemId,
  };
}
