import type { TemplatePhrases, TemplateSet } from './actions.js';

// Forma di cortesia (Lei) throughout. Avoids "regalo", "promozione", "saldi" (lint-rules.ts).
export const itTemplates: TemplateSet = {
  save_offer: {
    subject: 'La Sua richiesta di reso per {itemName} (ordine {orderId})',
    body: `Gentile {buyerName},

grazie per il Suo messaggio su {itemName} (ordine {orderId}). Ci dispiace che l'articolo non abbia soddisfatto pienamente le Sue aspettative.

Se desidera tenerlo, possiamo offrirLe un rimborso parziale di {amount} ({percent} del prezzo). Per accettare, è sufficiente rispondere a questo messaggio e procederemo con il rimborso.

Si tratta solo di una proposta: il reso resta naturalmente possibile e, se preferisce rispedire l'articolo, può farlo come di consueto.

Cordiali saluti`,
  },
  authorize_return: {
    subject: 'Il reso per l\'ordine {orderId} è autorizzato',
    body: `Gentile {buyerName},

grazie per la Sua richiesta di reso per {itemName}. Il reso per l'ordine {orderId} è stato autorizzato.

{labelNote}

La preghiamo di rispedire l'articolo entro il {deadline}. Una volta ricevuto e controllato, effettueremo il rimborso entro due giorni lavorativi.

Cordiali saluti`,
  },
  returnless_refund: {
    subject: 'Rimborso per l\'ordine {orderId}',
    body: `Gentile {buyerName},

grazie per il Suo messaggio su {itemName} (ordine {orderId}) e ci scusiamo per l'inconveniente. Le abbiamo rimborsato {refundAmount}; non è necessario rispedire l'articolo.

L'importo sarà visibile sul metodo di pagamento originale entro pochi giorni lavorativi, a seconda della Sua banca.

Cordiali saluti`,
  },
  refund_issued: {
    subject: 'Il Suo rimborso per l\'ordine {orderId}',
    body: `Gentile {buyerName},

abbiamo ricevuto il reso di {itemName} (ordine {orderId}) e Le abbiamo rimborsato {refundAmount} sul metodo di pagamento originale.

{deductionNote}

{evidenceNote}

Di solito l'importo è visibile entro pochi giorni lavorativi, a seconda della Sua banca.

Cordiali saluti`,
  },
  request_information: {
    subject: 'La Sua richiesta di reso per {itemName} (ordine {orderId})',
    body: `Gentile {buyerName},

grazie per averci scritto riguardo a {itemName} (ordine {orderId}); ci dispiace per l'inconveniente.

Per aiutarLa il prima possibile, potrebbe indicarci che cosa non va? Se l'articolo è danneggiato, una foto del danno allegata alla Sua risposta ci sarebbe molto utile.

Questo non ritarda nulla: la Sua richiesta di reso resta aperta nel frattempo.

Cordiali saluti`,
  },
};

export const itPhrases: TemplatePhrases = {
  labelPaidBySeller: 'Ci scusiamo per il problema con l\'articolo. Le spese di reso sono a nostro carico: trova l\'etichetta di reso prepagata in «I miei ordini» su Amazon.',
  labelPaidByBuyer: 'In base alle condizioni di reso di Amazon, le spese di spedizione per questo reso sono a Suo carico; trova l\'etichetta di reso in «I miei ordini» su Amazon.',
  deduction: 'Al controllo, l\'articolo presentava segni di utilizzo o danni; per questo è stata applicata una detrazione di {deduction}, come previsto dalle condizioni di reso di Amazon. La ringraziamo per la comprensione; per qualsiasi domanda può rispondere a questo messaggio.',
  evidence: 'In allegato a questo messaggio trova le foto dell\'articolo scattate durante il nostro controllo.',
};
