import type { BooleanItem, ChoiceItem, InspectionAnswers } from './checklist.js';
import { booleanItems, checklistItems, choiceItemValues, isChecklistItem } from './checklist.js';
import type { InspectionProblem } from './inspection-problems.js';
import { inspectionError, quoted } from './inspection-problems.js';

/** Answers as far as they could be read, and every problem found on the way. */
export interface ReadAnswers {
  /** The valid answers; an item with an invalid value is left out (and reported, not also as missing). */
  readonly answers: InspectionAnswers;
  /** Items given a value that is not allowed. */
  readonly invalidItems: ReadonlySet<string>;
  readonly problems: readonly InspectionProblem[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// A CLI flag or a form field arrives as text: yes/no words count as the boolean they say.
const booleanWords: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false };

// The product sheet's accessory separators (docs/product-sheet.md); a comma may be part of a name.
const accessorySeparators = /[;|、]/;

/** `Opened-Intact ` and `opened intact` are `opened_intact`: typed text varies in case and joiners. */
function normalizeChoice(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function readBoolean(item: BooleanItem, value: unknown): boolean | InspectionProblem {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? booleanWords[value.trim().toLowerCase()] : undefined;
  return word ?? { kind: 'invalid_value', item, message: `${item}: ${quoted(value)} is not one of true, false`, allowed: ['true', 'false'] };
}

function readChoice(item: ChoiceItem, value: unknown): string | InspectionProblem {
  const allowed: readonly string[] = choiceItemValues[item];
  const text = typeof value === 'string' ? normalizeChoice(value) : undefined;
  if (text !== undefined && allowed.includes(text)) return text;
  return { kind: 'invalid_value', item, message: `${item}: ${quoted(value)} is not one of ${allowed.join(', ')}`, allowed };
}

function readAccessories(value: unknown): string[] | InspectionProblem {
  const list = typeof value === 'string' ? value.split(accessorySeparators) : value;
  if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) {
    return { kind: 'invalid_value', item: 'accessoriesMissing', message: `accessoriesMissing: ${quoted(value)} is not a list of accessory names` };
  }
  const names = (list as string[]).map((name) => name.trim()).filter((name) => name !== '');
  return [...new Set(names)];
}

function readItem(key: keyof InspectionAnswers, value: unknown): unknown {
  if (key === 'accessoriesMissing') return readAccessories(value);
  if ((booleanItems as readonly string[]).includes(key)) return readBoolean(key as BooleanItem, value);
  return readChoice(key as ChoiceItem, value);
}

function isProblem(value: unknown): value is InspectionProblem {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value;
}

/**
 * Reads loose answers (a CLI's flags, an HTTP body) without throwing: every valid answer, and every
 * problem. `null` and `undefined` count as not answered; a key that names no checklist item is a
 * problem, because it is most likely a misspelt item whose answer would otherwise be lost.
 */
export function readInspectionAnswers(raw: unknown): ReadAnswers {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const problem: InspectionProblem = { kind: 'not_an_object', item: null, message: `answers must be an object of checklist items, got ${quoted(raw)}` };
    return { answers: {}, invalidItems: new Set(), problems: [problem] };
  }
  const answers: Mutable<InspectionAnswers> = {};
  const problems: InspectionProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isChecklistItem(key)) {
      problems.push({ kind: 'unknown_item', item: key, message: `${quoted(key)} is not a checklist item (items: ${checklistItems.join(', ')})`, allowed: checklistItems });
      continue;
    }
    if (value === undefined || value === null) continue;
    const read = readItem(key, value);
    if (isProblem(read)) problems.push(read);
    else (answers as Record<string, unknown>)[key] = read;
  }
  const invalidItems = new Set(problems.filter((p) => p.kind === 'invalid_value').map((p) => p.item ?? ''));
  return { answers, invalidItems, problems };
}

/**
 * Checks a plain object of answers and returns them typed, or throws one DomainError('invalid_input')
 * naming every bad item and the values it allows. Whether the answers are complete for a category is
 * gradeInspection's question, not this one's.
 */
export function parseInspectionAnswers(raw: unknown): InspectionAnswers {
  const { answers, problems } = readInspectionAnswers(raw);
  if (problems.length > 0) throw inspectionError(problems);
  return answers;
}
