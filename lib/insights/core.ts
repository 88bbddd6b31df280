/**
 * Zone staff dashboard — pure aggregation core (no Next, no db imports).
 * Every function takes plain rows and returns chart-ready series; lib/policies/dashboard.ts loads the rows for one
 * zone and period and calls these.
 *
 * Calendar: periods are inclusive ranges of calendar days in Jingdezhen (Asia/Shanghai, UTC+8 all year, no DST);
 * days, weeks and months are cut at local midnight, never at UTC midnight.
 */

export type Day = string; // 'YYYY-MM-DD', a calendar day in Jingdezhen
export type Month = string; // 'YYYY-MM'

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === value;
}

/** The Jingdezhen calendar day of an instant. */
export function localDay(at: Date): Day {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Jingdezhen month of an instant. */
export function localMonth(at: Date): Month {
  return localDay(at).slice(0, 7);
}

/** Days as UTC-midnight numbers (only for calendar arithmetic). */
const dayNumber = (day: Day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number): Day => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(day: Day, n: number): Day {
  return fromDayNumber(dayNumber(day) + n);
}

/** Number of days from `from` to `to`, both included. */
export function daysInPeriod(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Local midnight at the start of `day`, as an instant. */
export function dayStart(day: Day): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** [start, end) instants of the period: local midnight of `from` to local midnight after `to`. */
export function periodBounds(from: Day, to: Day): { start: Date; end: Date } {
  return { start: dayStart(from), end: dayStart(addDays(to, 1)) };
}

/** Five years, leap days included. */
export const MAX_PERIOD_DAYS = 1826;

export type PeriodError = 'FROM_INVALID' | 'TO_INVALID' | 'FROM_AFTER_TO' | 'TOO_LONG';

export const PERIOD_PRESETS = ['30d', '90d', 'ytd'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** 近30天 / 近90天 (today included) / 今年 (1 January to today), in Jingdezhen days. */
export function presetPeriod(preset: PeriodPreset, now: Date): { from: Day; to: Day } {
  const to = localDay(now);
  if (preset === 'ytd') return { from: `${to.slice(0, 4)}-01-01`, to };
  return { from: addDays(to, preset === '30d' ? -29 : -89), to };
}

export function defaultPeriod(now: Date): { from: Day; to: Day } {
  return presetPeriod('90d', now);
}

export function validatePeriod(from: string, to: string): { ok: true; from: Day; to: Day } | { ok: false; error: PeriodError } {
  if (!isDay(from)) return { ok: false, error: 'FROM_INVALID' };
  if (!isDay(to)) return { ok: false, error: 'TO_INVALID' };
  if (from > to) return { ok: false, error: 'FROM_AFTER_TO' };
  if (daysInPeriod(from, to) > MAX_PERIOD_DAYS) return { ok: false, error: 'TOO_LONG' };
  return { ok: true, from, to };
}

/** Every month the period touches, in order. */
export function monthsOfPeriod(from: Day, to: Day): Month[] {
  const out: Month[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

// --- time buckets ----------------------------------------------------------------------------------------------------

export type BucketUnit = 'day' | 'week' | 'month';

/** Days up to a month, weeks up to half a year, months beyond: a readable number of bars on a phone. */
export function bucketFor(from: Day, to: Day): BucketUnit {
  const n = daysInPeriod(from, to);
  return n <= 31 ? 'day' : n <= 184 ? 'week' : 'month';
}

/** Monday of the (ISO) week holding `day`. */
function mondayOf(day: Day): Day {
  const n = dayNumber(day);
  const dow = (new Date(n * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return fromDayNumber(n - dow);
}

function bucketOfDay(day: Day, unit: BucketUnit): string {
  return unit === 'day' ? day : unit === 'week' ? mondayOf(day) : day.slice(0, 7);
}

/** The bucket of an instant: its local day, the Monday of its week, or its month. */
export function bucketKey(at: Date, unit: BucketUnit): string {
  return bucketOfDay(localDay(at), unit);
}

/** Every bucket of the period, in order (a week or month bucket may start before `from`). */
export function bucketsBetween(from: Day, to: Day, unit: BucketUnit): string[] {
  if (unit === 'month') return monthsOfPeriod(from, to);
  const out: string[] = [];
  const step = unit === 'day' ? 1 : 7;
  for (let d = bucketOfDay(from, unit); d <= to; d = addDays(d, step)) out.push(d);
  return out;
}

export const UNKNOWN_KEY = '';

/**
 * One row per bucket, one column per key (keys sorted by total, descending), counts; rows outside the period are
 * dropped. A null key counts as UNKNOWN_KEY ('').
 */
export function countByBucketAndKey(rows: readonly { at: Date; key: string | null }[], from: Day, to: Day, unit: BucketUnit) {
  const buckets = bucketsBetween(from, to, unit);
  const { start, end } = periodBounds(from, to);
  const counts: Record<string, Record<string, number>> = {};
  for (const b of buckets) counts[b] = {};
  const totals: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    if (r.at < start || r.at >= end) continue;
    const row = counts[bucketKey(r.at, unit)];
    if (!row) continue;
    const k = r.key ?? UNKNOWN_KEY;
    row[k] = (row[k] ?? 0) + 1;
    totals[k] = (totals[k] ?? 0) + 1;
    total++;
  }
  const keys = Object.keys(totals).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b));
  for (const b of buckets) for (const k of keys) counts[b]![k] ??= 0;
  return { unit, buckets, keys, counts, totals, total };
}

// --- verification queue ----------------------------------------------------------------------------------------------

export const AGE_BUCKETS = ['lt3', '3to7', '7to14', 'gt14'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** <3 days, 3–7 days, 7–14 days, ≥14 days (lower bound inclusive). */
export function ageBucket(submittedAt: Date, now: Date): AgeBucket {
  const days = (now.getTime() - submittedAt.getTime()) / DAY_MS;
  if (days < 3) return 'lt3';
  if (days < 7) return '3to7';
  if (days < 14) return '7to14';
  return 'gt14';
}

export function verificationAges(pending: readonly { submittedAt: Date; kind: string }[], now: Date) {
  const buckets: Record<AgeBucket, Record<string, number>> = { lt3: {}, '3to7': {}, '7to14': {}, gt14: {} };
  let oldestDays: number | null = null;
  for (const p of pending) {
    const b = ageBucket(p.submittedAt, now);
    buckets[b][p.kind] = (buckets[b][p.kind] ?? 0) + 1;
    const d = Math.floor((now.getTime() - p.submittedAt.getTime()) / DAY_MS);
    if (oldestDays === null || d > oldestDays) oldestDays = d;
  }
  return { total: pending.length, buckets, oldestDays };
}

// --- applications ----------------------------------------------------------------------------------------------------

export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export function applicationsByPolicy(rows: readonly { policyCode: string; status: ApplicationStatus }[]) {
  const byPolicy = new Map<string, Record<ApplicationStatus, number>>();
  for (const r of rows) {
    let rec = byPolicy.get(r.policyCode);
    if (!rec) {
      rec = { submitted: 0, approved: 0, rejected: 0, withdrawn: 0 };
      byPolicy.set(r.policyCode, rec);
    }
    rec[r.status] += 1;
  }
  return [...byPolicy.entries()]
    .map(([policyCode, counts]) => ({ policyCode, ...counts, total: APPLICATION_STATUSES.reduce((s, k) => s + counts[k], 0) }))
    .sort((a, b) => b.total - a.total || a.policyCode.localeCompare(b.policyCode));
}

// --- money -----------------------------------------------------------------------------------------------------------

/** Decimal string or number → integer fen (分); exact for up to two decimals. */
export function toFen(amount: string | number): bigint {
  const s = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(s);
  if (!m) throw new Error(`not a decimal amount: ${s}`);
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}

export function fenToYuan(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/**
 * Amounts approved per month, by the Jingdezhen month of the decision; decisions outside the period are dropped.
 * Finance benefits (loan / interest ceilings) are never summed as money: they are counted apart; so are benefits with
 * no cash amount (a service, a qualification, something in kind) and cash benefits whose amount is unknown.
 */
export function approvedAmountsPerMonth(rows: readonly { decidedAt: Date; amount: string | number | null; finance: boolean; nonCash?: boolean }[], from: Day, to: Day) {
  const months = monthsOfPeriod(from, to);
  const { start, end } = periodBounds(from, to);
  const acc = new Map<Month, { fen: bigint; approved: number; unknown: number; finance: number; nonCash: number }>();
  for (const m of months) acc.set(m, { fen: 0n, approved: 0, unknown: 0, finance: 0, nonCash: 0 });
  for (const r of rows) {
    if (r.decidedAt < start || r.decidedAt >= end) continue;
    const a = acc.get(localMonth(r.decidedAt));
    if (!a) continue;
    a.approved += 1;
    if (r.finance) a.finance += 1;
    else if (r.nonCash) a.nonCash += 1;
    else if (r.amount === null) a.unknown += 1;
    else a.fen += toFen(r.amount);
  }
  const all = [...acc.values()];
  return {
    months: months.map((m) => {
      const a = acc.get(m)!;
      return { month: m, amount: fenToYuan(a.fen), approved: a.approved, unknownAmount: a.unknown, financeCeilings: a.finance, nonCash: a.nonCash };
    }),
    total: fenToYuan(all.reduce((s, a) => s + a.fen, 0n)),
    approved: all.reduce((s, a) => s + a.approved, 0),
    financeCeilings: all.reduce((s, a) => s + a.finance, 0),
    unknownAmount: all.reduce((s, a) => s + a.unknown, 0),
    nonCash: all.reduce((s, a) => s + a.nonCash, 0),
  };
}

// --- uptake ----------------------------------------------------------------------------------------------------------

export interface UptakeRow {
  policyCode: string;
  /** Distinct talents who applied in the period (withdrawn applications do not count). */
  applied: number;
  /** Talents whose status is ELIGIBLE today. */
  eligibleNow: number;
  /** …of whom have not applied in the period. */
  eligibleNotApplied: number;
  /** applied ÷ (applied + eligibleNotApplied), three decimals; null when nobody applied or is eligible. */
  rate: number | null;
}

/**
 * Uptake per policy in force, streamed talent by talent (memory: the applicant sets plus one counter per policy):
 * each talent's evaluation is added once, whatever the number of policies.
 */
export class UptakeCounter {
  private readonly eligible = new Map<string, { now: number; notApplied: number }>();
  evaluated = 0;
  constructor(
    private readonly codes: readonly string[],
    private readonly applied: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    for (const c of codes) this.eligible.set(c, { now: 0, notApplied: 0 });
  }

  add(talentId: string, results: readonly { policyCode: string; status: string }[]): void {
    this.evaluated++;
    for (const r of results) {
      if (r.status !== 'ELIGIBLE') continue;
      const e = this.eligible.get(r.policyCode);
      if (!e) continue;
      e.now++;
      if (!this.applied.get(r.policyCode)?.has(talentId)) e.notApplied++;
    }
  }

  rows(): UptakeRow[] {
    return this.codes
      .map((policyCode) => {
        const applied = this.applied.get(policyCode)?.size ?? 0;
        const e = this.eligible.get(policyCode)!;
        const reach = applied + e.notApplied;
        return { policyCode, applied, eligibleNow: e.now, eligibleNotApplied: e.notApplied, rate: reach > 0 ? Math.round((applied / reach) * 1000) / 1000 : null };
      })
      .sort((x, y) => (y.rate ?? -1) - (x.rate ?? -1) || x.policyCode.localeCompare(y.policyCode));
  }
}

// --- CSV -------------------------------------------------------------------------------------------------------------

/** RFC 4180 cell; a text cell starting with = + - @ (or tab / CR) gets a leading ' so no spreadsheet runs it. */
function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvSection {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** Sections (a title line, a header, rows) separated by an empty line; UTF-8 BOM once (Excel), CRLF line ends. */
export function csvSections(sections: readonly CsvSection[]): string {
  const line = (cells: readonly (string | number | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return '\uFEFF' + sections.map((s) => line([s.title]) + line(s.header) + s.rows.map(line).join('')).join('\r\n');
}
