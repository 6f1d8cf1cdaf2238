import { DomainError } from '../errors.js';
import { formatAmount, percentOf } from '../money.js';
import type { RefundCaps } from './refund-caps.js';
import type { RefundCase } from './refund-case.js';
import type { RefundQuoteInput } from './refund-input.js';
import { percentText, refundRules } from './refund-rules.js';

function forbidden(refundCase: RefundCase, input: RefundQuoteInput, caps: RefundCaps): DomainError {
  const { feeRuleId } = refundCase;
  if (refundCase.fullRefund) {
    return new DomainError('invalid_input', `No restocking fee is allowed: ${refundRules[feeRuleId].en.toLowerCase()} (${feeRuleId}, cap 0%, ${caps.source}). Request 'none'.`, { ruleId: feeRuleId, fault: input.fault, grade: input.grade });
  }
  return new DomainError('invalid_input', `No restocking fee is allowed here. ${refundRules[feeRuleId].en} (${feeRuleId}, reference ${refundRules[feeRuleId].section}). Request 'none'.`, { ruleId: feeRuleId, grade: input.grade });
}

function aboveCap(asked: string, refundCase: RefundCase, caps: RefundCaps, allowed: string): DomainError {
  const { feeRuleId, feeCapBps } = refundCase;
  const cap = percentText(feeCapBps);
  return new DomainError('invalid_input', `A restocking fee of ${asked} is above the ${cap} cap of this case: ${refundRules[feeRuleId].en.toLowerCase()} (${feeRuleId}, cap ${cap}, source: ${caps.source}). Request at most ${allowed}, or 'max'.`, { ruleId: feeRuleId, capBps: feeCapBps, source: caps.source });
}

/**
 * The restocking fee (a positive amount, rounded once) that the seller's request comes to on `baseMinor`,
 * the item price of the returned units. `'max'` is the cap of the case; a share or amount above the cap,
 * or any fee where the case allows none, is `invalid_input` naming the cap, its percent and its source.
 */
export function restockingFeeMinor(input: RefundQuoteInput, refundCase: RefundCase, baseMinor: number, caps: RefundCaps): number {
  const fee = input.restockingFee;
  if (fee === 'none') return 0;
  const capMinor = percentOf(baseMinor, refundCase.feeCapBps);
  if (fee === 'max') return capMinor;
  const asked = 'bps' in fee ? fee.bps : fee.amountMinor;
  if (asked === 0) return 0;
  if (refundCase.feeCapBps === 0) throw forbidden(refundCase, input, caps);
  if ('bps' in fee) {
    if (fee.bps > refundCase.feeCapBps) throw aboveCap(percentText(fee.bps), refundCase, caps, percentText(refundCase.feeCapBps));
    return percentOf(baseMinor, fee.bps);
  }
  if (fee.amountMinor > capMinor) {
    const money = (amount: number) => formatAmount(amount, input.currency, 'en-US');
    throw aboveCap(money(fee.amountMinor), refundCase, caps, `${money(capMinor)} (${percentText(refundCase.feeCapBps)} of ${money(baseMinor)})`);
  }
  return fee.amountMinor;
}
