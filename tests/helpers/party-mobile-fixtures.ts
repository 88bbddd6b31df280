/**
 * Permission-matrix fixtures for 流动党员 (spread into lib/party/matrix.fixtures.ts). Records belong to members whose
 * formal organisation is 杭州转塘 (outside the portal), so the 区委组织部 stands as their 流出地. Own variant: the
 * record was reported to / accepted into the caller's branch (景漂 for the matrix secretary); other variant: 陶溪川.
 * `expect` states who succeeds where the state machine narrows the coarse permission (redirect and accept are the
 * 流入地's alone; restore and confirm-outflow the 流出地's); everyone else is refused (FORBIDDEN by scope, WRONG_ORG by
 * the machine), changes nothing and leaves exactly one authz.denied row. A talent acts on their own linked record.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consents, partyLostContactCases, partyMembers, partyMobileEvents, partyMobileRecords, partyOrgs } from '@/db/schema';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { scoped, own, type Fixture, type MatrixCtx, type SnapshotPart } from './matrix-fixtures';
import { insertMember } from './party-members';

type State = 'AWAITING_REPORT' | 'REPORT_SUBMITTED' | 'INFLOW_ACTIVE' | 'LOST_CONTACT';
const OPEN = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'LOST_CONTACT'] as const;
const DAY = 86_400_000;
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const inflowFor = (ctx: MatrixCtx) => (ctx.variant === 'own' ? (ctx.actor?.role === 'branch_secretary' ? (ctx.actor.orgId ?? ORG_IDS.jingpiaoBranch) : ORG_IDS.jingpiaoBranch) : ORG_IDS.taoxichuanBranch);

/** The talent caller's linked member from Hangzhou (with the Party consent), open records closed; others: a fresh unlinked one. */
async function memberFor(ctx: MatrixCtx, opts: { lastOrgLifeDate?: string } = {}) {
  const user = ctx.actor?.role === 'talent' ? ctx.actor : null;
  if (user) {
    await ctx.db.insert(consents).values({ userId: user.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() }).onConflictDoNothing();
    const [m] = await ctx.db.select().from(partyMembers).where(eq(partyMembers.userId, user.id));
    if (m) {
      await ctx.db
        .update(partyMobileRecords)
        .set({ state: 'ENDED_MOVED_ON', endAt: now() })
        .where(and(eq(partyMobileRecords.memberId, m.id), inArray(partyMobileRecords.state, [...OPEN])));
      return m;
    }
  }
  return insertMember(ctx.db, { formalOrgId: ORG_IDS.externalZhuantang, userId: user?.id ?? null, name: '矩阵流动党员', lastOrgLifeDate: opts.lastOrgLifeDate ?? null });
}

/** A record at `state`, reported to (and, when accepted, placed in) the variant's branch. */
async function recordAt(ctx: MatrixCtx, state: State, o: { walkIn?: boolean; old?: boolean; inflow?: string } = {}) {
  const t = now();
  const old = o.old ? new Date(t.getTime() - 220 * DAY) : t;
  const m = await memberFor(ctx, { lastOrgLifeDate: o.old ? ymd(old) : undefined });
  const inflow = o.inflow ?? inflowFor(ctx);
  const reported = state !== 'AWAITING_REPORT';
  const accepted = state === 'INFLOW_ACTIVE' || state === 'LOST_CONTACT';
  const [r] = await ctx.db
    .insert(partyMobileRecords)
    .values({
      memberId: m.id,
      state,
      outflowOrgId: ORG_IDS.externalZhuantang,
      outflowDate: ymd(new Date(old.getTime() - 20 * DAY)),
      outflowReason: 'creative',
      outflowConfirmedAt: o.walkIn ? null : t,
      walkIn: !!o.walkIn,
      arrivalDate: ymd(new Date(old.getTime() - 10 * DAY)),
      reportDueAt: new Date(old.getTime() + 20 * DAY),
      cardNo: 'ZJ-MATRIX-01',
      hasActivityCard: true,
      inflowOrgId: reported ? inflow : null,
      reportMethod: reported ? 'online' : null,
      reportSubmittedAt: reported ? old : null,
      inflowBranchId: accepted ? inflow : null,
      acceptedAt: accepted ? old : null,
      lostFromState: state === 'LOST_CONTACT' ? 'INFLOW_ACTIVE' : null,
      createdAt: old,
      updatedAt: old,
    })
    .returning();
  if (accepted) await ctx.db.insert(partyMobileEvents).values({ recordId: r!.id, seq: 1, action: 'accept', fromState: 'REPORT_SUBMITTED', toState: 'INFLOW_ACTIVE', actorRole: 'inflow', at: old });
  if (state === 'LOST_CONTACT') await ctx.db.insert(partyLostContactCases).values({ recordId: r!.id, memberId: m.id, homeOrgId: ORG_IDS.externalZhuantang, lastContactBasisDate: ymd(old), searchActionsEnc: 'x' });
  return { id: r!.id, memberId: m.id, resource: { orgPath: orgPath(inflow) } };
}

/** Who succeeds: the 流入地 secretary on a record of their branch (own), the 组织部 (as 流出地) on any. */
const allow =
  (ctx: MatrixCtx, who: readonly ('secretary' | 'orgAdmin')[]) =>
  (actor: Actor | null): boolean =>
    (actor?.role === 'branch_secretary' && who.includes('secretary') && ctx.variant === 'own') || (actor?.role === 'org_admin' && who.includes('orgAdmin'));

const step = (state: State, who: readonly ('secretary' | 'orgAdmin')[], body: (c: { id: string }) => Record<string, unknown>, o: { walkIn?: boolean; old?: boolean } = {}): Fixture =>
  scoped(async (ctx) => {
    const c = await recordAt(ctx, state, o);
    return { params: { id: c.id }, body: body(c), expect: allow(ctx, who) };
  });

/** M1 by the 流出地: a fresh member of the variant's branch leaving for elsewhere. */
async function registerBody(ctx: MatrixCtx) {
  const org = inflowFor(ctx);
  const m = await insertMember(ctx.db, { formalOrgId: org });
  const day = ymd(now());
  return { body: { memberId: m.id, outflowOrgId: org, outflowDate: day, reason: 'work', destinationProvince: '浙江省', destinationCity: '杭州市', arrivalDate: day }, resource: { orgPath: orgPath(org) } };
}

async function qrTokenOf(db: Db, orgId: string): Promise<string> {
  const [o] = await db.select({ q: partyOrgs.qrToken }).from(partyOrgs).where(eq(partyOrgs.id, orgId));
  if (o?.q) return o.q;
  const token = randomToken(24);
  await db.update(partyOrgs).set({ qrToken: token }).where(and(eq(partyOrgs.id, orgId), isNull(partyOrgs.qrToken)));
  return token;
}

export const mobileRouteFixtures: Record<string, Fixture> = {
  createMobileRecord: scoped(async (ctx) => registerBody(ctx)),
  listMobileRecords: async () => ({ query: { tab: 'submitted' } }),
  getMobileRecord: scoped(async (ctx) => {
    const c = await recordAt(ctx, 'REPORT_SUBMITTED');
    return { params: { id: c.id }, resource: c.resource };
  }),
  reportMobileRecord: async (ctx) => {
    const c = await recordAt(ctx, 'AWAITING_REPORT', { inflow: ORG_IDS.jingpiaoBranch });
    return { params: { id: c.id }, body: { orgId: ORG_IDS.jingpiaoBranch }, resource: own(ctx) };
  },
  redirectMobileRecord: step('REPORT_SUBMITTED', ['secretary'], () => ({ reason: '应到景漂陶瓷流动党员党支部报到', suggestedOrgId: ORG_IDS.sanbaoBranch })),
  acceptMobileRecord: scoped(async (ctx) => {
    const c = await recordAt(ctx, 'REPORT_SUBMITTED');
    return { params: { id: c.id }, body: { branchId: inflowFor(ctx) }, expect: allow(ctx, ['secretary']) };
  }),
  lostContactMobileRecord: step('INFLOW_ACTIVE', ['secretary', 'orgAdmin'], () => ({ basisDate: ymd(new Date(now().getTime() - 200 * DAY)), searchActions: [{ date: ymd(now()), method: '电话', result: '无人接听' }] }), { old: true }),
  restoreMobileRecord: step('LOST_CONTACT', ['orgAdmin'], () => ({ note: '已联系上' }), { old: true }),
  endMobileRecord: step('INFLOW_ACTIVE', ['secretary', 'orgAdmin'], () => ({ reason: 'moved_on', note: '离开珠山区' })),
  cardReviewMobileRecord: step('INFLOW_ACTIVE', ['secretary', 'orgAdmin'], () => ({})),
  confirmOutflowMobileRecord: step('REPORT_SUBMITTED', ['orgAdmin'], () => ({ nationalFlowRef: 'LC-MATRIX-1' }), { walkIn: true }),
  getMyMobileRecord: async (ctx) => ({ resource: own(ctx) }),
  reportMyMobileRecord: async (ctx) => {
    await memberFor(ctx);
    return { body: { orgId: ORG_IDS.jingpiaoBranch }, resource: own(ctx) };
  },
  endMyMobileRecord: async (ctx) => {
    await recordAt(ctx, 'INFLOW_ACTIVE', { inflow: ORG_IDS.jingpiaoBranch });
    return { body: { reason: 'returned' }, resource: own(ctx) };
  },
  getMobileCheckInTarget: async (ctx) => ({ params: { token: await qrTokenOf(ctx.db, ORG_IDS.jingpiaoBranch) }, resource: own(ctx) }),
};

export const mobileActionFixtures: Record<string, Fixture> = {
  'partyMobile.register': scoped(async (ctx) => {
    const r = await registerBody(ctx);
    return { input: r.body, resource: r.resource };
  }),
  'partyMobile.step': scoped(async (ctx) => {
    const c = await recordAt(ctx, 'INFLOW_ACTIVE');
    return { input: { id: c.id, action: 'card-review' }, expect: allow(ctx, ['secretary', 'orgAdmin']) };
  }),
  'partyMobile.reportMine': async (ctx) => {
    await memberFor(ctx);
    return { input: { orgId: ORG_IDS.jingpiaoBranch }, resource: own(ctx) };
  },
  'partyMobile.endMine': async (ctx) => {
    await recordAt(ctx, 'INFLOW_ACTIVE', { inflow: ORG_IDS.jingpiaoBranch });
    return { input: { reason: 'returned' }, resource: own(ctx) };
  },
};

export const mobileSnapshotParts: Record<string, SnapshotPart> = {
  partyMobileRows: (db) =>
    db
      .select({ id: partyMobileRecords.id, s: partyMobileRecords.state, i: partyMobileRecords.inflowOrgId, b: partyMobileRecords.inflowBranchId, f: partyMobileRecords.lapseFlags, u: partyMobileRecords.updatedAt })
      .from(partyMobileRecords)
      .orderBy(asc(partyMobileRecords.id)),
  partyMobileEventRows: (db) => db.select({ id: partyMobileEvents.id }).from(partyMobileEvents).orderBy(asc(partyMobileEvents.id)),
  partyLostContactRows: (db) => db.select({ id: partyLostContactCases.id, r: partyLostContactCases.restoredAt }).from(partyLostContactCases).orderBy(asc(partyLostContactCases.id)),
};
