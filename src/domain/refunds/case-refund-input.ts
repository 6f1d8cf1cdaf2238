import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { Fault } from '../reasons.js';
import type { ItemKind, RefundQuoteInput, RequestedFee, ReturnShippingBlock } from './refund-input.js';

/** What ReturnDesk knows about a returned line when a refund is quoted (from reports, the sheet, the inspection). */
export interface CaseRefundFacts {
  readonly marketplaceCode: string;
  readonly currency: string;
  readonly quantityOrdered: number;
  readonly quantityReturned: number;
  readonly unitPricePaidMinor: number;
  /** What the buyer paid for the line's items (the report's order amount), when known in `currency`. */
  readonly linePricePaidMinor: number | null;
  /** Outbound shipping the buyer paid for the line; 0 when the order report was not imported. */
  readonly outboundShippingPaidMinor: number;
  readonly fault: Fault;
  /** The inspection's grade; null when nothing was inspected. */
  readonly grade: InspectionGrade | null;
  /** The retail packaging as inspected (`sealed` means unopened); null when not recorded. */
  readonly retailPackaging: string | null;
  /** The MFN report's "In policy"; false: returned outside the return window. */
  readonly inPolicy: boolean | null;
  readonly productCategory: string | null;
  /** The return label the seller bought, when the report says the seller paid it. */
  readonly sellerPaidLabelMinor: number | null;
  /** The shipping box arrived damaged (at receipt or inspection). */
  readonly outerBoxDamaged: boolean;
  /** The inspection found the unit or its packaging damaged. */
  readonly unitDamaged: boolean;
}

/** The seller's choices for this refund (CLI flags, an HTTP body). */
export interface CaseRefundChoices {
  readonly restockingFee: RequestedFee;
  /** Overrides the kind read from the product category. */
  readonly itemKind?: ItemKind;
  readonly deductLabel?: boolean;
  readonly refundOutboundShipping?: boolean;
  /** The seller offers Free Returns in this marketplace (reference §4.2): no label is deducted from an in-policy return. */
  readonly freeReturns?: boolean;
}

// Category names sellers type in their product sheets (English and Chinese) for the §4.5 rows of their own.
const kindsByCategory: readonly [ItemKind, RegExp][] = [
  ['book', /\b(books?)\b|图书|书籍/i],
  ['software', /\bsoftware\b|软件/i],
  ['media', /\b(music|movies?|dvds?|cds?|vinyl|video ?games?|blu-?ray)\b|音像|影视|游戏/i],
];

/** The §4.5 kind of an item from its product category; `standard` when the category says nothing. */
export function itemKindOfCategory(category: string | null): ItemKind {
  if (category === null) return 'standard';
  return kindsByCategory.find(([, pattern]) => pattern.test(category))?.[0] ?? 'standard';
}

/**
 * Why the label may not be deducted from an in-policy return (reference §4.2): the seller offers Free
 * Returns, or it is a US return Amazon authorized with its prepaid label (Prepaid Return Label program).
 * A return outside the policy may bear its label either way. Unknown (`null`) counts as in policy.
 */
export function labelDeductionBlock(marketplaceCode: string, inPolicy: boolean | null, freeReturns: boolean): ReturnShippingBlock {
  if (inPolicy === false) return null;
  if (freeReturns) return 'free_returns';
  return marketplaceCode === 'US' ? 'aprl_in_policy' : null;
}

/**
 * Who bears the damage for the refund: a unit that arrived damaged in a damaged shipping box was
 * damaged in return transit, which is the carrier's (the seller claims the carrier; SAFE-T excludes it,
 * reference §4.8), so the buyer bears no restocking fee for it. Otherwise the return reason's fault.
 */
export function refundFaultOf(facts: Pick<CaseRefundFacts, 'fault' | 'outerBoxDamaged' | 'unitDamaged'>): Fault {
  return facts.outerBoxDamaged && facts.unitDamaged ? 'carrier' : facts.fault;
}

/** The refund quote input of a case: the facts as recorded, the seller's choices on top. */
export function caseRefundInput(facts: CaseRefundFacts, choices: CaseRefundChoices): RefundQuoteInput {
  const label = facts.sellerPaidLabelMinor;
  return {
    currency: facts.currency, quantityOrdered: facts.quantityOrdered, quantityReturned: facts.quantityReturned,
    unitPricePaidMinor: facts.unitPricePaidMinor, outboundShippingPaidMinor: facts.outboundShippingPaidMinor,
    ...(facts.linePricePaidMinor === null ? {} : { linePricePaidMinor: facts.linePricePaidMinor }),
    fault: refundFaultOf(facts), grade: facts.grade, late: facts.inPolicy === false,
    originalCondition: facts.grade === 'new', itemKind: choices.itemKind ?? itemKindOfCategory(facts.productCategory),
    // Without an inspection answer, only a grade of new says the package stayed closed.
    opened: facts.retailPackaging === null ? facts.grade !== 'new' : facts.retailPackaging !== 'sealed',
    restockingFee: choices.restockingFee,
    ...(choices.refundOutboundShipping === undefined ? {} : { refundOutboundShipping: choices.refundOutboundShipping }),
    returnShipping: label === null || label === 0 ? null : {
      labelCost: { amountMinor: label, currency: facts.currency },
      deductionForbiddenBy: labelDeductionBlock(facts.marketplaceCode, facts.inPolicy, choices.freeReturns ?? false),
      deduct: choices.deductLabel ?? false,
    },
  };
}
