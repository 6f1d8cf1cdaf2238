import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLanguage, languageStorageKey } from './languages.js';
import { translations } from './resources.js';

/** Starts i18next with both languages bundled (they are small; no loading flash, no extra request). */
export async function setUpI18n(): Promise<void> {
  const language = chooseLanguage(localStorage.getItem(languageStorageKey), navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
  i18next.on('languageChanged', (chosen) => {
    document.documentElement.lang = chosen;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: translations.en }, 'zh-CN': { translation: translations['zh-CN'] } },
    lng: language, fallbackLng: 'en', supportedLngs: ['en', 'zh-CN'],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** Switches the language and remembers the choice in this browser. */
export async function switchLanguage(language: string): Promise<void> {
  localStorage.setItem(languageStorageKey, language);
  await i18next.changeLanguage(language);
}
