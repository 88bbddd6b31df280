/**
 * Utilisation per space and kind over a period (issue 11 §7): booked hours (clipped to the period), bookings,
 * no-shows and the no-show rate, cancellations, the share of opening hours booked, and the waitlist length (queue
 * entries whose wanted window falls in the period, whatever became of them: demand the space could not meet at first).
 * Pure: rows in, figures out.
 */
import { openIntervals, type SpaceRules } from './availability';

export interface UtilRow {
  spaceId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
}
export interface UtilSpace {
  id: string;
  kind: string;
  name: string;
  rules: Pick<SpaceRules, 'timezone' | 'openingHours' | 'exceptions'>;
}
export interface UtilFigures {
  bookedHours: number;
  openHours: number;
  /** bookedHours / openHours, 0..1 (0 when never open). */
  occupancy: number;
  bookings: number;
  noShows: number;
  /** no-shows / bookings that were due to be used (checked in, completed or no-show). */
  noShowRate: number;
  cancelled: number;
  waitlisted: number;
}

export interface WaitRow {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
}

const USED = new Set(['confirmed', 'checked_in', 'completed', 'no_show']);
const DUE = new Set(['checked_in', 'completed', 'no_show']);
const H = 3_600_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

function figures(rows: readonly UtilRow[], openMs: number, from: Date, to: Date, waits: readonly WaitRow[]): UtilFigures {
  let bookedMs = 0;
  let bookings = 0;
  let noShows = 0;
  let due = 0;
  let cancelled = 0;
  for (const r of rows) {
    if (r.status === 'cancelled') cancelled++;
    if (!USED.has(r.status)) continue;
    bookings++;
    if (DUE.has(r.status)) due++;
    if (r.status === 'no_show') noShows++;
    const s = Math.max(r.startsAt.getTime(), from.getTime());
    const e = Math.min(r.endsAt.getTime(), to.getTime());
    if (e > s) bookedMs += e - s;
  }
  return {
    bookedHours: round1(bookedMs / H),
    openHours: round1(openMs / H),
    occupancy: openMs ? Math.min(1, Math.round((bookedMs / openMs) * 1000) / 1000) : 0,
    bookings,
    noShows,
    noShowRate: due ? Math.round((noShows / due) * 1000) / 1000 : 0,
    cancelled,
    waitlisted: waits.filter((w) => w.startsAt < to && w.endsAt > from).length,
  };
}

export function utilisation(spaces: readonly UtilSpace[], rows: readonly UtilRow[], from: Date, to: Date, waits: readonly WaitRow[] = []) {
  const bySpace = spaces.map((s) => {
    const mine = rows.filter((r) => r.spaceId === s.id);
    const queued = waits.filter((w) => w.spaceId === s.id);
    const openMs = openIntervals(s.rules, from, to).reduce((n, i) => n + (i.end.getTime() - i.start.getTime()), 0);
    return { id: s.id, kind: s.kind, name: s.name, openMs, rows: mine, queued, ...figures(mine, openMs, from, to, queued) };
  });
  const kinds = [...new Set(spaces.map((s) => s.kind))];
  const byKind = kinds.map((kind) => {
    const group = bySpace.filter((s) => s.kind === kind);
    return { kind, spaces: group.length, ...figures(group.flatMap((g) => g.rows), group.reduce((n, g) => n + g.openMs, 0), from, to, group.flatMap((g) => g.queued)) };
  });
  return { spaces: bySpace.map(({ rows: _rows, openMs: _open, queued: _queued, ...rest }) => rest), kinds: byKind };
}
