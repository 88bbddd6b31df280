/**
 * Zone staff dashboard — pure aggregation core (no Next, no db imports).
 * Every function takes plain rows and returns chart-ready series; the service
 * (to come) loads the rows for one zone and period and calls these.
 */

export type Month = string; // 'YYYY-MM'

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

export function monthOf(date: Date): Month {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthIndex(m: Month): number {
  return Number(m.slice(0, 4)) * 12 + (Number(m.slice(5, 7)) - 1);
}

function monthFromIndex(i: number): Month {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export const MAX_PERIOD_MONTHS = 60;

export type PeriodError = 'FROM_INVALID' | 'TO_INVALID' | 'FROM_AFTER_TO' | 'TOO_LONG';

/** Default period: the last 12 months ending with the month of `now`. */
export function defaultPeriod(now: Date): { from: Month; to: Month } {
  const to = monthOf(now);
  return { from: monthFromIndex(monthIndex(to) - 11), to };
}

export function validatePeriod(from: string, to: string): { ok: true; from: Month; to: Month } | { ok: false; error: PeriodError } {
  if (!isMonth(from)) return { ok: false, error: 'FROM_INVALID' };
  if (!isMonth(to)) return { ok: false, error: 'TO_INVALID' };
  if (monthIndex(from) > monthIndex(to)) return { ok: false, error: 'FROM_AFTER_TO' };
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS) return { ok: false, error: 'TOO_LONG' };
  return { ok: true, from, to };
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

/** [start, end) instants of the period in UTC. */
export function periodBounds(from: Month, to: Month): { start: Date; end: Date } {
  const s = monthIndex(from);
  const e = monthIndex(to) + 1;
  return {
    start: new Date(Date.UTC(Math.floor(s / 12), s % 12, 1)),
    end: new Date(Date.UTC(Math.floor(e / 12), e % 12, 1)),
  };
}

export const UNKNOWN_KEY = '';

/** One row per month; one column per key (sorted by total, descending), counts. */
export function countByMonthAndKey(
  rows: { at: Date; key: string | null }[],
  from: Month,
  to: Month,
): { months: Month[]; keys: string[]; counts: Record<Month, Record<string, number>>; totals: Record<string, number> } {
  const months = monthsBetween(from, to);
  const inRange = new Set(months);
  const counts: Record<Month, Record<string, number>> = {};
  for (const m of months) counts[m] = {};
  const totals: Record<string, number> = {};
  for (const r of rows) {
    const m = monthOf(r.at);
    if (!inRange.has(m)) continue;
    const k = r.key ?? UNKNOWN_KEY;
    const row = (counts[m] ??= {});
    row[k] = (row[k] ?? 0) + 1;
    totals[k] = (totals[k] ?? 0) + 1;
  }
  const keys = Object.keys(totals).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b));
  for (const m of months) {
    const row = (counts[m] ??= {});
    for (const k of keys) row[k] ??= 0;
  }
  return { months, keys, counts, totals };
}

export const AGE_BUCKETS = ['lt3', '3to7', '7to14', 'gt14'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const DAY = 86_400_000;

/** <3 days, 3–7 days, 7–14 days, >14 days (lower bound inclusive). */
export function ageBucket(submittedAt: Date, now: Date): AgeBucket {
  const days = (now.getTime() - submittedAt.getTime()) / DAY;
  if (days < 3) return 'lt3';
  if (days < 7) return '3to7';
  if (days < 14) return '7to14';
  return 'gt14';
}

export function verificationAges(pending: { submittedAt: Date; kind: string }[], now: Date) {
  const buckets: Record<AgeBucket, Record<string, number>> = { lt3: {}, '3to7': {}, '7to14': {}, gt14: {} };
  let oldestDays: number | null = null;
  for (const p of pending) {
    const b = ageBucket(p.submittedAt, now);
    buckets[b][p.kind] = (buckets[b][p.kind] ?? 0) + 1;
    const d = Math.floor((now.getTime() - p.submittedAt.getTime()) / DAY);
    if (oldestDays === null || d > oldestDays) oldestDays = d;
  }
  return { total: pending.length, buckets, oldestDays };
}

export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export function applicationsByPolicy(rows: { policyCode: string; status: ApplicationStatus }[]) {
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
 * Amounts approved per month. Finance benefits (loan / interest ceilings) are never
 * summed as money: they are counted apart, like unknown amounts.
 */
export function approvedAmountsPerMonth(
  rows: { decidedAt: Date; amount: string | number | null; finance: boolean }[],
  from: Month,
  to: Month,
) {
  const months = monthsBetween(from, to);
  const acc = new Map<Month, { fen: bigint; approved: number; unknown: number; finance: number }>();
  for (const m of months) acc.set(m, { fen: 0n, approved: 0, unknown: 0, finance: 0 });
  for (const r of rows) {
    const a = acc.get(monthOf(r.decidedAt));
    if (!a) continue;
    a.approved += 1;
    if (r.finance) a.finance += 1;
    else if (r.amount === null) a.unknown += 1;
    else a.fen += toFen(r.amount);
  }
  const total = [...acc.values()].reduce((s, a) => s + a.fen, 0n);
  return {
    months: months.map((m) => {
      const a = acc.get(m)!;
      return { month: m, amount: fenToYuan(a.fen), approved: a.approved, unknownAmount: a.unknown, financeCeilings: a.finance };
    }),
    total: fenToYuan(total),
  };
}

/** Uptake = applied ÷ eligible per policy; null rate when nobody is eligible. */
export function uptake(
  applied: Record<string, number>,
  eligible: Record<string, number>,
): { policyCode: string; applied: number; eligible: number; rate: number | null }[] {
  const codes = new Set([...Object.keys(applied), ...Object.keys(eligible)]);
  return [...codes]
    .map((policyCode) => {
      const a = applied[policyCode] ?? 0;
      const e = eligible[policyCode] ?? 0;
      return { policyCode, applied: a, eligible: e, rate: e > 0 ? Math.round((a / e) * 1000) / 1000 : null };
    })
    .sort((x, y) => (y.rate ?? -1) - (x.rate ?? -1) || x.policyCode.localeCompare(y.policyCode));
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // neutralise spreadsheet formulas; quote when needed
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 BOM (Excel opens Chinese text correctly) and CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
