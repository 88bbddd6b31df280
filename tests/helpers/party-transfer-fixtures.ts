/**
 * Permission-matrix fixtures for 组织关系转接 (spread into lib/party/matrix.fixtures.ts). The matrix world's accounts:
 * a talent, a branch secretary of 景漂陶瓷流动党员党支部 (jingpiao), 区委组织部 (org_admin), and refused roles.
 *
 * Each step fixture writes a case at the step's from-state. Own variant: the case comes from jingpiao (the
 * secretary's branch) and, for a talent, belongs to the caller; other variant: it comes from 陶溪川 and belongs to
 * the stranger. Steps of the receiving or issuing side are held by the district committee, for which 区委组织部 acts,
 * so that every step has an allowed caller in the matrix. `expect` states who succeeds; everyone else must be
 * refused (FORBIDDEN by scope, or NOT_ALLOWED / WRONG_ORG by the state machine), change nothing and leave exactly one
 * authz.denied audit row.
 */
import crypto from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { partyMembers, transferCases, transferEvents } from '@/db/schema';
import { OPEN_TRANSFER_STATES } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { localMonth, type TransferState } from '@/lib/party/transfer-machine';
import { scoped, type Fixture, type MatrixCtx, type SnapshotPart } from './matrix-fixtures';
import { insertMember, randomIdNumber } from './party-members';

type Who = 'talent' | 'secretary' | 'orgAdmin';

/** Who succeeds: talents and secretaries only on their own case (own variant), 区委组织部 on any. */
function allow(ctx: MatrixCtx, who: readonly Who[]): (actor: Actor | null) => boolean {
  const own = ctx.variant === 'own';
  return (actor) =>
    (actor?.role === 'talent' && who.includes('talent') && own) || (actor?.role === 'branch_secretary' && who.includes('secretary') && own) || (actor?.role === 'org_admin' && who.includes('orgAdmin'));
}
/** The same, for fixtures that do not depend on the scope. */
const allowRoles =
  (who: readonly Who[]) =>
  (actor: Actor | null): boolean =>
    (actor?.role === 'talent' && who.includes('talent')) || (actor?.role === 'branch_secretary' && who.includes('secretary')) || (actor?.role === 'org_admin' && who.includes('orgAdmin'));

/** The member of the case: the calling talent (own) or the stranger (other); for others a member of no account. */
async function memberFor(ctx: MatrixCtx, formalOrgId: string) {
  const userId = ctx.actor?.role === 'talent' ? (ctx.variant === 'own' ? ctx.actor.id : ctx.stranger.id) : null;
  if (userId) {
    const [m] = await ctx.db.select().from(partyMembers).where(eq(partyMembers.userId, userId));
    if (m) {
      // Re-run in the same world: close what an earlier run left open (one open case per member).
      await ctx.db
        .update(transferCases)
        .set({ state: 'WITHDRAWN' })
        .where(and(eq(transferCases.memberId, m.id), inArray(transferCases.state, [...OPEN_TRANSFER_STATES])));
      return m;
    }
  }
  return insertMember(ctx.db, { formalOrgId, userId, name: '矩阵党员', lastDuesMonth: localMonth(now()) });
}

const ISSUED_LIKE: readonly TransferState[] = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'EXPIRED'];
const OPENED: readonly TransferState[] = ['RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED'];

/**
 * A case at `state`. `held: 'district'` puts it with the district committee (区委组织部 acts for it) addressed to
 * the 人才办机关党支部 below it; otherwise it is held by the sending branch's side.
 */
async function caseFor(ctx: MatrixCtx, state: TransferState, o: { held?: 'district' | 'from' | 'issuer' | null } = {}) {
  const from = ctx.variant === 'own' ? ORG_IDS.jingpiaoBranch : ORG_IDS.taoxichuanBranch;
  const m = await memberFor(ctx, from);
  const handler = o.held === 'district' ? ORG_IDS.districtCommittee : o.held === 'from' ? from : o.held === 'issuer' ? ORG_IDS.twoNewCommittee : null;
  const issued = ISSUED_LIKE.includes(state);
  const t = now();
  const [c] = await ctx.db
    .insert(transferCases)
    .values({
      memberId: m.id,
      state,
      category: 'in_district',
      channel: 'PAPER',
      fromOrgId: from,
      toOrgId: o.held === 'district' ? ORG_IDS.zoneOrgBranch : ORG_IDS.xinchangCommunityBranch,
      currentHandlerOrgId: handler,
      reason: '矩阵测试：工作调动',
      issuingHops: issued ? [ORG_IDS.twoNewCommittee] : [],
      ...(issued
        ? {
            letterNo: `矩〔2026〕${crypto.randomBytes(5).toString('hex')}号`,
            verifyCode: randomToken(24),
            issuedAt: new Date(t.getTime() - 86_400_000),
            validityDays: 30,
            expiresAt: state === 'EXPIRED' ? new Date(t.getTime() - 3_600_000) : new Date(t.getTime() + 20 * 86_400_000),
          }
        : {}),
      openedAt: OPENED.includes(state) ? t : null,
      ...(state === 'COMPLETED' ? { toBranchId: ORG_IDS.zoneOrgBranch, completedAt: t } : {}),
      createdAt: t,
      updatedAt: t,
    })
    .returning();
  return c!;
}

const step = (state: TransferState, held: 'district' | 'from' | 'issuer' | null, who: readonly Who[], body: Record<string, unknown> = {}): Fixture =>
  scoped(async (ctx) => {
    const c = await caseFor(ctx, state, { held });
    return { params: { id: c.id }, body, expect: allow(ctx, who) };
  });

const createBody = async (ctx: MatrixCtx) => {
  const m = await memberFor(ctx, ctx.variant === 'own' ? ORG_IDS.jingpiaoBranch : ORG_IDS.taoxichuanBranch);
  return { memberId: m.id, toOrgId: ORG_IDS.xinchangCommunityBranch, category: 'in_district', channel: 'PAPER', reason: '到新厂街道陶瓷企业工作' };
};
const incomingBody = () => ({
  member: { name: '矩阵转入', idCardNo: randomIdNumber(), membershipType: 'formal', joinDate: '2016-07-01', lastDuesMonth: localMonth(now()), duesBaseType: 'self_employed' },
  fromOrgText: '中共杭州市西湖区转塘街道工作委员会',
  letterNo: `浙组转〔2026〕${crypto.randomBytes(4).toString('hex')}号`,
  issuedAt: new Date(now().getTime() - 86_400_000).toISOString(),
  validityDays: 60,
  toOrgId: ORG_IDS.zoneOrgBranch,
  channel: 'PAPER',
});

export const transferRouteFixtures: Record<string, Fixture> = {
  createTransfer: scoped(async (ctx) => ({ body: await createBody(ctx), expect: allow(ctx, ['talent', 'secretary']) })),
  listTransfers: async () => ({ query: { queue: 'mine' }, expect: allowRoles(['talent', 'secretary', 'orgAdmin']) }),
  getTransfer: scoped(async (ctx) => {
    const c = await caseFor(ctx, 'BRANCH_REVIEW', { held: 'from' });
    return { params: { id: c.id }, expect: allow(ctx, ['talent', 'secretary', 'orgAdmin']) };
  }),
  registerIncomingTransfer: async () => ({ body: incomingBody(), expect: allowRoles(['orgAdmin']) }),
  submitTransfer: step('DRAFT', null, ['talent', 'secretary']),
  approveTransfer: step('BRANCH_REVIEW', 'from', ['secretary']),
  returnTransfer: step('BRANCH_REVIEW', 'from', ['secretary'], { comment: '去向填写不完整' }),
  withdrawTransfer: step('DRAFT', null, ['talent', 'secretary']),
  escalateTransfer: step('ISSUER_REVIEW', 'district', ['orgAdmin']),
  issueTransfer: step('ORGDEPT_REVIEW', 'district', ['orgAdmin'], { validityDays: 30 }),
  openTransfer: step('ISSUED', 'district', ['orgAdmin']),
  holdTransfer: step('RECEIVER_REVIEW', 'district', ['orgAdmin'], { comment: '去函核实档案' }),
  resumeTransfer: step('ON_HOLD', 'district', ['orgAdmin']),
  acceptTransfer: step('RECEIVER_REVIEW', 'district', ['orgAdmin']),
  completeTransfer: step('ACCEPTED', 'district', ['orgAdmin'], { branchId: ORG_IDS.zoneOrgBranch }),
  receiptTransfer: step('COMPLETED', 'district', ['orgAdmin']),
  voidTransfer: step('ISSUED', 'district', ['orgAdmin'], { reason: '介绍信遗失' }),
  reissueTransfer: step('EXPIRED', null, ['secretary', 'orgAdmin']),
  verifyLetter: async (ctx) => {
    const t = now();
    const m = await insertMember(ctx.db, { formalOrgId: ORG_IDS.jingpiaoBranch, name: '矩阵党员' });
    const code = randomToken(24);
    await ctx.db.insert(transferCases).values({
      memberId: m.id,
      state: 'ISSUED',
      category: 'in_district',
      channel: 'PAPER',
      fromOrgId: ORG_IDS.jingpiaoBranch,
      toOrgId: ORG_IDS.xinchangCommunityBranch,
      currentHandlerOrgId: ORG_IDS.xinchangCommittee,
      issuingHops: [ORG_IDS.twoNewCommittee],
      reason: '矩阵测试',
      letterNo: `矩〔2026〕${crypto.randomBytes(5).toString('hex')}号`,
      verifyCode: code,
      issuedAt: t,
      validityDays: 30,
      expiresAt: new Date(t.getTime() + 30 * 86_400_000),
    });
    return { params: { code } };
  },
};

export const transferActionFixtures: Record<string, Fixture> = {
  'partyTransfers.create': scoped(async (ctx) => ({ input: await createBody(ctx), expect: allow(ctx, ['talent', 'secretary']) })),
  'partyTransfers.step': scoped(async (ctx) => {
    const c = await caseFor(ctx, 'BRANCH_REVIEW', { held: 'from' });
    return { input: { id: c.id, action: 'approve' }, expect: allow(ctx, ['secretary']) };
  }),
  'partyTransfers.registerIncoming': async () => ({ input: incomingBody(), expect: allowRoles(['orgAdmin']) }),
};

export const transferSnapshotParts: Record<string, SnapshotPart> = {
  transferCaseRows: (db) =>
    db
      .select({ id: transferCases.id, s: transferCases.state, h: transferCases.currentHandlerOrgId, l: transferCases.letterNo, u: transferCases.updatedAt })
      .from(transferCases)
      .orderBy(asc(transferCases.id)),
  transferEventCount: (db) => db.select({ n: count() }).from(transferEvents),
};
