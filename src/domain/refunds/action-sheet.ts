// Amazon has no API to refund in Manage Returns (reference §3.4): the seller's agents do it by hand.
// The action sheet tells them what to choose and type there, field by field (§4.5 partial-refund procedure).
import { DomainError } from '../errors.js';
import { formatAmount } from '../money.js';
import type { RefundLine, RefundLineKind } from './refund-lines.js';
import type { RefundQuote } from './refund-quote.js';
import type { RefundRuleId, RefundText } from './refund-rules.js';

/** The case the quote belongs to. */
export interface ActionSheetContext {
  readonly orderId: string;
  /** Amazon's RMA id; absent for a returnless refund, which has none (§4.4). */
  readonly rmaId?: string | null;
  /** The item came back after the return window (ticks "outside return window"). */
  readonly late: boolean;
  /** Evidence photos ReturnDesk holds for the case. */
  readonly evidenceCount: number;
  /** Locale the English text writes amounts in: the marketplace's (e.g. en-GB, de-DE); en-US when absent. */
  readonly locale?: string;
}

export type ActionStepKind = 'open' | 'no_refund' | 'refund_type' | 'grade' | 'reduction' | 'return_window'
  | 'photos' | 'outbound_shipping' | 'return_shipping' | 'total' | 'note';

/** One thing to do in Seller Central, in English and Simplified Chinese. */
export interface ActionStep extends RefundText {
  readonly kind: ActionStepKind;
}

/** Manage Returns refuses a longer note (§4.5). */
export const refundNoteMaxLength = 255;

type Amount = (minor: number) => RefundText;

interface Sheet {
  readonly quote: RefundQuote;
  readonly context: ActionSheetContext;
  readonly amount: Amount;
  readonly caseRef: RefundText;
}

function lineOf(quote: RefundQuote, kind: RefundLineKind): RefundLine {
  const line = quote.lines.find((l) => l.kind === kind);
  if (!line) throw new DomainError('invalid_input', `The refund quote has no ${kind} line: quote it with quoteRefund.`, { kind });
  return line;
}

function requireContext(context: ActionSheetContext): void {
  if (context.orderId.trim() === '') throw new DomainError('invalid_input', 'The action sheet needs the Amazon order id; it is empty.', {});
  if (!Number.isSafeInteger(context.evidenceCount) || context.evidenceCount < 0) {
    throw new DomainError('invalid_input', `Order ${context.orderId}: the evidence count must be a whole number from 0; got ${context.evidenceCount}.`, { orderId: context.orderId });
  }
}

function caseRefOf(context: ActionSheetContext): RefundText {
  return context.rmaId
    ? { en: `return ${context.rmaId} (order ${context.orderId})`, zh: `退货 ${context.rmaId}（订单 ${context.orderId}）` }
    : { en: `order ${context.orderId} (no RMA ID: returnless refund)`, zh: `订单 ${context.orderId}（无 RMA 编号：仅退款不退货）` };
}

function openStep({ caseRef }: Sheet): ActionStep {
  return {
    kind: 'open',
    en: `In Seller Central → Orders → Manage Returns, find ${caseRef.en} and click "Issue refund".`,
    zh: `在卖家平台 → 订单 → 管理退货（Manage Returns）中找到${caseRef.zh}，点击“签发退款”（Issue refund）。`,
  };
}

function noRefundSteps(sheet: Sheet): ActionStep[] {
  const { quote, amount, caseRef, context } = sheet;
  const item = lineOf(quote, 'item');
  const why = item.amountMinor === 0 ? item.text : lineOf(quote, 'restocking_fee').text;
  const steps: ActionStep[] = [{
    kind: 'no_refund',
    en: `Do not issue a refund for ${caseRef.en}: the refund is ${amount(0).en}. ${why.en}.`,
    zh: `不要为${caseRef.zh}签发退款：退款金额为 ${amount(0).zh}。${why.zh}。`,
  }];
  if (context.evidenceCount > 0) {
    steps.push({ kind: 'photos', en: `Keep the ${photos(context.evidenceCount).en} of ${caseRef.en}: they back this decision and any claim.`, zh: `保留${caseRef.zh}的 ${context.evidenceCount} 张证据照片：作为本次处理及索赔的依据。` });
  }
  return steps;
}

function photos(count: number): RefundText {
  return { en: `${count} evidence photo${count === 1 ? '' : 's'}`, zh: `${count} 张证据照片` };
}

function fullRefundStep({ quote, amount }: Sheet): ActionStep {
  const why = lineOf(quote, 'item').text;
  return {
    kind: 'refund_type',
    en: `Choose a full refund of ${amount(quote.totalMinor).en}: do not apply a refund reduction and do not charge return shipping. ${why.en}.`,
    zh: `选择全额退款 ${amount(quote.totalMinor).zh}：不要使用“退款扣减”（Apply refund reduction），也不要收取退货运费。${why.zh}。`,
  };
}

function partialRefundSteps(sheet: Sheet): ActionStep[] {
  const { quote, amount, context } = sheet;
  const fee = lineOf(quote, 'restocking_fee');
  const feeStep: ActionStep = fee.amountMinor < 0
    ? { kind: 'reduction', en: `Enter the refund reduction (restocking fee): ${amount(-fee.amountMinor).en}. Reason: ${fee.text.en}.`, zh: `输入退款扣减（重新入库费）：${amount(-fee.amountMinor).zh}。原因：${fee.text.zh}。` }
    : { kind: 'reduction', en: `Enter no refund reduction for the item (${amount(0).en}): ${fee.text.en}.`, zh: `商品不做退款扣减（${amount(0).zh}）：${fee.text.zh}。` };
  return [
    { kind: 'refund_type', en: `Choose a partial refund: click "Apply refund reduction". The refund is ${amount(quote.totalMinor).en} of the ${amount(quote.paidMinor).en} paid.`, zh: `选择部分退款：点击“退款扣减”（Apply refund reduction）。退款金额为 ${amount(quote.totalMinor).zh}（买家实付 ${amount(quote.paidMinor).zh}）。` },
    { kind: 'grade', en: 'Grade the item, its accessories and its packaging as found at inspection (original, minor or severe damage, missing, materially different).', zh: '按检验结果为商品、配件和包装评级（原始状态、轻微/严重损坏、缺失、与描述严重不符）。' },
    feeStep,
    context.late
      ? { kind: 'return_window', en: 'Tick "Outside return window": the item came back after the return window closed.', zh: '勾选“超出退货期限”（Outside return window）：商品在退货期限结束后才退回。' }
      : { kind: 'return_window', en: 'Leave "Outside return window" unticked: the item came back within the return window.', zh: '不要勾选“超出退货期限”（Outside return window）：商品在退货期限内退回。' },
    photoStep(sheet),
  ];
}

function photoStep({ context, caseRef }: Sheet): ActionStep {
  const count = context.evidenceCount;
  if (count > 0) {
    return { kind: 'photos', en: `Upload the ${photos(count).en} of ${caseRef.en} from ReturnDesk.`, zh: `上传 ReturnDesk 中${caseRef.zh}的 ${count} 张证据照片。` };
  }
  // Amazon asks for a photo of a damaged or different item, and a later SAFE-T claim needs one too.
  return { kind: 'photos', en: `No evidence photo is on file for ${caseRef.en}: photograph the item and upload the photo.`, zh: `${caseRef.zh}没有证据照片：请拍摄商品照片并上传。` };
}

function shippingSteps({ quote, amount }: Sheet, partial: boolean): ActionStep[] {
  const outbound = lineOf(quote, 'outbound_shipping');
  const label = lineOf(quote, 'return_shipping');
  const steps: ActionStep[] = [outbound.amountMinor > 0
    ? { kind: 'outbound_shipping', en: `Refund outbound shipping: ${amount(outbound.amountMinor).en}.`, zh: `退还发货运费：${amount(outbound.amountMinor).zh}。` }
    : { kind: 'outbound_shipping', en: `Do not refund outbound shipping (leave it at ${amount(0).en}). ${outbound.text.en}.`, zh: `不退还发货运费（保持 ${amount(0).zh}）。${outbound.text.zh}。` }];
  if (partial) {
    steps.push(label.amountMinor < 0
      ? { kind: 'return_shipping', en: `Charge return shipping: ${amount(-label.amountMinor).en}. ${label.text.en}.`, zh: `收取退货运费：${amount(-label.amountMinor).zh}。${label.text.zh}。` }
      : { kind: 'return_shipping', en: `Charge no return shipping (leave it at ${amount(0).en}). ${label.text.en}.`, zh: `不收取退货运费（保持 ${amount(0).zh}）。${label.text.zh}。` });
  }
  return steps;
}

// Short buyer-facing reasons: the rule sentences are written for the seller and too long for the note.
const feeReasons: Partial<Record<RefundRuleId, string>> = {
  'restocking-fee-late-original-condition': 'returned after the return window',
  'restocking-fee-book-signs-of-use': 'the book shows obvious signs of use',
  'restocking-fee-opened-media': 'the media was opened',
  'restocking-fee-not-original-condition': 'the item is not in its original condition',
  'restocking-fee-opened-software': 'the software was opened',
};

/**
 * The note to the buyer, in English, at most {@link refundNoteMaxLength} characters: sentences that do
 * not fit are left out, and the first one is cut (ending in `…`) when ids alone make it too long.
 */
export function refundNote(quote: RefundQuote, context: ActionSheetContext): string {
  const en = (minor: number) => formatAmount(minor, quote.currency, context.locale ?? 'en-US');
  const fee = lineOf(quote, 'restocking_fee');
  const label = lineOf(quote, 'return_shipping');
  const ref = context.rmaId ? ` (return ${context.rmaId})` : '';
  const sentences = [
    `Refund for order ${context.orderId}${ref}: ${en(quote.totalMinor)}.`,
    fee.amountMinor < 0 ? ` Restocking fee deducted: ${en(-fee.amountMinor)} (${feeReasons[fee.ruleId] ?? fee.ruleId}).` : '',
    label.amountMinor < 0 ? ` Return shipping deducted: ${en(-label.amountMinor)}.` : '',
    quote.totalMinor === quote.paidMinor ? ' This is a full refund of what you paid.' : '',
  ];
  return fitNote(sentences);
}

function fitNote(sentences: readonly string[]): string {
  // Code points, not UTF-16 units, so a cut never splits a character.
  const first = Array.from(sentences[0] ?? '');
  let note = first.length > refundNoteMaxLength ? `${first.slice(0, refundNoteMaxLength - 1).join('')}…` : first.join('');
  // Sentences come most important first: stop at the first that does not fit, so a later one never
  // stands in for a dropped one (a label deduction named without the larger fee would mislead).
  for (const sentence of sentences.slice(1)) {
    if (Array.from(note + sentence).length > refundNoteMaxLength) break;
    note += sentence;
  }
  return note;
}

function closingSteps(sheet: Sheet): ActionStep[] {
  const { quote, amount, context } = sheet;
  const note = refundNote(quote, context);
  const length = Array.from(note).length;
  return [
    { kind: 'total', en: `Check that Seller Central shows a refund of ${amount(quote.totalMinor).en}, then submit.`, zh: `确认卖家平台显示的退款金额为 ${amount(quote.totalMinor).zh}，然后提交。` },
    { kind: 'note', en: `Paste this note (${length}/${refundNoteMaxLength} characters): ${note}`, zh: `粘贴以下备注（英文，${length}/${refundNoteMaxLength} 个字符）：${note}` },
  ];
}

/**
 * The steps to refund one case in Manage Returns (reference §4.5 "Partial-refund procedure"), in order,
 * each in English and Simplified Chinese with amounts formatted for each (the context's locale or en-US,
 * and zh-CN). A quote with no deduction is a full refund; a restocking fee or return label deduction makes
 * it partial (refund reduction, grading, return window, photos, return shipping charge). A zero refund says
 * not to refund. Throws `invalid_input` for an empty order id, a bad evidence count or an unknown locale.
 */
export function refundActionSheet(quote: RefundQuote, context: ActionSheetContext): readonly ActionStep[] {
  requireContext(context);
  const locale = context.locale ?? 'en-US';
  const amount: Amount = (minor) => ({ en: formatAmount(minor, quote.currency, locale), zh: formatAmount(minor, quote.currency, 'zh-CN') });
  const sheet: Sheet = { quote, context, amount, caseRef: caseRefOf(context) };
  if (quote.totalMinor === 0) return noRefundSteps(sheet);
  const partial = quote.lines.some((l) => l.amountMinor < 0);
  const middle = partial ? partialRefundSteps(sheet) : [fullRefundStep(sheet)];
  return [openStep(sheet), ...middle, ...shippingSteps(sheet, partial), ...closingSteps(sheet)];
}
