import { errorOf } from '../../../test/domain-errors.js';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '../money.js';
import { draftMessage, messageActions, type DraftInput, type MessageAction } from './draft.js';
import { messageLanguages, type MessageLanguage } from './lint-rules.js';

const markets: Record<MessageLanguage, { locale: string; currency: string; deadline: string; buyerName: string; itemName: string }> = {
  en: { locale: 'en-US', currency: 'USD', deadline: 'April 15, 2025', buyerName: 'Jane Miller', itemName: 'Cotton T-Shirt, Blue, M' },
  de: { locale: 'de-DE', currency: 'EUR', deadline: '15.04.2025', buyerName: 'Anna Schmidt', itemName: 'Baumwoll-T-Shirt, Blau, M' },
  fr: { locale: 'fr-FR', currency: 'EUR', deadline: '15/04/2025', buyerName: 'Claire Martin', itemName: 'T-shirt en coton, bleu, M' },
  it: { locale: 'it-IT', currency: 'EUR', deadline: '15/04/2025', buyerName: 'Giulia Rossi', itemName: 'T-shirt in cotone, blu, M' },
  es: { locale: 'es-ES', currency: 'EUR', deadline: '15/04/2025', buyerName: 'Lucía García', itemName: 'Camiseta de algodón, azul, M' },
  ja: { locale: 'ja-JP', currency: 'JPY', deadline: '2025年4月15日', buyerName: '山田太郎', itemName: 'コットンTシャツ（青・M）' },
};

function sampleInput(action: MessageAction, language: MessageLanguage, overrides: Partial<DraftInput> = {}): DraftInput {
  const market = markets[language];
  return {
    action, language, locale: market.locale, currency: market.currency,
    values: { buyerName: market.buyerName, orderId: '112-1234567-1234567', itemName: market.itemName, deadline: market.deadline, percent: 15, labelPaidBy: 'seller' },
    amounts: { amount: 450, refundAmount: 2399, deduction: 600 },
    ...overrides,
  };
}

// Intl separates amount and symbol with a no-break space (de-DE "12,50\u00a0€"); compare as plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

const everyDraft = messageLanguages.flatMap((language) => messageActions.map((action) => [language, action] as const));

describe('draftMessage: every shipped template', () => {
  it.each(everyDraft)('drafts a compliant %s %s message with every placeholder filled', (language, action) => {
    const draft = draftMessage(sampleInput(action, language));
    expect(draft.subject + draft.body).not.toMatch(/\{[A-Za-z]/);
    expect(draft.findings).toEqual([]);
    expect(draft.ready).toBe(true);
    expect(draft.body).not.toMatch(/\n{3,}/);
  });

  it.each(messageLanguages)('stays compliant in %s when the buyer pays the label and there is no deduction', (language) => {
    for (const action of messageActions) {
      const base = sampleInput(action, language);
      const draft = draftMessage({ ...base, values: { ...base.values, labelPaidBy: 'buyer' }, amounts: { amount: 450, refundAmount: 2399 } });
      expect(draft.findings).toEqual([]);
    }
  });
});

describe('draftMessage: amounts, percent and derived notes', () => {
  it.each([
    ['de', '4,50 €', '15 %'],
    ['en', '$4.50', '15%'],
    ['ja', formatAmount(450, 'JPY', 'ja-JP'), '15%'],
  ] as const)('formats the save offer for %s as %s and %s', (language, amount, percent) => {
    const draft = draftMessage(sampleInput('save_offer', language));
    expect(plain(draft.body)).toContain(plain(amount));
    expect(plain(draft.body)).toContain(percent);
  });

  it('formats euros the German way and yen without decimals', () => {
    expect(plain(draftMessage(sampleInput('returnless_refund', 'de', { amounts: { refundAmount: 1250 } })).body)).toContain('12,50 €');
    expect(draftMessage(sampleInput('returnless_refund', 'ja', { amounts: { refundAmount: 1200 } })).body).toMatch(/[¥￥]1,200を/);
  });

  it('explains a restocking deduction only when there is one', () => {
    const withFee = draftMessage(sampleInput('refund_issued', 'en'));
    expect(withFee.body).toContain('restocking deduction of $6.00');
    const without = draftMessage(sampleInput('refund_issued', 'en', { amounts: { refundAmount: 2999, deduction: 0 } }));
    expect(without.body).not.toContain('deduction');
    expect(without.body).toContain('$29.99');
  });

  const evidencePhrases: Record<MessageLanguage, string> = {
    en: 'Photos of the item taken during our inspection are attached to this message.',
    de: 'Die Fotos, die wir bei der Prüfung des Artikels aufgenommen haben, finden Sie im Anhang dieser Nachricht.',
    fr: 'Vous trouverez en pièce jointe à ce message les photos de l\'article prises lors de notre vérification.',
    it: 'In allegato a questo messaggio trova le foto dell\'articolo scattate durante il nostro controllo.',
    es: 'Adjuntamos a este mensaje las fotos del artículo tomadas durante nuestra revisión.',
    ja: '検品の際に撮影した商品の写真を、このメッセージに添付いたしました。あわせてご確認ください。',
  };
  const withEvidence = (language: MessageLanguage, evidenceCount?: number | string, extra: Record<string, string | number> = {}): DraftInput => {
    const base = sampleInput('refund_issued', language);
    return { ...base, values: { ...base.values, ...(evidenceCount === undefined ? {} : { evidenceCount }), ...extra } };
  };

  it.each(messageLanguages)('references the attached evidence photos in %s when there are some', (language) => {
    const draft = draftMessage(withEvidence(language, 2));
    const paragraphs = draft.body.split('\n\n');
    expect(paragraphs).toContain(evidencePhrases[language]);
    // Right after the deduction explanation, as its own paragraph; the count itself is not printed.
    const withoutEvidence = draftMessage(withEvidence(language, 0)).body.split('\n\n');
    const base = sampleInput('refund_issued', language);
    const noDeduction = draftMessage({ ...base, amounts: { refundAmount: 2399 } }).body.split('\n\n');
    const deductionIndex = withoutEvidence.findIndex((paragraph) => !noDeduction.includes(paragraph));
    expect(paragraphs.indexOf(evidencePhrases[language])).toBe(deductionIndex + 1);
    expect(paragraphs.filter((paragraph) => paragraph !== evidencePhrases[language])).toEqual(withoutEvidence);
    expect(draft.body).not.toMatch(/\{[A-Za-z]/);
    expect(draft.findings).toEqual([]);
    expect(draft.ready).toBe(true);
  });

  it.each(messageLanguages)('leaves the evidence note out in %s when no photos are attached', (language) => {
    for (const input of [withEvidence(language, 0), withEvidence(language), withEvidence(language, '0')]) {
      const draft = draftMessage(input);
      expect(draft.body).not.toContain(evidencePhrases[language]);
      expect(draft.body).not.toMatch(/\n{3,}/);
      expect(draft.body).not.toMatch(/\{[A-Za-z]/);
      expect(draft.ready).toBe(true);
    }
    const base = sampleInput('refund_issued', language);
    const plainRefund = draftMessage({ ...base, amounts: { refundAmount: 2399 } });
    expect(plainRefund.body).not.toContain(evidencePhrases[language]);
    expect(plainRefund.body).not.toMatch(/\n{3,}/);
    expect(plainRefund.findings).toEqual([]);
  });

  it('lets an explicit evidenceNote win over the derived sentence', () => {
    const worded = draftMessage(withEvidence('en', 2, { evidenceNote: 'The two inspection photos are attached.' }));
    expect(worded.body).toContain('\n\nThe two inspection photos are attached.\n\n');
    expect(worded.body).not.toContain(evidencePhrases.en);
    const silenced = draftMessage(withEvidence('de', 3, { evidenceNote: '' }));
    expect(silenced.body).not.toContain(evidencePhrases.de);
    expect(silenced.body).not.toMatch(/\n{3,}/);
  });

  it('accepts a seller-edited refund_issued without {evidenceNote}', () => {
    const templates = { refund_issued: { subject: 'Order {orderId}', body: 'Hello {buyerName},\n\nwe refunded {refundAmount}.\n\n{deductionNote}\n\nKind regards' } };
    const draft = draftMessage({ ...withEvidence('en', 2), templates });
    expect(draft.body).not.toContain(evidencePhrases.en);
    expect(draft.ready).toBe(true);
  });

  it.each([-1, 'two', Number.NaN])('refuses an evidenceCount of %s', (evidenceCount) => {
    expect(errorOf(() => draftMessage(withEvidence('en', evidenceCount))).code).toBe('invalid_input');
  });

  it('says who pays the return label by fault', () => {
    const seller = draftMessage(sampleInput('authorize_return', 'en'));
    expect(seller.body).toContain('return shipping is on us');
    const base = sampleInput('authorize_return', 'de');
    const buyer = draftMessage({ ...base, values: { ...base.values, labelPaidBy: 'buyer' } });
    expect(buyer.body).toContain('tragen Sie bei dieser Rücksendung die Versandkosten');
  });

  it('inserts a value containing braces as text, without expanding it again', () => {
    const base = sampleInput('request_information', 'en');
    const draft = draftMessage({ ...base, values: { ...base.values, itemName: 'Mug {deadline}' } });
    expect(draft.body).toContain('Mug {deadline}');
  });
});


describe('draftMessage: refusals', () => {
  it('refuses an unknown action', () => {
    const error = errorOf(() => draftMessage(sampleInput('send_coupon' as MessageAction, 'en')));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('save_offer');
  });

  it('refuses an unknown language', () => {
    expect(errorOf(() => draftMessage(sampleInput('save_offer', 'en', { language: 'pt' as MessageLanguage }))).code).toBe('invalid_input');
  });

  it('refuses and lists every placeholder left unfilled', () => {
    const error = errorOf(() => draftMessage(sampleInput('save_offer', 'en', { values: { buyerName: 'Jane' }, amounts: {} })));
    expect(error.code).toBe('invalid_input');
    expect(error.details.missing).toEqual(['itemName', 'orderId', 'amount', 'percent']);
    expect(error.message).toContain('{amount}');
  });

  it('refuses an authorization without who pays the label', () => {
    const base = sampleInput('authorize_return', 'fr');
    const { labelPaidBy: _unused, ...values } = base.values;
    const error = errorOf(() => draftMessage({ ...base, values }));
    expect(error.details.missing).toEqual(['labelNote']);
    expect(error.message).toContain('labelPaidBy');
  });

  it.each([
    ['an unknown label payer', { values: { ...sampleInput('authorize_return', 'en').values, labelPaidBy: 'amazon' } }],
    ['an amount that is not minor units', { amounts: { refundAmount: 12.5 } }],
    ['a value given twice', { amounts: { refundAmount: 100, buyerName: 5 } }],
  ] as const)('refuses %s', (_name, overrides) => {
    expect(errorOf(() => draftMessage(sampleInput('authorize_return', 'en', overrides as Partial<DraftInput>))).code).toBe('invalid_input');
  });

  it('refuses an edited template with a placeholder nobody fills', () => {
    const templates = { save_offer: { subject: 'Order {orderId}', body: 'Hello {buyerName}, code {voucherCode}.' } };
    const error = errorOf(() => draftMessage(sampleInput('save_offer', 'en', { templates })));
    expect(error.details.missing).toEqual(['voucherCode']);
  });

  it('refuses an edited template with an empty body', () => {
    expect(errorOf(() => draftMessage(sampleInput('save_offer', 'en', { templates: { save_offer: { subject: 'Hi', body: ' ' } } }))).code).toBe('invalid_input');
  });
});

describe('draftMessage: seller-edited templates', () => {
  it.each([
    ['a link', 'en', 'Hello {buyerName}, see https://example.com/returns for order {orderId}.', 'link'],
    ['a review request', 'en', 'Hello {buyerName}, please leave a 5-star review for order {orderId}.', 'review-request'],
    ['a German review request', 'de', 'Guten Tag {buyerName}, über eine positive Bewertung zu {orderId} freuen wir uns.', 'review-request'],
    ['a Japanese link', 'ja', '{buyerName}様、詳細はwww.example.jpをご覧ください（{orderId}）。', 'link'],
  ] as const)('comes back with findings and not ready when it contains %s', (_name, language, body, ruleId) => {
    const draft = draftMessage(sampleInput('authorize_return', language, { templates: { authorize_return: { subject: 'Order {orderId}', body } } }));
    expect(draft.ready).toBe(false);
    expect(draft.findings.map((finding) => [finding.field, finding.ruleId])).toContainEqual(['body', ruleId]);
    const finding = draft.findings[0]!;
    expect(draft.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it('lints the subject as well as the body', () => {
    const draft = draftMessage(sampleInput('refund_issued', 'en', { templates: { refund_issued: { subject: 'Check out our new collection', body: 'Hello {buyerName}, we refunded {refundAmount}.' } } }));
    expect(draft.ready).toBe(false);
    expect(draft.findings[0]?.field).toBe('subject');
  });

  it('uses the shipped template for an action the seller did not edit', () => {
    const edited = draftMessage(sampleInput('save_offer', 'en', { templates: { refund_issued: { subject: 'x', body: 'y' } } }));
    expect(edited).toEqual(draftMessage(sampleInput('save_offer', 'en')));
  });

  it('a clean edited template is ready', () => {
    const draft = draftMessage(sampleInput('request_information', 'es', { templates: { request_information: { subject: 'Pedido {orderId}', body: 'Hola, {buyerName}: ¿podría enviarnos una foto del daño?' } } }));
    expect(draft).toMatchObject({ subject: 'Pedido 112-1234567-1234567', findings: [], ready: true });
  });
});
