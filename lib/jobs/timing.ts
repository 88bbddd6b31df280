/**
 * Pure timing rules of the job queue (no Next, no database): retry backoff and recurring schedules. Times are
 * plain Dates from the business clock (lib/clock), so the test clock moves them.
 */

export interface BackoffOptions {
  /** Delay before the first retry (default 10 s). */
  baseMs?: number;
  /** Upper bound of any delay (default 1 h). */
  maxMs?: number;
}

/**
 * Exponential backoff with deterministic jitter: attempt n (1 = the run that just failed) waits
 * base × 2^(n−1), capped at max, spread by ±20 % by a hash of the job id so that jobs failing together do not
 * retry together (and a given job always gets the same delays, which keeps tests exact).
 */
export function retryDelayMs(attempt: number, jobId: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 10_000;
  const max = opts.maxMs ?? 3_600_000;
  const n = Math.max(1, Math.floor(attempt));
  const raw = Math.min(max, base * 2 ** Math.min(n - 1, 30));
  const spread = (hash32(`${jobId}:${n}`) / 0xffffffff) * 0.4 - 0.2; // −20 % … +20 %
  return Math.max(0, Math.min(max, Math.round(raw * (1 + spread))));
}

/** FNV-1a, 32 bits. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A recurring schedule. `daily` runs at HH:MM Jingdezhen time (UTC+8 all year, ADR 004); `every` runs at fixed
 * multiples of a period counted from the Unix epoch (so every worker computes the same instants).
 */
export type Schedule = { daily: string } | { everyMs: number };

const JDZ_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export function parseDaily(at: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!m) throw new Error(`daily schedule must be HH:MM (00:00–23:59), got "${at}"`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/** The first instant of the schedule strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const t = after.getTime();
  if ('everyMs' in schedule) {
    const p = schedule.everyMs;
    if (!Number.isFinite(p) || p < 1000) throw new Error(`everyMs must be at least 1000, got ${p}`);
    return new Date((Math.floor(t / p) + 1) * p);
  }
  const minuteOfDay = parseDaily(schedule.daily);
  const localMidnight = Math.floor((t + JDZ_OFFSET_MS) / DAY_MS) * DAY_MS - JDZ_OFFSET_MS;
  const today = localMidnight + minuteOfDay;
  return new Date(today > t ? today : today + DAY_MS);
}
