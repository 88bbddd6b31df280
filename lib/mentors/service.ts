import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { mentors, mentorships, users, type Mentor, type Mentorship } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { jdzToday, now } from '@/lib/clock';
import { recordEvent } from '@/lib/events';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import { notify } from '@/lib/notifications/service';
import { formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { talentProfileChanged } from '@/lib/talent/events';
import { loadPublicTalentDisplay, publicDisplaySql, selfDeclaredApprentices, talentCraftsSql, type PublicTalentDisplay } from '@/lib/talent/queries';
import { actionsFor, decideRequest, decideTransition, freePlaces, mergeApprentices, type CountedApprentice, type MentorshipAction, type MentorshipStatus, type PortalApprentice, type Side } from './core';
import { portalApprenticesSql } from './queries';
import { mentorChanged, type MentorChange } from './events';
import type { MentorCardDto, MentorDto, MentorInput, MentorListQuery, MentorPatch, MentorshipDto, MentorshipRequestInput, MyMentorInput, MyMentorshipsDto } from './schemas';

/**
 * Mentors and 师带徒 (issue 12 §1). Rules:
 *
 * - Who keeps a mentor profile: zone staff record mentors without an account (unlinked; crafts, credentials and works
 *   entered, shown as "recorded", not verified); a talent keeps their own profile linked to their account (PUT
 *   /api/v1/me/mentor), whose crafts, title, honours, ICH status and works come from their profile and portfolio with
 *   the verification state. Staff never link a talent (only the talent can claim themselves).
 * - Public: an unlinked mentor always; a linked one only while the talent has opted in to public display (the showcase
 *   rule of lib/talent/queries.ts) — otherwise only the talent sees it, with a notice.
 * - Who answers requests: the linked talent; for an unlinked mentor, zone staff (they record the master's answer).
 * - Every change to a mentor or one of its mentorships records `mentor.changed` in the same transaction; accepting or
 *   ending a linked mentor's mentorship also records `talent.profile_changed` (fields ['apprentices']) for the mentor,
 *   so policy re-evaluation (JP-055) and the push run as for any profile change.
 * - Concurrency: accepting locks the mentor row (FOR UPDATE) before counting the accepted mentorships, so a mentor with
 *   one free place and two simultaneous acceptances gets exactly one; one open request per pair is a unique index.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXCERPT = 140;
const excerpt = (s: string | null) => (s ? (s.length > EXCERPT ? `${s.slice(0, EXCERPT - 1)}…` : s) : null);
const todayIso = () => formatYmd(jdzToday());

/** SQL: the mentor in the row is public. */
const publicMentor: SQL = sql`(${mentors.talentId} is null or ${publicDisplaySql(mentors.talentId)})`;
// The outer mentor's id, qualified: drizzle may render ${mentors.id} unqualified, which here would name a.id.
const acceptedCount = sql<number>`(select count(*)::int from ${mentorships} a where a.mentor_id = "mentors"."id" and a.status = 'accepted')`.mapWith(Number);

type Row = Mentor & { accepted: number; published: boolean };
const rowColumns = { m: mentors, accepted: acceptedCount, published: sql<boolean>`${publicMentor}` };

function card(r: Row, display: PublicTalentDisplay | undefined): MentorCardDto {
  const linked = r.talentId !== null;
  return {
    id: r.id,
    name: r.displayName,
    linked,
    demo: r.demo,
    crafts: linked ? (display?.crafts ?? []) : r.crafts,
    credentials: linked ? (display?.credentials ?? []).map((c) => ({ ...c, state: c.state as 'verified' | 'pending' | 'claimed' })) : r.credentials.map((c) => ({ kind: c.kind, label: c.label, level: null, year: c.year ?? null, state: 'recorded' as const })),
    district: r.district,
    studioLocation: r.studioLocation,
    bioExcerpt: excerpt(r.bio),
    acceptsApprentices: r.acceptsApprentices,
    maxApprentices: r.maxApprentices,
    freePlaces: freePlaces(r, r.accepted),
  };
}

async function loadRows(db: DbOrTx, where: SQL | undefined): Promise<Row[]> {
  const rows = await db.select(rowColumns).from(mentors).where(where);
  return rows.map((r) => ({ ...r.m, accepted: Number(r.accepted), published: !!r.published }));
}

async function displaysFor(db: DbOrTx, rows: readonly Row[]) {
  return loadPublicTalentDisplay(db, rows.map((r) => r.talentId).filter((x): x is string => !!x));
}

/** GET /api/v1/mentors: public mentors, filtered by craft, district and 收徒, in pages. */
export async function listMentors(q: MentorListQuery): Promise<{ items: MentorCardDto[]; total: number; page: number; pageSize: number }> {
  const db = await getDb();
  const conds: SQL[] = [publicMentor];
  if (q.craft) conds.push(sql`(case when ${mentors.talentId} is null then ${mentors.crafts} else coalesce(${talentCraftsSql(mentors.talentId)}, '{}'::text[]) end) @> array[${q.craft}]::text[]`);
  if (q.district) conds.push(eq(mentors.district, q.district));
  if (q.accepting === true) conds.push(sql`${mentors.acceptsApprentices} and ${mentors.maxApprentices} > ${acceptedCount}`);
  if (q.accepting === false) conds.push(sql`not (${mentors.acceptsApprentices} and ${mentors.maxApprentices} > ${acceptedCount})`);
  const where = and(...conds);
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(mentors).where(where);
  const rows = await db
    .select(rowColumns)
    .from(mentors)
    .where(where)
    .orderBy(asc(mentors.demo), desc(mentors.acceptsApprentices), asc(mentors.displayName), asc(mentors.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const list = rows.map((r) => ({ ...r.m, accepted: Number(r.accepted), published: !!r.published }));
  const displays = await displaysFor(db, list);
  return { items: list.map((r) => card(r, r.talentId ? displays.get(r.talentId) : undefined)), total: Number(countRow?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function detail(db: DbOrTx, r: Row, actor: Actor | null): Promise<MentorDto> {
  const display = r.talentId ? (await loadPublicTalentDisplay(db, [r.talentId])).get(r.talentId) : undefined;
  let myRequest: MentorDto['myRequest'] = null;
  if (actor?.role === 'talent') {
    const [m] = await db
      .select({ id: mentorships.id, status: mentorships.status })
      .from(mentorships)
      .where(and(eq(mentorships.mentorId, r.id), eq(mentorships.talentId, actor.id)))
      .orderBy(desc(mentorships.createdAt))
      .limit(1);
    myRequest = m ?? null;
  }
  return {
    ...card(r, display),
    bio: r.bio,
    works: r.talentId ? (display?.works ?? []) : r.works.map((w) => ({ id: null, title: w.title, year: w.year ?? null, thumbUrl: null })),
    portalApprentices: r.accepted,
    published: r.published,
    mine: !!actor && r.talentId === actor.id,
    myRequest,
  };
}

/** GET /api/v1/mentors/{id}: public mentors; a linked mentor not (yet) public is visible to its talent only. */
export async function getMentor(actor: Actor | null, id: string): Promise<MentorDto> {
  // Page paths carry any text: only a UUID reaches the database.
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
  const db = await getDb();
  const [r] = await loadRows(db, eq(mentors.id, id));
  if (!r || (!r.published && !(actor && r.talentId === actor.id))) throw new AppError('NOT_FOUND');
  return detail(db, r, actor);
}

/** The public mentor documents of these ids (null = gone or not public): for search (lib/mentors/search-source.ts). */
export async function loadPublicMentorCards(db: DbOrTx, ids: readonly string[] | null, page?: { after: string | null; limit: number }): Promise<(MentorCardDto & { bio: string | null; works: string[]; updatedAt: string })[]> {
  const conds: SQL[] = [publicMentor];
  if (ids) {
    if (!ids.length) return [];
    conds.push(inArray(mentors.id, [...ids]));
  }
  if (page?.after) conds.push(sql`${mentors.id} > ${page.after}::uuid`);
  const rows = await db
    .select(rowColumns)
    .from(mentors)
    .where(and(...conds))
    .orderBy(asc(mentors.id))
    .limit(page?.limit ?? 10_000);
  const list = rows.map((r) => ({ ...r.m, accepted: Number(r.accepted), published: !!r.published }));
  const displays = await displaysFor(db, list);
  return list.map((r) => {
    const display = r.talentId ? displays.get(r.talentId) : undefined;
    return { ...card(r, display), bio: r.bio, works: (r.talentId ? (display?.works ?? []) : r.works).map((w) => w.title), updatedAt: r.updatedAt.toISOString() };
  });
}

async function changed(tx: Tx, mentorId: string, change: MentorChange, actor: Actor, mentorshipId: string | null = null) {
  await recordEvent(tx, mentorChanged, mentorId, { mentorId, change, mentorshipId }, { actorId: actor.id });
}

/** POST /api/v1/mentors: staff record a mentor without an account. */
export async function createMentor(actor: Actor | null, input: MentorInput, ip?: string): Promise<MentorDto> {
  const me = await authorize(actor, 'mentors.manage', undefined, { ip, via: 'mentors.create' });
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(mentors)
      .values({
        displayName: input.displayName,
        crafts: [...new Set(input.crafts)],
        credentials: input.credentials ?? [],
        district: input.district,
        studioLocation: input.studioLocation ?? null,
        bio: input.bio ?? null,
        works: input.works ?? [],
        acceptsApprentices: input.acceptsApprentices,
        maxApprentices: input.maxApprentices,
        demo: input.demo ?? false,
        createdBy: me.id,
      })
      .returning({ id: mentors.id });
    await changed(tx, m!.id, 'created', me);
    await audit({ action: 'mentor.created', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'mentor', targetId: m!.id, ip: ip ?? null }, tx);
    return m!.id;
  });
  return getMentor(me, id);
}

async function lockedMentor(tx: Tx, id: string): Promise<Mentor | undefined> {
  const [m] = await tx.select().from(mentors).where(eq(mentors.id, id)).for('update').limit(1);
  return m;
}

/** PATCH /api/v1/mentors/{id}: staff edit an unlinked mentor (a linked one is its talent's to edit). */
export async function updateMentor(actor: Actor | null, id: string, patch: MentorPatch, ip?: string): Promise<MentorDto> {
  const me = await authorize(actor, 'mentors.manage', undefined, { ip, via: 'mentors.update' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const m = await lockedMentor(tx, id);
    if (!m) throw new AppError('NOT_FOUND');
    if (m.talentId) throw new AppError('NOT_ALLOWED', { detailKey: 'mentors.linkedEditOwn' });
    const next = { acceptsApprentices: patch.acceptsApprentices ?? m.acceptsApprentices, maxApprentices: patch.maxApprentices ?? m.maxApprentices };
    if (next.acceptsApprentices && next.maxApprentices < 1) throw new AppError('VALIDATION_FAILED', { fieldErrors: { maxApprentices: ['mentors.maxNeeded'] } });
    const set: Partial<typeof mentors.$inferInsert> = {};
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.district !== undefined) set.district = patch.district;
    if (patch.studioLocation !== undefined) set.studioLocation = patch.studioLocation ?? null;
    if (patch.bio !== undefined) set.bio = patch.bio ?? null;
    if (patch.acceptsApprentices !== undefined) set.acceptsApprentices = patch.acceptsApprentices;
    if (patch.maxApprentices !== undefined) set.maxApprentices = patch.maxApprentices;
    if (patch.crafts !== undefined) set.crafts = [...new Set(patch.crafts)];
    if (patch.credentials !== undefined) set.credentials = patch.credentials;
    if (patch.works !== undefined) set.works = patch.works;
    await tx.update(mentors).set(set).where(eq(mentors.id, id));
    await changed(tx, id, 'updated', me);
    await audit({ action: 'mentor.updated', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'mentor', targetId: id, ip: ip ?? null, detail: { fields: Object.keys(set) } }, tx);
  });
  return getMentor(me, id);
}

/** GET /api/v1/me/mentor: my own mentor profile, or null. */
export async function getMyMentor(actor: Actor | null): Promise<MentorDto | null> {
  const me = await authorize(actor, 'mentors.claim', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [r] = await loadRows(db, eq(mentors.talentId, me.id));
  return r ? detail(db, r, me) : null;
}

/** PUT /api/v1/me/mentor: a talent creates (claims) or updates their own mentor profile, linked to their account. */
export async function saveMyMentor(actor: Actor | null, input: MyMentorInput, ip?: string): Promise<MentorDto> {
  const me = await authorize(actor, 'mentors.claim', actor ? { ownerId: actor.id } : undefined, { ip, via: 'mentors.saveMine' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(mentors).where(eq(mentors.talentId, me.id)).for('update').limit(1);
    const values = {
      displayName: input.displayName,
      district: input.district,
      studioLocation: input.studioLocation ?? null,
      bio: input.bio ?? null,
      acceptsApprentices: input.acceptsApprentices,
      maxApprentices: input.maxApprentices,
    };
    let id: string;
    if (existing) {
      await tx.update(mentors).set(values).where(eq(mentors.id, existing.id));
      id = existing.id;
    } else {
      try {
        const [m] = await tx
          .insert(mentors)
          .values({ ...values, talentId: me.id, createdBy: me.id })
          .returning({ id: mentors.id });
        id = m!.id;
      } catch (e) {
        if (pgErrorCode(e) === '23505') throw new AppError('MENTOR_EXISTS');
        throw e;
      }
    }
    await changed(tx, id, existing ? 'updated' : 'claimed', me);
    await audit({ action: existing ? 'mentor.updated' : 'mentor.claimed', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'mentor', targetId: id, ip: ip ?? null }, tx);
  });
  return (await getMyMentor(me))!;
}

// ---------------------------------------------------------------------------------------------------------------
// Mentorships
// ---------------------------------------------------------------------------------------------------------------

function refusal(code: string): AppError {
  return new AppError(code as ConstructorParameters<typeof AppError>[0]);
}

/** POST /api/v1/mentorships: a talent asks a mentor to take them as an apprentice. */
export async function requestMentorship(actor: Actor | null, input: MentorshipRequestInput, ip?: string): Promise<MentorshipDto> {
  const me = await authorize(actor, 'mentorships.use', actor ? { ownerId: actor.id } : undefined, { ip, via: 'mentorships.request' });
  const db = await getDb();
  const id = await db
    .transaction(async (tx) => {
      const m = await lockedMentor(tx, input.mentorId);
      if (!m) throw new AppError('NOT_FOUND');
      const [vis] = await tx.select({ ok: sql<boolean>`${publicMentor}`, accepted: acceptedCount }).from(mentors).where(eq(mentors.id, m.id));
      if (!vis?.ok && m.talentId !== me.id) throw new AppError('NOT_FOUND');
      const [open] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, m.id), eq(mentorships.talentId, me.id), inArray(mentorships.status, ['requested', 'accepted'])))
        .limit(1);
      const d = decideRequest({ self: m.talentId === me.id, accepting: m.acceptsApprentices, freePlaces: freePlaces(m, Number(vis?.accepted ?? 0)), openExists: !!open });
      if (!d.ok) throw refusal(d.code);
      const [row] = await tx.insert(mentorships).values({ mentorId: m.id, talentId: me.id, requestMessage: input.message }).returning({ id: mentorships.id });
      await changed(tx, m.id, 'mentorship_requested', me, row!.id);
      await audit({ action: 'mentorship.requested', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'mentorship', targetId: row!.id, ip: ip ?? null, detail: { mentorId: m.id } }, tx);
      if (m.talentId) await notify(tx, m.talentId, 'mentorship.requested', `mentorship:${row!.id}:requested`, { mentorshipId: row!.id, apprentice: me.displayName });
      return row!.id;
    })
    .catch((e: unknown) => {
      if (pgErrorCode(e) === '23505') throw new AppError('OPEN_REQUEST_EXISTS');
      throw e;
    });
  return (await mentorshipDtos(db, eq(mentorships.id, id), me))[0]!;
}

/** Which side the actor is on for this mentorship, or null (not a party). */
function sideOf(actor: Actor, ms: Pick<Mentorship, 'talentId'>, mentor: Pick<Mentor, 'talentId'>): Side | null {
  if (actor.role === 'talent' && mentor.talentId === actor.id) return 'mentor';
  if (actor.role === 'talent' && ms.talentId === actor.id) return 'apprentice';
  if (mentor.talentId === null && can(actor, 'mentors.manage')) return 'mentor';
  return null;
}

const AUDIT_ACTION: Record<MentorshipAction, string> = { accept: 'mentorship.accepted', decline: 'mentorship.declined', withdraw: 'mentorship.withdrawn', end: 'mentorship.ended' };
const CHANGE: Record<MentorshipAction, MentorChange> = { accept: 'mentorship_accepted', decline: 'mentorship_declined', withdraw: 'mentorship_withdrawn', end: 'mentorship_ended' };

/** POST /api/v1/mentorships/{id}/{action}: accept | decline (mentor side), withdraw (apprentice), end (either). */
export async function actOnMentorship(
  actor: Actor | null,
  id: string,
  action: MentorshipAction,
  body: { message?: string | null; startDate?: string; months?: number },
  ip?: string,
): Promise<MentorshipDto> {
  if (!actor) return authorize(actor, 'mentorships.use', undefined, { ip, via: 'mentorships.act' }).then(() => never());
  const db = await getDb();
  // Who is acting is decided before the transaction (a denial is audited on its own); the parties never change.
  const [peek] = await db
    .select({ mentorId: mentorships.mentorId, talentId: mentorships.talentId, mentorTalentId: mentors.talentId })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(eq(mentorships.id, id))
    .limit(1);
  if (!peek) throw new AppError('NOT_FOUND');
  const side = sideOf(actor, peek, { talentId: peek.mentorTalentId });
  if (!side) {
    await authorize(actor, 'mentorships.use', { ownerId: peek.talentId }, { ip, via: 'mentorships.act', targetType: 'mentorship', targetId: id });
    throw new AppError('FORBIDDEN');
  }
  await db.transaction(async (tx) => {
    // Mentor row first, then the mentorship: every acceptance of one mentor queues on the same lock.
    const mentor = await lockedMentor(tx, peek.mentorId);
    const [ms] = await tx.select().from(mentorships).where(eq(mentorships.id, id)).for('update').limit(1);
    if (!mentor || !ms) throw new AppError('NOT_FOUND');
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(mentorships).where(and(eq(mentorships.mentorId, mentor.id), eq(mentorships.status, 'accepted')))) as [{ n: number }];
    const d = decideTransition(action, ms.status, side, { freePlaces: freePlaces(mentor, Number(n)) });
    if (!d.ok) throw refusal(d.code);
    if (action === 'decline' && !body.message) throw new AppError('VALIDATION_FAILED', { fieldErrors: { message: ['mentors.messageRequired'] } });
    const set: Partial<typeof mentorships.$inferInsert> = { status: d.to, responseMessage: body.message ?? ms.responseMessage };
    if (action === 'accept') {
      set.startDate = body.startDate ?? todayIso();
      set.months = body.months ?? 12;
    }
    if (action === 'accept' || action === 'decline') {
      set.respondedBy = actor.id;
      set.respondedAt = now();
    }
    if (d.to === 'declined' || d.to === 'withdrawn' || d.to === 'ended') set.closedAt = now();
    const updated = await tx
      .update(mentorships)
      .set(set)
      .where(and(eq(mentorships.id, id), eq(mentorships.status, ms.status)))
      .returning({ id: mentorships.id });
    if (!updated.length) throw new AppError('TRANSITION_NOT_ALLOWED');
    await changed(tx, mentor.id, CHANGE[action], actor, id);
    // The mentor's apprentices changed: JP-055 may now apply (or no longer). Re-evaluation and the push consume
    // talent.profile_changed like any profile change (lib/policies/jobs.ts); nothing is imported from there.
    if ((action === 'accept' || (action === 'end' && ms.status === 'accepted')) && mentor.talentId) {
      await recordEvent(tx, talentProfileChanged, mentor.talentId, { talentId: mentor.talentId, fields: ['apprentices'] }, { actorId: actor.id });
    }
    await audit({ action: AUDIT_ACTION[action], result: 'ok', actorId: actor.id, actorRole: actor.role, targetType: 'mentorship', targetId: id, ip: ip ?? null, detail: { mentorId: mentor.id, side, ...(action === 'accept' ? { months: set.months } : {}) } }, tx);
    const to = side === 'mentor' ? ms.talentId : mentor.talentId;
    if (to) await notify(tx, to, `mentorship.${d.to}` as 'mentorship.accepted', `mentorship:${id}:${d.to}`, { mentorshipId: id, mentor: mentor.displayName });
  });
  return (await mentorshipDtos(db, eq(mentorships.id, id), actor))[0]!;
}

function never(): never {
  throw new AppError('UNAUTHENTICATED');
}

async function mentorshipDtos(db: DbOrTx, where: SQL | undefined, viewer: Actor): Promise<MentorshipDto[]> {
  const rows = await db
    .select({ ms: mentorships, mentorName: mentors.displayName, mentorTalentId: mentors.talentId, apprenticeName: users.displayName })
    .from(mentorships)
    .innerJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .innerJoin(users, eq(users.id, mentorships.talentId))
    .where(where)
    .orderBy(desc(mentorships.createdAt), asc(mentorships.id));
  return rows.map((r) => {
    const side = sideOf(viewer, r.ms, { talentId: r.mentorTalentId });
    return {
      id: r.ms.id,
      mentorId: r.ms.mentorId,
      mentorName: r.mentorName,
      apprenticeName: r.apprenticeName,
      status: r.ms.status as MentorshipStatus,
      requestMessage: r.ms.requestMessage,
      responseMessage: r.ms.responseMessage,
      startDate: r.ms.startDate,
      months: r.ms.months,
      createdAt: r.ms.createdAt.toISOString(),
      respondedAt: r.ms.respondedAt?.toISOString() ?? null,
      actions: side ? actionsFor(r.ms.status as MentorshipStatus, side) : [],
    };
  });
}

/** GET /api/v1/me/mentorships: requests I sent, and those to my mentor profile. */
export async function listMyMentorships(actor: Actor | null): Promise<MyMentorshipsDto> {
  const me = await authorize(actor, 'mentorships.use', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [mine] = await db.select({ id: mentors.id }).from(mentors).where(eq(mentors.talentId, me.id)).limit(1);
  const [sent, received] = await Promise.all([mentorshipDtos(db, eq(mentorships.talentId, me.id), me), mine ? mentorshipDtos(db, eq(mentorships.mentorId, mine.id), me) : Promise.resolve([])]);
  return { sent, received, mentorId: mine?.id ?? null };
}

/** GET /api/v1/mentors/{id}/mentorships: staff see the requests to an unlinked mentor (they answer for the master). */
export async function listMentorMentorships(actor: Actor | null, mentorId: string, ip?: string): Promise<MentorshipDto[]> {
  const me = await authorize(actor, 'mentors.manage', undefined, { ip, via: 'mentors.mentorships' });
  const db = await getDb();
  const [m] = await db.select({ id: mentors.id, talentId: mentors.talentId }).from(mentors).where(eq(mentors.id, mentorId)).limit(1);
  if (!m) throw new AppError('NOT_FOUND');
  if (m.talentId) throw new AppError('NOT_ALLOWED', { detailKey: 'mentors.linkedAnswersOwn' });
  return mentorshipDtos(db, eq(mentorships.mentorId, mentorId), me);
}

/** Staff: every unlinked mentor (for the staff page), public or not. */
export async function listManagedMentors(actor: Actor | null): Promise<MentorCardDto[]> {
  await authorize(actor, 'mentors.manage');
  const db = await getDb();
  const rows = await loadRows(db, sql`${mentors.talentId} is null`);
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN')).map((r) => card(r, undefined));
}

/**
 * 我的徒弟: the apprentices JP-055 counts for me today — portal-recorded ones (verified) beside self-declared ones,
 * merged by the one rule of lib/mentors/core.ts. Empty without a profile.
 */
export async function myApprentices(actor: Actor | null): Promise<CountedApprentice[]> {
  const me = await authorize(actor, 'mentors.claim', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [row] = await db.select({ portal: portalApprenticesSql(sql`${me.id}::uuid`) }).from(sql`(select 1) as one`);
  const portal = (typeof row?.portal === 'string' ? JSON.parse(row.portal) : (row?.portal ?? [])) as PortalApprentice[];
  return mergeApprentices(await selfDeclaredApprentices(db, me.id), portal, parseIsoDate(todayIso())!) ?? [];
}
