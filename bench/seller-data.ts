/**
 * The large seller's data that bench:reconcile and bench:analytics run on, written straight into a fresh
 * SQLite database (not through imports; the schema comes from the application's own migrations):
 * All Orders lines over US/UK/DE/JP (75% of the orders FBA, `Amazon` fulfilled, the rest `Merchant`), a
 * return on `returnCount` of those lines, and for each return the rows the reports would hold (settlement
 * refunds, FBA customer return rows, reimbursements, MFN return rows, return cases, inspections): see
 * bench/reconcile.bench.ts for what each holds. Seeded: every run writes the same data.
 *
 * With `analytics` (bench:analytics) the data also has what prevention analytics reads, drawn from a
 * second seeded stream (so without it the data is exactly bench:reconcile's):
 * - order and item statuses: 2% of the orders cancelled, pending ones in the last week, 2% shipped with
 *   a blank item status ("Shipped - Delivered to Buyer" on the order); lines that never shipped get no return;
 * - return reasons over 13 of Amazon's codes (FBA codes as the FBA report writes them, MFN ones as
 *   `CR-`/`AMZ-PG-` forms), classified with the application's reason catalog;
 * - problem SKUs (every SKU number ending in 17 of a hundred, 20 per marketplace) returned 1.5 to 3 times as
 *   often as the others, 70% of their returns for one reason;
 * - spike SKUs (numbers 251, 751, 1251, 1751 of each marketplace) returned 3 times as often, and soon, in
 *   the latest two purchase weeks a spike report compares on "now" (default prevention policy);
 * - a buyer comment on about 40% of the FBA return rows, a phrase of the reason's small vocabulary in the
 *   marketplace's language (English for US and UK, with one in ten US comments in Chinese; German for DE;
 *   Japanese for JP), and on 5 problem SKUs per marketplace a distinctive complaint in 60% of them;
 * - 0.3% of the returns name an order id the All Orders lines do not hold (a return without an order line).
 */
import type { MarketplaceCode } from '../src/domain/marketplaces.js';
import { requireMarketplace } from '../src/domain/marketplaces.js';
import { defaultPreventionPolicy } from '../src/domain/prevention/prevention-policy.js';
import { spikeSpans } from '../src/domain/prevention/week-windows.js';
import { classifyReason, findReasonEntry } from '../src/domain/reasons.js';
import { freshBenchDatabase } from './bench-database.js';
import { formatCount as fmt } from './results-file.js';
// The demo's seeded generator: every run benchmarks the same data.
import { mulberry32 } from '../src/services/demo/prng.js';

/** The fixed "now" of the data, and of the benchmarks run on it. */
export const nowIso = '2026-11-27T12:00:00.000Z';
const nowMs = Date.parse(nowIso);
const day = 86_400_000;

// The marketplaces the data is spread over, with a typical unit price range in minor units (JPY has none).
export const markets: readonly { code: MarketplaceCode; minPrice: number; maxPrice: number; share: number; taxShare: number }[] = [
  { code: 'US', minPrice: 499, maxPrice: 29_999, share: 0.45, taxShare: 0.08 },
  { code: 'UK', minPrice: 399, maxPrice: 24_999, share: 0.2, taxShare: 0 },
  { code: 'DE', minPrice: 499, maxPrice: 27_999, share: 0.2, taxShare: 0 },
  { code: 'JP', minPrice: 500, maxPrice: 40_000, share: 0.15, taxShare: 0 },
];
export const skusPerMarket = 2000;
const reportTypesUsed = ['all-orders', 'settlement', 'fba-returns', 'mfn-returns', 'reimbursements'] as const;

function pickMarketIndex(r: number): number {
  let acc = 0;
  for (let i = 0; i < markets.length; i++) {
    acc += markets[i]!.share;
    if (r < acc) return i;
  }
  return markets.length - 1;
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------------------
// The analytics extras (see the top of the file)

/** What a return is about, as the rows write it; and whether it came soon, its buyer's comment, its order line. */
interface ReturnTraits {
  readonly raw: string; readonly code: string; readonly category: string; readonly fault: string; readonly productSignal: number;
  /** Asked for within days of the purchase (the spike SKUs' bad weeks). */
  readonly soon: boolean;
  /** The FBA customer return row's comment. */
  readonly comment: string | null;
  /** The return names an order id the All Orders lines do not hold. */
  readonly withoutOrderLine: boolean;
}

// bench:reconcile's returns: every FBA return DEFECTIVE, every MFN one NOT_AS_DESCRIBED, no comments.
const fbaDefaults: ReturnTraits = {
  raw: 'DEFECTIVE', code: 'DEFECTIVE', category: 'product_quality', fault: 'seller', productSignal: 0, soon: false, comment: null, withoutOrderLine: false,
};
const mfnDefaults: ReturnTraits = { ...fbaDefaults, raw: 'NOT_AS_DESCRIBED', code: 'NOT_AS_DESCRIBED', category: 'not_as_described' };
/** Order status and item status (null: blank in the report). */
type Statuses = readonly [string, string | null];
const shippedStatuses: Statuses = ['Shipped', 'Shipped'];
const cancelledStatuses: Statuses = ['Cancelled', 'Cancelled'];
const pendingStatuses: Statuses = ['Pending', 'Unshipped'];
const deliveredStatuses: Statuses = ['Shipped - Delivered to Buyer', null];

type Language = 'en' | 'de' | 'ja' | 'zh';
type Phrases = Readonly<Record<Language, readonly string[]>>;

/** Reason codes of the returns, in percent. */
const reasonShares: readonly (readonly [string, number])[] = [
  ['UNWANTED_ITEM', 20], ['DEFECTIVE', 15], ['NOT_AS_DESCRIBED', 9], ['APPAREL_TOO_SMALL', 8], ['APPAREL_TOO_LARGE', 5], ['ORDERED_WRONG_ITEM', 8],
  ['FOUND_BETTER_PRICE', 6], ['QUALITY_UNACCEPTABLE', 8], ['MISSING_PARTS', 4], ['DAMAGED_BY_CARRIER', 4], ['SWITCHEROO', 2], ['NOT_COMPATIBLE', 5],
  ['MISSED_ESTIMATED_DELIVERY', 2], ['NO_REASON_GIVEN', 4],
];
/** A problem SKU's dominant reason, by its hundreds digit. */
const problemReasons = ['APPAREL_TOO_SMALL', 'DEFECTIVE', 'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'DAMAGED_BY_CARRIER'];

/** What buyers write, per reason code: a small vocabulary per language. */
const vocabulary: Readonly<Record<string, Phrases>> = {
  UNWANTED_ITEM: {
    en: ['No longer needed', 'Changed my mind', 'Bought it as a gift, not needed anymore'],
    de: ['Nicht mehr benötigt', 'Habe es mir anders überlegt', 'Geschenk wird nicht mehr gebraucht'],
    ja: ['もう必要なくなりました', '気が変わりました', 'プレゼント用でしたが不要になりました'],
    zh: ['不再需要了', '改变主意了', '礼物不需要了'],
  },
  DEFECTIVE: {
    en: ['Stopped working after two days', 'Does not turn on', 'Arrived broken and does not work'],
    de: ['Funktioniert nach zwei Tagen nicht mehr', 'Lässt sich nicht einschalten', 'Defekt angekommen'],
    ja: ['二日で動かなくなりました', '電源が入りません', '届いた時から故障していました'],
    zh: ['用了两天就坏了', '无法开机', '收到就是坏的'],
  },
  NOT_AS_DESCRIBED: {
    en: ['Colour is different from the photos', 'Much smaller than described', 'Material is not what the listing says'],
    de: ['Farbe anders als auf den Fotos', 'Viel kleiner als beschrieben', 'Material entspricht nicht der Beschreibung'],
    ja: ['写真と色が違います', '説明より小さいです', '素材が説明と違います'],
    zh: ['颜色和图片不一样', '比描述的小很多', '材质和描述不符'],
  },
  APPAREL_TOO_SMALL: {
    en: ['Runs small, ordered my usual size', 'Too small, size up', 'Tight around the shoulders'],
    de: ['Fällt klein aus', 'Zu klein, eine Nummer größer bestellen', 'Zu eng an den Schultern'],
    ja: ['サイズが小さすぎました', 'いつものサイズでは小さい', '肩がきついです'],
    zh: ['尺码偏小', '太小了，要买大一号', '肩膀太紧'],
  },
  APPAREL_TOO_LARGE: {
    en: ['Runs large', 'Too big, size down', 'Sleeves far too long'],
    de: ['Fällt groß aus', 'Zu groß', 'Ärmel viel zu lang'],
    ja: ['サイズが大きすぎました', '大きめの作りです', '袖が長すぎます'],
    zh: ['尺码偏大', '太大了', '袖子太长'],
  },
  ORDERED_WRONG_ITEM: {
    en: ['Ordered the wrong one by mistake', 'Wrong size ordered', 'Accidental order'],
    de: ['Versehentlich bestellt', 'Falsche Größe bestellt', 'Aus Versehen das falsche Modell gekauft'],
    ja: ['間違えて注文しました', 'サイズを間違えました', '誤って購入しました'],
    zh: ['下错单了', '选错尺码了', '不小心买错了'],
  },
  FOUND_BETTER_PRICE: {
    en: ['Found it cheaper elsewhere', 'Better price at another store', 'Price dropped after I bought it'],
    de: ['Woanders günstiger gefunden', 'Anderswo billiger', 'Preis ist nach dem Kauf gefallen'],
    ja: ['他の店で安く見つけました', '他でもっと安かった', '購入後に値下がりしました'],
    zh: ['别家更便宜', '在其他店找到更低的价格', '买完就降价了'],
  },
  QUALITY_UNACCEPTABLE: {
    en: ['Feels cheap and flimsy', 'Poor quality for the price', 'Cheap plastic, scratches easily'],
    de: ['Wirkt billig und wackelig', 'Schlechte Qualität für den Preis', 'Billiges Plastik, zerkratzt schnell'],
    ja: ['安っぽくてぐらつきます', '値段の割に品質が悪い', 'プラスチックが安っぽく傷がつきやすい'],
    zh: ['做工很廉价', '质量配不上价格', '塑料很差，容易划伤'],
  },
  MISSING_PARTS: {
    en: ['Screws missing from the box', 'No charger included', 'Missing the instruction manual'],
    de: ['Schrauben fehlen', 'Kein Ladegerät dabei', 'Bedienungsanleitung fehlt'],
    ja: ['ネジが入っていませんでした', '充電器が付属していません', '説明書が入っていません'],
    zh: ['缺少螺丝', '没有充电器', '没有说明书'],
  },
  DAMAGED_BY_CARRIER: {
    en: ['Box arrived crushed', 'Package was damaged in transit', 'Item dented, box torn'],
    de: ['Paket kam zerdrückt an', 'Beim Transport beschädigt', 'Karton eingerissen, Artikel verbeult'],
    ja: ['箱がつぶれて届きました', '配送中に破損していました', '箱が破れて商品がへこんでいました'],
    zh: ['箱子被压坏了', '运输中损坏', '包装破了，商品有凹痕'],
  },
  SWITCHEROO: {
    en: ['Received a different item', 'Wrong colour sent', 'Not the product I ordered'],
    de: ['Falschen Artikel erhalten', 'Falsche Farbe geliefert', 'Nicht das bestellte Produkt'],
    ja: ['違う商品が届きました', '色違いが届きました', '注文した商品ではありません'],
    zh: ['发错货了', '颜色发错了', '不是我订的商品'],
  },
  NOT_COMPATIBLE: {
    en: ['Does not fit my model', 'Not compatible with my phone', 'Would not connect to my laptop'],
    de: ['Passt nicht zu meinem Modell', 'Nicht kompatibel mit meinem Handy', 'Verbindet sich nicht mit meinem Laptop'],
    ja: ['私の機種に合いません', 'スマホに対応していません', 'パソコンに接続できません'],
    zh: ['和我的型号不匹配', '不兼容我的手机', '连不上我的电脑'],
  },
  MISSED_ESTIMATED_DELIVERY: {
    en: ['Arrived too late', 'Came a week after the date promised', 'Needed it for an event, came late'],
    de: ['Kam zu spät', 'Eine Woche nach dem versprochenen Termin geliefert', 'Zu spät für den Anlass'],
    ja: ['届くのが遅すぎました', '予定より一週間遅れました', 'イベントに間に合いませんでした'],
    zh: ['到货太晚了', '比承诺晚了一周', '没赶上活动'],
  },
  NO_REASON_GIVEN: {
    en: ['Just returning it', 'Not for me', 'Return'],
    de: ['Gefällt mir nicht', 'Nicht das Richtige für mich', 'Rücksendung'],
    ja: ['返品します', '自分には合いませんでした', '不要です'],
    zh: ['退货', '不适合我', '不想要了'],
  },
};
/** Said after the phrase in 30% of the comments. */
const tails: Phrases = {
  en: ['Would not buy again.', 'Disappointed.', 'Please refund.'],
  de: ['Schade.', 'Bitte erstatten.', 'Enttäuscht.'],
  ja: ['残念です。', '返金をお願いします。', 'がっかりしました。'],
  zh: ['很失望。', '请退款。', '不会再买了。'],
};
/** The distinctive complaint of planted SKU 0..4 (SKU numbers 17, 417, 817, 1217, 1617 of each marketplace). */
const plantedComplaints: readonly Readonly<Record<Language, string>>[] = [
  { en: 'The zipper broke on day one', de: 'Reißverschluss nach einem Tag kaputt', ja: 'ファスナーが初日に壊れた', zh: '拉链第一天就坏了' },
  { en: 'Smells strongly of chemicals', de: 'Riecht stark nach Chemie', ja: '化学薬品の臭いがひどい', zh: '有很重的化学味' },
  { en: 'The hinge snapped off', de: 'Scharnier abgebrochen', ja: 'ヒンジが折れた', zh: '铰链断了' },
  { en: 'Battery drains overnight', de: 'Akku über Nacht leer', ja: 'バッテリーが一晩で切れる', zh: '电池一晚上就没电' },
  { en: 'Stitching came apart at the seams', de: 'Naht ist aufgegangen', ja: '縫い目がほつれた', zh: '缝线开了' },
];

/** Problem SKUs: every number ending in 17 of a hundred, returned 1.5, 2.25 or 3 times as often as the others. */
export const isProblemSku = (skuN: number) => skuN % 100 === 17;
const problemWeight = (skuN: number) => 1.5 + (Math.floor(skuN / 100) % 3) * 0.75;
/** Planted SKUs (0..4), or null: the problem SKUs whose comments carry a distinctive complaint. */
const plantedIndex = (skuN: number) => (isProblemSku(skuN) && Math.floor(skuN / 100) % 4 === 0 ? Math.floor(skuN / 400) : null);
/** Spike SKUs: returned 3 times as often, and soon, when bought in the latest weeks a spike report compares. */
export const isSpikeSku = (skuN: number) => skuN % 500 === 251;

type Classified = Omit<ReturnTraits, 'soon' | 'comment' | 'withoutOrderLine'>;

function classified(raw: string): Classified {
  const reason = classifyReason(raw);
  if (reason.status !== 'mapped') throw new Error(`The generator's reason ${raw} is not in the catalog.`);
  return { raw, code: reason.code!, category: reason.category!, fault: reason.fault, productSignal: reason.productSignal ? 1 : 0 };
}

/** The analytics extras' own seeded stream and rules: what the reconcile data lacks for prevention analytics. */
class AnalyticsExtras {
  private readonly next = mulberry32(20261206);
  // The FBA report writes the code; the MFN report its `CR-`/`AMZ-PG-` form.
  private readonly fba = new Map(reasonShares.map(([code]) => [code, classified(code)]));
  private readonly mfn = new Map(reasonShares.map(([code]) => [code, classified(findReasonEntry(code)!.aliases[0] ?? code)]));
  private readonly spikeFromMs: number;
  private readonly spikeToMs: number;

  constructor() {
    const recent = spikeSpans(nowIso.slice(0, 10), defaultPreventionPolicy).recent;
    this.spikeFromMs = Date.parse(`${recent.from}T00:00:00Z`);
    this.spikeToMs = Date.parse(`${recent.to}T00:00:00Z`);
  }

  /** An order's statuses: 2% cancelled, 1% pending (when bought in the last week), 2% delivered with a blank item status. */
  statuses(purchasedMs: number): Statuses {
    const r = this.next();
    if (r < 0.02) return cancelledStatuses;
    if (r < 0.03 && purchasedMs > nowMs - 7 * day) return pendingStatuses;
    return r < 0.05 ? deliveredStatuses : shippedStatuses;
  }

  /** How much more often than others a shipped line of this SKU comes back. */
  weight(skuN: number, purchasedMs: number): number {
    if (this.spiking(skuN, purchasedMs)) return 3;
    return isProblemSku(skuN) ? problemWeight(skuN) : 1;
  }

  traits(market: number, skuN: number, fba: boolean, purchasedMs: number): ReturnTraits {
    const code = isProblemSku(skuN) && this.next() < 0.7 ? problemReasons[Math.floor(skuN / 100) % problemReasons.length]! : this.pickReason();
    const withoutOrderLine = this.next() < 0.003;
    const comment = fba && this.next() < 0.4 ? this.comment(markets[market]!.code, skuN, code) : null;
    return { ...(fba ? this.fba : this.mfn).get(code)!, soon: this.spiking(skuN, purchasedMs), comment, withoutOrderLine };
  }

  private spiking(skuN: number, purchasedMs: number): boolean {
    return isSpikeSku(skuN) && purchasedMs >= this.spikeFromMs && purchasedMs < this.spikeToMs;
  }

  private pickReason(): string {
    let r = this.next() * 100;
    for (const [code, share] of reasonShares) if ((r -= share) < 0) return code;
    return 'UNWANTED_ITEM';
  }

  private comment(marketplace: MarketplaceCode, skuN: number, code: string): string {
    const language: Language = marketplace === 'DE' ? 'de' : marketplace === 'JP' ? 'ja' : marketplace === 'US' && this.next() < 0.1 ? 'zh' : 'en';
    const pick = (phrases: readonly string[]) => phrases[Math.floor(this.next() * phrases.length)]!;
    const planted = plantedIndex(skuN);
    const phrase = planted !== null && this.next() < 0.6 ? plantedComplaints[planted]![language] : pick(vocabulary[code]![language]);
    if (this.next() >= 0.3) return phrase;
    const tail = pick(tails[language]);
    return language === 'ja' ? `${phrase}。${tail}` : language === 'zh' ? `${phrase}，${tail}` : `${phrase}. ${tail}`;
  }
}

export interface BuildCounts {
  orders: number; orderLines: number; returns: number; fbaReturns: number; mfnReturns: number; cases: number;
  refundRows: number; duplicatedRefunds: number; fbaReturnRows: number; missingUnits: number; damagedRows: number; wrongUnitRows: number;
  reimbursements: number; reversals: number; mfnRows: number; amazonIssued: number; inspections: number;
  /** With `analytics` only (else 0). */
  notShippedLines: number; comments: number; withoutOrderLine: number;
}

export interface SellerDataOptions {
  readonly returnCount: number;
  readonly lineCount: number;
  /** Statuses, reasons, problem and spike SKUs, buyer comments and returns without an order line (see above). */
  readonly analytics?: boolean;
}

/** Creates the schema with the application's own code, then writes the rows with plain prepared statements (bench-database.ts). */
export async function buildSellerDatabase(path: string, { returnCount, lineCount, analytics = false }: SellerDataOptions): Promise<BuildCounts> {
  const raw = await freshBenchDatabase(path);
  const next = mulberry32(20261205);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  const insertRun = raw.prepare(`insert into import_runs (id, account_id, file_name, sha256, report_type, encoding, marketplace_code, started_at, finished_at)
    values (?, 1, ?, ?, ?, 'utf-8', ?, ?, ?)`);
  const insertOrder = raw.prepare(`insert into orders (account_id, natural_key, import_run_id, line, marketplace_code, amazon_order_id, merchant_order_id,
    purchase_date, last_updated_date, order_status, fulfillment_channel, sales_channel, product_name, sku, asin, item_status, quantity, currency,
    item_price_minor, item_tax_minor, shipping_price_minor, shipping_tax_minor, item_promotion_discount_minor, ship_promotion_discount_minor, ship_country, is_business_order)
    values (1, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0)`);
  const insertRefund = raw.prepare(`insert into settlement_refunds (account_id, natural_key, import_run_id, line, marketplace_code, settlement_id, order_id,
    merchant_order_id, adjustment_id, marketplace_name, amount_type, amount_description, amount_minor, currency, posted_date, order_item_code,
    merchant_adjustment_item_id, sku, quantity_purchased)
    values (1, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`);
  const insertCase = raw.prepare(`insert into return_cases (id, account_id, natural_key, marketplace_code, channel, order_id, sku, asin, status, quantity,
    reason_raw, reason_code, reason_status, reason_category, fault, product_signal, requested_at, received_at, refunded_at, amazon_rma_id,
    tracking_id, disposition, refunded_minor, currency, version, created_at, updated_at)
    values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'mapped', ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, 1, ?, ?)`);
  const insertFbaReturn = raw.prepare(`insert into fba_returns (account_id, natural_key, import_run_id, line, marketplace_code, case_id, return_date, order_id,
    sku, asin, fnsku, product_name, quantity, fulfillment_center_id, detailed_disposition, reason, status, license_plate_number, customer_comments)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReimbursement = raw.prepare(`insert into reimbursements (account_id, natural_key, import_run_id, line, marketplace_code, approval_date,
    reimbursement_id, case_id, amazon_order_id, reason, sku, fnsku, asin, product_name, condition, currency, amount_per_unit_minor, amount_total_minor,
    quantity_reimbursed_cash, quantity_reimbursed_inventory, quantity_reimbursed_total, original_reimbursement_id, original_reimbursement_type)
    values (1, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, 'NewItem', ?, ?, ?, ?, 0, ?, ?, ?)`);
  const insertMfn = raw.prepare(`insert into mfn_returns (account_id, natural_key, import_run_id, line, marketplace_code, case_id, order_id, order_date,
    return_request_date, return_request_status, amazon_rma_id, label_type, currency, label_paid_by, a_to_z_claim, is_prime, asin, sku, item_name,
    return_quantity, return_reason, in_policy, return_type, resolution, return_delivery_date, order_amount_minor, order_quantity, refunded_amount_minor)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AmazonUnPaidLabel', ?, 'Seller', 0, ?, ?, ?, ?, ?, ?, ?, 'C-Returns', ?, ?, ?, ?, ?)`);
  const insertReceipt = raw.prepare(`insert into case_receipts (id, account_id, case_id, received_at, received_by, outer_box, note, recorded_at)
    values (?, 1, ?, ?, 'bench', 'intact', null, ?)`);
  const insertInspection = raw.prepare(`insert into inspections (account_id, case_id, receipt_id, product_category, answers, grade, rule_id, condition_grade,
    inspected_by, inspected_at) values (1, ?, ?, null, '{}', ?, 'bench', ?, 'bench', ?)`);

  const counts: BuildCounts = {
    orders: 0, orderLines: 0, returns: 0, fbaReturns: 0, mfnReturns: 0, cases: 0, refundRows: 0, duplicatedRefunds: 0, fbaReturnRows: 0,
    missingUnits: 0, damagedRows: 0, wrongUnitRows: 0, reimbursements: 0, reversals: 0, mfnRows: 0, amazonIssued: 0, inspections: 0,
    notShippedLines: 0, comments: 0, withoutOrderLine: 0,
  };
  const extras = analytics ? new AnalyticsExtras() : null;
  // One import run per report type and marketplace; each run numbers its lines from 2 (the header is line 1).
  const runIds = new Map<string, number>();
  const lines = new Map<number, number>();
  const runOf = (type: string, market: number) => runIds.get(`${type}|${market}`)!;
  const lineOf = (run: number) => {
    const line = (lines.get(run) ?? 1) + 1;
    lines.set(run, line);
    return line;
  };
  const skuOf = (market: number, n: number) => `${markets[market]!.code}-SKU-${pad(n, 5)}`;
  const asinOf = (market: number, n: number) => `B0${market}${pad(n, 7)}`;
  const fnskuOf = (market: number, n: number) => `X00${market}${pad(n, 6)}`;
  const priceOf = (market: number, n: number) => {
    const m = markets[market]!;
    return m.minPrice + ((n * 7919) % (m.maxPrice - m.minPrice));
  };
  const dispositions = [
    ['SELLABLE', 0.6], ['CUSTOMER_DAMAGED', 0.18], ['DEFECTIVE', 0.12], ['DAMAGED', 0.04], ['CARRIER_DAMAGED', 0.02], ['DISTRIBUTOR_DAMAGED', 0.02], ['EXPIRED', 0.02],
  ] as const;
  const pickDisposition = () => {
    let r = next();
    for (const [name, share] of dispositions) if ((r -= share) < 0) return name;
    return 'SELLABLE';
  };
  const grades = ['new', 'new', 'new', 'used_like_new', 'used_good', 'used_acceptable', 'unsellable_defective', 'unsellable_damaged', 'wrong_item', 'missing'];
  const conditionOf: Record<string, string> = {
    new: 'new', used_like_new: 'like_new', used_good: 'good', used_acceptable: 'acceptable', unsellable_defective: 'unsellable',
    unsellable_damaged: 'unsellable', wrong_item: 'unsellable', missing: 'unsellable',
  };

  let caseId = 0;
  let receiptId = 0;
  let adjustmentSeq = 0;
  let reimbursementSeq = 0;
  let plateSeq = 0;
  let rmaSeq = 0;
  let linesLeft = lineCount;
  let returnsLeft = returnCount;

  /** Settlement ids: one file per marketplace every 14 days. */
  const settlementOf = (market: number, atMs: number, shift = 0) => `${market + 1}${pad(Math.floor(atMs / (14 * day)) + shift, 9)}`;

  function writeRefund(market: number, orderId: string, sku: string, orderItemCode: string, units: number, principal: number, postedMs: number): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const marketplaceName = requireMarketplace(m.code).salesChannel;
    const adjustmentId = `${pad(++adjustmentSeq, 14)}`;
    const run = runOf('settlement', market);
    const posted = iso(postedMs);
    const rows: [string, string, number, number | null][] = [['ItemPrice', 'Principal', -principal, units]];
    if (m.taxShare > 0 && next() < 0.8) rows.push(['ItemPrice', 'Tax', -Math.round(principal * m.taxShare), units]);
    if (next() < 0.7) rows.push(['ItemFees', 'Commission', Math.round(principal * 0.15), units]);
    if (next() < 0.5) rows.push(['ItemFees', 'RefundCommission', -Math.round(principal * 0.03), units]);
    if (next() < 0.15) rows.push(['ItemPrice', 'Shipping', -between(299, 599), units]);
    const files = next() < 0.03 ? [0, 1] : [0];
    if (files.length > 1) counts.duplicatedRefunds += 1;
    for (const shift of files) {
      const settlementId = settlementOf(market, postedMs, shift);
      for (const [type, description, amount, quantity] of rows) {
        insertRefund.run(`${settlementId}\t${adjustmentId}\t${orderItemCode}\t${type}\t${description}\t0`, run, lineOf(run), m.code, settlementId, orderId,
          adjustmentId, marketplaceName, type, description, amount, currency, posted, orderItemCode, sku, quantity);
        counts.refundRows += 1;
      }
    }
  }

  function writeReimbursement(market: number, orderId: string, skuN: number, units: number, perUnit: number, approvedMs: number, reason: string): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const run = runOf('reimbursements', market);
    const id = `${pad(++reimbursementSeq, 10)}`;
    const sku = skuOf(market, skuN);
    insertReimbursement.run(`${id}\t${sku}`, run, lineOf(run), m.code, iso(approvedMs), id, orderId, reason, sku, fnskuOf(market, skuN), asinOf(market, skuN),
      `Product ${sku}`, currency, perUnit, perUnit * units, units, units, null, null);
    counts.reimbursements += 1;
    // 3% are reversed later (the unit was found, or the customer returned it late).
    if (next() < 0.03 && approvedMs + 20 * day < nowMs) {
      const reversal = `${pad(++reimbursementSeq, 10)}`;
      insertReimbursement.run(`${reversal}\t${sku}`, run, lineOf(run), m.code, iso(Math.min(nowMs - day, approvedMs + between(20, 60) * day)), reversal, orderId,
        'Reimbursement_Reversal', sku, fnskuOf(market, skuN), asinOf(market, skuN), `Product ${sku}`, currency, perUnit, -perUnit * units, -units, -units, id, reason);
      counts.reimbursements += 1;
      counts.reversals += 1;
    }
  }

  function writeFbaReturn(market: number, orderId: string, skuN: number, units: number, unitPrice: number, purchasedMs: number, traits: ReturnTraits = fbaDefaults): void {
    const m = markets[market]!;
    const sku = skuOf(market, skuN);
    counts.fbaReturns += 1;
    // The customer's refund; 4% of the returns are not refunded (yet).
    const refundMs = Math.min(nowMs - day, purchasedMs + (traits.soon ? between(2, 8) : between(4, 40)) * day + between(0, 86_399) * 1000);
    const refunded = next() < 0.96;
    const partial = refunded && next() < 0.02;
    const refundedUnits = units > 1 && next() < 0.2 ? 1 : units;
    if (refunded) {
      writeRefund(market, orderId, sku, `${pad(Number(orderId.slice(-7)), 7)}${pad(skuN, 7)}`, refundedUnits,
        partial ? Math.round(unitPrice * refundedUnits * 0.2) : unitPrice * refundedUnits, refundMs);
    }
    // 8% of the refunded units never come back to a fulfilment centre.
    const missing = refunded && !partial && next() < 0.08;
    if (missing) {
      counts.missingUnits += refundedUnits;
      // Amazon reimburses 40% of them on its own, 45 to 100 days after the refund (when that is before now).
      const approvedMs = refundMs + between(45, 100) * day;
      if (next() < 0.4 && approvedMs < nowMs) {
        const perUnit = next() < 0.1 ? Math.round(unitPrice * 0.5) : Math.round(unitPrice * (0.9 + next() * 0.1));
        writeReimbursement(market, orderId, skuN, refundedUnits, perUnit, approvedMs, 'CustomerReturn');
      }
      return;
    }
    const returnMs = Math.min(nowMs - 3_600_000, refundMs + (traits.soon ? between(-1, 2) : between(-3, 12)) * day);
    const disposition = pickDisposition();
    const wrong = next() < 0.005;
    const returnedSku = wrong ? (skuN + 1 + Math.floor(next() * 50)) % skusPerMarket : skuN;
    const id = ++caseId;
    insertCase.run(id, `${orderId}\t${sku}`, m.code, 'FBA', orderId, sku, asinOf(market, skuN), 'fba_received', refundedUnits,
      traits.raw, traits.code, traits.category, traits.fault, traits.productSignal, iso(returnMs), iso(returnMs), null, null, disposition, null, null, nowIso, nowIso);
    counts.cases += 1;
    const run = runOf('fba-returns', market);
    const plate = `LPN${pad(++plateSeq, 9)}`;
    insertFbaReturn.run(`${orderId}\t${sku}\t${plate}`, run, lineOf(run), m.code, id, iso(returnMs), orderId, sku, asinOf(market, returnedSku),
      fnskuOf(market, returnedSku), `Product ${sku}`, refundedUnits, `FC${market}${between(1, 9)}`, disposition, traits.raw, 'Unit returned to inventory', plate,
      traits.comment);
    counts.fbaReturnRows += 1;
    if (traits.comment !== null) counts.comments += 1;
    if (wrong) counts.wrongUnitRows += 1;
    if (disposition === 'DAMAGED' || disposition === 'CARRIER_DAMAGED') {
      counts.damagedRows += 1;
      // Half of the units Amazon damaged are reimbursed on its own.
      const approvedMs = returnMs + between(10, 60) * day;
      if (next() < 0.5 && approvedMs < nowMs) writeReimbursement(market, orderId, skuN, refundedUnits, Math.round(unitPrice * (0.85 + next() * 0.15)), approvedMs, 'Damaged_Warehouse');
    }
  }

  function writeMfnReturn(market: number, orderId: string, skuN: number, units: number, unitPrice: number, purchasedMs: number, traits: ReturnTraits = mfnDefaults): void {
    const m = markets[market]!;
    const currency = requireMarketplace(m.code).currency;
    const sku = skuOf(market, skuN);
    counts.mfnReturns += 1;
    const requestMs = Math.min(nowMs - 2 * day, purchasedMs + (traits.soon ? between(1, 7) : between(3, 30)) * day + between(0, 86_399) * 1000);
    const r = next();
    const resolution = r < 0.8 ? 'StandardRefund' : r < 0.92 ? 'RefundAtFirstScan' : r < 0.97 ? 'ReturnlessRefund' : 'CustomerServiceRefund';
    if (resolution !== 'StandardRefund') counts.amazonIssued += 1;
    const returnless = resolution === 'ReturnlessRefund';
    const delivered = !returnless && next() < 0.85;
    const deliveredMs = Math.min(nowMs - day, requestMs + between(3, 14) * day);
    const refunded = returnless || resolution !== 'StandardRefund' || (delivered && next() < 0.95);
    const refundMs = resolution === 'RefundAtFirstScan' ? Math.min(nowMs - day, requestMs + between(1, 4) * day)
      : returnless || resolution === 'CustomerServiceRefund' ? requestMs + day : Math.min(nowMs - 3_600_000, deliveredMs + between(0, 2) * day);
    const refundedMinor = refunded ? unitPrice * units : null;
    const rma = returnless ? '' : `D${pad(++rmaSeq, 10)}`;
    const id = ++caseId;
    const status = refunded ? (returnless ? 'returnless_refunded' : 'refunded') : delivered ? 'received' : 'in_transit';
    insertCase.run(id, `${orderId}\t${sku}`, m.code, 'MFN', orderId, sku, asinOf(market, skuN), status, units,
      traits.raw, traits.code, traits.category, traits.fault, traits.productSignal, iso(requestMs), delivered ? iso(deliveredMs) : null, refunded ? iso(refundMs) : null,
      rma || null, null, refundedMinor, refunded ? currency : null, nowIso, nowIso);
    counts.cases += 1;
    const run = runOf('mfn-returns', market);
    insertMfn.run(rma ? `rma\t${rma}\t${sku}` : `order\t${orderId}\t${sku}\t${iso(requestMs).slice(0, 10)}`, run, lineOf(run), m.code, id, orderId, iso(purchasedMs), iso(requestMs),
      'Approved', rma, currency, m.code === 'US' ? 1 : 0, asinOf(market, skuN), sku, `Product ${sku}`, units, traits.raw, 1, resolution,
      delivered ? iso(deliveredMs) : null, unitPrice * units, units, refundedMinor);
    counts.mfnRows += 1;
    if (refunded) writeRefund(market, orderId, sku, `${pad(Number(orderId.slice(-7)), 7)}${pad(skuN, 7)}`, units, unitPrice * units, refundMs);
    // The seller inspects 30% of the parcels that came back.
    if (delivered && next() < 0.3) {
      const receipt = ++receiptId;
      const inspectedAt = iso(Math.min(nowMs - 3_600_000, deliveredMs + day));
      insertReceipt.run(receipt, id, iso(deliveredMs), iso(deliveredMs));
      const grade = grades[Math.floor(next() * grades.length)]!;
      insertInspection.run(id, receipt, grade, conditionOf[grade], inspectedAt);
      counts.inspections += 1;
    }
  }

  const writeOrders = raw.transaction((batch: number) => {
    let written = 0;
    while (linesLeft > 0 && written < batch) {
      const market = pickMarketIndex(next());
      const m = markets[market]!;
      const currency = requireMarketplace(m.code).currency;
      const salesChannel = requireMarketplace(m.code).salesChannel;
      const k = counts.orders++;
      // Unique per k (7,368,787 is prime to 10^7), and not in insertion order.
      const orderId = `${111 + (k % 9)}-${pad((k * 7_368_787) % 10_000_000, 7)}-${pad(Math.floor(next() * 1e7), 7)}`;
      const fba = next() < 0.75;
      const r = next();
      const lineTotal = Math.min(linesLeft, r < 0.72 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4);
      const purchasedMs = nowMs - between(5, 420) * day - between(0, 86_399) * 1000;
      const firstSku = Math.floor(next() * skusPerMarket);
      const run = runOf('all-orders', market);
      const [orderStatus, itemStatus] = extras?.statuses(purchasedMs) ?? shippedStatuses;
      const shipped = itemStatus === null || itemStatus === 'Shipped';
      for (let j = 0; j < lineTotal; j++) {
        const skuN = (firstSku + j * 37) % skusPerMarket;
        const sku = skuOf(market, skuN);
        const qr = next();
        const quantity = qr < 0.85 ? 1 : qr < 0.97 ? 2 : 3;
        const unitPrice = priceOf(market, skuN);
        insertOrder.run(`${orderId}\t${sku}`, run, lineOf(run), m.code, orderId, iso(purchasedMs), iso(purchasedMs + day), orderStatus, fba ? 'Amazon' : 'Merchant',
          salesChannel, `Product ${sku}`, sku, asinOf(market, skuN), itemStatus, quantity, currency, unitPrice * quantity,
          m.taxShare > 0 ? Math.round(unitPrice * quantity * m.taxShare) : 0, m.code === 'UK' ? 'GB' : m.code);
        counts.orderLines += 1;
        if (!shipped) counts.notShippedLines += 1;
        // Returns spread at random over the lines, exactly BENCH_RETURNS of them (selection sampling); with
        // the analytics extras, weighted (problem and spike SKUs more often, lines never shipped never),
        // which keeps the count exact but for the last few lines.
        const weight = extras ? (shipped ? extras.weight(skuN, purchasedMs) : 0) : 1;
        if (next() * linesLeft < returnsLeft * weight) {
          returnsLeft -= 1;
          counts.returns += 1;
          const traits = extras?.traits(market, skuN, fba, purchasedMs);
          const returnOrderId = traits?.withoutOrderLine ? `109${orderId.slice(3)}` : orderId;
          if (traits?.withoutOrderLine) counts.withoutOrderLine += 1;
          if (fba) writeFbaReturn(market, returnOrderId, skuN, quantity, unitPrice, purchasedMs, traits);
          else writeMfnReturn(market, returnOrderId, skuN, quantity, unitPrice, purchasedMs, traits);
        }
        linesLeft -= 1;
        written += 1;
      }
    }
  });

  raw.transaction(() => {
    let id = 0;
    for (const type of reportTypesUsed) {
      for (let market = 0; market < markets.length; market++) {
        const code = markets[market]!.code;
        runIds.set(`${type}|${market}`, ++id);
        insertRun.run(id, `${type}-${code}.txt`, `bench-${type}-${code}`, type, code, nowIso, nowIso);
      }
    }
  })();
  const started = Date.now();
  while (linesLeft > 0) {
    writeOrders(250_000);
    const done = lineCount - linesLeft;
    console.log(`  ${fmt(done)} order lines, ${fmt(counts.returns)} returns, ${fmt(counts.refundRows)} refund rows (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('analyze');
  raw.close();
  return counts;
}
