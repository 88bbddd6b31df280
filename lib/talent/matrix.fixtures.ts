/** Permission-matrix fixtures: registration, profiles, consents, the staff directory and showcases (harness: tests/helpers/matrix.ts). */
import { asc, eq } from 'drizzle-orm';
import { consents, talentProfiles } from '@/db/schema';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import { own, scoped, talentInScope, type Fixture, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';

const registerBody = () => ({ email: `reg-${Math.random().toString(36).slice(2)}@test.local`, password: 'Glaze-Kiln-2026!', legalName: '陈小满', nationality: 'CN', noticeVersion: PRIVACY_NOTICE_VERSION, consentProfile: true, consentSensitive: false });

export const routeFixtures: Record<string, Fixture> = {
  registerTalent: async () => ({ body: registerBody() }),
  getMyProfile: async (ctx) => ({ resource: own(ctx) }),
  putMyProfile: async (ctx) => ({ body: { education: '本科', crafts: ['famille_rose'] }, resource: own(ctx) }),
  patchMyProfile: async (ctx) => ({ body: { education: '硕士', bio: '做粉彩十年' }, resource: own(ctx) }),
  setMyConsent: async (ctx) => ({ params: { kind: 'sensitive' }, body: { granted: true }, resource: own(ctx) }),
  listTalents: async () => ({ query: { craft: 'famille_rose' } }),
  exportTalents: async () => ({ query: { format: 'csv', purpose: '季度人才统计' } }),
  getTalent: scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: talent.id }, resource: { zoneCode: zone } };
  }),
  revealTalent: scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: talent.id }, body: { field: 'phone', reason: '核实联系方式' }, resource: { zoneCode: zone } };
  }),
  assignTalentZone: scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: talent.id }, body: { zone: zone === 'jkq' ? 'zsq' : 'jkq', reason: '就近服务' }, resource: { zoneCode: zone } };
  }),
  listShowcases: async () => ({ query: { craft: 'famille_rose' } }),
  getShowcase: async (ctx) => {
    await ctx.db.update(talentProfiles).set({ showcaseEnabled: true, showcaseSlug: 'chen-xiao' }).where(eq(talentProfiles.userId, ctx.stranger.id));
    return { params: { slug: 'chen-xiao' } };
  },
};

export const actionFixtures: Record<string, Fixture> = {
  'talent.register': async () => ({ input: registerBody() }),
  'talent.saveProfile': async (ctx) => ({ input: { education: '本科', wizard_step: 1 }, resource: own(ctx) }),
  'talent.setConsent': async (ctx) => ({ input: { kind: 'sensitive', granted: false }, resource: own(ctx) }),
  'talent.reveal': scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { input: { id: talent.id, field: 'phone', reason: '核实联系方式' }, resource: { zoneCode: zone } };
  }),
};

export const snapshotParts: Record<string, SnapshotPart> = {
  talentProfiles: (db) => db.select({ id: talentProfiles.userId, u: talentProfiles.updatedAt }).from(talentProfiles).orderBy(asc(talentProfiles.userId)),
  consents: (db) => db.select({ id: consents.id, w: consents.withdrawnAt }).from(consents).orderBy(asc(consents.id)),
};
