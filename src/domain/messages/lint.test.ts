// The domain import rule is for production code; tests need their runner and fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { isReadyToSend, lintMessage } from './lint.js';
import { lintRuleIds, lintRules, messageLanguages, phraseRules, type LintRuleId, type MessageLanguage } from './lint-rules.js';

type Violation = [string, MessageLanguage, string, LintRuleId, string];

const violations: Violation[] = [
  // Contact details and links, in every language.
  ['flags an https link', 'en', 'Please see https://example.com/returns for details.', 'link', 'https://example.com/returns'],
  ['flags a www address without the closing full stop', 'de', 'Mehr unter www.beispiel.de.', 'link', 'www.beispiel.de'],
  ['flags a bare short-link domain', 'fr', 'Voir amzn.to/3xYz pour le suivi.', 'link', 'amzn.to/3xYz'],
  ['flags a bare domain', 'it', 'Visiti example.com per il reso.', 'link', 'example.com'],
  ['flags a bare domain with a country code', 'es', 'Visite tienda-ejemplo.es hoy.', 'link', 'tienda-ejemplo.es'],
  ['flags a link inside Japanese text', 'ja', '詳細はhttps://example.jp/faqをご覧ください。', 'link', 'https://example.jp/faq'],
  ['flags a full-width link in Japanese', 'ja', '詳細はｗｗｗ．ｅｘａｍｐｌｅ．ｊｐへ', 'link', 'ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ'],
  ['flags an e-mail address once, not as a link too', 'en', 'Write to help@shop-example.com today.', 'email', 'help@shop-example.com'],
  ['flags an e-mail address in German', 'de', 'Schreiben Sie an service@beispiel.de.', 'email', 'service@beispiel.de'],
  ['flags an e-mail address in French', 'fr', 'Écrivez-nous : contact@exemple.fr', 'email', 'contact@exemple.fr'],
  ['flags an e-mail address in Italian', 'it', 'Scriva a assistenza@esempio.it grazie', 'email', 'assistenza@esempio.it'],
  ['flags an e-mail address in Spanish', 'es', 'Escríbanos a ayuda@ejemplo.es, gracias.', 'email', 'ayuda@ejemplo.es'],
  ['flags an e-mail address in Japanese', 'ja', 'support@example.jpまでご連絡ください。', 'email', 'support@example.jp'],
  ['flags an international phone number', 'en', 'Call us on +1 555 123 4567.', 'phone', '+1 555 123 4567'],
  ['flags a North American number with parentheses', 'en', 'Our line: (555) 123-4567', 'phone', '(555) 123-4567'],
  ['flags a German national number', 'de', 'Rufen Sie uns an: 030 1234567.', 'phone', '030 1234567'],
  ['flags a German number with area code in parentheses', 'de', 'Tel. +49 (0)30 123456', 'phone', '+49 (0)30 123456'],
  ['flags a French number in pairs', 'fr', 'Appelez le 01 23 45 67 89.', 'phone', '01 23 45 67 89'],
  ['flags a French number with dots', 'fr', 'Tél : 06.12.34.56.78', 'phone', '06.12.34.56.78'],
  ['flags an Italian number', 'it', 'Chiami il +39 02 1234 5678', 'phone', '+39 02 1234 5678'],
  ['flags a Spanish number', 'es', 'Llámenos al +34 912 345 678.', 'phone', '+34 912 345 678'],
  ['flags a Japanese number', 'ja', 'お電話は03-1234-5678まで。', 'phone', '03-1234-5678'],
  ['flags a full-width Japanese number', 'ja', 'お電話は０１２０－１２３－４５６まで。', 'phone', '０１２０－１２３－４５６'],
  // Review requests.
  ['flags a request for a review', 'en', 'Could you leave a review for us?', 'review-request', 'leave a review'],
  ['flags a request for positive feedback', 'en', 'We would love your positive feedback.', 'review-request', 'positive feedback'],
  ['flags a star rating', 'en', 'Please give us 5 stars!', 'review-request', '5 stars'],
  ['flags a request to change a review', 'en', 'Please remove your negative review.', 'review-request', 'remove your negative review'],
  ['flags a German review request', 'de', 'Über eine positive Bewertung freuen wir uns.', 'review-request', 'positive Bewertung'],
  ['flags German stars', 'de', 'Bitte geben Sie uns 5 Sterne.', 'review-request', '5 Sterne'],
  ['flags a French review request', 'fr', 'Merci de laisser un avis sur Amazon.', 'review-request', 'laisser un avis'],
  ['flags French stars', 'fr', 'Donnez-nous 5 étoiles !', 'review-request', '5 étoiles'],
  ['flags an Italian review request', 'it', 'Ci lasci una recensione, grazie.', 'review-request', 'lasci una recensione'],
  ['flags Italian stars', 'it', 'Ci dia 5 stelle.', 'review-request', '5 stelle'],
  ['flags a Spanish review', 'es', 'Déjenos una reseña, por favor.', 'review-request', 'reseña'],
  ['flags a Spanish opinion request', 'es', 'Nos gustaría conocer su opinión en Amazon.', 'review-request', 'opinión'],
  ['flags Spanish stars', 'es', 'Denos 5 estrellas.', 'review-request', '5 estrellas'],
  ['flags a Japanese review request', 'ja', 'ぜひレビューをお願いします。', 'review-request', 'レビュー'],
  ['flags a Japanese rating request', 'ja', '高い評価をいただけると幸いです。', 'review-request', '評価'],
  ['flags Japanese five stars', 'ja', '星５をお願いします', 'review-request', '星５'],
  // Incentives.
  ['flags a gift card', 'en', 'We will send you a $10 gift card.', 'incentive', 'gift card'],
  ['flags a free gift', 'en', 'Enjoy a free gift with your next order.', 'incentive', 'free gift'],
  ['flags a discount code', 'en', 'Here is a discount code: SAVE20', 'incentive', 'discount code'],
  ['flags a coupon', 'en', 'Use this Coupon at checkout.', 'incentive', 'Coupon'],
  ['flags a German voucher', 'de', 'Als Dank erhalten Sie einen Gutschein.', 'incentive', 'Gutschein'],
  ['flags a German discount code', 'de', 'Ihr Rabattcode lautet SOMMER.', 'incentive', 'Rabattcode'],
  ['flags a French promo code', 'fr', 'Voici un code promo pour vous.', 'incentive', 'code promo'],
  ['flags a French gift card', 'fr', 'Une carte cadeau vous attend.', 'incentive', 'carte cadeau'],
  ['flags an Italian voucher', 'it', 'Le offriamo un buono sconto.', 'incentive', 'buono sconto'],
  ['flags an Italian discount code', 'it', 'Ecco un codice sconto per lei.', 'incentive', 'codice sconto'],
  ['flags a Spanish coupon', 'es', 'Le enviamos un cupón de 5 €.', 'incentive', 'cupón'],
  ['flags a Spanish discount code', 'es', 'Use el código de descuento VERANO.', 'incentive', 'código de descuento'],
  ['flags a Japanese coupon', 'ja', 'クーポンを差し上げます。', 'incentive', 'クーポン'],
  ['flags a Japanese gift certificate', 'ja', 'Amazonギフト券をお送りします。', 'incentive', 'ギフト券'],
  // Marketing.
  ['flags a pointer to other products', 'en', 'Check out our other products!', 'marketing', 'Check out our'],
  ['flags the store', 'en', 'Visit our store for more.', 'marketing', 'our store'],
  ['flags a new collection', 'en', 'Our new collection is out.', 'marketing', 'new collection'],
  ['flags a German special offer', 'de', 'Nutzen Sie unser Sonderangebot.', 'marketing', 'Sonderangebot'],
  ['flags a German shop', 'de', 'Besuchen Sie unseren Shop.', 'marketing', 'unseren Shop'],
  ['flags a French promotion', 'fr', 'Profitez de notre promotion.', 'marketing', 'promotion'],
  ['flags a French shop', 'fr', 'Découvrez notre boutique.', 'marketing', 'notre boutique'],
  ['flags an Italian promotion', 'it', 'Approfitti della nostra promozione.', 'marketing', 'promozione'],
  ['flags an Italian new collection', 'it', 'Scopra la nuova collezione.', 'marketing', 'nuova collezione'],
  ['flags a Spanish special offer', 'es', 'Tenemos una oferta especial para usted.', 'marketing', 'oferta especial'],
  ['flags a Spanish store', 'es', 'Visite nuestra tienda en Amazon.', 'marketing', 'nuestra tienda'],
  ['flags a Japanese sale', 'ja', '只今セール中です。', 'marketing', 'セール'],
  ['flags a Japanese new product', 'ja', '新商品もぜひご覧ください。', 'marketing', '新商品'],
  // Pressure against an entitled return, or away from Amazon.
  ['flags a plea not to return', 'en', 'Please do not return the item.', 'discourage-return', 'Please do not return the'],
  ["flags a plea with an apostrophe", 'en', 'Please don’t return it, we can fix it.', 'discourage-return', 'Please don’t return it'],
  ['flags steering away from the return', 'en', 'Instead of returning, try washing it.', 'discourage-return', 'Instead of returning'],
  ['flags a request to cancel the return', 'en', 'Could you cancel your return request?', 'discourage-return', 'cancel your return request'],
  ['flags contact outside Amazon', 'en', 'Contact us outside Amazon and we will sort it out.', 'discourage-return', 'Contact us outside Amazon'],
  ['flags a German plea not to return', 'de', 'Bitte nicht zurücksenden!', 'discourage-return', 'Bitte nicht zurücksenden'],
  ['flags a German plea in a full sentence', 'de', 'Bitte senden Sie den Artikel nicht zurück.', 'discourage-return', 'Bitte senden Sie den Artikel nicht zurück'],
  ['flags a German cancel request', 'de', 'Können Sie die Rücksendung stornieren?', 'discourage-return', 'Rücksendung stornieren'],
  ['flags a French plea not to return', 'fr', 'Ne retournez pas le produit.', 'discourage-return', 'Ne retournez pas'],
  ['flags a French cancel request', 'fr', 'Merci d\'annuler votre demande de retour.', 'discourage-return', 'annuler votre demande de retour'],
  ['flags an Italian plea not to return', 'it', 'La preghiamo di non restituire il prodotto.', 'discourage-return', 'non restituire'],
  ['flags Italian contact outside Amazon', 'it', 'Ci contatti al di fuori di Amazon.', 'discourage-return', 'al di fuori di Amazon'],
  ['flags a Spanish plea not to return', 'es', 'Por favor, no devuelva el producto.', 'discourage-return', 'no devuelva'],
  ['flags a Spanish alternative to the return', 'es', 'En lugar de devolverlo, pruebe esto.', 'discourage-return', 'En lugar de devolverlo'],
  ['flags a Japanese plea not to return', 'ja', '返品しないでください。', 'discourage-return', '返品しないで'],
  ['flags a Japanese cancel request', 'ja', '返品リクエストを取り消していただけますか。', 'discourage-return', '返品リクエストを取り消'],
];

describe('lintMessage finds violations', () => {
  it.each(violations)('%s (%s)', (_name, language, text, ruleId, excerpt) => {
    const findings = lintMessage(text, language);
    const finding = findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(findings)).toBeDefined();
    expect(finding?.excerpt).toBe(excerpt);
    expect(text.slice(finding?.start, finding?.end)).toBe(excerpt);
    expect(isReadyToSend(findings)).toBe(false);
  });
});

const cleanMessages: [string, MessageLanguage, string][] = [
  ['an apology for the fit', 'en', 'We are sorry the size did not fit. Feel free to ask if anything is unclear.'],
  ['a refund notice with an amount', 'en', 'Your refund of $12.50 has been issued for order 112-1234567-1234567.'],
  ['a neutral partial-refund offer', 'en', 'If you prefer, we can offer a partial refund of 10% and you keep the item; otherwise your return is of course fine.'],
  ['a returnless refund', 'en', 'There is no need to send the item back; we will review your request and refund you within 2 days.'],
  ['dates, times, abbreviations and large amounts', 'en', 'The label, i.e. the prepaid one, was created on 2024-10-23 at 14:30 (e.g. U.S. time), refund $1,234.56.'],
  ['a free return label', 'en', 'We have sent you a free return label; thank you for your feedback.'],
  ['a German partial refund', 'de', 'Wir bieten Ihnen eine Teilerstattung von 10 % an. Selbstverständlich können Sie den Artikel auch zurücksenden.'],
  ['a German refund with a date', 'de', 'Die Erstattung über 12,50 € für Bestellung 028-1234567-1234567 erfolgt am 01.02.2024, z. B. per Karte.'],
  ['a German returnless refund', 'de', 'Sie müssen den Artikel nicht zurücksenden. Vielen Dank für Ihr Feedback.'],
  ['a French apology and offer', 'fr', 'Nous sommes désolés. Nous pouvons vous proposer un remboursement partiel de 10 %, sinon le retour est bien sûr possible.'],
  ['a French refund', 'fr', 'Votre remboursement de 12,50 € a été effectué le 23/10/2024. À votre service.'],
  ['an Italian offer in good condition', 'it', 'Ci scusiamo. Possiamo offrirle un rimborso parziale del 10 %; altrimenti il reso è naturalmente possibile. Il prodotto è in buono stato.'],
  ['an Italian refund', 'it', 'Il rimborso di 12,50 € per l\'ordine 171-1234567-1234567 è stato emesso.'],
  ['a Spanish offer', 'es', 'Lamentamos las molestias. Podemos ofrecerle un reembolso parcial del 10 %; si lo prefiere, la devolución es por supuesto posible.'],
  ['a Spanish refund', 'es', 'Su reembolso de 12,50 € se emitió el 23.10.2024. El paquete sale mañana.'],
  ['a Japanese apology', 'ja', 'この度はご迷惑をおかけし、誠に申し訳ございません。返品を承りました。'],
  ['a Japanese partial refund offer', 'ja', 'ご希望であれば、商品をお手元に残していただき、10％の一部返金をご提案いたします。もちろん返品も可能です。'],
  ['a Japanese refund with order id', 'ja', '注文番号503-1234567-1234567の返金1,250円を2024年10月23日に処理しました。'],
];

describe('lintMessage leaves compliant messages alone', () => {
  it.each(cleanMessages)('accepts %s (%s)', (_name, language, text) => {
    const findings = lintMessage(text, language);
    expect(findings).toEqual([]);
    expect(isReadyToSend(findings)).toBe(true);
  });
});

describe('lintMessage findings', () => {
  it('explain the rule and quote the offending text', () => {
    const [finding] = lintMessage('Please leave a review.', 'en');
    expect(finding?.message).toContain('"leave a review"');
    expect(finding?.message).toContain('§4.10');
  });

  it('come sorted by position', () => {
    const findings = lintMessage('Use coupon X, write to a@b.com or call +1 555 123 4567.', 'en');
    expect(findings.map((f) => f.ruleId)).toEqual(['incentive', 'email', 'phone']);
  });

  it('refuse an unknown language with invalid_input', () => {
    expect(() => lintMessage('Hello', 'nl' as MessageLanguage)).toThrow(DomainError);
  });

  it('every rule has an explanation, a fix and a source', () => {
    for (const id of lintRuleIds) {
      expect(lintRules[id].explanation.length).toBeGreaterThan(0);
      expect(lintRules[id].fix.length).toBeGreaterThan(0);
      expect(lintRules[id].source).toContain('§4.10');
    }
  });

  it('every phrase rule has phrases in every language', () => {
    for (const rule of Object.values(phraseRules)) {
      for (const language of messageLanguages) expect(rule[language].length).toBeGreaterThan(0);
    }
  });
});

describe('lintMessage properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom('leave a review', ' ', 'www.', 'a@b.co', '+49 30 1234567', '12.50', 'レビュー', '-', '.', '0', '7', 'ne retournez pas', 'x.com'), { maxLength: 30 }).map((parts) => parts.join('')),
  );

  it('never throws and keeps every span non-empty, inside the text and equal to its excerpt', () => {
    fc.assert(fc.property(anyText, fc.constantFrom(...messageLanguages), (text, language) => {
      for (const finding of lintMessage(text, language)) {
        expect(finding.start).toBeGreaterThanOrEqual(0);
        expect(finding.end).toBeGreaterThan(finding.start);
        expect(finding.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
      }
    }));
  });

  it('is ready to send exactly when there are no findings', () => {
    fc.assert(fc.property(anyText, fc.constantFrom(...messageLanguages), (text, language) => {
      const findings = lintMessage(text, language);
      expect(isReadyToSend(findings)).toBe(findings.length === 0);
    }));
  });
});
