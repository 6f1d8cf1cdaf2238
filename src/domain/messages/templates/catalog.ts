import type { MessageLanguage } from '../lint-rules.js';
import type { LanguageTemplates } from './actions.js';
import { dePhrases, deTemplates } from './de.js';
import { enPhrases, enTemplates } from './en.js';
import { esPhrases, esTemplates } from './es.js';
import { frPhrases, frTemplates } from './fr.js';
import { itPhrases, itTemplates } from './it.js';
import { jaPhrases, jaTemplates } from './ja.js';

/** The shipped templates of every message language (the marketplace's language). */
export const messageTemplates: Readonly<Record<MessageLanguage, LanguageTemplates>> = {
  en: { templates: enTemplates, phrases: enPhrases },
  de: { templates: deTemplates, phrases: dePhrases },
  fr: { templates: frTemplates, phrases: frPhrases },
  it: { templates: itTemplates, phrases: itPhrases },
  es: { templates: esTemplates, phrases: esPhrases },
  ja: { templates: jaTemplates, phrases: jaPhrases },
};
