import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/domain-errors.js';
import { createTextDecoder, normalizeEncodingName, type Encoding } from './decode.js';
import { detectEncoding } from './detect-encoding.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cp932 = (text: string): Uint8Array => iconv.encode(text, 'cp932');
const cp1252 = (text: string): Uint8Array => iconv.encode(text, 'windows-1252');

/** Decodes `bytes` in chunks cut at every one of `cuts` (byte offsets). */
function decodeInChunks(encoding: Encoding, bytes: Uint8Array, cuts: number[]): string {
  const decoder = createTextDecoder(encoding);
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.end();
}

describe('normalizeEncodingName', () => {
  it.each([
    ['utf8', 'utf-8'], ['UTF-8', 'utf-8'], ['"utf-8"', 'utf-8'],
    ['cp1252', 'windows-1252'], ['Cp1252', 'windows-1252'], ['windows-1252', 'windows-1252'],
    ['latin1', 'windows-1252'], ['ISO-8859-1', 'windows-1252'],
    ['shift_jis', 'shift_jis'], ['Shift-JIS', 'shift_jis'], ['sjis', 'shift_jis'], ['cp932', 'shift_jis'],
    ['MS932', 'shift_jis'], ['Windows-31J', 'shift_jis'],
  ])('reads %s as %s', (name, expected) => {
    expect(normalizeEncodingName(name)).toBe(expected);
  });

  it('refuses an unknown name and lists the accepted ones', () => {
    const error = errorOf(() => normalizeEncodingName('ebcdic'));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"ebcdic"');
    expect(error.message).toContain('cp932');
  });
});

describe('detectEncoding', () => {
  it.each([
    ['Japanese comments in cp932', cp932('customer-comments\nサイズが小さすぎました\n商品説明と違う\n'), 'shift_jis'],
    ['a Japanese header in cp932', cp932('注文番号\t商品名\t返品理由\n'), 'shift_jis'],
    ['half-width katakana in cp932', cp932('sku\tproduct-name\nA-1\tｻｲｽﾞ ｶﾞ ﾁｲｻｲ\n'), 'shift_jis'],
    ['German text in windows-1252', cp1252('reason\tcustomer-comments\nTOO_SMALL\tGröße passt nicht\n'), 'windows-1252'],
    ['French text in windows-1252', cp1252('Déçu, la qualité est médiocre'), 'windows-1252'],
    ['a lone French word in windows-1252', cp1252('Déçu'), 'windows-1252'],
    ['typographic quotes in windows-1252', cp1252('„Schön“ – 12,50 €'), 'windows-1252'],
    ['pure ASCII', utf8('return-date\torder-id\tsku\n2025-06-05\t111-1\tA-1\n'), 'utf-8'],
    ['UTF-8 with a BOM', utf8('\uFEFFOrder ID\tMerchant SKU\n'), 'utf-8'],
    ['UTF-8 Japanese', utf8('サイズが小さすぎました'), 'utf-8'],
  ])('recognizes %s', (_name, sample, expected) => {
    expect(detectEncoding(sample)).toBe(expected);
  });

  it('accepts a UTF-8 sample that ends in the middle of a character', () => {
    const bytes = utf8('Größe 商品');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });

  it('does not take a whole file ending in a cut-off character for UTF-8', () => {
    expect(detectEncoding(cp1252('à'), { wholeFile: true })).toBe('windows-1252');
  });

  it.each([
    ['a PNG header', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52), 'PNG'],
    ['text with NUL bytes', utf8('sku\u0000asin\u0000'), 'binary'],
    ['a ZIP archive', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), 'ZIP'],
  ])('refuses %s as binary', (_name, sample, hint) => {
    const error = errorOf(() => detectEncoding(sample));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toContain('looks binary');
    expect(error.message).toContain(hint);
  });

  it('explains UTF-16 instead of calling it binary', () => {
    const error = errorOf(() => detectEncoding(Uint8Array.of(0xff, 0xfe, 0x73, 0, 0x6b, 0, 0x75, 0)));
    expect(error.message).toContain('UTF-16');
  });

  it('tolerates a stray control character in a long text', () => {
    expect(detectEncoding(utf8(`${'a'.repeat(500)}\u000b${'b'.repeat(500)}`))).toBe('utf-8');
  });
});

/** UTF-8 `before`, then the raw `stray` bytes, then UTF-8 `after`. */
const withStray = (before: string, stray: number[], after: string): Uint8Array => Uint8Array.of(...utf8(before), ...stray, ...utf8(after));
const germanUtf8 = 'sku\ttitle\nTASSE-1\tGröße M, für Männer\nTASSE-2\tWeiß, ';

describe('detectEncoding on UTF-8 with a stray byte', () => {
  it.each([
    ['a windows-1252 en dash', withStray(germanUtf8, [0x96], ' 0,3 l\n'), utf8(germanUtf8).length],
    ['a windows-1252 é before ASCII', withStray(germanUtf8, [0xe9], 'té\n'), utf8(germanUtf8).length],
    ['a Shift_JIS character in Japanese UTF-8', withStray('注文番号\t商品名\nサイズが', [0x82, 0xa0], '小さすぎました\n'), utf8('注文番号\t商品名\nサイズが').length],
    ['a stray byte in a sample cut off mid-character', withStray(germanUtf8, [0x96], ' Größe').subarray(0, -1), utf8(germanUtf8).length],
  ])('refuses %s, naming its offset', (_name, sample, offset) => {
    const error = errorOf(() => detectEncoding(sample));
    expect(error.code).toBe('unreadable_file');
    expect(error.details).toEqual({ reason: 'invalid-utf8', offset });
    expect(error.message).toBe(`The file is UTF-8 text with an invalid byte near byte offset ${offset} (a character saved in another encoding?). Fix that character in the file and import it again, or, if the file really is windows-1252, force it with --encoding windows-1252.`);
  });

  it('refuses a whole UTF-8 file that ends in the middle of a character', () => {
    const bytes = utf8(`${germanUtf8}Größ`);
    expect(errorOf(() => detectEncoding(bytes.subarray(0, -1), { wholeFile: true })).details).toEqual({ reason: 'invalid-utf8', offset: bytes.length - 2 });
  });

  it('keeps guessing when too few UTF-8 characters surround the stray byte to tell', () => {
    expect(detectEncoding(withStray('Größe ', [0x96], ' M'))).toBe('windows-1252');
  });

  const germanFrench = 'Größe passt nicht – „zu klein“ für 12,50 €\nDéçu, la qualité est médiocre à ce prix\nÄrger über Öl, süß ‘ok’ …\n';
  it.each([
    ['German and French text', cp1252(germanFrench)],
    ['a long German and French report', cp1252(`reason\tcustomer-comments\n${germanFrench.repeat(200)}`)],
    ['capitals before symbols, which happen to form UTF-8 characters', cp1252('TÜ® „Ü“ ‚ß‘ Größe: Männer, Äpfel, Öl, süß, weiß, müde\n')],
    ['accents only, one after another', cp1252('ÀÉÈÇ àéèç äöüß ÄÖÜ €“”‘’–—')],
  ])('still reads %s as windows-1252', (_name, sample) => {
    expect(detectEncoding(sample)).toBe('windows-1252');
    expect(detectEncoding(sample, { wholeFile: true })).toBe('windows-1252');
  });

  it.each([
    ['half-width katakana', cp932('sku\tsize\nA-1\tｻｲｽﾞ\nA-2\tﾃｽﾄ ﾃﾞｰﾀ ﾁｲｻｲ ｾｯﾄ\n')],
    ['full-width text', cp932('注文番号\t商品名\t返品理由\nサイズが小さすぎました。ＡＢＣ１２３\n')],
    ['half-width and full-width text mixed', cp932('商品名：ﾃｽﾄ用ｻｲｽﾞ表、ﾏｸﾞｶｯﾌﾟ（ﾌﾞﾙｰ）\n'.repeat(50))],
  ])('still reads Shift_JIS %s as shift_jis', (_name, sample) => {
    expect(detectEncoding(sample)).toBe('shift_jis');
    expect(detectEncoding(sample, { wholeFile: true })).toBe('shift_jis');
  });
});

describe('createTextDecoder', () => {
  it.each<Encoding>(['utf-8', 'windows-1252', 'shift_jis'])('strips a leading UTF-8 BOM (%s)', (encoding) => {
    const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('sku\n'));
    expect(decodeInChunks(encoding, bytes, [])).toBe('sku\n');
    expect(decodeInChunks(encoding, bytes, [1, 2])).toBe('sku\n');
  });

  it('keeps text that only starts like a BOM', () => {
    expect(decodeInChunks('windows-1252', cp1252('ï»x'), [1])).toBe('ï»x');
  });

  it('joins a UTF-8 character split across chunks', () => {
    const text = 'Größe 商品説明と違う 😀';
    const bytes = utf8(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeInChunks('utf-8', bytes, [cut])).toBe(text);
    }
    expect(decodeInChunks('utf-8', bytes, [...bytes.keys()].slice(1))).toBe(text);
  });

  it('joins a Shift_JIS character split across chunks', () => {
    const text = 'サイズが小さすぎました、商品説明と違う ①';
    const bytes = cp932(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeInChunks('shift_jis', bytes, [cut])).toBe(text);
    }
  });

  it('decodes windows-1252', () => {
    expect(decodeInChunks('windows-1252', cp1252('Déçu – 12,50 €'), [3])).toBe('Déçu – 12,50 €');
  });

  it('reports the offset of invalid UTF-8 after a clean first chunk', () => {
    const good = utf8('a'.repeat(70_000));
    const bad = Uint8Array.of(...utf8('Größe '), 0xe9, 0x74, 0x65);
    const error = errorOf(() => decodeInChunks('utf-8', Uint8Array.of(...good, ...bad), [65_536]));
    expect(error.code).toBe('unreadable_file');
    expect(error.message).toBe('The file is not valid UTF-8 (first bad byte near byte offset 70008). Try --encoding windows-1252 or shift_jis.');
  });

  it('reports the offset of a bad sequence that spans two chunks', () => {
    const bytes = Uint8Array.of(...utf8('abc'), 0xe5, 0x95, 0x41, ...utf8('def'));
    expect(errorOf(() => decodeInChunks('utf-8', bytes, [4])).details).toEqual({ offset: 3 });
  });

  it('refuses a UTF-8 file that ends in the middle of a character', () => {
    const bytes = utf8('abc商');
    expect(errorOf(() => decodeInChunks('utf-8', bytes.subarray(0, bytes.length - 1), [])).details).toEqual({ offset: 3 });
  });
});
