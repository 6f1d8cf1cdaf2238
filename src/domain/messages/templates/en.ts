import type { TemplatePhrases, TemplateSet } from './actions.js';

// Every text here passes lintMessage (reference §4.10): no links or contact details, no review
// request, no incentive or marketing, and the save offer never pushes against the return.
export const enTemplates: TemplateSet = {
  save_offer: {
    subject: 'Your return request for {itemName} (order {orderId})',
    body: `Dear {buyerName},

Thank you for your message about {itemName} (order {orderId}). We are sorry it did not fully meet your expectations.

If you would like to keep the item, we can offer you a partial refund of {amount} ({percent} of the price). To accept, simply reply to this message and we will issue the refund.

This is only an option: your return remains open, and if you prefer to send the item back, you are welcome to do so as usual.

Kind regards`,
  },
  authorize_return: {
    subject: 'Your return for order {orderId} is authorized',
    body: `Dear {buyerName},

Thank you for your return request for {itemName}. The return for order {orderId} has been authorized.

{labelNote}

Please send the item back by {deadline}. As soon as it has arrived and been checked, we will issue your refund within two business days.

Kind regards`,
  },
  returnless_refund: {
    subject: 'Refund for order {orderId}',
    body: `Dear {buyerName},

Thank you for your message about {itemName} (order {orderId}), and we are sorry for the inconvenience. We have refunded {refundAmount}; there is no need to send the item back.

The refund will appear on your original payment method within a few business days, depending on your bank.

Kind regards`,
  },
  refund_issued: {
    subject: 'Your refund for order {orderId}',
    body: `Dear {buyerName},

We have received your return of {itemName} (order {orderId}) and have refunded {refundAmount} to your original payment method.

{deductionNote}

{evidenceNote}

The amount usually appears on your account within a few business days, depending on your bank.

Kind regards`,
  },
  request_information: {
    subject: 'Your return request for {itemName} (order {orderId})',
    body: `Dear {buyerName},

Thank you for contacting us about {itemName} (order {orderId}), and we are sorry it did not work out.

So that we can help you as quickly as possible, could you tell us what went wrong? If the item is damaged, a photo of the damage attached to your reply would help us a lot.

This does not delay anything: your return request stays open in the meantime.

Kind regards`,
  },
};

export const enPhrases: TemplatePhrases = {
  labelPaidBySeller: 'We are sorry the item was not as it should be. The return shipping is on us: you will find the prepaid return label in Your Orders on Amazon.',
  labelPaidByBuyer: 'Under Amazon\'s return policy, the return shipping for this return is at your expense; you will find the return label in Your Orders on Amazon.',
  deduction: 'On inspection, the item showed signs of use or damage, so a restocking deduction of {deduction} was applied, as Amazon\'s return policy allows. We appreciate your understanding; if you have any questions about it, simply reply to this message.',
  evidence: 'Photos of the item taken during our inspection are attached to this message.',
};
