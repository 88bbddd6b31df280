import { describe, expect, it } from 'vitest';
import { nextOccurrence, parseDaily, retryDelayMs } from './timing';

describe('retryDelayMs', () => {
  it('doubles per attempt within ±20 % and never exceeds the cap', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const raw = Math.min(3_600_000, 10_000 * 2 ** (attempt - 1));
      for (const id of [1, 2, 99, 123456]) {
        const d = retryDelayMs(attempt, id);
        expect(d).toBeGreaterThanOrEqual(Math.floor(raw * 0.8));
        expect(d).toBeLessThanOrEqual(3_600_000);
        if (raw < 3_600_000 / 1.2) expect(d).toBeLessThanOrEqual(Math.ceil(raw * 1.2));
      }
    }
  });

  it('is deterministic per job and attempt, and spreads jobs failing together', () => {
    expect(retryDelayMs(3, 42)).toBe(retryDelayMs(3, 42));
    const delays = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(1, i + 1)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('honours base and max, and treats attempt < 1 as the first', () => {
    expect(retryDelayMs(1, 7, { baseMs: 1000, maxMs: 1000 })).toBeLessThanOrEqual(1000);
    expect(retryDelayMs(0, 7)).toBe(retryDelayMs(1, 7));
    expect(retryDelayMs(500, 7, { baseMs: 1000, maxMs: 60_000 })).toBeLessThanOrEqual(60_000);
  });
});

describe('nextOccurrence', () => {
  it('daily at 03:30 Jingdezhen time is 19:30 UTC of the day before', () => {
    expect(nextOccurrence({ daily: '03:30' }, new Date('2026-12-04T05:00:00Z')).toISOString()).toBe('2026-12-04T19:30:00.000Z');
    expect(nextOccurrence({ daily: '03:30' }, new Date('2026-12-04T19:29:59.999Z')).toISOString()).toBe('2026-12-04T19:30:00.000Z');
  });

  it('is strictly after: at the instant itself it is the next day', () => {
    expect(nextOccurrence({ daily: '03:30' }, new Date('2026-12-04T19:30:00Z')).toISOString()).toBe('2026-12-05T19:30:00.000Z');
  });

  it('handles local midnight and the end of the day', () => {
    expect(nextOccurrence({ daily: '00:00' }, new Date('2026-12-31T15:59:00Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(nextOccurrence({ daily: '23:59' }, new Date('2026-12-31T16:00:00Z')).toISOString()).toBe('2027-01-01T15:59:00.000Z');
  });

  it('every N ms falls on multiples of N from the epoch, the same on every worker', () => {
    expect(nextOccurrence({ everyMs: 60_000 }, new Date('2026-12-04T05:00:30Z')).toISOString()).toBe('2026-12-04T05:01:00.000Z');
    expect(nextOccurrence({ everyMs: 60_000 }, new Date('2026-12-04T05:01:00Z')).toISOString()).toBe('2026-12-04T05:02:00.000Z');
  });

  it('refuses malformed schedules', () => {
    expect(() => parseDaily('24:00')).toThrow(/HH:MM/);
    expect(() => parseDaily('3:30')).toThrow(/HH:MM/);
    expect(() => nextOccurrence({ everyMs: 10 }, new Date())).toThrow(/at least 1000/);
  });
});
