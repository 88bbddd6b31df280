/**
 * Permission-matrix fixtures for 组织生活 and 定期汇报 (spread into lib/party/matrix.fixtures.ts). Own variant: an
 * activity (or a report addressed to) the caller's branch (景漂 for the matrix secretary); other variant: 陶溪川, whose
 * activities and inbox the 景漂 secretary may neither read nor manage (the 区委组织部 may). A talent checks in to, and
 * reports from, their own linked record (created here with the Party consent).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consents, partyActivities, partyAttendance, partyMembers, partyReports } from '@/db/schema';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import { jdzToday, now } from '@/lib/clock';
import { encryptField } from '@/lib/crypto/fields';
import { orgFor, own, scoped, type Fixture, type MatrixCtx, type SnapshotPart } from './matrix-fixtures';
import { insertMember } from './party-members';

const today = () => {
  const t = jdzToday();
  return `${t.y}-${String(t.m).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;
};
const quarter = () => {
  const t = jdzToday();
  return `${t.y}-Q${Math.floor((t.m - 1) / 3) + 1}`;
};

async function activityAt(db: Db, orgId: string): Promise<string> {
  const [a] = await db.insert(partyActivities).values({ orgId, type: 'theme_day', date: today(), topic: '主题党日：矩阵测试', votingItems: false }).returning({ id: partyActivities.id });
  return a!.id;
}

/** The talent caller's linked member at 景漂 (with the Party consent); other callers get an unlinked one. */
async function linkedMember(ctx: MatrixCtx): Promise<string> {
  const user = ctx.actor?.role === 'talent' ? ctx.actor : null;
  if (user) {
    await ctx.db.insert(consents).values({ userId: user.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() }).onConflictDoNothing();
    const [m] = await ctx.db.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, user.id));
    if (m) return m.id;
  }
  return (await insertMember(ctx.db, { formalOrgId: ORG_IDS.jingpiaoBranch, userId: user?.id ?? null })).id;
}

/** An activity of the caller's branch (own) or 陶溪川 (other), with a member of it. */
async function activityCase(ctx: MatrixCtx) {
  const org = orgFor(ctx);
  const id = await activityAt(ctx.db, org);
  const m = await insertMember(ctx.db, { formalOrgId: org });
  return { id, memberId: m.id, resource: { orgPath: orgPath(org) } };
}

async function pendingCase(ctx: MatrixCtx) {
  const c = await activityCase(ctx);
  await ctx.db.insert(partyAttendance).values({ activityId: c.id, memberId: c.memberId, relation: 'FORMAL', countsForQuorum: true, mayVote: true, method: 'qr', checkedInAt: now() });
  return c;
}

async function reportCase(ctx: MatrixCtx) {
  const org = orgFor(ctx);
  const m = await insertMember(ctx.db, { formalOrgId: org });
  const [r] = await ctx.db.insert(partyReports).values({ memberId: m.id, type: 'thought', period: quarter(), toOrgId: org, contentEnc: encryptField('矩阵测试思想汇报内容，至少二十个字，用于权限矩阵。'), submittedAt: now() }).returning({ id: partyReports.id });
  return { id: r!.id, resource: { orgPath: orgPath(org) } };
}

const createBody = (ctx: MatrixCtx) => ({ orgId: orgFor(ctx), type: 'theme_day', date: today(), topic: '主题党日：陶艺街志愿服务', votingItems: false });
const reportBody = (memberId: string) => ({ memberId, type: 'thought', period: quarter(), content: '本季度参加主题党日和陶艺街志愿服务，认真学习党的创新理论。' });

export const activityRouteFixtures: Record<string, Fixture> = {
  createPartyActivity: scoped(async (ctx) => ({ body: createBody(ctx), resource: { orgPath: orgPath(orgFor(ctx)) } })),
  listPartyActivities: scoped(async (ctx) => ({ query: { orgId: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  getPartyActivity: scoped(async (ctx) => {
    const c = await activityCase(ctx);
    return { params: { id: c.id }, resource: c.resource };
  }),
  recordPartyAttendance: scoped(async (ctx) => {
    const c = await activityCase(ctx);
    return { params: { id: c.id }, body: { memberId: c.memberId, method: 'on_site' }, resource: c.resource };
  }),
  confirmPartyAttendance: scoped(async (ctx) => {
    const c = await pendingCase(ctx);
    return { params: { id: c.id, memberId: c.memberId }, resource: c.resource };
  }),
  checkInPartyActivity: async (ctx) => {
    await linkedMember(ctx);
    return { params: { id: await activityAt(ctx.db, ORG_IDS.jingpiaoBranch) }, body: {}, resource: own(ctx) };
  },
  getMyPartyActivity: async (ctx) => {
    await linkedMember(ctx);
    return { params: { id: await activityAt(ctx.db, ORG_IDS.jingpiaoBranch) }, resource: own(ctx) };
  },
  getMyPartyAttendance: async (ctx) => ({ resource: own(ctx) }),
  submitPartyReport: async (ctx) => ({ body: reportBody(await linkedMember(ctx)), resource: own(ctx) }),
  getPartyReportInbox: scoped(async (ctx) => ({ query: { orgId: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  reviewPartyReport: scoped(async (ctx) => {
    const c = await reportCase(ctx);
    return { params: { id: c.id }, body: { note: '已阅，汇报认真。' }, resource: c.resource };
  }),
  getMyPartyReports: async (ctx) => ({ resource: own(ctx) }),
};

export const activityActionFixtures: Record<string, Fixture> = {
  'partyActivities.create': scoped(async (ctx) => ({ input: createBody(ctx), resource: { orgPath: orgPath(orgFor(ctx)) } })),
  'partyActivities.recordAttendance': scoped(async (ctx) => {
    const c = await activityCase(ctx);
    return { input: { activityId: c.id, memberId: c.memberId, method: 'on_site' }, resource: c.resource };
  }),
  'partyActivities.confirm': scoped(async (ctx) => {
    const c = await pendingCase(ctx);
    return { input: { activityId: c.id, memberId: c.memberId }, resource: c.resource };
  }),
  'partyActivities.checkIn': async (ctx) => {
    await linkedMember(ctx);
    return { input: { activityId: await activityAt(ctx.db, ORG_IDS.jingpiaoBranch) }, resource: own(ctx) };
  },
  'partyReports.submit': async (ctx) => ({ input: reportBody(await linkedMember(ctx)), resource: own(ctx) }),
  'partyReports.review': scoped(async (ctx) => {
    const c = await reportCase(ctx);
    return { input: { id: c.id, note: '已阅，汇报认真。' }, resource: c.resource };
  }),
};

export const activitySnapshotParts: Record<string, SnapshotPart> = {
  partyActivityRows: (db) => db.select({ id: partyActivities.id, o: partyActivities.orgId }).from(partyActivities).orderBy(asc(partyActivities.id)),
  partyAttendanceRows: (db) => db.select({ id: partyAttendance.id, c: partyAttendance.confirmedAt, v: partyAttendance.mayVote }).from(partyAttendance).orderBy(asc(partyAttendance.id)),
  partyReportRows: (db) => db.select({ id: partyReports.id, r: partyReports.reviewedAt }).from(partyReports).orderBy(asc(partyReports.id)),
};
