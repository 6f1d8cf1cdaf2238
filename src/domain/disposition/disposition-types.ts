import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { MarketplaceCode } from '../marketplaces.js';
import type { DispositionRule } from './disposition-rules.js';

/**
 * Every route a graded returned unit can take, in tie-break order: on equal net recovery the earlier
 * route wins (selling beats giving away, fewer hands beat more, a donation beats destruction).
 */
export const dispositionRoutes = [
  'restock_as_new', 'sell_as_used', 'grade_and_resell', 'return_to_supplier', 'liquidate', 'remove', 'donate', 'dispose',
] as const;
export type DispositionRoute = (typeof dispositionRoutes)[number];

/** Amazon's size classes: standard (small or large by weight) and oversize (large bulky, special). */
export type SizeTier = 'standard' | 'oversize';

/**
 * Where the unit is: in Amazon's fulfilment centre (FBA units until removed) or in the seller's
 * hands (MFN units, and FBA units already removed).
 */
export type UnitLocation = 'fulfilment_centre' | 'seller';

/** A graded returned unit (or several identical ones). Money is integer minor units of `currency`. */
export interface DispositionUnit {
  readonly channel: 'FBA' | 'MFN';
  /** Default: `fulfilment_centre` for FBA, `seller` for MFN (an MFN unit is never in Amazon's hands). */
  readonly location?: UnitLocation;
  readonly marketplaceCode: MarketplaceCode;
  readonly currency: string;
  readonly sku: string;
  readonly grade: InspectionGrade;
  readonly quantity: number;
  /** Average selling price of one unit as new. */
  readonly unitPriceMinor: number;
  /** What one unit cost the seller; needed for a supplier credit given as a share of cost. */
  readonly unitCostMinor?: number;
  /** Shipping weight of one unit; needed for every fee Amazon prices by weight. */
  readonly weightGrams?: number;
  readonly sizeTier: SizeTier;
  /** As in the product sheet; picks the referral fee and supplier credit of the category. */
  readonly productCategory?: string;
  readonly hazmat?: boolean;
  readonly recalled?: boolean;
  readonly jewelry?: boolean;
  readonly expired?: boolean;
  /** Damaged in Amazon's warehouse (Amazon's DAMAGED disposition). */
  readonly warehouseDamaged?: boolean;
}

/** One visible piece of a route's net recovery: positive is money recovered, negative a cost. */
export interface RecoveryComponent {
  readonly id: string;
  readonly label: string;
  readonly amountMinor: number;
  /** The probability the amount was weighted by, when it is an expectation. */
  readonly probability?: number;
}

export interface DispositionOption {
  readonly route: DispositionRoute;
  readonly allowed: boolean;
  /** Rule ids that block the route; empty when allowed. */
  readonly blockedBy: readonly DispositionRule[];
  /** Exactly the sum of `components`. */
  readonly netRecoveryMinor: number;
  /** Empty when the route cannot happen at all here (not offered, wrong channel, nothing to price). */
  readonly components: readonly RecoveryComponent[];
}

export interface DispositionResult {
  readonly currency: string;
  readonly atIso: string;
  /** One option per route, in `dispositionRoutes` order. */
  readonly options: readonly DispositionOption[];
  /** The allowed option with the highest net recovery; `null` when no route is allowed (missing unit). */
  readonly recommended: DispositionOption | null;
  /** Every rule id that blocks some route, in the order of `dispositionRules`. */
  readonly firedRules: readonly DispositionRule[];
}
