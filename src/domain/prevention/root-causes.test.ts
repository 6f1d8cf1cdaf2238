import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { reasonCategories } from '../reasons.js';
import { dominantCause, rootCauseFor, rootCauses } from './root-causes.js';
import type { Text } from './root-causes.js';

const cjk = /[\u4e00-\u9fff]/;
const fixableRank = { listing: 0, product: 1, packaging: 2, logistics: 3, none: 4 } as const;

describe('rootCauses', () => {
  it('maps every reason category to exactly one cause', () => {
    for (const category of reasonCategories) {
      const owners = rootCauses.filter((c) => c.reasonCategories.includes(category));
      expect(owners, category).toHaveLength(1);
      expect(rootCauseFor(category)).toBe(owners[0]);
    }
    expect(rootCauses.flatMap((c) => c.reasonCategories)).toHaveLength(reasonCategories.length);
  });

  it('has unique cause ids and unique fix ids, and every cause has a fix', () => {
    const causeIds = rootCauses.map((c) => c.id);
    expect(new Set(causeIds).size).toBe(causeIds.length);
    const fixIds = rootCauses.flatMap((c) => c.fixes.map((f) => f.id));
    expect(new Set(fixIds).size).toBe(fixIds.length);
    for (const c of rootCauses) expect(c.fixes.length, c.id).toBeGreaterThan(0);
  });

  it('gives every text in English and Chinese', () => {
    const texts: [string, Text][] = rootCauses.flatMap((c) => [
      [c.id, c.title] as [string, Text],
      ...c.fixes.flatMap((f) => [[`${f.id}.title`, f.title], [`${f.id}.detail`, f.detail]] as [string, Text][]),
    ]);
    for (const [where, text] of texts) {
      expect(text.en.trim(), where).not.toBe('');
      expect(text.en, where).not.toMatch(cjk);
      expect(text.zh, where).toMatch(cjk);
    }
  });

  it('lists causes in tie order: listing, product, packaging, logistics, none, and unknown last', () => {
    const ranks = rootCauses.map((c) => fixableRank[c.fixable]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rootCauses.at(-1)?.id).toBe('unknown');
  });

  it('puts the article\'s fixes where they belong and keeps Amazon\'s faults off the listing', () => {
    const fixIds = (category: Parameters<typeof rootCauseFor>[0]) => rootCauseFor(category).fixes.map((f) => f.id);
    expect(fixIds('size_fit')[0]).toBe('size_chart');
    expect(fixIds('not_as_described')).toEqual(expect.arrayContaining(['multi_angle_media', 'material_dimensions']));
    expect(fixIds('compatibility')[0]).toBe('compatibility_list');
    expect(fixIds('defective_quality')[0]).toBe('factory_inspection');
    expect(fixIds('damaged_in_transit')[0]).toBe('crush_proof_packaging');
    expect(fixIds('changed_mind')).toContain('faq_presale');
    expect(rootCauseFor('ordered_wrong_item')).toBe(rootCauseFor('changed_mind'));
    expect(fixIds('better_price')[0]).toBe('price_monitoring');
    expect(fixIds('damaged_in_warehouse')).toEqual(['warehouse_damage_claim']);
    for (const category of ['damaged_in_warehouse', 'late_delivery', 'unauthorized_purchase', 'undeliverable'] as const) {
      expect(['none', 'logistics'], category).toContain(rootCauseFor(category).fixable);
    }
    expect(fixIds('other')[0]).toBe('read_return_comments');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(rootCauses)).toBe(true);
    expect(Object.isFrozen(rootCauses[0])).toBe(true);
    expect(Object.isFrozen(rootCauses[0]?.fixes[0]?.detail)).toBe(true);
  });
});

describe('dominantCause', () => {
  it('picks a planted majority', () => {
    const { dominant, all } = dominantCause({ not_as_described: 18, size_fit: 3 });
    expect(dominant?.cause.id).toBe('description_accuracy');
    expect(dominant?.units).toBe(18);
    expect(dominant?.share).toBeCloseTo(18 / 21, 12);
    expect(all.map((s) => [s.cause.id, s.units])).toEqual([['description_accuracy', 18], ['fit_information', 3]]);
  });

  it('adds up the categories of one cause', () => {
    // 6 + 5 buyer-choice units beat 9 size units, though each category alone does not.
    const { dominant, all } = dominantCause({ size_fit: 9, changed_mind: 6, ordered_wrong_item: 5 });
    expect(dominant?.cause.id).toBe('buyer_choice');
    expect(dominant?.units).toBe(11);
    expect(all).toHaveLength(2);
  });

  it('counts unmapped and other reasons as the unknown cause', () => {
    const { dominant } = dominantCause({ unmapped: 4, other: 3, defective_quality: 5 });
    expect(dominant?.cause.id).toBe('unknown');
    expect(dominant?.units).toBe(7);
    expect(dominant?.cause.fixes[0]?.id).toBe('read_return_comments');
    expect(dominantCause({ SOMETHING_NEW: 2 }).dominant?.cause.id).toBe('unknown');
  });

  it('lets a cause the seller cannot prevent be dominant: the truth, with an honest fix', () => {
    const { dominant } = dominantCause({ damaged_in_warehouse: 10, size_fit: 2 });
    expect(dominant?.cause).toMatchObject({ id: 'amazon_warehouse_damage', fixable: 'none' });
  });

  it('is null with no units', () => {
    expect(dominantCause({})).toEqual({ dominant: null, all: [] });
    expect(dominantCause({ size_fit: 0, unmapped: 0 })).toEqual({ dominant: null, all: [] });
  });

  it('breaks ties by the fixed order, whatever the key order', () => {
    const a = dominantCause({ undeliverable: 4, damaged_in_warehouse: 4, unmapped: 4, defective_quality: 4, size_fit: 4 });
    const b = dominantCause({ size_fit: 4, defective_quality: 4, unmapped: 4, damaged_in_warehouse: 4, undeliverable: 4 });
    const ids = ['fit_information', 'product_quality', 'delivery_failure', 'amazon_warehouse_damage', 'unknown'];
    expect(a.all.map((s) => s.cause.id)).toEqual(ids);
    expect(b.all.map((s) => s.cause.id)).toEqual(ids);
    expect(dominantCause({ damaged_in_warehouse: 3, damaged_in_transit: 3 }).dominant?.cause.id).toBe('transit_damage');
  });

  it('gives shares that sum to 1', () => {
    const byReason = Object.fromEntries(reasonCategories.map((c, i) => [c, i + 1]));
    const { all } = dominantCause({ ...byReason, unmapped: 7 });
    expect(all.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
    expect(all.reduce((sum, s) => sum + s.units, 0)).toBe(120 + 7);
    expect(all).toHaveLength(rootCauses.length);
  });

  it('refuses a negative or non-finite count', () => {
    expect(() => dominantCause({ size_fit: -1 })).toThrow(DomainError);
    expect(() => dominantCause({ size_fit: Number.NaN })).toThrow(DomainError);
  });
});
