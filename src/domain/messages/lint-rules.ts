/**
 * The compliance rules a buyer message is checked against, as data. They encode Amazon's
 * buyer-seller messaging rules (reference §4.10): only permitted messages, no links or contact
 * details, no review requests or incentives, no marketing, and nothing that steers a buyer away
 * from a return they are entitled to.
 */

/** Languages a buyer message can be written in (the marketplace's language). */
export const messageLanguages = ['en', 'de', 'fr', 'it', 'es', 'ja'] as const;
export type MessageLanguage = (typeof messageLanguages)[number];

export const lintRuleIds = ['link', 'email', 'phone', 'review-request', 'incentive', 'marketing', 'discourage-return'] as const;
export type LintRuleId = (typeof lintRuleIds)[number];

/** One rule: what it forbids, what to do instead, and where in the reference it comes from. */
export interface LintRule {
  readonly id: LintRuleId;
  readonly explanation: string;
  readonly fix: string;
  readonly source: string;
}

export const lintRules: Readonly<Record<LintRuleId, LintRule>> = {
  link: {
    id: 'link',
    explanation: 'Links and web addresses are not allowed in buyer messages (only links needed to complete the order).',
    fix: 'Remove the address; Amazon shows the buyer everything needed for the return.',
    source: 'reference §4.10, prohibited content: external links, links to product pages or storefront',
  },
  email: {
    id: 'email',
    explanation: 'E-mail addresses are contact details and may not be shared with the buyer.',
    fix: 'Remove the address; the buyer answers through Amazon Buyer-Seller Messaging.',
    source: 'reference §4.10, prohibited content: contact details such as email or phone',
  },
  phone: {
    id: 'phone',
    explanation: 'Phone numbers are contact details and may not be shared with the buyer.',
    fix: 'Remove the number; the buyer answers through Amazon Buyer-Seller Messaging.',
    source: 'reference §4.10, prohibited content: contact details such as email or phone',
  },
  'review-request': {
    id: 'review-request',
    explanation: 'Asking for a review, for positive feedback or a star rating (or to change a review) is not allowed in a return message.',
    fix: 'Remove the request; Amazon allows one neutral review request per order, sent separately.',
    source: 'reference §4.10, prohibited content: asking for positive reviews, more than one review request, steering away from negative reviews',
  },
  incentive: {
    id: 'incentive',
    explanation: 'Coupons, gift cards, free products and discount codes are incentives and are not allowed.',
    fix: 'Remove the incentive; a partial refund on this order is the only money offer to make.',
    source: 'reference §4.10, prohibited content: coupon codes, incentives',
  },
  marketing: {
    id: 'marketing',
    explanation: 'Marketing and promotion (other products, the store, sales, new collections) are not permitted messages.',
    fix: 'Remove the promotional sentence; keep the message about this order and its return.',
    source: 'reference §4.10, only permitted messages; no marketing or promotion by any channel',
  },
  'discourage-return': {
    id: 'discourage-return',
    explanation: 'The message pressures the buyer away from a return they are entitled to, or away from Amazon\'s return process.',
    fix: 'Make any offer optional and say plainly that the return is fine; keep all contact inside Amazon.',
    source: 'reference §4.10, only permitted messages (return questions), contact through Amazon; issue 3 guardrail: never refuse or stall an entitled return',
  },
};

/** The rules matched by phrase lists; link, email and phone are matched by patterns in lint.ts. */
export type PhraseRuleId = Exclude<LintRuleId, 'link' | 'email' | 'phone'>;

/**
 * Phrases per rule and language, as case-insensitive regular-expression sources (Unicode mode).
 * A space stands for any run of white space and `'` for either apostrophe. Outside Japanese, a
 * phrase only matches as whole words; Japanese phrases match as substrings (no word spaces).
 * Keep phrases specific: "review" alone would also flag "we will review your request".
 */
export const phraseRules: Readonly<Record<PhraseRuleId, Readonly<Record<MessageLanguage, readonly string[]>>>> = {
  'review-request': {
    en: [
      '(?:leave|write|post|give|submit) (?:us |me )?(?:a |an |your )?(?:(?:positive|good|great|honest|5[-\\s]star|five[-\\s]star) )?(?:review|feedback|rating)s?',
      '(?:positive|good|great|5[-\\s]star|five[-\\s]star) (?:review|feedback|rating)s?',
      '(?:5|five) stars?', 'rate us', 'rate (?:the|this|your) (?:product|item|purchase|experience)',
      '(?:remove|change|update|delete|revise) (?:your|the) (?:negative )?(?:review|feedback|rating)',
      'negative (?:review|feedback)',
    ],
    de: [
      '(?:positive |gute |eine |Ihre )?Bewertung(?:en)?', 'bewerten Sie', '(?:5|fünf) Sternen?', 'Rezension(?:en)?',
      '(?:positives|gutes) Feedback',
    ],
    fr: [
      '(?:laisser|laissez|donner|donnez|écrire|écrivez)(?:-nous| nous)? (?:un |votre )?(?:avis|commentaire|évaluation)',
      '(?:un |votre )?avis (?:positif|client|favorable)', 'avis positifs?', '(?:5|cinq) étoiles?',
      'évaluation positive', 'commentaire positif',
    ],
    it: [
      'recension[ei]', '(?:feedback|valutazione|commento) positiv[oia]', '(?:5|cinque) stelle',
      '(?:lasciare|lasci|lasciateci|lasciarci) (?:una |un )?(?:recensione|feedback|valutazione)',
    ],
    es: [
      'reseñas?', 'opinión', 'opiniones', 'valoración(?: positiva)?', 'valoraciones', '(?:5|cinco) estrellas?',
      'califique(?:nos)?', 'calificación positiva', 'comentario positivo',
    ],
    ja: ['レビュー', '評価', '星5', '星５', '★5', '★★★★★', '5つ星', '五つ星', '星をつけ', '口コミ'],
  },
  incentive: {
    en: [
      'gift cards?', 'gift vouchers?', 'free (?:gift|product|item|sample|bonus|accessory|accessories)s?',
      'discount codes?', 'promo(?:tional)? codes?', 'coupons?(?: codes?)?', 'vouchers?',
      '(?:\\d+\\s?%|\\$\\s?\\d+) off (?:your|the) next (?:order|purchase)',
      'in exchange for (?:a |an |your )?(?:(?:positive|good|5[-\\s]star) )?(?:review|feedback|rating)',
    ],
    de: [
      'Gutschein(?:e|code|codes)?', 'Rabattcodes?', 'Geschenkkarten?', 'Gutscheincodes?', 'Gratis(?:produkt|artikel|geschenk)?',
      'kostenlose[sn]? (?:Geschenk|Produkt|Artikel|Zubehör)', 'Coupons?', 'Geschenk(?:e)?',
    ],
    fr: [
      'codes? promo', 'bons? d\'achat', 'bons? de réduction', 'codes? de réduction', 'cartes? cadeaux?',
      'coupons?', 'cadeaux?', '(?:produit|article|échantillon)s? gratuits?',
    ],
    it: [
      'buon[oi] (?:sconto|regalo|acquisto)', 'codic[ei] (?:sconto|promozional[ei])', 'coupon', 'carte? regalo',
      'omaggi(?:o)?', 'prodott[oi] gratuit[oi]', 'regal[oi]',
    ],
    es: [
      'cupón', 'cupones', 'códigos? (?:de )?descuento', 'códigos? promocional(?:es)?', 'tarjetas? regalo', 'tarjetas? de regalo',
      'regalos?', 'productos? gratis', 'productos? gratuitos?',
    ],
    ja: ['クーポン', 'ギフト券', 'ギフトカード', 'アマギフ', '割引コード', 'プロモーションコード', 'プレゼント', '特典', '無料で差し上げ', '謝礼'],
  },
  marketing: {
    en: [
      'check out our', 'our other (?:products|items)', 'our (?:product )?(?:range|catalog(?:ue)?)', 'our (?:amazon )?(?:store|shop|storefront|brand store|website)',
      'new (?:collection|arrivals?|products?)', 'special offers?', 'limited[-\\s]time (?:offer|deal|sale)', 'on sale',
      'follow us', 'newsletter', 'promotions?', 'best[-\\s]sellers?', 'shop now', 'exclusive (?:offer|deal)s?',
    ],
    de: [
      'Sonderangebot(?:e)?', 'unsere(?:n)? anderen (?:Produkte|Artikel)', 'unser(?:e|en|em)? (?:Sortiment|Shop|Store|Onlineshop|Markenshop)',
      'neue(?:n)? Kollektion', 'Neuheiten', 'Rabattaktion(?:en)?', 'Sonderaktion(?:en)?', 'Newsletter', 'folgen Sie uns', 'Angebote',
    ],
    fr: [
      'promotions?', 'notre (?:boutique|magasin|site|vitrine)', 'nos autres produits', 'nouvelle collection', 'nouveautés',
      'offres? spéciales?', 'soldes', 'suivez-nous', 'newsletter',
    ],
    it: [
      'promozion[ei]', '(?:il )?nostro (?:negozio|store|sito)', '(?:i )?nostri altri prodotti', 'nuova collezione', 'novità',
      'offert[ae] special[ei]', 'saldi', 'seguici', 'newsletter',
    ],
    es: [
      'oferta (?:especial|exclusiva|limitada)', 'ofertas', 'en oferta', 'promoción', 'promociones', 'nuestra tienda',
      'nuestros otros productos', 'nueva colección', 'novedades', 'síganos', 'boletín',
    ],
    ja: ['セール', 'キャンペーン', '新商品', '新作', '他の商品', 'ほかの商品', '当店の商品', 'ストアページ', 'ショップページ', 'フォローして', 'メルマガ'],
  },
  'discourage-return': {
    en: [
      '(?:please )?(?:do not|don\'t|dont) (?:return|send back|ship back) (?:it|this|the|your)',
      'please (?:do not|don\'t) (?:return|send back)',
      '(?:instead of|rather than) (?:returning|sending (?:it )?back|a return)',
      '(?:cancel|withdraw|close) (?:your|the) return(?: request)?',
      '(?:contact|reach|write to|message|email|call) us (?:directly )?(?:outside (?:of )?|off )amazon',
      'outside (?:of )?amazon', 'we (?:cannot|can\'t|do not|don\'t|will not|won\'t) accept (?:the |your |this )?returns?',
    ],
    de: [
      'bitte (?:nicht zurück(?:senden|schicken)|(?:senden|schicken) Sie (?:den Artikel |die Ware |ihn |sie |es )?nicht zurück)',
      '(?:an)?statt (?:einer |der |zu )?(?:Rücksendung|zurückzusenden|zurückzuschicken)',
      'Rücksende(?:anfrage|antrag) (?:zu )?(?:stornieren|zurückziehen|zurückzunehmen)', 'Rücksendung (?:zu )?(?:stornieren|zurückziehen)',
      'außerhalb (?:von )?Amazons?',
    ],
    fr: [
      'ne (?:le |la |les )?(?:retournez|renvoyez) pas', 'au lieu de (?:retourner|renvoyer|le retourner|le renvoyer)',
      'annul(?:er|ez) (?:votre|la) (?:demande de )?retour', 'en dehors d\'Amazon', 'hors d\'Amazon',
    ],
    it: [
      'non (?:lo |la |li )?(?:restituire|restituisca|rispedire|rispedisca|rendere|renda)', 'invece di (?:restituir|rispedir|render)(?:e|lo|la)',
      'annull(?:are|i) (?:la )?(?:richiesta di )?reso', 'al di fuori di Amazon', 'fuori da Amazon',
    ],
    es: [
      'no (?:lo |la |los )?devuelva', 'no (?:lo |la )?devolver', 'en (?:lugar|vez) de (?:devolver|devolverlo|devolverla)',
      'cancel(?:e|ar) (?:su |la )?(?:solicitud de )?devolución', 'fuera de Amazon',
    ],
    ja: ['返品しないで', '返品なさらないで', '返品をご遠慮', '返品はご遠慮', '返品はお控え', '返品をお控え', '返品を取り消', '返品リクエストを取り消', '返品リクエストをキャンセル', '返品をキャンセル', 'Amazon外', 'アマゾン外', 'Amazonを通さず', '直接ご連絡ください'],
  },
};
