/**
 * Party organisations (issue 9 §1): the tree's paths on create and move, dissolution (approval reference, successor,
 * ORG_NOT_EMPTY, re-routing of open transfers, never chosen again), the rotatable QR token and its visibility, scope.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, partyMembers, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { ORG_IDS, PARTY_ORGS } from '@/db/seed-data';
import { createPartyOrgRoute, dissolvePartyOrgRoute, getPartyOrgRoute, listPartyOrgsRoute, rotatePartyOrgQrRoute, updatePartyOrgRoute } from '@/lib/party/api';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';

const t = setupTestDb();

async function as(role: 'org_admin' | 'branch_secretary' | 'zone_staff' | 'sysadmin', orgId?: string) {
  const u = await makeUser(t.db(), role, orgId ? { orgId } : {});
  return bearer(await tokenFor(t.db(), u));
}
const orgRow = async (id: string) => (await t.db().select().from(partyOrgs).where(eq(partyOrgs.id, id)))[0]!;
const allOrgs = async () => t.db().select({ id: partyOrgs.id, path: partyOrgs.path, parentId: partyOrgs.parentId, status: partyOrgs.status }).from(partyOrgs).orderBy(asc(partyOrgs.id));
const denials = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;
const newOrg = (over: Record<string, unknown> = {}) => ({ code: 'ZS-JC-03', nameZh: '竞成陶瓷市场党支部', nameEn: 'Jingcheng Ceramics Market Branch', orgType: 'branch', parentId: ORG_IDS.jingchengCommittee, contactPerson: '叶青', contactPhone: '0798-8225299', ...over });

describe('the seeded tree', () => {
  it('has the 珠山区 structure with types, flags and contact points, and an external organisation outside the tree', async () => {
    const rows = await t.db().select().from(partyOrgs);
    expect(rows).toHaveLength(PARTY_ORGS.length);
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get(ORG_IDS.districtCommittee)).toMatchObject({ orgType: 'district_committee', mayIssue: true, mayReceive: true, hasProbationaryApproval: true });
    expect(by.get(ORG_IDS.twoNewCommittee)).toMatchObject({ orgType: 'primary_committee', mayIssue: true, hasProbationaryApproval: true });
    expect(by.get(ORG_IDS.jingpiaoBranch)).toMatchObject({ orgType: 'mobile_branch', mayIssue: false });
    expect(by.get(ORG_IDS.taoxichuanBranch)).toMatchObject({ orgType: 'joint_branch' });
    expect(by.get(ORG_IDS.jingchengCommittee)).toMatchObject({ orgType: 'working_committee', mayIssue: true, mayReceive: true, hasProbationaryApproval: true });
    expect(by.get(ORG_IDS.xinchangCommittee)).toMatchObject({ orgType: 'working_committee', mayIssue: false, mayReceive: true, hasProbationaryApproval: false });
    expect(by.get(ORG_IDS.qingyaoCompanyBranch)!.path).toBe(`/${ORG_IDS.districtCommittee}/${ORG_IDS.xinchangCommittee}/${ORG_IDS.qingyaoCompanyBranch}/`);
    expect(by.get(ORG_IDS.externalZhuantang)).toMatchObject({ isExternal: true, parentId: null, qrToken: null, path: `/${ORG_IDS.externalZhuantang}/` });
    for (const r of rows) expect(r.contactPerson, r.code).toBeTruthy();
    // Tokens are random credentials, one per organisation in the portal.
    expect(new Set(rows.filter((r) => !r.isExternal).map((r) => r.qrToken)).size).toBe(rows.length - 1);
  });
});

describe('re-seeding reference data', () => {
  it('fills types, flags and contact points into organisations seeded before them, never over an edited one', async () => {
    await t.db().update(partyOrgs).set({ orgType: 'primary_committee', mayIssue: false, mayReceive: false, hasProbationaryApproval: false, contactPerson: null, contactPhone: null }).where(eq(partyOrgs.id, ORG_IDS.districtCommittee));
    await t.db().update(partyOrgs).set({ contactPerson: '新联系人', mayIssue: false }).where(eq(partyOrgs.id, ORG_IDS.twoNewCommittee));
    const tokens = new Map((await t.db().select({ id: partyOrgs.id, q: partyOrgs.qrToken }).from(partyOrgs)).map((r) => [r.id, r.q]));
    await seedReferenceData(t.db());
    expect(await orgRow(ORG_IDS.districtCommittee)).toMatchObject({ orgType: 'district_committee', mayIssue: true, hasProbationaryApproval: true, contactPerson: '区委组织部组织科' });
    expect(await orgRow(ORG_IDS.twoNewCommittee)).toMatchObject({ contactPerson: '新联系人', mayIssue: false });
    // Paths, names and check-in tokens are never touched by a re-seed.
    for (const [id, q] of tokens) expect((await orgRow(id)).qrToken).toBe(q);
  });
});

describe('creating organisations', () => {
  it('computes the path from the parent, returns the full DTO and audits', async () => {
    const admin = await as('org_admin');
    const res = await callRoute(createPartyOrgRoute, { body: newOrg({ parentId: ORG_IDS.jingchengCommittee, path: undefined }), headers: admin });
    expect(res.status, res.text).toBe(201);
    const dto = res.json as { id: string; depth: number; parentId: string; flags: Record<string, boolean>; status: string; contact: { person: string }; qrToken: string; kind: string };
    expect(dto).toMatchObject({ depth: 2, parentId: ORG_IDS.jingchengCommittee, status: 'ACTIVE', kind: 'branch', contact: { person: '叶青' }, flags: { mayIssue: false, isExternal: false } });
    expect(dto.qrToken).toMatch(/^[\w-]{32}$/);
    expect((await orgRow(dto.id)).path).toBe(`/${ORG_IDS.districtCommittee}/${ORG_IDS.jingchengCommittee}/${dto.id}/`);
    const [row] = await t.db().select().from(auditLog).where(and(eq(auditLog.action, 'party_orgs.create'), eq(auditLog.targetId, dto.id)));
    expect(row?.detail).toMatchObject({ code: 'ZS-JC-03', parentId: ORG_IDS.jingchengCommittee });
  });

  it('an external organisation may be a root, and only an external one', async () => {
    const admin = await as('org_admin');
    const ext = await callRoute(createPartyOrgRoute, { body: newOrg({ code: 'EXT-GD-01', orgType: 'branch', parentId: null, isExternal: true }), headers: admin });
    expect(ext.status, ext.text).toBe(201);
    expect(ext.json).toMatchObject({ depth: 0, qrToken: null, flags: { isExternal: true } });
    const root = await callRoute(createPartyOrgRoute, { body: newOrg({ code: 'ZS-X-01', parentId: null }), headers: admin });
    expect(root.status).toBe(400);
    expect((root.json as { errors: Record<string, string[]> }).errors.parentId).toBeDefined();
  });

  it('refuses bad input with a localised 4xx and creates nothing', async () => {
    const admin = await as('org_admin');
    const before = await allOrgs();
    const cases: [Record<string, unknown>, number, string, string][] = [
      [newOrg({ code: 'x' }), 400, 'VALIDATION_FAILED', 'code'],
      [newOrg({ orgType: 'kiln' }), 400, 'VALIDATION_FAILED', 'orgType'],
      [newOrg({ mayIssue: true }), 400, 'VALIDATION_FAILED', 'mayIssue'], // a branch issues no letters
      [newOrg({ orgType: 'working_committee', mayIssue: true }), 400, 'VALIDATION_FAILED', 'mayIssue'], // not without 预备党员审批权
      [newOrg({ parentId: ORG_IDS.jingpiaoBranch }), 400, 'VALIDATION_FAILED', 'parentId'], // only 党小组 under a branch
      [newOrg({ parentId: ORG_IDS.externalZhuantang }), 400, 'VALIDATION_FAILED', 'parentId'],
      [newOrg({ parentId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'parentId'],
      [newOrg({ code: 'ZS-LX-01' }), 409, 'CONFLICT', 'code'],
      [newOrg({ contactPhone: '12345' }), 400, 'VALIDATION_FAILED', 'contactPhone'],
      [{ ...newOrg(), path: '/evil/' }, 400, 'VALIDATION_FAILED', 'path'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await callRoute(createPartyOrgRoute, { body, headers: { ...admin, 'accept-language': 'en' } });
      expect(res.status, JSON.stringify(body)).toBe(status);
      const problem = res.json as { code: string; errors?: Record<string, string[]> };
      expect(problem.code).toBe(code);
      expect(problem.errors?.[field], `${field}: ${res.text}`).toBeDefined();
      expect(problem.errors![field]![0]).not.toMatch(/^party\./); // translated, never a raw key
    }
    const zh = await callRoute(createPartyOrgRoute, { body: newOrg({ mayIssue: true }), headers: admin });
    expect((zh.json as { errors: Record<string, string[]> }).errors.mayIssue![0]).toMatch(/党支部/);
    expect(await allOrgs()).toEqual(before);
  });

  it('only the 区委组织部 manages the tree: secretaries, zone staff and sysadmins are refused and audited', async () => {
    for (const h of [await as('branch_secretary', ORG_IDS.twoNewCommittee), await as('zone_staff'), await as('sysadmin'), bearer(await tokenFor(t.db(), await makeTalent(t.db())))]) {
      const before = await denials();
      const res = await callRoute(createPartyOrgRoute, { body: newOrg(), headers: h });
      expect(res.status).toBe(403);
      expect(await denials()).toBe(before + 1);
    }
    expect(await t.db().select().from(partyOrgs).where(eq(partyOrgs.code, 'ZS-JC-03'))).toHaveLength(0);
  });
});

describe('moving organisations', () => {
  it('rewrites the whole subtree’s paths in one transaction; scopes follow', async () => {
    const admin = await as('org_admin');
    const group = await callRoute(createPartyOrgRoute, { body: newOrg({ code: 'ZS-LX-01-G1', nameZh: '景漂支部第一党小组', nameEn: 'Jingpiao Group 1', orgType: 'party_group', parentId: ORG_IDS.jingpiaoBranch }), headers: admin });
    expect(group.status, group.text).toBe(201);
    const groupId = (group.json as { id: string }).id;
    const jingcheng = await as('branch_secretary', ORG_IDS.jingchengCommittee);
    expect((await callRoute(getPartyOrgRoute, { params: { id: groupId }, headers: jingcheng })).status).toBe(403);

    const res = await callRoute(updatePartyOrgRoute, { params: { id: ORG_IDS.jingpiaoBranch }, body: { parentId: ORG_IDS.jingchengCommittee }, headers: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ parentId: ORG_IDS.jingchengCommittee, depth: 2 });
    expect((await orgRow(ORG_IDS.jingpiaoBranch)).path).toBe(`/${ORG_IDS.districtCommittee}/${ORG_IDS.jingchengCommittee}/${ORG_IDS.jingpiaoBranch}/`);
    expect((await orgRow(groupId)).path).toBe(`/${ORG_IDS.districtCommittee}/${ORG_IDS.jingchengCommittee}/${ORG_IDS.jingpiaoBranch}/${groupId}/`);
    // The receiving committee now reads the moved subtree; the old committee no longer does.
    expect((await callRoute(getPartyOrgRoute, { params: { id: groupId }, headers: jingcheng })).status).toBe(200);
    const twoNew = await as('branch_secretary', ORG_IDS.twoNewCommittee);
    const list = (await callRoute(listPartyOrgsRoute, { headers: twoNew })).json as { items: { id: string }[] };
    expect(list.items.map((o) => o.id).sort()).toEqual([ORG_IDS.twoNewCommittee, ORG_IDS.taoxichuanBranch, ORG_IDS.sanbaoBranch].sort());
    const [row] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'party_orgs.update'));
    expect(row?.detail).toMatchObject({ moved: { from: ORG_IDS.twoNewCommittee, to: ORG_IDS.jingchengCommittee, subtree: 2 } });
  });

  it('refuses a cycle, a dissolved or external target, a branch as parent and nothing to change; nothing moves', async () => {
    const admin = await as('org_admin');
    await t.db().update(partyOrgs).set({ status: 'DISSOLVED', dissolvedAt: new Date(), dissolutionApprovalRef: '珠组字〔2026〕1号' }).where(eq(partyOrgs.id, ORG_IDS.zoneOrgBranch));
    const before = await allOrgs();
    const cases: [string, unknown, number, string][] = [
      [ORG_IDS.twoNewCommittee, { parentId: ORG_IDS.jingpiaoBranch }, 400, 'VALIDATION_FAILED'], // own subtree
      [ORG_IDS.twoNewCommittee, { parentId: ORG_IDS.twoNewCommittee }, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.districtCommittee, { parentId: ORG_IDS.sanbaoBranch }, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.sanbaoBranch, { parentId: ORG_IDS.externalZhuantang }, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.sanbaoBranch, { parentId: ORG_IDS.taoxichuanBranch }, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.sanbaoBranch, {}, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.sanbaoBranch, { hasProbationaryApproval: true }, 400, 'VALIDATION_FAILED'],
      [ORG_IDS.xinchangCommittee, { mayIssue: true }, 400, 'VALIDATION_FAILED'], // 新厂 has no 预备党员审批权
      [ORG_IDS.sanbaoBranch, { parentId: ORG_IDS.zoneOrgBranch }, 409, 'ORG_DISSOLVED'],
      [ORG_IDS.zoneOrgBranch, { nameZh: '新名称' }, 409, 'ORG_DISSOLVED'],
      ['00000000-0000-4000-8000-000000000000', { nameZh: '新名称' }, 404, 'NOT_FOUND'],
    ];
    for (const [id, body, status, code] of cases) {
      const res = await callRoute(updatePartyOrgRoute, { params: { id }, body, headers: admin });
      expect(res.status, `${id} ${JSON.stringify(body)}: ${res.text}`).toBe(status);
      expect((res.json as { code: string }).code).toBe(code);
    }
    expect(await allOrgs()).toEqual(before);
    // Granting the authority makes issuing possible: both in one change.
    const ok = await callRoute(updatePartyOrgRoute, { params: { id: ORG_IDS.xinchangCommittee }, body: { mayIssue: true, hasProbationaryApproval: true, contactPhone: '0798-8226399' }, headers: admin });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ flags: { mayIssue: true, hasProbationaryApproval: true }, contact: { phone: '0798-8226399' } });
  });
});

describe('dissolving organisations', () => {
  it('needs an approval reference', async () => {
    const admin = await as('org_admin');
    for (const body of [{}, { approvalRef: '' }, { approvalRef: 'x' }]) {
      const res = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.sanbaoBranch }, body, headers: admin });
      expect(res.status).toBe(400);
      expect((res.json as { errors: Record<string, string[]> }).errors.approvalRef).toBeDefined();
    }
    expect((await orgRow(ORG_IDS.sanbaoBranch)).status).toBe('ACTIVE');
  });

  it('refuses with ORG_NOT_EMPTY while members hold their formal relationship there, or children remain without a successor', async () => {
    const admin = await as('org_admin');
    await insertMember(t.db(), { formalOrgId: ORG_IDS.sanbaoBranch });
    const members = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.sanbaoBranch }, body: { approvalRef: '珠组字〔2026〕12号' }, headers: admin });
    expect(members.status).toBe(409);
    expect(members.json).toMatchObject({ code: 'ORG_NOT_EMPTY' });
    expect((members.json as { detail: string }).detail).toMatch(/转接/);
    const children = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.xinchangCommittee }, body: { approvalRef: '珠组字〔2026〕12号' }, headers: admin });
    expect(children.status).toBe(409);
    expect((children.json as { detail: string }).detail).toMatch(/承接组织/);
    expect((await orgRow(ORG_IDS.sanbaoBranch)).status).toBe('ACTIVE');
    expect((await orgRow(ORG_IDS.xinchangCommittee)).status).toBe('ACTIVE');
  });

  it('with a successor: children move under it, open transfers go to the parent committee, the org is never chosen again', async () => {
    const admin = await as('org_admin');
    const member = await insertMember(t.db(), { formalOrgId: ORG_IDS.sanbaoBranch });
    const [kase] = await t
      .db()
      .insert(transferCases)
      .values({ memberId: member.id, state: 'RECEIVER_REVIEW', category: 'in_district', channel: 'PAPER', fromOrgId: ORG_IDS.sanbaoBranch, toOrgId: ORG_IDS.xinchangCommittee, currentHandlerOrgId: ORG_IDS.xinchangCommittee, reason: '工作调动' })
      .returning();
    await t.db().insert(transferEvents).values({ caseId: kase!.id, seq: 1, action: 'create', toState: 'DRAFT', actorRole: 'member', at: new Date() });

    const res = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.xinchangCommittee }, body: { approvalRef: '珠组字〔2026〕12号', successorOrgId: ORG_IDS.jingchengCommittee }, headers: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: 'DISSOLVED', dissolutionApprovalRef: '珠组字〔2026〕12号', successorOrgId: ORG_IDS.jingchengCommittee, qrToken: null });
    for (const child of [ORG_IDS.xinchangCommunityBranch, ORG_IDS.qingyaoCompanyBranch]) {
      expect(await orgRow(child)).toMatchObject({ parentId: ORG_IDS.jingchengCommittee, path: `/${ORG_IDS.districtCommittee}/${ORG_IDS.jingchengCommittee}/${child}/` });
    }
    // T19: the open case went to the nearest active committee above the dissolved one, with a reroute event.
    expect((await t.db().select().from(transferCases).where(eq(transferCases.id, kase!.id)))[0]!.currentHandlerOrgId).toBe(ORG_IDS.districtCommittee);
    const events = await t.db().select().from(transferEvents).where(eq(transferEvents.caseId, kase!.id)).orderBy(asc(transferEvents.seq));
    expect(events.map((e) => [e.seq, e.action, e.fromState, e.toState])).toEqual([
      [1, 'create', null, 'DRAFT'],
      [2, 'reroute', 'RECEIVER_REVIEW', 'RECEIVER_REVIEW'],
    ]);
    const [audited] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'party_orgs.dissolve'));
    expect(audited?.detail).toMatchObject({ approvalRef: '珠组字〔2026〕12号', rerouted: { moved: 1, toOrgId: ORG_IDS.districtCommittee } });

    // Never a parent, a move target, a successor or a formal organisation again; never dissolved twice.
    const before = await allOrgs();
    const dissolvedId = ORG_IDS.xinchangCommittee;
    const asParent = await callRoute(createPartyOrgRoute, { body: newOrg({ parentId: dissolvedId }), headers: admin });
    expect(asParent.json).toMatchObject({ code: 'ORG_DISSOLVED' });
    const asTarget = await callRoute(updatePartyOrgRoute, { params: { id: ORG_IDS.sanbaoBranch }, body: { parentId: dissolvedId }, headers: admin });
    expect(asTarget.json).toMatchObject({ code: 'ORG_DISSOLVED' });
    const asSuccessor = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.zoneOrgBranch }, body: { approvalRef: '珠组字〔2026〕13号', successorOrgId: dissolvedId }, headers: admin });
    expect(asSuccessor.json).toMatchObject({ code: 'ORG_DISSOLVED' });
    const again = await callRoute(dissolvePartyOrgRoute, { params: { id: dissolvedId }, body: { approvalRef: '珠组字〔2026〕14号' }, headers: admin });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'ORG_DISSOLVED' });
    expect(await allOrgs()).toEqual(before);
  });

  it('a successor inside the dissolved subtree or outside the portal is refused', async () => {
    const admin = await as('org_admin');
    for (const successorOrgId of [ORG_IDS.xinchangCommunityBranch, ORG_IDS.xinchangCommittee, ORG_IDS.externalZhuantang]) {
      const res = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.xinchangCommittee }, body: { approvalRef: '珠组字〔2026〕12号', successorOrgId }, headers: admin });
      expect(res.status, successorOrgId).toBe(400);
    }
    // A committee's children cannot move under a branch either.
    const underBranch = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.xinchangCommittee }, body: { approvalRef: '珠组字〔2026〕12号', successorOrgId: ORG_IDS.sanbaoBranch }, headers: admin });
    expect(underBranch.status).toBe(400);
    expect((await orgRow(ORG_IDS.xinchangCommittee)).status).toBe('ACTIVE');
    expect((await orgRow(ORG_IDS.qingyaoCompanyBranch)).parentId).toBe(ORG_IDS.xinchangCommittee);
  });

  it('a leaf without members is dissolved at once; members transferred out of the portal do not block', async () => {
    const admin = await as('org_admin');
    const gone = await insertMember(t.db(), { formalOrgId: ORG_IDS.sanbaoBranch });
    await t.db().update(partyMembers).set({ transferredOutAt: new Date() }).where(eq(partyMembers.id, gone.id));
    const res = await callRoute(dissolvePartyOrgRoute, { params: { id: ORG_IDS.sanbaoBranch }, body: { approvalRef: '珠组字〔2026〕15号' }, headers: admin });
    expect(res.status, res.text).toBe(200);
    expect(await orgRow(ORG_IDS.sanbaoBranch)).toMatchObject({ status: 'DISSOLVED', qrToken: null });
  });
});

describe('the QR check-in token', () => {
  it('the organisation’s own secretary and the 区委组织部 rotate it; a committee above, another branch and others are refused', async () => {
    const old = (await orgRow(ORG_IDS.jingpiaoBranch)).qrToken;
    const own = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const res = await callRoute(rotatePartyOrgQrRoute, { params: { id: ORG_IDS.jingpiaoBranch }, headers: own });
    expect(res.status, res.text).toBe(200);
    const { qrToken } = res.json as { qrToken: string };
    expect(qrToken).not.toBe(old);
    expect((await orgRow(ORG_IDS.jingpiaoBranch)).qrToken).toBe(qrToken);
    const [audited] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'party_orgs.rotate_qr'));
    expect(JSON.stringify(audited?.detail ?? {})).not.toContain(qrToken);

    const admin = await as('org_admin');
    expect((await callRoute(rotatePartyOrgQrRoute, { params: { id: ORG_IDS.sanbaoBranch }, headers: admin })).status).toBe(200);
    for (const h of [await as('branch_secretary', ORG_IDS.twoNewCommittee), await as('branch_secretary', ORG_IDS.taoxichuanBranch), await as('zone_staff')]) {
      const before = await denials();
      expect((await callRoute(rotatePartyOrgQrRoute, { params: { id: ORG_IDS.jingpiaoBranch }, headers: h })).status).toBe(403);
      expect(await denials()).toBe(before + 1);
    }
    expect((await orgRow(ORG_IDS.jingpiaoBranch)).qrToken).toBe(qrToken);
    expect((await callRoute(rotatePartyOrgQrRoute, { params: { id: ORG_IDS.externalZhuantang }, headers: admin })).status).toBe(409);
  });

  it('is in the DTO only for those who may rotate it', async () => {
    const committee = await as('branch_secretary', ORG_IDS.twoNewCommittee);
    const list = (await callRoute(listPartyOrgsRoute, { headers: committee })).json as { items: { id: string; qrToken?: string | null }[] };
    expect(list.items).toHaveLength(4);
    for (const o of list.items) expect('qrToken' in o, o.id).toBe(o.id === ORG_IDS.twoNewCommittee);
    const admin = (await callRoute(listPartyOrgsRoute, { headers: await as('org_admin') })).json as { items: { qrToken?: string | null }[] };
    expect(admin.items).toHaveLength(PARTY_ORGS.length);
    expect(admin.items.every((o) => 'qrToken' in o)).toBe(true);
  });
});
