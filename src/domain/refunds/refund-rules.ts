/** The rules a refund quote applies, one id per line of the quote (docs/refunds.md lists them with sources). */
export const refundRuleIds = [
  'item-refund', 'item-not-returned-file-claim',
  'full-refund-seller-fault', 'full-refund-defective',
  'outbound-shipping-refunded', 'outbound-shipping-not-refunded',
  'restocking-fee-late-original-condition', 'restocking-fee-book-signs-of-use', 'restocking-fee-opened-media',
  'restocking-fee-not-original-condition', 'restocking-fee-opened-software',
  'no-fee-in-window-original-condition', 'no-fee-without-inspection', 'no-fee-item-not-returned',
  'return-shipping-deducted', 'return-shipping-deduction-limited', 'return-shipping-not-deducted',
  'return-shipping-forbidden-free-returns', 'return-shipping-forbidden-aprl-in-policy',
] as const;
export type RefundRuleId = (typeof refundRuleIds)[number];

/** A sentence in each language the desk speaks. */
export interface RefundText {
  readonly en: string;
  readonly zh: string;
}

interface RuleEntry extends RefundText {
  /** Where the rule comes from, in reference/amazon-returns.md. */
  readonly section: string;
}

// Each sentence says what the line does and why it is allowed; the section is the reference's.
export const refundRules: Readonly<Record<RefundRuleId, RuleEntry>> = {
  'item-refund': { section: '§4.5', en: 'Refund the item price of the returned units', zh: '退还退货商品的商品价格' },
  'item-not-returned-file-claim': { section: '§4.8, §4.9', en: 'The seller\'s item did not come back (wrong item or empty parcel): refund nothing for it and file a claim (SAFE-T, or FBA reimbursement) with photos instead', zh: '退回的不是卖家的商品（错货或空包裹）：不退商品款，请附照片提出索赔（SAFE-T 或 FBA 赔偿）' },
  'full-refund-seller-fault': { section: '§4.5, §1.3', en: 'The fault is on the seller\'s side (seller, carrier or Amazon): full refund including shipping, no fee or deduction', zh: '责任在卖家一方（卖家、承运商或亚马逊）：全额退款（含运费），不得收取任何费用或扣款' },
  'full-refund-defective': { section: '§4.5, §1.3', en: 'Inspection found the unit defective: full refund including shipping, no fee or deduction', zh: '检验发现商品有缺陷：全额退款（含运费），不得收取任何费用或扣款' },
  'outbound-shipping-refunded': { section: '§4.5', en: 'The seller refunds the outbound shipping of the returned units (optional on a buyer-side return)', zh: '卖家退还退货商品的发货运费（买家责任退货时可选）' },
  'outbound-shipping-not-refunded': { section: '§4.5, §1.3', en: 'Outbound shipping is not refunded on a buyer-side return', zh: '买家责任退货不退还发货运费' },
  'restocking-fee-late-original-condition': { section: '§4.5', en: 'Restocking fee for a return in original condition after the return window', zh: '超出退货期限但保持原始状态的退货，收取重新入库费' },
  'restocking-fee-book-signs-of-use': { section: '§4.5', en: 'Restocking fee for a book with obvious signs of use', zh: '书籍有明显使用痕迹，收取重新入库费' },
  'restocking-fee-opened-media': { section: '§4.5', en: 'Restocking fee for an opened CD, DVD, VHS, video game, cassette or vinyl', zh: '已拆封的 CD、DVD、录像带、电子游戏、磁带或黑胶唱片，收取重新入库费' },
  'restocking-fee-not-original-condition': { section: '§4.5', en: 'Restocking fee for a unit not in original condition (used, damaged or missing parts) through no fault of the seller', zh: '非卖家原因导致商品不再是原始状态（已使用、损坏或缺少配件），收取重新入库费' },
  'restocking-fee-opened-software': { section: '§4.5', en: 'Restocking fee for opened software', zh: '已拆封的软件，收取重新入库费' },
  'no-fee-in-window-original-condition': { section: '§4.5', en: 'No restocking fee: the unit came back in original condition within the return window', zh: '不收重新入库费：商品在退货期限内以原始状态退回' },
  'no-fee-without-inspection': { section: '§4.5', en: 'No restocking fee without an inspection (returnless refund or refund at first scan): grade the unit to charge one', zh: '未经检验（仅退款或首次扫描即退款）不收重新入库费：需先检验评级' },
  'no-fee-item-not-returned': { section: '§4.5', en: 'No restocking fee: there is no item refund to charge it on', zh: '不收重新入库费：没有可扣费的商品退款' },
  'return-shipping-deducted': { section: '§1.3, §4.2', en: 'Deduct the return label the seller paid, allowed on a buyer-side return when the return settings permit it', zh: '扣除卖家支付的退货运费：买家责任退货且退货设置允许时可扣除' },
  'return-shipping-deduction-limited': { section: '§1.3, §4.2', en: 'Deduct the return label, limited to what is left of the refund so it never goes below zero', zh: '扣除退货运费，以剩余退款为上限，退款不会低于零' },
  'return-shipping-not-deducted': { section: '§4.2', en: 'No return shipping is deducted', zh: '不扣除退货运费' },
  'return-shipping-forbidden-free-returns': { section: '§4.2', en: 'No return shipping is deducted: Free Returns sellers cannot deduct it on in-policy returns', zh: '不扣除退货运费：提供免费退货的卖家不得对符合政策的退货扣除运费' },
  'return-shipping-forbidden-aprl-in-policy': { section: '§4.2', en: 'No return shipping is deducted: the return is in policy under the Prepaid Return Label program', zh: '不扣除退货运费：该退货符合预付退货标签计划的政策' },
};

/** `2000` → `20%`, `1250` → `12.5%`. */
export function percentText(bps: number): string {
  return `${bps / 100}%`;
}

/** The line's sentence: what the rule does, then its id, the cap when there is one, and its source section. */
export function ruleText(ruleId: RefundRuleId, capBps: number | null): RefundText {
  const rule = refundRules[ruleId];
  const cap = capBps === null ? '' : `, cap ${percentText(capBps)}`;
  const capZh = capBps === null ? '' : `，上限 ${percentText(capBps)}`;
  return { en: `${rule.en} (${ruleId}${cap}, ${rule.section})`, zh: `${rule.zh}（${ruleId}${capZh}，${rule.section}）` };
}
