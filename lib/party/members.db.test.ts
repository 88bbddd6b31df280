/**
 * Party members (issue 9 §2, §6): registration with validation and uniqueness, encryption and masking, the §4.2 scope
 * (subtree in SQL; refused roles audited), alerts on read under the test clock, reveal and export with their audit rows,
 * the separate Party consent and 我的党组织.
 */
import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, consents, partyMembers, partyOrgs, transferCases } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { setNow } from '@/lib/clock';
import { decryptField } from '@/lib/crypto/fields';
import { createPartyMemberRoute, dissolvePartyOrgRoute, exportPartyMembersRoute, getMyPartyRoute, getPartyMemberRoute, listPartyMembersRoute, revealPartyMemberRoute, setMyPartyConsentRoute } from '@/lib/party/api';
import { memberAlerts } from '@/lib/party/members';
import { idCheckChar } from '@/lib/talent/id-number';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember, randomIdNumber } from '@/tests/helpers/party-members';
import { MOBILE_DEMO_MEMBER_IDS } from '@/db/seed-party-mobile';

const t = setupTestDb();

async function as(role: 'org_admin' | 'branch_secretary' | 'zone_staff' | 'sysadmin', orgId?: string) {
  const u = await makeUser(t.db(), role, orgId ? { orgId } : {});
  return { user: u, h: bearer(await tokenFor(t.db(), u)) };
}
const memberCount = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(partyMembers))[0]!.n;
const denials = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;
const auditRows = (action: string) => t.db().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq));

const ID = (() => {
  const body = '36020319900615123';
  return body + idCheckChar(body);
})();
const body = (over: Record<string, unknown> = {}) => ({
  name: '邓晓岚',
  idCardNo: ID,
  phone: '139 7038 2211',
  membershipType: 'formal',
  probationEndDate: null,
  formalOrgId: ORG_IDS.jingpiaoBranch,
  joinDate: '2015-07-01',
  duesBaseType: 'self_employed',
  duesBaseAmount: '3500',
  lastDuesMonth: '2026-11',
  ...over,
});
type Problem = { code: string; detail: string; errors?: Record<string, string[]> };

describe('registering a member', () => {
  it('民族 is optional, printed as given, and refused when not a 民族 name', async () => {
    const { h } = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const bad = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), ethnicity: 'Han' }), headers: h });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.json as Problem).errors ?? {})).toContain('ethnicity');
    const ok = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), ethnicity: '回族' }), headers: h });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).toMatchObject({ ethnicity: '回族' });
  });

  it('stores S1/S2 fields encrypted, returns the record masked with its alerts, and audits', async () => {
    setNow(new Date('2026-12-04T04:00:00Z'));
    const { h, user } = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const res = await callRoute(createPartyMemberRoute, { body: body(), headers: h });
    expect(res.status, res.text).toBe(201);
    const dto = res.json as Record<string, unknown>;
    expect(dto).toMatchObject({
      name: '邓晓岚',
      idCardNo: `3602**********${ID.slice(-4)}`,
      phone: '139****2211',
      formalOrgId: ORG_IDS.jingpiaoBranch,
      formalOrgName: '景漂陶瓷流动党员党支部',
      partyStatus: 'NORMAL',
      lastDuesMonth: '2026-11',
      membershipType: 'formal',
      gender: 'male',
      duesBaseAmount: '3500.00',
      linked: false,
      alerts: [{ code: 'DUES_ARREARS', severity: 'notice', months: 1, since: '2026-11' }],
    });
    const [row] = await t.db().select().from(partyMembers).where(eq(partyMembers.id, dto.id as string));
    expect(row!.idCardEnc).not.toContain(ID.slice(6, 14));
    expect(decryptField(row!.idCardEnc)).toBe(ID);
    expect(decryptField(row!.phoneEnc!)).toBe('13970382211');
    expect(decryptField(row!.duesBaseAmountEnc!)).toBe('3500.00');
    expect(JSON.stringify(row)).not.toContain('3500');
    const [audited] = await auditRows('party_members.register');
    expect(audited).toMatchObject({ actorId: user.id, targetId: dto.id, detail: { formalOrgId: ORG_IDS.jingpiaoBranch, linked: false } });
    expect(JSON.stringify(audited)).not.toContain(ID);
  });

  it('refuses bad input field by field, localised, and stores nothing', async () => {
    setNow(new Date('2026-12-04T04:00:00Z'));
    const { h } = await as('org_admin');
    const cases: [Record<string, unknown>, string][] = [
      [{ idCardNo: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}` }, 'idCardNo'],
      [{ idCardNo: '12345' }, 'idCardNo'],
      [{ phone: '12345678901' }, 'phone'],
      [{ membershipType: 'honorary' }, 'membershipType'],
      [{ membershipType: 'probationary', probationEndDate: null }, 'probationEndDate'],
      [{ membershipType: 'probationary', probationEndDate: '2015-06-01' }, 'probationEndDate'],
      [{ joinDate: '2015-02-30' }, 'joinDate'],
      [{ joinDate: '2027-01-01' }, 'joinDate'],
      [{ joinDate: '2005-07-01' }, 'joinDate'], // 15 years old
      [{ duesBaseAmount: '12.345' }, 'duesBaseAmount'],
      [{ duesBaseAmount: '-1' }, 'duesBaseAmount'],
      [{ duesBaseAmount: '1e3' }, 'duesBaseAmount'],
      [{ duesBaseAmount: 3500 }, 'duesBaseAmount'], // a number is never accepted for money
      [{ duesBaseAmount: 'NaN' }, 'duesBaseAmount'],
      [{ lastDuesMonth: '2026-13' }, 'lastDuesMonth'],
      [{ lastDuesMonth: '2028-06' }, 'lastDuesMonth'],
      [{ lastDuesMonth: '2014-01' }, 'lastDuesMonth'],
      [{ formalOrgId: 'not-a-uuid' }, 'formalOrgId'],
      [{ formalOrgId: ORG_IDS.twoNewCommittee }, 'formalOrgId'], // a committee holds no formal relationships
      [{ formalOrgId: '00000000-0000-4000-8000-000000000000' }, 'formalOrgId'],
      [{ userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
      [{ partyStatus: 'EXPELLED' }, 'partyStatus'],
    ];
    for (const [over, field] of cases) {
      const res = await callRoute(createPartyMemberRoute, { body: body(over), headers: { ...h, 'accept-language': 'en' } });
      expect(res.status, `${JSON.stringify(over)}: ${res.text}`).toBe(400);
      const p = res.json as Problem;
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.errors?.[field], `${field}: ${res.text}`).toBeDefined();
      expect(p.errors![field]![0]).not.toMatch(/^(party|validation)\./);
    }
    const zh = (await callRoute(createPartyMemberRoute, { body: body({ duesBaseAmount: '1.999' }), headers: h })).json as Problem;
    expect(zh.errors!.duesBaseAmount![0]).toMatch(/两位小数/);
    expect(await memberCount()).toBe(0);
  });

  it('one record per ID number (409 with a field error, also with another spelling); a dissolved branch is refused', async () => {
    const { h } = await as('org_admin');
    expect((await callRoute(createPartyMemberRoute, { body: body(), headers: h })).status).toBe(201);
    const again = await callRoute(createPartyMemberRoute, { body: body({ name: '另一人', idCardNo: ` ${ID.toLowerCase()} `, formalOrgId: ORG_IDS.sanbaoBranch }), headers: h });
    expect(again.status).toBe(409);
    expect((again.json as Problem).errors?.idCardNo).toBeDefined();
    await t.db().update(partyOrgs).set({ status: 'DISSOLVED', dissolvedAt: new Date(), dissolutionApprovalRef: '珠组字〔2026〕1号' }).where(eq(partyOrgs.id, ORG_IDS.sanbaoBranch));
    const dissolved = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), formalOrgId: ORG_IDS.sanbaoBranch }), headers: h });
    expect(dissolved.status).toBe(409);
    expect((dissolved.json as Problem).code).toBe('ORG_DISSOLVED');
    expect(await memberCount()).toBe(1);
  });

  it('a secretary registers only in their subtree; the 区委组织部 anywhere, also at an organisation outside the portal', async () => {
    const committee = await as('branch_secretary', ORG_IDS.twoNewCommittee);
    expect((await callRoute(createPartyMemberRoute, { body: body({ formalOrgId: ORG_IDS.taoxichuanBranch }), headers: committee.h })).status).toBe(201);
    const branch = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const before = await denials();
    const out = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), formalOrgId: ORG_IDS.taoxichuanBranch }), headers: branch.h });
    expect(out.status).toBe(403);
    expect(await denials()).toBe(before + 1);
    const external = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), formalOrgId: ORG_IDS.externalZhuantang }), headers: committee.h });
    expect(external.status).toBe(403);
    const admin = await as('org_admin');
    expect((await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), formalOrgId: ORG_IDS.externalZhuantang }), headers: admin.h })).status).toBe(201);
    for (const role of ['zone_staff', 'sysadmin'] as const) {
      const other = await as(role);
      expect((await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber() }), headers: other.h })).status).toBe(403);
    }
    expect(await memberCount()).toBe(2);
  });

  it('links an account only with that talent’s Party consent, and one record per account', async () => {
    const { h } = await as('org_admin');
    const talent = await makeTalent(t.db());
    const refused = await callRoute(createPartyMemberRoute, { body: body({ userId: talent.id }), headers: h });
    expect(refused.status).toBe(400);
    expect((refused.json as Problem).errors?.userId?.[0]).toMatch(/单独同意/);
    const staff = await makeUser(t.db(), 'zone_staff');
    expect((await callRoute(createPartyMemberRoute, { body: body({ userId: staff.id }), headers: h })).status).toBe(400);

    const th = bearer(await tokenFor(t.db(), talent));
    expect((await callRoute(setMyPartyConsentRoute, { body: { granted: true }, headers: th })).json).toEqual({ granted: true });
    const linked = await callRoute(createPartyMemberRoute, { body: body({ userId: talent.id }), headers: h });
    expect(linked.status, linked.text).toBe(201);
    expect(linked.json).toMatchObject({ linked: true, userId: talent.id });
    const twice = await callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), userId: talent.id }), headers: h });
    expect(twice.status).toBe(409);
    expect((twice.json as Problem).errors?.userId).toBeDefined();
  });
});

describe('registering against a concurrent dissolution', () => {
  it('never leaves a member at a dissolved organisation (either the dissolution or the registration is refused)', async () => {
    const { h } = await as('org_admin');
    for (let i = 0; i < 4; i++) {
      const [org] = await t
        .db()
        .insert(partyOrgs)
        .values({ id: crypto.randomUUID(), code: `ZS-RACE-${i}`, nameZh: `竞态测试支部${i}`, nameEn: `Race ${i}`, kind: 'branch', orgType: 'branch', parentId: ORG_IDS.twoNewCommittee, path: 'tmp' })
        .returning();
      await t.db().update(partyOrgs).set({ path: sql`(select path from party_orgs where id = ${ORG_IDS.twoNewCommittee}) || ${org!.id} || '/'` }).where(eq(partyOrgs.id, org!.id));
      const [dissolve, register] = await Promise.all([
        callRoute(dissolvePartyOrgRoute, { params: { id: org!.id }, body: { approvalRef: '珠组字〔2026〕20号' }, headers: h }),
        callRoute(createPartyMemberRoute, { body: body({ idCardNo: randomIdNumber(), formalOrgId: org!.id }), headers: h }),
      ]);
      const outcome = [dissolve.status, register.status].sort().join('/');
      expect(['200/409', '201/409'], `${dissolve.text} ${register.text}`).toContain(outcome);
      const stranded = await t
        .db()
        .select({ n: sql<number>`count(*)::int` })
        .from(partyMembers)
        .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId))
        .where(eq(partyOrgs.status, 'DISSOLVED'));
      expect(stranded[0]!.n).toBe(0);
    }
  });
});

describe('who sees which members (§4.2)', () => {
  it('a secretary sees their subtree, a committee its branches, the 区委组织部 everyone; each list view audited with ids and fields', async () => {
    const jp = await insertMember(t.db(), { name: '甲', formalOrgId: ORG_IDS.jingpiaoBranch });
    const tx = await insertMember(t.db(), { name: '乙', formalOrgId: ORG_IDS.taoxichuanBranch });
    const jc = await insertMember(t.db(), { name: '丙', formalOrgId: ORG_IDS.jingchengCommunityBranch });
    const ext = await insertMember(t.db(), { name: '丁', formalOrgId: ORG_IDS.externalZhuantang });
    const ids = async (h: Record<string, string>, query: Record<string, string> = {}) => {
      const res = await callRoute(listPartyMembersRoute, { headers: h, query });
      expect(res.status, res.text).toBe(200);
      return (res.json as { items: { id: string; idCardNo: string }[] }).items.map((i) => i.id).sort();
    };
    expect(await ids((await as('branch_secretary', ORG_IDS.jingpiaoBranch)).h)).toEqual([jp.id]);
    expect(await ids((await as('branch_secretary', ORG_IDS.twoNewCommittee)).h)).toEqual([jp.id, tx.id].sort());
    expect(await ids((await as('branch_secretary', ORG_IDS.jingchengCommittee)).h)).toEqual([jc.id]);
    const admin = await as('org_admin');
    expect(await ids(admin.h)).toEqual([jp.id, tx.id, jc.id, ext.id].sort());
    expect(await ids(admin.h, { orgId: ORG_IDS.taoxichuanBranch })).toEqual([tx.id]);
    expect(await ids(admin.h, { q: '丙' })).toEqual([jc.id]);
    const [audited] = await auditRows('party_members.list');
    expect(audited?.detail).toMatchObject({ ids: [jc.id], fields: expect.arrayContaining(['name', 'idCardNo(masked)']) });
    // A filter on another branch cannot widen a secretary's scope.
    expect(await ids((await as('branch_secretary', ORG_IDS.jingpiaoBranch)).h, { orgId: ORG_IDS.taoxichuanBranch })).toEqual([]);
    // No full ID number in any list.
    const res = await callRoute(listPartyMembersRoute, { headers: admin.h });
    expect(res.text).not.toContain(jp.idCardNo);
    expect(res.text).not.toContain(jp.phone);
  });

  it('zone staff, sysadmins and talents never see Party records: 403, audited, for every member route', async () => {
    const m = await insertMember(t.db());
    const talent = await makeTalent(t.db());
    const callers = [(await as('zone_staff')).h, (await as('sysadmin')).h, bearer(await tokenFor(t.db(), talent))];
    for (const h of callers) {
      for (const [route, opts] of [
        [listPartyMembersRoute, {}],
        [getPartyMemberRoute, { params: { id: m.id } }],
        [revealPartyMemberRoute, { params: { id: m.id }, body: { reason: '核对身份信息' } }],
        [exportPartyMembersRoute, { query: { purpose: '年度核查用途', approvalRef: '珠组字〔2026〕7号' } }],
      ] as const) {
        const before = await denials();
        const res = await callRoute(route, { ...opts, headers: h });
        expect(res.status, route.id).toBe(403);
        expect(await denials(), route.id).toBe(before + 1);
      }
    }
    expect(await auditRows('party_members.read')).toHaveLength(0);
    expect(await auditRows('party_members.reveal')).toHaveLength(0);
  });

  it('one record: masked, alerts, audited with the fields viewed; another branch’s record is a 403 and a denial row', async () => {
    const m = await insertMember(t.db(), { formalOrgId: ORG_IDS.taoxichuanBranch, lastDuesMonth: '2026-12' });
    const own = await as('branch_secretary', ORG_IDS.taoxichuanBranch);
    setNow(new Date('2026-12-04T04:00:00Z'));
    const res = await callRoute(getPartyMemberRoute, { params: { id: m.id }, headers: own.h });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: m.id, formalOrgId: ORG_IDS.taoxichuanBranch, partyStatus: 'NORMAL', lastDuesMonth: '2026-12', idCardNo: `${m.idCardNo.slice(0, 4)}**********${m.idCardNo.slice(-4)}`, alerts: [], duesBaseAmount: '3000.00' });
    expect(res.text).not.toContain(m.idCardNo);
    const [audited] = await auditRows('party_members.read');
    expect(audited).toMatchObject({ actorId: own.user.id, targetType: 'party_member', targetId: m.id });
    expect((audited!.detail as { fields: string[] }).fields).toEqual(expect.arrayContaining(['idCardNo(masked)', 'duesBaseAmount', 'partyStatus']));

    const other = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const before = await denials();
    expect((await callRoute(getPartyMemberRoute, { params: { id: m.id }, headers: other.h })).status).toBe(403);
    expect((await callRoute(getPartyMemberRoute, { params: { id: '00000000-0000-4000-8000-000000000000' }, headers: other.h })).status).toBe(403);
    expect(await denials()).toBe(before + 2);
    expect((await callRoute(getPartyMemberRoute, { params: { id: '00000000-0000-4000-8000-000000000000' }, headers: (await as('org_admin')).h })).status).toBe(404);
  });
});

describe('alerts computed on read (Jingdezhen calendar, test clock)', () => {
  it('probation ended without conversion, dues months in arrears with severity, an open transfer, lost contact', async () => {
    const m = await insertMember(t.db(), { membershipType: 'probationary', joinDate: '2025-03-15', probationEndDate: '2026-03-15', lastDuesMonth: '2026-06' });
    const adminUser = await makeUser(t.db(), 'org_admin');
    // A fresh session at each clock position (sessions expire as the test clock moves on).
    const headers = async () => bearer(await tokenFor(t.db(), adminUser));
    const alerts = async () => ((await callRoute(getPartyMemberRoute, { params: { id: m.id }, headers: await headers() })).json as { alerts: { code: string; severity: string; months?: number; days?: number }[] }).alerts;
    setNow(new Date('2026-03-15T15:59:00Z')); // 23:59 on 15 March in Jingdezhen: the last day of probation
    expect(await alerts()).toEqual([]);
    setNow(new Date('2026-03-15T16:00:00Z')); // 00:00 on 16 March in Jingdezhen (still the 15th in UTC)
    expect(await alerts()).toEqual([{ code: 'PROBATION_EXPIRED', severity: 'warning', since: '2026-03-15', days: 1 }]);
    setNow(new Date('2026-07-01T00:00:00Z'));
    expect((await alerts()).find((a) => a.code === 'DUES_ARREARS')).toMatchObject({ months: 1, severity: 'notice' });
    setNow(new Date('2026-09-10T00:00:00Z'));
    expect((await alerts()).find((a) => a.code === 'DUES_ARREARS')).toMatchObject({ months: 3, severity: 'warning' });
    setNow(new Date('2026-12-10T00:00:00Z'));
    expect((await alerts()).find((a) => a.code === 'DUES_ARREARS')).toMatchObject({ months: 6, severity: 'critical' });

    const [kase] = await t.db().insert(transferCases).values({ memberId: m.id, state: 'BRANCH_REVIEW', category: 'in_district', channel: 'PAPER', fromOrgId: ORG_IDS.jingpiaoBranch, toOrgId: ORG_IDS.jingchengCommittee, reason: '迁居' }).returning();
    await t.db().update(partyMembers).set({ lostContact: true }).where(eq(partyMembers.id, m.id));
    expect((await alerts()).map((a) => a.code)).toEqual(['PROBATION_EXPIRED', 'DUES_ARREARS', 'OPEN_TRANSFER', 'LOST_CONTACT']);
    expect((await alerts()).find((a) => a.code === 'OPEN_TRANSFER')).toMatchObject({ transferId: kase!.id });

    // The roster filters by the same rules in SQL.
    const paid = await insertMember(t.db(), { lastDuesMonth: '2026-12' });
    const filter = async (alert: string) => ((await callRoute(listPartyMembersRoute, { query: { alert }, headers: await headers() })).json as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await filter('DUES_ARREARS')).toEqual([m.id]);
    expect(await filter('PROBATION_EXPIRED')).toEqual([m.id]);
    expect(await filter('OPEN_TRANSFER')).toEqual([m.id]);
    expect(await filter('LOST_CONTACT')).toEqual([m.id]);
    expect(paid.id).toBeTruthy();
  });

  it('pure rule: never paid counts from the month of joining; struck-off members owe nothing', () => {
    const base = { membershipType: 'formal' as const, probationEndDate: null, lostContact: false, partyStatus: 'NORMAL' as const, joinDate: '2026-10-20', lastDuesMonth: null };
    expect(memberAlerts(base, { y: 2026, m: 12, d: 1 })).toEqual([{ code: 'DUES_ARREARS', severity: 'warning', months: 3 }]);
    expect(memberAlerts({ ...base, lastDuesMonth: '2027-02' }, { y: 2026, m: 12, d: 1 })).toEqual([]);
    expect(memberAlerts({ ...base, partyStatus: 'STRUCK_OFF' }, { y: 2026, m: 12, d: 1 })).toEqual([]);
  });

  it('I5: six months without organisational life while a transfer is open raises LAPSE_RISK to the sending branch (never more)', () => {
    const base = { membershipType: 'formal' as const, probationEndDate: null, lostContact: false, partyStatus: 'NORMAL' as const, joinDate: '2010-07-01', lastDuesMonth: '2026-12' };
    const today = { y: 2026, m: 12, d: 4 };
    const codes = (lastOrgLifeDate: string | null, open: string | null) => memberAlerts({ ...base, lastOrgLifeDate }, today, open).map((a) => a.code);
    const tc = '6f1d0c3e-2b7a-4f51-9c1e-0000000000aa';
    expect(codes('2026-06-04', tc)).toEqual(['OPEN_TRANSFER', 'LAPSE_RISK']);
    expect(codes('2026-06-05', tc)).toEqual(['OPEN_TRANSFER']);
    expect(codes('2026-01-10', null)).toEqual([]); // no open case: the 流动党员 alerts of the companion issue
    expect(codes(null, tc)).toEqual(['OPEN_TRANSFER']); // unknown is not a lapse
    expect(memberAlerts({ ...base, lastOrgLifeDate: '2026-03-01' }, today, tc).find((a) => a.code === 'LAPSE_RISK')).toMatchObject({ severity: 'critical', since: '2026-03-01', transferId: tc });
  });
});

describe('revealing and exporting', () => {
  it('the full ID number needs a reason and is audited once with it', async () => {
    const m = await insertMember(t.db());
    const { h, user } = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    for (const b of [{}, { reason: '' }, { reason: '看' }]) {
      expect((await callRoute(revealPartyMemberRoute, { params: { id: m.id }, body: b, headers: h })).status).toBe(400);
    }
    expect(await auditRows('party_members.reveal')).toHaveLength(0);
    const res = await callRoute(revealPartyMemberRoute, { params: { id: m.id }, body: { reason: '开具介绍信核对身份' }, headers: h });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ idCardNo: m.idCardNo });
    const rows = await auditRows('party_members.reveal');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, targetId: m.id, detail: { fields: ['idCardNo'], reason: '开具介绍信核对身份' } });
    const other = await as('branch_secretary', ORG_IDS.taoxichuanBranch);
    expect((await callRoute(revealPartyMemberRoute, { params: { id: m.id }, body: { reason: '开具介绍信核对身份' }, headers: other.h })).status).toBe(403);
    expect(await auditRows('party_members.reveal')).toHaveLength(1);
  });

  it('export: 400 without purpose and approval reference; CSV watermarked with exporter and time, masked, audited', async () => {
    const a = await insertMember(t.db(), { name: '甲', formalOrgId: ORG_IDS.jingpiaoBranch });
    const b = await insertMember(t.db(), { name: '=乙', formalOrgId: ORG_IDS.taoxichuanBranch });
    const { h, user } = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const incomplete: Record<string, string>[] = [{}, { purpose: '年度党员信息核查' }, { approvalRef: '珠组字〔2026〕7号' }, { purpose: '查', approvalRef: '珠组字〔2026〕7号' }];
    for (const query of incomplete) {
      const res = await callRoute(exportPartyMembersRoute, { query, headers: h });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((res.json as Problem).code).toBe('VALIDATION_FAILED');
    }
    expect(await auditRows('party_members.export')).toHaveLength(0);
    setNow(new Date('2026-12-04T02:30:00Z'));
    const res = await callRoute(exportPartyMembersRoute, { query: { purpose: '年度党员信息核查', approvalRef: '珠组字〔2026〕7号' }, headers: h });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    const watermark = lines[0]!;
    expect(watermark).toContain('测试branch_secretary');
    expect(watermark).toContain('2026-12-04 10:30');
    expect(watermark).toContain('年度党员信息核查');
    expect(watermark).toContain('珠组字〔2026〕7号');
    expect(lines.at(-1)).toBe(watermark);
    expect(lines).toHaveLength(4); // watermark, header, one member (the secretary's branch only), watermark
    expect(lines[2]).toContain('甲');
    expect(res.text).not.toContain(a.idCardNo);
    expect(res.text).toContain(`${a.idCardNo.slice(0, 4)}**********`);
    expect(res.text).not.toContain(b.idCardNo.slice(-4) + ',=乙');
    const [audited] = await auditRows('party_members.export');
    expect(audited).toMatchObject({ actorId: user.id, detail: { purpose: '年度党员信息核查', approvalRef: '珠组字〔2026〕7号', rows: 1 } });
    // A formula-looking name is neutralised (CSV injection).
    const admin = await as('org_admin');
    const all = await callRoute(exportPartyMembersRoute, { query: { purpose: '年度党员信息核查', approvalRef: '珠组字〔2026〕7号' }, headers: admin.h });
    expect(all.text).toContain("'=乙");
  });
});

describe('我的党组织 and the separate Party consent', () => {
  it('shows nothing before consent; the linked record after; withdrawing unlinks; other roles are refused', async () => {
    const talent = await makeTalent(t.db());
    const h = bearer(await tokenFor(t.db(), talent));
    const before = await callRoute(getMyPartyRoute, { headers: h });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ consent: { granted: false }, member: null });
    await callRoute(setMyPartyConsentRoute, { body: { granted: true }, headers: h });
    const [c] = await t.db().select().from(consents).where(and(eq(consents.userId, talent.id), eq(consents.kind, 'party')));
    expect(c).toMatchObject({ withdrawnAt: null });
    expect(c!.noticeHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await callRoute(getMyPartyRoute, { headers: h })).json).toMatchObject({ consent: { granted: true }, member: null });

    const m = await insertMember(t.db(), { userId: talent.id, lastDuesMonth: '2026-12' });
    setNow(new Date('2026-12-04T04:00:00Z'));
    const mine = await callRoute(getMyPartyRoute, { headers: h });
    expect(mine.json).toMatchObject({ member: { id: m.id, formalOrgId: ORG_IDS.jingpiaoBranch, formalOrg: { name: '景漂陶瓷流动党员党支部', contact: { person: '王建华' } }, alerts: [] } });
    expect(mine.text).not.toContain(m.idCardNo);
    const [viewed] = await auditRows('party_record.read_own');
    expect(viewed).toMatchObject({ actorId: talent.id, targetId: m.id });

    expect((await callRoute(setMyPartyConsentRoute, { body: { granted: false }, headers: h })).json).toEqual({ granted: false });
    expect((await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id)))[0]!.userId).toBeNull();
    expect((await callRoute(getMyPartyRoute, { headers: h })).json).toMatchObject({ consent: { granted: false }, member: null });
    const [withdrawn] = await auditRows('consent.withdraw');
    expect(withdrawn).toMatchObject({ targetId: 'party', detail: { unlinked: 1 } });
    // The talent's other consents are untouched.
    expect(await t.db().select().from(consents).where(and(eq(consents.userId, talent.id), sql`${consents.kind} <> 'party'`, sql`${consents.withdrawnAt} is null`))).toHaveLength(2);

    for (const role of ['zone_staff', 'branch_secretary', 'org_admin', 'sysadmin'] as const) {
      expect((await callRoute(getMyPartyRoute, { headers: (await as(role)).h })).status, role).toBe(403);
    }
    expect((await callRoute(setMyPartyConsentRoute, { body: { granted: 'yes' }, headers: h })).status).toBe(400);
  });
});

describe('the demo seed', () => {
  it('links 林青瓷 (formal, paid through this month) and 周窑 (formal relationship outside the portal) with consent', async () => {
    setNow(new Date('2026-12-04T04:00:00Z'));
    await seedReferenceData(t.db());
    await seedDemoAccounts(t.db(), 'Jingpiao-2026');
    await seedDemoAccounts(t.db(), 'Jingpiao-2026'); // idempotent
    const rows = await t.db().select().from(partyMembers);
    // nine register members plus the four out-of-province 流动党员 of the mobile demo seed
    expect(rows.length).toBe(9 + Object.keys(MOBILE_DEMO_MEMBER_IDS).length);
    const lin = rows.find((r) => r.name === '林青瓷')!;
    expect(lin).toMatchObject({ formalOrgId: ORG_IDS.jingpiaoBranch, membershipType: 'formal', lastDuesMonth: '2026-12' });
    expect(lin.userId).not.toBeNull();
    const zhou = rows.find((r) => r.name === '周窑')!;
    expect(zhou).toMatchObject({ formalOrgId: ORG_IDS.externalZhuantang });
    expect(await t.db().select().from(consents).where(eq(consents.kind, 'party'))).toHaveLength(2);
    const alerts = new Map(rows.map((r) => [r.name, memberAlerts(r, { y: 2026, m: 12, d: 4 }).map((a) => a.code)]));
    expect(alerts.get('林青瓷')).toEqual([]);
    expect(alerts.get('李小雨')).toEqual(['PROBATION_EXPIRED']);
    expect(alerts.get('王桂芳')).toEqual(['DUES_ARREARS']);
  });
});
