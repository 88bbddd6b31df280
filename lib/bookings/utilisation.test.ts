import { describe, expect, it } from 'vitest';
import { utilisation, type UtilSpace } from './utilisation';

const at = (local: string) => new Date(`${local}:00+08:00`);
const day = [{ start: '09:00', end: '17:00' }];
const studio: UtilSpace = { id: 's1', kind: 'studio', name: '工作室', rules: { timezone: 'Asia/Shanghai', openingHours: { '1': day, '2': day, '3': day, '4': day, '5': day }, exceptions: [] } };
const kiln: UtilSpace = { id: 'k1', kind: 'electric_kiln', name: '电窑', rules: { timezone: 'Asia/Shanghai', openingHours: {}, exceptions: [] } };

describe('utilisation', () => {
  // Monday 1 to Sunday 7 March 2027: the studio is open 5 × 8 = 40 hours.
  const from = at('2027-03-01T00:00');
  const to = at('2027-03-08T00:00');
  const rows = [
    { spaceId: 's1', status: 'completed', startsAt: at('2027-03-01T09:00'), endsAt: at('2027-03-01T13:00') },
    { spaceId: 's1', status: 'no_show', startsAt: at('2027-03-02T09:00'), endsAt: at('2027-03-02T11:00') },
    { spaceId: 's1', status: 'checked_in', startsAt: at('2027-03-03T09:00'), endsAt: at('2027-03-03T11:00') },
    { spaceId: 's1', status: 'confirmed', startsAt: at('2027-03-07T23:00'), endsAt: at('2027-03-08T03:00') }, // clipped to 1 h
    { spaceId: 's1', status: 'cancelled', startsAt: at('2027-03-04T09:00'), endsAt: at('2027-03-04T17:00') },
    { spaceId: 's1', status: 'rejected', startsAt: at('2027-03-05T09:00'), endsAt: at('2027-03-05T17:00') },
  ];
  it('per space: booked hours clipped to the period, occupancy of opening hours, no-show rate over the bookings due', () => {
    const u = utilisation([studio, kiln], rows, from, to);
    expect(u.spaces[0]).toEqual({ id: 's1', kind: 'studio', name: '工作室', bookedHours: 9, openHours: 40, occupancy: 0.225, bookings: 4, noShows: 1, noShowRate: 0.333, cancelled: 1, waitlisted: 0 });
    expect(u.spaces[1]).toMatchObject({ bookedHours: 0, openHours: 0, occupancy: 0, noShowRate: 0 });
  });
  it('per kind: the spaces of a kind together', () => {
    const other = { ...studio, id: 's2' };
    const u = utilisation([studio, other, kiln], [...rows, { spaceId: 's2', status: 'completed', startsAt: at('2027-03-01T09:00'), endsAt: at('2027-03-01T17:00') }], from, to);
    expect(u.kinds.find((k) => k.kind === 'studio')).toMatchObject({ spaces: 2, bookedHours: 17, openHours: 80, bookings: 5, noShows: 1, noShowRate: 0.25 });
  });
  it('waitlist length: queue entries whose wanted window falls in the period (a withdrawn one too: it was demand)', () => {
    const waits = [
      { spaceId: 's1', startsAt: at('2027-03-02T09:00'), endsAt: at('2027-03-02T11:00') },
      { spaceId: 's1', startsAt: at('2027-03-07T23:00'), endsAt: at('2027-03-08T01:00') }, // overlaps the period's end
      { spaceId: 's1', startsAt: at('2027-03-08T09:00'), endsAt: at('2027-03-08T11:00') }, // after it
      { spaceId: 'k1', startsAt: at('2027-03-03T09:00'), endsAt: at('2027-03-03T17:00') },
    ];
    const u = utilisation([studio, kiln], rows, from, to, waits);
    expect(u.spaces.map((s) => s.waitlisted)).toEqual([2, 1]);
    expect(u.kinds.map((k) => [k.kind, k.waitlisted])).toEqual([
      ['studio', 2],
      ['electric_kiln', 1],
    ]);
  });
});
