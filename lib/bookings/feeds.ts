import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getDb } from '@/db/client';
import { bookingFeeds, bookings, spaces, type Booking, type Space } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken, sha256 } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { translate } from '@/lib/i18n';
import { effectiveStatus, type Status } from './availability';
import { rulesOf } from './service';

/**
 * iCal feeds (issue 11 §6; RFC 5545 through ical-generator): a person's bookings behind a secret, revocable token
 * (only its SHA-256 is stored; a new token revokes the old), and a space's busy times (no personal data). Every event
 * has a stable UID, the booking's SEQUENCE (incremented on every change) and STATUS:CANCELLED once cancelled,
 * declined or lapsed, so subscribed calendars remove it. Times are UTC instants (never floating).
 */

const FEED_DAYS_BACK = 90;

export function feedPath(token: string): string {
  return `/api/v1/calendars/${token}.ics`;
}

/** Creates (or replaces, revoking the old address) my personal feed token. The token is shown once. */
export async function createMyFeed(actor: Actor | null, ctx: { ip: string }): Promise<{ path: string }> {
  const me = await authorize(actor, 'bookings.read_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip });
  const token = randomToken(24);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(bookingFeeds)
      .values({ userId: me.id, tokenHash: sha256(token) })
      .onConflictDoUpdate({ target: bookingFeeds.userId, set: { tokenHash: sha256(token), createdAt: now() } });
    await audit({ action: 'booking.feed_created', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'booking_feed', targetId: me.id, ip: ctx.ip }, tx);
  });
  return { path: feedPath(token) };
}

const ICAL_STATUS: Record<Status, ICalEventStatus> = {
  held: ICalEventStatus.TENTATIVE,
  pending: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  checked_in: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  rejected: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

function calendar(name: string) {
  return ical({ name, prodId: { company: 'jingpiao', product: 'space-bookings', language: 'ZH' }, method: ICalCalendarMethod.PUBLISH });
}

function icsResponse(body: string): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' } });
}

const spaceName = (s: Space, locale: Locale) => (locale === 'en' ? s.nameEn || s.nameZh : s.nameZh);
const spaceLocation = (s: Space, locale: Locale) => (locale === 'en' ? s.locationEn || s.locationZh : s.locationZh);

/** GET /api/v1/calendars/{token}.ics — my bookings (the last 90 days and everything ahead). 404 for an unknown or revoked token. */
export async function personFeed(rawToken: string, locale: Locale): Promise<Response> {
  const token = rawToken.replace(/\.ics$/i, '');
  const db = await getDb();
  const [feed] = await db.select().from(bookingFeeds).where(eq(bookingFeeds.tokenHash, sha256(token))).limit(1);
  if (!feed) throw new AppError('NOT_FOUND');
  const at = now();
  const rows = await db
    .select({ b: bookings, s: spaces })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .where(and(eq(bookings.userId, feed.userId), gte(bookings.endsAt, new Date(at.getTime() - FEED_DAYS_BACK * 86_400_000))))
    .orderBy(asc(bookings.startsAt))
    .limit(1000);
  const cal = calendar(translate(locale, 'bookings.mineTitle'));
  for (const { b, s } of rows) addEvent(cal, b, s, at, { uid: `${b.id}@jingpiao`, summary: spaceName(s, locale), location: spaceLocation(s, locale), description: b.purpose ?? undefined });
  return icsResponse(cal.toString());
}

/** GET /api/v1/spaces/{id}/calendar.ics — a space's bookings as busy times: no names, no purposes. */
export async function spaceFeed(spaceId: string, locale: Locale): Promise<Response> {
  const db = await getDb();
  const [s] = await db.select().from(spaces).where(and(eq(spaces.id, spaceId), eq(spaces.active, true))).limit(1);
  if (!s) throw new AppError('NOT_FOUND');
  const at = now();
  const rows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.spaceId, s.id), inArray(bookings.status, ['pending', 'confirmed', 'checked_in', 'completed', 'no_show', 'cancelled', 'rejected', 'expired']), gte(bookings.endsAt, new Date(at.getTime() - FEED_DAYS_BACK * 86_400_000))))
    .orderBy(asc(bookings.startsAt))
    .limit(2000);
  const cal = calendar(spaceName(s, locale));
  const busy = translate(locale, 'bookings.slotTaken');
  for (const b of rows) addEvent(cal, b, s, at, { uid: `${b.id}.space@jingpiao`, summary: busy, location: spaceLocation(s, locale) });
  return icsResponse(cal.toString());
}

function addEvent(cal: ReturnType<typeof calendar>, b: Booking, s: Space, at: Date, e: { uid: string; summary: string; location: string; description?: string }): void {
  const status = effectiveStatus(rulesOf(s), b, at);
  cal.createEvent({
    id: e.uid,
    start: b.startsAt,
    end: b.endsAt,
    stamp: b.updatedAt,
    sequence: b.icalSequence,
    status: ICAL_STATUS[status],
    summary: e.summary,
    location: e.location,
    ...(e.description ? { description: e.description } : {}),
  });
}
