import { DomainError } from '../errors.js';
import {
  lintRules, messageLanguages, phraseRules,
  type LintRuleId, type MessageLanguage, type PhraseRuleId,
} from './lint-rules.js';

/** One problem in a buyer message: which rule, where (UTF-16 offsets, end exclusive) and why. */
export interface LintFinding {
  readonly ruleId: LintRuleId;
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
  readonly message: string;
}

interface Span {
  readonly ruleId: LintRuleId;
  readonly start: number;
  readonly end: number;
}

const wordChar = '[\\p{L}\\p{N}_]';

function compilePhrases(phrases: readonly string[], language: MessageLanguage): RegExp {
  const body = phrases.map((phrase) => phrase.replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|');
  // Japanese writes no spaces between words, so its phrases match as substrings.
  return language === 'ja'
    ? new RegExp(`(?:${body})`, 'giu')
    : new RegExp(`(?<!${wordChar})(?:${body})(?!${wordChar})`, 'giu');
}

const phraseMatchers: ReadonlyMap<MessageLanguage, readonly { ruleId: PhraseRuleId; pattern: RegExp }[]> = new Map(
  messageLanguages.map((language) => [
    language,
    (Object.keys(phraseRules) as PhraseRuleId[]).map((ruleId) => ({
      ruleId,
      pattern: compilePhrases(phraseRules[ruleId][language], language),
    })),
  ]),
);

const emailPattern = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

// Bare domains need a known top-level domain in lower case, so "12.50", "e.g." or "z.B." never match.
const topLevelDomains = 'com|net|org|info|biz|shop|store|online|site|app|io|co|me|ly|to|gl|link|xyz|tv|de|fr|it|es|jp|uk|eu|us|ca|au|nl|be|at|ch|pl|se|mx|br|in|cn';
const urlChars = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";
const linkPattern = new RegExp(
  [
    `(?:https?|ftp)://${urlChars}+`,
    `(?<![A-Za-z0-9.])www\\.${urlChars}+`,
    `(?<![A-Za-z0-9@._%+-])(?:[A-Za-z0-9][A-Za-z0-9-]*\\.)+(?:${topLevelDomains})(?![A-Za-z0-9_@-])(?::\\d+)?(?:/${urlChars}*)?`,
  ].join('|'),
  'g',
);
const trailingPunctuation = /[.,;:!?)\]'"]+$/;

// International (+..), area code in parentheses, national trunk prefix 0, and North American forms.
const separator = '[ \\u00a0.\\-/]';
const notAfterNumber = '(?<![\\d.,+\\-/])';
const phonePattern = new RegExp(
  [
    `\\+\\d+(?:${separator}?\\(\\d+\\)${separator}?\\d+)?(?:${separator}\\d+)*`,
    `${notAfterNumber}\\(\\d{2,5}\\)${separator}?\\d+(?:${separator}\\d+)*`,
    `${notAfterNumber}0\\d*(?:${separator}\\d+)*`,
    `${notAfterNumber}(?:1[-. ])?\\d{3}[-. ]\\d{3}[-. ]\\d{4}(?!\\d)`,
    `${notAfterNumber}\\d{3}-\\d{4}(?![\\d-])`,
  ].join('|'),
  'g',
);

// Numbers that look like phone numbers but are allowed: Amazon order ids, dates and times.
const day = '(?:0?[1-9]|[12]\\d|3[01])';
const month = '(?:0?[1-9]|1[0-2])';
const notNumberAround = (body: string): string => `(?<!\\d)(?:${body})(?!\\d|[./-]\\d)`;
const allowedNumberPattern = new RegExp(
  [
    '\\d{3}-\\d{7}-\\d{7}',
    `${day}[./-]${month}[./-](?:\\d{4}|\\d{2})`,
    `${month}/${day}/(?:\\d{4}|\\d{2})`,
    `\\d{4}[./-]${month}[./-]${day}`,
    '\\d{1,2}:\\d{2}',
  ].map(notNumberAround).join('|'),
  'g',
);

/**
 * Maps full-width ASCII (common in Japanese: "０３－１２３４", "ｗｗｗ．") and the ideographic space to
 * their ASCII forms, one UTF-16 unit for one, so offsets into the result are offsets into `text`.
 */
function normalizeWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

function maskAllowedNumbers(text: string): string {
  return text.replace(allowedNumberPattern, (match) => '#'.repeat(match.length));
}

function matchSpans(text: string, pattern: RegExp, ruleId: LintRuleId, trim?: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const excerpt = trim ? match[0].replace(trim, '') : match[0];
    if (excerpt.length > 0) spans.push({ ruleId, start: match.index, end: match.index + excerpt.length });
  }
  return spans;
}

function countDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

function findContactSpans(text: string): Span[] {
  const emails = matchSpans(text, emailPattern, 'email');
  const links = matchSpans(text, linkPattern, 'link', trailingPunctuation);
  const phones = matchSpans(maskAllowedNumbers(text), phonePattern, 'phone')
    .filter((span) => countDigits(text.slice(span.start, span.end)) >= 7);
  // An address inside an e-mail, or digits inside a link, is one finding, not two.
  const kept: Span[] = [];
  for (const span of [...emails, ...links, ...phones]) {
    if (!kept.some((other) => overlaps(span, other))) kept.push(span);
  }
  return kept;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function findPhraseSpans(text: string, language: MessageLanguage): Span[] {
  const spans: Span[] = [];
  for (const { ruleId, pattern } of phraseMatchers.get(language) ?? []) {
    const ruleSpans = matchSpans(text, pattern, ruleId).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const span of ruleSpans) {
      if (!spans.some((other) => other.ruleId === ruleId && overlaps(span, other))) spans.push(span);
    }
  }
  return spans;
}

function describe(span: Span, excerpt: string): string {
  const rule = lintRules[span.ruleId];
  return `${rule.explanation} Found "${excerpt}". ${rule.fix} Source: ${rule.source}.`;
}

/**
 * Checks a buyer message against Amazon's buyer-messaging rules (reference §4.10): links, e-mail
 * addresses, phone numbers, review requests, incentives, marketing and pressure against a return.
 * Phrase rules use the list of `language`; contact rules apply to every language. Findings come
 * sorted by position; `start`/`end` are UTF-16 offsets into `text` (end exclusive). Amazon order
 * ids, amounts and dates are not phone numbers. Throws `invalid_input` for an unknown language.
 */
export function lintMessage(text: string, language: MessageLanguage): LintFinding[] {
  if (!(messageLanguages as readonly string[]).includes(language)) {
    throw new DomainError('invalid_input', `Unknown message language "${String(language)}"; use one of ${messageLanguages.join(', ')}.`, { language });
  }
  const normalized = normalizeWidth(text);
  const spans = [...findContactSpans(normalized), ...findPhraseSpans(normalized, language)];
  return spans
    .sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId))
    .map((span) => {
      const excerpt = text.slice(span.start, span.end);
      return { ruleId: span.ruleId, start: span.start, end: span.end, excerpt, message: describe(span, excerpt) };
    });
}

/** A message is ready to send only when the lint found nothing. */
export function isReadyToSend(findings: readonly LintFinding[]): boolean {
  return findings.length === 0;
}
