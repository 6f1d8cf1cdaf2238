import { z } from 'zod';
import { inspectionGrades } from '../../domain/inspection/inspection-grades.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import { faultParties } from '../../domain/reasons.js';
import { itemKinds } from '../../domain/refunds/refund-input.js';
import type { CaseRefundQuote } from '../../services/case-refund.js';
import type { RecordedRefund } from '../../services/record-refund.js';
import { caseMessageReply, deadlineReply, toCaseMessageResponse, toDeadlineResponse } from './decisions.js';

// Refunds over HTTP (docs/api/refunds.md). The choices are typed as on the command line (`returndesk
// refund quote`): a fee as none, max, 15% or 4.00 and an amount as 32.00, in the marketplace's
// writing (32,00 in the EU). Every amount answered is integer minor units of the quote's currency.

export const refundChoicesBody = z.object({
  fee: z.string().trim().min(1).max(40).describe('Restocking fee: none (default), max, a percent such as 15%, or an amount such as 4.00').optional(),
  amount: z.string().trim().min(1).max(40).describe('Refund this total instead of a fee (e.g. 32.00): itemized within Amazon\'s caps, or refused with the range allowed').optional(),
  itemKind: z.enum(itemKinds).describe('Item kind for Amazon\'s caps (default: from the product category)').optional(),
  deductLabel: z.boolean().describe('Deduct the return label the seller paid, where Amazon allows it').optional(),
  refundOutboundShipping: z.boolean().describe('Refund outbound shipping on a buyer-fault return too').optional(),
  freeReturns: z.boolean().describe('The seller offers Free Returns here: the label is never deducted').optional(),
  buyerName: z.string().trim().min(1).max(100).describe('The buyer\'s name for the message greeting').optional(),
}).strict();

export const refundRecordBody = refundChoicesBody.extend({
  recordedBy: z.string().trim().min(1).max(100).describe('Who issued the refund in Manage Returns (default: the caller\'s name)').optional(),
}).strict();

const texts = z.object({ en: z.string(), zh: z.string() }).strict();
const money = z.object({ amountMinor: z.number().int(), currency: z.string() }).strict();

const requestedFeeReply = z.union([z.enum(['none', 'max']), z.object({ bps: z.number().int() }).strict(), z.object({ amountMinor: z.number().int() }).strict()]);

/** What the quote was computed from: the case's records and the seller's choices. */
const refundInputReply = z.object({
  currency: z.string(), quantityOrdered: z.number().int(), quantityReturned: z.number().int(), unitPricePaidMinor: z.number().int(),
  linePricePaidMinor: z.number().int().optional(), outboundShippingPaidMinor: z.number().int(), fault: z.enum(faultParties),
  grade: z.enum(inspectionGrades).nullable(), late: z.boolean(), originalCondition: z.boolean(), itemKind: z.enum(itemKinds), opened: z.boolean(),
  restockingFee: requestedFeeReply, refundOutboundShipping: z.boolean().optional(),
  returnShipping: z.object({ labelCost: money, deductionForbiddenBy: z.enum(['free_returns', 'aprl_in_policy']).nullable(), deduct: z.boolean() }).strict().nullable(),
}).strict();

const refundLineReply = z.object({
  kind: z.enum(['item', 'outbound_shipping', 'restocking_fee', 'return_shipping']), amountMinor: z.number().int(), ruleId: z.string(), text: texts,
  capBps: z.number().int().nullable(), capSource: z.string().nullable(),
}).strict();

const refundQuoteLinesReply = z.object({
  currency: z.string(), lines: z.array(refundLineReply), totalMinor: z.number().int(), paidMinor: z.number().int(),
  ruleIds: z.array(z.string()), capsEffectiveFrom: z.string(),
}).strict();

export const refundQuoteReply = z.object({
  caseId: z.number().int(), caseVersion: z.number().int().describe('The case\'s version the quote was made on: send it as If-Match to record it'),
  orderId: z.string(), marketplace: z.string(), orderItemId: z.string().nullable(),
  input: refundInputReply, quote: refundQuoteLinesReply,
  actionSheet: z.array(z.object({ kind: z.string(), en: z.string(), zh: z.string() }).strict()),
  message: caseMessageReply, evidenceCount: z.number().int(), deadlines: z.array(deadlineReply),
}).strict();
export type RefundQuoteResponse = z.infer<typeof refundQuoteReply>;

export const recordedRefundReply = refundQuoteReply.extend({
  refundId: z.number().int(), statusBefore: z.enum(returnStatuses), status: z.enum(returnStatuses), version: z.number().int(),
}).strict();
export type RecordedRefundResponse = z.infer<typeof recordedRefundReply>;

export function toRefundQuoteResponse(result: CaseRefundQuote): RefundQuoteResponse {
  return {
    caseId: result.caseId, caseVersion: result.caseVersion, orderId: result.orderId, marketplace: result.marketplace, orderItemId: result.orderItemId,
    input: { ...result.input },
    quote: { ...result.quote, lines: result.quote.lines.map((line) => ({ ...line })), ruleIds: [...result.quote.ruleIds] },
    actionSheet: result.actionSheet.map((step) => ({ kind: step.kind, en: step.en, zh: step.zh })),
    message: toCaseMessageResponse(result.message), evidenceCount: result.evidenceCount, deadlines: result.deadlines.map(toDeadlineResponse),
  };
}

export function toRecordedRefundResponse(result: RecordedRefund): RecordedRefundResponse {
  return { ...toRefundQuoteResponse(result), refundId: result.refundId, statusBefore: result.statusBefore, status: result.status, version: result.version };
}
