import { describe, expect, it } from 'vitest';
import { JUDGEMENTS, PARITY_PAIRS } from './judgements';
import { mean, mrrAt, ndcgAt, recallAt, sameTop } from './relevance';

describe('relevance metrics', () => {
  const grades = { a: 2, b: 1, c: 0 } as const;
  it('recall counts grade ≥ 1 within k', () => {
    expect(recallAt(['a', 'x', 'b'], grades, 2)).toBe(0.5);
    expect(recallAt(['a', 'x', 'b'], grades, 3)).toBe(1);
    expect(recallAt([], {}, 20)).toBe(1);
  });
  it('nDCG is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAt(['a', 'b'], grades, 10)).toBeCloseTo(1);
    const swapped = ndcgAt(['b', 'a'], grades, 10);
    expect(swapped).toBeLessThan(1);
    expect(swapped).toBeCloseTo((1 / 1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    expect(ndcgAt(['x'], grades, 10)).toBe(0);
  });
  it('MRR is the reciprocal rank of the first relevant result', () => {
    expect(mrrAt(['x', 'b', 'a'], grades, 10)).toBe(0.5);
    expect(mrrAt(['x'], grades, 10)).toBe(0);
  });
  it('compares tops and averages', () => {
    expect(sameTop(['a', 'b', 'c'], ['a', 'b', 'd'], 2)).toBe(true);
    expect(sameTop(['a', 'b'], ['b', 'a'], 2)).toBe(false);
    expect(mean([1, 0])).toBe(0.5);
  });
});

describe('the judged query set', () => {
  it('has at least 60 queries over every class, graded 0/1/2, with unique ids', () => {
    expect(JUDGEMENTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(JUDGEMENTS.map((j) => j.id)).size).toBe(JUDGEMENTS.length);
    expect(new Set(JUDGEMENTS.map((j) => j.class))).toEqual(new Set(['exact', 'subword', 'multiword', 'traditional', 'pinyin', 'latin', 'typo', 'filtered', 'none']));
    for (const j of JUDGEMENTS) {
      for (const g of Object.values(j.grades)) expect([0, 1, 2]).toContain(g);
      expect(j.class === 'none' ? Object.keys(j.grades).length === 0 : Object.values(j.grades).some((g) => g > 0)).toBe(true);
    }
    expect(PARITY_PAIRS.length).toBeGreaterThanOrEqual(8);
  });
});
