import type { TemplatePhrases, TemplateSet } from './actions.js';

// 敬語 throughout. Avoids 「評価」「レビュー」「プレゼント」「特典」「返品をキャンセル」 (lint-rules.ts),
// which the lint matches as substrings.
export const jaTemplates: TemplateSet = {
  save_offer: {
    subject: '{itemName}（注文番号：{orderId}）の返品リクエストについて',
    body: `{buyerName}様

このたびは{itemName}（注文番号：{orderId}）についてご連絡いただき、誠にありがとうございます。ご期待に沿えず、大変申し訳ございません。

商品をそのままお手元に残していただける場合、代金の一部として{amount}（価格の{percent}）をご返金させていただくことが可能です。ご希望の際は、このメッセージにご返信いただければ、返金の手続きを進めさせていただきます。

あくまでご提案のひとつでございます。返品はもちろん引き続き可能ですので、返品をご希望の場合はこれまでどおりお手続きいただけます。

何卒よろしくお願い申し上げます。`,
  },
  authorize_return: {
    subject: 'ご注文（注文番号：{orderId}）の返品を承認いたしました',
    body: `{buyerName}様

{itemName}の返品リクエストをいただき、ありがとうございます。ご注文（注文番号：{orderId}）の返品を承認いたしました。

{labelNote}

恐れ入りますが、{deadline}までに商品をご返送くださいますようお願いいたします。商品の到着と確認後、2営業日以内にご返金いたします。

何卒よろしくお願い申し上げます。`,
  },
  returnless_refund: {
    subject: 'ご注文（注文番号：{orderId}）のご返金について',
    body: `{buyerName}様

{itemName}（注文番号：{orderId}）についてご連絡いただき、ありがとうございます。ご不便をおかけし、申し訳ございません。{refundAmount}をご返金いたしました。商品をご返送いただく必要はございません。

ご返金額は、ご利用の金融機関により、数営業日以内に元のお支払い方法に反映されます。

何卒よろしくお願い申し上げます。`,
  },
  refund_issued: {
    subject: 'ご注文（注文番号：{orderId}）のご返金について',
    body: `{buyerName}様

{itemName}（注文番号：{orderId}）のご返品を受け取りました。{refundAmount}を元のお支払い方法にご返金いたしました。

{deductionNote}

{evidenceNote}

ご返金額は、ご利用の金融機関により、通常数営業日以内に反映されます。

何卒よろしくお願い申し上げます。`,
  },
  request_information: {
    subject: '{itemName}（注文番号：{orderId}）の返品リクエストについて',
    body: `{buyerName}様

このたびは{itemName}（注文番号：{orderId}）についてご連絡いただき、ありがとうございます。ご不便をおかけし、申し訳ございません。

迅速に対応させていただくため、どのような問題があったか教えていただけますでしょうか。商品に破損がある場合は、破損箇所の写真をご返信に添付していただけますと大変助かります。

これにより返品のお手続きが遅れることはございません。返品リクエストはそのまま有効です。

何卒よろしくお願い申し上げます。`,
  },
};

export const jaPhrases: TemplatePhrases = {
  labelPaidBySeller: 'このたびは商品に不備があり、誠に申し訳ございません。返送料は当店で負担いたします。返品用ラベルはAmazonの「注文履歴」からご利用いただけます。',
  labelPaidByBuyer: 'Amazonの返品ポリシーに基づき、今回の返送料はお客様のご負担となります。返品用ラベルはAmazonの「注文履歴」からご利用いただけます。',
  deduction: '商品を確認いたしましたところ、使用の跡または破損が見られたため、Amazonの返品ポリシーに基づき、{deduction}を差し引かせていただきました。何卒ご理解いただけますと幸いです。ご不明な点がございましたら、このメッセージにご返信ください。',
  evidence: '検品の際に撮影した商品の写真を、このメッセージに添付いたしました。あわせてご確認ください。',
};
