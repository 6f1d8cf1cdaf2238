import type { MessageLanguage } from './lint-rules.js';

/**
 * How to address a buyer whose name is not known (Amazon's reports carry no buyer name): each fills
 * the template's greeting, `Dear {buyerName},` → "Dear customer,", `{buyerName}様` → "お客様".
 */
export const unnamedBuyer: Readonly<Record<MessageLanguage, string>> = {
  en: 'customer',
  de: 'liebe Kundin, lieber Kunde',
  fr: 'chère cliente, cher client',
  it: 'cliente',
  es: 'estimado cliente',
  ja: 'お客',
};
