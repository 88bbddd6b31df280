/**
 * The waitlist (issue 11 §4): a freed window is offered to the first person waiting as an expiring hold (race-free:
 * it blocks like a booking), accepted by confirming it; an unanswered offer lapses and passes to the next person.
 * Offers run on the job runner (the release event's consumer and the sweep) under the test clock.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, waitlistEntries } from '@/db/schema';
import { resetClock, setNow } from '@/lib/clock';
import { enqueue } from '@/lib/jobs/queue';
import { cancelBookingRoute, confirmBookingRoute, createBookingRoute, joinWaitlistRoute, myWaitlistRoute } from './api';
import { bookingSweepJob } from './jobs';
import { processWaitlist } from './waitlist';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { drainJobs } from '@/tests/helpers/jobs';
import { insertSpace } from '@/tests/helpers/bookings';

const t = setupTestDb();
const at = (local: string) => new Date(`${local}:00+08:00`);
beforeEach(() => setNow(at('2027-03-01T08:00')));
afterEach(() => resetClock());

async function person() {
  const u = await makeTalent(t.db());
  return { user: u, headers: async () => bearer(await tokenFor(t.db(), u)) };
}
const window = { startsAt: at('2027-03-02T10:00').toISOString(), endsAt: at('2027-03-02T12:00').toISOString() };

describe('waitlist', () => {
  it('offers a freed window to the first person waiting; the offer blocks others; confirming books it', async () => {
    const s = await insertSpace(t.db());
    const [a, b, c, d] = await Promise.all([person(), person(), person(), person()]);
    const booked = await callRoute(createBookingRoute, { body: { spaceId: s.id, ...window }, headers: await a.headers() });
    expect(booked.status).toBe(201);
    const wb = await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await b.headers() });
    expect(wb.status).toBe(201);
    expect(wb.json).toMatchObject({ status: 'waiting', offeredBookingId: null });
    await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await c.headers() });

    await callRoute(cancelBookingRoute, { params: { id: (booked.json as { id: string }).id }, body: {}, headers: await a.headers() });
    await drainJobs(t.db());
    const mineB = (await callRoute(myWaitlistRoute, { headers: await b.headers() })).json as { items: { status: string; offeredBookingId: string }[] };
    expect(mineB.items[0]).toMatchObject({ status: 'offered' });
    const mineC = (await callRoute(myWaitlistRoute, { headers: await c.headers() })).json as { items: { status: string }[] };
    expect(mineC.items[0]).toMatchObject({ status: 'waiting' });
    // The offer is a hold: nobody else can take the window meanwhile.
    expect((await callRoute(createBookingRoute, { body: { spaceId: s.id, ...window }, headers: await d.headers() })).status).toBe(409);

    const accepted = await callRoute(confirmBookingRoute, { params: { id: mineB.items[0]!.offeredBookingId }, body: {}, headers: await b.headers() });
    expect(accepted.json).toMatchObject({ status: 'confirmed' });
    expect((await t.db().select().from(waitlistEntries).where(eq(waitlistEntries.userId, b.user.id)))[0]!.status).toBe('accepted');
  });

  it('an unanswered offer lapses and passes to the next person; a lapsed offer cannot be confirmed', async () => {
    const s = await insertSpace(t.db());
    const [a, b, c] = await Promise.all([person(), person(), person()]);
    const booked = await callRoute(createBookingRoute, { body: { spaceId: s.id, ...window }, headers: await a.headers() });
    await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await b.headers() });
    await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await c.headers() });
    await callRoute(cancelBookingRoute, { params: { id: (booked.json as { id: string }).id }, body: {}, headers: await a.headers() });
    await drainJobs(t.db());
    const offerB = (await t.db().select().from(waitlistEntries).where(eq(waitlistEntries.userId, b.user.id)))[0]!;
    expect(offerB.status).toBe('offered');

    setNow(at('2027-03-01T08:31'));
    await enqueue(t.db(), bookingSweepJob, {}, { idempotencyKey: 'waitlist-test-sweep' });
    await drainJobs(t.db());
    expect((await t.db().select().from(waitlistEntries).where(eq(waitlistEntries.userId, b.user.id)))[0]!.status).toBe('expired');
    expect((await t.db().select().from(bookings).where(eq(bookings.id, offerB.offeredBookingId!)))[0]!.status).toBe('expired');
    expect((await t.db().select().from(waitlistEntries).where(eq(waitlistEntries.userId, c.user.id)))[0]!.status).toBe('offered');
    const late = await callRoute(confirmBookingRoute, { params: { id: offerB.offeredBookingId! }, body: {}, headers: await b.headers() });
    expect(late.json).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    // Exactly one live hold on the window: no offer was made twice.
    const holds = (await t.db().select().from(bookings).where(eq(bookings.spaceId, s.id))).filter((r) => r.status === 'held');
    expect(holds).toHaveLength(1);
  });

  it('a free window is offered at once; the booking rules apply to joining', async () => {
    const s = await insertSpace(t.db(), { openingHours: { '2': [{ start: '09:00', end: '18:00' }] } });
    const a = await person();
    const res = await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await a.headers() });
    expect(res.json).toMatchObject({ status: 'offered' });
    const bad = await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: { startsAt: at('2027-03-02T17:00').toISOString(), endsAt: at('2027-03-02T19:00').toISOString() }, headers: await a.headers() });
    expect(bad.json).toMatchObject({ code: 'OUTSIDE_OPENING_HOURS' });
  });
});

describe('waitlist runs', () => {
  it('two runs at once (two workers, or a restart mid-run) make one offer, never two', async () => {
    const s = await insertSpace(t.db());
    const [b, c] = await Promise.all([person(), person()]);
    const blocker = await person();
    const booked = await callRoute(createBookingRoute, { body: { spaceId: s.id, ...window }, headers: await blocker.headers() });
    await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await b.headers() });
    await callRoute(joinWaitlistRoute, { params: { id: s.id }, body: window, headers: await c.headers() });
    await t.db().update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, (booked.json as { id: string }).id));
    const runs = await Promise.all([processWaitlist(t.db(), s.id, at('2027-03-01T08:05')), processWaitlist(t.db(), s.id, at('2027-03-01T08:05')), processWaitlist(t.db(), s.id, at('2027-03-01T08:05'))]);
    expect(runs.reduce((n, r) => n + r.offered, 0)).toBe(1);
    const entries = await t.db().select().from(waitlistEntries).where(eq(waitlistEntries.spaceId, s.id));
    expect(entries.filter((e) => e.status === 'offered').map((e) => e.userId)).toEqual([b.user.id]);
    expect((await t.db().select().from(bookings).where(eq(bookings.spaceId, s.id))).filter((r) => r.status === 'held')).toHaveLength(1);
  });
});
