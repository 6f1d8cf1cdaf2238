import { describe, expect, it } from 'vitest';
import { apiTextKey, chooseLanguage } from './languages.js';
import { sharedTopKeys, textFiles, translations } from './resources.js';

const { en, 'zh-CN': zhCN } = translations;

/** Every key of a nested translation object, as dotted paths. */
function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => (typeof child === 'object' && child !== null ? keysOf(child, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('the app\'s languages', () => {
  it.each([
    [null, ['zh-CN'], 'zh-CN'],
    [null, ['zh-TW', 'en'], 'zh-CN'],
    [null, ['zh'], 'zh-CN'],
    [null, ['de-DE', 'zh-CN'], 'en'],
    [null, [], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
    ['fr', ['en-US'], 'en'],
  ])('starts with the stored choice %s, else the browser\'s first language %j: %s', (stored, browser, expected) => {
    expect(chooseLanguage(stored, browser)).toBe(expected);
  });

  it('picks the API\'s Chinese text for Chinese pages', () => {
    expect(apiTextKey('zh-CN')).toBe('zh');
    expect(apiTextKey('en')).toBe('en');
  });

  it('gives each top-level key one file, so no page\'s texts overwrite another\'s', () => {
    expect(sharedTopKeys(textFiles.en)).toEqual([]);
    expect(sharedTopKeys(textFiles['zh-CN'])).toEqual([]);
    expect(sharedTopKeys([{ a: 1, b: 2 }, { b: 3 }])).toEqual(['b']);
  });

  it('has every English text in Chinese too, and nothing left untranslated', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
    const english = new Map(keysOf(en).map((key) => [key, key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en)]));
    const same = keysOf(zhCN).filter((key) => {
      const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN) as string;
      // Codes, product names and pure placeholders read the same in both languages.
      return text === english.get(key) && /[a-z]{3,}/i.test(text.replace(/\{\{\w+\}\}|ReturnDesk|returndesk[\w -]*|SKU|English/g, ''));
    });
    expect(same).toEqual([]);
  });
});
