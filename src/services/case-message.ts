import type { Decision, DecisionInput } from '../domain/decisions/decision.js';
import { messageForAction } from '../domain/decisions/message-actions.js';
import { grossRefundMinor } from '../domain/decisions/options.js';
import { addCalendarDays } from '../domain/deadlines/business-calendar.js';
import { parseInstant } from '../domain/deadlines/instant.js';
import { unnamedBuyer } from '../domain/messages/buyer-names.js';
import { draftMessage } from '../domain/messages/draft.js';
import type { DraftMessage, MessageAction } from '../domain/messages/draft.js';
import { messageLanguages } from '../domain/messages/lint-rules.js';
import type { MessageLanguage } from '../domain/messages/lint-rules.js';
import type { Marketplace } from '../domain/marketplaces.js';
import { percentOf } from '../domain/money.js';
import type { RefundQuote } from '../domain/refunds/refund-quote.js';
import type { DecisionFacts } from '../storage/decision-facts-repository.js';
import { calendarAt } from './decision-context.js';
import type { DecisionContext } from './decision-context.js';

/** A drafted buyer message, with the template action and language it was drafted from. */
export interface CaseMessage extends DraftMessage {
  readonly action: MessageAction;
  readonly language: MessageLanguage;
  /** Set when the marketplace's language has no templates and English was used instead. */
  readonly fallbackFrom?: string;
}


/** The language a marketplace's messages are drafted in: its own, or English where it has no templates. */
export function languageOf(marketplace: Marketplace): { language: MessageLanguage; fallbackFrom?: string } {
  const wanted = marketplace.locale.slice(0, 2);
  return (messageLanguages as readonly string[]).includes(wanted) ? { language: wanted as MessageLanguage } : { language: 'en', fallbackFrom: wanted };
}

/** The return-by date, as the marketplace writes a date ("15. April 2026", "2026年4月15日"). */
function shipByDate(context: DecisionContext, marketplace: Marketplace, nowIso: string): string {
  const due = addCalendarDays(calendarAt(context, marketplace, nowIso), nowIso, context.policy.decisionPriors.buyerShipByDays);
  return new Intl.DateTimeFormat(marketplace.locale, { dateStyle: 'long', timeZone: marketplace.timeZone }).format(parseInstant(due));
}

/**
 * The buyer message for a decision's recommended action, in the marketplace's language, linted;
 * null when the action is not done by a message. The buyer's name is not in Amazon's reports, so the
 * greeting addresses them generically unless `buyerName` is given.
 */
export function messageForDecision(decision: Decision, input: DecisionInput, facts: DecisionFacts, context: DecisionContext, marketplace: Marketplace, buyerName?: string): CaseMessage | null {
  const action = messageForAction[decision.recommended.action];
  if (action === null) return null;
  const { language, fallbackFrom } = languageOf(marketplace);
  const gross = grossRefundMinor(input);
  const values: Record<string, string | number> = {
    buyerName: buyerName?.trim() || unnamedBuyer[language], orderId: facts.returnCase.orderId,
    itemName: facts.product?.title ?? facts.mfn.itemName ?? facts.returnCase.sku,
  };
  const amounts: Record<string, number> = {};
  if (action === 'save_offer') {
    const bps = context.policy.saveOfferLadderBps[decision.recommended.step ?? 0] ?? 0;
    values.percent = bps / 100;
    amounts.amount = percentOf(gross, bps);
  } else if (action === 'authorize_return') {
    values.labelPaidBy = context.policy.labelPaidBy[input.reason.fault];
    values.deadline = shipByDate(context, marketplace, input.nowIso);
  } else if (action === 'returnless_refund') {
    amounts.refundAmount = gross;
  }
  const templates = context.policy.messageTemplates?.[language];
  const draft = draftMessage({ action, language, locale: marketplace.locale, currency: marketplace.currency, values, amounts, ...(templates ? { templates } : {}) });
  return { ...draft, action, language, ...(fallbackFrom === undefined ? {} : { fallbackFrom }) };
}

/**
 * The buyer message for an issued refund, in the marketplace's language, linted: the amount refunded,
 * any deduction (restocking fee, return label) and, when photos were taken, that they are attached.
 */
export function messageForRefund(quote: RefundQuote, facts: DecisionFacts, context: DecisionContext, marketplace: Marketplace, evidenceCount: number, buyerName?: string): CaseMessage {
  const { language, fallbackFrom } = languageOf(marketplace);
  const deduction = -quote.lines.filter((line) => line.amountMinor < 0).reduce((sum, line) => sum + line.amountMinor, 0);
  const values: Record<string, string | number> = {
    buyerName: buyerName?.trim() || unnamedBuyer[language], orderId: facts.returnCase.orderId,
    itemName: facts.product?.title ?? facts.mfn.itemName ?? facts.returnCase.sku, evidenceCount,
  };
  const templates = context.policy.messageTemplates?.[language];
  const draft = draftMessage({
    action: 'refund_issued', language, locale: marketplace.locale, currency: marketplace.currency, values,
    amounts: { refundAmount: quote.totalMinor, deduction }, ...(templates ? { templates } : {}),
  });
  return { ...draft, action: 'refund_issued', language, ...(fallbackFrom === undefined ? {} : { fallbackFrom }) };
}
