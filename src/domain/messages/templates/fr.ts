import type { TemplatePhrases, TemplateSet } from './actions.js';

// Vouvoiement throughout. Avoids "cadeau", "promotion" and "au lieu de retourner" (lint-rules.ts).
export const frTemplates: TemplateSet = {
  save_offer: {
    subject: 'Votre demande de retour pour {itemName} (commande {orderId})',
    body: `Bonjour {buyerName},

Merci pour votre message concernant {itemName} (commande {orderId}). Nous sommes désolés que l'article ne réponde pas entièrement à vos attentes.

Si vous souhaitez le garder, nous pouvons vous proposer un remboursement partiel de {amount} ({percent} du prix). Pour l'accepter, il vous suffit de répondre à ce message et nous effectuerons le remboursement.

Il ne s'agit que d'une proposition : votre retour reste bien sûr possible, et si vous préférez renvoyer l'article, vous pouvez le faire comme prévu.

Cordialement`,
  },
  authorize_return: {
    subject: 'Votre retour pour la commande {orderId} est autorisé',
    body: `Bonjour {buyerName},

Merci pour votre demande de retour concernant {itemName}. Le retour de la commande {orderId} est autorisé.

{labelNote}

Merci de nous renvoyer l'article avant le {deadline}. Dès sa réception et sa vérification, nous procéderons au remboursement sous deux jours ouvrés.

Cordialement`,
  },
  returnless_refund: {
    subject: 'Remboursement de la commande {orderId}',
    body: `Bonjour {buyerName},

Merci pour votre message concernant {itemName} (commande {orderId}), et toutes nos excuses pour ce désagrément. Nous vous avons remboursé {refundAmount} ; vous n'avez pas besoin de nous renvoyer l'article.

Le montant apparaîtra sur votre moyen de paiement d'origine sous quelques jours ouvrés, selon votre banque.

Cordialement`,
  },
  refund_issued: {
    subject: 'Votre remboursement pour la commande {orderId}',
    body: `Bonjour {buyerName},

Nous avons bien reçu votre retour de {itemName} (commande {orderId}) et vous avons remboursé {refundAmount} sur votre moyen de paiement d'origine.

{deductionNote}

{evidenceNote}

Le montant apparaît généralement sous quelques jours ouvrés, selon votre banque.

Cordialement`,
  },
  request_information: {
    subject: 'Votre demande de retour pour {itemName} (commande {orderId})',
    body: `Bonjour {buyerName},

Merci pour votre message concernant {itemName} (commande {orderId}), et désolés pour ce désagrément.

Pour que nous puissions vous aider rapidement, pourriez-vous nous indiquer ce qui ne va pas ? Si l'article est endommagé, une photo des dommages jointe à votre réponse nous serait très utile.

Cela ne retarde rien : votre demande de retour reste ouverte en attendant.

Cordialement`,
  },
};

export const frPhrases: TemplatePhrases = {
  labelPaidBySeller: 'Nous sommes désolés que l\'article ne soit pas conforme. Les frais de retour sont à notre charge : vous trouverez l\'étiquette de retour prépayée dans « Vos commandes » sur Amazon.',
  labelPaidByBuyer: 'Conformément à la politique de retour d\'Amazon, les frais d\'expédition de ce retour sont à votre charge ; vous trouverez l\'étiquette de retour dans « Vos commandes » sur Amazon.',
  deduction: 'Lors de la vérification, l\'article présentait des traces d\'utilisation ou des dommages ; une déduction de {deduction} a donc été appliquée, comme le permet la politique de retour d\'Amazon. Nous vous remercions de votre compréhension ; pour toute question, il vous suffit de répondre à ce message.',
  evidence: 'Vous trouverez en pièce jointe à ce message les photos de l\'article prises lors de notre vérification.',
};
