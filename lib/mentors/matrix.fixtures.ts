/** Permission-matrix fixtures: mentors and 师带徒 (harness: tests/helpers/matrix.ts). */
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mentors, mentorships } from '@/db/schema';
import { makeTalent } from '@/tests/helpers/factories';
import { own, scoped, type Fixture, type MatrixCtx } from '@/tests/helpers/matrix-fixtures';

const mentorBody = { displayName: '青花导师', district: '珠山区', crafts: ['qinghua_fill'], acceptsApprentices: true, maxApprentices: 3, credentials: [{ kind: 'honour', label: '市级工艺美术大师' }], works: [{ title: '青花山水瓶', year: 2025 }] };
const myMentorBody = { displayName: '我的导师主页', district: '珠山区', studioLocation: '陶溪川', acceptsApprentices: true, maxApprentices: 2 };

async function unlinkedMentor(db: Db, accepting = true): Promise<string> {
  const [m] = await db.insert(mentors).values({ displayName: '录入导师', district: '珠山区', crafts: ['famille_rose'], acceptsApprentices: accepting, maxApprentices: accepting ? 5 : 0 }).returning({ id: mentors.id });
  return m!.id;
}

/**
 * A mentorship for actOnMentorship. own: a talent caller is the apprentice (withdraws their request); any other caller
 * faces a request to an unlinked mentor, which zone staff answer for the master (decline). other: a request by the
 * stranger to a mentor linked to another talent: neither a talent caller nor staff is a party.
 */
async function mentorshipCase(ctx: MatrixCtx) {
  const talentCaller = ctx.actor?.role === 'talent';
  if (ctx.variant === 'own') {
    const mentorId = await unlinkedMentor(ctx.db);
    const apprentice = talentCaller ? ctx.actor! : ctx.stranger;
    const [ms] = await ctx.db.insert(mentorships).values({ mentorId, talentId: apprentice.id, requestMessage: '想学习粉彩' }).returning({ id: mentorships.id });
    return { id: ms!.id, action: talentCaller ? ('withdraw' as const) : ('decline' as const), allowed: talentCaller || ctx.actor?.role === 'zone_staff' };
  }
  const mentorTalent = await makeTalent(ctx.db);
  const [m] = await ctx.db.insert(mentors).values({ displayName: '另一位导师', district: '珠山区', talentId: mentorTalent.id, acceptsApprentices: true, maxApprentices: 2 }).returning({ id: mentors.id });
  const [ms] = await ctx.db.insert(mentorships).values({ mentorId: m!.id, talentId: ctx.stranger.id, requestMessage: '想学习青花' }).returning({ id: mentorships.id });
  return { id: ms!.id, action: 'withdraw' as const, allowed: false };
}

export const routeFixtures: Record<string, Fixture> = {
  listMentors: async () => ({ query: { accepting: '1' } }),
  getMentor: async (ctx) => ({ params: { id: await unlinkedMentor(ctx.db) } }),
  createMentor: async () => ({ body: mentorBody }),
  updateMentor: async (ctx) => ({ params: { id: await unlinkedMentor(ctx.db) }, body: { bio: '从事青花分水四十年' } }),
  listMentorMentorships: async (ctx) => ({ params: { id: await unlinkedMentor(ctx.db) } }),
  getMyMentor: async (ctx) => ({ resource: own(ctx) }),
  saveMyMentor: async (ctx) => ({ body: myMentorBody, resource: own(ctx) }),
  requestMentorship: async (ctx) => ({ body: { mentorId: await unlinkedMentor(ctx.db), message: '想学习粉彩技艺' }, resource: own(ctx) }),
  actOnMentorship: scoped(async (ctx) => {
    const c = await mentorshipCase(ctx);
    return { params: { id: c.id, action: c.action }, body: { message: '名额已满，抱歉' }, expect: () => c.allowed };
  }),
  listMyMentorships: async (ctx) => ({ resource: own(ctx) }),
};

export const actionFixtures: Record<string, Fixture> = {
  'mentors.requestMentorship': async (ctx) => ({ input: { mentorId: await unlinkedMentor(ctx.db), message: '想学习粉彩技艺' }, resource: own(ctx) }),
  'mentors.actOnMentorship': scoped(async (ctx) => {
    const c = await mentorshipCase(ctx);
    return { input: { id: c.id, action: c.action, message: '名额已满，抱歉' }, expect: () => c.allowed };
  }),
  'mentors.saveMine': async (ctx) => ({ input: myMentorBody, resource: own(ctx) }),
  'mentors.create': async () => ({ input: mentorBody }),
};

export const snapshotParts = {
  mentors: (db: Db) => db.select({ id: mentors.id, u: mentors.updatedAt, t: mentors.talentId }).from(mentors).orderBy(asc(mentors.id)),
  mentorships: (db: Db) => db.select({ id: mentorships.id, s: mentorships.status }).from(mentorships).orderBy(asc(mentorships.id)),
};
