import { DomainError } from '../errors.js';
import type { Money } from '../money.js';
import type { AmazonNumber, Policy } from '../policy/policy.js';
import { amazonNumberAt, priceByWeight } from '../policy/policy-lookups.js';
import type { DispositionPolicy, MarketplaceDisposition, SizeWeightTable, SupplierCredit } from './disposition-policy.js';
import type { DispositionUnit, UnitLocation } from './disposition-types.js';

// Reading the policies for one unit: its marketplace's entries, in its currency, in force on the day.

const invalid = (message: string, details: Record<string, unknown>): DomainError => new DomainError('invalid_input', message, details);

/** Where the unit is: as given, else FBA units in the fulfilment centre and MFN units with the seller. */
export function locationOf(unit: DispositionUnit): UnitLocation {
  return unit.location ?? (unit.channel === 'FBA' ? 'fulfilment_centre' : 'seller');
}

const wholeMinor = (value: number | undefined): boolean => value === undefined || (Number.isSafeInteger(value) && value >= 0);

/** Refuses a unit no route can be priced for, saying which field to fix. */
export function validateUnit(unit: DispositionUnit, atIso: string): void {
  if (!/^\d{4}-\d{2}-\d{2}/.test(atIso)) throw invalid(`The date "${atIso}" is not ISO-8601 (YYYY-MM-DD…).`, { atIso });
  if (!Number.isSafeInteger(unit.quantity) || unit.quantity < 1) throw invalid(`The quantity ${unit.quantity} is not a whole number of units of at least 1.`, { quantity: unit.quantity });
  if (!wholeMinor(unit.unitPriceMinor)) throw invalid(`The unit price ${unit.unitPriceMinor} is not a whole number of minor units ≥ 0.`, { unitPriceMinor: unit.unitPriceMinor });
  if (!wholeMinor(unit.unitCostMinor)) throw invalid(`The unit cost ${unit.unitCostMinor} is not a whole number of minor units ≥ 0.`, { unitCostMinor: unit.unitCostMinor });
  if (unit.weightGrams !== undefined && !(Number.isFinite(unit.weightGrams) && unit.weightGrams >= 0)) {
    throw invalid(`The weight ${unit.weightGrams} g is not a number of grams ≥ 0.`, { weightGrams: unit.weightGrams });
  }
  if (unit.channel === 'MFN' && locationOf(unit) === 'fulfilment_centre') {
    throw invalid(`SKU ${unit.sku} is MFN: an MFN unit is never in Amazon's fulfilment centre.`, { sku: unit.sku });
  }
}

/** The disposition policy's entry for the unit's marketplace; a marketplace left out is `invalid_input`. */
export function marketplaceTerms(dispositionPolicy: DispositionPolicy, unit: DispositionUnit): MarketplaceDisposition {
  const terms = dispositionPolicy.marketplaces[unit.marketplaceCode];
  if (terms === undefined) {
    throw invalid(`The disposition policy has no entry for marketplace ${unit.marketplaceCode}: add marketplaces.${unit.marketplaceCode} (restock costs, referral fee, donation and disposal costs).`, { marketplace: unit.marketplaceCode });
  }
  return terms;
}

/** A policy amount in minor units, refused when it is not in the unit's currency. */
export function moneyIn(money: Money, unit: DispositionUnit, what: string): number {
  requireCurrency(money.currency, unit, what);
  return money.amountMinor;
}

function requireCurrency(currency: string, unit: DispositionUnit, what: string): void {
  if (currency !== unit.currency) {
    throw invalid(`The policy's ${what} for ${unit.marketplaceCode} is in ${currency}, the unit in ${unit.currency}: use the marketplace's currency.`, { what, currencies: [currency, unit.currency] });
  }
}

/** The Amazon number in force on `atIso`; none in force is `invalid_input` naming the entry to add. */
export function inForce<T extends AmazonNumber>(entries: readonly T[], atIso: string, unit: DispositionUnit, what: string): T {
  const entry = amazonNumberAt(entries, atIso);
  if (entry === undefined) {
    throw invalid(`No ${what} for ${unit.marketplaceCode} is in force on ${atIso.slice(0, 10)}: add an entry effective from that date or earlier.`, { marketplace: unit.marketplaceCode, what, atIso });
  }
  return entry;
}

/** The per-unit price of the unit in a size-and-weight table, in the unit's currency. */
export function priceForUnit(table: SizeWeightTable, unit: DispositionUnit, what: string): number {
  requireCurrency(table.currency, unit, what);
  if (unit.weightGrams === undefined) throw invalid(`SKU ${unit.sku} has no weight: the ${what} is priced by weight, add weightGrams.`, { sku: unit.sku, what });
  const price = priceByWeight(table[unit.sizeTier], unit.weightGrams);
  if (price === undefined) {
    throw invalid(`The ${what} table for ${unit.marketplaceCode} has no ${unit.sizeTier} band for ${unit.weightGrams} g: check the size tier or add a band.`, { what, weightGrams: unit.weightGrams, sizeTier: unit.sizeTier });
  }
  return price;
}

/** Amazon's removal (and disposal) fee for one unit on `atIso` (reference §4.12). */
export function removalFeePerUnit(policy: Policy, unit: DispositionUnit, atIso: string): number {
  const tables = policy.removalDisposalFees[unit.marketplaceCode];
  if (tables === undefined) {
    throw invalid(`The policy has no removal and disposal fees for marketplace ${unit.marketplaceCode}: add removalDisposalFees.${unit.marketplaceCode}.`, { marketplace: unit.marketplaceCode });
  }
  return priceForUnit(inForce(tables, atIso, unit, 'removal and disposal fee'), unit, 'removal and disposal fee');
}

/** The referral fee a resale pays: the category's, else the marketplace's. */
export function referralFeeBps(terms: MarketplaceDisposition, unit: DispositionUnit): number {
  const category = unit.productCategory;
  return (category !== undefined ? terms.saleReferralFeeBpsByCategory?.[category] : undefined) ?? terms.saleReferralFeeBps;
}

/** The supplier credit covering the unit: an entry naming its SKU, else one naming its category. */
export function supplierCreditFor(dispositionPolicy: DispositionPolicy, unit: DispositionUnit): SupplierCredit | undefined {
  const here = dispositionPolicy.supplierCredits.filter((c) => c.marketplaceCode === undefined || c.marketplaceCode === unit.marketplaceCode);
  return here.find((c) => c.sku === unit.sku)
    ?? (unit.productCategory !== undefined ? here.find((c) => c.sku === undefined && c.productCategory === unit.productCategory) : undefined);
}

/** Grade and Resell's minimum average selling price in force, in minor units; `undefined` when none. */
export function gradeAndResellMinPrice(terms: MarketplaceDisposition, unit: DispositionUnit, atIso: string): number | undefined {
  const entry = amazonNumberAt(terms.gradeAndResell?.minUnitPrice ?? [], atIso);
  return entry === undefined ? undefined : moneyIn(entry.minUnitPrice, unit, 'Grade and Resell minimum price');
}
