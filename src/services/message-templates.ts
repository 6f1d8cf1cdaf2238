import { messageLanguages } from '../domain/messages/lint-rules.js';
import type { MessageLanguage } from '../domain/messages/lint-rules.js';
import { messageActions } from '../domain/messages/templates/actions.js';
import type { MessageAction, MessageTemplate } from '../domain/messages/templates/actions.js';
import { messageTemplates } from '../domain/messages/templates/catalog.js';
import type { Database } from './open-database.js';
import { showPolicy } from './policy.js';

/** A template as drafts use it now: the seller's own wording from the policy, else the one shipped. */
export interface TemplateInForce extends MessageTemplate {
  readonly origin: 'seller' | 'shipped';
}

export type TemplatesInForce = Readonly<Record<MessageLanguage, Readonly<Record<MessageAction, TemplateInForce>>>>;

/**
 * Every buyer-message template of the account, per language and action, as the drafts of its cases
 * use them under the policy in force (docs/message-templates.md): a settings screen starts an edit
 * from the wording in use, whoever wrote it.
 */
export async function templatesInForce(database: Database, accountId: number): Promise<{ policyVersion: number; templates: TemplatesInForce }> {
  const { policy, version } = await showPolicy(database, accountId);
  const templates = Object.fromEntries(messageLanguages.map((language) => [language, Object.fromEntries(messageActions.map((action) => {
    const own = policy.messageTemplates?.[language]?.[action];
    const template: TemplateInForce = own
      ? { subject: own.subject, body: own.body, origin: 'seller' }
      : { ...messageTemplates[language].templates[action], origin: 'shipped' };
    return [action, template];
  }))])) as unknown as TemplatesInForce;
  return { policyVersion: version, templates };
}
