import { z } from 'zod';
import { decisionActions } from '../../domain/decisions/decision.js';
import type { DecisionOption } from '../../domain/decisions/decision.js';
import { messageActions } from '../../domain/messages/draft.js';
import { lintRuleIds, messageLanguages } from '../../domain/messages/lint-rules.js';
import { returnStatuses } from '../../domain/lifecycle.js';
import type { CaseDeadline } from '../../services/case-deadlines.js';
import type { CaseMessage } from '../../services/case-message.js';
import type { AdvisedCase } from '../../services/decide-case.js';

// The decision desk over HTTP (docs/api/decisions.md): a case's recommendation and the message lint.
// Money is integer minor units of the decision's `currency`, as in the domain and `returndesk decide --json`.

export const recommendationQuery = z.object({
  buyerName: z.string().trim().min(1, 'give the buyer\'s name, or leave buyerName out for a generic greeting').max(100).optional(),
}).strict();

/** An edited buyer message to check; the language defaults to the marketplace's (English where it has no templates). */
export const lintBody = z.object({
  marketplace: z.string().min(2).max(40).describe('A marketplace code such as US or DE'),
  language: z.enum(messageLanguages).optional(),
  subject: z.string().max(500, 'a subject of at most 500 characters'),
  // Not trimmed: the findings' offsets must point into the text as the agent's editor holds it.
  body: z.string().max(20_000, 'a body of at most 20,000 characters').refine((text) => text.trim() !== '', 'the message body is empty: paste the text to check'),
}).strict();

const texts = z.object({ en: z.string(), zh: z.string() }).strict();

export const lintFindingReply = z.object({
  field: z.enum(['subject', 'body']), ruleId: z.enum(lintRuleIds),
  start: z.number().int(), end: z.number().int(), excerpt: z.string(), message: z.string(),
}).strict();

export const lintReply = z.object({
  marketplace: z.string(), language: z.enum(messageLanguages), findings: z.array(lintFindingReply), ready: z.boolean(),
}).strict();
export type LintResponse = z.infer<typeof lintReply>;

/** A drafted buyer message with its lint findings (decisions and refund quotes). */
export const caseMessageReply = z.object({
  action: z.enum(messageActions), language: z.enum(messageLanguages), fallbackFrom: z.string().optional(),
  subject: z.string(), body: z.string(), findings: z.array(lintFindingReply), ready: z.boolean(),
}).strict();
export type CaseMessageResponse = z.infer<typeof caseMessageReply>;

export const deadlineReply = z.object({ ruleId: z.string(), dueAt: z.string(), label: texts }).strict();

const componentReply = z.object({ id: z.string(), label: z.string(), amountMinor: z.number().int(), probability: z.number().optional() }).strict();

const optionReply = z.object({
  action: z.enum(decisionActions), step: z.number().int().optional(), allowed: z.boolean(), blockedBy: z.array(z.string()),
  expectedLossMinor: z.number().int(), components: z.array(componentReply),
}).strict();

const oddsSourceReply = z.object({
  from: z.enum(['prior', 'data']),
  observations: z.object({ reason: z.number().int().optional(), category: z.number().int().optional(), sku: z.number().int().optional() }).strict(),
  level: z.enum(['reason', 'category', 'sku']).optional(),
}).strict();

const oddsReply = z.object({
  saveOfferAcceptance: z.array(z.object({ probability: z.number(), source: oddsSourceReply }).strict()),
  grades: z.object({ probabilities: z.record(z.string(), z.number()), source: oddsSourceReply }).strict(),
}).strict();

export const recommendationReply = z.object({
  caseId: z.number().int(), orderId: z.string(), sku: z.string(), marketplace: z.string(), status: z.enum(returnStatuses),
  reasonCategory: z.string().nullable(), policyVersion: z.number().int().nullable(),
  currency: z.string(), atStakeMinor: z.number().int(),
  recommended: optionReply, options: z.array(optionReply), firedRules: z.array(z.string()), odds: oddsReply,
  explanation: texts, decidedAt: z.string(), requestedAt: z.string(),
  deadlines: z.array(deadlineReply), message: caseMessageReply.nullable(),
  actionSheet: z.array(z.object({ kind: z.string(), en: z.string(), zh: z.string() }).strict())
    .describe('What to do in Seller Central for the recommended option, step by step, then what to record here (docs/api/decisions.md)'),
}).strict();
export type RecommendationResponse = z.infer<typeof recommendationReply>;

function toOptionResponse(option: DecisionOption): z.infer<typeof optionReply> {
  return {
    action: option.action, ...(option.step === undefined ? {} : { step: option.step }), allowed: option.allowed, blockedBy: [...option.blockedBy],
    expectedLossMinor: option.expectedLossMinor, components: option.components.map((c) => ({ ...c })),
  };
}

export function toDeadlineResponse(deadline: CaseDeadline): z.infer<typeof deadlineReply> {
  return { ruleId: deadline.ruleId, dueAt: deadline.dueAt, label: { en: deadline.label.en, zh: deadline.label.zh } };
}

export function toCaseMessageResponse(message: CaseMessage): CaseMessageResponse {
  return {
    action: message.action, language: message.language, ...(message.fallbackFrom === undefined ? {} : { fallbackFrom: message.fallbackFrom }),
    subject: message.subject, body: message.body, findings: message.findings.map((f) => ({ ...f })), ready: message.ready,
  };
}

export function toRecommendationResponse(result: AdvisedCase): RecommendationResponse {
  const { decision } = result;
  return {
    caseId: result.caseId, orderId: result.orderId, sku: result.sku, marketplace: result.marketplace, status: result.status,
    reasonCategory: result.reasonCategory, policyVersion: result.policyVersion, currency: decision.currency, atStakeMinor: result.atStakeMinor,
    recommended: toOptionResponse(decision.recommended), options: decision.options.map(toOptionResponse), firedRules: [...decision.firedRules],
    odds: { saveOfferAcceptance: [...decision.odds.saveOfferAcceptance], grades: { ...decision.odds.grades } },
    // The explanation formats its sentences on first read (a class, not a plain object): read both here.
    explanation: { en: decision.explanation.en, zh: decision.explanation.zh },
    decidedAt: decision.nowIso, requestedAt: decision.requestedAtIso,
    deadlines: result.deadlines.map(toDeadlineResponse), message: result.message && toCaseMessageResponse(result.message),
    actionSheet: result.actionSheet.map((s) => ({ kind: s.kind, en: s.en, zh: s.zh })),
  };
}

const templateInForce = z.object({ subject: z.string(), body: z.string(), origin: z.enum(['seller', 'shipped']) }).strict();

/** Every buyer-message template per language and action as drafts use them now (`GET …/messages/templates`). */
export const templatesReply = z.object({
  policyVersion: z.number().int().describe('The policy version the templates are read from (0: the built-in default)'),
  templates: z.record(z.enum(messageLanguages), z.record(z.enum(messageActions), templateInForce))
    .describe('language → action → { subject, body, origin }: the seller\'s own wording from the policy (origin seller) or the shipped one'),
}).strict();
