/**
 * Capacity slots on a real database (issue 11 §3 and "Tests"): exactly N places under 40 parallel requests through the
 * route handler, SLOT_FULL / ALREADY_IN_SLOT with nothing written, places given back on cancel, and a firing that
 * holds the kiln itself. PGlite, and PostgreSQL with TEST_DATABASE_URL (where the requests race for real).
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, slotBookings, spaceSlots } from '@/db/schema';
import { resetClock, setNow } from '@/lib/clock';
import { bookSlotRoute, cancelSlotBookingRoute, createBookingRoute, createSlotRoute, listSlotsRoute } from './api';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertSpace } from '@/tests/helpers/bookings';

const t = setupTestDb();
const at = (local: string) => new Date(`${local}:00+08:00`);
beforeEach(() => setNow(at('2027-03-01T08:00')));
afterEach(() => resetClock());

const talentHeaders = async () => bearer(await tokenFor(t.db(), await makeTalent(t.db())));
const staffHeaders = async (zoneCode = 'jkq') => bearer(await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode })));

async function openSlot(capacity: number, over: Parameters<typeof insertSpace>[1] = {}) {
  const space = await insertSpace(t.db(), { kind: 'electric_kiln', bufferAfterMin: 240, ...over });
  const res = await callRoute(createSlotRoute, {
    params: { id: space.id },
    body: { startsAt: at('2027-03-02T08:00').toISOString(), endsAt: at('2027-03-02T16:00').toISOString(), capacity, titleZh: '共享素烧' },
    headers: await staffHeaders(),
  });
  expect(res.status).toBe(201);
  return { space, slot: res.json as { id: string; kilnBookingId: string | null; remaining: number } };
}

describe('capacity slots', () => {
  it('a firing books the kiln for its buffered window; an overlapping studio booking or firing is refused', async () => {
    const { space, slot } = await openSlot(6);
    expect(slot.kilnBookingId).toBeTruthy();
    const kiln = (await t.db().select().from(bookings).where(eq(bookings.id, slot.kilnBookingId!)))[0]!;
    expect(kiln).toMatchObject({ status: 'confirmed', blockEnd: at('2027-03-02T20:00') });
    const clash = await callRoute(createBookingRoute, { body: { spaceId: space.id, startsAt: at('2027-03-02T18:00').toISOString(), endsAt: at('2027-03-02T19:00').toISOString() }, headers: await talentHeaders() });
    expect(clash.json).toMatchObject({ code: 'SLOT_TAKEN', conflict: { startsAt: at('2027-03-02T08:00').toISOString() } });
    const second = await callRoute(createSlotRoute, { params: { id: space.id }, body: { startsAt: at('2027-03-02T12:00').toISOString(), endsAt: at('2027-03-02T20:00').toISOString(), capacity: 4 }, headers: await staffHeaders() });
    expect(second.status).toBe(409);
    expect((await t.db().select({ n: count() }).from(spaceSlots))[0]!.n).toBe(1);
    // Staff of another zone may not open slots here.
    const other = await callRoute(createSlotRoute, { params: { id: space.id }, body: { startsAt: at('2027-03-05T08:00').toISOString(), endsAt: at('2027-03-05T16:00').toISOString(), capacity: 4 }, headers: await staffHeaders('zsq') });
    expect(other.status).toBe(403);
  });

  it('takes places until full, one live reservation per person, gives them back on cancel', async () => {
    const { space, slot } = await openSlot(3);
    const a = await talentHeaders();
    const b = await talentHeaders();
    expect((await callRoute(bookSlotRoute, { params: { id: slot.id }, body: { quantity: 2 }, headers: a })).json).toMatchObject({ quantity: 2, slot: { remaining: 1 } });
    const again = await callRoute(bookSlotRoute, { params: { id: slot.id }, body: { quantity: 1 }, headers: a });
    expect(again.json).toMatchObject({ code: 'ALREADY_IN_SLOT' });
    const full = await callRoute(bookSlotRoute, { params: { id: slot.id }, body: { quantity: 2 }, headers: b });
    expect(full.status).toBe(409);
    expect(full.json).toMatchObject({ code: 'SLOT_FULL' });
    expect((await t.db().select().from(spaceSlots))[0]!.booked).toBe(2);
    expect((await t.db().select({ n: count() }).from(slotBookings))[0]!.n).toBe(1);
    expect((await callRoute(cancelSlotBookingRoute, { params: { id: slot.id }, headers: a })).json).toMatchObject({ status: 'cancelled', slot: { remaining: 3 } });
    expect((await callRoute(bookSlotRoute, { params: { id: slot.id }, body: { quantity: 3 }, headers: b })).status).toBe(201);
    const list = await callRoute(listSlotsRoute, { params: { id: space.id }, query: { from: at('2027-03-02T00:00').toISOString(), to: at('2027-03-03T00:00').toISOString() } });
    expect((list.json as { items: { remaining: number; title: string }[] }).items).toMatchObject([{ remaining: 0, title: '共享素烧' }]);
  });

  it('capacity 5 under 40 parallel requests through the route handler: exactly 5 reservations', async () => {
    const { slot } = await openSlot(5);
    const callers = await Promise.all(Array.from({ length: 40 }, () => talentHeaders()));
    const results = await Promise.all(callers.map((h) => callRoute(bookSlotRoute, { params: { id: slot.id }, body: { quantity: 1 }, headers: h })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => (r.json as { code: string }).code === 'SLOT_FULL')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(35);
    expect((await t.db().select().from(spaceSlots))[0]!.booked).toBe(5);
    expect((await t.db().select({ n: count() }).from(slotBookings))[0]!.n).toBe(5);
  });
});
