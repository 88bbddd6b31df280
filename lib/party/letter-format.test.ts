import { describe, expect, it } from 'vitest';
import { capitalDate, capitalYearMonth, chineseCount, chineseYear, jdzDate, lastValidDate } from './letter-format';

describe('介绍信 numerals', () => {
  it('writes years digit by digit and counts months and days', () => {
    expect(chineseYear(2026)).toBe('二〇二六');
    expect(chineseYear(2030)).toBe('二〇三〇');
    expect([1, 9, 10, 11, 12, 20, 21, 30, 31].map(chineseCount)).toEqual(['一', '九', '十', '十一', '十二', '二十', '二十一', '三十', '三十一']);
  });

  it('党费交至 in capital numerals', () => {
    expect(capitalYearMonth('2026-12')).toBe('二〇二六年十二月');
    expect(capitalYearMonth('2027-01')).toBe('二〇二七年一月');
    expect(capitalYearMonth('2026-13')).toBeNull();
    expect(capitalYearMonth(null)).toBeNull();
  });

  it('dates in capital numerals', () => {
    expect(capitalDate('2026-12-04')).toBe('二〇二六年十二月四日');
    expect(capitalDate('2027-01-31')).toBe('二〇二七年一月三十一日');
    expect(capitalDate('2027-02-30x')).toBeNull();
  });

  it('local dates and the last valid day (expiry at the midnight that ends it)', () => {
    expect(jdzDate('2026-12-03T16:30:00.000Z')).toBe('2026-12-04');
    // Issued 2026-12-04 with 30 days: expires 2027-01-04 00:00 Jingdezhen time, valid through 2027-01-03.
    expect(lastValidDate('2027-01-03T16:00:00.000Z')).toBe('2027-01-03');
  });
});
