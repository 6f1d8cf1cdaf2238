/**
 * The buyer messages ReturnDesk drafts, one per action the decision engine can recommend
 * (issue 3, "Buyer messages"; seed article steps 2, 3 and 6), and the shape of a template.
 */
export const messageActions = [
  'save_offer',
  'authorize_return',
  'returnless_refund',
  'refund_issued',
  'request_information',
] as const;
export type MessageAction = (typeof messageActions)[number];

/** A message template: text with `{placeholder}` slots, filled by `draftMessage`. */
export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
}

/** One template per action: the shipped set of one language, or a seller's edited set. */
export type TemplateSet = Readonly<Record<MessageAction, MessageTemplate>>;

/**
 * Sentences a template pulls in through a derived placeholder, because their wording depends on
 * the case: `{labelNote}` on who pays the return label (the fault), `{deductionNote}` on whether a
 * restocking deduction was made, `{evidenceNote}` on whether inspection photos are attached to the
 * message (`evidenceCount` > 0). They may themselves hold placeholders (`{deduction}`).
 */
export interface TemplatePhrases {
  readonly labelPaidBySeller: string;
  readonly labelPaidByBuyer: string;
  readonly deduction: string;
  /** Says the photos taken at inspection are attached to this message (no count, no placeholder). */
  readonly evidence: string;
}

/** Everything shipped for one language. */
export interface LanguageTemplates {
  readonly templates: TemplateSet;
  readonly phrases: TemplatePhrases;
}
