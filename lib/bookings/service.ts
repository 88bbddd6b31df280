import 'server-only';
import { randomUUID } from 'node:crypto';
import { RRule } from './rrule';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { bookings, spaces, users, waitlistEntries, type Booking, type Space } from '@/db/schema';
import { recordEvent } from '@/lib/events';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { holdsPolicy } from '@/lib/policies/queries';
import {
  BLOCKING_STATUSES,
  blockWindow,
  checkinWindow,
  checkRequest,
  effectiveStatus,
  mayCancel,
  nextStatus,
  QUOTA_STATUSES,
  quotaBreach,
  slotGrid,
  type Action,
  type Interval,
  type SpaceRules,
  type Status,
  zonedInstant,
} from './availability';
import type { AvailabilityDto, BookingActionSlug, BookingDto, CreateBookingInput, SpaceDetailDto, SpaceSummaryDto, UtilisationDto } from './schemas';
import { utilisation } from './utilisation';
import { bookingReleased } from './events';

/**
 * Innovation-space bookings (issue 11; booking-and-search.md R2; ADR 015). Authorization is here, not in the routes.
 *
 * Creating a booking is one READ COMMITTED transaction: (a) stale blockers on the requested buffered window are
 * released (expired holds, requests undecided at their start, confirmed bookings whose check-in grace passed) —
 * because "now" cannot appear in the exclusion constraint's predicate; (b) the rules are checked (pure core); quotas
 * are counted under an advisory transaction lock on (booker, space); (c) INSERT, which the exclusion constraint
 * `bookings_no_overlap` refuses with 23P01 on any overlap; (d) 23P01 → 409 SLOT_TAKEN with the conflicting window,
 * 23505 on (user, idempotency_key) → the first booking.
 */

export interface Ctx {
  ip: string;
  locale: Locale;
}

const MIN = 60_000;
const QUOTA_LOCK_NS = 7_270_011;
/**
 * Bookings of one space are inserted one transaction at a time (an advisory transaction lock on the space, taken
 * first, before the quota lock). Without it, two transactions inserting overlapping rows at the same instant each
 * found the other's uncommitted row in the exclusion constraint's check and waited for each other: PostgreSQL broke
 * the deadlock after deadlock_timeout and the victims answered 500 — one round of the 40-way contention benchmark
 * gave 1 × 201 and 39 × 500 after 18 s (still one row: the constraint held). The constraint stays the guarantee.
 */
const SPACE_LOCK_NS = 7_270_012;

/** 409 SLOT_TAKEN with the window that blocks the request (the route renders `conflict`). */
export class SlotTakenError extends AppError {
  constructor(readonly conflict: { startsAt: string; endsAt: string }) {
    super('SLOT_TAKEN');
  }
}

export function rulesOf(s: Space): SpaceRules {
  return {
    timezone: s.timezone,
    openingHours: s.openingHours,
    exceptions: s.exceptions,
    slotMinutes: s.slotMinutes,
    minMinutes: s.minMinutes,
    maxMinutes: s.maxMinutes,
    bufferBeforeMin: s.bufferBeforeMin,
    bufferAfterMin: s.bufferAfterMin,
    minNoticeMin: s.minNoticeMin,
    maxAdvanceDays: s.maxAdvanceDays,
    cancelCutoffMin: s.cancelCutoffMin,
    checkinRequired: s.checkinRequired,
    checkinGraceMin: s.checkinGraceMin,
    quotas: s.quotas,
  };
}

const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en || zh : zh);

function summaryDto(s: Space, locale: Locale): SpaceSummaryDto {
  return {
    id: s.id,
    kind: s.kind,
    name: pick(locale, s.nameZh, s.nameEn),
    location: pick(locale, s.locationZh, s.locationEn),
    zoneCode: s.zoneCode,
    photo: s.photo,
    capacity: s.capacity,
    priceFen: s.priceFen,
    priceUnit: s.priceUnit,
    requiresApproval: s.requiresApproval,
    eligiblePolicyCode: s.eligiblePolicyCode,
  };
}

function detailDto(s: Space, locale: Locale): SpaceDetailDto {
  return {
    ...summaryDto(s, locale),
    description: pick(locale, s.descriptionZh, s.descriptionEn),
    equipment: s.equipment.map((e) => pick(locale, e.zh, e.en)),
    timezone: s.timezone,
    openingHours: s.openingHours,
    exceptions: s.exceptions.map((e) => ({ date: e.date, closed: e.closed, ...(e.hours ? { hours: e.hours } : {}), ...(e.noteZh ? { note: pick(locale, e.noteZh, e.noteEn ?? '') } : {}) })),
    slotMinutes: s.slotMinutes,
    minMinutes: s.minMinutes,
    maxMinutes: s.maxMinutes,
    bufferBeforeMin: s.bufferBeforeMin,
    bufferAfterMin: s.bufferAfterMin,
    minNoticeMin: s.minNoticeMin,
    maxAdvanceDays: s.maxAdvanceDays,
    cancelCutoffMin: s.cancelCutoffMin,
    checkinRequired: s.checkinRequired,
    checkinGraceMin: s.checkinGraceMin,
    quotas: s.quotas,
  };
}

export function bookingDtoOf(b: Booking, s: Space, locale: Locale, at: Date = now(), bookerName?: string): BookingDto {
  const rules = rulesOf(s);
  const status = effectiveStatus(rules, b, at);
  return {
    id: b.id,
    spaceId: s.id,
    spaceName: pick(locale, s.nameZh, s.nameEn),
    spaceKind: s.kind,
    status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null,
    purpose: b.purpose,
    checkedInAt: b.checkedInAt?.toISOString() ?? null,
    reason: b.reason,
    mayCancel: mayCancel(rules, { status, startsAt: b.startsAt }, at),
    cancelDeadline: new Date(b.startsAt.getTime() - s.cancelCutoffMin * MIN).toISOString(),
    ...(bookerName !== undefined ? { bookerName } : {}),
    createdAt: b.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Spaces and availability (public reads: no personal data)
// ---------------------------------------------------------------------------------------------------------------

export async function listSpaces(query: { kind?: Space['kind']; zone?: string }, locale: Locale): Promise<{ items: SpaceSummaryDto[] }> {
  const db = await getDb();
  const where: SQL[] = [eq(spaces.active, true)];
  if (query.kind) where.push(eq(spaces.kind, query.kind));
  if (query.zone) where.push(eq(spaces.zoneCode, query.zone));
  const rows = await db.select().from(spaces).where(and(...where)).orderBy(asc(spaces.zoneCode), asc(spaces.kind), asc(spaces.nameZh));
  return { items: rows.map((s) => summaryDto(s, locale)) };
}

async function loadSpace(db: DbOrTx, id: string): Promise<Space> {
  const [s] = await db.select().from(spaces).where(and(eq(spaces.id, id), eq(spaces.active, true))).limit(1);
  if (!s) throw new AppError('NOT_FOUND');
  return s;
}

export async function getSpace(id: string, locale: Locale): Promise<SpaceDetailDto> {
  return detailDto(await loadSpace(await getDb(), id), locale);
}

/** Live blockers of a space meeting a window, as of `at` (stale rows a sweeper has not yet released excluded). */
function liveBlockers(spaceId: string, win: Interval, at: Date, s: Pick<Space, 'checkinRequired' | 'checkinGraceMin'>): SQL {
  return and(
    eq(bookings.spaceId, spaceId),
    inArray(bookings.status, [...BLOCKING_STATUSES]),
    lt(bookings.blockStart, win.end),
    gt(bookings.blockEnd, win.start),
    sql`not (${staleCondition(at, s)})`,
  )!;
}

/** A blocking row whose block has lapsed by `at`: what the timers would set, derived from the row itself. */
function staleCondition(at: Date, s: Pick<Space, 'checkinRequired' | 'checkinGraceMin'>): SQL {
  // Instants as ISO text with a cast: postgres.js cannot bind a bare Date inside raw SQL (stack-notes).
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const parts: SQL[] = [sql`(${bookings.status} = 'held' and ${bookings.holdExpiresAt} <= ${ts(at)})`, sql`(${bookings.status} = 'pending' and ${bookings.startsAt} <= ${ts(at)})`];
  if (s.checkinRequired) {
    const graceOver = new Date(at.getTime() - s.checkinGraceMin * MIN);
    parts.push(sql`(${bookings.status} = 'confirmed' and ${bookings.checkedInAt} is null and ${bookings.startsAt} <= ${ts(graceOver)})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function spaceAvailability(id: string, range: { from: string; to: string }): Promise<AvailabilityDto> {
  const db = await getDb();
  const s = await loadSpace(db, id);
  const at = now();
  const from = new Date(range.from);
  const to = new Date(range.to);
  const rules = rulesOf(s);
  // Any booking whose buffered window meets a slot's buffered window of this range blocks it.
  const reach = { start: new Date(from.getTime() - (s.bufferBeforeMin + s.bufferAfterMin) * MIN), end: new Date(to.getTime() + (s.bufferBeforeMin + s.bufferAfterMin) * MIN) };
  const rows = await db.select({ start: bookings.blockStart, end: bookings.blockEnd }).from(bookings).where(liveBlockers(s.id, reach, at, s));
  const slots = slotGrid(rules, from, to, rows, at);
  return {
    spaceId: s.id,
    timezone: s.timezone,
    from: from.toISOString(),
    to: to.toISOString(),
    slots: slots.map((x) => ({ startsAt: x.start.toISOString(), endsAt: x.end.toISOString(), state: x.state })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Creating a booking
// ---------------------------------------------------------------------------------------------------------------

async function byIdempotencyKey(db: DbOrTx, userId: string, key: string): Promise<Booking | undefined> {
  const [b] = await db.select().from(bookings).where(and(eq(bookings.userId, userId), eq(bookings.idempotencyKey, key))).limit(1);
  return b;
}

/** Releases the stale blockers of a window (ADR 015): the timer's work, done where it matters, before the insert. */
async function releaseStale(tx: Tx, s: Space, win: Interval, at: Date): Promise<void> {
  await tx
    .update(bookings)
    .set({
      status: sql`case when ${bookings.status} = 'confirmed' then 'no_show'::booking_status else 'expired'::booking_status end`,
      icalSequence: sql`${bookings.icalSequence} + 1`,
    })
    .where(and(eq(bookings.spaceId, s.id), inArray(bookings.status, [...BLOCKING_STATUSES]), lt(bookings.blockStart, win.end), gt(bookings.blockEnd, win.start), staleCondition(at, s)));
}

/**
 * One booking inside the caller's transaction: release the stale blockers of its window, count quotas under the
 * advisory lock on (booker, space), insert (the exclusion constraint may refuse with 23P01), audit.
 */
async function insertOne(
  tx: Tx,
  s: Space,
  me: Actor,
  req: Interval,
  at: Date,
  extra: { purpose: string | null; idempotencyKey: string | null; seriesId?: string; ip: string },
): Promise<Booking> {
  const win = blockWindow(s, req);
  await tx.execute(sql`select pg_advisory_xact_lock(${SPACE_LOCK_NS}, hashtext(${s.id}))`);
  await releaseStale(tx, s, win, at);
  if (s.quotas.length) {
    await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK_NS}, hashtext(${`${me.id}:${s.id}`}))`);
    const mine = await tx
      .select({ start: bookings.startsAt, end: bookings.endsAt, status: bookings.status, startsAt: bookings.startsAt, endsAt: bookings.endsAt, holdExpiresAt: bookings.holdExpiresAt, checkedInAt: bookings.checkedInAt })
      .from(bookings)
      .where(and(eq(bookings.userId, me.id), eq(bookings.spaceId, s.id), inArray(bookings.status, [...QUOTA_STATUSES]), gte(bookings.startsAt, new Date(req.start.getTime() - 32 * 86_400_000)), lte(bookings.startsAt, new Date(req.start.getTime() + 32 * 86_400_000))));
    // An expired hold or request never used the space: it does not count.
    const counting = mine.filter((b) => effectiveStatus(s, b, at) !== 'expired');
    if (quotaBreach(s, counting, req)) throw new AppError('QUOTA_EXCEEDED');
  }
  const status: Status = s.requiresApproval ? 'pending' : 'confirmed';
  const [b] = await tx
    .insert(bookings)
    .values({ spaceId: s.id, userId: me.id, status, startsAt: req.start, endsAt: req.end, blockStart: win.start, blockEnd: win.end, purpose: extra.purpose, idempotencyKey: extra.idempotencyKey, seriesId: extra.seriesId ?? null })
    .returning();
  await audit({ action: 'booking.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'booking', targetId: b!.id, ip: extra.ip, detail: { spaceId: s.id, status, ...(extra.seriesId ? { seriesId: extra.seriesId } : {}) } }, tx);
  return b!;
}

export interface CreateResult {
  booking: BookingDto;
  /** True when an earlier request with the same idempotency key created it. */
  replayed: boolean;
}

export async function createBooking(actor: Actor | null, input: CreateBookingInput, ctx: Ctx & { headerKey?: string | null }): Promise<CreateResult> {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, targetType: 'space', targetId: input.spaceId });
  const key = (input.idempotencyKey ?? ctx.headerKey ?? '').trim() || null;
  if (key && (key.length < 8 || key.length > 128)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { idempotencyKey: ['bookings.errIdempotencyKey'] } });
  const db = await getDb();
  const req = { start: new Date(input.startsAt), end: new Date(input.endsAt) };

  if (key) {
    const first = await byIdempotencyKey(db, me.id, key);
    if (first) return replay(db, first, ctx.locale);
  }
  const s = await loadSpace(db, input.spaceId);
  const at = now();
  const refused = checkRequest(rulesOf(s), req, at);
  if (refused) throw new AppError(refused);
  if (s.eligiblePolicyCode && !(await holdsPolicy(db, me.id, s.eligiblePolicyCode))) throw new AppError('NOT_ELIGIBLE_TO_BOOK');
  const win = blockWindow(s, req);

  try {
    const row = await db.transaction((tx) => insertOne(tx, s, me, req, at, { purpose: input.purpose || null, idempotencyKey: key, ip: ctx.ip }));
    return { booking: bookingDtoOf(row, s, ctx.locale, at), replayed: false };
  } catch (err) {
    const code = pgErrorCode(err);
    if (code !== '23P01' && code !== '23505') throw err;
    // A concurrent request with the same key may have won either race (the key's unique index or the window).
    if (key) {
      const first = await byIdempotencyKey(db, me.id, key);
      if (first) return replay(db, first, ctx.locale);
    }
    if (code === '23505') throw new AppError('CONFLICT');
    const [c] = await db.select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt }).from(bookings).where(liveBlockers(s.id, win, now(), s)).orderBy(asc(bookings.startsAt)).limit(1);
    throw new SlotTakenError({ startsAt: (c?.startsAt ?? req.start).toISOString(), endsAt: (c?.endsAt ?? req.end).toISOString() });
  }
}

async function replay(db: DbOrTx, b: Booking, locale: Locale): Promise<CreateResult> {
  const s = (await db.select().from(spaces).where(eq(spaces.id, b.spaceId)).limit(1))[0]!;
  return { booking: bookingDtoOf(b, s, locale), replayed: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Actions on a booking
// ---------------------------------------------------------------------------------------------------------------

const SLUG_ACTION: Record<BookingActionSlug, Action> = { cancel: 'cancel', approve: 'approve', reject: 'reject', 'check-in': 'check_in', confirm: 'confirm_hold' };

export async function actOnBooking(actor: Actor | null, id: string, slug: BookingActionSlug, body: { reason?: string; token?: string }, ctx: Ctx): Promise<BookingDto> {
  const db = await getDb();
  const [found] = await db.select({ b: bookings, s: spaces }).from(bookings).innerJoin(spaces, eq(spaces.id, bookings.spaceId)).where(eq(bookings.id, id)).limit(1);
  const denial = { ip: ctx.ip, targetType: 'booking', targetId: id };
  if (!found) {
    // The caller's role is checked first, so a missing booking says nothing to someone who may not act at all.
    await authorize(actor, slug === 'approve' || slug === 'reject' ? 'bookings.manage' : 'bookings.book', undefined, denial);
    throw new AppError('NOT_FOUND');
  }
  const { b, s } = found;
  const me =
    slug === 'approve' || slug === 'reject' ? await authorize(actor, 'bookings.manage', { zoneCode: s.zoneCode }, denial) : await authorize(actor, 'bookings.book', { ownerId: b.userId }, denial);
  const rules = rulesOf(s);
  const at = now();
  const current = effectiveStatus(rules, b, at);
  const action = SLUG_ACTION[slug];
  const to = nextStatus(current, action, { requiresApproval: s.requiresApproval });
  if (!to) throw new AppError('TRANSITION_NOT_ALLOWED');
  if (slug === 'cancel' && !mayCancel(rules, { status: current, startsAt: b.startsAt }, at)) throw new AppError('CANCEL_CUTOFF_PASSED');
  if (slug === 'check-in') {
    if (body.token !== s.checkinToken) throw new AppError('CHECKIN_WRONG_SPACE');
    const w = checkinWindow(rules, b);
    if (at < w.start || at >= w.end) throw new AppError('CHECKIN_OUTSIDE_WINDOW');
  }
  const patch: Partial<typeof bookings.$inferInsert> = { status: to, icalSequence: b.icalSequence + 1 };
  if (slug === 'cancel') Object.assign(patch, { cancelledAt: at, cancelledBy: me.id, reason: body.reason || null });
  if (slug === 'approve' || slug === 'reject') Object.assign(patch, { decidedBy: me.id, decidedAt: at, ...(slug === 'reject' ? { reason: body.reason ?? null } : {}) });
  if (slug === 'check-in') patch.checkedInAt = at;
  const updated = await db.transaction(async (tx) => {
    // Guarded by the stored status: of two concurrent decisions on one row, the second finds it changed.
    const [u] = await tx
      .update(bookings)
      .set(patch)
      .where(and(eq(bookings.id, b.id), eq(bookings.status, b.status)))
      .returning();
    if (!u) throw new AppError('TRANSITION_NOT_ALLOWED');
    // A freed window goes to the waitlist (consumer in lib/bookings/jobs.ts); an accepted offer closes its entry.
    if (slug === 'cancel' || slug === 'reject') await recordEvent(tx, bookingReleased, s.id, { spaceId: s.id, bookingId: b.id }, { actorId: me.id });
    if (slug === 'confirm') {
      await tx
        .update(waitlistEntries)
        .set({ status: 'accepted' })
        .where(and(eq(waitlistEntries.offeredBookingId, b.id), eq(waitlistEntries.status, 'offered')));
    }
    await audit({ action: `booking.${action}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'booking', targetId: b.id, ip: ctx.ip, detail: { spaceId: s.id, from: current, to } }, tx);
    return u;
  });
  return bookingDtoOf(updated, s, ctx.locale, at);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------------------------

export async function myBookings(actor: Actor | null, q: { when: 'upcoming' | 'past' | 'all' }, ctx: Ctx): Promise<{ items: BookingDto[] }> {
  const me = await authorize(actor, 'bookings.read_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip });
  const db = await getDb();
  const at = now();
  const where: SQL[] = [eq(bookings.userId, me.id)];
  if (q.when === 'upcoming') where.push(gt(bookings.endsAt, at));
  if (q.when === 'past') where.push(lte(bookings.endsAt, at));
  const rows = await db
    .select({ b: bookings, s: spaces })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .where(and(...where))
    .orderBy(q.when === 'past' ? desc(bookings.startsAt) : asc(bookings.startsAt))
    .limit(200);
  return { items: rows.map(({ b, s }) => bookingDtoOf(b, s, ctx.locale, at)) };
}

/** The requests (or upcoming bookings) of the spaces in the staff member's zone. The zone comes from the actor. */
export async function zoneBookings(actor: Actor | null, q: { status: 'pending' | 'upcoming' }, ctx: Ctx): Promise<{ items: BookingDto[] }> {
  const me = await authorize(actor, 'bookings.manage', undefined, { ip: ctx.ip });
  if (!me.zoneCode || !can(me, 'bookings.manage', { zoneCode: me.zoneCode })) return { items: [] };
  const db = await getDb();
  const at = now();
  const where: SQL[] = [eq(spaces.zoneCode, me.zoneCode), gt(bookings.endsAt, at)];
  where.push(q.status === 'pending' ? and(eq(bookings.status, 'pending'), gt(bookings.startsAt, at))! : or(eq(bookings.status, 'confirmed'), eq(bookings.status, 'checked_in'), eq(bookings.status, 'pending'))!);
  const rows = await db
    .select({ b: bookings, s: spaces, name: users.displayName })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .innerJoin(users, eq(users.id, bookings.userId))
    .where(and(...where))
    .orderBy(asc(bookings.startsAt))
    .limit(200);
  return { items: rows.map(({ b, s, name }) => bookingDtoOf(b, s, ctx.locale, at, name)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Check-in by the space's QR code
// ---------------------------------------------------------------------------------------------------------------

export interface CheckInTarget {
  space: SpaceSummaryDto;
  /** My bookings of this space that are not over, with whether check-in is open now. */
  bookings: (BookingDto & { checkInOpen: boolean })[];
}

/** What a space's QR code opens for the signed-in talent: the space and their bookings there today. 404 for an unknown code. */
export async function checkInTarget(actor: Actor | null, token: string, ctx: Ctx): Promise<CheckInTarget> {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip });
  const db = await getDb();
  const [s] = await db.select().from(spaces).where(and(eq(spaces.checkinToken, token), eq(spaces.active, true))).limit(1);
  if (!s) throw new AppError('NOT_FOUND');
  const at = now();
  const rows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.userId, me.id), eq(bookings.spaceId, s.id), inArray(bookings.status, ['confirmed', 'checked_in']), gt(bookings.endsAt, at), lt(bookings.startsAt, new Date(at.getTime() + 86_400_000))))
    .orderBy(asc(bookings.startsAt));
  const rules = rulesOf(s);
  return {
    space: summaryDto(s, ctx.locale),
    bookings: rows.map((b) => {
      const dto = bookingDtoOf(b, s, ctx.locale, at);
      const w = checkinWindow(rules, b);
      return { ...dto, checkInOpen: dto.status === 'confirmed' && at >= w.start && at < w.end };
    }),
  };
}

/** Pending requests of the staff member's zone (for the 工作台 card). */
export async function zonePendingCount(actor: Actor): Promise<number> {
  if (!actor.zoneCode || !can(actor, 'bookings.manage', { zoneCode: actor.zoneCode })) return 0;
  const db = await getDb();
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .where(and(eq(spaces.zoneCode, actor.zoneCode), eq(bookings.status, 'pending'), gt(bookings.startsAt, now())));
  return r?.n ?? 0;
}

/** The check-in tokens of the spaces in the staff member's zone (for the QR posters on the staff page). */
export async function zoneCheckInTokens(actor: Actor | null, ctx: Pick<Ctx, 'ip'>): Promise<Record<string, string>> {
  const me = await authorize(actor, 'bookings.manage', undefined, { ip: ctx.ip });
  if (!me.zoneCode) return {};
  const db = await getDb();
  const rows = await db.select({ id: spaces.id, token: spaces.checkinToken }).from(spaces).where(and(eq(spaces.zoneCode, me.zoneCode), eq(spaces.active, true)));
  return Object.fromEntries(rows.map((r) => [r.id, r.token]));
}

// ---------------------------------------------------------------------------------------------------------------
// Weekly series (RFC 5545 RRULE through the rrule package)
// ---------------------------------------------------------------------------------------------------------------

export interface SeriesResult {
  seriesId: string;
  rrule: string;
  created: BookingDto[];
  skipped: { startsAt: string; endsAt: string; code: string }[];
}

/**
 * POST /api/v1/bookings/series — a weekly series: the occurrences of `FREQ=WEEKLY;INTERVAL=i;COUNT=n` from the first
 * booking (the space's zone has no DST, so a week is 7 × 24 h). all_or_nothing: every occurrence passes the rules and
 * the constraint in one transaction, or nothing is written (the first refusal is the answer). skip_conflicts: each
 * occurrence in a savepoint; the refused ones are reported with their code.
 */
export async function createSeries(
  actor: Actor | null,
  input: { spaceId: string; startsAt: string; endsAt: string; interval: number; count: number; mode: 'all_or_nothing' | 'skip_conflicts'; purpose?: string },
  ctx: Ctx,
): Promise<SeriesResult> {
  const me = await authorize(actor, 'bookings.book', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, targetType: 'space', targetId: input.spaceId });
  const db = await getDb();
  const s = await loadSpace(db, input.spaceId);
  const first = { start: new Date(input.startsAt), end: new Date(input.endsAt) };
  if (!(first.end > first.start)) throw new AppError('END_BEFORE_START');
  if (s.eligiblePolicyCode && !(await holdsPolicy(db, me.id, s.eligiblePolicyCode))) throw new AppError('NOT_ELIGIBLE_TO_BOOK');
  const rule = new RRule({ freq: RRule.WEEKLY, interval: input.interval, count: input.count, dtstart: first.start });
  const length = first.end.getTime() - first.start.getTime();
  const occurrences = rule.all().map((d) => ({ start: d, end: new Date(d.getTime() + length) }));
  const at = now();
  const rules = rulesOf(s);
  const seriesId = randomUUID();
  const skipped: SeriesResult['skipped'] = [];
  const skip = (o: Interval, code: string) => skipped.push({ startsAt: o.start.toISOString(), endsAt: o.end.toISOString(), code });

  const created = await db
    .transaction(async (tx) => {
      const rows: Booking[] = [];
      for (const o of occurrences) {
        const refused = checkRequest(rules, o, at);
        if (refused) {
          if (input.mode === 'all_or_nothing') throw new AppError(refused);
          skip(o, refused);
          continue;
        }
        const extra = { purpose: input.purpose || null, idempotencyKey: null, seriesId, ip: ctx.ip };
        if (input.mode === 'all_or_nothing') {
          rows.push(await insertOne(tx, s, me, o, at, extra));
          continue;
        }
        try {
          rows.push(await tx.transaction((sp) => insertOne(sp, s, me, o, at, extra)));
        } catch (err) {
          if (pgErrorCode(err) === '23P01') skip(o, 'SLOT_TAKEN');
          else if (err instanceof AppError && err.code === 'QUOTA_EXCEEDED') skip(o, 'QUOTA_EXCEEDED');
          else throw err;
        }
      }
      return rows;
    })
    .catch(async (err: unknown) => {
      if (pgErrorCode(err) !== '23P01') throw err;
      for (const o of occurrences) {
        const [c] = await db.select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt }).from(bookings).where(liveBlockers(s.id, blockWindow(s, o), now(), s)).orderBy(asc(bookings.startsAt)).limit(1);
        if (c) throw new SlotTakenError({ startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() });
      }
      throw new SlotTakenError({ startsAt: first.start.toISOString(), endsAt: first.end.toISOString() });
    });
  return { seriesId, rrule: rule.toString(), created: created.map((b) => bookingDtoOf(b, s, ctx.locale, at)), skipped };
}

// ---------------------------------------------------------------------------------------------------------------
// Staff: utilisation
// ---------------------------------------------------------------------------------------------------------------

/** GET /api/v1/bookings/utilisation — the spaces of the staff member's zone over [from, to] (local dates). */
export async function zoneUtilisation(actor: Actor | null, q: { from: string; to: string }, ctx: Ctx): Promise<UtilisationDto> {
  const me = await authorize(actor, 'bookings.manage', undefined, { ip: ctx.ip });
  const db = await getDb();
  const list = me.zoneCode ? await db.select().from(spaces).where(eq(spaces.zoneCode, me.zoneCode)).orderBy(asc(spaces.kind), asc(spaces.nameZh)) : [];
  const tz = list[0]?.timezone ?? 'Asia/Shanghai';
  const from = zonedInstant(q.from, 0, tz);
  const to = zonedInstant(q.to, 1440, tz);
  const rows = list.length
    ? await db
        .select({ spaceId: bookings.spaceId, status: bookings.status, startsAt: bookings.startsAt, endsAt: bookings.endsAt })
        .from(bookings)
        .where(and(inArray(bookings.spaceId, list.map((s) => s.id)), lt(bookings.startsAt, to), gt(bookings.endsAt, from)))
    : [];
  const waits = list.length
    ? await db
        .select({ spaceId: waitlistEntries.spaceId, startsAt: waitlistEntries.startsAt, endsAt: waitlistEntries.endsAt })
        .from(waitlistEntries)
        .where(and(inArray(waitlistEntries.spaceId, list.map((s) => s.id)), lt(waitlistEntries.startsAt, to), gt(waitlistEntries.endsAt, from)))
    : [];
  const u = utilisation(
    list.map((s) => ({ id: s.id, kind: s.kind, name: pick(ctx.locale, s.nameZh, s.nameEn), rules: rulesOf(s) })),
    rows,
    from,
    to,
    waits,
  );
  return { from: q.from, to: q.to, zoneCode: me.zoneCode, spaces: u.spaces as UtilisationDto['spaces'], kinds: u.kinds as UtilisationDto['kinds'] };
}

/** GET /api/v1/spaces/{id}/check-in-code — the secret of the space's QR poster, for the staff of its zone. */
export async function spaceCheckInCode(actor: Actor | null, spaceId: string, ctx: Pick<Ctx, 'ip'>): Promise<{ token: string; path: string }> {
  const db = await getDb();
  const [s] = await db.select({ zoneCode: spaces.zoneCode, token: spaces.checkinToken }).from(spaces).where(eq(spaces.id, spaceId)).limit(1);
  const denial = { ip: ctx.ip, targetType: 'space', targetId: spaceId };
  if (!s) {
    await authorize(actor, 'bookings.manage', undefined, denial);
    throw new AppError('NOT_FOUND');
  }
  await authorize(actor, 'bookings.manage', { zoneCode: s.zoneCode }, denial);
  return { token: s.token, path: `/spaces/check-in/${encodeURIComponent(s.token)}` };
}
