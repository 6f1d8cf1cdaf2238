import { DomainError } from '../errors.js';
import { conditionGradeOf } from '../inspection/inspection-grades.js';
import { percentOf } from '../money.js';
import type { Policy } from '../policy/policy.js';
import type { DispositionPolicy, MarketplaceDisposition, SupplierCredit } from './disposition-policy.js';
import type { DispositionUnit, RecoveryComponent, UnitLocation } from './disposition-types.js';
import { inForce, moneyIn, priceForUnit, referralFeeBps, removalFeePerUnit } from './policy-terms.js';

/** Everything a route is priced from. */
export interface PricingContext {
  readonly unit: DispositionUnit;
  readonly location: UnitLocation;
  readonly terms: MarketplaceDisposition;
  readonly policy: Policy;
  readonly dispositionPolicy: DispositionPolicy;
  readonly supplierCredit: SupplierCredit | undefined;
  readonly atIso: string;
}

// Costs are negative components; a zero cost stays 0, never -0, so sums and displays stay clean.
const cost = (id: string, label: string, amountMinor: number): RecoveryComponent => ({ id, label, amountMinor: amountMinor === 0 ? 0 : -amountMinor });
const gain = (id: string, label: string, amountMinor: number): RecoveryComponent => ({ id, label, amountMinor });

const inFc = (ctx: PricingContext): boolean => ctx.location === 'fulfilment_centre';

/** Bringing a unit out of Amazon's warehouse to the seller: removal fee and receiving it. None for units in hand. */
export function removalLeg(ctx: PricingContext): RecoveryComponent[] {
  if (!inFc(ctx)) return [];
  const { unit, policy } = ctx;
  const handling = policy.handlingCostPerUnit[unit.marketplaceCode];
  if (handling === undefined) {
    throw new DomainError('invalid_input', `The policy has no handling cost for marketplace ${unit.marketplaceCode}: add handlingCostPerUnit.${unit.marketplaceCode}.`, { marketplace: unit.marketplaceCode });
  }
  return [
    cost('removal_fee', 'Amazon removal fee', removalFeePerUnit(policy, unit, ctx.atIso) * unit.quantity),
    cost('handling', 'Receiving and inspecting the removed unit', moneyIn(handling, unit, 'handling cost') * unit.quantity),
  ];
}

/** Making the unit sellable again: cleaning, relabelling and, for FBA, shipping it back in. */
function restockLeg(ctx: PricingContext): RecoveryComponent[] {
  const { unit, terms: { restock } } = ctx;
  const perUnit = (money: typeof restock.relabelling, what: string) => moneyIn(money, unit, what) * unit.quantity;
  const components = [
    cost('cleaning_repackaging', 'Cleaning and repackaging', perUnit(restock.cleaningRepackaging, 'cleaning and repackaging cost')),
    cost('relabelling', 'Relabelling', perUnit(restock.relabelling, 'relabelling cost')),
  ];
  if (unit.channel === 'FBA') components.push(cost('inbound_shipping', 'Shipping back into Amazon\'s warehouse', perUnit(restock.inboundShippingFba, 'inbound shipping cost')));
  return components;
}

/** A resale at `valueBps` of the new price, less the referral fee it pays. */
function saleLeg(ctx: PricingContext, id: string, label: string, valueBps: number): RecoveryComponent[] {
  const { unit } = ctx;
  const value = percentOf(unit.unitPriceMinor * unit.quantity, valueBps);
  return [gain(id, label, value), cost('referral_fee', 'Referral fee on the resale', percentOf(value, referralFeeBps(ctx.terms, unit)))];
}

const usedValueBps = (ctx: PricingContext): number => ctx.policy.resaleValueByGradeBps[conditionGradeOf[ctx.unit.grade]];

/** Restock as new: sold again at the full average selling price. */
export function restockAsNew(ctx: PricingContext): RecoveryComponent[] {
  return [...saleLeg(ctx, 'resale_new', 'Resale as new', 10_000), ...restockLeg(ctx), ...removalLeg(ctx)];
}

/** Sell as used: the seller's used price for the grade (policy resaleValueByGradeBps). */
export function sellAsUsed(ctx: PricingContext): RecoveryComponent[] {
  return [...saleLeg(ctx, 'resale_used', `Resale as used (${ctx.unit.grade})`, usedValueBps(ctx)), ...restockLeg(ctx), ...removalLeg(ctx)];
}

/** Grade and Resell: Amazon lists the unit used from its warehouse for a processing fee (none if Unsellable). */
export function gradeAndResell(ctx: PricingContext): RecoveryComponent[] {
  const { unit, terms } = ctx;
  const components = saleLeg(ctx, 'resale_used', `Resale as used by Amazon (${unit.grade})`, usedValueBps(ctx));
  if (conditionGradeOf[unit.grade] === 'unsellable') return components;
  const table = inForce(terms.gradeAndResell?.fees ?? [], ctx.atIso, unit, 'Grade and Resell fee table');
  return [...components, cost('processing_fee', 'Grade and Resell processing fee', priceForUnit(table, unit, 'Grade and Resell fee') * unit.quantity)];
}

/** Return to supplier: the supplier's credit, less shipping to the supplier (and removal from FBA). */
export function returnToSupplier(ctx: PricingContext): RecoveryComponent[] {
  const { unit, supplierCredit } = ctx;
  if (supplierCredit === undefined) return [];
  const { credit } = supplierCredit;
  const amount = credit.kind === 'fixed'
    ? moneyIn(credit.perUnit, unit, 'supplier credit') * unit.quantity
    : percentOf((unit.unitCostMinor ?? 0) * unit.quantity, credit.bps);
  return [
    gain('supplier_credit', 'Supplier credit', amount),
    cost('supplier_shipping', 'Shipping to the supplier', moneyIn(supplierCredit.shippingCostPerUnit, unit, 'supplier shipping cost') * unit.quantity),
    ...removalLeg(ctx),
  ];
}

/** FBA Liquidations: the liquidator's share of the selling price, less Amazon's referral and processing fees. */
export function liquidate(ctx: PricingContext): RecoveryComponent[] {
  const { unit, terms: { liquidation } } = ctx;
  if (liquidation === undefined) return [];
  const recovery = percentOf(unit.unitPriceMinor * unit.quantity, liquidation.recoveryShareBps);
  const referral = inForce(liquidation.referralFees, ctx.atIso, unit, 'liquidation referral fee');
  return [
    gain('liquidation_recovery', `Liquidator pays ${liquidation.recoveryShareBps / 100}% of the selling price`, recovery),
    cost('liquidation_referral_fee', `Amazon referral fee (${referral.referralFeeBps / 100}% of the recovery)`, percentOf(recovery, referral.referralFeeBps)),
    cost('liquidation_processing_fee', 'Liquidation processing fee (seller estimate)', priceForUnit(liquidation.processingFeeEstimate, unit, 'liquidation processing fee') * unit.quantity),
  ];
}

/** Donate: Amazon's fee for a unit in its warehouse (billed as a disposal), else the seller's cost. */
export function donate(ctx: PricingContext): RecoveryComponent[] {
  const { unit } = ctx;
  if (inFc(ctx)) return [cost('donation_fee', 'Amazon donation (billed as a disposal)', removalFeePerUnit(ctx.policy, unit, ctx.atIso) * unit.quantity)];
  return [cost('donation_cost', 'Packing and carriage to a charity', moneyIn(ctx.terms.donationCostPerUnit, unit, 'donation cost') * unit.quantity)];
}

/** Dispose: Amazon's disposal fee for a unit in its warehouse, else the seller's own disposal cost. */
export function dispose(ctx: PricingContext): RecoveryComponent[] {
  const { unit } = ctx;
  if (inFc(ctx)) return [cost('disposal_fee', 'Amazon disposal fee', removalFeePerUnit(ctx.policy, unit, ctx.atIso) * unit.quantity)];
  return [cost('own_disposal', 'Own disposal or recycling', moneyIn(ctx.terms.ownDisposalCostPerUnit, unit, 'own disposal cost') * unit.quantity)];
}
