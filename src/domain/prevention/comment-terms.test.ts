import { describe, expect, it } from 'vitest';
import { commentTerms, distinctiveTerms, type Comment, type SkuTerm } from './comment-terms.js';

// The segments below are what Node 20's ICU gives; 尺码 is not in its dictionary and comes out as
// 尺 + 码, which the bigrams join again.
describe('commentTerms', () => {
  it('segments Chinese into words and joins adjacent words without a space', () => {
    expect(commentTerms('质量很好')).toEqual(['质量', '很好', '质量很好']);
    // 了 is a function word; the comma ends the phrase, so no 小太.
    expect(commentTerms('尺码偏小，太小了')).toEqual(['尺', '码', '尺码', '偏', '码偏', '小', '偏小', '太', '太小']);
    // A space between Chinese words separates like a comma.
    expect(commentTerms('鞋子 太小')).toEqual(['鞋子', '太', '小', '太小']);
  });

  it('segments Japanese into words and drops particles and auxiliaries', () => {
    expect(commentTerms('サイズが小さい')).toEqual(['サイズ', '小さい']);
    expect(commentTerms('色が写真と違います')).toEqual(['色', '写真', '違い']);
    expect(commentTerms('サイズ小さい')).toEqual(['サイズ', '小さい', 'サイズ小さい']);
  });

  it('drops stopwords of each language but keeps intensifiers and negations for phrases', () => {
    expect(commentTerms('The zipper is broken and it was too small')).toEqual(['zipper', 'broken', 'too', 'small', 'too small']);
    expect(commentTerms('Der Reißverschluss ist kaputt, zu klein')).toEqual(['reißverschluss', 'kaputt', 'zu', 'klein', 'zu klein']);
    expect(commentTerms("C'est trop petit")).toEqual(['trop', 'petit', 'trop petit']);
    expect(commentTerms("l'article")).toEqual(['article']);
    expect(commentTerms('La cremallera se rompió')).toEqual(['cremallera', 'rompió']);
    expect(commentTerms('doesn’t fit')).toEqual(["doesn't", 'fit', "doesn't fit"]);
  });

  it('drops numbers and single Latin letters, which also break phrases', () => {
    expect(commentTerms('zipper broke after 3 days')).toEqual(['zipper', 'broke', 'zipper broke', 'days']);
    expect(commentTerms('size 10 fits, 4.5 stars, 1,000 x better')).toEqual(['size', 'fits', 'stars', 'better']);
    expect(commentTerms('10cm shorter')).toEqual(['10cm', 'shorter', '10cm shorter']);
  });

  it('folds full-width and half-width forms with NFKC and lowers the case', () => {
    expect(commentTerms('ＺＩＰＰＥＲ BROKE')).toEqual(['zipper', 'broke', 'zipper broke']);
    expect(commentTerms('ｻｲｽﾞが小さい')).toEqual(['サイズ', '小さい']);
    expect(commentTerms('Ｔｏｏ　ｓｍａｌｌ')).toEqual(['too', 'small', 'too small']);
  });

  it('gives each term once per comment', () => {
    expect(commentTerms('zipper zipper zipper')).toEqual(['zipper']);
    expect(commentTerms('太小了 太小了')).toEqual(['太', '小', '太小']);
    expect(commentTerms('broke zipper broke zipper')).toEqual(['broke', 'zipper', 'broke zipper', 'zipper broke']);
  });

  it('finds nothing in blank, punctuation-only or emoji-only comments', () => {
    for (const text of ['', '   ', '!!! ...', '😀👍', '😡😡 !!', '１２３ 4.5', '。、！']) expect(commentTerms(text)).toEqual([]);
  });
});

// A seller of five SKUs. Every SKU gets the same ten background comments, in four languages; four SKUs
// also get planted complaints, each in one language. By construction the planted words are what sets
// each SKU apart, and only the planted comments can stand behind them.
const background = [
  'Great quality, fast shipping.',
  'Good value for the money',
  'Arrived on time, nicely packed',
  'Looks exactly like the photos',
  '质量很好，物流很快',
  '包装很好，非常满意',
  'とても良い商品です',
  '早く届きました、満足しています',
  'Gute Qualität, schnelle Lieferung',
  'Alles bestens, gerne wieder',
];

const planted: Readonly<Record<string, readonly string[]>> = {
  'BAG-01': [
    'The zipper broke after two days',
    'Zipper broke the first time I used it',
    'zipper broke, returned it',
    'Cheap zipper broke within a week',
    'ＺＩＰＰＥＲ broke!!',
    'My zipper broke on the trip',
    // "zipper" without "broke": the word keeps comments of its own, "broke" does not.
    'the zipper is stuck halfway',
    'zipper keeps getting stuck',
  ],
  'DRESS-CN': [
    '尺码偏小，太小了',
    '尺码太小，穿不上',
    '太小了，尺码不对',
    '尺码偏小，退货',
    '比平时尺码太小',
    '衣服太小了',
  ],
  'SHOE-JP': [
    'サイズが小さいです',
    'サイズが小さい、返品します',
    '思ったよりサイズが小さい',
    'サイズが小さかったので交換',
    '色が違う',
    '写真と色が違う',
    '色が違うので返品',
    'サイズが小さいし色が違う',
  ],
  'MUG-DE': [
    'Der Henkel ist abgebrochen',
    'Henkel abgebrochen, schade',
    'Nach einer Woche Henkel abgebrochen',
    'Henkel abgebrochen beim Spülen',
    'Leider ist der Henkel abgebrochen',
  ],
  'LAMP-00': [],
};

function seller(): { comments: Comment[]; plantedIds: Map<string, number[]> } {
  const comments: Comment[] = [];
  const plantedIds = new Map<string, number[]>();
  let id = 1;
  for (const [sku, complaints] of Object.entries(planted)) {
    for (const text of background) comments.push({ id: id++, sku, text });
    const ids: number[] = [];
    for (const text of complaints) {
      ids.push(id);
      comments.push({ id: id++, sku, text });
    }
    plantedIds.set(sku, ids);
  }
  return { comments, plantedIds };
}

/** The ids of the planted comments of `sku` whose text passes `has`. */
function idsWhere(sku: string, has: (text: string) => boolean): number[] {
  const { comments, plantedIds } = seller();
  const ids = new Set(plantedIds.get(sku));
  return comments.filter((comment) => ids.has(comment.id) && has(comment.text)).map((comment) => comment.id);
}

function termsOf(result: Map<string, SkuTerm[]>, sku: string): string[] {
  return (result.get(sku) ?? []).map((term) => term.term);
}

function term(result: Map<string, SkuTerm[]>, sku: string, text: string): SkuTerm | undefined {
  return result.get(sku)?.find((candidate) => candidate.term === text);
}

describe('distinctiveTerms', () => {
  const { comments, plantedIds } = seller();
  const result = distinctiveTerms(comments);

  it('finds the planted English terms, with exactly the comments behind them', () => {
    expect(termsOf(result, 'BAG-01')).toEqual(['zipper', 'zipper broke']);
    expect(term(result, 'BAG-01', 'zipper')).toMatchObject({ comments: 8, otherComments: 0, commentIds: plantedIds.get('BAG-01') });
    expect(term(result, 'BAG-01', 'zipper broke')?.commentIds).toEqual(idsWhere('BAG-01', (text) => /broke/i.test(text)));
  });

  it('finds the planted Chinese terms through word segmentation', () => {
    const terms = termsOf(result, 'DRESS-CN');
    expect(terms).toContain('尺码');
    expect(terms).toContain('太小');
    expect(term(result, 'DRESS-CN', '尺码')?.commentIds).toEqual(idsWhere('DRESS-CN', (text) => text.includes('尺码')));
    expect(term(result, 'DRESS-CN', '太小')?.commentIds).toEqual(idsWhere('DRESS-CN', (text) => text.includes('太小')));
    // 尺 and 码 alone stand on the same comments as 尺码, so only the bigram shows.
    expect(terms).not.toContain('尺');
    expect(terms).not.toContain('码');
  });

  it('finds the planted Japanese terms through word segmentation', () => {
    expect(termsOf(result, 'SHOE-JP').slice(0, 4).sort()).toEqual(['サイズ', '小さい', '色', '違う'].sort());
    expect(term(result, 'SHOE-JP', 'サイズ')?.commentIds).toEqual(idsWhere('SHOE-JP', (text) => text.includes('サイズ')));
    expect(term(result, 'SHOE-JP', '違う')?.commentIds).toEqual(idsWhere('SHOE-JP', (text) => text.includes('違う')));
    expect(term(result, 'SHOE-JP', 'が')).toBeUndefined();
  });

  it('finds the planted German terms', () => {
    expect(termsOf(result, 'MUG-DE').slice(0, 2).sort()).toEqual(['abgebrochen', 'henkel']);
    expect(term(result, 'MUG-DE', 'henkel')?.commentIds).toEqual(plantedIds.get('MUG-DE'));
    expect(term(result, 'MUG-DE', 'henkel abgebrochen')?.commentIds).toEqual(idsWhere('MUG-DE', (text) => text.includes('Henkel abgebrochen')));
  });

  it('shows only terms behind planted comments, never the background shared by every SKU', () => {
    expect([...result.keys()]).toEqual(['BAG-01', 'DRESS-CN', 'MUG-DE', 'SHOE-JP']);
    for (const [sku, terms] of result) {
      const ids = new Set(plantedIds.get(sku));
      for (const { commentIds } of terms) for (const id of commentIds) expect(ids.has(id)).toBe(true);
    }
  });

  it('keeps the thresholds and orders by z, then term', () => {
    for (const terms of result.values()) {
      expect(terms.length).toBeLessThanOrEqual(10);
      for (const [index, { comments: count, commentIds, z, term: text }] of terms.entries()) {
        expect(count).toBeGreaterThanOrEqual(2);
        expect(commentIds).toHaveLength(count);
        expect(z).toBeGreaterThanOrEqual(1.959964);
        const next = terms[index + 1];
        if (next !== undefined) expect(z > next.z || (z === next.z && text < next.term)).toBe(true);
      }
    }
    expect(distinctiveTerms(comments, { maxTerms: 1 }).get('BAG-01')).toEqual(result.get('BAG-01')?.slice(0, 1));
  });

  it('does not depend on the order of the comments', () => {
    const shuffled = [...comments].reverse().sort((a, b) => (a.id % 7) - (b.id % 7));
    expect(JSON.stringify([...distinctiveTerms(shuffled)])).toEqual(JSON.stringify([...result]));
  });

  it('is unmoved by blank, punctuation-only and emoji-only comments', () => {
    const noise = ['', '   ', '!!!', '😀👍', '。。。'].map((text, index) => ({ id: 1000 + index, sku: 'BAG-01', text }));
    expect(JSON.stringify([...distinctiveTerms([...comments, ...noise])])).toEqual(JSON.stringify([...result]));
  });
});

describe('distinctiveTerms scoring', () => {
  it('computes the weighted log-odds z of Monroe et al. with the corpus as prior', () => {
    const comments = [
      { id: 1, sku: 'A', text: 'zipper' }, { id: 2, sku: 'A', text: 'zipper' }, { id: 3, sku: 'A', text: 'nice' },
      { id: 4, sku: 'B', text: 'nice' }, { id: 5, sku: 'B', text: 'nice' }, { id: 6, sku: 'B', text: 'zipper' },
    ];
    // n_A = n_B = 3, corpus 6 with 2 distinct terms: alpha0 = 2, alpha_zipper = 2 · 3/6 = 1.
    // delta = ln((2 + 1) / (3 + 2 − 2 − 1)) − ln((1 + 1) / (3 + 2 − 1 − 1)) = 2 ln 1.5; var = 1/3 + 1/2.
    const z = (2 * Math.log(1.5)) / Math.sqrt(1 / 3 + 1 / 2);
    const result = distinctiveTerms(comments, { minZ: 0 });
    expect(result.get('A')).toEqual([{ term: 'zipper', comments: 2, otherComments: 1, z: expect.closeTo(z, 12), commentIds: [1, 2] }]);
    expect(result.get('B')).toEqual([{ term: 'nice', comments: 2, otherComments: 1, z: expect.closeTo(z, 12), commentIds: [4, 5] }]);
    expect(z).toBeCloseTo(0.88833, 5);
  });

  it('counts a comment once however often it repeats a term', () => {
    const comments = [
      { id: 1, sku: 'A', text: 'zipper zipper zipper zipper zipper' }, { id: 2, sku: 'A', text: 'zipper' },
      { id: 3, sku: 'B', text: 'nice' }, { id: 4, sku: 'B', text: 'nice' },
    ];
    expect(distinctiveTerms(comments, { minZ: -Infinity }).get('A')).toEqual([expect.objectContaining({ term: 'zipper', comments: 2, commentIds: [1, 2] })]);
  });

  it('finds nothing for a SKU with a single comment under minComments 2', () => {
    const { comments } = seller();
    const single = [...comments, { id: 999, sku: 'SOLO-1', text: 'Strap snapped, strap snapped' }];
    expect(distinctiveTerms(single, { minZ: -Infinity }).has('SOLO-1')).toBe(false);
    expect(termsOf(distinctiveTerms(single, { minZ: -Infinity, minComments: 1 }), 'SOLO-1')).toContain('strap snapped');
  });

  it('sets nothing apart for a seller with one SKU', () => {
    const comments = [...planted['BAG-01']!, ...background].map((text, index) => ({ id: index + 1, sku: 'BAG-01', text }));
    expect(distinctiveTerms(comments).size).toBe(0);
    for (const { z } of distinctiveTerms(comments, { minZ: -Infinity }).get('BAG-01') ?? []) expect(z).toBeCloseTo(0, 9);
  });

  it('gives an empty map for no comments or only blank ones', () => {
    expect(distinctiveTerms([])).toEqual(new Map());
    const blank = ['', ' ', '!!!', '😀', '……'].map((text, index) => ({ id: index, sku: index % 2 === 0 ? 'A' : 'B', text }));
    expect(distinctiveTerms(blank, { minZ: -Infinity, minComments: 1 })).toEqual(new Map());
  });

  it('rejects options that cannot be met', () => {
    expect(() => distinctiveTerms([], { minComments: 0 })).toThrow(RangeError);
    expect(() => distinctiveTerms([], { maxTerms: 1.5 })).toThrow(RangeError);
    expect(() => distinctiveTerms([], { minZ: Number.NaN })).toThrow(RangeError);
  });
});

describe('distinctiveTerms with a focus', () => {
  it('sets each focus SKU against the background only, never against the other focus SKUs', () => {
    const zipper = (id: number, sku: string) => ({ id, sku, text: 'zipper broke after a week' });
    const plain = (id: number, sku: string, text: string) => ({ id, sku, text });
    const background = Array.from({ length: 40 }, (_, i) => plain(100 + i, `OTHER-${i % 8}`, ['fits well', 'nice colour', 'arrived late', 'gift idea'][i % 4]!));
    const comments = [...[1, 2, 3, 4, 5, 6].map((id) => zipper(id, 'BAG')), ...[11, 12, 13, 14, 15, 16].map((id) => zipper(id, 'CASE')),
      plain(7, 'BAG', 'fits well'), plain(17, 'CASE', 'nice colour'), ...background];
    const focused = distinctiveTerms(comments, { focus: new Set(['BAG', 'CASE']) });
    expect([...focused.keys()]).toEqual(['BAG', 'CASE']);
    const focusedZipper = focused.get('BAG')!.find((t) => t.term === 'zipper broke');
    expect(focusedZipper).toMatchObject({ comments: 6, otherComments: 0 });
    // Without the focus, CASE's six zipper comments count against BAG's.
    const plainRun = distinctiveTerms(comments).get('BAG')?.find((t) => t.term === 'zipper broke');
    expect(plainRun?.otherComments ?? 6).toBe(6);
    expect(plainRun?.z ?? 0).toBeLessThan(focusedZipper!.z);
  });
});
