import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinText, segmenterSegments, wordSegments } from './comment-words.js';

// The Latin fast path must split exactly as the segmenter does (of the ICU this Node ships with): these
// tests are what allows comment-words.ts to take it.

const codePoints = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
/** Every character the fast path accepts. */
const alphabet = [...codePoints(0, 0x24f), ...codePoints(0x2013, 0x2014), ...codePoints(0x201c, 0x201e), '\u20ac'].filter((c) => latinText.test(c));
/** The characters the rules treat apart: letters, digits, the joiners inside words, underscores, spaces. */
const tricky = ['a', 'Z', 'é', 'ß', 'ő', '0', '7', "'", '.', ':', ',', ';', '_', ' ', '\n', '-', '@'];

describe('wordSegments', () => {
  it('accepts Latin text and nothing else', () => {
    expect(alphabet).toHaveLength(128 + 7 + (0x24f - 0xc0 + 1 - 2) + 6);
    for (const text of ['Too small, size up', 'Fällt klein aus. Schade.', "l'été", 'Ärmel 1,5 cm zu lang – schade']) expect(latinText.test(text)).toBe(true);
    for (const text of ['颜色不一样', 'サイズ', 'a\u00adb', 'a\u00b7b', '2×3', 'a\u0301', 'ab\u2018c', '😀']) expect(latinText.test(text)).toBe(false);
  });

  it('splits every character of the alphabet as the segmenter does, alone and between letters, digits and spaces', () => {
    for (const c of alphabet) {
      for (const text of [c, `a${c}b`, `1${c}2`, `a${c}1`, `1${c}a`, `_${c}_`, ` ${c} `, `${c}${c}`]) expect(wordSegments(text)).toEqual(segmenterSegments(text));
    }
  });

  it('splits every string of three tricky characters as the segmenter does', () => {
    for (const a of tricky) for (const b of tricky) for (const c of tricky) expect(wordSegments(a + b + c)).toEqual(segmenterSegments(a + b + c));
  });

  it('splits any Latin text as the segmenter does', () => {
    const character = fc.oneof({ arbitrary: fc.constantFrom(...tricky), weight: 3 }, { arbitrary: fc.constantFrom(...alphabet), weight: 1 });
    fc.assert(fc.property(fc.string({ unit: character, maxLength: 40 }), (text) => {
      expect(wordSegments(text)).toEqual(segmenterSegments(text));
    }), { numRuns: 3_000 });
  });

  it('leaves any other text to the segmenter', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
      expect(wordSegments(text)).toEqual(segmenterSegments(text));
    }));
    expect(wordSegments('颜色和图片不一样, wrong colour')).toEqual({ words: ['颜色', '和', '图片', '不', '一样', 'wrong', 'colour'], gaps: ['', '', '', '', '', ', ', ' '] });
  });
});
