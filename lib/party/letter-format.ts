/**
 * How a 介绍信 writes numbers (domain-party.md §1.3): 党费交至 year and month in capital Chinese numerals
 * (二〇二六年十二月), dates in the same style. Pure: the letter page and its tests share it.
 */

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 2026 → 二〇二六 (a year is read digit by digit). */
export function chineseYear(year: number): string {
  return String(year)
    .split('')
    .map((d) => DIGITS[Number(d)]!)
    .join('');
}

/** 1..99 as counted: 4 → 四, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseCount: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 'YYYY-MM' → 二〇二六年十二月; null for anything else. */
export function capitalYearMonth(ym: string | null | undefined): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(ym ?? '');
  if (!m) return null;
  return `${chineseYear(Number(m[1]))}年${chineseCount(Number(m[2]))}月`;
}

/** 'YYYY-MM-DD' → 二〇二六年十二月四日; null for anything else. */
export function capitalDate(ymd: string | null | undefined): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(ymd ?? '');
  if (!m) return null;
  return `${chineseYear(Number(m[1]))}年${chineseCount(Number(m[2]))}月${chineseCount(Number(m[3]))}日`;
}

/** The Jingdezhen calendar date (YYYY-MM-DD) of an instant given as ISO text. */
export function jdzDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last valid day of a letter: it expires at the local midnight that ends that day (transfer-machine letterExpiresAt). */
export function lastValidDate(expiresAtIso: string): string {
  return jdzDate(new Date(Date.parse(expiresAtIso) - 1).toISOString());
}
