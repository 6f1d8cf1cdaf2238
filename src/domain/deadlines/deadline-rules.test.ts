import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.js';
import { checkDeadlineRules, computeDue, defaultDeadlineRules, findDeadlineRule, requireDeadlineRule } from './deadline-rules.js';
import type { DeadlineRule, DeadlineRuleId } from './deadline-rules.js';
import type { MarketplaceCode } from '../marketplaces.js';

const satSun = [6, 0] as const;
const pacific: BusinessCalendar = { timeZone: 'America/Los_Angeles', weekendDays: satSun, holidays: new Set(['2026-11-26']) };
const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', weekendDays: satSun, holidays: new Set(['2026-12-25', '2026-12-26']) };

function amountOf(rule: DeadlineRule | undefined): string {
  if (!rule) return 'none';
  switch (rule.kind) {
    case 'calendar-hours': return `${rule.hours} h`;
    case 'business-days': return `${rule.days} business days`;
    case 'calendar-days': return `${rule.days} days`;
    case 'window': return `${rule.opensAfterDays}-${rule.closesAfterDays} days`;
  }
}

describe('findDeadlineRule', () => {
  it.each<[string, DeadlineRuleId, MarketplaceCode, string, string]>([
    ['SAFE-T allows 60 days the day before the change', 'safet-filing', 'US', '2026-02-15T20:00:00Z', '0-60 days'],
    ['SAFE-T allows 60 days until midnight Pacific (still Feb 15 local)', 'safet-filing', 'US', '2026-02-16T07:59:59Z', '0-60 days'],
    ['SAFE-T allows 30 days from 2026-02-16 Pacific', 'safet-filing', 'US', '2026-02-16T08:00:00Z', '0-30 days'],
    ['SAFE-T allows 30 days later in 2026', 'safet-filing', 'US', '2026-07-01T12:00:00Z', '0-30 days'],
    ['SAFE-T is not a rule outside the US', 'safet-filing', 'DE', '2026-07-01T12:00:00Z', 'none'],
    ['FBA claims open 60-120 days after refund in the US since 2024-10-23', 'fba-reimbursement-claim', 'US', '2024-10-23T12:00:00Z', '60-120 days'],
    ['FBA claims before 2024-10-23 are not on record in the US', 'fba-reimbursement-claim', 'US', '2024-10-22T12:00:00Z', 'none'],
    ['FBA claims open 45-105 days after refund in the EU', 'fba-reimbursement-claim', 'DE', '2026-01-10T12:00:00Z', '45-105 days'],
    ['A-to-z answers take 3 calendar days in the US', 'atoz-response', 'US', '2026-01-10T12:00:00Z', '3 days'],
    ['A-to-z answers take 48 hours in the UK', 'atoz-response', 'UK', '2026-01-10T12:00:00Z', '48 h'],
    ['manual authorization takes 24 hours in the US', 'manual-authorization', 'US', '2026-01-10T12:00:00Z', '24 h'],
    ['the refund rule applies in every marketplace', 'refund-after-receipt', 'JP', '2026-01-10T12:00:00Z', '2 business days'],
    ['the RDR clock applies in every marketplace', 'rdr-response', 'DE', '2026-01-10T12:00:00Z', '48 h'],
  ])('%s', (_name, id, marketplace, at, expected) => {
    expect(amountOf(findDeadlineRule(defaultDeadlineRules, id, marketplace, at))).toBe(expected);
  });

  it('prefers a rule naming the marketplace over one for all marketplaces', () => {
    const rules: DeadlineRule[] = [
      { id: 'rdr-response', appliesTo: 'all', effectiveFrom: '2000-01-01', kind: 'calendar-hours', hours: 48, source: 'test' },
      { id: 'rdr-response', appliesTo: ['JP'], effectiveFrom: '2000-01-01', kind: 'calendar-hours', hours: 24, source: 'test' },
    ];
    expect(amountOf(findDeadlineRule(rules, 'rdr-response', 'JP', '2026-01-10T12:00:00Z'))).toBe('24 h');
    expect(amountOf(findDeadlineRule(rules, 'rdr-response', 'US', '2026-01-10T12:00:00Z'))).toBe('48 h');
  });

  it('says which rule is missing when one is required', () => {
    expect(() => requireDeadlineRule(defaultDeadlineRules, 'atoz-response', 'JP', '2026-01-10T12:00:00Z'))
      .toThrow(/No "atoz-response" deadline rule is in force for JP/);
  });
});

describe('computeDue', () => {
  const rule = (id: DeadlineRuleId, marketplace: MarketplaceCode, at: string): DeadlineRule => requireDeadlineRule(defaultDeadlineRules, id, marketplace, at);

  it.each<[string, DeadlineRuleId, MarketplaceCode, BusinessCalendar, string, { opensAt?: string; dueAt: string }]>([
    ['manual authorization is due 24 hours later, Thanksgiving or not', 'manual-authorization', 'US', pacific, '2026-11-25T18:00:00Z', { dueAt: '2026-11-26T18:00:00.000Z' }],
    ['the RDR clock runs 48 hours across the weekend', 'rdr-response', 'US', pacific, '2026-11-27T18:00:00Z', { dueAt: '2026-11-29T18:00:00.000Z' }],
    ['the refund is due at the end of the second business day after receipt', 'refund-after-receipt', 'US', pacific, '2026-11-25T18:00:00Z', { dueAt: '2026-12-01T07:59:59.999Z' }],
    ['the refund skips German Christmas', 'refund-after-receipt', 'DE', berlin, '2026-12-23T09:00:00Z', { dueAt: '2026-12-28T22:59:59.999Z' }],
    ['a US A-to-z answer is due 3 local days later', 'atoz-response', 'US', pacific, '2026-03-06T18:00:00Z', { dueAt: '2026-03-09T17:00:00.000Z' }],
    ['a US SAFE-T claim after the change closes 30 days after the event', 'safet-filing', 'US', pacific, '2026-03-01T20:00:00Z', { opensAt: '2026-03-01T20:00:00.000Z', dueAt: '2026-03-31T19:00:00.000Z' }],
    ['a US SAFE-T claim before the change closes 60 days after the event', 'safet-filing', 'US', pacific, '2026-01-10T20:00:00Z', { opensAt: '2026-01-10T20:00:00.000Z', dueAt: '2026-03-11T19:00:00.000Z' }],
    ['a US FBA claim opens after 60 days and closes after 120', 'fba-reimbursement-claim', 'US', pacific, '2026-01-10T12:00:00Z', { opensAt: '2026-03-11T11:00:00.000Z', dueAt: '2026-05-10T11:00:00.000Z' }],
    ['a DE FBA claim opens after 45 days and closes after 105', 'fba-reimbursement-claim', 'DE', berlin, '2026-01-10T12:00:00Z', { opensAt: '2026-02-24T12:00:00.000Z', dueAt: '2026-04-25T11:00:00.000Z' }],
  ])('%s', (_name, id, marketplace, calendar, from, expected) => {
    const due = computeDue(rule(id, marketplace, from), calendar, from);
    expect({ opensAt: due.opensAt, dueAt: due.dueAt }).toEqual({ opensAt: expected.opensAt, dueAt: expected.dueAt });
    expect(due.ruleId).toBe(id);
  });
});

describe('checkDeadlineRules', () => {
  it('finds no overlap in the shipped rules', () => {
    expect(checkDeadlineRules(defaultDeadlineRules)).toEqual([]);
  });

  it('reports two rules in force for the same marketplace and dates, and backwards dates', () => {
    const rules: DeadlineRule[] = [
      { id: 'safet-filing', appliesTo: ['US', 'CA'], effectiveFrom: '2026-01-01', kind: 'window', opensAfterDays: 0, closesAfterDays: 60, source: 'test' },
      { id: 'safet-filing', appliesTo: ['CA'], effectiveFrom: '2026-02-01', kind: 'window', opensAfterDays: 0, closesAfterDays: 30, source: 'test' },
      { id: 'rdr-response', appliesTo: 'all', effectiveFrom: '2026-02-01', effectiveTo: '2026-01-01', kind: 'calendar-hours', hours: 48, source: 'test' },
    ];
    expect(checkDeadlineRules(rules)).toEqual([
      'Rules 0 and 1 (safet-filing) are both in force for the same marketplace and dates.',
      'Rule 2 (rdr-response) ends on 2026-01-01, not after it starts on 2026-02-01.',
    ]);
  });
});
