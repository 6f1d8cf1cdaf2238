// The languages of the app, and which one a visitor gets first: the one they chose before (kept in
// this browser), else their browser's (any Chinese → Simplified Chinese), else English.

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export const languageStorageKey = 'returndesk.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first language for a visitor: `stored` if it is one of ours, else from the browser's languages. */
export function chooseLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages[0] ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Which text of the API's bilingual fields (`{ en, zh }`) goes with a language. */
export function apiTextKey(language: string): 'en' | 'zh' {
  return language.startsWith('zh') ? 'zh' : 'en';
}
