import { codeOf } from '../claims/claim-math.js';
import { findMarketplace } from '../marketplaces.js';
import type { MarketplaceCode } from '../marketplaces.js';
import { percentOf } from '../money.js';
import type { Policy } from '../policy/policy.js';
import { feedDecimal } from '../refunds/adjustment-feed.js';
import { shareOf } from '../refunds/refund-lines.js';
import { compareCodeUnits as compare } from '../code-unit-order.js';

// The cost of returns (issue 6): what returns cost a seller per SKU, marketplace, currency and month,
// and what was recovered against it. Every figure counts in the UTC month its money moved; money of
// two currencies is never added. Storage sums the facts (storage/return-cost-repository.ts); these
// rules value them and say, per component, how.

export const costComponents = ['refunds', 'return_labels', 'handling', 'value_lost', 'fees'] as const;
export type CostComponent = (typeof costComponents)[number];
export const recoveryComponents = ['saved_orders', 'restocking_fees', 'resale', 'reimbursements', 'claims'] as const;
export type RecoveryComponent = (typeof recoveryComponents)[number];
export type Component = CostComponent | RecoveryComponent;
export const components: readonly Component[] = [...costComponents, ...recoveryComponents];

/** Where a figure counts: one SKU of one marketplace, in one currency and one UTC month (`YYYY-MM`). */
export interface CostKey {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly currency: string;
  readonly month: string;
}

/** A SKU of a marketplace in a month, for facts whose currency is the marketplace's. */
export interface UnitKey {
  readonly marketplaceCode: string;
  readonly sku: string;
  readonly month: string;
}

/**
 * Settlement `Refund` rows of one amount type and description, summed as posted (a refund is negative,
 * money the seller keeps positive), in the month posted; a row found in two settlement files counts once.
 */
export interface SettlementRefundSum extends CostKey {
  readonly amountType: string;
  readonly amountDescription: string;
  readonly amountMinor: number;
}

/** Settlement refund rows summed by the part they count in (`settlementPartOf`; taxes are in none). */
export interface SettledSum extends CostKey {
  readonly part: SettlementPart;
  readonly amountMinor: number;
}

/** Refunds recorded in ReturnDesk (`returndesk refund record`), for order lines no settlement refund covers, in the month recorded. */
export interface RecordedRefundSum extends CostKey {
  /** What the buyers got back: the quotes' totals. */
  readonly totalMinor: number;
  /** What the quotes kept back (restocking fee and return-label deduction lines), positive. */
  readonly keptMinor: number;
}

/** The MFN returns report's refunded amounts, for order lines with neither a settlement nor a recorded refund. */
export interface ReportedRefundSum extends CostKey {
  readonly refundedMinor: number;
}

/** MFN return labels the seller pays (the report's label cost unless it names the customer), in the month of the return request. */
export interface SellerLabelSum extends CostKey {
  readonly labelMinor: number;
}

/** Units that came back to the seller's hands (MFN deliveries, receipts recorded), in the month they arrived. */
export interface HandledUnits extends UnitKey {
  readonly units: number;
}

/** Units routed after the seller's inspection (dispositions), in the month the route was recorded. */
export interface RoutedUnits extends CostKey {
  readonly route: string;
  readonly units: number;
  /** Realized values recorded above 0 (what the routes brought), and below 0 as a positive cost. */
  readonly realizedGainMinor: number;
  readonly realizedCostMinor: number;
  /** Routes with no realized value recorded yet. */
  readonly unrealized: number;
}

/** FBA returns Amazon graded other than sellable and no route was recorded for, in the month processed. */
export interface UnsellableUnits extends UnitKey {
  readonly units: number;
}

/** Save offers the buyer accepted (the sale was kept), alike in step and price, in the month accepted. */
export interface AcceptedOffers extends UnitKey {
  /** 0-based step of the policy's save-offer ladder. */
  readonly step: number | null;
  /** Units of the request (what the buyer kept). */
  readonly units: number;
  /** The MFN report's order amount and quantity of the order line, and their currency. */
  readonly orderAmountMinor: number | null;
  readonly orderQuantity: number | null;
  readonly orderCurrency: string | null;
  readonly cases: number;
}

/** FBA reimbursements naming an order (reversals negative), in the month approved. */
export interface ReimbursementSum extends CostKey {
  readonly amountMinor: number;
}

/** SAFE-T claims won (in full or in part), in the month recorded as won. */
export interface ClaimSum extends CostKey {
  readonly recoveredMinor: number;
}

/** What one unit of a SKU is worth, from the seller's product sheet. */
export interface ProductValue {
  readonly sku: string;
  readonly unitCostMinor: number | null;
  readonly priceMinor: number | null;
  readonly currency: string | null;
}

export interface CostFacts {
  readonly settled: readonly SettledSum[];
  readonly recordedRefunds: readonly RecordedRefundSum[];
  readonly reportedRefunds: readonly ReportedRefundSum[];
  readonly labels: readonly SellerLabelSum[];
  readonly handled: readonly HandledUnits[];
  readonly routed: readonly RoutedUnits[];
  readonly unsellable: readonly UnsellableUnits[];
  readonly acceptedOffers: readonly AcceptedOffers[];
  readonly reimbursements: readonly ReimbursementSum[];
  readonly claims: readonly ClaimSum[];
  /** The product sheet entries of the SKUs in `routed`, `unsellable` and `acceptedOffers`. */
  readonly products: readonly ProductValue[];
}

/** The parts of the seller policy costs are valued with. */
export type CostPolicy = Pick<Policy, 'handlingCostPerUnit' | 'saveOfferLadderBps'>;

export type ComponentAmounts = Readonly<Record<Component, number>>;

/** One SKU of one marketplace in one currency and month. */
export interface CostRow extends CostKey {
  /** Every component, in minor units of `currency` (0 when nothing counted). */
  readonly components: ComponentAmounts;
  /** The sum of the cost components. */
  readonly costMinor: number;
  /** The sum of the recovery components. */
  readonly recoveredMinor: number;
}

/** The rows of one currency summed, in one month or (month null) over every month of the report. */
export interface CostTotal {
  readonly month: string | null;
  readonly currency: string;
  readonly components: ComponentAmounts;
  readonly costMinor: number;
  readonly recoveredMinor: number;
}

/** What returns cost in a month and what was recovered, in one currency. */
export interface CostHeadline {
  readonly month: string;
  readonly currency: string;
  readonly costMinor: number;
  readonly recoveredMinor: number;
}

export interface ReturnCosts {
  /** Per marketplace, SKU, currency and month: oldest month first, then currency, then highest cost. */
  readonly rows: readonly CostRow[];
  /** Per currency and month: oldest month first, then currency. */
  readonly totals: readonly CostTotal[];
  /** Per currency over every month of the report. */
  readonly currencyTotals: readonly CostTotal[];
  /** One per currency found: the month asked for, else the latest month with data; empty when there is none. */
  readonly headline: readonly CostHeadline[];
  /** How each component was computed, and what could not be counted. */
  readonly notes: Readonly<Record<Component, string>>;
}

// A literal, not built from `components`: a cost of a month of a large seller makes ~10,000 of these.
const zero = (): Record<Component, number> => ({
  refunds: 0, return_labels: 0, handling: 0, value_lost: 0, fees: 0, saved_orders: 0, restocking_fees: 0, resale: 0, reimbursements: 0, claims: 0,
});

/** Which component a settlement refund row's money belongs to; null for taxes, which pass through. */
export type SettlementPart = 'refunds' | 'fees' | 'restocking_fees';

/**
 * How a settlement refund row counts. Deductions the seller kept (`RestockingFee`, `ReturnShipping`)
 * are recovered; Amazon's fees on the refund (`ItemFees` other than the returned `Commission`: the
 * refund administration fee `RefundCommission`, chargebacks) are fees; taxes (`ItemWithheldTax`, a
 * description naming tax) pass through to the tax authority and count nowhere; the rest (item price,
 * shipping, gift wrap, promotions, goodwill and the referral fee Amazon returns) is the refund.
 */
export function settlementPartOf(amountType: string, amountDescription: string): SettlementPart | null {
  const type = codeOf(amountType), description = codeOf(amountDescription);
  if (description === 'restockingfee' || description === 'returnshipping') return 'restocking_fees';
  if (type === 'itemfees' && description !== 'commission') return 'fees';
  if (type === 'itemwithheldtax' || description.includes('tax')) return null;
  return 'refunds';
}

/** Whether an FBA return's detailed disposition put the unit back in sellable stock (null: not graded yet). */
export function backInStock(disposition: string | null): boolean | null {
  const code = codeOf(disposition);
  if (code === '') return null;
  return code === 'sellable';
}

/** What a unit of `sku` is worth in `currency`: its unit cost, else its price; null when the sheet has neither in that currency. */
export function unitValueOf(product: ProductValue | undefined, currency: string): { amountMinor: number; basis: 'unit_cost' | 'price' } | null {
  if (!product || product.currency !== currency) return null;
  if (product.unitCostMinor !== null) return { amountMinor: product.unitCostMinor, basis: 'unit_cost' };
  if (product.priceMinor !== null) return { amountMinor: product.priceMinor, basis: 'price' };
  return null;
}

/**
 * What an accepted save offer kept: the price the buyer paid for the units they kept (their share of
 * the MFN report's order amount, else the sheet's price × units) less the partial refund at the
 * ladder step. Null when the step is not on the policy's ladder or no price is known in `currency`.
 */
export function savedOrderMinor(offer: AcceptedOffers, currency: string, product: ProductValue | undefined, ladderBps: readonly number[]): number | null {
  const bps = offer.step === null ? undefined : ladderBps[offer.step];
  if (bps === undefined) return null;
  let priceMinor: number | null = null;
  if (offer.orderAmountMinor !== null && offer.orderCurrency === currency) {
    priceMinor = shareOf(offer.orderAmountMinor, offer.units, Math.max(offer.orderQuantity ?? offer.units, offer.units));
  } else if (product?.priceMinor != null && product.currency === currency) {
    priceMinor = product.priceMinor * offer.units;
  }
  return priceMinor === null ? null : priceMinor - percentOf(priceMinor, bps);
}

interface Gaps {
  handlingNotInPolicy: Map<string, number>;
  unvalued: Map<string, number>;
  valuedAtPrice: number;
  unrealized: number;
  unpricedOffers: number;
  unknownMarketplace: number;
}

/**
 * The cost of returns and what was recovered, per SKU, marketplace, currency and month, with totals
 * per currency (per month and over the range) and the headline for `headlineMonth` (else the latest
 * month with data). Each component is named and noted with how it was computed; a figure the facts
 * or the policy do not give counts 0 and its note says so. Nothing is ever invented or converted.
 */
export function returnCosts(facts: CostFacts, policy: CostPolicy, headlineMonth?: string): ReturnCosts {
  const rows = new Map<string, { key: CostKey; amounts: Record<Component, number> }>();
  const add = (key: UnitKey, currency: string, component: Component, amountMinor: number) => {
    if (amountMinor === 0) return;
    const id = `${key.marketplaceCode}\t${key.sku}\t${currency}\t${key.month}`;
    let row = rows.get(id);
    if (!row) rows.set(id, row = { key: { marketplaceCode: key.marketplaceCode, sku: key.sku, currency, month: key.month }, amounts: zero() });
    row.amounts[component] += amountMinor;
  };
  const gaps: Gaps = { handlingNotInPolicy: new Map(), unvalued: new Map(), valuedAtPrice: 0, unrealized: 0, unpricedOffers: 0, unknownMarketplace: 0 };
  const products = new Map(facts.products.map((p) => [p.sku, p]));
  const currencyOf = (code: string): string | null => findMarketplace(code)?.currency ?? null;

  // Refunds and fees post negative; what the seller keeps posts positive.
  for (const s of facts.settled) add(s, s.currency, s.part, s.part === 'restocking_fees' ? s.amountMinor : -s.amountMinor);
  for (const r of facts.recordedRefunds) {
    add(r, r.currency, 'refunds', r.totalMinor + r.keptMinor);
    add(r, r.currency, 'restocking_fees', r.keptMinor);
  }
  for (const r of facts.reportedRefunds) add(r, r.currency, 'refunds', r.refundedMinor);
  for (const l of facts.labels) add(l, l.currency, 'return_labels', l.labelMinor);

  for (const h of facts.handled) {
    const currency = currencyOf(h.marketplaceCode);
    const perUnit = policy.handlingCostPerUnit[h.marketplaceCode as MarketplaceCode];
    if (currency === null) gaps.unknownMarketplace += h.units;
    else if (!perUnit || perUnit.currency !== currency) gaps.handlingNotInPolicy.set(h.marketplaceCode, (gaps.handlingNotInPolicy.get(h.marketplaceCode) ?? 0) + h.units);
    else add(h, currency, 'handling', perUnit.amountMinor * h.units);
  }

  const lose = (key: UnitKey, currency: string, units: number) => {
    const value = unitValueOf(products.get(key.sku), currency);
    if (value === null) {
      gaps.unvalued.set(currency, (gaps.unvalued.get(currency) ?? 0) + units);
      return;
    }
    if (value.basis === 'price') gaps.valuedAtPrice += units;
    add(key, currency, 'value_lost', value.amountMinor * units);
  };
  for (const r of facts.routed) {
    if (codeOf(r.route) === 'restockasnew') continue;
    lose(r, r.currency, r.units);
    add(r, r.currency, 'resale', r.realizedGainMinor);
    add(r, r.currency, 'value_lost', r.realizedCostMinor);
    gaps.unrealized += r.unrealized;
  }
  for (const f of facts.unsellable) {
    const currency = currencyOf(f.marketplaceCode);
    if (currency === null) gaps.unknownMarketplace += f.units;
    else lose(f, currency, f.units);
  }

  for (const o of facts.acceptedOffers) {
    const currency = currencyOf(o.marketplaceCode);
    const saved = currency === null ? null : savedOrderMinor(o, currency, products.get(o.sku), policy.saveOfferLadderBps);
    if (currency === null || saved === null) gaps.unpricedOffers += o.cases;
    else add(o, currency, 'saved_orders', saved * o.cases);
  }
  for (const r of facts.reimbursements) add(r, r.currency, 'reimbursements', r.amountMinor);
  for (const c of facts.claims) add(c, c.currency, 'claims', c.recoveredMinor);

  const costRows = [...rows.values()].map(({ key, amounts }) => withSums(key, amounts))
    .filter((r) => components.some((c) => r.components[c] !== 0));
  costRows.sort((a, b) => compare(a.month, b.month) || compare(a.currency, b.currency) || b.costMinor - a.costMinor
    || compare(a.marketplaceCode, b.marketplaceCode) || compare(a.sku, b.sku));
  const totals = sumRows(costRows, true);
  const currencyTotals = sumRows(costRows, false);
  return { rows: costRows, totals, currencyTotals, headline: costHeadline(totals, headlineMonth), notes: notesOf(policy, facts, gaps) };
}

function withSums<T extends object>(base: T, amounts: Record<Component, number>): T & { components: ComponentAmounts; costMinor: number; recoveredMinor: number } {
  let costMinor = 0, recoveredMinor = 0;
  for (const component of costComponents) costMinor += amounts[component];
  for (const component of recoveryComponents) recoveredMinor += amounts[component];
  return { ...base, components: amounts, costMinor, recoveredMinor };
}

/** Rows summed per currency and month (`byMonth`), or per currency alone; never across currencies. */
function sumRows(rows: readonly CostRow[], byMonth: boolean): CostTotal[] {
  const sums = new Map<string, { month: string | null; currency: string; amounts: Record<Component, number> }>();
  for (const row of rows) {
    const month = byMonth ? row.month : null;
    const id = `${month ?? ''}\t${row.currency}`;
    let sum = sums.get(id);
    if (!sum) sums.set(id, sum = { month, currency: row.currency, amounts: zero() });
    for (const component of components) sum.amounts[component] += row.components[component];
  }
  return [...sums.values()].map(({ month, currency, amounts }) => withSums({ month, currency }, amounts))
    .sort((a, b) => compare(a.month ?? '', b.month ?? '') || compare(a.currency, b.currency));
}

/**
 * The headline: per currency, what returns cost in `month` and what was recovered. Without a month,
 * the latest month any currency has data for. A currency with data in other months only shows 0 then.
 */
export function costHeadline(totals: readonly CostTotal[], month?: string): CostHeadline[] {
  const monthly = totals.filter((t): t is CostTotal & { month: string } => t.month !== null);
  const shown = month ?? monthly.reduce<string | null>((latest, t) => (latest === null || t.month > latest ? t.month : latest), null);
  if (shown === null) return [];
  const currencies = [...new Set(monthly.map((t) => t.currency))].sort();
  return currencies.map((currency) => {
    const total = monthly.find((t) => t.month === shown && t.currency === currency);
    return { month: shown, currency, costMinor: total?.costMinor ?? 0, recoveredMinor: total?.recoveredMinor ?? 0 };
  });
}

function notesOf(policy: CostPolicy, facts: CostFacts, gaps: Gaps): Record<Component, string> {
  const handlingMarkets = [...new Set(facts.handled.map((h) => h.marketplaceCode))].sort();
  const rates = handlingMarkets.flatMap((code) => {
    const perUnit = policy.handlingCostPerUnit[code as MarketplaceCode];
    return perUnit && !gaps.handlingNotInPolicy.has(code) ? [`${code} ${feedDecimal(perUnit.amountMinor, perUnit.currency)} ${perUnit.currency}`] : [];
  });
  const notInPolicy = [...gaps.handlingNotInPolicy].map(([code, units]) => `${code} (${units} units)`);
  const unvalued = [...gaps.unvalued].sort(([a], [b]) => compare(a, b)).map(([currency, units]) => `${units} in ${currency}`);
  const unknown = gaps.unknownMarketplace > 0 ? ` ${gaps.unknownMarketplace} units of marketplaces ReturnDesk does not know are left out.` : '';
  return {
    refunds: 'What buyers got back, one source per order line, in the month the money moved: settlement refunds as posted (item price, '
      + 'shipping, promotions, less the referral fee Amazon returned; taxes left out); else refunds recorded in ReturnDesk before their '
      + 'deductions, in the month recorded; else the MFN report\'s refunded amount, in the month the return was delivered (requested when '
      + 'not delivered): the report gives no refund date.',
    return_labels: 'MFN return labels the seller paid (the report\'s label cost, unless "Label to be paid by" names the customer), in the month of the return request.',
    handling: `Policy handling cost per unit × units back in the seller's hands (MFN returns delivered, receipts recorded), in the month they arrived`
      + `${rates.length > 0 ? `: ${rates.join(', ')}` : ''}. FBA units Amazon receives are not counted.`
      + `${notInPolicy.length > 0 ? ` Not in policy: ${notInPolicy.join(', ')}: counted 0.` : ''}${unknown}`,
    value_lost: 'Unit cost from the product sheet (its price where it has no cost) × units that could not be sold as new: routes recorded other '
      + 'than restock as new (in the month recorded, plus what a route cost when its realized value is negative) and FBA returns Amazon graded '
      + 'other than SELLABLE with no route recorded (in the month processed).'
      + `${gaps.valuedAtPrice > 0 ? ` ${gaps.valuedAtPrice} units valued at price (no unit cost in the sheet).` : ''}`
      + `${unvalued.length > 0 ? ` Not counted, no value in the product sheet in their currency: ${unvalued.join(', ')} units.` : ''}`,
    fees: 'Amazon\'s fees on settlement refunds (the refund administration fee and any other item fee posted with a refund), in the month posted. '
      + 'The policy\'s FBA returns processing fee per unit (prevention.returnsFeePerUnit) is an estimate of exposure, not money that moved: not added.',
    saved_orders: 'Save offers the buyer accepted: the price of the units kept (their share of the MFN report\'s order amount, else the sheet\'s price) '
      + 'less the partial refund at the policy\'s ladder step, in the month accepted.'
      + `${gaps.unpricedOffers > 0 ? ` ${gaps.unpricedOffers} accepted offers without a price in their currency or a step on the ladder are not counted.` : ''}`,
    restocking_fees: 'Restocking fees and return-label deductions kept from refunds: settlement RestockingFee and ReturnShipping rows, and the deduction lines of refunds recorded in ReturnDesk.',
    resale: 'What units routed other than restock as new brought (realized values recorded above 0), in the month the route was recorded.'
      + `${gaps.unrealized > 0 ? ` ${gaps.unrealized} routes have no realized value yet.` : ''}`,
    reimbursements: 'FBA reimbursements naming an order, cash as approved (reversals subtract), in the month approved; FBA claims Amazon paid are among them. Warehouse losses without an order are not returns.',
    claims: 'SAFE-T claims won in full or in part, in the month recorded as won. FBA claims are paid as reimbursements and count there, never twice.',
  };
}
