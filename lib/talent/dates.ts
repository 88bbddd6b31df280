/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), with no time zone involved: birthdays, full months and full years
 * are calendar facts, not durations. Pure.
 */
export interface Ymd {
  y: number;
  m: number; // 1-12
  d: number; // 1-31
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month m (1-12) of year y, by arithmetic (the matchers call this for every date of every candidate). */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!;
}

/** The value of the `len` ASCII digits of s from i, or -1 if one is not a digit. */
function digits(s: string, i: number, len: number): number {
  let n = 0;
  for (let k = i; k < i + len; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** YYYY-MM-DD (exactly) → Ymd, null if malformed or not a calendar day. Hand-parsed: it runs per date per candidate. */
export function parseIsoDate(s: string): Ymd | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Adds (or with a negative n subtracts) calendar days. */
export function addDays(date: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Adds whole months; a day that does not exist in the target month is clamped to its last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: Ymd, months: number): Ymd {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/**
 * Full calendar months from `start` to `end` (0 when end is before start + 1 month).
 * A month is complete when the same day-of-month is reached, or the month's last day if that day does not exist.
 */
export function fullMonthsBetween(start: Ymd, end: Ymd): number {
  if (compareYmd(end, start) < 0) return 0;
  let months = (end.y - start.y) * 12 + (end.m - start.m);
  if (compareYmd(addMonths(start, months), end) > 0) months -= 1;
  return Math.max(0, months);
}

/**
 * Age in full years (周岁) on `on`. Someone born on 29 February turns a year older on 1 March in common years
 * (the anniversary does not exist before then).
 */
export function ageOn(birth: Ymd, on: Ymd): number {
  let age = on.y - birth.y;
  const leapBirthday = birth.m === 2 && birth.d === 29;
  const birthdayThisYear: Ymd = leapBirthday && daysInMonth(on.y, 2) === 28 ? { y: on.y, m: 3, d: 1 } : { y: on.y, m: birth.m, d: birth.d };
  if (compareYmd(on, birthdayThisYear) < 0) age -= 1;
  return Math.max(0, age);
}

export function fullYearsBetween(start: Ymd, end: Ymd): number {
  return Math.floor(fullMonthsBetween(start, end) / 12);
}
