import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { bookings, spaces, waitlistEntries, type WaitlistEntry } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import { holdsPolicy } from '@/lib/policies/queries';
import { blockWindow, checkRequest } from './availability';
import { rulesOf, type Ctx } from './service';

/**
 * The waitlist (issue 11 §4): first come, first served per window. An offer is a `held` booking of the window for the
 * first person waiting, expiring after OFFER_MINUTES: a blocking row like any other, so nobody can take the window
 * meanwhile and two offers of one window cannot both exist (the exclusion constraint). Accepting is the hold's
 * confirmation (POST /api/v1/bookings/{id}/confirm). An unanswered offer lapses — on read at once, in the table at the
 * next run — and passes to the next person. Runs are serialised per space by an advisory lock and idempotent, so the
 * event consumer, the sweep and a restarted worker never offer one window twice.
 */

export const OFFER_MINUTES = 30;
const WAITLIST_LOCK_NS = 7_270_012;

export const waitlistEntryDto = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['waiting', 'offered', 'accepted', 'expired', 'cancelled']),
  offeredBookingId: z.uuid().nullable(),
  offerExpiresAt: z.string().nullable(),
});
export type WaitlistEntryDto = z.infer<typeof waitlistEntryDto>;

function dto(e: WaitlistEntry, at: Date = now()): WaitlistEntryDto {
  const lapsed = e.status === 'offered' && e.offerExpiresAt !== null && e.offerExpiresAt <= at;
  return {
    id: e.id,
    spaceId: e.spaceId,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    status: lapsed ? 'expired' : e.status,
    offeredBookingId: e.offeredBookingId,
    offerExpiresAt: e.offerExpiresAt?.toISOString() ?? null,
  };
}

/** POST /api/v1/spaces/{id}/waitlist — wait for a window (the same rules as a booking); offered at once if it is free. */
export async function joinWaitlist(actor: Actor | null, spaceId: string, input: { startsAt: string; endsAt: string }, ctx: Ctx): Promise<WaitlistEntryDto> {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, targetType: 'space', targetId: spaceId });
  const db = await getDb();
  const [s] = await db.select().from(spaces).where(and(eq(spaces.id, spaceId), eq(spaces.active, true))).limit(1);
  if (!s) throw new AppError('NOT_FOUND');
  const req = { start: new Date(input.startsAt), end: new Date(input.endsAt) };
  const refused = checkRequest(rulesOf(s), req, now());
  if (refused) throw new AppError(refused);
  if (s.eligiblePolicyCode && !(await holdsPolicy(db, me.id, s.eligiblePolicyCode))) throw new AppError('NOT_ELIGIBLE_TO_BOOK');
  let entry: WaitlistEntry;
  try {
    entry = await db.transaction(async (tx) => {
      const [e] = await tx.insert(waitlistEntries).values({ spaceId: s.id, userId: me.id, startsAt: req.start, endsAt: req.end }).returning();
      await audit({ action: 'booking.waitlist_join', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'waitlist_entry', targetId: e!.id, ip: ctx.ip, detail: { spaceId: s.id } }, tx);
      return e!;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('CONFLICT');
    throw err;
  }
  await processWaitlist(db, s.id, now());
  const [fresh] = await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
  return dto(fresh ?? entry);
}

/** GET /api/v1/me/waitlist — my live and recent entries. */
export async function myWaitlist(actor: Actor | null, ctx: Ctx): Promise<{ items: WaitlistEntryDto[] }> {
  const me = await authorize(actor, 'bookings.read_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip });
  const db = await getDb();
  const rows = await db.select().from(waitlistEntries).where(eq(waitlistEntries.userId, me.id)).orderBy(asc(waitlistEntries.startsAt)).limit(200);
  return { items: rows.map((r) => dto(r)) };
}

/**
 * One run for a space: lapse offers past their expiry and entries whose window has begun, then offer each freed
 * window to the first person waiting for it (a held booking in a savepoint; 23P01 = still taken, they keep waiting).
 */
export async function processWaitlist(db: Db, spaceId: string, at: Date): Promise<{ offered: number; lapsed: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WAITLIST_LOCK_NS}, hashtext(${spaceId}))`);
    const lapsed = await tx
      .update(waitlistEntries)
      .set({ status: 'expired' })
      .where(and(eq(waitlistEntries.spaceId, spaceId), sql`((${waitlistEntries.status} = 'offered' and ${waitlistEntries.offerExpiresAt} <= ${at.toISOString()}::timestamptz) or (${waitlistEntries.status} = 'waiting' and ${waitlistEntries.startsAt} <= ${at.toISOString()}::timestamptz))`))
      .returning({ id: waitlistEntries.id });
    const [s] = await tx.select().from(spaces).where(eq(spaces.id, spaceId));
    if (!s) return { offered: 0, lapsed: lapsed.length };
    const waiting = await tx.select().from(waitlistEntries).where(and(eq(waitlistEntries.spaceId, spaceId), eq(waitlistEntries.status, 'waiting'))).orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
    let offered = 0;
    const expires = new Date(at.getTime() + OFFER_MINUTES * 60_000);
    for (const e of waiting) {
      const req = { start: e.startsAt, end: e.endsAt };
      const win = blockWindow(s, req);
      try {
        await tx.transaction(async (sp) => {
          // Lapsed holds and requests on the window stop blocking first (as for any insert).
          await sp
            .update(bookings)
            .set({ status: 'expired', icalSequence: sql`${bookings.icalSequence} + 1` })
            .where(and(eq(bookings.spaceId, s.id), inArray(bookings.status, ['held', 'pending']), sql`${bookings.blockStart} < ${win.end.toISOString()}::timestamptz and ${bookings.blockEnd} > ${win.start.toISOString()}::timestamptz`, sql`((${bookings.status} = 'held' and ${bookings.holdExpiresAt} <= ${at.toISOString()}::timestamptz) or (${bookings.status} = 'pending' and ${bookings.startsAt} <= ${at.toISOString()}::timestamptz))`));
          const [b] = await sp
            .insert(bookings)
            .values({ spaceId: s.id, userId: e.userId, status: 'held', holdExpiresAt: expires, startsAt: req.start, endsAt: req.end, blockStart: win.start, blockEnd: win.end, purpose: null })
            .returning({ id: bookings.id });
          await sp.update(waitlistEntries).set({ status: 'offered', offeredBookingId: b!.id, offerExpiresAt: expires }).where(and(eq(waitlistEntries.id, e.id), eq(waitlistEntries.status, 'waiting')));
        });
        offered++;
      } catch (err) {
        if (pgErrorCode(err) !== '23P01') throw err;
      }
    }
    return { offered, lapsed: lapsed.length };
  });
}

/** Spaces with someone waiting or an open offer (for the periodic run that passes lapsed offers on). */
export async function spacesWithWaitlist(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ id: waitlistEntries.spaceId }).from(waitlistEntries).where(inArray(waitlistEntries.status, ['waiting', 'offered']));
  return rows.map((r) => r.id);
}
