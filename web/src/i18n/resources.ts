import en from './en.json';
import zhCN from './zh-CN.json';
import analyticsEn from './pages/analytics.en.json';
import analyticsZhCN from './pages/analytics.zh-CN.json';
import receivingEn from './pages/receiving.en.json';
import receivingZhCN from './pages/receiving.zh-CN.json';
import settingsEn from './pages/settings.en.json';
import settingsZhCN from './pages/settings.zh-CN.json';

// The app's texts: the shared file (navigation, states, queue, case, claims, import) and one file per
// larger page under pages/, each holding only its own top-level key, so a page's texts can change
// without touching the others'. Both languages are bundled: they are small, and no text loads late.

type Texts = Record<string, unknown>;

/** Each language's files, shared first. */
export const textFiles: Readonly<Record<'en' | 'zh-CN', readonly Texts[]>> = {
  en: [en, analyticsEn, receivingEn, settingsEn],
  'zh-CN': [zhCN, analyticsZhCN, receivingZhCN, settingsZhCN],
};

/** The top-level keys found in more than one file of a language: each must have one owner. */
export function sharedTopKeys(files: readonly Texts[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of files.flatMap((file) => Object.keys(file))) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}

const merged = (files: readonly Texts[]): Texts => Object.assign({}, ...files) as Texts;

export const translations = { en: merged(textFiles.en), 'zh-CN': merged(textFiles['zh-CN']) };
