import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  blockWindow,
  checkinWindow,
  checkRequest,
  effectiveStatus,
  localParts,
  mayCancel,
  nextStatus,
  openIntervals,
  quotaBreach,
  quotaPeriod,
  blockIndex,
  slotGrid,
  STATUSES,
  zonedInstant,
  type Action,
  type SpaceRules,
  type Status,
} from './availability';

/** Jingdezhen wall time → instant (UTC+8 all year). 2027-03-01 is a Monday. */
const at = (local: string) => new Date(`${local}:00+08:00`);
const iv = (a: string, b: string) => ({ start: at(a), end: at(b) });

const weekday = [{ start: '09:00', end: '18:00' }];
const rules = (over: Partial<SpaceRules> = {}): SpaceRules => ({
  timezone: 'Asia/Shanghai',
  openingHours: { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday, '6': [{ start: '10:00', end: '16:00' }] },
  exceptions: [],
  slotMinutes: 60,
  minMinutes: 60,
  maxMinutes: 240,
  bufferBeforeMin: 0,
  bufferAfterMin: 0,
  minNoticeMin: 60,
  maxAdvanceDays: 30,
  cancelCutoffMin: 120,
  checkinRequired: false,
  checkinGraceMin: 15,
  quotas: [],
  ...over,
});
const NOW = at('2027-02-28T12:00'); // Sunday noon

describe('zones', () => {
  it('reads Jingdezhen wall time and weekday of an instant', () => {
    expect(localParts(new Date('2027-03-01T01:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-03-01', minutes: 9 * 60 + 30, weekday: '1' });
    expect(localParts(new Date('2027-02-28T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2027-03-01', minutes: 0, weekday: '1' });
    expect(localParts(new Date('2027-02-28T15:59:00Z'), 'Asia/Shanghai').weekday).toBe('7');
  });
  it('turns a local date and time into the instant', () => {
    expect(zonedInstant('2027-03-01', 9 * 60, 'Asia/Shanghai').toISOString()).toBe('2027-03-01T01:00:00.000Z');
    expect(zonedInstant('2027-03-01', 1440, 'Asia/Shanghai').toISOString()).toBe('2027-03-01T16:00:00.000Z');
    // A zone with DST still round-trips (rules keep their zone should a site elsewhere be added).
    expect(zonedInstant('2027-07-01', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(zonedInstant('2027-01-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2027-01-15T08:00:00.000Z');
  });
});

describe('opening hours', () => {
  it('lists the weekly hours in the window, clipped', () => {
    expect(openIntervals(rules(), at('2027-03-01T00:00'), at('2027-03-03T00:00'))).toEqual([iv('2027-03-01T09:00', '2027-03-01T18:00'), iv('2027-03-02T09:00', '2027-03-02T18:00')]);
    expect(openIntervals(rules(), at('2027-03-01T12:00'), at('2027-03-01T13:00'))).toEqual([iv('2027-03-01T12:00', '2027-03-01T13:00')]);
  });
  it('is closed on days without hours (Sunday)', () => {
    expect(openIntervals(rules(), at('2027-03-07T00:00'), at('2027-03-08T00:00'))).toEqual([]);
  });
  it('uses Saturday’s own hours', () => {
    expect(openIntervals(rules(), at('2027-03-06T00:00'), at('2027-03-07T00:00'))).toEqual([iv('2027-03-06T10:00', '2027-03-06T16:00')]);
  });
  it('applies closures and changed hours from the exceptions', () => {
    const r = rules({ exceptions: [{ date: '2027-03-01', closed: true }, { date: '2027-03-02', closed: false, hours: [{ start: '13:00', end: '15:00' }] }, { date: '2027-03-07', closed: false, hours: [{ start: '09:00', end: '12:00' }] }] });
    expect(openIntervals(r, at('2027-03-01T00:00'), at('2027-03-03T00:00'))).toEqual([iv('2027-03-02T13:00', '2027-03-02T15:00')]);
    expect(openIntervals(r, at('2027-03-07T00:00'), at('2027-03-08T00:00'))).toEqual([iv('2027-03-07T09:00', '2027-03-07T12:00')]);
  });
  it('merges ranges that touch, across midnight too', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const r = rules({ openingHours: { '1': allDay, '2': allDay } });
    expect(openIntervals(r, at('2027-03-01T00:00'), at('2027-03-03T00:00'))).toEqual([iv('2027-03-01T00:00', '2027-03-03T00:00')]);
    const split = rules({ openingHours: { '1': [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '14:00' }, { start: '15:00', end: '17:00' }] } });
    expect(openIntervals(split, at('2027-03-01T00:00'), at('2027-03-02T00:00'))).toEqual([iv('2027-03-01T09:00', '2027-03-01T14:00'), iv('2027-03-01T15:00', '2027-03-01T17:00')]);
  });
  it('returns nothing for an empty or reversed window', () => {
    expect(openIntervals(rules(), at('2027-03-01T12:00'), at('2027-03-01T12:00'))).toEqual([]);
    expect(openIntervals(rules(), at('2027-03-01T13:00'), at('2027-03-01T12:00'))).toEqual([]);
  });
});

describe('checkRequest', () => {
  const r = rules();
  const cases: [string, string, string, SpaceRules, string | null][] = [
    ['an hour on the grid', '2027-03-01T10:00', '2027-03-01T11:00', r, null],
    ['four hours, the maximum', '2027-03-01T09:00', '2027-03-01T13:00', r, null],
    ['the last hour of the day', '2027-03-01T17:00', '2027-03-01T18:00', r, null],
    ['end before start', '2027-03-01T11:00', '2027-03-01T10:00', r, 'END_BEFORE_START'],
    ['end equal to start', '2027-03-01T11:00', '2027-03-01T11:00', r, 'END_BEFORE_START'],
    ['before opening', '2027-03-01T08:00', '2027-03-01T09:00', r, 'OUTSIDE_OPENING_HOURS'],
    ['past closing', '2027-03-01T17:00', '2027-03-01T19:00', r, 'OUTSIDE_OPENING_HOURS'],
    ['on a closed Sunday', '2027-03-07T10:00', '2027-03-07T11:00', r, 'OUTSIDE_OPENING_HOURS'],
    ['on a closure exception', '2027-03-01T10:00', '2027-03-01T11:00', rules({ exceptions: [{ date: '2027-03-01', closed: true }] }), 'OUTSIDE_OPENING_HOURS'],
    ['across two opening days', '2027-03-01T17:00', '2027-03-02T10:00', rules({ maxMinutes: 2000 }), 'OUTSIDE_OPENING_HOURS'],
    ['start off the grid', '2027-03-01T10:30', '2027-03-01T11:30', r, 'OFF_SLOT_GRID'],
    ['length off the grid', '2027-03-01T10:00', '2027-03-01T11:30', r, 'OFF_SLOT_GRID'],
    ['half-hour grid accepts :30', '2027-03-01T10:30', '2027-03-01T11:30', rules({ slotMinutes: 30 }), null],
    ['too short', '2027-03-01T10:00', '2027-03-01T10:30', rules({ slotMinutes: 30 }), 'BOOKING_TOO_SHORT'],
    ['too long', '2027-03-01T09:00', '2027-03-01T14:00', r, 'BOOKING_TOO_LONG'],
    ['less notice than required', '2027-03-01T09:00', '2027-03-01T10:00', rules({ minNoticeMin: 24 * 60 }), 'NOTICE_TOO_SHORT'],
    ['in the past', '2027-02-26T10:00', '2027-02-26T11:00', r, 'NOTICE_TOO_SHORT'],
    ['further ahead than allowed', '2027-04-05T10:00', '2027-04-05T11:00', r, 'TOO_FAR_AHEAD'],
    ['just inside the advance window', '2027-03-30T10:00', '2027-03-30T11:00', r, null],
  ];
  it.each(cases)('%s', (_name, s, e, rr, expected) => {
    expect(checkRequest(rr, iv(s, e), NOW)).toBe(expected);
  });
  it('anchors the grid at the opening, not at midnight', () => {
    const r2 = rules({ slotMinutes: 120, minMinutes: 120, openingHours: { '1': [{ start: '09:30', end: '17:30' }] } });
    expect(checkRequest(r2, iv('2027-03-01T09:30', '2027-03-01T11:30'), NOW)).toBeNull();
    expect(checkRequest(r2, iv('2027-03-01T10:00', '2027-03-01T12:00'), NOW)).toBe('OFF_SLOT_GRID');
  });
  it('lets a long firing run through the night when the kiln is open around the clock', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const kiln = rules({ openingHours: { '1': allDay, '2': allDay }, slotMinutes: 240, minMinutes: 480, maxMinutes: 1440 });
    expect(checkRequest(kiln, iv('2027-03-01T20:00', '2027-03-02T08:00'), NOW)).toBeNull();
  });
});

describe('buffers and the slot grid', () => {
  it('extends the blocked window by the buffers', () => {
    expect(blockWindow({ bufferBeforeMin: 30, bufferAfterMin: 720 }, iv('2027-03-01T09:00', '2027-03-01T17:00'))).toEqual(iv('2027-03-01T08:30', '2027-03-02T05:00'));
  });
  it('marks slots free, taken, too soon and too far', () => {
    const now = at('2027-03-01T09:30');
    const grid = slotGrid(rules(), at('2027-03-01T00:00'), at('2027-03-02T00:00'), [iv('2027-03-01T13:00', '2027-03-01T15:00')], now);
    expect(grid.map((s) => [localParts(s.start, 'Asia/Shanghai').minutes / 60, s.state])).toEqual([
      [9, 'too_soon'],
      [10, 'too_soon'],
      [11, 'free'],
      [12, 'free'],
      [13, 'taken'],
      [14, 'taken'],
      [15, 'free'],
      [16, 'free'],
      [17, 'free'],
    ]);
    expect(slotGrid(rules(), at('2027-04-10T00:00'), at('2027-04-11T00:00'), [], now).every((s) => s.state === 'too_far')).toBe(true);
  });
  it('adjacent bookings leave neighbouring slots free; buffers take them', () => {
    const block = [iv('2027-03-01T12:00', '2027-03-01T13:00')];
    const free = (r: SpaceRules) => slotGrid(r, at('2027-03-01T11:00'), at('2027-03-01T14:00'), block, NOW).map((s) => s.state);
    expect(free(rules())).toEqual(['free', 'taken', 'free']);
    expect(free(rules({ bufferAfterMin: 30 }))).toEqual(['taken', 'taken', 'free']);
    expect(free(rules({ bufferBeforeMin: 30 }))).toEqual(['free', 'taken', 'taken']);
  });
  it('keeps the grid of the opening when the window starts mid-slot', () => {
    const r = rules({ slotMinutes: 120, minMinutes: 120 });
    expect(slotGrid(r, at('2027-03-01T10:00'), at('2027-03-01T18:00'), [], NOW).map((s) => localParts(s.start, 'Asia/Shanghai').minutes / 60)).toEqual([11, 13, 15]);
  });
});

describe('cancellation cutoff', () => {
  const start = at('2027-03-01T10:00');
  it('a confirmed booking until the cutoff, not after', () => {
    expect(mayCancel({ cancelCutoffMin: 120 }, { status: 'confirmed', startsAt: start }, at('2027-03-01T08:00'))).toBe(true);
    expect(mayCancel({ cancelCutoffMin: 120 }, { status: 'confirmed', startsAt: start }, at('2027-03-01T08:01'))).toBe(false);
  });
  it('a request or a hold until the start', () => {
    expect(mayCancel({ cancelCutoffMin: 120 }, { status: 'pending', startsAt: start }, at('2027-03-01T09:59'))).toBe(true);
    expect(mayCancel({ cancelCutoffMin: 120 }, { status: 'held', startsAt: start }, at('2027-03-01T10:00'))).toBe(false);
  });
  it('never a final or checked-in booking', () => {
    for (const s of ['cancelled', 'rejected', 'expired', 'completed', 'no_show', 'checked_in']) expect(mayCancel({ cancelCutoffMin: 0 }, { status: s, startsAt: start }, at('2027-02-01T00:00'))).toBe(false);
  });
});

describe('check-in window', () => {
  it('opens 15 minutes early and closes after the grace (never after the end)', () => {
    const bk = (a: string, b: string) => ({ startsAt: at(a), endsAt: at(b) });
    expect(checkinWindow({ checkinGraceMin: 20 }, bk('2027-03-01T10:00', '2027-03-01T12:00'))).toEqual(iv('2027-03-01T09:45', '2027-03-01T10:20'));
    expect(checkinWindow({ checkinGraceMin: 90 }, bk('2027-03-01T10:00', '2027-03-01T11:00'))).toEqual(iv('2027-03-01T09:45', '2027-03-01T11:00'));
  });
});

describe('quotas', () => {
  it('periods are the local week from Monday and the local month', () => {
    expect(quotaPeriod('week', at('2027-03-07T23:59'), 'Asia/Shanghai')).toEqual(iv('2027-03-01T00:00', '2027-03-08T00:00'));
    expect(quotaPeriod('week', at('2027-03-08T00:00'), 'Asia/Shanghai')).toEqual(iv('2027-03-08T00:00', '2027-03-15T00:00'));
    expect(quotaPeriod('month', at('2027-12-31T23:00'), 'Asia/Shanghai')).toEqual(iv('2027-12-01T00:00', '2028-01-01T00:00'));
    // 00:30 on 1 March in Jingdezhen is still February in UTC: the space's zone decides.
    expect(quotaPeriod('month', at('2027-03-01T00:30'), 'Asia/Shanghai').start).toEqual(at('2027-03-01T00:00'));
  });
  it('counts bookings per week', () => {
    const r = { timezone: 'Asia/Shanghai', quotas: [{ period: 'week' as const, metric: 'count' as const, limit: 2 }] };
    const mine = [iv('2027-03-01T10:00', '2027-03-01T11:00'), iv('2027-03-03T10:00', '2027-03-03T11:00')];
    expect(quotaBreach(r, mine, iv('2027-03-05T10:00', '2027-03-05T11:00'))).toEqual({ quota: r.quotas[0], used: 2 });
    expect(quotaBreach(r, mine, iv('2027-03-08T10:00', '2027-03-08T11:00'))).toBeNull();
    expect(quotaBreach(r, mine.slice(1), iv('2027-03-05T10:00', '2027-03-05T11:00'))).toBeNull();
  });
  it('sums minutes per month, the candidate included', () => {
    const r = { timezone: 'Asia/Shanghai', quotas: [{ period: 'month' as const, metric: 'minutes' as const, limit: 600 }] };
    const mine = [iv('2027-03-01T09:00', '2027-03-01T13:00'), iv('2027-03-10T09:00', '2027-03-10T13:00'), iv('2027-02-27T09:00', '2027-02-27T17:00')];
    expect(quotaBreach(r, mine, iv('2027-03-20T09:00', '2027-03-20T11:00'))).toBeNull();
    expect(quotaBreach(r, mine, iv('2027-03-20T09:00', '2027-03-20T12:00'))).toEqual({ quota: r.quotas[0], used: 480 });
  });
  it('the stricter of several quotas wins', () => {
    const r = {
      timezone: 'Asia/Shanghai',
      quotas: [
        { period: 'month' as const, metric: 'count' as const, limit: 10 },
        { period: 'week' as const, metric: 'minutes' as const, limit: 120 },
      ],
    };
    expect(quotaBreach(r, [iv('2027-03-01T09:00', '2027-03-01T11:00')], iv('2027-03-02T09:00', '2027-03-02T10:00'))?.quota).toEqual(r.quotas[1]);
  });
});

describe('state machine', () => {
  const table: Record<Action, Partial<Record<Status, Status>>> = {
    confirm_hold: { held: 'confirmed' },
    approve: { pending: 'confirmed' },
    reject: { pending: 'rejected' },
    cancel: { held: 'cancelled', pending: 'cancelled', confirmed: 'cancelled' },
    check_in: { confirmed: 'checked_in' },
    expire: { held: 'expired', pending: 'expired' },
    complete: { confirmed: 'completed', checked_in: 'completed' },
    mark_no_show: { confirmed: 'no_show' },
  };
  for (const action of ACTIONS) {
    for (const from of STATUSES) {
      const expected = table[action][from] ?? null;
      it(`${from} --${action}--> ${expected ?? '✗'}`, () => expect(nextStatus(from, action)).toBe(expected));
    }
  }
  it('a hold on an approval space becomes a request', () => {
    expect(nextStatus('held', 'confirm_hold', { requiresApproval: true })).toBe('pending');
  });
});

describe('statuses derived on read', () => {
  const r = { checkinRequired: true, checkinGraceMin: 15 };
  const b = (status: Status, over: Partial<{ holdExpiresAt: Date | null; checkedInAt: Date | null }> = {}) => ({ status, startsAt: at('2027-03-01T10:00'), endsAt: at('2027-03-01T12:00'), holdExpiresAt: null, checkedInAt: null, ...over });
  it('an expired hold is expired even if no sweeper ran', () => {
    expect(effectiveStatus(r, b('held', { holdExpiresAt: at('2027-03-01T09:00') }), at('2027-03-01T09:00'))).toBe('expired');
    expect(effectiveStatus(r, b('held', { holdExpiresAt: at('2027-03-01T09:00') }), at('2027-03-01T08:59'))).toBe('held');
  });
  it('an undecided request expires at its start', () => {
    expect(effectiveStatus(r, b('pending'), at('2027-03-01T09:59'))).toBe('pending');
    expect(effectiveStatus(r, b('pending'), at('2027-03-01T10:00'))).toBe('expired');
  });
  it('no check-in within the grace is a no-show; without check-in rules it completes', () => {
    expect(effectiveStatus(r, b('confirmed'), at('2027-03-01T10:14'))).toBe('confirmed');
    expect(effectiveStatus(r, b('confirmed'), at('2027-03-01T10:15'))).toBe('no_show');
    expect(effectiveStatus({ checkinRequired: false, checkinGraceMin: 15 }, b('confirmed'), at('2027-03-01T12:00'))).toBe('completed');
    expect(effectiveStatus(r, b('checked_in', { checkedInAt: at('2027-03-01T10:01') }), at('2027-03-01T12:00'))).toBe('completed');
  });
  it('final statuses stay', () => {
    for (const s of ['cancelled', 'rejected', 'expired', 'completed', 'no_show'] as const) expect(effectiveStatus(r, b(s), at('2030-01-01T00:00'))).toBe(s);
  });
});

describe('blockIndex (slotGrid asks it for every slot)', () => {
  // A deterministic pseudo-random sweep: the index answers exactly what asking every block would.
  let seed = 20261204;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const T0 = Date.UTC(2027, 2, 1);
  const ivAt = (startMin: number, lenMin: number) => ({ start: new Date(T0 + startMin * 60_000), end: new Date(T0 + (startMin + lenMin) * 60_000) });
  it('agrees with a scan of every block, windows and blocks of every shape (adjacent, nested, overlapping, empty)', () => {
    for (let round = 0; round < 60; round++) {
      const blocks = Array.from({ length: rnd(40) }, () => ivAt(rnd(2000), 1 + rnd(300)));
      const hits = blockIndex(blocks);
      for (let q = 0; q < 200; q++) {
        const win = ivAt(rnd(2400) - 200, 1 + rnd(240));
        expect(hits(win), JSON.stringify({ round, q })).toBe(blocks.some((b) => win.start < b.end && b.start < win.end));
      }
    }
  });
  it('touching ends do not overlap; no blocks never hit', () => {
    const hits = blockIndex([ivAt(60, 60)]);
    expect(hits(ivAt(0, 60))).toBe(false);
    expect(hits(ivAt(120, 30))).toBe(false);
    expect(hits(ivAt(119, 1))).toBe(true);
    expect(blockIndex([])(ivAt(0, 10_000))).toBe(false);
  });
});
