import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { MarketplaceCode } from '../marketplaces.js';
import type { Money } from '../money.js';
import type { AmazonNumber, PerMarketplace, WeightTier } from '../policy/policy.js';

export { defaultDispositionPolicy } from './default-disposition-policy.js';

/**
 * What the seller's options for a graded returned unit cost and bring, as plain data (reference
 * §4.11, §4.12). Amazon's numbers carry `effectiveFrom` and `source`; the rest are the seller's
 * estimates. Used prices come from `Policy.resaleValueByGradeBps` and FBA removal and disposal fees
 * from `Policy.removalDisposalFees`, so the decision engine and this module never disagree on them.
 * Reference: docs/disposition.md.
 */
export interface DispositionPolicy {
  /** Costs and programmes per marketplace; a marketplace left out cannot be priced (`invalid_input`). */
  readonly marketplaces: PerMarketplace<MarketplaceDisposition>;
  /** What suppliers credit for returned units; a unit no entry covers cannot go back to a supplier. */
  readonly supplierCredits: readonly SupplierCredit[];
}

/** One marketplace's disposition costs, all in the marketplace's currency. */
export interface MarketplaceDisposition {
  /** Getting a unit in the seller's hands ready to sell again (seller estimates). */
  readonly restock: RestockCosts;
  /** The referral fee a resale pays, as the seller's estimate for their usual category. */
  readonly saleReferralFeeBps: number;
  /** Referral fee by product category (as in the product sheet), over `saleReferralFeeBps`. */
  readonly saleReferralFeeBpsByCategory?: Readonly<Record<string, number>>;
  /** Giving one unit in the seller's hands to charity: packing and carriage (seller estimate). */
  readonly donationCostPerUnit: Money;
  /** Destroying or recycling one unit in the seller's hands (seller estimate). */
  readonly ownDisposalCostPerUnit: Money;
  /**
   * Whether Amazon can donate units in its fulfilment centre for this seller, and how it bills
   * them: `disposal_fee` prices a donation with the removal/disposal fee table. Absent: not offered.
   */
  readonly fbaDonation?: 'disposal_fee';
  /** FBA Grade and Resell; absent where the programme is not offered. */
  readonly gradeAndResell?: GradeAndResellTerms;
  /** FBA Liquidations; absent where the programme is not offered. */
  readonly liquidation?: LiquidationTerms;
}

/** Per-unit costs of making a returned unit sellable again. */
export interface RestockCosts {
  readonly cleaningRepackaging: Money;
  readonly relabelling: Money;
  /** Shipping the unit back into Amazon's warehouse; charged on FBA units only. */
  readonly inboundShippingFba: Money;
}

/** Prices by weight for standard-size and oversize units, in one currency. */
export interface SizeWeightTable {
  readonly currency: string;
  readonly standard: readonly WeightTier[];
  readonly oversize: readonly WeightTier[];
}

/** One Grade and Resell processing fee table, as Amazon publishes it. */
export interface GradeAndResellFeeTable extends AmazonNumber, SizeWeightTable {}

/** The lowest average selling price Amazon accepts into Grade and Resell (UK: £15). */
export interface GradeAndResellMinPrice extends AmazonNumber {
  readonly minUnitPrice: Money;
}

export interface GradeAndResellTerms {
  /** The programme is invitation-only: only an enrolled seller can use it. */
  readonly enrolled: boolean;
  /** Processing fee per unit by size tier and weight, effective-dated; none when graded Unsellable. */
  readonly fees: readonly GradeAndResellFeeTable[];
  /** Minimum average selling price, effective-dated; none in force means no minimum. */
  readonly minUnitPrice: readonly GradeAndResellMinPrice[];
}

/** Amazon's referral fee on the gross recovery of a liquidation. */
export interface LiquidationReferralFee extends AmazonNumber {
  readonly referralFeeBps: number;
}

export interface LiquidationTerms {
  /** The share of the average selling price the liquidator pays (seller estimate; Amazon says ~5–10%). */
  readonly recoveryShareBps: number;
  readonly referralFees: readonly LiquidationReferralFee[];
  /**
   * Per-item processing fee by size and weight. The reference gives no amounts, so this is the
   * seller's estimate: replace it with what a liquidation order in Seller Central shows.
   */
  readonly processingFeeEstimate: SizeWeightTable;
}

/** What a supplier credits for a unit sent back: a share of the unit cost, or a fixed amount. */
export type SupplierCreditAmount =
  | { readonly kind: 'share_of_unit_cost'; readonly bps: number }
  | { readonly kind: 'fixed'; readonly perUnit: Money };

/**
 * A supplier's credit for returned units of one SKU or one product category (an entry naming the
 * SKU wins over one naming the category), optionally limited to a marketplace and to grades.
 */
export interface SupplierCredit {
  readonly sku?: string;
  readonly productCategory?: string;
  readonly marketplaceCode?: MarketplaceCode;
  /** Grades the supplier takes back; absent means every grade. */
  readonly grades?: readonly InspectionGrade[];
  readonly credit: SupplierCreditAmount;
  /** Shipping one unit to the supplier, in the unit's currency. */
  readonly shippingCostPerUnit: Money;
}
