import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { refundActionSheet, refundNote, refundNoteMaxLength } from './action-sheet.js';
import type { ActionSheetContext, ActionStep, ActionStepKind } from './action-sheet.js';
import { defaultRefundCaps } from './refund-caps.js';
import type { RefundQuoteInput } from './refund-input.js';
import { quoteRefund } from './refund-quote.js';
import { deductedLabel as label, refundQuoteBase as base } from '../../../test/refund-fixtures.js';

const context: ActionSheetContext = { orderId: '112-1234567-1234567', rmaId: 'DkR9xYz1RRMA', late: false, evidenceCount: 3 };

const quote = (overrides: Partial<RefundQuoteInput> = {}) => quoteRefund({ ...base, ...overrides }, defaultRefundCaps, '2026-07-01');
const sheet = (overrides: Partial<RefundQuoteInput> = {}, ctx: Partial<ActionSheetContext> = {}) => refundActionSheet(quote(overrides), { ...context, ...ctx });
const step = (steps: readonly ActionStep[], kind: ActionStepKind) => steps.find((s) => s.kind === kind);

const fullKinds: ActionStepKind[] = ['open', 'refund_type', 'outbound_shipping', 'total', 'note'];
const partialKinds: ActionStepKind[] = ['open', 'refund_type', 'grade', 'reduction', 'return_window', 'photos', 'outbound_shipping', 'return_shipping', 'total', 'note'];

describe('refundActionSheet: which steps, in order', () => {
  it.each<[string, Partial<RefundQuoteInput>, ActionStepKind[]]>([
    ['full refund (seller fault)', { fault: 'seller' }, fullKinds],
    ['full item refund, no deduction (in window)', {}, fullKinds],
    ['partial: restocking fee', { late: true }, partialKinds],
    ['partial: return label only', { returnShipping: label }, partialKinds],
    ['zero refund (wrong item came back)', { originalCondition: false, grade: 'wrong_item' }, ['no_refund', 'photos']],
  ])('%s', (_name, overrides, kinds) => {
    expect(sheet(overrides).map((s) => s.kind)).toEqual(kinds);
  });
});

describe('refundActionSheet: full refund', () => {
  const steps = sheet({ fault: 'seller' });
  it.each<[ActionStepKind, string, string]>([
    ['open', 'In Seller Central → Orders → Manage Returns, find return DkR9xYz1RRMA (order 112-1234567-1234567) and click "Issue refund".', '在卖家平台 → 订单 → 管理退货（Manage Returns）中找到退货 DkR9xYz1RRMA（订单 112-1234567-1234567），点击“签发退款”（Issue refund）。'],
    ['outbound_shipping', 'Refund outbound shipping: $10.00.', '退还发货运费：US$10.00。'],
    ['total', 'Check that Seller Central shows a refund of $110.00, then submit.', '确认卖家平台显示的退款金额为 US$110.00，然后提交。'],
  ])('%s', (kind, en, zh) => {
    expect(step(steps, kind)).toEqual({ kind, en, zh });
  });

  it('says full refund, no reduction, and why', () => {
    const type = step(steps, 'refund_type');
    expect(type?.en).toMatch(/^Choose a full refund of \$110\.00: do not apply a refund reduction and do not charge return shipping\..*full-refund-seller-fault/);
    expect(type?.zh).toMatch(/^选择全额退款 US\$110\.00：不要使用“退款扣减”.*full-refund-seller-fault/);
  });
});

describe('refundActionSheet: partial refund with fee, label and late flag', () => {
  const steps = sheet({ late: true, returnShipping: label }, { late: true });
  it.each<[ActionStepKind, RegExp, RegExp]>([
    ['refund_type', /^Choose a partial refund: click "Apply refund reduction"\. The refund is \$72\.00 of the \$110\.00 paid\.$/, /部分退款.*US\$72\.00（买家实付 US\$110\.00）/],
    ['grade', /^Grade the item, its accessories and its packaging/, /商品、配件和包装评级/],
    ['reduction', /^Enter the refund reduction \(restocking fee\): \$20\.00\. Reason: .*restocking-fee-late-original-condition, cap 20%/, /退款扣减（重新入库费）：US\$20\.00。原因：超出退货期限/],
    ['return_window', /^Tick "Outside return window"/, /^勾选“超出退货期限”/],
    ['photos', /^Upload the 3 evidence photos of return DkR9xYz1RRMA \(order 112-1234567-1234567\)/, /3 张证据照片/],
    ['outbound_shipping', /^Do not refund outbound shipping \(leave it at \$0\.00\)/, /不退还发货运费（保持 US\$0\.00）/],
    ['return_shipping', /^Charge return shipping: \$8\.00\..*return-shipping-deducted/, /收取退货运费：US\$8\.00。/],
    ['note', /^Paste this note \(168\/255 characters\): Refund for order 112-1234567-1234567 \(return DkR9xYz1RRMA\): \$72\.00\. Restocking fee deducted: \$20\.00 \(returned after the return window\)\. Return shipping deducted: \$8\.00\.$/, /^粘贴以下备注（英文，168\/255 个字符）：Refund for order/],
  ])('%s', (kind, en, zh) => {
    expect(step(steps, kind)?.en).toMatch(en);
    expect(step(steps, kind)?.zh).toMatch(zh);
  });

  it.each<[string, Partial<ActionSheetContext>, ActionStepKind, RegExp]>([
    ['within the window: leave the flag unticked', { late: false }, 'return_window', /^Leave "Outside return window" unticked/],
    ['no photo on file: take one', { evidenceCount: 0 }, 'photos', /^No evidence photo is on file for return DkR9xYz1RRMA.*photograph the item/],
    ['one photo: singular', { evidenceCount: 1 }, 'photos', /Upload the 1 evidence photo of/],
    ['returnless refund: no RMA id', { rmaId: null }, 'open', /find order 112-1234567-1234567 \(no RMA ID: returnless refund\)/],
  ])('%s', (_name, ctx, kind, en) => {
    expect(step(sheet({ late: true }, ctx), kind)?.en).toMatch(en);
  });
});

describe('refundActionSheet: text', () => {
  it.each<[string, Partial<RefundQuoteInput>]>([
    ['full', { fault: 'seller' }], ['partial', { late: true, returnShipping: label }], ['zero', { originalCondition: false, grade: 'wrong_item' }],
  ])('every %s step has English and Chinese text', (_name, overrides) => {
    for (const s of sheet(overrides)) {
      expect(s.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('writes JPY with no decimals, en-US and zh-CN', () => {
    const steps = sheet({ currency: 'JPY', unitPricePaidMinor: 5000, outboundShippingPaidMinor: 500, late: true, returnShipping: null });
    expect(step(steps, 'reduction')?.en).toContain('¥1,000.');
    expect(step(steps, 'reduction')?.zh).toContain('JP¥1,000。');
  });

  it('writes the English amounts in the marketplace locale when given', () => {
    const steps = refundActionSheet(quoteRefund({ ...base, currency: 'EUR', returnShipping: null, late: true }, defaultRefundCaps, '2026-07-01'), { ...context, locale: 'de-DE' });
    expect(step(steps, 'reduction')?.en).toMatch(/20,00\s€/);
  });
});

describe('refundNote', () => {
  it.each<[string, Partial<ActionSheetContext>]>([
    ['typical ids', {}],
    ['a very long RMA id', { rmaId: 'R'.repeat(300) }],
    ['a long order id', { orderId: 'O'.repeat(240) }],
    ['long ids in an astral script', { rmaId: '𝔸'.repeat(300) }],
  ])('fits in 255 characters: %s', (_name, ctx) => {
    const note = refundNote(quote({ late: true, returnShipping: label }), { ...context, ...ctx });
    expect(Array.from(note).length).toBeLessThanOrEqual(refundNoteMaxLength);
    expect(note).toMatch(/^Refund for order /);
  });

  it.each<[number, string[], string[]]>([
    [120, ['$72.00.', 'Restocking fee deducted: $20.00'], ['Return shipping deducted']],
    [150, ['$72.00.'], ['Restocking fee', 'Return shipping']],
  ])('with a %d-character order id, keeps the sentences that fit, most important first', (length, kept, dropped) => {
    const note = refundNote(quote({ late: true, returnShipping: label }), { ...context, orderId: 'O'.repeat(length) });
    for (const text of kept) expect(note).toContain(text);
    for (const text of dropped) expect(note).not.toContain(text);
  });

  it('says a full refund is a full refund', () => {
    expect(refundNote(quote({ fault: 'seller' }), context)).toBe('Refund for order 112-1234567-1234567 (return DkR9xYz1RRMA): $110.00. This is a full refund of what you paid.');
  });
});

describe('refundActionSheet errors', () => {
  it.each<[string, Partial<ActionSheetContext>, RegExp]>([
    ['an empty order id', { orderId: ' ' }, /needs the Amazon order id/],
    ['a negative evidence count', { evidenceCount: -1 }, /Order 112-1234567-1234567: the evidence count must be a whole number/],
    ['a fractional evidence count', { evidenceCount: 1.5 }, /evidence count/],
    ['an unknown locale', { locale: 'xx-!!' }, /Unknown locale/],
  ])('refuses %s', (_name, ctx, message) => {
    let error: unknown;
    try {
      sheet({}, ctx);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_input');
    expect((error as DomainError).message).toMatch(message);
  });
});
