import { DomainError } from '../errors.js';
import { amazonNumberAt } from '../policy/policy-lookups.js';
import type { RestockingFeeCaps } from '../policy/policy.js';

/**
 * The most a seller may deduct from a refund (reference §4.5), effective-dated like every number
 * Amazon sets: the policy's `restockingFeeCaps` entries, with the special rows of §4.5's table. An
 * absent special cap falls back to `usedOrDamagedNotSellerFaultBps`, because a used book, an opened
 * disc or opened software is "not in original condition" first of all.
 */
export type RefundCaps = RestockingFeeCaps;

/** The caps on record. The guidance is quoted since 2012; the day it took effect is not on record. */
export const defaultRefundCaps: readonly RefundCaps[] = Object.freeze([Object.freeze({
  effectiveFrom: '2012-01-01',
  lateOriginalConditionBps: 2000,
  usedOrDamagedNotSellerFaultBps: 5000,
  sellerFaultBps: 0,
  bookSignsOfUseBps: 5000,
  openedMediaBps: 5000,
  openedSoftwareBps: 10_000,
  source: 'reference §4.5: [S] ecommercebytes 2012 quoting Amazon guidance (20% late in original condition; '
    + '50% book with signs of use; 50% opened CD/DVD/VHS/video game/cassette/vinyl; up to 50% not original condition, '
    + 'not the seller\'s fault; 100% opened software); [S] one-apollo (Guided Refund Workflow caps at 50%); '
    + '[A] SC G202175040 (seller error, defective, damaged on arrival, not as described: 0%, full refund incl. shipping)',
})]);

const requiredCaps = ['lateOriginalConditionBps', 'usedOrDamagedNotSellerFaultBps', 'sellerFaultBps'] as const;
const optionalCaps = ['bookSignsOfUseBps', 'openedMediaBps', 'openedSoftwareBps'] as const;

function requireValidCaps(caps: RefundCaps): void {
  for (const field of [...requiredCaps, ...optionalCaps]) {
    const bps = caps[field];
    if (bps === undefined && (optionalCaps as readonly string[]).includes(field)) continue;
    if (bps === undefined || !Number.isInteger(bps) || bps < 0 || bps > 10_000) {
      throw new DomainError('invalid_input', `Refund caps from ${caps.effectiveFrom}: ${field} must be whole basis points from 0 to 10000 (got ${String(bps)}).`, { field, value: bps });
    }
  }
  // §4.5 and [A] SC G202175040: a seller-side fault is always a full refund; no data may say otherwise.
  if (caps.sellerFaultBps !== 0) {
    throw new DomainError('invalid_input', `Refund caps from ${caps.effectiveFrom}: sellerFaultBps must be 0, since a seller-side fault always gets a full refund including shipping (reference §4.5).`, { value: caps.sellerFaultBps });
  }
}

/**
 * The caps in force on `atIso` (`YYYY-MM-DD` or an ISO instant: the day the refund is issued).
 * None in force, or a cap outside 0..10000 basis points, is `invalid_input`.
 */
export function refundCapsAt(caps: readonly RefundCaps[], atIso: string): RefundCaps {
  const found = amazonNumberAt(caps, atIso);
  if (!found) {
    throw new DomainError('invalid_input', `No refund caps are in force on ${atIso.slice(0, 10)}: add a RefundCaps entry whose effectiveFrom is on or before that day (reference §4.5), or quote at a later date.`, { atIso });
  }
  requireValidCaps(found);
  return found;
}
