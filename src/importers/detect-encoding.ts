import { DomainError } from '../domain/errors.js';
import type { Encoding } from './decode.js';

// Which encoding a report file is in, from a sample of its bytes: a BOM or strict UTF-8, else the more
// plausible of cp932 (Japan) and windows-1252 (EU); binary files and UTF-16 are refused.

const binaryHints: readonly (readonly [readonly number[], string])[] = [
  [[0x50, 0x4b, 0x03, 0x04], 'it is a ZIP archive or an Excel workbook'],
  [[0x89, 0x50, 0x4e, 0x47], 'it is a PNG image'],
  [[0x25, 0x50, 0x44, 0x46], 'it is a PDF document'],
  [[0x1f, 0x8b], 'it is gzip-compressed: unzip it first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'it is an old Excel .xls workbook'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Refuses binary samples; UTF-16 (Excel's "Unicode Text") gets its own message because it is text. */
function assertText(sample: Uint8Array): void {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new DomainError('unreadable_file', 'This file is UTF-16 text (Excel\'s "Unicode Text"). Save it as UTF-8 (or tab-delimited text) and upload it again.', { reason: 'utf-16' });
  }
  let controls = 0;
  let nul = false;
  for (const byte of sample) {
    if (byte >= 0x20 && byte !== 0x7f) continue;
    if (byte === 0) nul = true;
    // Tab, LF, FF, CR and SUB (the DOS end-of-file mark) occur in real text exports.
    else if (byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 26) controls++;
  }
  // A stray control character pasted into a comment is tolerated; NUL never is.
  if (nul || (controls > 0 && controls * 100 >= sample.length)) {
    const hint = binaryHints.find(([magic]) => startsWith(sample, magic))?.[1];
    throw new DomainError('unreadable_file', `This file looks binary (not a text report)${hint ? `: ${hint}` : ''}. Upload the report as Amazon delivers it: tab-delimited or CSV text.`, { reason: 'binary' });
  }
}

export function isValidUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    // stream: true keeps a character cut off at the end of the sample pending instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Plausibility of a cp932 double-byte character in Japanese text: kana and common kanji score. */
function scoreCp932Pair(lead: number, trail: number): number {
  const code = (lead << 8) | trail;
  if (code >= 0x829f && code <= 0x82f1) return 2; // hiragana
  if (code >= 0x8340 && code <= 0x8396) return 2; // katakana
  if (code >= 0x8140 && code <= 0x81ac) return 1; // 、。・ー「」 and friends
  if (code >= 0x824f && code <= 0x829a) return 1; // full-width digits and letters
  if (code >= 0x889f && code <= 0x9872) return 1; // JIS level 1 kanji
  if ((code >= 0x989f && code <= 0xeaa4) || lead === 0x83 || lead === 0x84 || lead === 0x87) return 0; // level 2 kanji, Greek, Cyrillic, ①
  return -2; // vendor extensions, user-defined area, unassigned cells
}

function isHalfWidthKana(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0xa1 && byte <= 0xdf;
}

/** Scores the sample read as cp932; invalid byte sequences weigh heavily against it. */
function scoreCp932(sample: Uint8Array): number {
  let score = 0;
  for (let i = 0; i < sample.length; i++) {
    const lead = sample[i]!;
    if (lead < 0x80) continue;
    if (isHalfWidthKana(lead)) {
      // Half-width katakana come in runs (ｻｲｽﾞ); one alone is more likely a cp1252 letter (É, Ö).
      if (isHalfWidthKana(sample[i - 1]) || isHalfWidthKana(sample[i + 1])) score += 1;
      continue;
    }
    if (i + 1 === sample.length) break; // a character cut off by the end of the sample
    const trail = sample[++i]!;
    const validLead = (lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc);
    const validTrail = trail >= 0x40 && trail <= 0xfc && trail !== 0x7f;
    score += validLead && validTrail ? scoreCp932Pair(lead, trail) : -5;
  }
  return score;
}

function isAsciiLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

const cp1252Unassigned = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const cp1252Punctuation = new Set([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xa3, 0xa7, 0xab, 0xb0, 0xb2, 0xb3, 0xbb]);

/** Scores the sample read as windows-1252: accented letters inside Latin words, typographic punctuation. */
function scoreCp1252(sample: Uint8Array): number {
  let score = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    if (cp1252Unassigned.has(byte)) score -= 5;
    else if (cp1252Punctuation.has(byte)) score += 1;
    else if (byte >= 0xc0 && byte !== 0xd7 && byte !== 0xf7) {
      score += isAsciiLetter(sample[i - 1]) || isAsciiLetter(sample[i + 1]) ? 2 : 0;
    }
  }
  return score;
}

/** Length of the well-formed UTF-8 character of 2 to 4 bytes at `i`: 0 if malformed, -1 if cut off by the end. */
function utf8CharLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    if (byte === undefined) return -1;
    if (byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/**
 * Offset of the first bad byte of a sample that is not valid UTF-8 but reads as UTF-8 almost
 * everywhere: 90% of its non-ASCII bytes in 3 or more well-formed characters. Undefined otherwise.
 * windows-1252 and Shift_JIS text rarely forms UTF-8 characters at all: an accented letter or a kana
 * lead byte is seldom followed by the right number of bytes in 0x80-0xBF.
 */
function findStrayByte(sample: Uint8Array, complete: boolean): number | undefined {
  const { good, bad, characters, first } = tallyUtf8(sample, complete);
  return bad > 0 && characters >= 3 && good >= 9 * bad ? first : undefined;
}

/** Bytes in well-formed UTF-8 characters of 2 to 4 bytes (`good`, `characters` of them) and bad bytes, the `first` at its offset. */
function tallyUtf8(sample: Uint8Array, complete: boolean): { good: number; bad: number; characters: number; first: number } {
  let good = 0, bad = 0, characters = 0, first = -1;
  for (let i = 0; i < sample.length;) {
    const length = sample[i]! < 0x80 ? 1 : utf8CharLength(sample, i);
    if (length === -1 && !complete) break;
    if (length > 1) { good += length; characters++; }
    else if (length !== 1) { bad++; if (first < 0) first = i; }
    i += Math.max(length, 1);
  }
  return { good, bad, characters, first };
}

/**
 * Guesses the encoding from the first chunk of a file (about 64 KiB): a UTF-8 BOM or valid UTF-8 (a
 * character cut off at the end of the sample is fine, unless `wholeFile` says the sample is the entire
 * file) is UTF-8; otherwise cp932 and windows-1252 readings are scored and the more plausible wins
 * (ties go to windows-1252). NUL or other binary control bytes, or UTF-16, are an `unreadable_file`
 * DomainError; so is UTF-8 text with a stray invalid byte (details `{ reason: 'invalid-utf8', offset }`),
 * which either guess would garble.
 */
export function detectEncoding(sample: Uint8Array, options: { wholeFile?: boolean } = {}): Encoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8';
  assertText(sample);
  const complete = options.wholeFile ?? false;
  if (isValidUtf8(sample, complete)) return 'utf-8';
  const stray = findStrayByte(sample, complete);
  if (stray !== undefined) {
    throw new DomainError('unreadable_file', `The file is UTF-8 text with an invalid byte near byte offset ${stray} (a character saved in another encoding?). Fix that character in the file and import it again, or, if the file really is windows-1252, force it with --encoding windows-1252.`, { reason: 'invalid-utf8', offset: stray });
  }
  return scoreCp932(sample) > scoreCp1252(sample) ? 'shift_jis' : 'windows-1252';
}

/**
 * Guesses the encoding of a sample from inside a file whose bytes before it all read as UTF-8. That
 * prefix speaks for UTF-8, so a sample with as many bytes in well-formed UTF-8 characters as bad bytes
 * is UTF-8 with stray bytes of another encoding (which any reading garbles) and says 'utf-8';
 * otherwise this is {@link detectEncoding}'s guess, errors included.
 */
export function detectEncodingAfterUtf8(sample: Uint8Array, options: { wholeFile?: boolean } = {}): Encoding {
  const { good, bad } = tallyUtf8(sample, options.wholeFile ?? false);
  return good >= bad ? 'utf-8' : detectEncoding(sample, options);
}
