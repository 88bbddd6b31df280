import 'server-only';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, slotBookings, spaces, spaceSlots, type Space, type SpaceSlot } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { holdsPolicy } from '@/lib/policies/queries';
import { blockWindow } from './availability';
import type { SlotDto } from './schemas';
import { SlotTakenError, type Ctx } from './service';

/**
 * Capacity slots (issue 11 §3; booking-and-search.md R1, R2 §4): N places per slot, taken by one conditional UPDATE
 * (`booked + q <= capacity`, row-locked, exact under concurrency) and the reservation row in the same transaction;
 * a cancellation gives the places back in its transaction. Firing slots of a kiln hold the kiln itself: the staff
 * member who opens a firing creates, in the same transaction, an exclusive booking of the kiln's buffered window, so
 * studio time and firings cannot collide (the exclusion constraint decides).
 */

const KILNS: readonly Space['kind'][] = ['electric_kiln', 'gas_kiln', 'wood_kiln'];
const MIN = 60_000;

function slotDtoOf(s: SpaceSlot, locale: Locale): SlotDto {
  return {
    id: s.id,
    spaceId: s.spaceId,
    title: locale === 'en' ? s.titleEn || s.titleZh : s.titleZh,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    booked: s.booked,
    remaining: s.capacity - s.booked,
    status: s.status,
    kilnBookingId: s.kilnBookingId,
  };
}

/** GET /api/v1/spaces/{id}/slots — open slots of a space in [from, to), with the places left. Public. */
export async function listSlots(spaceId: string, range: { from: string; to: string }, locale: Locale): Promise<{ items: SlotDto[] }> {
  const db = await getDb();
  const [s] = await db.select({ id: spaces.id }).from(spaces).where(and(eq(spaces.id, spaceId), eq(spaces.active, true))).limit(1);
  if (!s) throw new AppError('NOT_FOUND');
  const rows = await db
    .select()
    .from(spaceSlots)
    .where(and(eq(spaceSlots.spaceId, spaceId), eq(spaceSlots.status, 'open'), lt(spaceSlots.startsAt, new Date(range.to)), gt(spaceSlots.endsAt, new Date(range.from))))
    .orderBy(asc(spaceSlots.startsAt));
  return { items: rows.map((r) => slotDtoOf(r, locale)) };
}

/** POST /api/v1/spaces/{id}/slots — staff of the space's zone open a slot; on a kiln it also books the kiln. */
export async function createSlot(
  actor: Actor | null,
  spaceId: string,
  input: { startsAt: string; endsAt: string; capacity: number; titleZh?: string; titleEn?: string },
  ctx: Ctx,
): Promise<SlotDto> {
  const db = await getDb();
  const [space] = await db.select().from(spaces).where(and(eq(spaces.id, spaceId), eq(spaces.active, true))).limit(1);
  const denial = { ip: ctx.ip, targetType: 'space', targetId: spaceId };
  if (!space) {
    await authorize(actor, 'bookings.manage', undefined, denial);
    throw new AppError('NOT_FOUND');
  }
  const me = await authorize(actor, 'bookings.manage', { zoneCode: space.zoneCode }, denial);
  const req = { start: new Date(input.startsAt), end: new Date(input.endsAt) };
  if (!(req.end > req.start)) throw new AppError('END_BEFORE_START');
  if (req.start <= now()) throw new AppError('NOTICE_TOO_SHORT');
  try {
    const slot = await db.transaction(async (tx) => {
      let kilnBookingId: string | null = null;
      if (KILNS.includes(space.kind)) {
        const win = blockWindow(space, req);
        const [k] = await tx
          .insert(bookings)
          .values({ spaceId: space.id, userId: me.id, status: 'confirmed', startsAt: req.start, endsAt: req.end, blockStart: win.start, blockEnd: win.end, purpose: input.titleZh || 'firing' })
          .returning({ id: bookings.id });
        kilnBookingId = k!.id;
      }
      const [s] = await tx
        .insert(spaceSlots)
        .values({ spaceId: space.id, startsAt: req.start, endsAt: req.end, capacity: input.capacity, titleZh: input.titleZh ?? '', titleEn: input.titleEn ?? '', kilnBookingId, createdBy: me.id })
        .returning();
      await audit({ action: 'booking.slot_create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'space_slot', targetId: s!.id, ip: ctx.ip, detail: { spaceId: space.id, capacity: input.capacity, kilnBookingId } }, tx);
      return s!;
    });
    return slotDtoOf(slot, ctx.locale);
  } catch (err) {
    if (pgErrorCode(err) !== '23P01') throw err;
    const win = blockWindow(space, req);
    const [c] = await db
      .select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt })
      .from(bookings)
      .where(and(eq(bookings.spaceId, space.id), sql`${bookings.status} in ('held','pending','confirmed','checked_in')`, lt(bookings.blockStart, win.end), gt(bookings.blockEnd, win.start)))
      .limit(1);
    throw new SlotTakenError({ startsAt: (c?.startsAt ?? req.start).toISOString(), endsAt: (c?.endsAt ?? req.end).toISOString() });
  }
}

async function loadSlot(slotId: string) {
  const db = await getDb();
  const [row] = await db.select({ slot: spaceSlots, space: spaces }).from(spaceSlots).innerJoin(spaces, eq(spaces.id, spaceSlots.spaceId)).where(eq(spaceSlots.id, slotId)).limit(1);
  return { db, row };
}

/** POST /api/v1/slots/{id}/bookings { quantity } — exactly `capacity` places under any concurrency. */
export async function bookSlot(actor: Actor | null, slotId: string, input: { quantity: number }, ctx: Ctx) {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, targetType: 'space_slot', targetId: slotId });
  const { db, row } = await loadSlot(slotId);
  if (!row || row.slot.status !== 'open' || !row.space.active) throw new AppError('NOT_FOUND');
  if (row.slot.startsAt <= now()) throw new AppError('NOTICE_TOO_SHORT');
  if (row.space.eligiblePolicyCode && !(await holdsPolicy(db, me.id, row.space.eligiblePolicyCode))) throw new AppError('NOT_ELIGIBLE_TO_BOOK');
  try {
    return await db.transaction(async (tx) => {
      const [slot] = await tx
        .update(spaceSlots)
        .set({ booked: sql`${spaceSlots.booked} + ${input.quantity}` })
        .where(and(eq(spaceSlots.id, slotId), eq(spaceSlots.status, 'open'), sql`${spaceSlots.booked} + ${input.quantity} <= ${spaceSlots.capacity}`))
        .returning();
      if (!slot) throw new AppError('SLOT_FULL');
      const [b] = await tx.insert(slotBookings).values({ slotId, userId: me.id, quantity: input.quantity }).returning();
      await audit({ action: 'booking.slot_book', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'space_slot', targetId: slotId, ip: ctx.ip, detail: { quantity: input.quantity } }, tx);
      return { id: b!.id, slotId, quantity: b!.quantity, status: b!.status, slot: slotDtoOf(slot, ctx.locale) };
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('ALREADY_IN_SLOT');
    throw err;
  }
}

/** DELETE /api/v1/slots/{id}/bookings — gives my places back (until the space's cancellation cutoff). */
export async function cancelSlotBooking(actor: Actor | null, slotId: string, ctx: Ctx) {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, targetType: 'space_slot', targetId: slotId });
  const { db, row } = await loadSlot(slotId);
  if (!row) throw new AppError('NOT_FOUND');
  if (now().getTime() > row.slot.startsAt.getTime() - row.space.cancelCutoffMin * MIN) throw new AppError('CANCEL_CUTOFF_PASSED');
  return db.transaction(async (tx) => {
    const [b] = await tx
      .update(slotBookings)
      .set({ status: 'cancelled', cancelledAt: now() })
      .where(and(eq(slotBookings.slotId, slotId), eq(slotBookings.userId, me.id), eq(slotBookings.status, 'confirmed')))
      .returning();
    if (!b) throw new AppError('NOT_FOUND');
    const [slot] = await tx
      .update(spaceSlots)
      .set({ booked: sql`${spaceSlots.booked} - ${b.quantity}` })
      .where(eq(spaceSlots.id, slotId))
      .returning();
    await audit({ action: 'booking.slot_cancel', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'space_slot', targetId: slotId, ip: ctx.ip, detail: { quantity: b.quantity } }, tx);
    return { id: b.id, slotId, quantity: b.quantity, status: b.status, slot: slotDtoOf(slot!, ctx.locale) };
  });
}
