import type { TemplatePhrases, TemplateSet } from './actions.js';

// Usted throughout. Avoids "opinión", "ofertas", "regalo" and "no lo devuelva" (lint-rules.ts).
export const esTemplates: TemplateSet = {
  save_offer: {
    subject: 'Su solicitud de devolución de {itemName} (pedido {orderId})',
    body: `Hola, {buyerName}:

Gracias por su mensaje sobre {itemName} (pedido {orderId}). Lamentamos que el artículo no haya cumplido del todo sus expectativas.

Si desea quedárselo, podemos ofrecerle un reembolso parcial de {amount} ({percent} del precio). Para aceptarlo, basta con responder a este mensaje y tramitaremos el reembolso.

Se trata solo de una propuesta: la devolución sigue disponible y, si prefiere devolver el artículo, puede hacerlo con normalidad.

Atentamente`,
  },
  authorize_return: {
    subject: 'Su devolución del pedido {orderId} está autorizada',
    body: `Hola, {buyerName}:

Gracias por su solicitud de devolución de {itemName}. La devolución del pedido {orderId} ha sido autorizada.

{labelNote}

Le rogamos que nos envíe el artículo antes del {deadline}. En cuanto lo recibamos y lo revisemos, tramitaremos el reembolso en un plazo de dos días hábiles.

Atentamente`,
  },
  returnless_refund: {
    subject: 'Reembolso del pedido {orderId}',
    body: `Hola, {buyerName}:

Gracias por su mensaje sobre {itemName} (pedido {orderId}) y disculpe las molestias. Le hemos reembolsado {refundAmount}; no es necesario devolver el artículo.

El importe aparecerá en su método de pago original en unos días hábiles, según su banco.

Atentamente`,
  },
  refund_issued: {
    subject: 'Su reembolso del pedido {orderId}',
    body: `Hola, {buyerName}:

Hemos recibido su devolución de {itemName} (pedido {orderId}) y le hemos reembolsado {refundAmount} en su método de pago original.

{deductionNote}

{evidenceNote}

El importe suele aparecer en unos días hábiles, según su banco.

Atentamente`,
  },
  request_information: {
    subject: 'Su solicitud de devolución de {itemName} (pedido {orderId})',
    body: `Hola, {buyerName}:

Gracias por escribirnos sobre {itemName} (pedido {orderId}); lamentamos las molestias.

Para ayudarle lo antes posible, ¿podría indicarnos qué ha fallado? Si el artículo está dañado, una foto del daño adjunta a su respuesta nos sería de gran ayuda.

Esto no retrasa nada: su solicitud de devolución sigue abierta mientras tanto.

Atentamente`,
  },
};

export const esPhrases: TemplatePhrases = {
  labelPaidBySeller: 'Lamentamos el problema con el artículo. Los gastos de devolución corren de nuestra cuenta: encontrará la etiqueta de devolución prepagada en «Mis pedidos» en Amazon.',
  labelPaidByBuyer: 'Según la política de devoluciones de Amazon, los gastos de envío de esta devolución corren de su cuenta; encontrará la etiqueta de devolución en «Mis pedidos» en Amazon.',
  deduction: 'Al revisarlo, el artículo presentaba señales de uso o daños, por lo que se ha aplicado una deducción de {deduction}, tal como permite la política de devoluciones de Amazon. Le agradecemos su comprensión; si tiene cualquier pregunta, puede responder a este mensaje.',
  evidence: 'Adjuntamos a este mensaje las fotos del artículo tomadas durante nuestra revisión.',
};
