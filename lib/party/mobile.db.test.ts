/**
 * 流动党员 MobileRecord on a real database (issue 10 §1; domain-party.md §5.2, §4.2, §7.1): the happy path (outflow
 * registration by the 组织部 for a 流出地 outside the portal → arrival → 报到 by QR → redirect → 报到 → acceptance),
 * refusals that write nothing (rotated / unknown / dissolved organisation's QR token, redirect without a reason, a
 * second acceptance — also two at once), the scope (the wrong secretary, the 流入地 never seeing the ID number), the
 * walk-in (M1'), lost contact and restore, M14 via a completed transfer's event, and the timers across the test clock
 * (+7, +21, +30 days) with a worker restart in between and no duplicate reminder; the daily sweep and M16.
 */
import crypto from 'node:crypto';
import { and, asc, count, eq, like } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, consents, jobs, notifications, partyLostContactCases, partyMembers, partyMobileEvents, partyMobileRecords, partyOrgs, partyReports, transferCases } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { advance, now, resetClock, setNow } from '@/lib/clock';
import { decryptField, encryptField, randomToken } from '@/lib/crypto/fields';
import { recordEvent } from '@/lib/events';
import { AppError } from '@/lib/http/errors';
import { enqueue, scheduleRecurring } from '@/lib/jobs/queue';
import { runUntilIdle } from '@/lib/jobs/worker';
import '@/lib/jobs/domains';
import { actOnMobileRecord, checkInTarget, createMobileRecord, getMobileRecord, getMyMobile, listMobileRecords, reportMine } from '@/lib/party/mobile';
import { getMobileRecordRoute, redirectMobileRecordRoute } from '@/lib/party/mobile-api';
import { mobileSweepJob } from '@/lib/party/mobile-jobs';
import { sweepMobileRecords } from '@/lib/party/mobile-timers';
import { localDate } from '@/lib/party/transfer-machine';
import { partyTransferTransitioned } from '@/lib/party/transfer-events';
import { dissolvePartyOrg, rotateQrToken } from '@/lib/party/orgs';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const ctx = { ip: '203.0.113.40', locale: 'zh-CN' as const };

let orgAdmin: Actor;
let jingpiaoSec: Actor;
let taoxiSec: Actor;
let committeeSec: Actor;
let jcSec: Actor;

beforeAll(async () => {
  const db = t.db();
  await seedReferenceData(db);
  orgAdmin = actorOf(await makeUser(db, 'org_admin', { orgId: null }), null);
  jingpiaoSec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingpiaoBranch }), orgPath(ORG_IDS.jingpiaoBranch));
  taoxiSec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.taoxichuanBranch }), orgPath(ORG_IDS.taoxichuanBranch));
  committeeSec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.twoNewCommittee }), orgPath(ORG_IDS.twoNewCommittee));
  jcSec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingchengCommunityBranch }), orgPath(ORG_IDS.jingchengCommunityBranch));
  for (const [id, token] of [
    [ORG_IDS.jingpiaoBranch, randomToken(24)],
    [ORG_IDS.taoxichuanBranch, randomToken(24)],
  ] as const)
    await db.update(partyOrgs).set({ qrToken: token }).where(eq(partyOrgs.id, id));
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
const tokenOf = async (db: Db, id: string) => (await db.select({ q: partyOrgs.qrToken }).from(partyOrgs).where(eq(partyOrgs.id, id)))[0]!.q!;
const recordRow = async (db: Db, id: string) => (await db.select().from(partyMobileRecords).where(eq(partyMobileRecords.id, id)))[0]!;
const eventsOf = (db: Db, id: string) => db.select().from(partyMobileEvents).where(eq(partyMobileEvents.recordId, id)).orderBy(asc(partyMobileEvents.seq));
const snapshot = async (db: Db, memberId: string) =>
  JSON.stringify({
    r: await db.select().from(partyMobileRecords).where(eq(partyMobileRecords.memberId, memberId)),
    e: await db.select({ id: partyMobileEvents.id }).from(partyMobileEvents).innerJoin(partyMobileRecords, eq(partyMobileRecords.id, partyMobileEvents.recordId)).where(eq(partyMobileRecords.memberId, memberId)),
  });
const daysAgo = (n: number) => localDate(new Date(now().getTime() - n * 86_400_000));

/** A 流动党员 from Hangzhou (outside the portal) with a linked talent account and the Party consent. */
async function mobileTalent(db: Db) {
  const user = await makeUser(db, 'talent');
  await db.insert(consents).values({ userId: user.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() });
  const m = await insertMember(db, { formalOrgId: ORG_IDS.externalZhuantang, userId: user.id, name: '流动测试', lastDuesMonth: localDate(now()).slice(0, 7) });
  return { member: m, actor: actorOf(user, null) };
}

const registerBody = (memberId: string, arrivalDate: string) => ({
  memberId,
  outflowOrgId: ORG_IDS.externalZhuantang,
  outflowDate: arrivalDate,
  reason: 'creative' as const,
  destinationProvince: '江西省',
  destinationCity: '景德镇市',
  destinationCounty: '珠山区',
  destinationAddress: '珠山区新厂西路 150 号 B5-203',
  destinationUnit: '陶溪川文创街区',
  arrivalDate,
  cardNo: 'ZJ-2026-0042',
  nationalFlowRef: 'LC330106202611040017',
});

async function awaiting(db: Db, arrivedDaysAgo = 10) {
  const who = await mobileTalent(db);
  const rec = await createMobileRecord(orgAdmin, registerBody(who.member.id, daysAgo(arrivedDaysAgo)), ctx);
  return { ...who, rec };
}

describe('the happy path: register → arrive → 报到 by QR → redirect → 报到 → accept', () => {
  it('walks M1, M2, M3, M5, M3, M4 with one event per step and both ends notified', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db, 12);
    expect(rec.state).toBe('AWAITING_REPORT');
    expect(rec.reportDueAt).toBeTruthy();
    const row0 = await recordRow(db, rec.id);
    expect(row0.destinationAddressEnc).not.toContain('新厂西路');
    expect(decryptField(row0.destinationAddressEnc!)).toContain('新厂西路');

    // QR page: the organisation pre-selected, the member may confirm.
    const target = await checkInTarget(actor, await tokenOf(db, ORG_IDS.taoxichuanBranch), ctx);
    expect(target).toMatchObject({ org: { id: ORG_IDS.taoxichuanBranch }, situation: 'report' });

    const reported = await reportMine(actor, { qrToken: await tokenOf(db, ORG_IDS.taoxichuanBranch) }, ctx);
    expect(reported).toMatchObject({ state: 'REPORT_SUBMITTED', reportMethod: 'qr', inflowOrg: { id: ORG_IDS.taoxichuanBranch } });
    // A repeated scan answers the same record, unchanged.
    expect((await reportMine(actor, { qrToken: await tokenOf(db, ORG_IDS.taoxichuanBranch) }, ctx)).events.length).toBe(reported.events.length);

    // 陶溪川 sees it to verify, never the ID number; 景漂 does not see it yet.
    const list = await listMobileRecords(taoxiSec, { tab: 'submitted' }, ctx);
    expect(list.items.map((i) => i.id)).toContain(rec.id);
    const seen = await getMobileRecord(taoxiSec, rec.id, ctx);
    expect(seen.idCardMasked).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(member.idCardNo);
    expect(JSON.stringify(seen)).not.toContain(member.idCardNo.slice(-4) + '"');
    expect(seen.destination.address).toBeNull();
    expect(seen.actions).toEqual(['accept', 'redirect']);
    expect(await codeOf(getMobileRecord(jingpiaoSec, rec.id, ctx))).toBe('FORBIDDEN');
    // The 组织部 (acting for the 流出地 outside the portal) sees the masked ID number.
    expect((await getMobileRecord(orgAdmin, rec.id, ctx)).idCardMasked).toBe(member.idCardMasked);

    const redirected = await actOnMobileRecord(taoxiSec, rec.id, 'redirect', { reason: '你从事陶瓷创作，应到景漂陶瓷流动党员党支部报到', suggestedOrgId: ORG_IDS.jingpiaoBranch }, ctx);
    expect(redirected).toMatchObject({ state: 'AWAITING_REPORT', inflowOrg: null, redirectToOrg: { id: ORG_IDS.jingpiaoBranch } });
    // Off 陶溪川's list and out of its reach; expected at 景漂.
    expect((await listMobileRecords(taoxiSec, {}, ctx)).items.map((i) => i.id)).not.toContain(rec.id);
    expect(await codeOf(getMobileRecord(taoxiSec, rec.id, ctx))).toBe('FORBIDDEN');
    expect((await listMobileRecords(jingpiaoSec, { tab: 'expected' }, ctx)).items.map((i) => i.id)).toContain(rec.id);

    const again = await reportMine(actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    expect(again).toMatchObject({ state: 'REPORT_SUBMITTED', reportMethod: 'online', redirectReason: null });
    const accepted = await actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx);
    expect(accepted).toMatchObject({ state: 'INFLOW_ACTIVE', inflowBranch: { id: ORG_IDS.jingpiaoBranch }, inflowContact: { person: '王建华' } });
    expect(accepted.acceptedAt).toBeTruthy();

    const ev = await eventsOf(db, rec.id);
    expect(ev.map((e) => [e.seq, e.action, e.toState])).toEqual([
      [1, 'register_outflow', 'OUTFLOW_REGISTERED'],
      [2, 'arrive', 'AWAITING_REPORT'],
      [3, 'report', 'REPORT_SUBMITTED'],
      [4, 'redirect', 'AWAITING_REPORT'],
      [5, 'report', 'REPORT_SUBMITTED'],
      [6, 'accept', 'INFLOW_ACTIVE'],
    ]);
    expect(ev.map((e) => e.actorRole)).toEqual(['outflow', 'system', 'member', 'inflow', 'member', 'inflow']);
    const mine = await db.select({ kind: notifications.kind }).from(notifications).where(like(notifications.dedupeKey, `mobile:${rec.id}:%`));
    expect(mine.map((n) => n.kind)).toEqual(expect.arrayContaining(['party.mobile_todo', 'party.mobile_step']));

    // The member's own view.
    const my = await getMyMobile(actor, ctx);
    expect(my.record).toMatchObject({ id: rec.id, state: 'INFLOW_ACTIVE', destination: { address: '珠山区新厂西路 150 号 B5-203' } });
    expect((await checkInTarget(actor, await tokenOf(db, ORG_IDS.jingpiaoBranch), ctx)).situation).toBe('accepted_here');
  });

  it('the parent committee’s secretary may accept and place in a branch below; a branch outside is WRONG_ORG', async () => {
    const db = t.db();
    const { actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.twoNewCommittee }, ctx);
    expect(await codeOf(actOnMobileRecord(committeeSec, rec.id, 'accept', { branchId: ORG_IDS.jingchengCommunityBranch }, ctx))).toBe('WRONG_ORG');
    expect((await actOnMobileRecord(committeeSec, rec.id, 'accept', { branchId: ORG_IDS.sanbaoBranch }, ctx)).inflowBranch?.id).toBe(ORG_IDS.sanbaoBranch);
  });
});

describe('refusals write nothing', () => {
  it('a rotated, unknown or dissolved organisation’s QR token → 404 QR_TOKEN_INVALID', async () => {
    const db = t.db();
    const { member, actor } = await awaiting(db);
    const before = await snapshot(db, member.id);
    const old = await tokenOf(db, ORG_IDS.taoxichuanBranch);
    await rotateQrToken(orgAdmin, ORG_IDS.taoxichuanBranch, ctx.ip);
    expect(await codeOf(reportMine(actor, { qrToken: old }, ctx))).toBe('QR_TOKEN_INVALID');
    expect(await codeOf(reportMine(actor, { qrToken: 'no-such-token' }, ctx))).toBe('QR_TOKEN_INVALID');
    expect(await codeOf(checkInTarget(actor, old, ctx))).toBe('QR_TOKEN_INVALID');
    // A dissolved organisation's token.
    const id = crypto.randomUUID();
    const token = randomToken(24);
    await db.insert(partyOrgs).values({ id, code: `ZS-MB-${id.slice(0, 6)}`, nameZh: '将撤销党支部', nameEn: 'To dissolve', kind: 'branch', orgType: 'branch', parentId: ORG_IDS.twoNewCommittee, path: `${orgPath(ORG_IDS.twoNewCommittee)}${id}/`, qrToken: token });
    await dissolvePartyOrg(orgAdmin, id, { approvalRef: '珠组字〔2026〕88号' }, 'zh-CN', ctx.ip);
    expect(await codeOf(reportMine(actor, { qrToken: token }, ctx))).toBe('QR_TOKEN_INVALID');
    expect(await snapshot(db, member.id)).toBe(before);
    // Over HTTP: 404 with the stable code.
    const res = await callRoute((await import('@/lib/party/mobile-api')).reportMineRoute, { body: { qrToken: old }, headers: bearer(await tokenFor(db, { id: actor.id } as never)) });
    expect(res.status).toBe(404);
    expect((res.json as { code: string }).code).toBe('QR_TOKEN_INVALID');
    expect(await snapshot(db, member.id)).toBe(before);
  });

  it('redirect without a reason → 400; by the wrong secretary → 403; nothing written', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.taoxichuanBranch }, ctx);
    const before = await snapshot(db, member.id);
    const token = await tokenFor(db, { id: taoxiSec.id } as never);
    const res = await callRoute(redirectMobileRecordRoute, { params: { id: rec.id }, body: { reason: '  ', suggestedOrgId: ORG_IDS.jingpiaoBranch }, headers: bearer(token) });
    expect(res.status).toBe(400);
    expect(await codeOf(actOnMobileRecord(taoxiSec, rec.id, 'redirect', { suggestedOrgId: ORG_IDS.jingpiaoBranch }, ctx))).toBe('VALIDATION_FAILED');
    expect(await codeOf(actOnMobileRecord(taoxiSec, rec.id, 'redirect', { reason: '不符', suggestedOrgId: ORG_IDS.taoxichuanBranch }, ctx))).toBe('VALIDATION_FAILED');
    expect(await codeOf(actOnMobileRecord(taoxiSec, rec.id, 'redirect', { reason: '不符', suggestedOrgId: ORG_IDS.externalZhuantang }, ctx))).toBe('WRONG_ORG');
    const denied = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;
    const d0 = await denied();
    expect(await codeOf(actOnMobileRecord(jcSec, rec.id, 'redirect', { reason: '不符', suggestedOrgId: ORG_IDS.jingpiaoBranch }, ctx))).toBe('FORBIDDEN');
    expect(await codeOf(actOnMobileRecord(jcSec, rec.id, 'accept', { branchId: ORG_IDS.jingchengCommunityBranch }, ctx))).toBe('FORBIDDEN');
    expect(await codeOf(getMobileRecord(jcSec, rec.id, ctx))).toBe('FORBIDDEN');
    expect(await denied()).toBe(d0 + 3);
    // The 组织部 may read but is not the 流入地: accepting is WRONG_ORG (audited as a denial).
    expect(await codeOf(actOnMobileRecord(orgAdmin, rec.id, 'accept', { branchId: ORG_IDS.taoxichuanBranch }, ctx))).toBe('WRONG_ORG');
    expect(await denied()).toBe(d0 + 4);
    // Another talent cannot report on this record.
    const other = await mobileTalent(db);
    expect(await codeOf(actOnMobileRecord(other.actor, rec.id, 'report', { orgId: ORG_IDS.jingpiaoBranch }, ctx))).toBe('FORBIDDEN');
    expect(await snapshot(db, member.id)).toBe(before);
    const getRes = await callRoute(getMobileRecordRoute, { params: { id: rec.id }, headers: bearer(await tokenFor(db, { id: jcSec.id } as never)) });
    expect(getRes.status).toBe(403);
  });

  it('a second acceptance → 409 ALREADY_ACCEPTED; two at once → exactly one', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    const both = await Promise.all([
      codeOf(actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx)),
      codeOf(actOnMobileRecord(committeeSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx)),
    ]);
    expect(both.sort()).toEqual(['ALREADY_ACCEPTED', 'ok']);
    const before = await snapshot(db, member.id);
    expect(await codeOf(actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx))).toBe('ALREADY_ACCEPTED');
    expect(await snapshot(db, member.id)).toBe(before);
    const accepts = await db.select({ n: count() }).from(partyMobileEvents).where(and(eq(partyMobileEvents.recordId, rec.id), eq(partyMobileEvents.action, 'accept')));
    expect(accepts[0]!.n).toBe(1);
  });

  it('M1: one open record per member (409), NORMAL 党籍 only, the 流出地 must be the formal organisation', async () => {
    const db = t.db();
    const { member, rec } = await awaiting(db);
    expect(rec.state).toBe('AWAITING_REPORT');
    expect(await codeOf(createMobileRecord(orgAdmin, registerBody(member.id, daysAgo(1)), ctx))).toBe('OPEN_RECORD_EXISTS');
    const stopped = await insertMember(db, { formalOrgId: ORG_IDS.externalZhuantang, partyStatus: 'STOPPED' });
    expect(await codeOf(createMobileRecord(orgAdmin, registerBody(stopped.id, daysAgo(1)), ctx))).toBe('NOT_ALLOWED');
    const local = await insertMember(db, { formalOrgId: ORG_IDS.jingpiaoBranch });
    expect(await codeOf(createMobileRecord(orgAdmin, registerBody(local.id, daysAgo(1)), ctx))).toBe('VALIDATION_FAILED');
    // The 流出地 secretary registers their own member (leaving for elsewhere); another branch's secretary may not.
    expect(await codeOf(createMobileRecord(taoxiSec, { ...registerBody(local.id, daysAgo(1)), outflowOrgId: ORG_IDS.jingpiaoBranch }, ctx))).toBe('FORBIDDEN');
    const own = await createMobileRecord(jingpiaoSec, { ...registerBody(local.id, daysAgo(1)), outflowOrgId: ORG_IDS.jingpiaoBranch, nationalFlowRef: undefined }, ctx);
    expect(own.roles).toContain('outflow');
    expect((await db.select({ n: count() }).from(partyMobileRecords).where(eq(partyMobileRecords.memberId, stopped.id)))[0]!.n).toBe(0);
  });
});

describe('walk-in (M1′), lost contact (M12/M13), end (M15)', () => {
  it('a walk-in goes straight to REPORT_SUBMITTED and asks the 流出地 (组织部 for Hangzhou) to confirm', async () => {
    const db = t.db();
    const { actor } = await mobileTalent(db);
    expect((await getMyMobile(actor, ctx)).canWalkIn).toBe(true);
    expect((await checkInTarget(actor, await tokenOf(db, ORG_IDS.jingpiaoBranch), ctx)).situation).toBe('walk_in');
    const r = await reportMine(actor, { qrToken: await tokenOf(db, ORG_IDS.jingpiaoBranch) }, ctx);
    expect(r).toMatchObject({ state: 'REPORT_SUBMITTED', walkIn: true, outflowConfirmed: false });
    const n = await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(like(notifications.dedupeKey, `mobile:${r.id}:%`));
    expect(n).toEqual(expect.arrayContaining([{ userId: orgAdmin.id, kind: 'party.mobile_walk_in' }, { userId: jingpiaoSec.id, kind: 'party.mobile_todo' }]));
    const confirmed = await actOnMobileRecord(orgAdmin, r.id, 'confirm-outflow', { nationalFlowRef: 'LR330106202612010003' }, ctx);
    expect(confirmed.outflowConfirmed).toBe(true);
    expect(confirmed.nationalFlowRef).toBe('LR330106202612010003');
  });

  it('lost contact needs 6 months and a documented search; the case goes to the 流出地; restore brings it back', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    await actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx);
    const search = [{ date: localDate(now()), method: '电话、微信', result: '无人接听' }];
    expect(await codeOf(actOnMobileRecord(jingpiaoSec, rec.id, 'lost-contact', { basisDate: daysAgo(300), searchActions: search }, ctx))).toBe('VALIDATION_FAILED');
    advance(200 * 86_400_000);
    expect(await codeOf(actOnMobileRecord(jingpiaoSec, rec.id, 'lost-contact', { basisDate: daysAgo(250), searchActions: [] }, ctx))).toBe('VALIDATION_FAILED');
    const lost = await actOnMobileRecord(jingpiaoSec, rec.id, 'lost-contact', { basisDate: daysAgo(190), searchActions: search }, ctx);
    expect(lost.state).toBe('LOST_CONTACT');
    const [c] = await db.select().from(partyLostContactCases).where(eq(partyLostContactCases.memberId, member.id));
    expect(c!.homeOrgId).toBe(ORG_IDS.externalZhuantang);
    expect(c!.searchActionsEnc).not.toContain('无人接听');
    expect(JSON.parse(decryptField(c!.searchActionsEnc))).toEqual([{ ...search[0], date: search[0]!.date }]);
    expect((await db.select({ l: partyMembers.lostContact }).from(partyMembers).where(eq(partyMembers.id, member.id)))[0]!.l).toBe(true);
    // Only the 流出地 (here the 组织部) restores.
    expect(await codeOf(actOnMobileRecord(jingpiaoSec, rec.id, 'restore', {}, ctx))).toBe('WRONG_ORG');
    const back = await actOnMobileRecord(orgAdmin, rec.id, 'restore', { note: '已电话联系，在外地创作' }, ctx);
    expect(back.storedState).toBe('INFLOW_ACTIVE');
    const end = await actOnMobileRecord(jingpiaoSec, rec.id, 'end', { reason: 'returned', note: '返回杭州' }, ctx);
    expect(end.state).toBe('ENDED_RETURNED');
    expect(end.endAt).toBeTruthy();
  });
});

describe('M14: a completed transfer ends the open record', () => {
  it('the consumer of party.transfer_transitioned (COMPLETED) ends it ENDED_TRANSFERRED, once', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    await actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx);
    const [c] = await db
      .insert(transferCases)
      .values({ memberId: member.id, state: 'COMPLETED', category: 'cross_province', channel: 'ONLINE_NATIONAL', fromOrgId: ORG_IDS.externalZhuantang, toOrgId: ORG_IDS.twoNewCommittee, toBranchId: ORG_IDS.jingpiaoBranch, reason: '应转尽转', incoming: true })
      .returning();
    const payload = { caseId: c!.id, seq: 7, action: 'complete' as const, fromState: 'ACCEPTED' as const, toState: 'COMPLETED' as const, handlerOrgId: ORG_IDS.twoNewCommittee };
    await recordEvent(db, partyTransferTransitioned, c!.id, payload);
    await runUntilIdle(db, { workerId: 'm14-a' });
    const row = await recordRow(db, rec.id);
    expect(row.state).toBe('ENDED_TRANSFERRED');
    expect(row.endAt).toBeTruthy();
    // Again (a re-delivered event): nothing more.
    await recordEvent(db, partyTransferTransitioned, c!.id, { ...payload, seq: 8 });
    await runUntilIdle(db, { workerId: 'm14-b' });
    expect((await eventsOf(db, rec.id)).filter((e) => e.action === 'transferred')).toHaveLength(1);
  });
});

describe('timers across the test clock', () => {
  it('+7 and +21 reminders, +30 overdue (REPORT flag, both ends), a worker restart in between, no duplicate', async () => {
    const db = t.db();
    setNow(new Date('2031-03-02T01:00:00Z')); // 09:00 in Jingdezhen
    const who = await mobileTalent(db);
    const arrival = '2031-03-05';
    const rec = await createMobileRecord(orgAdmin, registerBody(who.member.id, arrival), ctx);
    expect(rec.state).toBe('OUTFLOW_REGISTERED');
    const reminders = async () => (await db.select({ k: notifications.dedupeKey, kind: notifications.kind, u: notifications.userId }).from(notifications).where(like(notifications.dedupeKey, `mobile:${rec.id}:%`))).sort((a, b) => a.k.localeCompare(b.k));
    const jobsOf = async () => (await db.select({ key: jobs.idempotencyKey }).from(jobs).where(like(jobs.idempotencyKey, `${rec.id}:%`))).map((j) => j.key).sort();

    advance(3 * 86_400_000); // 2031-03-05 09:00: arrival
    await runUntilIdle(db, { workerId: 'w1' });
    expect((await recordRow(db, rec.id)).state).toBe('AWAITING_REPORT');
    expect(await jobsOf()).toEqual([`${rec.id}:arrival`, `${rec.id}:report:21`, `${rec.id}:report:30`, `${rec.id}:report:7`]);
    expect(await reminders()).toEqual([]);

    advance(7 * 86_400_000); // +7
    await runUntilIdle(db, { workerId: 'w1' });
    expect((await reminders()).map((n) => n.k)).toEqual([`mobile:${rec.id}:remind:7`]);

    // The worker restarts (another id); a duplicate enqueue of the same milestone is the same job; re-running is harmless.
    const again = await enqueue(db, (await import('@/lib/party/mobile-timers')).mobileReportTimerJob, { recordId: rec.id, days: 7 }, { idempotencyKey: `${rec.id}:report:7` });
    expect(again.created).toBe(false);
    await runUntilIdle(db, { workerId: 'w2-after-restart' });
    expect((await reminders()).map((n) => n.k)).toEqual([`mobile:${rec.id}:remind:7`]);

    advance(14 * 86_400_000); // +21
    await runUntilIdle(db, { workerId: 'w2-after-restart' });
    expect((await reminders()).map((n) => n.k)).toEqual([`mobile:${rec.id}:remind:21`, `mobile:${rec.id}:remind:7`]);
    expect(await getMobileRecord(orgAdmin, rec.id, ctx)).toMatchObject({ lapseFlags: [] });

    advance(9 * 86_400_000); // +30 09:00: overdue
    // Derived on read even before any job runs.
    expect((await getMobileRecord(orgAdmin, rec.id, ctx)).lapseFlags).toEqual(['REPORT']);
    await runUntilIdle(db, { workerId: 'w3' });
    expect((await recordRow(db, rec.id)).lapseFlags).toEqual(['REPORT']);
    const overdue = (await reminders()).filter((n) => n.kind === 'party.mobile_lapse' || n.kind === 'party.mobile_lapse_own');
    expect(overdue.map((n) => n.u).sort()).toEqual([orgAdmin.id, who.actor.id].sort());
    // The daily sweep on top: nothing new.
    await enqueue(db, mobileSweepJob, {});
    await runUntilIdle(db, { workerId: 'w4' });
    expect((await sweepMobileRecords(db, now())).notified).toBe(0);
    expect((await reminders()).length).toBe(4);
    expect((await eventsOf(db, rec.id)).filter((e) => e.action === 'flag')).toHaveLength(1);

    // Reporting clears the flag on read; acceptance, then six months at a fixed employer → one M16 prompt, never a transfer.
    await reportMine(who.actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    await actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx);
    await db.update(partyMobileRecords).set({ fixedEmployer: true }).where(eq(partyMobileRecords.id, rec.id));
    advance(190 * 86_400_000);
    await db.update(partyMembers).set({ lastOrgLifeDate: localDate(now()), lastDuesMonth: localDate(now()).slice(0, 7) }).where(eq(partyMembers.id, who.member.id));
    await scheduleRecurring(db);
    await runUntilIdle(db, { workerId: 'w5' });
    await sweepMobileRecords(db, now());
    const row = await recordRow(db, rec.id);
    expect(row.transferPromptedAt).toBeTruthy();
    expect(row.state).toBe('INFLOW_ACTIVE');
    const prompts = await db.select({ u: notifications.userId }).from(notifications).where(and(eq(notifications.kind, 'party.mobile_transfer_prompt'), like(notifications.dedupeKey, `mobile:${rec.id}:%`)));
    expect(prompts.map((p) => p.u).sort()).toEqual([orgAdmin.id, jingpiaoSec.id, who.actor.id].sort());
    expect((await db.select({ n: count() }).from(transferCases).where(eq(transferCases.memberId, who.member.id)))[0]!.n).toBe(0);
  });

  it('the sweep raises DUES / ORG_LIFE on an accepted record once and clears them when the cause clears (M10/M11)', async () => {
    const db = t.db();
    const { member, actor, rec } = await awaiting(db);
    await reportMine(actor, { orgId: ORG_IDS.jingpiaoBranch }, ctx);
    await actOnMobileRecord(jingpiaoSec, rec.id, 'accept', { branchId: ORG_IDS.jingpiaoBranch }, ctx);
    advance(130 * 86_400_000);
    const first = await sweepMobileRecords(db, now());
    expect(first.changed).toBeGreaterThanOrEqual(1);
    const flags = (await recordRow(db, rec.id)).lapseFlags;
    expect(flags).toEqual(expect.arrayContaining(['DUES', 'ORG_LIFE']));
    expect((await getMobileRecord(jingpiaoSec, rec.id, ctx)).state).toBe('LAPSE_WATCH');
    expect((await listMobileRecords(jingpiaoSec, { tab: 'watch' }, ctx)).items.map((i) => i.id)).toContain(rec.id);
    const n1 = (await db.select({ n: count() }).from(notifications).where(like(notifications.dedupeKey, `mobile:${rec.id}:flag:%`)))[0]!.n;
    expect(n1).toBeGreaterThan(0);
    await sweepMobileRecords(db, now());
    expect((await db.select({ n: count() }).from(notifications).where(like(notifications.dedupeKey, `mobile:${rec.id}:flag:%`)))[0]!.n).toBe(n1);
    await db.update(partyMembers).set({ lastOrgLifeDate: localDate(now()), lastDuesMonth: localDate(now()).slice(0, 7) }).where(eq(partyMembers.id, member.id));
    // The clock may have crossed into a new year: last year's annual report to the 流出地 clears ANNUAL_REPORT.
    const lastYear = String(Number(localDate(now()).slice(0, 4)) - 1);
    await db.insert(partyReports).values({ memberId: member.id, type: 'annual', period: lastYear, toOrgId: ORG_IDS.externalZhuantang, contentEnc: encryptField('年度情况汇报'), submittedAt: now() });
    await sweepMobileRecords(db, now());
    expect((await recordRow(db, rec.id)).lapseFlags).toEqual([]);
    expect((await getMobileRecord(jingpiaoSec, rec.id, ctx)).state).toBe('INFLOW_ACTIVE');
  });
});
