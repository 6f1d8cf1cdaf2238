import { describe, expect, it } from 'vitest';
import { defaultPreventionPolicy as policy } from './prevention-policy.js';
import { findSpikes } from './spikes.js';
import { firstOpenWeek, fixSpans, spikeSpans, weeksIn } from './week-windows.js';

describe('week spans', () => {
  it('closes a week once its follow-up weeks are over', () => {
    // Follow-up 2: the week of 2026-06-01 keeps returns asked for up to Sunday 2026-06-21.
    expect(firstOpenWeek('2026-06-21', policy)).toBe('2026-06-01');
    expect(firstOpenWeek('2026-06-22', policy)).toBe('2026-06-08');
    expect(firstOpenWeek('2026-06-22', { ...policy, followUpWeeks: 1 })).toBe('2026-06-15');
  });

  it('puts the recent weeks right before the first open week, and the baseline before them', () => {
    const spans = spikeSpans('2026-06-29', policy);
    expect(spans).toEqual({ recent: { from: '2026-06-01', to: '2026-06-15' }, baseline: { from: '2026-03-09', to: '2026-06-01' } });
    expect(weeksIn(spans.baseline)).toBe(12);
  });

  it('compares a fix\'s weeks before and after its own week, as far as they are closed', () => {
    expect(fixSpans('2026-04-15', '2026-12-01', policy)).toEqual({ before: { from: '2026-02-16', to: '2026-04-13' }, after: { from: '2026-04-20', to: '2026-06-15' } });
    // Three weeks after the fix, only the first week after it is closed.
    expect(fixSpans('2026-04-15', '2026-05-11', policy).after).toEqual({ from: '2026-04-20', to: '2026-04-27' });
    // Before any week after it is closed, the span is empty.
    expect(weeksIn(fixSpans('2026-04-15', '2026-04-20', policy).after)).toBe(0);
  });
});

describe('findSpikes', () => {
  it('orders spikes by z, then steady, then too few; sets apart SKUs with more returned than shipped', () => {
    const baseline = { returned: 20, shipped: 1000 };
    const spikes = findSpikes([
      { marketplaceCode: 'US', sku: 'A', recent: { returned: 2, shipped: 100 }, baseline },
      { marketplaceCode: 'US', sku: 'B', recent: { returned: 10, shipped: 100 }, baseline },
      { marketplaceCode: 'US', sku: 'C', recent: { returned: 20, shipped: 100 }, baseline },
      { marketplaceCode: 'US', sku: 'D', recent: { returned: 3, shipped: 10 }, baseline },
      { marketplaceCode: 'US', sku: 'E', recent: { returned: 12, shipped: 10 }, baseline },
    ], policy);
    expect(spikes.rows.map((r) => [r.sku, r.verdict])).toEqual([['C', 'spike'], ['B', 'spike'], ['A', 'steady'], ['D', 'too_few']]);
    expect(spikes.problems.map((p) => p.sku)).toEqual(['E']);
  });
});
