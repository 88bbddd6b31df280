import 'server-only';
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consents, partyActivities, partyAttendance, partyMembers, partyMobileRecords, partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { addDays, formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { decideAttendee, quorumOf } from './activities-quorum';
import type {
  ActivityDto,
  ActivityListDto,
  ActivityListQuery,
  ActivitySummaryDto,
  AttendanceDto,
  CheckInInput,
  CheckInViewDto,
  CreateActivityInput,
  MyAttendanceDto,
  RecordAttendanceInput,
} from './activities-schemas';
import { partyToday } from './members';
import { prefixPattern } from './orgs';

/**
 * Organisational life (domain-party.md §2.6, §6 OrgLifeActivity / Attendance, §5.2 M6; issue 10 §2).
 *
 * - Activities are created by the secretary of the organisation (write scope: exactly their own organisation) or the
 *   区委组织部; the organisation must be ACTIVE and inside the portal, and a 临时党支部 puts nothing to a vote.
 * - Attendance is recorded (and thereby confirmed) by the secretary, or checked in by the member themselves — by
 *   scanning the organisation's QR poster (its current token) or online, on the activity's day — and confirmed by the
 *   branch. The relation is computed here, never taken from the caller (activities-quorum.ts): FORMAL for members of
 *   the organisation, MOBILE for 流动党员 it has accepted. A vote asked for a member without one is refused
 *   (MAY_NOT_VOTE, nothing written); the database checks (`party_attendance_quorum_ck`, `party_attendance_vote_ck`)
 *   are the backstop. One row per (activity, member): a repeated check-in returns the existing row.
 * - A confirmed attendance moves party_members.last_org_life_date forward to the activity's date (never back), in the
 *   same statement (greatest): the ORG_LIFE lapse flag reads it.
 * - Members whose 党籍 is STOPPED or STRUCK_OFF are hidden from rosters and refused (§5.2, last paragraph).
 * - Attendance is S1 as a time series (§6): every read of an activity's roster is audited.
 */

type OrgRow = typeof partyOrgs.$inferSelect;
type ActivityRow = typeof partyActivities.$inferSelect;
type MemberRow = typeof partyMembers.$inferSelect;
type AttendanceRow = typeof partyAttendance.$inferSelect;

const ACCEPTED_STATES = ['INFLOW_ACTIVE', 'LAPSE_WATCH'] as const;
const MISSING = '\u0000missing';
const orgName = (o: Pick<OrgRow, 'nameZh' | 'nameEn'>, locale: Locale) => (locale === 'en' ? o.nameEn : o.nameZh);
const problem = (field: string, key: string) => new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [key] } });
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/** How far back and ahead an activity may be dated (a year's minutes may be entered late; plans a half-year ahead). */
const BACK_DAYS = 366;
const AHEAD_DAYS = 183;

async function loadActivity(db: DbOrTx, id: string): Promise<{ a: ActivityRow; org: OrgRow } | null> {
  const [row] = await db.select({ a: partyActivities, org: partyOrgs }).from(partyActivities).innerJoin(partyOrgs, eq(partyOrgs.id, partyActivities.orgId)).where(eq(partyActivities.id, id));
  return row ?? null;
}

/** Accepted mobile records of members placed in `org` (the branch) or reporting to an organisation in its subtree. */
async function acceptedMobileMemberIds(db: DbOrTx, org: Pick<OrgRow, 'id' | 'path'>, memberIds?: string[]): Promise<Set<string>> {
  if (memberIds && !memberIds.length) return new Set();
  const inflow = aliasedTable(partyOrgs, 'inflow_org');
  const rows = await db
    .select({ memberId: partyMobileRecords.memberId })
    .from(partyMobileRecords)
    .leftJoin(inflow, eq(inflow.id, partyMobileRecords.inflowOrgId))
    .where(
      and(
        inArray(partyMobileRecords.state, [...ACCEPTED_STATES]),
        or(eq(partyMobileRecords.inflowBranchId, org.id), like(inflow.path, prefixPattern(org.path))),
        memberIds ? inArray(partyMobileRecords.memberId, memberIds) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function factsFor(db: DbOrTx, member: MemberRow, org: Pick<OrgRow, 'id' | 'path'>) {
  const formalHere = member.formalOrgId === org.id && !member.transferredOutAt;
  const acceptedMobileHere = !formalHere && (await acceptedMobileMemberIds(db, org, [member.id])).has(member.id);
  return { formalHere, acceptedMobileHere, membershipType: member.membershipType, partyStatus: member.partyStatus };
}

/** Moves last_org_life_date forward to the activity's date (never back), atomically. */
async function touchOrgLife(db: DbOrTx, memberId: string, date: string): Promise<void> {
  await db
    .update(partyMembers)
    .set({ lastOrgLifeDate: sql`greatest(coalesce(${partyMembers.lastOrgLifeDate}, ${date}::date), ${date}::date)`, updatedAt: now() })
    .where(eq(partyMembers.id, memberId));
}

function attendanceToDto(r: AttendanceRow, m: Pick<MemberRow, 'name' | 'membershipType'>): AttendanceDto {
  return {
    memberId: r.memberId,
    name: m.name,
    membershipType: m.membershipType,
    relation: r.relation,
    mayVote: r.mayVote,
    countsForQuorum: r.countsForQuorum,
    method: r.method,
    checkedInAt: r.checkedInAt.toISOString(),
    confirmed: !!r.confirmedAt,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}

function summaryOf(a: ActivityRow, org: OrgRow, locale: Locale, attendees: number, pending: number): ActivitySummaryDto {
  return { id: a.id, orgId: org.id, orgName: orgName(org, locale), type: a.type, date: a.date, topic: a.topic, votingItems: a.votingItems, location: a.location, attendees, pending };
}

// --- create --------------------------------------------------------------------------------------------------------

/** POST /api/v1/party/activities — the organisation's secretary or the 组织部. */
export async function createActivity(actor: Actor | null, input: CreateActivityInput, meta: { ip: string; locale?: Locale }): Promise<ActivitySummaryDto> {
  const db = await getDb();
  const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, input.orgId));
  const me = await authorize(actor, 'party_activities.manage', { orgPath: org?.path ?? MISSING }, { ip: meta.ip, targetType: 'party_org', targetId: input.orgId, via: 'party_activities.create' });
  if (!org) throw new AppError('NOT_FOUND');
  if (org.status !== 'ACTIVE' || org.isExternal) throw problem('orgId', 'partyActivities.errOrgInactive');
  if (input.votingItems && org.isTemporary) throw problem('votingItems', 'partyActivities.errTemporaryVote');
  const date = parseIsoDate(input.date);
  if (!date) throw problem('date', 'validation.dateInvalid');
  const { today } = partyToday();
  if (input.date < formatYmd(addDays(today, -BACK_DAYS)) || input.date > formatYmd(addDays(today, AHEAD_DAYS))) throw problem('date', 'partyActivities.errDateRange');
  return db.transaction(async (tx) => {
    const [a] = await tx
      .insert(partyActivities)
      .values({ orgId: org.id, type: input.type, date: input.date, topic: input.topic, votingItems: input.votingItems, location: input.location?.trim() || null, createdBy: me.id })
      .returning();
    await audit({ action: 'party_activities.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_activity', targetId: a!.id, ip: meta.ip, detail: { orgId: org.id, type: input.type, date: input.date, votingItems: input.votingItems } }, tx);
    return summaryOf(a!, org, meta.locale ?? 'zh-CN', 0, 0);
  });
}

// --- list ------------------------------------------------------------------------------------------------------------

/** GET /api/v1/party/activities — activities in the caller's scope (their organisation's subtree; the 组织部: all). */
export async function listActivities(actor: Actor | null, q: ActivityListQuery, meta: { ip: string; locale?: Locale }): Promise<ActivityListDto> {
  const locale = meta.locale ?? 'zh-CN';
  const db = await getDb();
  let me = await authorize(actor, 'party_activities.read', undefined, { ip: meta.ip, via: 'party_activities.list' });
  let orgFilter;
  if (q.orgId) {
    const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, q.orgId));
    me = await authorize(me, 'party_activities.read', { orgPath: org?.path ?? MISSING }, { ip: meta.ip, targetType: 'party_org', targetId: q.orgId, via: 'party_activities.list' });
    if (!org) throw new AppError('NOT_FOUND');
    orgFilter = eq(partyActivities.orgId, org.id);
  } else if (me.role !== 'org_admin') {
    orgFilter = like(partyOrgs.path, prefixPattern(me.orgPath ?? MISSING));
  }
  const { today } = partyToday();
  const from = q.from ?? formatYmd(addDays(today, -BACK_DAYS));
  const to = q.to ?? formatYmd(addDays(today, AHEAD_DAYS));
  const rows = await db
    .select({
      a: partyActivities,
      org: partyOrgs,
      attendees: sql<number>`(select count(*)::int from ${partyAttendance} pa join ${partyMembers} pm on pm.id = pa.member_id where pa.activity_id = ${partyActivities.id} and pa.confirmed_at is not null and pm.party_status = 'NORMAL')`,
      pending: sql<number>`(select count(*)::int from ${partyAttendance} pa join ${partyMembers} pm on pm.id = pa.member_id where pa.activity_id = ${partyActivities.id} and pa.confirmed_at is null and pm.party_status = 'NORMAL')`,
    })
    .from(partyActivities)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyActivities.orgId))
    .where(and(orgFilter, gte(partyActivities.date, from), lte(partyActivities.date, to)))
    .orderBy(desc(partyActivities.date), asc(partyOrgs.path))
    .limit(500);
  const orgRows = await db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false), me.role === 'org_admin' ? undefined : like(partyOrgs.path, prefixPattern(me.orgPath ?? MISSING))))
    .orderBy(asc(partyOrgs.path));
  return {
    items: rows.map((r) => summaryOf(r.a, r.org, locale, Number(r.attendees), Number(r.pending))),
    orgs: orgRows.map((o) => ({ id: o.id, name: orgName(o, locale), canCreate: can(me, 'party_activities.manage', { orgPath: o.path }), isTemporary: o.isTemporary })),
  };
}

// --- one activity ----------------------------------------------------------------------------------------------------

/** GET /api/v1/party/activities/{id} — the roster with relations and flags, and the quorum of voting members (audited). */
export async function getActivity(actor: Actor | null, id: string, meta: { ip: string; locale?: Locale }): Promise<ActivityDto> {
  const locale = meta.locale ?? 'zh-CN';
  const db = await getDb();
  const found = isUuid(id) ? await loadActivity(db, id) : null;
  const me = await authorize(actor, 'party_activities.read', { orgPath: found?.org.path ?? MISSING }, { ip: meta.ip, targetType: 'party_activity', targetId: id, via: 'party_activities.read' });
  if (!found) throw new AppError('NOT_FOUND');
  const { a, org } = found;
  const canManage = can(me, 'party_activities.manage', { orgPath: org.path });

  const formal = await db
    .select()
    .from(partyMembers)
    .where(and(eq(partyMembers.formalOrgId, org.id), eq(partyMembers.partyStatus, 'NORMAL'), isNull(partyMembers.transferredOutAt)));
  const rows = await db
    .select({ r: partyAttendance, m: partyMembers })
    .from(partyAttendance)
    .innerJoin(partyMembers, eq(partyMembers.id, partyAttendance.memberId))
    .where(and(eq(partyAttendance.activityId, a.id), eq(partyMembers.partyStatus, 'NORMAL')))
    .orderBy(asc(partyAttendance.checkedInAt));
  const voting = formal.filter((m) => m.membershipType === 'formal');
  const votingIds = new Set(voting.map((m) => m.id));
  const confirmed = rows.filter((x) => x.r.confirmedAt);
  const presentVoting = confirmed.filter((x) => x.r.relation === 'FORMAL' && votingIds.has(x.m.id));
  const presentIds = new Set(presentVoting.map((x) => x.m.id));
  const q = quorumOf(voting.length, presentVoting.length);
  const recorded = new Set(rows.map((x) => x.m.id));
  let candidates: ActivityDto['candidates'] = [];
  if (canManage) {
    const mobileIds = [...(await acceptedMobileMemberIds(db, org))].filter((mid) => !formal.some((m) => m.id === mid));
    const mobile = mobileIds.length ? await db.select().from(partyMembers).where(and(inArray(partyMembers.id, mobileIds), eq(partyMembers.partyStatus, 'NORMAL'))) : [];
    candidates = [
      ...formal.map((m) => ({ memberId: m.id, name: m.name, relation: 'FORMAL' as const, membershipType: m.membershipType })),
      ...mobile.map((m) => ({ memberId: m.id, name: m.name, relation: 'MOBILE' as const, membershipType: m.membershipType })),
    ]
      .filter((c) => !recorded.has(c.memberId))
      .sort((x, y) => x.relation.localeCompare(y.relation) || byName(x, y));
  }
  await audit({
    action: 'party_activities.read',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'party_activity',
    targetId: a.id,
    ip: meta.ip,
    detail: { fields: ['attendance', 'quorum'], orgId: org.id, ids: rows.map((x) => x.m.id) },
  });
  const nameOf = (m: MemberRow) => ({ memberId: m.id, name: m.name });
  return {
    ...summaryOf(a, org, locale, confirmed.length, rows.length - confirmed.length),
    createdAt: a.createdAt.toISOString(),
    quorum: { ...q, absent: voting.filter((m) => !presentIds.has(m.id)).sort(byName).map(nameOf) },
    probationaryPresent: confirmed.filter((x) => x.r.relation === 'FORMAL' && x.m.membershipType === 'probationary').map((x) => nameOf(x.m)),
    mobilePresent: confirmed.filter((x) => x.r.relation === 'MOBILE').map((x) => nameOf(x.m)),
    attendance: rows.map((x) => attendanceToDto(x.r, x.m)),
    candidates,
    canManage,
  };
}

// --- attendance by the secretary ---------------------------------------------------------------------------------

/**
 * POST /api/v1/party/activities/{id}/attendance — the secretary records (and thereby confirms) a member's attendance.
 * A pending self check-in of the member is confirmed; an already confirmed row is returned unchanged.
 */
export async function recordAttendance(actor: Actor | null, activityId: string, input: RecordAttendanceInput, meta: { ip: string }): Promise<AttendanceDto> {
  const db = await getDb();
  const found = isUuid(activityId) ? await loadActivity(db, activityId) : null;
  const me = await authorize(actor, 'party_activities.manage', { orgPath: found?.org.path ?? MISSING }, { ip: meta.ip, targetType: 'party_activity', targetId: activityId, via: 'party_activities.attendance' });
  if (!found) throw new AppError('NOT_FOUND');
  const { a, org } = found;
  if (a.date > partyToday().todayIso) throw problem('memberId', 'partyActivities.errNotYet');
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId));
  if (!member) throw problem('memberId', 'partyActivities.errNotInOrg');
  const d = decideAttendee(await factsFor(db, member, org), input.mayVote);
  if (!d.ok) {
    if (d.reason === 'MAY_NOT_VOTE') throw new AppError('MAY_NOT_VOTE', { fieldErrors: { mayVote: ['partyActivities.errMayNotVote'] } });
    throw problem('memberId', d.reason === 'MEMBER_STATUS' ? 'partyActivities.errMemberStatus' : 'partyActivities.errNotInOrg');
  }
  return db.transaction(async (tx) => {
    const at = now();
    const [inserted] = await tx
      .insert(partyAttendance)
      .values({ activityId: a.id, memberId: member.id, relation: d.relation, countsForQuorum: d.countsForQuorum, mayVote: d.mayVote, method: input.method, checkedInAt: at, confirmedBy: me.id, confirmedAt: at })
      .onConflictDoNothing()
      .returning();
    let row = inserted;
    if (!row) {
      const [existing] = await tx.select().from(partyAttendance).where(and(eq(partyAttendance.activityId, a.id), eq(partyAttendance.memberId, member.id))).for('update');
      row = existing!;
      if (!row.confirmedAt) {
        [row] = await tx
          .update(partyAttendance)
          .set({ confirmedBy: me.id, confirmedAt: at, mayVote: d.mayVote && row.relation === 'FORMAL' })
          .where(eq(partyAttendance.id, row.id))
          .returning();
      } else {
        return attendanceToDto(row, member); // already recorded: idempotent
      }
    }
    await touchOrgLife(tx, member.id, a.date);
    await audit(
      {
        action: 'party_activities.attendance',
        result: 'ok',
        actorId: me.id,
        actorRole: me.role,
        targetType: 'party_member',
        targetId: member.id,
        ip: meta.ip,
        detail: { activityId: a.id, relation: row!.relation, method: row!.method, mayVote: row!.mayVote, confirmed: true },
      },
      tx,
    );
    return attendanceToDto(row!, member);
  });
}

/** POST /api/v1/party/activities/{id}/attendance/{memberId}/confirm — the branch confirms a self check-in. */
export async function confirmAttendance(actor: Actor | null, activityId: string, memberId: string, meta: { ip: string }): Promise<AttendanceDto> {
  const db = await getDb();
  const found = isUuid(activityId) ? await loadActivity(db, activityId) : null;
  const me = await authorize(actor, 'party_activities.manage', { orgPath: found?.org.path ?? MISSING }, { ip: meta.ip, targetType: 'party_activity', targetId: activityId, via: 'party_activities.confirm' });
  if (!found) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [x] = await tx
      .select({ r: partyAttendance, m: partyMembers })
      .from(partyAttendance)
      .innerJoin(partyMembers, eq(partyMembers.id, partyAttendance.memberId))
      .where(and(eq(partyAttendance.activityId, found.a.id), eq(partyAttendance.memberId, memberId)))
      .for('update', { of: partyAttendance });
    if (!x || x.m.partyStatus !== 'NORMAL') throw new AppError('NOT_FOUND');
    if (x.r.confirmedAt) return attendanceToDto(x.r, x.m);
    const at = now();
    const [row] = await tx.update(partyAttendance).set({ confirmedBy: me.id, confirmedAt: at }).where(eq(partyAttendance.id, x.r.id)).returning();
    await touchOrgLife(tx, memberId, found.a.date);
    await audit({ action: 'party_activities.confirm', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: memberId, ip: meta.ip, detail: { activityId: found.a.id, relation: row!.relation, method: row!.method } }, tx);
    return attendanceToDto(row!, x.m);
  });
}

// --- the member's own check-in -------------------------------------------------------------------------------------

async function hasPartyConsent(db: DbOrTx, userId: string): Promise<boolean> {
  const [c] = await db.select({ id: consents.id }).from(consents).where(and(eq(consents.userId, userId), eq(consents.kind, 'party'), isNull(consents.withdrawnAt))).limit(1);
  return !!c;
}

/** The caller's linked Party record (after the Party consent), or null. */
async function myMember(db: DbOrTx, me: Actor): Promise<MemberRow | null> {
  if (!(await hasPartyConsent(db, me.id))) return null;
  const [m] = await db.select().from(partyMembers).where(eq(partyMembers.userId, me.id)).limit(1);
  return m ?? null;
}

/** The organisation a poster's token names, if it is current (not rotated) and the organisation is active. */
async function orgOfToken(db: DbOrTx, token: string): Promise<OrgRow | null> {
  const [org] = await db.select().from(partyOrgs).where(and(eq(partyOrgs.qrToken, token), eq(partyOrgs.status, 'ACTIVE'))).limit(1);
  return org ?? null;
}

/**
 * Resolves what a member may do with an activity: their relation to its organisation (FORMAL / MOBILE), or
 * NOT_FOUND for anyone else (no probing of other organisations' activities). A token, when given, must be the
 * activity's organisation's current one (QR_TOKEN_INVALID for a rotated token or a dissolved organisation's).
 */
async function memberContext(db: DbOrTx, me: Actor, activityId: string, token: string | undefined) {
  const member = await myMember(db, me);
  if (!member) throw new AppError('NOT_FOUND');
  if (token !== undefined) {
    const org = await orgOfToken(db, token);
    if (!org) throw new AppError('QR_TOKEN_INVALID');
  }
  const found = isUuid(activityId) ? await loadActivity(db, activityId) : null;
  if (!found) throw new AppError('NOT_FOUND');
  if (token !== undefined && found.org.qrToken !== token) throw new AppError('QR_TOKEN_INVALID');
  const d = decideAttendee(await factsFor(db, member, found.org));
  if (!d.ok) throw new AppError('NOT_FOUND');
  return { member, ...found, d };
}

/** GET /api/v1/me/party/activities/{id} — what the check-in page shows the member. */
export async function getCheckInView(actor: Actor | null, activityId: string, token: string | undefined, meta: { ip: string; locale?: Locale }): Promise<CheckInViewDto> {
  const me = await authorize(actor, 'party_activities.attend_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip, via: 'party_activities.check_in_view' });
  const db = await getDb();
  const { member, a, org, d } = await memberContext(db, me, activityId, token);
  const [mine] = await db.select().from(partyAttendance).where(and(eq(partyAttendance.activityId, a.id), eq(partyAttendance.memberId, member.id)));
  return {
    id: a.id,
    orgId: org.id,
    orgName: orgName(org, meta.locale ?? 'zh-CN'),
    type: a.type,
    date: a.date,
    topic: a.topic,
    location: a.location,
    relation: d.ok ? d.relation : 'FORMAL',
    open: a.date === partyToday().todayIso && org.status === 'ACTIVE',
    mine: mine ? attendanceToDto(mine, member) : null,
  };
}

/**
 * POST /api/v1/me/party/activities/{id}/check-in — the member checks in (QR token → method qr; none → online) on the
 * activity's day. The row waits for the branch's confirmation; a repeated check-in returns the existing row.
 */
export async function checkIn(actor: Actor | null, activityId: string, input: CheckInInput, meta: { ip: string }): Promise<AttendanceDto> {
  const me = await authorize(actor, 'party_activities.attend_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip, via: 'party_activities.check_in' });
  const db = await getDb();
  const { member, a, org, d } = await memberContext(db, me, activityId, input.qrToken);
  if (!d.ok) throw new AppError('NOT_FOUND');
  const [existing] = await db.select().from(partyAttendance).where(and(eq(partyAttendance.activityId, a.id), eq(partyAttendance.memberId, member.id)));
  if (existing) return attendanceToDto(existing, member);
  if (a.date !== partyToday().todayIso || org.status !== 'ACTIVE') throw new AppError('VALIDATION_FAILED', { detailKey: 'partyActivities.errCheckInClosed' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partyAttendance)
      .values({ activityId: a.id, memberId: member.id, relation: d.relation, countsForQuorum: d.countsForQuorum, mayVote: d.mayVote, method: input.qrToken ? 'qr' : 'online', checkedInAt: now() })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [again] = await tx.select().from(partyAttendance).where(and(eq(partyAttendance.activityId, a.id), eq(partyAttendance.memberId, member.id)));
      return attendanceToDto(again!, member);
    }
    await audit({ action: 'party_activities.check_in', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_activity', targetId: a.id, ip: meta.ip, detail: { memberId: member.id, relation: row.relation, method: row.method } }, tx);
    return attendanceToDto(row, member);
  });
}

/** The organisations whose activities a member attends: the formal one and those of accepted mobile records. */
async function memberOrgIds(db: DbOrTx, member: MemberRow): Promise<string[]> {
  const recs = await db
    .select({ b: partyMobileRecords.inflowBranchId, o: partyMobileRecords.inflowOrgId })
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.memberId, member.id), inArray(partyMobileRecords.state, [...ACCEPTED_STATES])));
  return [...new Set([member.transferredOutAt ? null : member.formalOrgId, ...recs.flatMap((r) => [r.b, r.o])].filter((x): x is string => !!x))];
}

/** GET /api/v1/me/party/activities — my attendance (newest first), my last organisational life, today's open activities. */
export async function getMyAttendance(actor: Actor | null, meta: { ip: string; locale?: Locale }): Promise<MyAttendanceDto | null> {
  const locale = meta.locale ?? 'zh-CN';
  const me = await authorize(actor, 'party_activities.attend_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip, via: 'party_activities.mine' });
  const db = await getDb();
  const member = await myMember(db, me);
  if (!member) return null;
  const rows = await db
    .select({ r: partyAttendance, a: partyActivities, org: partyOrgs })
    .from(partyAttendance)
    .innerJoin(partyActivities, eq(partyActivities.id, partyAttendance.activityId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyActivities.orgId))
    .where(eq(partyAttendance.memberId, member.id))
    .orderBy(desc(partyActivities.date))
    .limit(24);
  const { todayIso } = partyToday();
  const orgIds = member.partyStatus === 'NORMAL' ? await memberOrgIds(db, member) : [];
  const open = orgIds.length
    ? await db
        .select({ a: partyActivities, org: partyOrgs })
        .from(partyActivities)
        .innerJoin(partyOrgs, eq(partyOrgs.id, partyActivities.orgId))
        .where(and(inArray(partyActivities.orgId, orgIds), eq(partyActivities.date, todayIso), eq(partyOrgs.status, 'ACTIVE')))
    : [];
  const attended = new Set(rows.map((x) => x.a.id));
  await audit({ action: 'party_record.read_own', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: member.id, ip: meta.ip, detail: { fields: ['attendance'] } });
  return {
    items: rows.map((x) => ({ activityId: x.a.id, orgName: orgName(x.org, locale), type: x.a.type, date: x.a.date, topic: x.a.topic, relation: x.r.relation, method: x.r.method, confirmed: !!x.r.confirmedAt })),
    lastOrgLifeDate: member.lastOrgLifeDate,
    open: open.map((x) => ({ id: x.a.id, orgName: orgName(x.org, locale), type: x.a.type, topic: x.a.topic, checkedIn: attended.has(x.a.id) })),
  };
}

/**
 * Today's activities of an organisation, for the 报到 / check-in page reached from its QR poster (the page links each
 * to /party/activities/{id}/check-in?token=…). Topics and types only — no roster; the caller has already resolved the
 * organisation from its current token. `today` is a Jingdezhen calendar date (YYYY-MM-DD); defaults to today.
 */
export async function openActivitiesForCheckIn(orgId: string, today: string = partyToday().todayIso): Promise<{ id: string; type: ActivityRow['type']; topic: string; date: string; location: string | null }[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: partyActivities.id, type: partyActivities.type, topic: partyActivities.topic, date: partyActivities.date, location: partyActivities.location })
    .from(partyActivities)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyActivities.orgId))
    .where(and(eq(partyActivities.orgId, orgId), eq(partyActivities.date, today), eq(partyOrgs.status, 'ACTIVE')))
    .orderBy(asc(partyActivities.createdAt));
  return rows;
}
