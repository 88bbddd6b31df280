/** Permission-matrix fixtures: Party organisations (harness: tests/helpers/matrix.ts). */
import crypto from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partyMembers, partyOrgs } from '@/db/schema';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import { orgFor, own, scoped, type Fixture, type MatrixCtx, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';
import { insertMember, randomIdNumber, randomMobile } from '@/tests/helpers/party-members';
import { transferActionFixtures, transferRouteFixtures, transferSnapshotParts } from '@/tests/helpers/party-transfer-fixtures';
import { duesActionFixtures, duesRouteFixtures, duesSnapshotParts } from '@/tests/helpers/party-dues-fixtures';
import { activityActionFixtures, activityRouteFixtures, activitySnapshotParts } from '@/tests/helpers/party-activities-fixtures';
import { mobileActionFixtures, mobileRouteFixtures, mobileSnapshotParts } from '@/tests/helpers/party-mobile-fixtures';
import { statsRouteFixtures } from '@/tests/helpers/party-stats-fixtures';

// --- organisations and members (issue 9 items 1, 2, 6) ---
const orgCode = () => `ZS-M-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
const newOrgBody = () => ({ code: orgCode(), nameZh: '矩阵测试党支部', nameEn: 'Matrix Branch', orgType: 'branch', parentId: ORG_IDS.twoNewCommittee });
/** A fresh empty branch under 两新组织党委, so that every allowed dissolution has something to dissolve. */
async function emptyBranch(db: Db): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(partyOrgs).values({ id, code: orgCode(), nameZh: '待撤销党支部', nameEn: 'Branch to dissolve', kind: 'branch', orgType: 'branch', parentId: ORG_IDS.twoNewCommittee, path: `${orgPath(ORG_IDS.twoNewCommittee)}${id}/` });
  return id;
}
const memberBody = (formalOrgId: string) => ({ name: '矩阵党员', idCardNo: randomIdNumber(), phone: randomMobile(), membershipType: 'formal', probationEndDate: null, formalOrgId, joinDate: '2020-07-01', duesBaseType: 'salary', duesBaseAmount: '4200.00', lastDuesMonth: '2026-01' });
/** A member whose formal organisation is the caller's (own) or another branch (other). */
async function memberInScope(ctx: MatrixCtx) {
  const org = orgFor(ctx);
  const m = await insertMember(ctx.db, { formalOrgId: org });
  return { id: m.id, resource: { orgPath: orgPath(org) } };
}

const statusDecision = { status: 'STOPPED', decidedBy: '支部党员大会', approvalRef: '珠两新党字〔2026〕12号', decisionDate: '2026-11-20' };

export const routeFixtures: Record<string, Fixture> = {
  listPartyOrgs: async () => ({}),
  getPartyOrg: scoped(async (ctx) => ({ params: { id: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  createPartyOrg: async () => ({ body: newOrgBody() }),
  updatePartyOrg: async () => ({ params: { id: ORG_IDS.sanbaoBranch }, body: { contactPhone: '0798-8223128' } }),
  dissolvePartyOrg: async (ctx) => ({ params: { id: await emptyBranch(ctx.db) }, body: { approvalRef: '珠组字〔2026〕99号' } }),
  rotatePartyOrgQr: scoped(async (ctx) => ({ params: { id: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  listPartyMembers: async () => ({ query: { alert: 'DUES_ARREARS' } }),
  createPartyMember: scoped(async (ctx) => ({ body: memberBody(orgFor(ctx)), resource: { orgPath: orgPath(orgFor(ctx)) } })),
  exportPartyMembers: async () => ({ query: { purpose: '年度党员信息核查', approvalRef: '珠组字〔2026〕7号' } }),
  getPartyMember: scoped(async (ctx) => {
    const m = await memberInScope(ctx);
    return { params: { id: m.id }, resource: m.resource };
  }),
  revealPartyMember: scoped(async (ctx) => {
    const m = await memberInScope(ctx);
    return { params: { id: m.id }, body: { reason: '开具介绍信核对身份' }, resource: m.resource };
  }),
  recordPartyStatusDecision: scoped(async (ctx) => {
    const m = await memberInScope(ctx);
    return { params: { id: m.id }, body: statusDecision, resource: m.resource };
  }),
  getMyParty: async (ctx) => ({ resource: own(ctx) }),
  setMyPartyConsent: async (ctx) => ({ body: { granted: true }, resource: own(ctx) }),
  // 组织关系转接 (issue 9 §3, §7): tests/helpers/party-transfer-fixtures.ts
  ...transferRouteFixtures,
  // 党费 (issue 10 §3): tests/helpers/party-dues-fixtures.ts
  ...duesRouteFixtures,
  // 组织生活 and 定期汇报 (issue 10 §2, §4): tests/helpers/party-activities-fixtures.ts
  ...activityRouteFixtures,
  // 流动党员 (issue 10 §1): tests/helpers/party-mobile-fixtures.ts
  ...mobileRouteFixtures,
  // 流动党员 statistics (issue 10 §6): tests/helpers/party-stats-fixtures.ts
  ...statsRouteFixtures,
};

export const actionFixtures: Record<string, Fixture> = {
  'party.createOrg': async () => ({ input: newOrgBody() }),
  'party.updateOrg': async () => ({ input: { id: ORG_IDS.sanbaoBranch, changes: { contactPerson: '程国平' } } }),
  'party.dissolveOrg': async (ctx) => ({ input: { id: await emptyBranch(ctx.db), approvalRef: '珠组字〔2026〕99号' } }),
  'party.rotateQr': scoped(async (ctx) => ({ input: { id: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  'party.registerMember': scoped(async (ctx) => ({ input: memberBody(orgFor(ctx)), resource: { orgPath: orgPath(orgFor(ctx)) } })),
  'party.revealMember': scoped(async (ctx) => {
    const m = await memberInScope(ctx);
    return { input: { id: m.id, reason: '开具介绍信核对身份' }, resource: m.resource };
  }),
  'party.recordStatusDecision': scoped(async (ctx) => {
    const m = await memberInScope(ctx);
    return { input: { id: m.id, ...statusDecision }, resource: m.resource };
  }),
  'party.setConsent': async (ctx) => ({ input: { granted: true }, resource: own(ctx) }),
  ...transferActionFixtures,
  ...duesActionFixtures,
  ...activityActionFixtures,
  ...mobileActionFixtures,
};

export const snapshotParts: Record<string, SnapshotPart> = {
  partyOrgRows: (db) =>
    db.select({ id: partyOrgs.id, p: partyOrgs.path, s: partyOrgs.status, q: partyOrgs.qrToken, c: partyOrgs.contactPhone, n: partyOrgs.contactPerson }).from(partyOrgs).orderBy(asc(partyOrgs.id)),
  partyMemberRows: (db) => db.select({ id: partyMembers.id, u: partyMembers.userId, o: partyMembers.formalOrgId, s: partyMembers.partyStatus, t: partyMembers.updatedAt }).from(partyMembers).orderBy(asc(partyMembers.id)),
  ...transferSnapshotParts,
  ...duesSnapshotParts,
  ...activitySnapshotParts,
  ...mobileSnapshotParts,
};
