/**
 * The booking timers on the job runner: the sweep sets what reads already derive (expired holds and requests,
 * no-shows after the check-in grace, completed bookings), is idempotent, and runs as a queued job.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookings, jobs } from '@/db/schema';
import { resetClock, setNow } from '@/lib/clock';
import { registeredJobTypes } from '@/lib/jobs/registry';
import { enqueue } from '@/lib/jobs/queue';
import { bookingSweepJob } from './jobs';
import { sweepBookings } from './timers';
import { setupTestDb } from '@/tests/helpers/db';
import { makeTalent } from '@/tests/helpers/factories';
import { insertBooking, insertSpace } from '@/tests/helpers/bookings';
import { drainJobs } from '@/tests/helpers/jobs';

const t = setupTestDb();
const at = (local: string) => new Date(`${local}:00+08:00`);
afterEach(() => resetClock());

async function world() {
  const db = t.db();
  const plain = await insertSpace(db);
  const checkin = await insertSpace(db, { checkinRequired: true, checkinGraceMin: 15 });
  const checkin2 = await insertSpace(db, { checkinRequired: true, checkinGraceMin: 15 });
  const u = await makeTalent(db);
  const mk = (space: string, status: 'held' | 'pending' | 'confirmed' | 'checked_in', s: string, e: string, extra: Partial<typeof bookings.$inferInsert> = {}) =>
    insertBooking(db, { spaceId: space, userId: u.id, status, startsAt: at(s), endsAt: at(e), ...extra });
  return {
    staleHold: await mk(plain.id, 'held', '2027-03-02T10:00', '2027-03-02T11:00', { holdExpiresAt: at('2027-03-01T09:00') }),
    liveHold: await mk(plain.id, 'held', '2027-03-02T12:00', '2027-03-02T13:00', { holdExpiresAt: at('2027-03-01T11:00') }),
    undecided: await mk(plain.id, 'pending', '2027-03-01T09:00', '2027-03-01T10:00'),
    waiting: await mk(plain.id, 'pending', '2027-03-03T09:00', '2027-03-03T10:00'),
    missed: await mk(checkin.id, 'confirmed', '2027-03-01T09:00', '2027-03-01T12:00'),
    inGrace: await mk(checkin2.id, 'confirmed', '2027-03-01T09:50', '2027-03-01T11:00'),
    over: await mk(plain.id, 'confirmed', '2027-03-01T07:00', '2027-03-01T08:00'),
    attended: await mk(checkin2.id, 'checked_in', '2027-03-01T06:00', '2027-03-01T08:00', { checkedInAt: at('2027-03-01T06:01') }),
  };
}

const statusOf = async (id: string) => (await t.db().select().from(bookings).where(eq(bookings.id, id)))[0]!;

describe('booking timers', () => {
  it('expire, release no-shows and complete, once', async () => {
    const w = await world();
    const now = at('2027-03-01T10:00');
    expect(await sweepBookings(t.db(), now)).toEqual({ expired: 2, noShow: 1, completed: 2 });
    expect((await statusOf(w.staleHold.id)).status).toBe('expired');
    expect((await statusOf(w.staleHold.id)).icalSequence).toBe(1);
    expect((await statusOf(w.liveHold.id)).status).toBe('held');
    expect((await statusOf(w.undecided.id)).status).toBe('expired');
    expect((await statusOf(w.waiting.id)).status).toBe('pending');
    expect((await statusOf(w.missed.id)).status).toBe('no_show');
    expect((await statusOf(w.inGrace.id)).status).toBe('confirmed');
    expect((await statusOf(w.over.id)).status).toBe('completed');
    expect((await statusOf(w.attended.id)).status).toBe('completed');
    expect(await sweepBookings(t.db(), now)).toEqual({ expired: 0, noShow: 0, completed: 0 });
  });

  it('runs on the job runner, under the test clock', async () => {
    expect(registeredJobTypes()).toContain('bookings.sweep');
    const w = await world();
    setNow(at('2027-03-01T10:00'));
    await enqueue(t.db(), bookingSweepJob, {}, { idempotencyKey: 'test-sweep' });
    await enqueue(t.db(), bookingSweepJob, {}, { idempotencyKey: 'test-sweep' }); // the same key is one job
    await drainJobs(t.db());
    expect((await t.db().select().from(jobs).where(eq(jobs.type, 'bookings.sweep'))).filter((j) => j.status === 'done').length).toBeGreaterThanOrEqual(1);
    expect((await statusOf(w.missed.id)).status).toBe('no_show');
    expect((await statusOf(w.staleHold.id)).status).toBe('expired');
  });
});
