import type { TemplatePhrases, TemplateSet } from './actions.js';

// Sie-Form throughout. Avoids words the lint reads as review requests or marketing
// ("Bewertung", "Angebote", "Geschenk"): see lint-rules.ts.
export const deTemplates: TemplateSet = {
  save_offer: {
    subject: 'Ihre Rücksendeanfrage für {itemName} (Bestellung {orderId})',
    body: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht zu {itemName} (Bestellung {orderId}). Es tut uns leid, dass der Artikel Ihre Erwartungen nicht ganz erfüllt hat.

Falls Sie den Artikel behalten möchten, bieten wir Ihnen eine Teilerstattung von {amount} ({percent} des Preises) an. Antworten Sie dazu einfach auf diese Nachricht, und wir veranlassen die Erstattung.

Dies ist nur ein Vorschlag: Ihre Rücksendung bleibt selbstverständlich möglich, und wenn Sie den Artikel lieber zurücksenden möchten, können Sie dies wie gewohnt tun.

Mit freundlichen Grüßen`,
  },
  authorize_return: {
    subject: 'Ihre Rücksendung für Bestellung {orderId} ist genehmigt',
    body: `Guten Tag {buyerName},

vielen Dank für Ihre Rücksendeanfrage zu {itemName}. Die Rücksendung für Bestellung {orderId} ist genehmigt.

{labelNote}

Bitte senden Sie den Artikel bis {deadline} zurück. Sobald er bei uns eingetroffen und geprüft ist, erstatten wir Ihnen den Betrag innerhalb von zwei Werktagen.

Mit freundlichen Grüßen`,
  },
  returnless_refund: {
    subject: 'Erstattung für Bestellung {orderId}',
    body: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht zu {itemName} (Bestellung {orderId}). Bitte entschuldigen Sie die Unannehmlichkeiten. Wir haben Ihnen {refundAmount} erstattet; Sie müssen den Artikel nicht zurücksenden.

Der Betrag wird je nach Bank innerhalb weniger Werktage auf Ihrem ursprünglichen Zahlungsmittel gutgeschrieben.

Mit freundlichen Grüßen`,
  },
  refund_issued: {
    subject: 'Ihre Erstattung für Bestellung {orderId}',
    body: `Guten Tag {buyerName},

wir haben Ihre Rücksendung von {itemName} (Bestellung {orderId}) erhalten und Ihnen {refundAmount} auf Ihr ursprüngliches Zahlungsmittel erstattet.

{deductionNote}

{evidenceNote}

Der Betrag wird je nach Bank in der Regel innerhalb weniger Werktage gutgeschrieben.

Mit freundlichen Grüßen`,
  },
  request_information: {
    subject: 'Ihre Rücksendeanfrage für {itemName} (Bestellung {orderId})',
    body: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht zu {itemName} (Bestellung {orderId}). Es tut uns leid, dass es ein Problem gibt.

Damit wir Ihnen schnell helfen können: Könnten Sie uns kurz schildern, was nicht in Ordnung ist? Falls der Artikel beschädigt ist, hilft uns ein Foto des Schadens im Anhang Ihrer Antwort sehr.

Dadurch verzögert sich nichts: Ihre Rücksendeanfrage bleibt in der Zwischenzeit bestehen.

Mit freundlichen Grüßen`,
  },
};

export const dePhrases: TemplatePhrases = {
  labelPaidBySeller: 'Es tut uns leid, dass mit dem Artikel etwas nicht in Ordnung war. Die Rücksendekosten übernehmen wir: Das frankierte Rücksendeetikett finden Sie unter „Meine Bestellungen“ bei Amazon.',
  labelPaidByBuyer: 'Gemäß den Rückgabebedingungen von Amazon tragen Sie bei dieser Rücksendung die Versandkosten; das Rücksendeetikett finden Sie unter „Meine Bestellungen“ bei Amazon.',
  deduction: 'Bei der Prüfung wies der Artikel Gebrauchsspuren oder Beschädigungen auf. Daher haben wir, wie in den Rückgabebedingungen von Amazon vorgesehen, einen Abzug für Wertminderung von {deduction} vorgenommen. Wir bitten um Ihr Verständnis; bei Fragen antworten Sie gern auf diese Nachricht.',
  evidence: 'Die Fotos, die wir bei der Prüfung des Artikels aufgenommen haben, finden Sie im Anhang dieser Nachricht.',
};
