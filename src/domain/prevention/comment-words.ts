// The words of a comment as `Intl.Segmenter` splits them (Unicode's word boundaries, UAX #29, with
// ICU's dictionaries for Chinese and Japanese), and what stands between them. Most comments of a
// seller selling in Europe or America are Latin text, where the rules come down to one regular
// expression: the analytics bench's 4,620 Latin comments (of 5,639) take the segmenter 49 ms and the
// expression 1.6 ms. comment-words.test.ts proves against the segmenter of the ICU Node ships with
// that the expression splits the same (every character alone and between others, all strings of
// three tricky ones, fast-check on longer ones), on exactly the characters below; any other character
// sends the whole comment to the segmenter.

/** The words of a text in order, each with what stands between it and the word before (or the start). */
export interface WordSegments {
  readonly words: string[];
  readonly gaps: string[];
}

// The root locale ('und'), not the machine's: its rules segment every script, the same on every host,
// and Chinese and Japanese use the same CJ dictionary anyway. One segmenter for every comment: building
// one loads ICU's break rules and dictionaries.
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

const nonAsciiLatinLetters = '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const latinLetters = `A-Za-z${nonAsciiLatinLetters}`;

/**
 * Text the expression segments as the segmenter does: ASCII, the Latin letters of Latin-1 and Latin
 * Extended-A and -B, and a few punctuation marks and symbols that are never part of a word (¡ £ § « °
 * » ¿ – — “ ” „ €). Left out on purpose: the soft hyphen (U+00AD) and the middle dot (U+00B7), which
 * UAX #29 lets stand inside a word, and the multiplication and division signs, which are not letters.
 */
export const latinText = new RegExp(`^[\\u0000-\\u007F\\u00A1\\u00A3\\u00A7\\u00AB\\u00B0\\u00BB\\u00BF${nonAsciiLatinLetters}\\u2013\\u2014\\u201C-\\u201E\\u20AC]*$`);

// A word: letters, digits and underscores (UAX #29 WB5, WB8-WB10, WB13a-b), joined across one
// apostrophe, full stop or colon between two letters (WB6-7: "don't", "e.g", "a:b") and one
// apostrophe, full stop, comma or semicolon between two digits (WB11-12: "4.5", "1,000").
const latinWord = new RegExp(
  `[0-9_${latinLetters}]+(?:(?:(?<=[${latinLetters}])[.:'](?=[${latinLetters}])|(?<=[0-9])[.,;'](?=[0-9]))[0-9_${latinLetters}]+)*`, 'g',
);

/** The words of `text` and the gaps before them, as `Intl.Segmenter('und', { granularity: 'word' })` gives its word-like segments. */
export function wordSegments(text: string): WordSegments {
  return latinText.test(text) ? latinSegments(text) : segmenterSegments(text);
}

function latinSegments(text: string): WordSegments {
  const words: string[] = [];
  const gaps: string[] = [];
  let end = 0;
  latinWord.lastIndex = 0;
  for (let match = latinWord.exec(text); match !== null; match = latinWord.exec(text)) {
    const word = match[0];
    // ICU gives a lone underscore no word status (two or more, or with letters or digits, have it).
    if (word === '_') continue;
    gaps.push(text.slice(end, match.index));
    words.push(word);
    end = match.index + word.length;
  }
  return { words, gaps };
}

/** What `wordSegments` gives when the text is not Latin: the segmenter's own split (exported for the test that compares the two). */
export function segmenterSegments(text: string): WordSegments {
  const words: string[] = [];
  const gaps: string[] = [];
  let gap = '';
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike) {
      gap += segment;
      continue;
    }
    gaps.push(gap);
    words.push(segment);
    gap = '';
  }
  return { words, gaps };
}
