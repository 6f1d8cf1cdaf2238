import type { PolicyDocument } from '../../api/policy.js';
import { everyOf } from '../../every-of.js';

// The seller's message templates: a section of the policy (`messageTemplates`, per language and
// action, docs/message-templates.md). Absent ones use the shipped wording, which the API does not answer.

type Templates = NonNullable<PolicyDocument['messageTemplates']>;
export type TemplateLanguage = keyof Templates;
export type TemplateAction = keyof NonNullable<Templates[TemplateLanguage]>;
export interface MessageTemplate { subject: string; body: string }

export const templateLanguages = everyOf<TemplateLanguage>()(['en', 'de', 'fr', 'it', 'es', 'ja']);
export const templateActions = everyOf<TemplateAction>()(['save_offer', 'authorize_return', 'returnless_refund', 'refund_issued', 'request_information']);

// The lint needs a marketplace; each language's home marketplace (src/domain/marketplaces.ts).
const homeMarketplace: Readonly<Record<TemplateLanguage, string>> = { en: 'US', de: 'DE', fr: 'FR', it: 'IT', es: 'ES', ja: 'JP' };

export const lintMarketplaceOf = (language: TemplateLanguage): string => homeMarketplace[language];

export function templateOf(policy: PolicyDocument, language: TemplateLanguage, action: TemplateAction): MessageTemplate | undefined {
  return policy.messageTemplates?.[language]?.[action];
}

/** The policy with one template set, or taken out (`null`: the shipped wording again); a language left with none goes too. */
export function withTemplate(policy: PolicyDocument, language: TemplateLanguage, action: TemplateAction, template: MessageTemplate | null): PolicyDocument {
  const languageTemplates: Partial<Record<TemplateAction, MessageTemplate>> = { ...policy.messageTemplates?.[language] };
  if (template === null) delete languageTemplates[action];
  else languageTemplates[action] = template;
  const templates: Templates = { ...policy.messageTemplates };
  if (Object.keys(languageTemplates).length === 0) delete templates[language];
  else templates[language] = languageTemplates;
  const { messageTemplates: _old, ...rest } = policy;
  return Object.keys(templates).length === 0 ? rest : { ...rest, messageTemplates: templates };
}
