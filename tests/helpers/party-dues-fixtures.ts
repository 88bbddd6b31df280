/**
 * Permission-matrix fixtures for 党费 (spread into lib/party/matrix.fixtures.ts). Own variant: a member of the
 * caller's branch (景漂 for the matrix secretary), paid at that branch; other variant: a member of 陶溪川, whom the
 * 景漂 secretary may neither read nor record for (区委组织部 may). The quote is public; my dues are the talent's own.
 */
import { asc } from 'drizzle-orm';
import { partyDuesPayments } from '@/db/schema';
import { orgPath } from '@/db/seed-data';
import { jdzToday } from '@/lib/clock';
import { orgFor, own, scoped, type Fixture, type MatrixCtx, type SnapshotPart } from './matrix-fixtures';
import { insertMember } from './party-members';

const thisMonth = () => {
  const t = jdzToday();
  return `${t.y}-${String(t.m).padStart(2, '0')}`;
};

/** A member of the caller's branch (own) or of 陶溪川 (other), base 3000.00 → 15.00 a month. */
async function memberFor(ctx: MatrixCtx) {
  const org = orgFor(ctx);
  const m = await insertMember(ctx.db, { formalOrgId: org });
  return { id: m.id, org, resource: { orgPath: orgPath(org) } };
}

const paymentCase = async (ctx: MatrixCtx) => {
  const m = await memberFor(ctx);
  return { body: { memberId: m.id, month: thisMonth(), amount: '15.00', collectingOrgId: m.org, channel: 'cash' }, resource: m.resource };
};

export const duesRouteFixtures: Record<string, Fixture> = {
  quotePartyDues: async () => ({ query: { baseType: 'wage', baseAmount: '8000' } }),
  recordDuesPayment: scoped(paymentCase),
  getDuesCollection: scoped(async (ctx) => ({ query: { orgId: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  getMemberDues: scoped(async (ctx) => {
    const m = await memberFor(ctx);
    return { params: { id: m.id }, resource: m.resource };
  }),
  getMyDues: async (ctx) => ({ resource: own(ctx) }),
};

export const duesActionFixtures: Record<string, Fixture> = {
  'partyDues.recordPayment': scoped(async (ctx) => {
    const c = await paymentCase(ctx);
    return { input: c.body, resource: c.resource };
  }),
};

export const duesSnapshotParts: Record<string, SnapshotPart> = {
  partyDuesRows: (db) => db.select({ id: partyDuesPayments.id, m: partyDuesPayments.memberId, month: partyDuesPayments.month }).from(partyDuesPayments).orderBy(asc(partyDuesPayments.id)),
};
