import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n/languages.js';
import { switchLanguage } from '../i18n/setup.js';

// Each language is named in itself, so a reader finds theirs whatever the page is in now.
const names: Record<(typeof languages)[number], string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={i18n.resolvedLanguage ?? 'en'} onChange={(event) => void switchLanguage(event.target.value)}>
        {languages.map((language) => <option key={language} value={language} lang={language}>{names[language]}</option>)}
      </select>
    </div>
  );
}
