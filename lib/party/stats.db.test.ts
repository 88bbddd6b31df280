/**
 * 流动党员 statistics on a real database (issue 10 §6): the secretary's dashboard figures (awaiting 报到 by state,
 * overdue, lapse watch derived on read, attendance this month with the formal rate and mobile attendees, dues paid /
 * unpaid and the exact decimal total), the district view (by origin province, by branch, 报到 rate, lapse watch at
 * month ends from the sweep's events, lost contact), the CSV, and the scoping: a branch secretary sees only their
 * subtree and cannot pass another organisation's orgId, a talent is refused, the district view is the 组织部's.
 * Rows are inserted directly (the services that write them are tested on their own).
 */
import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, partyActivities, partyAttendance, partyDuesPayments, partyLostContactCases, partyMobileEvents, partyMobileRecords, partyOrgs } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { resetClock, setNow } from '@/lib/clock';
import { encryptField } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import { getCollection } from '@/lib/party/dues';
import { getDistrictCsv, getDistrictStats, getStatsOverview } from '@/lib/party/stats';
import { getPartyStatsDistrictRoute, getPartyStatsOverviewRoute } from '@/lib/party/stats-api';
import { originProvince, percent, provinceOfAddress } from '@/lib/party/stats-core';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const meta = { ip: '203.0.113.9', locale: 'zh-CN' as const };
/** 2026-05-15 12:00 in Jingdezhen. */
const NOW = new Date('2026-05-15T04:00:00Z');
const at = (ymd: string) => new Date(`${ymd}T04:00:00Z`);

let jingpiaoSec: Actor;
let committeeSec: Actor;
let orgAdmin: Actor;
let talent: Actor;
let guangdong: string;
const ids: Record<string, string> = {};

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

type RecordInsert = typeof partyMobileRecords.$inferInsert;
async function record(db: Db, key: string, formalOrgId: string, over: Partial<RecordInsert> & Pick<RecordInsert, 'state'>, member: Parameters<typeof insertMember>[1] = {}) {
  const m = await insertMember(db, { name: `流动${key}`, formalOrgId, joinDate: '2015-07-01', lastDuesMonth: '2026-05', lastOrgLifeDate: '2026-05-01', ...member });
  const [r] = await db
    .insert(partyMobileRecords)
    .values({ memberId: m.id, outflowOrgId: formalOrgId, outflowDate: '2026-01-10', outflowReason: 'creative', createdAt: at('2026-05-02'), ...over })
    .returning();
  ids[key] = r!.id;
  ids[`m${key}`] = m.id;
  return r!;
}

async function pay(db: Db, memberId: string, month: string, amount: string, collectingOrgId: string) {
  await db.insert(partyDuesPayments).values({ memberId, month, collectingOrgId, baseType: 'salary', amountDueEnc: encryptField(amount), amountPaidEnc: encryptField(amount), paidAt: NOW });
}

beforeAll(async () => {
  setNow(NOW);
  const db = t.db();
  await seedReferenceData(db);
  const sec = async (org: string) => actorOf(await makeUser(db, 'branch_secretary', { orgId: org }), orgPath(org));
  jingpiaoSec = await sec(ORG_IDS.jingpiaoBranch);
  committeeSec = await sec(ORG_IDS.twoNewCommittee);
  orgAdmin = actorOf(await makeUser(db, 'org_admin', { orgId: null }), null);
  talent = actorOf(await makeUser(db, 'talent'), null);
  guangdong = crypto.randomUUID();
  await db.insert(partyOrgs).values({ id: guangdong, code: 'EXT-GD-FS', nameZh: '佛山市南海区某社区党委', nameEn: 'A Nanhai committee', kind: 'committee', orgType: 'primary_committee', isExternal: true, address: '广东省佛山市南海区桂城街道', path: `/${guangdong}/` });

  const ZT = ORG_IDS.externalZhuantang;
  const JP = ORG_IDS.jingpiaoBranch;
  const accepted = (d: string, branch: string = JP) => ({ state: 'INFLOW_ACTIVE' as const, inflowOrgId: branch, inflowBranchId: branch, acceptedAt: at(d), reportSubmittedAt: at(d) });
  // A: reported at 景漂, to verify. B: redirected to 景漂, 40 days past arrival (overdue). C: redirected, 5 days.
  await record(db, 'A', ZT, { state: 'REPORT_SUBMITTED', inflowOrgId: JP, reportSubmittedAt: at('2026-05-03'), reportMethod: 'qr' });
  await record(db, 'B', ZT, { state: 'AWAITING_REPORT', arrivalDate: '2026-04-05', reportDueAt: at('2026-05-05'), redirectToOrgId: JP, redirectReason: '就近报到' });
  await record(db, 'C', ZT, { state: 'AWAITING_REPORT', arrivalDate: '2026-05-10', reportDueAt: at('2026-06-09'), redirectToOrgId: JP, redirectReason: '就近报到' });
  // D: accepted at 景漂, all in order. E: accepted in January, dues 6 months behind, no org life for 4 months.
  await record(db, 'D', guangdong, { ...accepted('2026-04-12'), createdAt: at('2026-04-10') });
  await record(db, 'E', guangdong, { ...accepted('2026-01-05'), createdAt: at('2026-01-02') }, { lastDuesMonth: '2025-11', lastOrgLifeDate: '2026-01-10' });
  // F: a 江西 member accepted at 陶溪川 (outside the 景漂 secretary's subtree), no org life since January.
  await record(db, 'F', ORG_IDS.sanbaoBranch, { ...accepted('2026-01-25', ORG_IDS.taoxichuanBranch), createdAt: at('2026-01-20') }, { lastOrgLifeDate: '2026-01-20' });
  // G: lost contact (was accepted at 景漂); H: ended (not counted).
  await record(db, 'G', ZT, { state: 'LOST_CONTACT', lostFromState: 'INFLOW_ACTIVE', inflowOrgId: JP, inflowBranchId: JP, acceptedAt: at('2025-12-20'), createdAt: at('2025-12-10') });
  await record(db, 'H', ZT, { state: 'ENDED_RETURNED', endAt: at('2026-04-30'), endReason: 'returned', inflowOrgId: JP, inflowBranchId: JP, acceptedAt: at('2026-01-20'), createdAt: at('2026-01-15') });
  await db.insert(partyLostContactCases).values({ recordId: ids.G!, memberId: ids.mG!, homeOrgId: ZT, lastContactBasisDate: '2025-10-01', searchActionsEnc: encryptField('[]'), createdAt: at('2026-04-01') });
  // The sweep's flag events: E raised DUES in March and cleared it in April; F raised ORG_LIFE in April.
  const flagEvent = (recordId: string, seq: number, d: string, flags: string[]) => ({ recordId, seq, action: 'flag' as const, fromState: 'INFLOW_ACTIVE' as const, toState: 'INFLOW_ACTIVE' as const, actorRole: 'system', data: { flags }, at: at(d) });
  await db.insert(partyMobileEvents).values([flagEvent(ids.E!, 1, '2026-03-10', ['DUES']), flagEvent(ids.E!, 2, '2026-04-20', []), flagEvent(ids.F!, 1, '2026-04-05', ['ORG_LIFE'])]);

  // Formal members of 景漂: L1, L2 paid this month (0.10 + 0.20: binary floats would not add these exactly), L3 paid ahead.
  const L1 = await insertMember(db, { name: '林一', lastDuesMonth: '2026-04' });
  const L2 = await insertMember(db, { name: '林二', lastDuesMonth: '2026-04' });
  const L3 = await insertMember(db, { name: '林三', lastDuesMonth: '2026-06' });
  ids.L1 = L1.id;
  await pay(db, L1.id, '2026-05', '0.10', JP);
  await pay(db, L2.id, '2026-05', '0.20', JP);
  // D pays May at 景漂 (the 流入地, 第九条); E's last ledger month is old; F pays at 陶溪川.
  await pay(db, ids.mD!, '2026-05', '1005.37', JP);
  await pay(db, ids.mF!, '2026-05', '1.11', ORG_IDS.taoxichuanBranch);
  await pay(db, ids.mE!, '2025-11', '9.99', JP);

  // Organisational life: one 主题党日 held on 5 May (L1, L2 confirmed, L3 not confirmed; D as a mobile attendee); one
  // planned on 20 May (after today) and one in April are not this month's.
  const [a1] = await db.insert(partyActivities).values({ orgId: JP, type: 'theme_day', date: '2026-05-05', topic: '主题党日' }).returning();
  await db.insert(partyActivities).values({ orgId: JP, type: 'party_lecture', date: '2026-05-20', topic: '党课' });
  const [a3] = await db.insert(partyActivities).values({ orgId: JP, type: 'theme_day', date: '2026-04-08', topic: '四月主题党日' }).returning();
  const row = (activityId: string, memberId: string, relation: 'FORMAL' | 'MOBILE', confirmed: boolean) => ({
    activityId,
    memberId,
    relation,
    countsForQuorum: relation === 'FORMAL',
    mayVote: relation === 'FORMAL',
    method: 'qr' as const,
    checkedInAt: at('2026-05-05'),
    confirmedAt: confirmed ? at('2026-05-05') : null,
  });
  await db.insert(partyAttendance).values([row(a1!.id, L1.id, 'FORMAL', true), row(a1!.id, L2.id, 'FORMAL', true), row(a1!.id, L3.id, 'FORMAL', false), row(a1!.id, ids.mD!, 'MOBILE', true), row(a3!.id, L1.id, 'FORMAL', true)]);
});
beforeEach(() => setNow(NOW)); // tests/setup.ts resets the clock before each test
afterAll(() => resetClock());

describe('the pure helpers', () => {
  it('reads the province from an address prefix, full or short, and Jiangxi for organisations in the portal', () => {
    expect(provinceOfAddress('浙江省杭州市西湖区转塘街道办事处')?.zh).toBe('浙江省');
    expect(provinceOfAddress('内蒙古呼和浩特市')?.code).toBe('15');
    expect(provinceOfAddress('中国广东省深圳市')?.en).toBe('Guangdong');
    expect(provinceOfAddress('某地某街道')).toBeNull();
    expect(originProvince({ isExternal: false, address: null }).zh).toBe('江西省');
    expect(originProvince({ isExternal: true, address: null }).code).toBe('00');
  });
  it('computes percentages from integers, half up, none without a denominator', () => {
    expect(percent(2, 3)).toBe('66.7');
    expect(percent(5, 8)).toBe('62.5');
    expect(percent(1, 8)).toBe('12.5');
    expect(percent(0, 4)).toBe('0.0');
    expect(percent(3, 3)).toBe('100.0');
    expect(percent(0, 0)).toBeNull();
  });
});

describe('the secretary’s dashboard', () => {
  it('counts awaiting 报到 by state, the overdue and the lapse watch with derived flags (景漂 branch)', async () => {
    const o = await getStatsOverview(jingpiaoSec, {}, meta);
    expect(o.orgId).toBe(ORG_IDS.jingpiaoBranch);
    expect(o.month).toBe('2026-05');
    expect(o.awaiting).toMatchObject({ total: 3, toVerify: 1, expected: 2, overdue: 1 });
    expect(o.awaiting.items[0]).toMatchObject({ recordId: ids.B, overdue: true, state: 'AWAITING_REPORT', side: 'inflow' });
    expect(o.awaiting.items.map((i) => i.recordId).sort()).toEqual([ids.A, ids.B, ids.C].sort());
    // E: DUES (6 months behind) and ORG_LIFE (none since January); D is in order; F belongs to 陶溪川.
    expect(o.lapse.total).toBe(1);
    expect(o.lapse.items).toEqual([{ recordId: ids.E, memberName: '流动E', branchName: '景漂陶瓷流动党员党支部', flags: ['DUES', 'ORG_LIFE'] }]);
    expect(o.lapse.byFlag).toMatchObject({ DUES: 1, ORG_LIFE: 1, REPORT: 0 });
    expect(o.mobile).toEqual({ active: 4, accepted: 2, lostContact: 1 });
  });

  it('counts this month’s organisational life: held to date, formal 实到 / 应到 and rate, mobile attendees', async () => {
    const o = await getStatsOverview(jingpiaoSec, {}, meta);
    expect(o.attendance).toEqual({ month: '2026-05', activitiesHeld: 1, formalExpected: 3, formalPresent: 2, formalRate: '66.7', mobileAttendees: 1 });
  });

  it('counts dues paid / unpaid like the collection page and adds the amounts exactly in decimal', async () => {
    const o = await getStatsOverview(jingpiaoSec, {}, meta);
    // L1, L2 (ledger), L3 (paid ahead), D (ledger at 景漂) paid; E unpaid. 0.10 + 0.20 + 1005.37 exactly.
    expect(o.dues).toEqual({ month: '2026-05', members: 5, paid: 4, unpaid: 1, totalCollected: '1005.67' });
    const c = await getCollection(jingpiaoSec, { orgId: ORG_IDS.jingpiaoBranch }, meta);
    expect([c.paidCount, c.unpaidCount, c.totalCollected]).toEqual([o.dues.paid, o.dues.unpaid, o.dues.totalCollected]);
  });

  it('covers the whole subtree for a committee secretary (陶溪川 included)', async () => {
    const o = await getStatsOverview(committeeSec, {}, meta);
    expect(o.lapse.items.map((i) => i.recordId).sort()).toEqual([ids.E, ids.F].sort());
    expect(o.dues.totalCollected).toBe('1006.78');
    expect(o.orgs.map((x) => x.id)).toContain(ORG_IDS.taoxichuanBranch);
    // …and may narrow it to one branch below.
    const tx = await getStatsOverview(committeeSec, { orgId: ORG_IDS.taoxichuanBranch }, meta);
    expect(tx.lapse.items.map((i) => i.flags)).toEqual([['ORG_LIFE']]);
  });

  it('audits each read of the dashboard (it names members)', async () => {
    const db = t.db();
    const before = (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'party_stats.read'), eq(auditLog.actorId, jingpiaoSec.id))))[0]!.n;
    await getStatsOverview(jingpiaoSec, {}, meta);
    const after = (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'party_stats.read'), eq(auditLog.actorId, jingpiaoSec.id))))[0]!.n;
    expect(after).toBe(before + 1);
  });

  it('scopes: another organisation’s orgId is refused (audited), unknown ids too; talents and anonymous are refused', async () => {
    const db = t.db();
    const denied = async () => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;
    const d0 = await denied();
    expect(await codeOf(getStatsOverview(jingpiaoSec, { orgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getStatsOverview(jingpiaoSec, { orgId: ORG_IDS.twoNewCommittee }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getStatsOverview(jingpiaoSec, { orgId: crypto.randomUUID() }, meta))).toBe('FORBIDDEN');
    expect(await denied()).toBe(d0 + 3);
    expect(await codeOf(getStatsOverview(talent, {}, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getStatsOverview(null, {}, meta))).toBe('UNAUTHENTICATED');
    expect(await codeOf(getStatsOverview(orgAdmin, { orgId: crypto.randomUUID() }, meta))).toBe('NOT_FOUND');
    expect(await codeOf(getStatsOverview(orgAdmin, { orgId: ORG_IDS.externalZhuantang }, meta))).toBe('NOT_FOUND');
    // The 组织部 drills down into any branch.
    expect((await getStatsOverview(orgAdmin, { orgId: ORG_IDS.jingpiaoBranch }, meta)).awaiting.total).toBe(3);
  });

  it('over HTTP: 200 for the secretary, 403 for another orgId, 400 for a malformed one', async () => {
    const db = t.db();
    const sec = await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingpiaoBranch });
    const h = bearer(await tokenFor(db, sec));
    const ok = await callRoute(getPartyStatsOverviewRoute, { headers: h });
    expect(ok.status).toBe(200);
    expect((ok.json as { dues: { totalCollected: string } }).dues.totalCollected).toBe('1005.67');
    expect((await callRoute(getPartyStatsOverviewRoute, { headers: h, query: { orgId: ORG_IDS.taoxichuanBranch } })).status).toBe(403);
    expect((await callRoute(getPartyStatsOverviewRoute, { headers: h, query: { orgId: 'nope' } })).status).toBe(400);
  });
});

describe('the district view', () => {
  it('is the 组织部’s only', async () => {
    expect(await codeOf(getDistrictStats(jingpiaoSec, {}, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getDistrictStats(committeeSec, {}, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getDistrictStats(talent, {}, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getDistrictCsv(jingpiaoSec, { series: 'province' }, meta))).toBe('FORBIDDEN');
  });

  it('counts open records by the 流出地’s province and by branch', async () => {
    const d = await getDistrictStats(orgAdmin, {}, meta);
    expect(d).toMatchObject({ from: '2025-06', to: '2026-05', currentMonth: '2026-05' });
    expect(d.totals).toEqual({ open: 7, accepted: 3, awaitingReport: 3, lapseWatch: 2, lostContact: 1 });
    expect(d.byProvince).toEqual([
      { code: '33', name: '浙江省', count: 4 },
      { code: '44', name: '广东省', count: 2 },
      { code: '36', name: '江西省', count: 1 },
    ]);
    const jp = d.byBranch.find((b) => b.orgId === ORG_IDS.jingpiaoBranch);
    expect(jp).toMatchObject({ total: 4, accepted: 2, toVerify: 1, lapseWatch: 1, lostContact: 1 });
    expect(d.byBranch.find((b) => b.orgId === ORG_IDS.taoxichuanBranch)).toMatchObject({ total: 1, accepted: 1, lapseWatch: 1 });
    expect(d.byBranch.at(-1)).toMatchObject({ orgId: null, name: '尚未报到', total: 2 });
  });

  it('computes the 报到 rate by month of registration (accepted ÷ registered)', async () => {
    const d = await getDistrictStats(orgAdmin, {}, meta);
    expect(d.reportRate).toMatchObject({ registered: 8, accepted: 5, rate: '62.5' });
    expect(d.reportRate.byMonth.find((m) => m.month === '2026-05')).toEqual({ month: '2026-05', registered: 3, accepted: 0, rate: '0.0' });
    expect(d.reportRate.byMonth.find((m) => m.month === '2026-04')).toEqual({ month: '2026-04', registered: 1, accepted: 1, rate: '100.0' });
    expect(d.reportRate.byMonth.find((m) => m.month === '2025-07')?.rate).toBeNull();
    // A narrower period.
    const q = await getDistrictStats(orgAdmin, { from: '2026-01', to: '2026-04' }, meta);
    expect(q.reportRate).toMatchObject({ registered: 4, accepted: 4, rate: '100.0' });
  });

  it('counts lapse watch at each month’s end from the flag events, and now from the derived flags; lost contact by month', async () => {
    const d = await getDistrictStats(orgAdmin, { from: '2026-02', to: '2026-05' }, meta);
    expect(d.lapseByMonth.map((m) => [m.month, m.total])).toEqual([
      ['2026-02', 0],
      ['2026-03', 1],
      ['2026-04', 1],
      ['2026-05', 2],
    ]);
    expect(d.lapseByMonth[1]!.byFlag.DUES).toBe(1);
    expect(d.lapseByMonth[2]!.byFlag).toMatchObject({ DUES: 0, ORG_LIFE: 1 });
    expect(d.lapseByMonth[3]!.byFlag).toMatchObject({ DUES: 1, ORG_LIFE: 2 });
    expect(d.lostContact).toEqual({ current: 1, openedInPeriod: 1, byMonth: [{ month: '2026-02', opened: 0 }, { month: '2026-03', opened: 0 }, { month: '2026-04', opened: 1 }, { month: '2026-05', opened: 0 }] });
  });

  it('downloads each series as CSV', async () => {
    const res = await getDistrictCsv(orgAdmin, { series: 'province' }, meta);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text).toContain('省份,人数');
    expect(text).toContain('浙江省,4');
    const rate = await (await getDistrictCsv(orgAdmin, { series: 'report-rate', from: '2026-04', to: '2026-05' }, { ...meta, locale: 'en' })).text();
    expect(rate).toContain('Month,Registered,Accepted,Report rate (%)');
    expect(rate).toContain('2026-04,1,1,100.0');
  });

  it('over HTTP: 403 for a secretary, 400 for a reversed or too long period', async () => {
    const db = t.db();
    const admin = bearer(await tokenFor(db, await makeUser(db, 'org_admin', { orgId: null })));
    const sec = bearer(await tokenFor(db, await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingpiaoBranch })));
    expect((await callRoute(getPartyStatsDistrictRoute, { headers: admin })).status).toBe(200);
    expect((await callRoute(getPartyStatsDistrictRoute, { headers: sec })).status).toBe(403);
    expect((await callRoute(getPartyStatsDistrictRoute, { headers: admin, query: { from: '2026-05', to: '2026-01' } })).status).toBe(400);
    expect((await callRoute(getPartyStatsDistrictRoute, { headers: admin, query: { from: '2020-01', to: '2026-01' } })).status).toBe(400);
    expect((await callRoute(getPartyStatsDistrictRoute, { headers: admin, query: { from: '2026-13' } })).status).toBe(400);
  });
});
