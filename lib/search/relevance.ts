/**
 * Relevance metrics over a judged query set (booking-and-search.md R4): graded judgements 0/1/2, a grade ≥ 1 counts
 * as relevant. Pure functions, used by the search bench (scripts/bench/search-run.ts) and tested beside.
 */
export type Grades = Readonly<Record<string, 0 | 1 | 2>>;

const relevantIds = (g: Grades) => Object.keys(g).filter((id) => (g[id] ?? 0) > 0);

/** Share of the relevant documents found in the first k results (1 when nothing is relevant). */
export function recallAt(ranked: readonly string[], grades: Grades, k: number): number {
  const rel = relevantIds(grades);
  if (!rel.length) return 1;
  const top = new Set(ranked.slice(0, k));
  return rel.filter((id) => top.has(id)).length / rel.length;
}

/** nDCG@k with gains 2^grade − 1 and log2 discounts (1 when nothing is relevant). */
export function ndcgAt(ranked: readonly string[], grades: Grades, k: number): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(grades[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = (Object.values(grades) as number[])
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 1 : dcg / ideal;
}

/** Reciprocal rank of the first relevant result within k (0 when none; 1 when nothing is relevant). */
export function mrrAt(ranked: readonly string[], grades: Grades, k: number): number {
  if (!relevantIds(grades).length) return 1;
  const i = ranked.slice(0, k).findIndex((id) => (grades[id] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Same ids in the same order in the first k. */
export const sameTop = (a: readonly string[], b: readonly string[], k: number) => JSON.stringify(a.slice(0, k)) === JSON.stringify(b.slice(0, k));

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
