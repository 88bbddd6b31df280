/**
 * `explain: false` (the 工作台's policies card, issue 13 §4) must decide exactly what `explain: true` decides: only the
 * per-criterion sentences may differ. Checked on the golden profiles and on several evaluation dates.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, EXCLUSION_GROUPS } from './catalogue';
import { evaluateAll } from './evaluate';
import * as golden from './golden-profiles';

const withoutSentences = (rs: ReturnType<typeof evaluateAll>) => rs.map((r) => ({ ...r, criteria: r.criteria.map((c) => ({ id: c.id, result: c.result })) }));

describe('evaluateAll explain: false', () => {
  const profiles = Object.entries(golden).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v));
  it.each(profiles.map(([name]) => name))('%s: same statuses, missing fields, near misses, dates and amounts', (name) => {
    const profile = (golden as Record<string, object>)[name]!;
    for (const on of ['2026-01-15', '2026-06-01', '2026-12-04']) {
      const full = evaluateAll(profile, CATALOGUE, EXCLUSION_GROUPS, on);
      const lean = evaluateAll(profile, CATALOGUE, EXCLUSION_GROUPS, on, { explain: false });
      expect(withoutSentences(lean)).toEqual(withoutSentences(full));
    }
  });
  it('covers at least three profiles', () => expect(profiles.length).toBeGreaterThanOrEqual(3));
});
