/**
 * The story the demo data tells, in numbers: how much each marketplace sells, how often each
 * category comes back and why, and the three incidents a newcomer should find with ReturnDesk:
 * a misleading listing, a bad factory batch, and refunds whose units never came back.
 */
import { badBatchSku, misleadingSku } from './demo-catalog.js';
import type { Category, DemoMarketplaceCode } from './demo-model.js';
import type { DemoReason } from './demo-reasons.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface MarketplaceScenario {
  code: DemoMarketplaceCode;
  ordersPerDay: number;
  orderIdPrefixes: readonly string[];
  fulfillmentCenters: readonly string[];
  /** Multiplies every category's return rate (German buyers return more, Japanese fewer). */
  returnRateFactor: number;
  /** VAT included in prices (EU, JP); 0 where sales tax is added on top (US). */
  vatRate: number;
  /** Offset used in the All Orders dates: JP writes local time, the others UTC. */
  orderDateOffsetMinutes: number;
  lineEnding: '\n' | '\r\n';
}

export const marketplaceScenarios: readonly MarketplaceScenario[] = [
  { code: 'US', ordersPerDay: 6.4, orderIdPrefixes: ['111', '112', '113', '114'], fulfillmentCenters: ['PHX7', 'ONT8', 'MDW2', 'BFI4', 'SDF8', 'TEB9'],
    returnRateFactor: 1, vatRate: 0, orderDateOffsetMinutes: 0, lineEnding: '\n' },
  { code: 'UK', ordersPerDay: 2.2, orderIdPrefixes: ['202', '203', '204', '205', '206'], fulfillmentCenters: ['LBA4', 'BHX4', 'EMA1', 'MAN1'],
    returnRateFactor: 1, vatRate: 0.2, orderDateOffsetMinutes: 0, lineEnding: '\r\n' },
  { code: 'DE', ordersPerDay: 2.2, orderIdPrefixes: ['302', '303', '304', '305', '306'], fulfillmentCenters: ['DTM2', 'LEJ1', 'FRA7', 'MUC3', 'STR1'],
    returnRateFactor: 1.3, vatRate: 0.19, orderDateOffsetMinutes: 0, lineEnding: '\n' },
  { code: 'JP', ordersPerDay: 1.5, orderIdPrefixes: ['249', '250', '503'], fulfillmentCenters: ['NRT5', 'KIX4', 'HND3', 'FSZ1'],
    returnRateFactor: 0.6, vatRate: 0.1, orderDateOffsetMinutes: 540, lineEnding: '\r\n' },
];

export interface CategoryProfile {
  returnRate: number;
  reasons: Readonly<Partial<Record<DemoReason, number>>>;
  /** Amazon referral fee share of the item price. */
  commissionRate: number;
}

export const categoryProfiles: Readonly<Record<Category, CategoryProfile>> = {
  apparel: { returnRate: 0.14, commissionRate: 0.17, reasons: {
    APPAREL_TOO_SMALL: 30, APPAREL_TOO_LARGE: 22, APPAREL_STYLE: 11, DID_NOT_LIKE_COLOR: 5, UNWANTED_ITEM: 10,
    QUALITY_UNACCEPTABLE: 7, ORDERED_WRONG_ITEM: 5, NO_REASON_GIVEN: 5, DEFECTIVE: 3, NOT_AS_DESCRIBED: 2 } },
  shoes: { returnRate: 0.15, commissionRate: 0.15, reasons: {
    APPAREL_TOO_SMALL: 42, APPAREL_TOO_LARGE: 14, APPAREL_STYLE: 10, UNWANTED_ITEM: 10, QUALITY_UNACCEPTABLE: 8,
    DEFECTIVE: 5, NO_REASON_GIVEN: 6, NOT_AS_DESCRIBED: 2, DAMAGED_BY_CARRIER: 3 } },
  'phone-accessories': { returnRate: 0.085, commissionRate: 0.15, reasons: {
    NOT_COMPATIBLE: 30, PART_NOT_COMPATIBLE: 8, DEFECTIVE: 17, UNWANTED_ITEM: 12, ORDERED_WRONG_ITEM: 10,
    QUALITY_UNACCEPTABLE: 8, NO_REASON_GIVEN: 5, NOT_AS_DESCRIBED: 3, MISSING_PARTS: 3, SWITCHEROO: 2, DAMAGED_BY_CARRIER: 2 } },
  electronics: { returnRate: 0.065, commissionRate: 0.08, reasons: {
    DEFECTIVE: 40, QUALITY_UNACCEPTABLE: 15, UNWANTED_ITEM: 10, NOT_COMPATIBLE: 6, MISSING_PARTS: 6,
    FOUND_BETTER_PRICE: 5, NO_REASON_GIVEN: 5, DAMAGED_BY_CARRIER: 5, NOT_AS_DESCRIBED: 3, SWITCHEROO: 3,
    DAMAGED_BY_FC: 2, MISSED_ESTIMATED_DELIVERY: 1 } },
  kitchen: { returnRate: 0.04, commissionRate: 0.15, reasons: {
    UNWANTED_ITEM: 24, QUALITY_UNACCEPTABLE: 18, DEFECTIVE: 17, NO_REASON_GIVEN: 10, DAMAGED_BY_CARRIER: 8,
    ORDERED_WRONG_ITEM: 8, FOUND_BETTER_PRICE: 8, NOT_AS_DESCRIBED: 4, DAMAGED_BY_FC: 2, MISSING_PARTS: 1 } },
  jewelry: { returnRate: 0.12, commissionRate: 0.2, reasons: {
    JEWELRY_TOO_SMALL: 30, UNWANTED_ITEM: 27, QUALITY_UNACCEPTABLE: 16, NOT_AS_DESCRIBED: 4, NO_REASON_GIVEN: 10,
    ORDERED_WRONG_ITEM: 6, DAMAGED_BY_CARRIER: 4, MISSED_ESTIMATED_DELIVERY: 3 } },
};

/**
 * The incidents. The water bottle's listing says "stainless steel, insulated" but the bottle is
 * powder-coated aluminium: buyers notice and send it back as not as described. One production run
 * of the 65 W charger (the units sold in `badBatch` month) dies within days. Some FBA buyers keep
 * the unit after their refund; Amazon reimburses a few, the rest wait for the seller's claim.
 */
export const story = {
  misleading: { sku: misleadingSku, returnRate: 0.2, reasons: { NOT_AS_DESCRIBED: 62, QUALITY_UNACCEPTABLE: 10, UNWANTED_ITEM: 10, DEFECTIVE: 8, NO_REASON_GIVEN: 10 } },
  badBatch: { sku: badBatchSku, monthsBeforeEnd: 4, defectRate: 0.55 },
  holidayReturnBoost: 1.35,
  /** Refunded FBA units that never came back, per marketplace, by what became of them. */
  neverReturned: {
    US: { claimable: 4, reimbursed: 3, expired: 1, reversed: 1 },
    DE: { claimable: 2, reimbursed: 1, expired: 0, reversed: 0 },
  },
  /** Late MFN requests from the last hours: out of policy, so they wait for the seller to authorize. */
  waitingRequests: { US: 2, UK: 1 } as Readonly<Partial<Record<DemoMarketplaceCode, number>>>,
} as const;

const monthDemand = [0.85, 0.78, 0.88, 0.9, 0.95, 1, 1.08, 1, 0.95, 1.05, 1.35, 1.5];

/** Relative demand on a day: month seasonality, Prime Day, Black Friday week, Christmas, growth. */
export function demandFactor(dayStartMs: number, yearFraction: number): number {
  const date = new Date(dayStartMs);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  let factor = monthDemand[month]!;
  if (month === 6 && (day === 8 || day === 9)) factor *= 3; // Prime Day
  if ((month === 10 && day >= 24) || (month === 11 && day <= 1)) factor *= 1.8; // Black Friday to Cyber Monday
  if (month === 11 && day >= 21) factor *= 0.6; // too late for Christmas delivery
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 1) factor *= 1.1;
  return factor * (0.8 + 0.4 * yearFraction); // the brand grows through the year
}

/** Holiday orders (November and December) may be returned until January 31 (Amazon's extension). */
export function isHolidayOrder(purchasedAt: number): boolean {
  return new Date(purchasedAt).getUTCMonth() >= 10;
}

/**
 * The calendar month whose charger units came from the bad batch: [start, end). About four months
 * before the end, moved back out of November-January so the holiday returns do not hide it.
 */
export function badBatchMonth(endMs: number): { startMs: number; endMs: number } {
  const anchor = new Date(endMs);
  let month = anchor.getUTCMonth() - story.badBatch.monthsBeforeEnd;
  while ([10, 11, 0].includes(((month % 12) + 12) % 12)) month--;
  return { startMs: Date.UTC(anchor.getUTCFullYear(), month, 1), endMs: Date.UTC(anchor.getUTCFullYear(), month + 1, 1) };
}
