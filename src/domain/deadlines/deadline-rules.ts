import { addBusinessDays, addCalendarDays, addCalendarHours, localDateOf } from './business-calendar.js';
import type { BusinessCalendar } from './business-calendar.js';
import { DomainError } from '../errors.js';
import { requireMarketplace } from '../marketplaces.js';
import type { MarketplaceCode } from '../marketplaces.js';

/**
 * Amazon's deadlines as data: each rule says where it applies, when it is in force and where the
 * number comes from, so a change by Amazon is a new row with an `effectiveFrom`, not a code change.
 * Numbers and sources: ../shared/reference/amazon-returns.md §4.3, §4.6, §4.8, §4.9; docs/deadlines.md.
 */
export const deadlineRuleIds = [
  'manual-authorization', 'rdr-response', 'refund-after-receipt', 'atoz-response', 'safet-filing', 'fba-reimbursement-claim',
] as const;
export type DeadlineRuleId = (typeof deadlineRuleIds)[number];

export const deadlineKinds = ['calendar-hours', 'business-days', 'calendar-days', 'window'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

interface DeadlineRuleBase {
  readonly id: DeadlineRuleId;
  readonly appliesTo: readonly MarketplaceCode[] | 'all';
  /** First local date (`YYYY-MM-DD`, marketplace time zone) the rule is in force, inclusive. */
  readonly effectiveFrom: string;
  /** First local date the rule is no longer in force (exclusive); absent while it is current. */
  readonly effectiveTo?: string;
  /** Where the number comes from: [A] Amazon page, [S] secondary source quoting Amazon. */
  readonly source: string;
}

export type DeadlineRule = DeadlineRuleBase & (
  | { readonly kind: 'calendar-hours'; readonly hours: number }
  | { readonly kind: 'business-days'; readonly days: number }
  | { readonly kind: 'calendar-days'; readonly days: number }
  /** A claim window: opens `opensAfterDays` and closes `closesAfterDays` calendar days after the event. */
  | { readonly kind: 'window'; readonly opensAfterDays: number; readonly closesAfterDays: number }
);

/** When a rule's clock ends (and, for windows, when it opens), as UTC ISO-8601 instants. */
export interface Due {
  readonly ruleId: DeadlineRuleId;
  readonly kind: DeadlineKind;
  readonly opensAt?: string;
  readonly dueAt: string;
}

const euMarketplaces: readonly MarketplaceCode[] = ['UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL'];
// The start of a rule that has been in force as long as our sources go back.
const sinceRecords = '2000-01-01';

export const defaultDeadlineRules: readonly DeadlineRule[] = Object.freeze([
  { id: 'manual-authorization', appliesTo: ['US'], effectiveFrom: sinceRecords, kind: 'calendar-hours', hours: 24,
    source: '[A] Seller Central G9DH343PLXALFTUW (current US text): respond to return requests needing manual authorization within 24 hours' },
  { id: 'rdr-response', appliesTo: 'all', effectiveFrom: sinceRecords, kind: 'calendar-hours', hours: 48,
    source: '[A] Seller Central 201887610: Return Dissatisfaction Rate counts requests not answered within 48 hours' },
  { id: 'refund-after-receipt', appliesTo: 'all', effectiveFrom: sinceRecords, kind: 'business-days', days: 2,
    source: '[A] Seller Central 202072200: refund within 2 business days after the returned item is received, else Amazon may refund and debit the seller' },
  { id: 'atoz-response', appliesTo: ['US'], effectiveFrom: sinceRecords, kind: 'calendar-days', days: 3,
    source: '[A] Seller Central 1781: answer an A-to-z information request within 3 calendar days (US)' },
  { id: 'atoz-response', appliesTo: ['UK'], effectiveFrom: sinceRecords, kind: 'calendar-hours', hours: 48,
    source: '[A] Seller Central 1781: answer an A-to-z information request within 48 hours (UK)' },
  { id: 'safet-filing', appliesTo: ['US'], effectiveFrom: sinceRecords, effectiveTo: '2026-02-16', kind: 'window', opensAfterDays: 0, closesAfterDays: 60,
    source: '[S] bigbcc.com, benoscales.com quoting Amazon 2026-01-21: SAFE-T claims within 60 days before 2026-02-16' },
  { id: 'safet-filing', appliesTo: ['US'], effectiveFrom: '2026-02-16', kind: 'window', opensAfterDays: 0, closesAfterDays: 30,
    source: '[S] bigbcc.com, benoscales.com quoting Amazon 2026-01-21: US MFN SAFE-T claims within 30 days of the later of return delivery scan or refund' },
  { id: 'fba-reimbursement-claim', appliesTo: ['US'], effectiveFrom: '2024-10-23', kind: 'window', opensAfterDays: 60, closesAfterDays: 120,
    source: '[A] Seller Central G9N934L7Y4SFWPJ4 (US); [S] ecommercebrief: claim 60 to 120 days after the refund or replacement, effective 2024-10-23' },
  { id: 'fba-reimbursement-claim', appliesTo: euMarketplaces, effectiveFrom: sinceRecords, kind: 'window', opensAfterDays: 45, closesAfterDays: 105,
    source: '[S] Amazon EU repost: claim 45 to 105 days after the refund or replacement (EU)' },
]);

/**
 * The rule `id` in force for a marketplace at `atIso`, the instant of the event that starts the clock
 * (item received, refund issued...). Effective dates are local dates in the marketplace's time zone.
 * A rule naming the marketplace wins over an `'all'` rule; `undefined` when Amazon sets no such
 * deadline there (or none is on record).
 */
export function findDeadlineRule(rules: readonly DeadlineRule[], id: DeadlineRuleId, marketplaceCode: MarketplaceCode, atIso: string): DeadlineRule | undefined {
  const marketplace = requireMarketplace(marketplaceCode);
  const localDate = localDateOf({ timeZone: marketplace.timeZone, weekendDays: [], holidays: new Set() }, atIso);
  const inForce = rules.filter((rule) => rule.id === id
    && (rule.appliesTo === 'all' || rule.appliesTo.includes(marketplace.code))
    && rule.effectiveFrom <= localDate && (rule.effectiveTo === undefined || localDate < rule.effectiveTo));
  return inForce.find((rule) => rule.appliesTo !== 'all') ?? inForce[0];
}

/** Like {@link findDeadlineRule}, but a missing rule is a `not_found` error naming what was asked. */
export function requireDeadlineRule(rules: readonly DeadlineRule[], id: DeadlineRuleId, marketplaceCode: MarketplaceCode, atIso: string): DeadlineRule {
  const rule = findDeadlineRule(rules, id, marketplaceCode, atIso);
  if (!rule) {
    throw new DomainError('not_found', `No "${id}" deadline rule is in force for ${marketplaceCode} at ${atIso}: add one to the policy's deadline rules.`, { id, marketplace: marketplaceCode, at: atIso });
  }
  return rule;
}

/**
 * When the rule's clock started at `fromIso` runs out, in the marketplace's calendar: hours are plain
 * UTC hours, business days end at local 23:59:59.999 (see `addBusinessDays`), calendar days keep the
 * local wall-clock time (see `addCalendarDays`); a window gives both its opening and its closing.
 */
export function computeDue(rule: DeadlineRule, calendar: BusinessCalendar, fromIso: string): Due {
  const base = { ruleId: rule.id, kind: rule.kind };
  switch (rule.kind) {
    case 'calendar-hours': return { ...base, dueAt: addCalendarHours(fromIso, rule.hours) };
    case 'business-days': return { ...base, dueAt: addBusinessDays(calendar, fromIso, rule.days) };
    case 'calendar-days': return { ...base, dueAt: addCalendarDays(calendar, fromIso, rule.days) };
    case 'window': return {
      ...base,
      opensAt: addCalendarDays(calendar, fromIso, rule.opensAfterDays),
      dueAt: addCalendarDays(calendar, fromIso, rule.closesAfterDays),
    };
  }
}

/**
 * Problems in a rule set, as sentences: two rules with the same id in force for the same marketplace
 * on the same date, or an `effectiveTo` not after `effectiveFrom`. Empty when the set is consistent.
 */
export function checkDeadlineRules(rules: readonly DeadlineRule[]): string[] {
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    if (rule.effectiveTo !== undefined && rule.effectiveTo <= rule.effectiveFrom) {
      problems.push(`Rule ${index} (${rule.id}) ends on ${rule.effectiveTo}, not after it starts on ${rule.effectiveFrom}.`);
    }
    for (const other of rules.slice(index + 1)) {
      if (other.id === rule.id && sharesMarketplace(rule, other) && overlaps(rule, other)) {
        problems.push(`Rules ${index} and ${rules.indexOf(other)} (${rule.id}) are both in force for the same marketplace and dates.`);
      }
    }
  });
  return problems;
}

function sharesMarketplace(a: DeadlineRule, b: DeadlineRule): boolean {
  if (a.appliesTo === 'all' || b.appliesTo === 'all') return a.appliesTo === b.appliesTo;
  return a.appliesTo.some((code) => (b.appliesTo as readonly MarketplaceCode[]).includes(code));
}

function overlaps(a: DeadlineRule, b: DeadlineRule): boolean {
  const endA = a.effectiveTo ?? '9999-12-31';
  const endB = b.effectiveTo ?? '9999-12-31';
  return a.effectiveFrom < endB && b.effectiveFrom < endA;
}
