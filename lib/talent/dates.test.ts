import { describe, expect, it } from 'vitest';
import { daysInMonth, formatYmd, parseIsoDate } from './dates';

/** The reference the hand-written versions replaced: the Date object's calendar. */
const refDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function refParse(s: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > refDays(y, m)) return null;
  return { y, m, d };
}

describe('calendar primitives agree with the Date object', () => {
  it('daysInMonth for every month of 1600–2400 and out-of-range months', () => {
    for (let y = 1600; y <= 2400; y++) for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(refDays(y, m));
    for (const m of [0, 13, -1, 24]) expect(daysInMonth(2024, m)).toBe(refDays(2024, m));
  });

  it('parseIsoDate round-trips every day of 1896–2104 and rejects day 0, day 32 and the 30th of February', () => {
    for (let y = 1896; y <= 2104; y++)
      for (let m = 1; m <= 12; m++)
        for (let d = 0; d <= 32; d++) {
          const s = formatYmd({ y, m, d });
          expect(parseIsoDate(s)).toEqual(refParse(s));
        }
  });

  it('rejects malformed strings exactly as the regular expression did', () => {
    for (const s of ['', '2024-1-01', '2024-01-1', '2024/01/01', '20240101', ' 2024-01-01', '2024-01-01 ', '2024-01-01T00:00', 'abcd-ef-gh', '2024-00-10', '2024-13-10', '0000-01-01', '2024-0a-01', '２０２４-01-01'])
      expect(parseIsoDate(s)).toEqual(refParse(s));
    expect(parseIsoDate(undefined as unknown as string)).toBeNull();
  });
});
