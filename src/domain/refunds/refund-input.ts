import { DomainError } from '../errors.js';
import type { InspectionGrade } from '../inspection/inspection-grades.js';
import { currencyExponent } from '../money.js';
import type { Money } from '../money.js';
import type { Fault } from '../reasons.js';

/** What kind of item the line is: books, media and software have their own rows in reference §4.5. */
export const itemKinds = ['standard', 'book', 'media', 'software'] as const;
export type ItemKind = (typeof itemKinds)[number];

/**
 * The restocking fee the seller asks for: none, the most the case allows (`'max'`), a share of the item
 * price in basis points (2000 = 20%), or an amount in minor units for all returned units of the line.
 */
export type RequestedFee = 'none' | 'max' | { readonly bps: number } | { readonly amountMinor: number };

/** Why the seller's settings forbid deducting the return label (reference §4.2); null when they allow it. */
export type ReturnShippingBlock = 'free_returns' | 'aprl_in_policy' | null;

/** The return label and whether the seller wants its cost deducted from the refund. */
export interface ReturnShippingInput {
  /** What the label cost the seller; its currency must be the order's. */
  readonly labelCost: Money;
  /** Free Returns, or an in-policy return under Amazon's Prepaid Return Label program, forbid the deduction (§4.2). */
  readonly deductionForbiddenBy: ReturnShippingBlock;
  /** The seller asks to deduct the label cost. */
  readonly deduct: boolean;
}

/** One returned order line, as the seller sees it when issuing the refund. */
export interface RefundQuoteInput {
  /** ISO 4217 code of the order; every amount below is in its minor units. */
  readonly currency: string;
  readonly quantityOrdered: number;
  /** Units the buyer returns (or is refunded without returning), 1..quantityOrdered. */
  readonly quantityReturned: number;
  /** Item price the buyer paid per unit, in minor units. */
  readonly unitPricePaidMinor: number;
  /**
   * Item price the buyer paid for the whole line (all ordered units), when known: the returned units'
   * share is then taken from it once, exactly, instead of from the rounded unit price.
   */
  readonly linePricePaidMinor?: number;
  /** Outbound shipping the buyer paid for the whole line (all ordered units), in minor units. */
  readonly outboundShippingPaidMinor: number;
  /** Who the return reason puts at fault (§1.3); seller, carrier and Amazon count as the seller's side. */
  readonly fault: Fault;
  /** What inspection found, for every returned unit; null when refunding without inspection (returnless, first scan). */
  readonly grade: InspectionGrade | null;
  /** Returned after the return window closed (§4.1: 30 days after delivery for most items). */
  readonly late: boolean;
  /** Unit as shipped: unused, complete, in its packaging. Only a `new` grade can be in original condition. */
  readonly originalCondition: boolean;
  readonly itemKind: ItemKind;
  /** The package or sealed wrap was opened (decides the media and software rows of §4.5). */
  readonly opened: boolean;
  readonly restockingFee: RequestedFee;
  /** Refund outbound shipping on a buyer-side return (optional there, §4.5); forced on a seller-side fault. */
  readonly refundOutboundShipping?: boolean;
  /** The return label; null when there is none (returnless refund) or the buyer paid it. */
  readonly returnShipping: ReturnShippingInput | null;
}

function requireAmount(amountMinor: number, what: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new DomainError('invalid_input', `The ${what} must be a whole, non-negative number of minor units (cents); got ${amountMinor}.`, { field: what, value: amountMinor });
  }
}

/** Throws `invalid_input` for a currency mismatch, saying which amount and what to do. */
export function requireCurrency(money: Money, currency: string, what: string): void {
  if (money.currency !== currency) {
    throw new DomainError('invalid_input', `The ${what} is in ${money.currency} but the order is in ${currency}: convert it to ${currency} before quoting.`, { field: what, currencies: [currency, money.currency] });
  }
}

function requireQuantities(input: RefundQuoteInput): void {
  const { quantityOrdered: ordered, quantityReturned: returned } = input;
  if (!Number.isSafeInteger(ordered) || ordered < 1) {
    throw new DomainError('invalid_input', `The quantity ordered must be a whole number of at least 1; got ${ordered}.`, { quantityOrdered: ordered });
  }
  if (!Number.isSafeInteger(returned) || returned < 1 || returned > ordered) {
    throw new DomainError('invalid_input', `The quantity returned must be a whole number from 1 to the ${ordered} ordered; got ${returned}.`, { quantityReturned: returned });
  }
}

function requireFee(fee: RequestedFee): void {
  if (fee === 'none' || fee === 'max') return;
  if ('bps' in fee && (!Number.isInteger(fee.bps) || fee.bps < 0 || fee.bps > 10_000)) {
    throw new DomainError('invalid_input', `A restocking fee share must be whole basis points from 0 to 10000 (2000 = 20%); got ${fee.bps}.`, { bps: fee.bps });
  }
  if ('amountMinor' in fee) requireAmount(fee.amountMinor, 'restocking fee');
}

/** Checks a quote input; throws `invalid_input` naming the field and the fix. */
export function validateRefundInput(input: RefundQuoteInput): void {
  currencyExponent(input.currency);
  requireQuantities(input);
  requireAmount(input.unitPricePaidMinor, 'item price per unit');
  requireAmount(input.outboundShippingPaidMinor, 'outbound shipping paid');
  requireAmount(input.unitPricePaidMinor * input.quantityReturned, 'item price of the returned units');
  if (input.linePricePaidMinor !== undefined) requireAmount(input.linePricePaidMinor, 'item price of the line');
  requireFee(input.restockingFee);
  if (input.returnShipping) {
    requireCurrency(input.returnShipping.labelCost, input.currency, 'return label cost');
    requireAmount(input.returnShipping.labelCost.amountMinor, 'return label cost');
  }
  if (input.originalCondition && input.grade !== null && input.grade !== 'new') {
    throw new DomainError('invalid_input', `A unit graded ${input.grade} is not in original condition: set originalCondition to false, or regrade it as new.`, { grade: input.grade });
  }
}
