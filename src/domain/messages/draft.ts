import { DomainError } from '../errors.js';
import { formatAmount } from '../money.js';
import { lintMessage, type LintFinding } from './lint.js';
import { messageLanguages, type MessageLanguage } from './lint-rules.js';
import { messageActions, type MessageAction, type MessageTemplate, type TemplatePhrases } from './templates/actions.js';
import { messageTemplates } from './templates/catalog.js';

export { messageActions, type MessageAction, type MessageTemplate } from './templates/actions.js';

/** What to draft: the action, the marketplace's language, locale and currency, and the case's values. */
export interface DraftInput {
  readonly action: MessageAction;
  readonly language: MessageLanguage;
  readonly locale: string;
  readonly currency: string;
  /** Text and numbers for the placeholders; `percent` is in percentage points (15 → "15%"). */
  readonly values: Readonly<Record<string, string | number>>;
  /** Money placeholders in integer minor units of `currency`, formatted for `locale`. */
  readonly amounts?: Readonly<Record<string, number>>;
  /** Seller-edited templates; an action missing here uses the shipped template. */
  readonly templates?: Readonly<Partial<Record<MessageAction, MessageTemplate>>>;
}

/** A lint finding, with the part of the message it was found in (offsets are into that part). */
export interface DraftFinding extends LintFinding {
  readonly field: 'subject' | 'body';
}

export interface DraftMessage {
  readonly subject: string;
  readonly body: string;
  readonly findings: DraftFinding[];
  /** True only when the lint found nothing: a message with findings is never ready to send. */
  readonly ready: boolean;
}

const placeholderPattern = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const labelPayers = ['seller', 'buyer'] as const;

function requireKnown(input: DraftInput): void {
  if (!(messageActions as readonly string[]).includes(input.action)) {
    throw new DomainError('invalid_input', `Unknown message action "${String(input.action)}"; use one of ${messageActions.join(', ')}.`, { action: input.action });
  }
  if (!(messageLanguages as readonly string[]).includes(input.language)) {
    throw new DomainError('invalid_input', `Unknown message language "${String(input.language)}"; use one of ${messageLanguages.join(', ')}.`, { language: input.language });
  }
}

function chooseTemplate(input: DraftInput): MessageTemplate {
  const edited = input.templates?.[input.action];
  if (edited === undefined) return messageTemplates[input.language].templates[input.action];
  if (typeof edited.subject !== 'string' || typeof edited.body !== 'string' || edited.subject.trim() === '' || edited.body.trim() === '') {
    throw new DomainError('invalid_input', `The edited template for "${input.action}" needs a non-empty subject and body.`, { action: input.action });
  }
  return edited;
}

function formatValue(name: string, value: string | number, locale: string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) {
    throw new DomainError('invalid_input', `The value of {${name}} is ${value}: give a finite number or a text.`, { placeholder: name });
  }
  // Percent values are percentage points; Intl writes "15%", "15 %" or "15 %" as the locale does.
  return name === 'percent'
    ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100)
    : new Intl.NumberFormat(locale).format(value);
}

function collectValues(input: DraftInput): Map<string, string> {
  const filled = new Map<string, string>();
  for (const [name, value] of Object.entries(input.values)) filled.set(name, formatValue(name, value, input.locale));
  for (const [name, amountMinor] of Object.entries(input.amounts ?? {})) {
    if (filled.has(name)) {
      throw new DomainError('invalid_input', `{${name}} is given both as a value and as an amount; give it once.`, { placeholder: name });
    }
    filled.set(name, formatAmount(amountMinor, input.currency, input.locale));
  }
  return filled;
}

/** How many evidence photos the seller attaches: a number (or numeric text) of at least zero. */
function evidenceCountOf(input: DraftInput): number {
  const raw = input.values.evidenceCount;
  if (raw === undefined) return 0;
  const count = typeof raw === 'number' ? raw : raw.trim() === '' ? 0 : Number(raw);
  if (!Number.isFinite(count) || count < 0) {
    throw new DomainError('invalid_input', `evidenceCount is "${String(raw)}"; give the number of evidence photos attached (0 or more).`, { evidenceCount: raw });
  }
  return count;
}

/**
 * The derived placeholders: `{labelNote}` from `labelPaidBy` ('seller' when the seller is at fault,
 * else 'buyer'), `{deductionNote}` from `deduction` (empty when there is none or it is zero),
 * `{evidenceNote}` from `evidenceCount` (the inspection photos attached to the message; empty when
 * there are none). A value given explicitly wins, so a seller can word them freely.
 */
function deriveNotes(input: DraftInput, filled: Map<string, string>, phrases: TemplatePhrases): Map<string, string> {
  const notes = new Map<string, string>();
  const payer = input.values.labelPaidBy;
  if (!filled.has('labelNote') && payer !== undefined) {
    if (!(labelPayers as readonly unknown[]).includes(payer)) {
      throw new DomainError('invalid_input', `labelPaidBy is "${String(payer)}"; use "seller" (seller at fault) or "buyer".`, { labelPaidBy: payer });
    }
    notes.set('labelNote', payer === 'seller' ? phrases.labelPaidBySeller : phrases.labelPaidByBuyer);
  }
  if (!filled.has('deductionNote')) {
    const hasDeduction = input.amounts?.deduction !== undefined ? input.amounts.deduction !== 0 : (filled.get('deduction') ?? '').trim() !== '';
    notes.set('deductionNote', hasDeduction ? phrases.deduction : '');
  }
  if (!filled.has('evidenceNote')) {
    notes.set('evidenceNote', evidenceCountOf(input) > 0 ? phrases.evidence : '');
  }
  return notes;
}

function expandNotes(text: string, notes: Map<string, string>): string {
  return text.replace(placeholderPattern, (whole, name: string) => notes.get(name) ?? whole);
}

function listMissing(texts: readonly string[], filled: Map<string, string>): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(placeholderPattern)) {
      if (match[1] !== undefined && !filled.has(match[1])) missing.add(match[1]);
    }
  }
  return [...missing];
}

function fill(text: string, filled: Map<string, string>): string {
  // One pass: a value that itself contains "{x}" is inserted as text, never expanded again.
  const result = text.replace(placeholderPattern, (whole, name: string) => filled.get(name) ?? whole);
  // An empty note leaves an empty paragraph behind; close it up.
  return result.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function lintField(text: string, language: MessageLanguage, field: 'subject' | 'body'): DraftFinding[] {
  return lintMessage(text, language).map((finding) => ({ ...finding, field }));
}

/** The compliance lint of a message's subject and body, each finding naming its field. */
export function lintDraft(subject: string, body: string, language: MessageLanguage): DraftFinding[] {
  return [...lintField(subject, language, 'subject'), ...lintField(body, language, 'body')];
}

/**
 * Drafts the buyer message for a recommended action in the marketplace's language: picks the
 * seller's edited template or the shipped one, fills its `{placeholders}` (amounts in minor units,
 * formatted for `locale`), and runs the compliance lint on subject and body; `ready` only when
 * there are no findings. `invalid_input` for an unknown action or language, a bad amount or locale,
 * or any placeholder left without a value (all of them listed in `details.missing`).
 */
export function draftMessage(input: DraftInput): DraftMessage {
  requireKnown(input);
  const template = chooseTemplate(input);
  const filled = collectValues(input);
  const notes = deriveNotes(input, filled, messageTemplates[input.language].phrases);
  const subjectText = expandNotes(template.subject, notes);
  const bodyText = expandNotes(template.body, notes);
  const missing = listMissing([subjectText, bodyText], filled);
  if (missing.length > 0) {
    const list = missing.map((name) => `{${name}}`).join(', ');
    const hint = missing.includes('labelNote') ? ' ({labelNote} comes from labelPaidBy: "seller" or "buyer")' : '';
    throw new DomainError('invalid_input', `The ${input.action} message needs a value for ${list}; add them to values or amounts${hint}.`, { action: input.action, missing });
  }
  const subject = fill(subjectText, filled);
  const body = fill(bodyText, filled);
  const findings = lintDraft(subject, body, input.language);
  return { subject, body, findings, ready: findings.length === 0 };
}
