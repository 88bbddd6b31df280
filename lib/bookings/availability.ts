/**
 * The pure booking core (issue 11; booking-and-search.md R1, R2): opening hours in the space's zone, the slot grid,
 * the request rules (duration, grid, notice, advance), buffers, the cancellation cutoff, quotas, check-in windows,
 * statuses derived on read and the state machine. No Next, React or database imports: instants in, decisions out.
 *
 * Intervals are half-open [start, end) everywhere (Seatsurfing #2552): back-to-back bookings never conflict.
 */

export type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
export interface LocalRange {
  /** "HH:MM", local wall time. */
  start: string;
  /** "HH:MM" after start; "24:00" is the end of the day. */
  end: string;
}
export type WeeklyHours = Partial<Record<Weekday, LocalRange[]>>;
export interface HoursException {
  date: string;
  closed: boolean;
  hours?: LocalRange[];
}
export interface Quota {
  period: 'week' | 'month';
  metric: 'count' | 'minutes';
  limit: number;
}

export interface SpaceRules {
  timezone: string;
  openingHours: WeeklyHours;
  exceptions: readonly HoursException[];
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  minNoticeMin: number;
  maxAdvanceDays: number;
  cancelCutoffMin: number;
  checkinRequired: boolean;
  checkinGraceMin: number;
  quotas: readonly Quota[];
}

export interface Interval {
  start: Date;
  end: Date;
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

// ---------------------------------------------------------------------------------------------------------------
// Time zones (instants ↔ local wall time), without a library: Intl knows every IANA zone.
// ---------------------------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(tz, f);
  }
  return f;
}

interface Wall {
  y: number;
  m: number;
  d: number;
  minutes: number;
}

function wallOf(instant: Date, tz: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year!, m: parts.month!, d: parts.day!, minutes: (parts.hour! % 24) * 60 + parts.minute! };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h all year). */
export function zoneOffsetMs(instant: Date, tz: string): number {
  const w = wallOf(instant, tz);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, 0, w.minutes);
  return asUtc - Math.floor(instant.getTime() / MIN) * MIN;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date ("YYYY-MM-DD"), minutes since local midnight and ISO weekday of an instant. */
export function localParts(instant: Date, tz: string): { date: string; minutes: number; weekday: Weekday } {
  const w = wallOf(instant, tz);
  const dow = new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay();
  return { date: `${w.y}-${pad(w.m)}-${pad(w.d)}`, minutes: w.minutes, weekday: String(dow === 0 ? 7 : dow) as Weekday };
}

/** The instant of a local date and minutes-since-midnight in a zone (for gaps in DST zones: the later reading). */
export function zonedInstant(date: string, minutes: number, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  let t = guess - zoneOffsetMs(new Date(guess), tz);
  const again = guess - zoneOffsetMs(new Date(t), tz);
  if (again !== t) t = again;
  return new Date(t);
}

/** "HH:MM" → minutes; "24:00" → 1440. Throws on anything else (rules are validated before they are stored). */
export function parseHm(hm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hm);
  if (!m) throw new Error(`bad time ${hm}`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 1440) throw new Error(`bad time ${hm}`);
  return v;
}

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + n * DAY);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return String(dow === 0 ? 7 : dow) as Weekday;
}

// ---------------------------------------------------------------------------------------------------------------
// Opening hours
// ---------------------------------------------------------------------------------------------------------------

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
const contains = (outer: Interval, inner: Interval): boolean => outer.start <= inner.start && inner.end <= outer.end;
const minutesBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / MIN;

/** The local ranges a space is open on one local date: the date's exception if there is one, else the weekday's. */
export function hoursOn(rules: Pick<SpaceRules, 'openingHours' | 'exceptions'>, date: string): LocalRange[] {
  const ex = rules.exceptions.find((e) => e.date === date);
  if (ex) return ex.closed ? [] : (ex.hours ?? []);
  return rules.openingHours[weekdayOf(date)] ?? [];
}

/**
 * The opening intervals (instants) that meet [from, to), clipped to it and merged where they touch — a range
 * ending at 24:00 and the next day's starting at 00:00 are one interval, so a booking may run across midnight.
 */
export function openIntervals(rules: Pick<SpaceRules, 'timezone' | 'openingHours' | 'exceptions'>, from: Date, to: Date): Interval[] {
  if (!(from < to)) return [];
  const tz = rules.timezone;
  const out: Interval[] = [];
  const last = localParts(to, tz).date;
  for (let date = addDays(localParts(from, tz).date, -1); date <= last; date = addDays(date, 1)) {
    const ranges = [...hoursOn(rules, date)].sort((a, b) => parseHm(a.start) - parseHm(b.start));
    for (const r of ranges) {
      const s = zonedInstant(date, parseHm(r.start), tz);
      const e = zonedInstant(date, parseHm(r.end), tz);
      if (!(s < e)) continue;
      const prev = out[out.length - 1];
      if (prev && s <= prev.end) {
        if (e > prev.end) prev.end = e;
      } else out.push({ start: s, end: e });
    }
  }
  return out
    .filter((i) => i.end > from && i.start < to)
    .map((i) => ({ start: i.start < from ? from : i.start, end: i.end > to ? to : i.end }));
}

/** The unclipped opening interval that contains the whole request, if any (the grid is anchored at its start). */
function containingOpening(rules: SpaceRules, req: Interval): Interval | null {
  const around = openIntervals(rules, new Date(req.start.getTime() - 2 * DAY), new Date(req.end.getTime() + 2 * DAY));
  return around.find((i) => contains(i, req)) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------------------

/** Stable codes of a refused request (also the API's problem codes). */
export const REQUEST_ERRORS = ['END_BEFORE_START', 'OUTSIDE_OPENING_HOURS', 'OFF_SLOT_GRID', 'BOOKING_TOO_SHORT', 'BOOKING_TOO_LONG', 'NOTICE_TOO_SHORT', 'TOO_FAR_AHEAD'] as const;
export type RequestError = (typeof REQUEST_ERRORS)[number];

/**
 * Why a request for [start, end) is refused, or null. Checked in this order: the range itself, opening hours (the
 * booked time must lie inside one opening interval; buffers may fall outside, e.g. a kiln cooling overnight), the
 * slot grid (start and duration are multiples of the slot length from the opening), duration, notice, advance.
 */
export function checkRequest(rules: SpaceRules, req: Interval, now: Date): RequestError | null {
  if (!(req.end > req.start)) return 'END_BEFORE_START';
  const opening = containingOpening(rules, req);
  if (!opening) return 'OUTSIDE_OPENING_HOURS';
  const offset = minutesBetween(opening.start, req.start);
  const length = minutesBetween(req.start, req.end);
  if (offset % rules.slotMinutes !== 0 || length % rules.slotMinutes !== 0) return 'OFF_SLOT_GRID';
  if (length < rules.minMinutes) return 'BOOKING_TOO_SHORT';
  if (length > rules.maxMinutes) return 'BOOKING_TOO_LONG';
  if (req.start.getTime() < now.getTime() + rules.minNoticeMin * MIN) return 'NOTICE_TOO_SHORT';
  if (req.start.getTime() > now.getTime() + rules.maxAdvanceDays * DAY) return 'TOO_FAR_AHEAD';
  return null;
}

/** The window a booking blocks: its time plus the buffers before and after (a kiln's loading and cooling). */
export function blockWindow(rules: Pick<SpaceRules, 'bufferBeforeMin' | 'bufferAfterMin'>, req: Interval): Interval {
  return { start: new Date(req.start.getTime() - rules.bufferBeforeMin * MIN), end: new Date(req.end.getTime() + rules.bufferAfterMin * MIN) };
}

export type SlotState = 'free' | 'taken' | 'too_soon' | 'too_far';
export interface Slot extends Interval {
  state: SlotState;
}

/**
 * The slot grid over [from, to): every slot of `slotMinutes` inside the opening intervals, free unless its buffered
 * window meets a blocking booking's window (`blocks`: the stored block_start/block_end), or it is too soon or too far.
 */
/**
 * Whether a window overlaps any of `blocks`, in O(log n) per question: blocks sorted by start once, with the running
 * maximum of their ends — a window [ws, we) is hit iff among the blocks starting before `we` the latest end is after
 * `ws`. (slotGrid asked every block for every slot: a month's grid over 500 bookings spent 85 % of its time there.)
 */
export function blockIndex(blocks: readonly Interval[]): (win: Interval) => boolean {
  const sorted = [...blocks].sort((a, b) => a.start.getTime() - b.start.getTime());
  const starts = sorted.map((b) => b.start.getTime());
  const maxEnd: number[] = [];
  for (let i = 0, m = -Infinity; i < sorted.length; i++) maxEnd.push((m = Math.max(m, sorted[i]!.end.getTime())));
  return (win) => {
    const ws = win.start.getTime();
    const we = win.end.getTime();
    // The number of blocks that start before `we`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < we) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > ws;
  };
}

export function slotGrid(rules: SpaceRules, from: Date, to: Date, blocks: readonly Interval[], now: Date): Slot[] {
  const out: Slot[] = [];
  const taken = blockIndex(blocks);
  const earliest = now.getTime() + rules.minNoticeMin * MIN;
  const latest = now.getTime() + rules.maxAdvanceDays * DAY;
  // Anchor the grid at the real opening (not at `from`), so a window starting mid-interval keeps the same slots.
  for (const open of openIntervals(rules, new Date(from.getTime() - DAY), new Date(to.getTime() + DAY))) {
    for (let s = open.start.getTime(); s + rules.slotMinutes * MIN <= open.end.getTime(); s += rules.slotMinutes * MIN) {
      const slot = { start: new Date(s), end: new Date(s + rules.slotMinutes * MIN) };
      if (slot.start < from || slot.end > to) continue;
      const win = blockWindow(rules, slot);
      const state: SlotState = s < earliest ? 'too_soon' : s > latest ? 'too_far' : taken(win) ? 'taken' : 'free';
      out.push({ ...slot, state });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Cancellation, check-in, quotas
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whether the booker may still cancel. A confirmed booking until `cancelCutoffMin` before its start; a request
 * (pending) or a hold may be withdrawn until the start — nobody has planned around it yet.
 */
export function mayCancel(rules: Pick<SpaceRules, 'cancelCutoffMin'>, b: { status: string; startsAt: Date }, now: Date): boolean {
  if (b.status === 'pending' || b.status === 'held') return now < b.startsAt;
  if (b.status !== 'confirmed') return false;
  return now.getTime() <= b.startsAt.getTime() - rules.cancelCutoffMin * MIN;
}

/** Check-in opens this long before the start (arriving early to set up). */
export const CHECKIN_EARLY_MIN = 15;

/** [start − 15 min, start + grace): when scanning the space's code checks a booking in. */
export function checkinWindow(rules: Pick<SpaceRules, 'checkinGraceMin'>, b: { startsAt: Date; endsAt: Date }): Interval {
  const end = Math.min(b.startsAt.getTime() + rules.checkinGraceMin * MIN, b.endsAt.getTime());
  return { start: new Date(b.startsAt.getTime() - CHECKIN_EARLY_MIN * MIN), end: new Date(end) };
}

/** The local week (Monday 00:00) or month containing an instant, as instants. */
export function quotaPeriod(period: Quota['period'], instant: Date, tz: string): Interval {
  const p = localParts(instant, tz);
  if (period === 'week') {
    const monday = addDays(p.date, 1 - Number(p.weekday));
    return { start: zonedInstant(monday, 0, tz), end: zonedInstant(addDays(monday, 7), 0, tz) };
  }
  const [y, m] = p.date.split('-').map(Number) as [number, number];
  const first = `${y}-${pad(m)}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  return { start: zonedInstant(first, 0, tz), end: zonedInstant(next, 0, tz) };
}

export interface QuotaBreach {
  quota: Quota;
  used: number;
}

/**
 * The first quota the candidate would break, or null. `mine` are the booker's bookings of this space that count
 * (held, pending, confirmed, checked in, completed and no-shows — a no-show still used the slot); each counts in
 * the period its start falls in, in the space's zone (LibreBooking's rule).
 */
export function quotaBreach(rules: Pick<SpaceRules, 'quotas' | 'timezone'>, mine: readonly Interval[], candidate: Interval): QuotaBreach | null {
  for (const quota of rules.quotas) {
    const period = quotaPeriod(quota.period, candidate.start, rules.timezone);
    const inPeriod = mine.filter((b) => b.start >= period.start && b.start < period.end);
    const used = quota.metric === 'count' ? inPeriod.length : inPeriod.reduce((n, b) => n + minutesBetween(b.start, b.end), 0);
    const adds = quota.metric === 'count' ? 1 : minutesBetween(candidate.start, candidate.end);
    if (used + adds > quota.limit) return { quota, used };
  }
  return null;
}

/** Statuses that count against quotas. */
export const QUOTA_STATUSES = ['held', 'pending', 'confirmed', 'checked_in', 'completed', 'no_show'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Statuses: the machine, and what a timer would set, derived on read
// ---------------------------------------------------------------------------------------------------------------

export const STATUSES = ['held', 'pending', 'confirmed', 'checked_in', 'cancelled', 'rejected', 'expired', 'completed', 'no_show'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses the exclusion constraint guards (migration 0016). */
export const BLOCKING_STATUSES = ['held', 'pending', 'confirmed', 'checked_in'] as const satisfies readonly Status[];

export const ACTIONS = ['confirm_hold', 'approve', 'reject', 'cancel', 'check_in', 'expire', 'complete', 'mark_no_show'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The state machine: the status an action leads to, or null when the action is not allowed from there. A hold is
 * confirmed into a request (approval required) or a booking; only a request is approved or rejected; only a
 * confirmed booking is checked in or becomes a no-show; final statuses never move.
 */
export function nextStatus(from: Status, action: Action, opts: { requiresApproval?: boolean } = {}): Status | null {
  switch (action) {
    case 'confirm_hold':
      return from === 'held' ? (opts.requiresApproval ? 'pending' : 'confirmed') : null;
    case 'approve':
      return from === 'pending' ? 'confirmed' : null;
    case 'reject':
      return from === 'pending' ? 'rejected' : null;
    case 'cancel':
      return from === 'held' || from === 'pending' || from === 'confirmed' ? 'cancelled' : null;
    case 'check_in':
      return from === 'confirmed' ? 'checked_in' : null;
    case 'expire':
      return from === 'held' || from === 'pending' ? 'expired' : null;
    case 'complete':
      return from === 'confirmed' || from === 'checked_in' ? 'completed' : null;
    case 'mark_no_show':
      return from === 'confirmed' ? 'no_show' : null;
  }
}

export const isBlocking = (s: Status): boolean => (BLOCKING_STATUSES as readonly Status[]).includes(s);

/**
 * The status as of `now`, whether or not a timer has run: an expired hold is expired; a request nobody decided
 * before its start is expired; a confirmed booking whose check-in grace passed without check-in is a no-show; a
 * booking past its end is completed.
 */
export function effectiveStatus(
  rules: Pick<SpaceRules, 'checkinRequired' | 'checkinGraceMin'>,
  b: { status: Status; startsAt: Date; endsAt: Date; holdExpiresAt: Date | null; checkedInAt: Date | null },
  now: Date,
): Status {
  switch (b.status) {
    case 'held':
      return b.holdExpiresAt && b.holdExpiresAt <= now ? 'expired' : 'held';
    case 'pending':
      return now >= b.startsAt ? 'expired' : 'pending';
    case 'confirmed':
      if (rules.checkinRequired && !b.checkedInAt && now >= checkinWindow(rules, b).end) return 'no_show';
      return now >= b.endsAt ? 'completed' : 'confirmed';
    case 'checked_in':
      return now >= b.endsAt ? 'completed' : 'checked_in';
    default:
      return b.status;
  }
}
