import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { MarketplaceDisposition, SupplierCredit } from './disposition-policy.js';
import type { DispositionRoute, DispositionUnit, UnitLocation } from './disposition-types.js';

/** Rule ids that block disposition routes, each with why it exists (reference §4.11, §4.12). */
export const dispositionRules = {
  /** An empty parcel leaves nothing to route: file a claim instead. */
  unitMissing: 'unit-missing',
  /** Carrier- or warehouse-damaged FBA units pass to Amazon, which reimburses them (reference §2.1). */
  amazonReimburses: 'amazon-reimburses',
  /** Liquidation and Grade and Resell are FBA programmes; removal takes a unit out of FBA. */
  fbaOnly: 'fba-only',
  /** Amazon's programmes act on units in its warehouse; a removed unit is the seller's to handle. */
  inFulfilmentCentreOnly: 'in-fulfilment-centre-only',
  /** Only a unit as good as new is sold as new again (§4.11). */
  restockNewOnly: 'restock-new-only',
  /** A used listing needs one of Amazon's four Used grades (§4.11); new units restock as new. */
  sellUsedUsedGradesOnly: 'sell-used-used-grades-only',
  /** A recalled product is never sold, liquidated or given away. */
  recalledNeverPassedOn: 'recalled-never-passed-on',
  /** An expired product is never sold, liquidated or given away (§4.12). */
  expiredNeverPassedOn: 'expired-never-passed-on',
  /** Grade and Resell is not offered in the marketplace (policy has no terms for it). */
  gradeAndResellNotOffered: 'grade-and-resell-not-offered',
  /** Grade and Resell is invitation-only (§4.12). */
  gradeAndResellNotEnrolled: 'grade-and-resell-not-enrolled',
  /** Grade and Resell lists units in a Used grade; a new unit restocks, an unsellable one earns nothing. */
  gradeAndResellUsedGradesOnly: 'grade-and-resell-used-grades-only',
  /** Amazon's minimum average selling price for Grade and Resell (UK £15, §4.12). */
  gradeAndResellMinPrice: 'grade-and-resell-min-price',
  /** FBA Liquidations is not offered in the marketplace (policy has no terms for it). */
  liquidationNotOffered: 'liquidation-not-offered',
  /** Amazon does not liquidate hazmat units (§4.12). */
  liquidationHazmat: 'liquidation-ineligible-hazmat',
  /** Amazon does not liquidate jewelry (§4.12). */
  liquidationJewelry: 'liquidation-ineligible-jewelry',
  /** Amazon does not liquidate defective or warehouse-damaged units (§4.12). */
  liquidationCondition: 'liquidation-ineligible-condition',
  /** A different item than was shipped is not the seller's to sell, liquidate or send to a supplier. */
  wrongItemNotOurs: 'wrong-item-not-ours',
  /** No supplier credit in the policy covers the SKU or its category in this marketplace. */
  supplierCreditNotConfigured: 'supplier-credit-not-configured',
  /** The supplier does not take units back in this grade. */
  supplierGradeNotAccepted: 'supplier-grade-not-accepted',
  /** The credit is a share of the unit cost, and the unit cost is not known. */
  supplierCreditNeedsUnitCost: 'supplier-credit-needs-unit-cost',
  /** Amazon donates units in its warehouse only where the policy says it offers that. */
  donationNotOffered: 'donation-not-offered',
  /** A defective product given away harms its new owner and the brand. */
  defectiveNotDonated: 'defective-not-donated',
} as const;
export type DispositionRule = (typeof dispositionRules)[keyof typeof dispositionRules];

const ruleOrder: readonly DispositionRule[] = Object.values(dispositionRules);

/** Rules that mean the route cannot happen here at all: such a route is shown without components. */
export const unavailableRules: ReadonlySet<DispositionRule> = new Set<DispositionRule>([
  dispositionRules.unitMissing, dispositionRules.amazonReimburses, dispositionRules.fbaOnly, dispositionRules.inFulfilmentCentreOnly,
  dispositionRules.gradeAndResellNotOffered, dispositionRules.gradeAndResellNotEnrolled,
  dispositionRules.liquidationNotOffered, dispositionRules.supplierCreditNotConfigured,
  dispositionRules.supplierCreditNeedsUnitCost, dispositionRules.donationNotOffered,
]);

const usedGrades: ReadonlySet<InspectionGrade> = new Set(['used_like_new', 'used_very_good', 'used_good', 'used_acceptable']);

/** Whether the grade is one of Amazon's four Used grades. */
export function isUsedGrade(grade: InspectionGrade): boolean {
  return usedGrades.has(grade);
}

/** What the rules look at: the unit, where it is, its marketplace's terms and its supplier credit. */
export interface RuleContext {
  readonly unit: DispositionUnit;
  readonly location: UnitLocation;
  readonly terms: MarketplaceDisposition;
  readonly supplierCredit: SupplierCredit | undefined;
  /** Grade and Resell's minimum average selling price in force, in minor units; absent: none. */
  readonly gradeAndResellMinPriceMinor: number | undefined;
}

type Check = readonly [DispositionRule, (context: RuleContext) => boolean];

const r = dispositionRules;
const notFba = ({ unit }: RuleContext) => unit.channel !== 'FBA';
const notInFc = ({ unit, location }: RuleContext) => unit.channel === 'FBA' && location !== 'fulfilment_centre';
const recalled = ({ unit }: RuleContext) => unit.recalled === true;
const expired = ({ unit }: RuleContext) => unit.expired === true;
const wrongItem = ({ unit }: RuleContext) => unit.grade === 'wrong_item';
const fbaProgramme: readonly Check[] = [[r.fbaOnly, notFba], [r.inFulfilmentCentreOnly, notInFc]];
const passedOn: readonly Check[] = [[r.recalledNeverPassedOn, recalled], [r.expiredNeverPassedOn, expired]];

const checks: Readonly<Record<DispositionRoute, readonly Check[]>> = {
  restock_as_new: [[r.restockNewOnly, ({ unit }) => unit.grade !== 'new'], ...passedOn],
  sell_as_used: [[r.sellUsedUsedGradesOnly, ({ unit }) => !isUsedGrade(unit.grade)], ...passedOn],
  grade_and_resell: [
    ...fbaProgramme,
    [r.gradeAndResellNotOffered, ({ terms }) => terms.gradeAndResell === undefined],
    [r.gradeAndResellNotEnrolled, ({ terms }) => terms.gradeAndResell?.enrolled === false],
    [r.gradeAndResellUsedGradesOnly, ({ unit }) => !isUsedGrade(unit.grade)],
    [r.gradeAndResellMinPrice, ({ unit, gradeAndResellMinPriceMinor: min }) => min !== undefined && unit.unitPriceMinor < min],
    ...passedOn,
  ],
  return_to_supplier: [
    [r.supplierCreditNotConfigured, ({ supplierCredit }) => supplierCredit === undefined],
    [r.supplierGradeNotAccepted, ({ unit, supplierCredit }) => supplierCredit?.grades !== undefined && !supplierCredit.grades.includes(unit.grade)],
    [r.supplierCreditNeedsUnitCost, ({ unit, supplierCredit }) => supplierCredit?.credit.kind === 'share_of_unit_cost' && unit.unitCostMinor === undefined],
    [r.wrongItemNotOurs, wrongItem],
  ],
  liquidate: [
    ...fbaProgramme,
    [r.liquidationNotOffered, ({ terms }) => terms.liquidation === undefined],
    [r.liquidationHazmat, ({ unit }) => unit.hazmat === true],
    [r.liquidationJewelry, ({ unit }) => unit.jewelry === true],
    [r.liquidationCondition, ({ unit }) => unit.grade === 'unsellable_defective' || unit.warehouseDamaged === true],
    [r.wrongItemNotOurs, wrongItem],
    ...passedOn,
  ],
  remove: fbaProgramme,
  donate: [
    [r.donationNotOffered, ({ unit, location, terms }) => unit.channel === 'FBA' && location === 'fulfilment_centre' && terms.fbaDonation === undefined],
    [r.defectiveNotDonated, ({ unit }) => unit.grade === 'unsellable_defective'],
    ...passedOn,
  ],
  dispose: [],
};

/** The rule ids that block `route` for the unit, in the order of `dispositionRules`. */
export function blockersOf(route: DispositionRoute, context: RuleContext): DispositionRule[] {
  const fired: DispositionRule[] = context.unit.grade === 'missing' ? [r.unitMissing] : [];
  for (const [rule, applies] of checks[route]) if (applies(context)) fired.push(rule);
  return sortRules(fired);
}

/** Rule ids without repeats, in the order of `dispositionRules`. */
export function sortRules(rules: Iterable<DispositionRule>): DispositionRule[] {
  const set = new Set(rules);
  return ruleOrder.filter((rule) => set.has(rule));
}
