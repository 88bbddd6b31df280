/**
 * Bookings on a real database (issue 11 "Tests"): the exclusion constraint (overlap refused, adjacent allowed, buffers
 * block, cancelled and expired ignored), the API contract and every bad input of the issue — each refused with its
 * stable code and a localised message, nothing written. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL
 * (where the concurrency tests also race for real: 40 parallel requests through the route handler).
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, bookings } from '@/db/schema';
import { resetClock, setNow } from '@/lib/clock';
import { pgErrorCode } from '@/lib/http/errors';
import { approveBookingRoute, cancelBookingRoute, checkInBookingRoute, createBookingRoute, createMyBookingFeedRoute, createSeriesRoute, personBookingFeedRoute, spaceFeedRoute, getSpaceRoute, listSpacesRoute, myBookingsRoute, rejectBookingRoute, spaceAvailabilityRoute, utilisationRoute, zoneBookingsRoute } from './api';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertBooking, insertSpace } from '@/tests/helpers/bookings';
import { seedSimplePolicy } from '@/tests/helpers/policies';

const t = setupTestDb();
/** Jingdezhen wall time → instant. 2027-03-01 is a Monday. */
const at = (local: string) => new Date(`${local}:00+08:00`);
const weekday = [{ start: '09:00', end: '18:00' }];
const WEEK = { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday };

beforeEach(() => setNow(at('2027-03-01T08:00')));
afterEach(() => resetClock());

async function talentWithToken(opts: Parameters<typeof makeTalent>[1] = {}) {
  const u = await makeTalent(t.db(), opts);
  return { user: u, headers: bearer(await tokenFor(t.db(), u)) };
}
const rowCount = async () => (await t.db().select({ n: count() }).from(bookings))[0]!.n;
const post = (headers: Record<string, string>, body: unknown) => callRoute(createBookingRoute, { body, headers });
const req = (spaceId: string, s: string, e: string, extra: Record<string, unknown> = {}) => ({ spaceId, startsAt: at(s).toISOString(), endsAt: at(e).toISOString(), ...extra });

describe('the exclusion constraint', () => {
  it('refuses an overlapping blocking row (23P01) and accepts an adjacent one', async () => {
    const db = t.db();
    const s = await insertSpace(db);
    const u = await makeTalent(db);
    await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T12:00') });
    const err = await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T11:00'), endsAt: at('2027-03-02T13:00') }).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('23P01');
    await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T12:00'), endsAt: at('2027-03-02T13:00') });
    await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T09:00'), endsAt: at('2027-03-02T10:00') });
    expect(await rowCount()).toBe(3);
  });
  it('guards the buffered window', async () => {
    const db = t.db();
    const s = await insertSpace(db);
    const u = await makeTalent(db);
    await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T12:00'), blockEnd: at('2027-03-02T14:00') });
    const err = await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T13:00'), endsAt: at('2027-03-02T15:00') }).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('23P01');
  });
  it('ignores cancelled, rejected, expired, completed and no-show rows, and other spaces', async () => {
    const db = t.db();
    const s = await insertSpace(db);
    const other = await insertSpace(db);
    const u = await makeTalent(db);
    const w = { startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T12:00') };
    for (const status of ['cancelled', 'rejected', 'expired', 'completed', 'no_show'] as const) await insertBooking(db, { spaceId: s.id, userId: u.id, status, ...w });
    await insertBooking(db, { spaceId: other.id, userId: u.id, ...w });
    await insertBooking(db, { spaceId: s.id, userId: u.id, status: 'pending', ...w });
    // …and a row that stops blocking can never be moved back over a live one.
    const err = await db
      .update(bookings)
      .set({ status: 'confirmed' })
      .where(eq(bookings.status, 'cancelled'))
      .catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('23P01');
  });
  it('blocks with a held row until the service expires it', async () => {
    const db = t.db();
    const s = await insertSpace(db);
    const u = await makeTalent(db);
    await insertBooking(db, { spaceId: s.id, userId: u.id, status: 'held', holdExpiresAt: at('2027-03-01T07:55'), startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T11:00') });
    const err = await insertBooking(db, { spaceId: s.id, userId: u.id, startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T11:00') }).catch((e: unknown) => e);
    expect(pgErrorCode(err)).toBe('23P01');
  });
});

describe('POST /api/v1/bookings', () => {
  it('books a free slot (201), refuses an overlap with 409 SLOT_TAKEN and the conflicting window, accepts the adjacent slot', async () => {
    const s = await insertSpace(t.db());
    const a = await talentWithToken();
    const b = await talentWithToken();
    const first = await post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00', { purpose: '拉坯' }));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'confirmed', spaceId: s.id, purpose: '拉坯', startsAt: at('2027-03-02T10:00').toISOString(), mayCancel: true });
    const clash = await post(b.headers, req(s.id, '2027-03-02T11:00', '2027-03-02T13:00'));
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ code: 'SLOT_TAKEN', conflict: { startsAt: at('2027-03-02T10:00').toISOString(), endsAt: at('2027-03-02T12:00').toISOString() } });
    expect((await post(b.headers, req(s.id, '2027-03-02T12:00', '2027-03-02T13:00'))).status).toBe(201);
    expect(await rowCount()).toBe(2);
  });

  it('buffers stack: a kiln’s cooling blocks the next firing', async () => {
    const s = await insertSpace(t.db(), { kind: 'electric_kiln', bufferBeforeMin: 60, bufferAfterMin: 180 });
    const a = await talentWithToken();
    expect((await post(a.headers, req(s.id, '2027-03-02T08:00', '2027-03-02T12:00'))).status).toBe(201);
    expect((await post(a.headers, req(s.id, '2027-03-02T15:00', '2027-03-02T17:00'))).status).toBe(409); // 12:00 + 3 h cooling + 1 h loading
    expect((await post(a.headers, req(s.id, '2027-03-02T16:00', '2027-03-02T18:00'))).status).toBe(201);
  });

  it('an expired hold never blocks, though no sweeper ran; a live hold does', async () => {
    const db = t.db();
    const s = await insertSpace(db);
    const holder = await makeTalent(db);
    const stale = await insertBooking(db, { spaceId: s.id, userId: holder.id, status: 'held', holdExpiresAt: at('2027-03-01T07:59'), startsAt: at('2027-03-02T10:00'), endsAt: at('2027-03-02T11:00') });
    await insertBooking(db, { spaceId: s.id, userId: holder.id, status: 'held', holdExpiresAt: at('2027-03-01T08:10'), startsAt: at('2027-03-02T14:00'), endsAt: at('2027-03-02T15:00') });
    const a = await talentWithToken();
    expect((await post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'))).status).toBe(201);
    expect((await db.select().from(bookings).where(eq(bookings.id, stale.id)))[0]).toMatchObject({ status: 'expired', icalSequence: 1 });
    expect((await post(a.headers, req(s.id, '2027-03-02T14:00', '2027-03-02T15:00'))).status).toBe(409);
    const avail = await callRoute(spaceAvailabilityRoute, { params: { id: s.id }, query: { from: at('2027-03-02T13:00').toISOString(), to: at('2027-03-02T16:00').toISOString() } });
    expect((avail.json as { slots: { state: string }[] }).slots.map((x) => x.state)).toEqual(['free', 'taken', 'free']);
  });

  it('a missed check-in releases the slot for the next booker (no-show, counted)', async () => {
    const db = t.db();
    const s = await insertSpace(db, { checkinRequired: true, checkinGraceMin: 15 });
    const late = await makeTalent(db);
    const missed = await insertBooking(db, { spaceId: s.id, userId: late.id, startsAt: at('2027-03-01T07:00'), endsAt: at('2027-03-01T10:00') });
    const a = await talentWithToken();
    const res = await post(a.headers, req(s.id, '2027-03-01T09:00', '2027-03-01T10:00'));
    expect(res.json).toMatchObject({ status: 'confirmed' });
    expect((await db.select().from(bookings).where(eq(bookings.id, missed.id)))[0]!.status).toBe('no_show');
  });

  it('returns the first booking for a retried idempotency key (field or header), one row', async () => {
    const s = await insertSpace(t.db());
    const a = await talentWithToken();
    const body = req(s.id, '2027-03-02T10:00', '2027-03-02T11:00', { idempotencyKey: 'retry-key-0001' });
    const one = await post(a.headers, body);
    const two = await post(a.headers, body);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect((two.json as { id: string }).id).toBe((one.json as { id: string }).id);
    const viaHeader = { ...a.headers, 'idempotency-key': 'retry-key-0002' };
    const h1 = await post(viaHeader, req(s.id, '2027-03-02T12:00', '2027-03-02T13:00'));
    const h2 = await post(viaHeader, req(s.id, '2027-03-02T12:00', '2027-03-02T13:00'));
    expect((h2.json as { id: string }).id).toBe((h1.json as { id: string }).id);
    expect(await rowCount()).toBe(2);
    // The key is the booker's: another talent with the same key gets their own answer (here: the slot is taken).
    const b = await talentWithToken();
    expect((await post(b.headers, body)).status).toBe(409);
  });

  it('a pending request holds its slot; two overlapping requests never both exist, so never both approved', async () => {
    const s = await insertSpace(t.db(), { requiresApproval: true, zoneCode: 'jkq' });
    const a = await talentWithToken();
    const b = await talentWithToken();
    const first = await post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00'));
    expect(first.json).toMatchObject({ status: 'pending' });
    expect((await post(b.headers, req(s.id, '2027-03-02T11:00', '2027-03-02T12:00'))).status).toBe(409);
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const staffHeaders = bearer(await tokenFor(t.db(), staff));
    const list = await callRoute(zoneBookingsRoute, { headers: staffHeaders, query: { status: 'pending' } });
    expect((list.json as { items: { id: string; bookerName: string }[] }).items.map((i) => i.id)).toEqual([(first.json as { id: string }).id]);
    const id = (first.json as { id: string }).id;
    expect((await callRoute(approveBookingRoute, { params: { id }, body: {}, headers: staffHeaders })).json).toMatchObject({ status: 'confirmed' });
    expect((await callRoute(approveBookingRoute, { params: { id }, body: {}, headers: staffHeaders })).json).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    // Staff of another zone may not decide.
    const other = await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' });
    const second = await post(b.headers, req(s.id, '2027-03-02T14:00', '2027-03-02T15:00'));
    const sid = (second.json as { id: string }).id;
    expect((await callRoute(rejectBookingRoute, { params: { id: sid }, body: { reason: '另有安排' }, headers: bearer(await tokenFor(t.db(), other)) })).status).toBe(403);
    expect((await callRoute(rejectBookingRoute, { params: { id: sid }, body: { reason: '另有安排' }, headers: staffHeaders })).json).toMatchObject({ status: 'rejected', reason: '另有安排' });
  });
});

describe('bad input: a stable code, a localised message, nothing written', () => {
  async function refused(headers: Record<string, string>, body: unknown, code: string, status: number) {
    const before = await rowCount();
    const auditBefore = (await t.db().select({ n: count() }).from(auditLog).where(sql`${auditLog.action} like 'booking.%'`))[0]!.n;
    const zh = await post(headers, body);
    const en = await post({ ...headers, 'accept-language': 'en' }, body);
    expect([zh.status, en.status]).toEqual([status, status]);
    expect((zh.json as { code: string }).code).toBe(code);
    expect((en.json as { code: string }).code).toBe(code);
    expect((zh.json as { title: string }).title).not.toBe((en.json as { title: string }).title);
    expect((zh.json as { title: string }).title).toMatch(/[\u4e00-\u9fff]/);
    expect(await rowCount()).toBe(before);
    expect((await t.db().select({ n: count() }).from(auditLog).where(sql`${auditLog.action} like 'booking.%'`))[0]!.n).toBe(auditBefore);
  }

  it('refuses each rule of the space', async () => {
    const s = await insertSpace(t.db(), { openingHours: WEEK, slotMinutes: 60, minMinutes: 60, maxMinutes: 180, minNoticeMin: 120, maxAdvanceDays: 14 });
    const { headers } = await talentWithToken();
    await refused(headers, req(s.id, '2027-03-02T12:00', '2027-03-02T11:00'), 'END_BEFORE_START', 400);
    await refused(headers, req(s.id, '2027-03-02T17:00', '2027-03-02T19:00'), 'OUTSIDE_OPENING_HOURS', 400);
    await refused(headers, req(s.id, '2027-03-07T10:00', '2027-03-07T11:00'), 'OUTSIDE_OPENING_HOURS', 400);
    await refused(headers, req(s.id, '2027-03-02T10:30', '2027-03-02T11:30'), 'OFF_SLOT_GRID', 400);
    await refused(headers, req(s.id, '2027-03-02T10:00', '2027-03-02T14:00'), 'BOOKING_TOO_LONG', 400);
    await refused(headers, req(s.id, '2027-03-01T09:00', '2027-03-01T10:00'), 'NOTICE_TOO_SHORT', 400);
    await refused(headers, req(s.id, '2027-03-22T10:00', '2027-03-22T11:00'), 'TOO_FAR_AHEAD', 400);
    const short = await insertSpace(t.db(), { slotMinutes: 30, minMinutes: 60 });
    await refused(headers, req(short.id, '2027-03-02T10:00', '2027-03-02T10:30'), 'BOOKING_TOO_SHORT', 400);
    await refused(headers, { ...req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'), startsAt: '2027-03-02 10:00' }, 'VALIDATION_FAILED', 400);
    await refused(headers, req('00000000-0000-4000-8000-000000000000', '2027-03-02T10:00', '2027-03-02T11:00'), 'NOT_FOUND', 404);
  });

  it('refuses beyond the quota (count per week; minutes per month)', async () => {
    const s = await insertSpace(t.db(), { quotas: [{ period: 'week', metric: 'count', limit: 2 }] });
    const { headers } = await talentWithToken();
    expect((await post(headers, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'))).status).toBe(201);
    expect((await post(headers, req(s.id, '2027-03-03T10:00', '2027-03-03T11:00'))).status).toBe(201);
    await refused(headers, req(s.id, '2027-03-04T10:00', '2027-03-04T11:00'), 'QUOTA_EXCEEDED', 409);
    expect((await post(headers, req(s.id, '2027-03-08T10:00', '2027-03-08T11:00'))).status).toBe(201); // next week
    const m = await insertSpace(t.db(), { quotas: [{ period: 'month', metric: 'minutes', limit: 180 }] });
    expect((await post(headers, req(m.id, '2027-03-02T10:00', '2027-03-02T12:00'))).status).toBe(201);
    await refused(headers, req(m.id, '2027-03-20T10:00', '2027-03-20T12:00'), 'QUOTA_EXCEEDED', 409);
  });

  it('a space for a policy’s holders: ELIGIBLE may book, NEEDS_INFO and INELIGIBLE may not', async () => {
    await seedSimplePolicy(t.db(), 'JP-901'); // nationality CN → ELIGIBLE, JP → INELIGIBLE, unknown → NEEDS_INFO
    const s = await insertSpace(t.db(), { kind: 'livestream_room', eligiblePolicyCode: 'JP-901' });
    const foreign = await talentWithToken({ profile: { nationality: 'JP' } });
    const unknown = await talentWithToken({ profile: { nationality: null } });
    await refused(foreign.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'), 'NOT_ELIGIBLE_TO_BOOK', 403);
    await refused(unknown.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'), 'NOT_ELIGIBLE_TO_BOOK', 403);
    const citizen = await talentWithToken();
    expect((await post(citizen.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'))).status).toBe(201);
  });

  it('staff and anonymous callers cannot book', async () => {
    const s = await insertSpace(t.db());
    const staff = await makeUser(t.db(), 'zone_staff');
    expect((await post(bearer(await tokenFor(t.db(), staff)), req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'))).status).toBe(403);
    expect((await post({}, req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'))).status).toBe(401);
    expect(await rowCount()).toBe(0);
  });
});

describe('cancel and check-in', () => {
  it('cancels until the cutoff, then 409 CANCEL_CUTOFF_PASSED; SEQUENCE increases', async () => {
    const s = await insertSpace(t.db(), { cancelCutoffMin: 120 });
    const a = await talentWithToken();
    const early = (await post(a.headers, req(s.id, '2027-03-01T12:00', '2027-03-01T13:00'))).json as { id: string };
    const late = (await post(a.headers, req(s.id, '2027-03-01T09:00', '2027-03-01T10:00'))).json as { id: string };
    const ok = await callRoute(cancelBookingRoute, { params: { id: early.id }, body: { reason: '改期' }, headers: a.headers });
    expect(ok.json).toMatchObject({ status: 'cancelled', mayCancel: false });
    const row = (await t.db().select().from(bookings).where(eq(bookings.id, early.id)))[0]!;
    expect(row).toMatchObject({ icalSequence: 1, reason: '改期' });
    const refused = await callRoute(cancelBookingRoute, { params: { id: late.id }, body: {}, headers: a.headers });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'CANCEL_CUTOFF_PASSED' });
    // The freed slot is bookable again; someone else's booking is not theirs to cancel.
    const b = await talentWithToken();
    expect((await post(b.headers, req(s.id, '2027-03-01T12:00', '2027-03-01T13:00'))).status).toBe(201);
    expect((await callRoute(cancelBookingRoute, { params: { id: late.id }, body: {}, headers: b.headers })).status).toBe(403);
  });

  it('checks in with the space’s own code inside the window only', async () => {
    const s = await insertSpace(t.db(), { checkinRequired: true, checkinGraceMin: 15 });
    const other = await insertSpace(t.db());
    const a = await talentWithToken();
    const bk = (await post(a.headers, req(s.id, '2027-03-01T09:00', '2027-03-01T11:00'))).json as { id: string };
    let headers = a.headers;
    const checkIn = (token: string) => callRoute(checkInBookingRoute, { params: { id: bk.id }, body: { token }, headers });
    expect((await checkIn(s.checkinToken)).json).toMatchObject({ code: 'CHECKIN_OUTSIDE_WINDOW' }); // 08:00, opens 08:45
    setNow(at('2027-03-01T08:50'));
    headers = bearer(await tokenFor(t.db(), a.user)); // sessions idle out after 30 minutes
    expect((await checkIn(other.checkinToken)).json).toMatchObject({ code: 'CHECKIN_WRONG_SPACE' });
    expect((await t.db().select().from(bookings).where(eq(bookings.id, bk.id)))[0]!.status).toBe('confirmed');
    expect((await checkIn(s.checkinToken)).json).toMatchObject({ status: 'checked_in' });
    setNow(at('2027-03-01T11:00'));
    const mine = await callRoute(myBookingsRoute, { headers: bearer(await tokenFor(t.db(), a.user)), query: { when: 'all' } });
    expect((mine.json as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['completed']);
  });

  it('shows a missed check-in as a no-show on read', async () => {
    const s = await insertSpace(t.db(), { checkinRequired: true, checkinGraceMin: 15 });
    const a = await talentWithToken();
    await post(a.headers, req(s.id, '2027-03-01T09:00', '2027-03-01T11:00'));
    setNow(at('2027-03-01T09:15'));
    const mine = await callRoute(myBookingsRoute, { headers: bearer(await tokenFor(t.db(), a.user)), query: { when: 'all' } });
    expect((mine.json as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['no_show']);
  });
});

describe('spaces', () => {
  it('lists by kind and shows one space with its rules in the reader’s language', async () => {
    await insertSpace(t.db(), { kind: 'gas_kiln', nameZh: '气窑一号', nameEn: 'Gas kiln 1' });
    await insertSpace(t.db(), { kind: 'studio' });
    const list = await callRoute(listSpacesRoute, { query: { kind: 'gas_kiln' }, headers: { 'accept-language': 'en' } });
    const items = (list.json as { items: { id: string; name: string }[] }).items;
    expect(items.map((i) => i.name)).toEqual(['Gas kiln 1']);
    const one = await callRoute(getSpaceRoute, { params: { id: items[0]!.id } });
    expect(one.json).toMatchObject({ name: '气窑一号', kind: 'gas_kiln', slotMinutes: 60, timezone: 'Asia/Shanghai' });
    expect((await callRoute(listSpacesRoute, { query: { kind: 'castle' } })).status).toBe(400);
  });
  it('refuses an availability range over 31 days or reversed', async () => {
    const s = await insertSpace(t.db());
    expect((await callRoute(spaceAvailabilityRoute, { params: { id: s.id }, query: { from: at('2027-03-01T00:00').toISOString(), to: at('2027-04-05T00:00').toISOString() } })).status).toBe(400);
    expect((await callRoute(spaceAvailabilityRoute, { params: { id: s.id }, query: { from: at('2027-03-02T00:00').toISOString(), to: at('2027-03-01T00:00').toISOString() } })).status).toBe(400);
  });
});

describe('under concurrency (through the route handler)', () => {
  it('40 parallel identical requests: exactly one 201 and 39 × 409 SLOT_TAKEN, one row', async () => {
    const s = await insertSpace(t.db());
    const callers = await Promise.all(Array.from({ length: 8 }, () => talentWithToken()));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => post(callers[i % 8]!.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00'))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(39);
    expect(results.filter((r) => r.status === 409).every((r) => (r.json as { code: string }).code === 'SLOT_TAKEN')).toBe(true);
    expect(await rowCount()).toBe(1);
  });

  it('40 parallel retries with one idempotency key: one booking, every answer names it', async () => {
    const s = await insertSpace(t.db());
    const a = await talentWithToken();
    const results = await Promise.all(Array.from({ length: 40 }, () => post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00', { idempotencyKey: 'double-click-0001' }))));
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(results.map((r) => (r.json as { id: string }).id)).size).toBe(1);
    expect(await rowCount()).toBe(1);
  });

  it('two overlapping requests raced, then both approvals raced: exactly one confirmed', async () => {
    const s = await insertSpace(t.db(), { requiresApproval: true });
    const [a, b] = await Promise.all([talentWithToken(), talentWithToken()]);
    const [ra, rb] = await Promise.all([post(a!.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00')), post(b!.headers, req(s.id, '2027-03-02T11:00', '2027-03-02T13:00'))]);
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const staffA = bearer(await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff')));
    const staffB = bearer(await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff')));
    const id = ((ra.status === 201 ? ra : rb).json as { id: string }).id;
    const decisions = await Promise.all([callRoute(approveBookingRoute, { params: { id }, body: {}, headers: staffA }), callRoute(approveBookingRoute, { params: { id }, body: {}, headers: staffB })]);
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    const rows = await t.db().select().from(bookings);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(1);
    expect(rows).toHaveLength(1);
  });

  it('quotas hold under concurrency: 10 parallel requests for different slots, limit 3 a week → 3 bookings', async () => {
    const s = await insertSpace(t.db(), { quotas: [{ period: 'week', metric: 'count', limit: 3 }] });
    const a = await talentWithToken();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => post(a.headers, req(s.id, `2027-03-02T${String(8 + i).padStart(2, '0')}:00`, `2027-03-02T${String(9 + i).padStart(2, '0')}:00`))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => (r.json as { code: string }).code === 'QUOTA_EXCEEDED')).toBe(true);
    expect(await rowCount()).toBe(3);
  });
});


describe('iCal feeds', () => {
  it('my feed: a secret, revocable address; stable UID, SEQUENCE up on every change, STATUS:CANCELLED after a cancellation', async () => {
    const s = await insertSpace(t.db(), { nameZh: '共享电窑', nameEn: 'Shared kiln' });
    const a = await talentWithToken();
    const bk = (await post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00', { purpose: '素烧' }))).json as { id: string };
    const created = await callRoute(createMyBookingFeedRoute, { body: {}, headers: a.headers });
    expect(created.status).toBe(201);
    const path = (created.json as { path: string }).path;
    const token = path.split('/').pop()!;
    const fetchFeed = () => callRoute(personBookingFeedRoute, { params: { token } });
    const first = await fetchFeed();
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(first.text).toContain('BEGIN:VCALENDAR');
    expect(first.text).toContain(`UID:${bk.id}@jingpiao`);
    expect(first.text).toContain('SEQUENCE:0');
    expect(first.text).toContain('STATUS:CONFIRMED');
    expect(first.text).toContain('DTSTART:20270302T020000Z');
    expect(first.text).toContain('SUMMARY:共享电窑');
    await callRoute(cancelBookingRoute, { params: { id: bk.id }, body: {}, headers: a.headers });
    const second = await fetchFeed();
    expect(second.text).toContain(`UID:${bk.id}@jingpiao`);
    expect(second.text).toContain('SEQUENCE:1');
    expect(second.text).toContain('STATUS:CANCELLED');
    // A new address revokes the old one.
    await callRoute(createMyBookingFeedRoute, { body: {}, headers: a.headers });
    expect((await fetchFeed()).status).toBe(404);
  });

  it('a space’s feed shows busy times without names or purposes', async () => {
    const s = await insertSpace(t.db());
    const a = await talentWithToken();
    await post(a.headers, req(s.id, '2027-03-02T10:00', '2027-03-02T12:00', { purpose: '私人创作' }));
    const feed = await callRoute(spaceFeedRoute, { params: { id: s.id } });
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('SUMMARY:已约');
    expect(feed.text).not.toContain('私人创作');
    expect(feed.text).not.toContain(a.user.email);
  });
});

describe('weekly series (RRULE)', () => {
  const series = (headers: Record<string, string>, body: Record<string, unknown>) => callRoute(createSeriesRoute, { body, headers });
  it('all or nothing: a conflict on one week writes nothing and names the window', async () => {
    const s = await insertSpace(t.db());
    const a = await talentWithToken();
    const b = await talentWithToken();
    expect((await post(b.headers, req(s.id, '2027-03-16T10:00', '2027-03-16T11:00'))).status).toBe(201); // week 3
    const before = await rowCount();
    const res = await series(a.headers, { ...req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'), count: 4, mode: 'all_or_nothing' });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'SLOT_TAKEN', conflict: { startsAt: at('2027-03-16T10:00').toISOString() } });
    expect(await rowCount()).toBe(before);
  });
  it('skip conflicts: books the free weeks and reports the skipped dates with their codes', async () => {
    const s = await insertSpace(t.db(), { maxAdvanceDays: 20 });
    const a = await talentWithToken();
    const b = await talentWithToken();
    await post(b.headers, req(s.id, '2027-03-09T10:00', '2027-03-09T11:00'));
    const res = await series(a.headers, { ...req(s.id, '2027-03-02T10:00', '2027-03-02T11:00'), count: 4, mode: 'skip_conflicts' });
    expect(res.status).toBe(201);
    const body = res.json as { seriesId: string; rrule: string; created: { startsAt: string }[]; skipped: { startsAt: string; code: string }[] };
    expect(body.rrule).toContain('FREQ=WEEKLY');
    expect(body.created.map((c) => c.startsAt)).toEqual([at('2027-03-02T10:00').toISOString(), at('2027-03-16T10:00').toISOString()]);
    expect(body.skipped).toEqual([
      { startsAt: at('2027-03-09T10:00').toISOString(), endsAt: at('2027-03-09T11:00').toISOString(), code: 'SLOT_TAKEN' },
      { startsAt: at('2027-03-23T10:00').toISOString(), endsAt: at('2027-03-23T11:00').toISOString(), code: 'TOO_FAR_AHEAD' },
    ]);
    const rows = await t.db().select().from(bookings).where(eq(bookings.seriesId, body.seriesId));
    expect(rows).toHaveLength(2);
  });
});

describe('staff utilisation', () => {
  it('reports the zone’s spaces only, with booked hours and no-shows; refuses a reversed period', async () => {
    const db = t.db();
    const mine = await insertSpace(db, { zoneCode: 'jkq', nameZh: '经开区工作室' });
    const theirs = await insertSpace(db, { zoneCode: 'zsq', nameZh: '珠山工作室' });
    const u = await makeTalent(db);
    await insertBooking(db, { spaceId: mine.id, userId: u.id, status: 'completed', startsAt: at('2027-02-10T10:00'), endsAt: at('2027-02-10T13:00') });
    await insertBooking(db, { spaceId: mine.id, userId: u.id, status: 'no_show', startsAt: at('2027-02-11T10:00'), endsAt: at('2027-02-11T11:00') });
    await insertBooking(db, { spaceId: theirs.id, userId: u.id, status: 'completed', startsAt: at('2027-02-10T10:00'), endsAt: at('2027-02-10T13:00') });
    const staff = bearer(await tokenFor(db, await makeUser(db, 'zone_staff', { zoneCode: 'jkq' })));
    const res = await callRoute(utilisationRoute, { headers: staff, query: { from: '2027-02-01', to: '2027-02-28' } });
    expect(res.status).toBe(200);
    const body = res.json as { spaces: { name: string; bookedHours: number; noShows: number; noShowRate: number }[]; kinds: { kind: string; bookings: number }[] };
    expect(body.spaces).toMatchObject([{ name: '经开区工作室', bookedHours: 4, noShows: 1, noShowRate: 0.5 }]);
    expect(body.kinds).toMatchObject([{ kind: 'studio', bookings: 2 }]);
    expect((await callRoute(utilisationRoute, { headers: staff, query: { from: '2027-02-28', to: '2027-02-01' } })).status).toBe(400);
  });
});
