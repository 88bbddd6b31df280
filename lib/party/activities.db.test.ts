/**
 * Organisational life on a real database (issue 10 §2; domain-party.md §2.6, §6): a mobile attendee counts for
 * themselves but never for the quorum and never votes (MAY_NOT_VOTE with nothing written; the database checks as the
 * backstop), the quorum arithmetic (exactly half is not a quorum; 预备党员 and mobile members outside 应到), the member's
 * own check-in by QR token or online (a rotated or dissolved organisation's token → QR_TOKEN_INVALID; a repeated
 * check-in returns the same row), the branch's confirmation moving last_org_life_date forward only, members whose 党籍
 * is stopped hidden from the roster, and the scope: another branch's secretary is refused with nothing written.
 */
import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, consents, partyActivities, partyAttendance, partyMembers, partyMobileRecords, partyOrgs } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { now, resetClock } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import { checkIn, confirmAttendance, createActivity, getActivity, getCheckInView, getMyAttendance, listActivities, openActivitiesForCheckIn, recordAttendance } from '@/lib/party/activities';
import { checkInPartyActivityRoute, createPartyActivityRoute, getPartyActivityRoute, recordPartyAttendanceRoute } from '@/lib/party/activities-api';
import { quorumOf } from '@/lib/party/activities-quorum';
import { partyToday } from '@/lib/party/members';
import { dissolvePartyOrg, rotateQrToken } from '@/lib/party/orgs';
import { addDays, formatYmd } from '@/lib/talent/dates';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const meta = { ip: '203.0.113.21', locale: 'zh-CN' as const };
const today = () => partyToday().todayIso;
const daysAgo = (n: number) => formatYmd(addDays(partyToday().today, -n));

let orgAdmin: Actor;
let taoxiSec: Actor;

beforeAll(async () => {
  const db = t.db();
  await seedReferenceData(db);
  orgAdmin = actorOf(await makeUser(db, 'org_admin', { orgId: null }), null);
  taoxiSec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.taoxichuanBranch }), orgPath(ORG_IDS.taoxichuanBranch));
});
afterEach(() => resetClock());

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

/** A fresh branch under 两新组织党委 with its own secretary and QR token (so 应到 is exactly what a test inserts). */
async function freshBranch(db: Db, opts: { temporary?: boolean } = {}) {
  const id = crypto.randomUUID();
  const path = `${orgPath(ORG_IDS.twoNewCommittee)}${id}/`;
  const qrToken = randomToken(24);
  await db.insert(partyOrgs).values({ id, code: `T-ACT-${id.slice(0, 8)}`, nameZh: '测试活动党支部', nameEn: 'Test activity branch', kind: 'branch', orgType: 'branch', parentId: ORG_IDS.twoNewCommittee, path, isTemporary: !!opts.temporary, qrToken, qrRotatedAt: now() });
  const sec = actorOf(await makeUser(db, 'branch_secretary', { orgId: id }), path);
  return { id, path, qrToken, sec };
}

/** A member formal at `orgId`; with `linked`, a talent account linked to it with the Party consent. */
async function member(db: Db, orgId: string, over: Parameters<typeof insertMember>[1] = {}, linked = false) {
  let userId: string | null = null;
  let actor: Actor | null = null;
  if (linked) {
    const u = await makeUser(db, 'talent');
    await db.insert(consents).values({ userId: u.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() });
    userId = u.id;
    actor = actorOf(u, null);
  }
  const m = await insertMember(db, { formalOrgId: orgId, userId, ...over });
  return { ...m, actor };
}

/** A member formal at 陶溪川, accepted as a 流动党员 by `branchId`. */
async function mobileMember(db: Db, branchId: string, linked = false) {
  const m = await member(db, ORG_IDS.taoxichuanBranch, {}, linked);
  await db.insert(partyMobileRecords).values({ memberId: m.id, state: 'INFLOW_ACTIVE', outflowOrgId: ORG_IDS.taoxichuanBranch, outflowDate: '2025-03-01', outflowReason: 'creative', inflowOrgId: branchId, inflowBranchId: branchId, acceptedAt: now() });
  return m;
}

const attendanceRows = (db: Db, activityId: string) => db.select().from(partyAttendance).where(eq(partyAttendance.activityId, activityId));

describe('the quorum (pure)', () => {
  it.each([
    [0, 0, false, 1],
    [1, 1, true, 1],
    [2, 1, false, 2],
    [4, 2, false, 3], // exactly half is not a quorum
    [4, 3, true, 3],
    [5, 2, false, 3],
    [5, 3, true, 3],
  ])('应到 %i, 实到 %i → reached %s (needs %i)', (expected, present, reached, required) => {
    expect(quorumOf(expected, present)).toMatchObject({ expected, present, reached, required });
  });
});

describe('activities and attendance', () => {
  it('creates an activity for the secretary’s own organisation; other organisations, temporary votes and dissolved organisations are refused', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: today(), topic: '学习贯彻党的二十届四中全会精神', votingItems: false }, meta);
    expect(a).toMatchObject({ orgId: b.id, type: 'theme_day', attendees: 0 });
    expect(await codeOf(createActivity(taoxiSec, { orgId: b.id, type: 'theme_day', date: today(), topic: '越权登记', votingItems: false }, meta))).toBe('FORBIDDEN');
    const tmp = await freshBranch(db, { temporary: true });
    expect(await codeOf(createActivity(tmp.sec, { orgId: tmp.id, type: 'branch_congress', date: today(), topic: '临时支部表决', votingItems: true }, meta))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createActivity(orgAdmin, { orgId: ORG_IDS.externalZhuantang, type: 'theme_day', date: today(), topic: '区外组织', votingItems: false }, meta))).toBe('VALIDATION_FAILED');
    expect(await codeOf(createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: daysAgo(400), topic: '太久以前', votingItems: false }, meta))).toBe('VALIDATION_FAILED');
    const [n] = await db.select({ n: count() }).from(partyActivities).where(eq(partyActivities.orgId, tmp.id));
    expect(n!.n).toBe(0);
    // Over HTTP: 201 for the secretary.
    const r = await callRoute(createPartyActivityRoute, { body: { orgId: b.id, type: 'party_lecture', date: today(), topic: '党课：陶瓷匠心与初心', votingItems: false }, headers: bearer(await tokenFor(db, { id: b.sec.id })) });
    expect(r.status).toBe(201);
    const list = await listActivities(b.sec, { orgId: b.id }, meta);
    expect(list.items.map((x) => x.topic)).toContain('党课：陶瓷匠心与初心');
    expect(list.orgs.find((o) => o.id === b.id)?.canCreate).toBe(true);
  });

  it('a mobile attendee counts for themselves, never for the quorum, and never votes; the quorum needs more than half of the voting members', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const voters = await Promise.all([1, 2, 3, 4].map(() => member(db, b.id)));
    const probationary = await member(db, b.id, { membershipType: 'probationary', probationEndDate: formatYmd(addDays(partyToday().today, 200)) });
    const mobile = await mobileMember(db, b.id);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'branch_congress', date: today(), topic: '支部党员大会：民主评议党员', votingItems: true }, meta);

    const m = await recordAttendance(b.sec, a.id, { memberId: mobile.id, method: 'on_site' }, meta);
    expect(m).toMatchObject({ relation: 'MOBILE', mayVote: false, countsForQuorum: false, confirmed: true });
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, mobile.id)))[0]!.lastOrgLifeDate).toBe(today());
    await recordAttendance(b.sec, a.id, { memberId: probationary.id, method: 'on_site' }, meta);
    for (const v of voters.slice(0, 2)) await recordAttendance(b.sec, a.id, { memberId: v.id, method: 'on_site' }, meta);

    let d = await getActivity(b.sec, a.id, meta);
    expect(d.quorum).toMatchObject({ expected: 4, present: 2, required: 3, reached: false }); // exactly half
    expect(d.mobilePresent.map((x) => x.memberId)).toEqual([mobile.id]);
    expect(d.probationaryPresent.map((x) => x.memberId)).toEqual([probationary.id]);
    expect(d.attendance.find((x) => x.memberId === probationary.id)).toMatchObject({ relation: 'FORMAL', mayVote: false, countsForQuorum: true });
    expect(d.quorum.absent.map((x) => x.memberId).sort()).toEqual(voters.slice(2).map((v) => v.id).sort());

    await recordAttendance(b.sec, a.id, { memberId: voters[2]!.id, method: 'on_site' }, meta);
    d = await getActivity(b.sec, a.id, meta);
    expect(d.quorum).toMatchObject({ expected: 4, present: 3, reached: true });
    expect(d.attendance.filter((x) => x.relation === 'MOBILE').every((x) => !x.mayVote && !x.countsForQuorum)).toBe(true);
  });

  it('a vote asked for a mobile or probationary member is 400 MAY_NOT_VOTE with nothing written; the database refuses it too', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const mobile = await mobileMember(db, b.id);
    const probationary = await member(db, b.id, { membershipType: 'probationary', probationEndDate: formatYmd(addDays(partyToday().today, 100)) });
    const a = await createActivity(b.sec, { orgId: b.id, type: 'branch_congress', date: today(), topic: '表决：发展党员', votingItems: true }, meta);
    const r = await callRoute(recordPartyAttendanceRoute, { params: { id: a.id }, body: { memberId: mobile.id, method: 'on_site', mayVote: true }, headers: bearer(await tokenFor(db, { id: b.sec.id })) });
    expect(r.status).toBe(400);
    expect((r.json as { code: string }).code).toBe('MAY_NOT_VOTE');
    expect(await codeOf(recordAttendance(b.sec, a.id, { memberId: probationary.id, method: 'on_site', mayVote: true }, meta))).toBe('MAY_NOT_VOTE');
    expect(await attendanceRows(db, a.id)).toHaveLength(0);
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, mobile.id)))[0]!.lastOrgLifeDate).toBeNull();

    // The backstop: a direct insert with a vote or a quorum count for a mobile attendee violates the checks.
    const base = { activityId: a.id, memberId: mobile.id, relation: 'MOBILE' as const, method: 'on_site' as const, checkedInAt: now() };
    for (const bad of [
      { ...base, countsForQuorum: false, mayVote: true },
      { ...base, countsForQuorum: true, mayVote: false },
    ]) {
      const err = await db.insert(partyAttendance).values(bad).then(
        () => null,
        (e: unknown) => e,
      );
      expect(pgErrorCode(err)).toBe('23514');
    }
    expect(await attendanceRows(db, a.id)).toHaveLength(0);
  });

  it('refuses members who are neither formal here nor accepted here, and hides members whose 党籍 is stopped', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const outsider = await member(db, ORG_IDS.sanbaoBranch);
    const stopped = await member(db, b.id);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: today(), topic: '陶艺街志愿服务', votingItems: false }, meta);
    await recordAttendance(b.sec, a.id, { memberId: stopped.id, method: 'on_site' }, meta);
    expect(await codeOf(recordAttendance(b.sec, a.id, { memberId: outsider.id, method: 'on_site' }, meta))).toBe('VALIDATION_FAILED');
    await db.update(partyMembers).set({ partyStatus: 'STOPPED' }).where(eq(partyMembers.id, stopped.id));
    const d = await getActivity(b.sec, a.id, meta);
    expect(d.attendance.map((x) => x.memberId)).not.toContain(stopped.id);
    expect(d.candidates.map((x) => x.memberId)).not.toContain(stopped.id);
    expect(d.quorum.expected).toBe(0);
    expect(await codeOf(recordAttendance(b.sec, a.id, { memberId: stopped.id, method: 'online' }, meta))).toBe('VALIDATION_FAILED');
  });

  it('a member checks in by QR (or online), idempotently; the branch confirms and last_org_life_date moves forward only', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const me = await member(db, b.id, { lastOrgLifeDate: null }, true);
    const mob = await mobileMember(db, b.id, true);
    const older = await createActivity(b.sec, { orgId: b.id, type: 'group_meeting', date: daysAgo(20), topic: '党小组会', votingItems: false }, meta);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: today(), topic: '主题党日：走进陶溪川', votingItems: false }, meta);
    expect((await openActivitiesForCheckIn(b.id, today())).map((x) => x.id)).toEqual([a.id]);

    const view = await getCheckInView(me.actor, a.id, b.qrToken, meta);
    expect(view).toMatchObject({ relation: 'FORMAL', open: true, mine: null });
    const first = await checkIn(me.actor, a.id, { qrToken: b.qrToken }, meta);
    expect(first).toMatchObject({ method: 'qr', confirmed: false, relation: 'FORMAL', mayVote: true });
    const again = await checkIn(me.actor, a.id, { qrToken: b.qrToken }, meta);
    expect(again.checkedInAt).toBe(first.checkedInAt);
    // Over HTTP too: a duplicate is 200 with the same row, never a 500.
    const r = await callRoute(checkInPartyActivityRoute, { params: { id: a.id }, body: {}, headers: bearer(await tokenFor(db, { id: me.actor!.id })) });
    expect(r.status).toBe(200);
    expect(await attendanceRows(db, a.id)).toHaveLength(1);

    const online = await checkIn(mob.actor, a.id, {}, meta);
    expect(online).toMatchObject({ method: 'online', relation: 'MOBILE', mayVote: false, countsForQuorum: false });

    let d = await getActivity(b.sec, a.id, meta);
    expect(d).toMatchObject({ attendees: 0, pending: 2 });
    expect(d.quorum.present).toBe(0); // unconfirmed check-ins are not 实到
    await confirmAttendance(b.sec, a.id, me.id, meta);
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, me.id)))[0]!.lastOrgLifeDate).toBe(today());
    // Confirming an older activity afterwards never moves the date back.
    await recordAttendance(b.sec, older.id, { memberId: me.id, method: 'on_site' }, meta);
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, me.id)))[0]!.lastOrgLifeDate).toBe(today());
    d = await getActivity(b.sec, a.id, meta);
    expect(d.quorum).toMatchObject({ expected: 1, present: 1, reached: true });
    // The secretary's recording of a pending check-in confirms it.
    const confirmedMobile = await recordAttendance(b.sec, a.id, { memberId: mob.id, method: 'on_site' }, meta);
    expect(confirmedMobile).toMatchObject({ confirmed: true, method: 'online', relation: 'MOBILE' });
    const mine = await getMyAttendance(mob.actor, meta);
    expect(mine?.items[0]).toMatchObject({ activityId: a.id, relation: 'MOBILE', confirmed: true });
    expect(mine?.lastOrgLifeDate).toBe(today());
  });

  it('a rotated token or a dissolved organisation’s token is 404 QR_TOKEN_INVALID; check-in is closed on other days; strangers see nothing', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const me = await member(db, b.id, {}, true);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: today(), topic: '主题党日', votingItems: false }, meta);
    const yesterday = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: daysAgo(1), topic: '昨天的主题党日', votingItems: false }, meta);
    await rotateQrToken(b.sec, b.id, meta.ip);
    const r = await callRoute(checkInPartyActivityRoute, { params: { id: a.id }, body: { qrToken: b.qrToken }, headers: bearer(await tokenFor(db, { id: me.actor!.id })) });
    expect(r.status).toBe(404);
    expect((r.json as { code: string }).code).toBe('QR_TOKEN_INVALID');
    expect(await attendanceRows(db, a.id)).toHaveLength(0);
    expect(await codeOf(checkIn(me.actor, yesterday.id, {}, meta))).toBe('VALIDATION_FAILED');
    const stranger = await member(db, ORG_IDS.sanbaoBranch, {}, true);
    expect(await codeOf(checkIn(stranger.actor, a.id, {}, meta))).toBe('NOT_FOUND');

    // A dissolved (empty) organisation: its token stops working.
    const empty = await freshBranch(db);
    const e = await createActivity(empty.sec, { orgId: empty.id, type: 'theme_day', date: today(), topic: '撤销前的活动', votingItems: false }, meta);
    await dissolvePartyOrg(orgAdmin, empty.id, { approvalRef: '珠两新党字〔2026〕30号' }, 'zh-CN', meta.ip);
    expect(await codeOf(checkIn(me.actor, e.id, { qrToken: empty.qrToken }, meta))).toBe('QR_TOKEN_INVALID');
    expect(await openActivitiesForCheckIn(empty.id, today())).toEqual([]);
    expect(await attendanceRows(db, e.id)).toHaveLength(0);
  });

  it('another branch’s secretary can neither read nor record; the refusal is audited and writes nothing', async () => {
    const db = t.db();
    const b = await freshBranch(db);
    const m = await member(db, b.id);
    const a = await createActivity(b.sec, { orgId: b.id, type: 'theme_day', date: today(), topic: '主题党日', votingItems: false }, meta);
    const denied = async () => (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'authz.denied'), eq(auditLog.actorId, taoxiSec.id))))[0]!.n;
    const before = await denied();
    expect(await codeOf(getActivity(taoxiSec, a.id, meta))).toBe('FORBIDDEN');
    expect(await codeOf(recordAttendance(taoxiSec, a.id, { memberId: m.id, method: 'on_site' }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(confirmAttendance(taoxiSec, a.id, m.id, meta))).toBe('FORBIDDEN');
    expect(await denied()).toBe(before + 3);
    expect(await attendanceRows(db, a.id)).toHaveLength(0);
    const r = await callRoute(getPartyActivityRoute, { params: { id: a.id }, headers: bearer(await tokenFor(db, { id: taoxiSec.id })) });
    expect(r.status).toBe(403);
    // The 组织部 reads (audited) but the roster read writes an audit row naming the activity.
    await getActivity(orgAdmin, a.id, meta);
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'party_activities.read'), eq(auditLog.targetId, a.id)));
    expect(row?.actorId).toBe(orgAdmin.id);
    expect((await listActivities(taoxiSec, {}, meta)).items.map((x) => x.id)).not.toContain(a.id);
  });
});
