import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabases, useFreshDatabase } from '../../test/databases.js';
import { headers, scratchDir } from '../../test/report-files.js';
import { fbaReturn, importRows, orderLine } from '../../test/prevention-fixtures.js';
import { importReportFile } from './import-reports.js';
import { recordListingFix } from './listing-fixes.js';
import { accountCauses } from './return-causes.js';

// Planted by construction, March 2026, US: LAMP ships 200 units and 36 come back, 30 "not as
// described" with buyers writing that the colour differs from the photo (14 in English, 14 in
// Chinese, 2 blank), 6 defective. MUG ships 1,000 and 20 come back (changed mind, "no longer needed");
// TEE ships 300 and 9 come back too small. The US rate is 65/1,500 = 4.3%: only LAMP is clearly above it.

const english = ['The color is different from the photo', 'Color looks nothing like the photo', 'Wrong color, the photo shows warm white',
  'color not as in the photo, very blue', 'The photo is misleading, the color is cold', 'Not the color in the photo',
  'photo shows gold color, got silver'];
const chinese = ['颜色和图片不一样', '颜色跟图片差太多', '实物颜色和图片不符', '图片上的颜色更暖', '颜色与图片完全不同', '颜色不像图片', '和图片颜色有差别'];
const lampNad = [...english, ...english, ...chinese, ...chinese, '', ''];
const mugComments = ['No longer needed', 'Ordered by mistake', 'no longer needed, sorry', 'Found it cheaper', 'Gift not needed anymore'];

describe.each(testDatabases)('accountCauses on $name', (target) => {
  const db = useFreshDatabase(target);
  const dir = scratchDir();

  it('finds the planted problem SKU, its reasons, root cause, the buyers\' words behind it and the fixes tried', async () => {
    const lines = [
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 1, 'LAMP', 2)),
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 101, 'MUG', 10)),
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 301, 'TEE', 3)),
    ];
    const returns = [
      ...lampNad.map((comment, i) => fbaReturn(i + 1, 'LAMP', 'NOT_AS_DESCRIBED', { comment })),
      ...Array.from({ length: 6 }, (_, i) => fbaReturn(i + 40, 'LAMP', 'DEFECTIVE', { comment: 'Stopped working after a week' })),
      ...Array.from({ length: 20 }, (_, i) => fbaReturn(i + 101, 'MUG', 'UNWANTED_ITEM', { comment: mugComments[i % mugComments.length] })),
      ...Array.from({ length: 9 }, (_, i) => fbaReturn(i + 301, 'TEE', 'APPAREL_TOO_SMALL', { comment: i % 2 ? 'Runs small, order a size up' : 'too small' })),
    ];
    await importRows(db(), dir, 'orders.txt', headers.allOrders, lines);
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, returns);
    await recordListingFix(db(), 1, { sku: 'LAMP', changedOn: '2026-04-02', what: 'Photos in daylight, colour temperature in the title', by: 'Mei' }, '2026-06-01T00:00:00.000Z');

    const report = await accountCauses(db(), 1, { from: '2026-03', to: '2026-03' });
    expect(report.marketplaces.map((m) => [m.marketplaceCode, m.shipped, m.returned])).toEqual([['US', 1500, 65]]);
    expect(report.marketplaces[0]!.pareto.map((b) => [b.reason, b.units])).toEqual([['not_as_described', 30], ['changed_mind', 20], ['size_fit', 9], ['defective_quality', 6]]);
    expect(report.problems.map((p) => p.sku)).toEqual(['LAMP']);
    const lamp = report.problems[0]!;
    expect(lamp.pareto.map((b) => [b.reason, b.units])).toEqual([['not_as_described', 30], ['defective_quality', 6]]);
    expect(lamp.excessUnits).toBeCloseTo(36 - 200 * (65 / 1500), 10);
    expect(lamp.cause?.id).toBe('description_accuracy');
    expect(lamp.cause?.fixes.map((f) => f.id)).toContain('multi_angle_media');
    expect(lamp.cause?.title.zh).toMatch(/[\u4e00-\u9fff]/);

    const terms = lamp.terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['color', 'photo', '颜色', '图片']));
    expect(terms).not.toContain('needed');
    const color = lamp.terms.find((t) => t.term === 'color')!;
    expect(color.comments).toBe(14);
    expect(color.examples).toHaveLength(3);
    for (const example of color.examples) expect(example.text.toLowerCase()).toContain('color');
    expect(lamp.fixes.map((f) => f.fix.what)).toEqual(['Photos in daylight, colour temperature in the title']);
    expect(report.returnsFee.flags).toEqual([]);
    expect(report.returnsFee.unchecked.map((u) => u.sku)).toEqual(['LAMP', 'MUG', 'TEE']);
  });

  it('checks the FBA returns fee of the SKUs with a category, and names the others as not checked', async () => {
    await importRows(db(), dir, 'orders.txt', headers.allOrders, [
      ...Array.from({ length: 100 }, (_, i) => orderLine(i + 1, 'LAMP', 2)), ...Array.from({ length: 100 }, (_, i) => orderLine(i + 101, 'MUG', 1)),
      ...Array.from({ length: 10 }, (_, i) => orderLine(i + 201, 'TEE', 1)),
    ]);
    await importRows(db(), dir, 'returns.txt', headers.fbaReturns, [
      ...Array.from({ length: 36 }, (_, i) => fbaReturn(i + 1, 'LAMP', 'NOT_AS_DESCRIBED')), ...Array.from({ length: 30 }, (_, i) => fbaReturn(i + 101, 'MUG', 'UNWANTED_ITEM')),
      fbaReturn(201, 'TEE', 'APPAREL_TOO_SMALL'),
    ]);
    writeFileSync(join(dir, 'products.csv'), 'sku,title,category\nLAMP,Lamp,Luggage\nMUG,Mug,Kitchen\n');
    await importReportFile(db(), join(dir, 'products.csv'), { now: () => '2026-06-01T00:00:00.000Z' });

    const { returnsFee } = await accountCauses(db(), 1, { from: '2026-03', to: '2026-03' });
    // LAMP: 36 of 200 against luggage's 12.8%: 36 − 25 = 11 units over. MUG's category has no threshold, TEE has none.
    expect(returnsFee.flags.map((f) => [f.sku, f.month, f.shipped, f.returned, f.excessUnits])).toEqual([['LAMP', '2026-03', 200, 36, 11]]);
    expect(returnsFee.unchecked).toEqual([{ marketplaceCode: 'US', sku: 'MUG', category: 'Kitchen' }, { marketplaceCode: 'US', sku: 'TEE', category: null }]);
  });

  it('has no problem SKUs on an empty account, and refuses a month that is not one', async () => {
    expect(await accountCauses(db(), 1)).toMatchObject({ problems: [], marketplaces: [], moreProblems: 0 });
    await expect(accountCauses(db(), 1, { to: '2026-3' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
