import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badBatchSku, misleadingSku } from './demo-catalog.js';
import { badBatchMonth } from './demo-scenario.js';
import { type DemoRun, findTables, runDemo } from './demo-test-support.js';

interface ReturnRow { sku: string; reason: string; date: number; disposition: string | null }

function returnRows(run: DemoRun): ReturnRow[] {
  const fba = findTables(run, 'fba-returns').flatMap((t) => t.rows.map((row) => ({
    sku: row.sku!, reason: row.reason!, date: Date.parse(row['return-date']!), disposition: row['detailed-disposition']!,
  })));
  const mfn = findTables(run, 'mfn-returns').flatMap((t) => t.rows.map((row) => ({
    sku: row['Merchant SKU']!, reason: row['Return Reason']!, date: Date.parse(`${row['Return request date']!} UTC`), disposition: null,
  })));
  return [...fba, ...mfn];
}

const isNotAsDescribed = (reason: string): boolean => reason === 'NOT_AS_DESCRIBED' || reason === 'AMZ-PG-BAD-DESC';

function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

describe.each([
  { endDate: '2026-06-30T00:00:00Z', seed: undefined },
  { endDate: '2026-11-27T00:00:00Z', seed: 99 },
  { endDate: '2026-02-10T00:00:00Z', seed: 3 },
])('the demo story ending $endDate (seed $seed)', ({ endDate, seed }) => {
  let run: DemoRun;
  beforeAll(async () => {
    run = await runDemo({ endDate: new Date(endDate), seed });
  });
  afterAll(async () => {
    await run?.cleanup();
  });

  it('makes the misleading water bottle the clear leader in not-as-described returns', () => {
    const bySku = new Map<string, { returns: number; nad: number }>();
    for (const row of returnRows(run)) {
      const entry = bySku.get(row.sku) ?? { returns: 0, nad: 0 };
      entry.returns++;
      if (isNotAsDescribed(row.reason)) entry.nad++;
      bySku.set(row.sku, entry);
    }
    const shares = [...bySku].filter(([, e]) => e.returns >= 10).map(([sku, e]) => [sku, e.nad / e.returns] as const).sort((a, b) => b[1] - a[1]);
    expect(shares[0]![0]).toBe(misleadingSku);
    expect(shares[0]![1]).toBeGreaterThan(0.4);
    expect(shares[0]![1]).toBeGreaterThan(2 * shares[1]![1]);
    const allNad = [...bySku.values()].reduce((sum, e) => sum + e.nad, 0);
    expect(bySku.get(misleadingSku)!.nad / allNad).toBeGreaterThan(0.5);
  });

  it('concentrates the charger defects in the weeks after the bad batch was sold', () => {
    const defects = returnRows(run).filter((row) => row.sku === badBatchSku && row.reason === 'DEFECTIVE' && row.disposition !== null);
    const batch = badBatchMonth(Date.parse(endDate));
    const afterBatch = defects.filter((row) => row.date >= batch.startMs && row.date < batch.endMs + 31 * 86_400_000);
    expect(afterBatch.length).toBeGreaterThanOrEqual(8);
    expect(afterBatch.length / defects.length).toBeGreaterThan(0.6);
  });

  it('shows the after-holiday spike of returns in January', () => {
    const perMonth = new Map<string, number>();
    for (const row of returnRows(run)) perMonth.set(monthOf(row.date), (perMonth.get(monthOf(row.date)) ?? 0) + 1);
    const january = [...perMonth].filter(([month]) => month.endsWith('-01'));
    const others = [...perMonth].filter(([month]) => !month.endsWith('-01') && !month.endsWith('-12')).map(([, n]) => n).sort((a, b) => a - b);
    const median = others[Math.floor(others.length / 2)]!;
    expect(january).toHaveLength(1);
    expect(january[0]![1]).toBeGreaterThan(1.8 * median);
  });
});
