/** Permission-matrix fixtures: spaces, availability and bookings (harness: tests/helpers/matrix.ts). */
import { asc, eq } from 'drizzle-orm';
import { bookingFeeds, bookings, slotBookings, spaceSlots, waitlistEntries } from '@/db/schema';
import { sha256 } from '@/lib/crypto/fields';
import { own, ownerFor, scoped, zoneFor, type Fixture, type MatrixCtx, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';
import { hourAhead, hours, insertBooking, insertSpace } from '@/tests/helpers/bookings';

let slot = 0;
/** A fresh hour per case, so cases in one world never collide on a window. */
const nextStart = () => hourAhead(24 + (slot++ % 500) * 2);

/** A booking of the caller (own) or the stranger (other), in the given status. */
async function bookingFor(ctx: MatrixCtx, status: 'confirmed' | 'pending', startsAt = nextStart()) {
  const owner = ownerFor(ctx);
  const space = await insertSpace(ctx.db);
  const b = await insertBooking(ctx.db, { spaceId: space.id, userId: owner.id, status, startsAt, endsAt: hours(startsAt, 1) });
  return { b, space, resource: { ownerId: owner.id } };
}

/** A pending request on a space of the caller's zone (own) or the other zone. */
async function requestInZone(ctx: MatrixCtx) {
  const zone = zoneFor(ctx);
  const space = await insertSpace(ctx.db, { zoneCode: zone, requiresApproval: true });
  const start = nextStart();
  const b = await insertBooking(ctx.db, { spaceId: space.id, userId: ctx.stranger.id, status: 'pending', startsAt: start, endsAt: hours(start, 1) });
  return { b, resource: { zoneCode: zone } };
}

/** A confirmed booking starting in five minutes (check-in open) with the space's token. */
async function checkInCase(ctx: MatrixCtx) {
  const { b, space, resource } = await bookingFor(ctx, 'confirmed', new Date(Date.now() + 5 * 60_000));
  return { id: b.id, token: space.checkinToken, resource };
}

const body = async (ctx: MatrixCtx) => {
  const space = await insertSpace(ctx.db);
  const start = nextStart();
  return { spaceId: space.id, startsAt: start.toISOString(), endsAt: hours(start, 1).toISOString() };
};

/** An open slot (capacity 5) on a studio of the given zone, starting tomorrow-ish. */
async function slotIn(ctx: MatrixCtx, zone: string = 'jkq') {
  const space = await insertSpace(ctx.db, { zoneCode: zone });
  const start = nextStart();
  const [slot] = await ctx.db.insert(spaceSlots).values({ spaceId: space.id, startsAt: start, endsAt: hours(start, 2), capacity: 5 }).returning();
  return { space, slot: slot! };
}

export const routeFixtures: Record<string, Fixture> = {
  listSpaceSlots: async (ctx) => {
    const from = hourAhead(1);
    return { params: { id: (await slotIn(ctx)).space.id }, query: { from: from.toISOString(), to: hours(from, 48).toISOString() } };
  },
  createSpaceSlot: scoped(async (ctx) => {
    const zone = zoneFor(ctx);
    const space = await insertSpace(ctx.db, { zoneCode: zone, kind: 'electric_kiln' });
    const start = nextStart();
    return { params: { id: space.id }, body: { startsAt: start.toISOString(), endsAt: hours(start, 8).toISOString(), capacity: 6, titleZh: '素烧' }, resource: { zoneCode: zone } };
  }),
  bookSlot: async (ctx) => ({ params: { id: (await slotIn(ctx)).slot.id }, body: { quantity: 1 }, resource: own(ctx) }),
  // "My places in this slot": there is no one else's resource to reach, so the case is the caller's own.
  cancelSlotBooking: async (ctx) => {
    const { slot } = await slotIn(ctx);
    const owner = ctx.actor ?? ctx.stranger;
    await ctx.db.insert(slotBookings).values({ slotId: slot.id, userId: owner.id, quantity: 2 });
    await ctx.db.update(spaceSlots).set({ booked: 2 }).where(eq(spaceSlots.id, slot.id));
    return { params: { id: slot.id }, resource: own(ctx) };
  },
  listSpaces: async () => ({ query: { kind: 'studio' } }),
  getSpace: async (ctx) => ({ params: { id: (await insertSpace(ctx.db)).id } }),
  getSpaceAvailability: async (ctx) => {
    const from = hourAhead(1);
    return { params: { id: (await insertSpace(ctx.db)).id }, query: { from: from.toISOString(), to: hours(from, 24).toISOString() } };
  },
  createBooking: async (ctx) => ({ body: await body(ctx), resource: own(ctx) }),
  createBookingSeries: async (ctx) => ({ body: { ...(await body(ctx)), interval: 1, count: 3, mode: 'skip_conflicts' }, resource: own(ctx) }),
  listZoneBookings: async () => ({ query: { status: 'pending' } }),
  myWaitlist: async (ctx) => ({ resource: own(ctx) }),
  getSpaceCheckInCode: scoped(async (ctx) => {
    const zone = zoneFor(ctx);
    return { params: { id: (await insertSpace(ctx.db, { zoneCode: zone })).id }, resource: { zoneCode: zone } };
  }),
  joinWaitlist: async (ctx) => {
    const space = await insertSpace(ctx.db);
    const start = nextStart();
    // The window is taken, so the caller waits (no offer is made).
    await insertBooking(ctx.db, { spaceId: space.id, userId: ctx.stranger.id, startsAt: start, endsAt: hours(start, 1) });
    return { params: { id: space.id }, body: { startsAt: start.toISOString(), endsAt: hours(start, 1).toISOString() }, resource: own(ctx) };
  },
  confirmBooking: scoped(async (ctx) => {
    const owner = ownerFor(ctx);
    const space = await insertSpace(ctx.db);
    const start = nextStart();
    const b = await insertBooking(ctx.db, { spaceId: space.id, userId: owner.id, status: 'held', holdExpiresAt: hours(new Date(), 1), startsAt: start, endsAt: hours(start, 1) });
    return { params: { id: b.id }, body: {}, resource: { ownerId: owner.id } };
  }),
  getBookingUtilisation: async () => ({ query: { from: '2027-03-01', to: '2027-03-31' } }),
  createMyBookingFeed: async (ctx) => ({ body: {}, resource: own(ctx) }),
  getBookingFeed: async (ctx) => {
    const token = 'matrix-feed-token-0000000000000001';
    await ctx.db.insert(bookingFeeds).values({ userId: ctx.stranger.id, tokenHash: sha256(token) }).onConflictDoUpdate({ target: bookingFeeds.userId, set: { tokenHash: sha256(token) } });
    return { params: { token: `${token}.ics` } };
  },
  getSpaceFeed: async (ctx) => ({ params: { id: (await insertSpace(ctx.db)).id } }),
  myBookings: async (ctx) => ({ query: { when: 'upcoming' }, resource: own(ctx) }),
  cancelBooking: scoped(async (ctx) => {
    const { b, resource } = await bookingFor(ctx, 'confirmed');
    return { params: { id: b.id }, body: {}, resource };
  }),
  checkInBooking: scoped(async (ctx) => {
    const { id, token, resource } = await checkInCase(ctx);
    return { params: { id }, body: { token }, resource };
  }),
  approveBooking: scoped(async (ctx) => {
    const { b, resource } = await requestInZone(ctx);
    return { params: { id: b.id }, body: {}, resource };
  }),
  rejectBooking: scoped(async (ctx) => {
    const { b, resource } = await requestInZone(ctx);
    return { params: { id: b.id }, body: { reason: '该时段另有安排' }, resource };
  }),
};

export const actionFixtures: Record<string, Fixture> = {
  'bookings.createFeed': async (ctx) => ({ input: {}, resource: own(ctx) }),
  'bookings.createSlot': scoped(async (ctx) => {
    const zone = zoneFor(ctx);
    const space = await insertSpace(ctx.db, { zoneCode: zone });
    const start = nextStart();
    return { input: { spaceId: space.id, startsAt: start.toISOString(), endsAt: hours(start, 2).toISOString(), capacity: 8, titleZh: '注浆体验课' }, resource: { zoneCode: zone } };
  }),
  'bookings.joinWaitlist': async (ctx) => {
    const space = await insertSpace(ctx.db);
    const start = nextStart();
    await insertBooking(ctx.db, { spaceId: space.id, userId: ctx.stranger.id, startsAt: start, endsAt: hours(start, 1) });
    return { input: { spaceId: space.id, startsAt: start.toISOString(), endsAt: hours(start, 1).toISOString() }, resource: own(ctx) };
  },
  'bookings.confirmOffer': scoped(async (ctx) => {
    const owner = ownerFor(ctx);
    const space = await insertSpace(ctx.db);
    const start = nextStart();
    const b = await insertBooking(ctx.db, { spaceId: space.id, userId: owner.id, status: 'held', holdExpiresAt: hours(new Date(), 1), startsAt: start, endsAt: hours(start, 1) });
    return { input: { id: b.id }, resource: { ownerId: owner.id } };
  }),
  'bookings.bookSlot': async (ctx) => ({ input: { slotId: (await slotIn(ctx)).slot.id, quantity: 1 }, resource: own(ctx) }),
  'bookings.book': async (ctx) => ({ input: await body(ctx), resource: own(ctx) }),
  'bookings.cancel': scoped(async (ctx) => {
    const { b, resource } = await bookingFor(ctx, 'confirmed');
    return { input: { id: b.id }, resource };
  }),
  'bookings.checkIn': scoped(async (ctx) => {
    const { id, token, resource } = await checkInCase(ctx);
    return { input: { id, token }, resource };
  }),
  'bookings.decide': scoped(async (ctx) => {
    const { b, resource } = await requestInZone(ctx);
    return { input: { id: b.id, decision: 'approve' }, resource };
  }),
};

export const snapshotParts: Record<string, SnapshotPart> = {
  bookings: (db) => db.select({ id: bookings.id, s: bookings.status, q: bookings.icalSequence }).from(bookings).orderBy(asc(bookings.id)),
  spaceSlots: (db) => db.select({ id: spaceSlots.id, b: spaceSlots.booked }).from(spaceSlots).orderBy(asc(spaceSlots.id)),
  slotBookings: (db) => db.select({ id: slotBookings.id, s: slotBookings.status }).from(slotBookings).orderBy(asc(slotBookings.id)),
  waitlistEntries: (db) => db.select({ id: waitlistEntries.id, s: waitlistEntries.status }).from(waitlistEntries).orderBy(asc(waitlistEntries.id)),
  bookingFeeds: (db) => db.select({ u: bookingFeeds.userId, h: bookingFeeds.tokenHash }).from(bookingFeeds).orderBy(asc(bookingFeeds.userId)),
};
