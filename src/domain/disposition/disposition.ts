import type { InspectionGrade } from '../inspection/inspection-grades.js';
import type { Policy } from '../policy/policy.js';
import type { DispositionPolicy } from './disposition-policy.js';
import { blockersOf, sortRules, unavailableRules } from './disposition-rules.js';
import type { RuleContext } from './disposition-rules.js';
import { dispositionRoutes } from './disposition-types.js';
import type { DispositionOption, DispositionResult, DispositionRoute, DispositionUnit, RecoveryComponent } from './disposition-types.js';
import { gradeAndResellMinPrice, locationOf, marketplaceTerms, supplierCreditFor, validateUnit } from './policy-terms.js';
import * as price from './route-components.js';
import type { PricingContext } from './route-components.js';

type Pricer = (ctx: PricingContext) => RecoveryComponent[];

const pricers: Readonly<Record<DispositionRoute, Pricer>> = {
  restock_as_new: price.restockAsNew,
  sell_as_used: price.sellAsUsed,
  grade_and_resell: price.gradeAndResell,
  return_to_supplier: price.returnToSupplier,
  liquidate: price.liquidate,
  remove: removeForInspection,
  donate: price.donate,
  dispose: price.dispose,
};

/** The exact sum of the components, so a route's net always equals what it shows. */
export function sumComponents(components: readonly RecoveryComponent[]): number {
  return components.reduce((total, component) => total + component.amountMinor, 0);
}

/**
 * Every route for a graded returned unit, side by side: whether it is allowed (and which rule ids
 * block it), its components (positive recovered, negative cost) and its net recovery, plus the
 * recommended route — the allowed one with the highest net; ties go to the earlier route of
 * `dispositionRoutes`. Amazon's fees are the ones in force on `atIso` (`YYYY-MM-DD` or an instant).
 * A marketplace missing from either policy, an amount in another currency, no Amazon fee in force on
 * the day, or a weight-priced fee without a weight is a DomainError('invalid_input') naming what to add.
 */
export function dispositionOptions(unit: DispositionUnit, policy: Policy, dispositionPolicy: DispositionPolicy, atIso: string): DispositionResult {
  const ctx = pricingContext(unit, policy, dispositionPolicy, atIso);
  const { terms, location, supplierCredit } = ctx;
  const rules: RuleContext = { unit, location, terms, supplierCredit, gradeAndResellMinPriceMinor: gradeAndResellMinPrice(terms, unit, atIso) };
  const options = dispositionRoutes.map((route) => optionFor(route, ctx, rules));
  return { currency: unit.currency, atIso, options, recommended: bestOption(options), firedRules: sortRules(options.flatMap((o) => o.blockedBy)) };
}

/** Checks the unit and gathers what its routes are priced from. */
export function pricingContext(unit: DispositionUnit, policy: Policy, dispositionPolicy: DispositionPolicy, atIso: string): PricingContext {
  validateUnit(unit, atIso);
  const terms = marketplaceTerms(dispositionPolicy, unit);
  return { unit, location: locationOf(unit), terms, policy, dispositionPolicy, supplierCredit: supplierCreditFor(dispositionPolicy, unit), atIso };
}

function optionFor(route: DispositionRoute, ctx: PricingContext, rules: RuleContext): DispositionOption {
  const blockedBy = blockersOf(route, rules);
  // A route that cannot happen here (wrong channel, programme not offered) has nothing to price;
  // one blocked only by eligibility is still priced, so the seller sees what the rule costs.
  const components = blockedBy.some((rule) => unavailableRules.has(rule)) ? [] : pricers[route](ctx);
  return { route, allowed: blockedBy.length === 0, blockedBy, netRecoveryMinor: sumComponents(components), components };
}

/** The allowed option with the highest net recovery; the earlier one on a tie; `null` when none is allowed. */
export function bestOption<T extends { readonly allowed: boolean; readonly netRecoveryMinor: number }>(options: readonly T[]): T | null {
  let best: T | null = null;
  for (const option of options) {
    if (option.allowed && (best === null || option.netRecoveryMinor > best.netRecoveryMinor)) best = option;
  }
  return best;
}

/**
 * What the unit brings once it is in the seller's hands with `grade`: the best allowed route there
 * (0 when none is, e.g. an empty parcel).
 */
export function bestInHand(unit: DispositionUnit, grade: InspectionGrade, policy: Policy, dispositionPolicy: DispositionPolicy, atIso: string): { readonly route: DispositionRoute | null; readonly netRecoveryMinor: number } {
  const inHand = dispositionOptions({ ...unit, grade, location: 'seller' }, policy, dispositionPolicy, atIso).recommended;
  return { route: inHand?.route ?? null, netRecoveryMinor: inHand?.netRecoveryMinor ?? 0 };
}

/** Remove for own inspection: removal fee and receiving, then the best route for the unit in hand. */
function removeForInspection(ctx: PricingContext): RecoveryComponent[] {
  const after = bestInHand(ctx.unit, ctx.unit.grade, ctx.policy, ctx.dispositionPolicy, ctx.atIso);
  const label = after.route === null ? 'Nothing to do once removed' : `Then ${after.route.replaceAll('_', ' ')} in the seller's hands`;
  return [...price.removalLeg(ctx), { id: 'after_removal', label, amountMinor: after.netRecoveryMinor }];
}
