import { describe, expect, it } from 'vitest';
import { ageOn, formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { fromDays, lastTrue, prefilterModeFor, toDays } from './prefilter';

describe('calendar helpers', () => {
  it('round-trips epoch days across leap years and centuries', () => {
    for (const s of ['0001-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2024-02-29', '2026-06-01', '9999-12-31']) {
      const d = parseIsoDate(s)!;
      expect(formatYmd(fromDays(toDays(d)))).toBe(s);
    }
    expect(toDays({ y: 1970, m: 1, d: 1 })).toBe(0);
    expect(toDays({ y: 2000, m: 3, d: 1 }) - toDays({ y: 2000, m: 2, d: 28 })).toBe(2);
  });

  it('finds the last birth date of an 18-year-old with the evaluator’s 29 February rule', () => {
    const at = (on: string) => {
      const d = parseIsoDate(on)!;
      const last = lastTrue((b) => ageOn(b, d) >= 18);
      return typeof last === 'number' ? formatYmd(fromDays(last)) : last;
    };
    expect(at('2026-06-01')).toBe('2008-06-01');
    // Born 2008-02-29: 18 only on 1 March 2026 (common year).
    expect(at('2026-02-28')).toBe('2008-02-28');
    expect(at('2026-03-01')).toBe('2008-03-01');
    expect(at('2024-02-29')).toBe('2006-02-28');
  });
});

describe('prefilterModeFor', () => {
  it('picks the narrowest mode covering the requested statuses', () => {
    expect(prefilterModeFor(['ELIGIBLE'])).toBe('met');
    expect(prefilterModeFor(['ELIGIBLE', 'NEEDS_INFO'])).toBe('strict');
    expect(prefilterModeFor(['NEEDS_REVIEW'])).toBe('strict');
    expect(prefilterModeFor(['ELIGIBLE', 'NEAR_MISS'])).toBe('relaxed');
  });
});
