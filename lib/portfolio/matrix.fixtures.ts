/** Permission-matrix fixtures: works, images, credits and evidence with its review (harness: tests/helpers/matrix.ts). */
import { asc, eq } from 'drizzle-orm';
import { evidence, talentProfiles, workCredits, workImages, works } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { processImage, storeProcessedImage } from '@/lib/uploads/images';
import { samplePng } from '@/tests/helpers/factories';
import { evidenceFor, own, ownerFor, scoped, talentInScope, uploadForm, workFor, type Fixture, type MatrixCtx, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';

const workBody = { title: '粉彩花鸟盘', year: 2026, techniques: ['famille_rose'], visibility: 'public', credits: [] };

/** A credit on the stranger's work naming the caller (own) or the stranger (other). */
async function creditFor(ctx: MatrixCtx) {
  const named = ownerFor(ctx);
  const [w] = await ctx.db.insert(works).values({ ownerId: ctx.stranger.id, title: '合作作品' }).returning();
  const [c] = await ctx.db.insert(workCredits).values({ workId: w!.id, step: 'qinghua_outline', talentId: named.id, name: '合作者' }).returning();
  return { id: c!.id, resource: { ownerId: named.id } };
}

export const routeFixtures: Record<string, Fixture> = {
  listMyWorks: async (ctx) => ({ resource: own(ctx) }),
  createWork: async (ctx) => ({ body: workBody, resource: own(ctx) }),
  updateWork: scoped(async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, body: workBody, resource: w.resource };
  }),
  deleteWork: scoped(async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, resource: w.resource };
  }),
  addWorkImage: scoped(async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, form: await uploadForm(), resource: w.resource };
  }),
  // Public: only the own variant runs (an image of the caller's public work, or the stranger's for anonymous).
  getWorkImage: scoped(async (ctx) => {
    const w = await workFor(ctx, { visibility: 'public' });
    const stored = await storeProcessedImage(await processImage(await samplePng()));
    const [img] = await ctx.db.insert(workImages).values({ workId: w.id, storageKey: stored.main.key, thumbKey: stored.thumb.key, width: 64, height: 48, bytes: stored.main.size }).returning();
    return { params: { id: w.id, imageId: img!.id }, query: { size: 'thumb' } };
  }),
  listMyCredits: async (ctx) => ({ resource: own(ctx) }),
  respondCredit: scoped(async (ctx) => {
    const c = await creditFor(ctx);
    return { params: { id: c.id }, body: { accept: true }, resource: c.resource };
  }),
  listMyEvidence: async (ctx) => ({ resource: own(ctx) }),
  submitEvidence: async (ctx) => {
    if (ctx.actor) await ctx.db.update(talentProfiles).set({ titleLevel: '中级', titleDate: '2020-06-01' }).where(eq(talentProfiles.userId, ctx.actor.id));
    return { form: await uploadForm({ subject: 'title' }), resource: own(ctx) };
  },
  evidenceQueue: async () => ({ query: { status: 'pending' } }),
  reviewEvidence: scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: await evidenceFor(ctx.db, talent.id) }, body: { decision: 'verified' }, resource: { zoneCode: zone } };
  }),
  // The owner or zone staff of the owner's zone: own = the caller's own evidence when the caller is a talent, else
  // evidence in the caller's zone; other = evidence of a talent in the other zone.
  evidenceFile: scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : talent;
    const id = await evidenceFor(ctx.db, owner.id);
    return {
      params: { id },
      expect: (actor) => !!actor && ((actor.role === 'talent' && actor.id === owner.id) || can(actor, 'evidence.read', { zoneCode: owner === talent ? zone : 'jkq' })),
    };
  }),
};

export const actionFixtures: Record<string, Fixture> = {
  'portfolio.createWork': async (ctx) => ({ input: workBody, resource: own(ctx) }),
  'portfolio.updateWork': scoped(async (ctx) => {
    const w = await workFor(ctx);
    return { input: { id: w.id, work: workBody }, resource: w.resource };
  }),
  'portfolio.deleteWork': scoped(async (ctx) => {
    const w = await workFor(ctx);
    return { input: { id: w.id }, resource: w.resource };
  }),
  'portfolio.respondCredit': scoped(async (ctx) => {
    const c = await creditFor(ctx);
    return { input: { id: c.id, accept: false }, resource: c.resource };
  }),
  'verification.review': scoped(async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { input: { id: await evidenceFor(ctx.db, talent.id), review: { decision: 'rejected', reason: '证书照片不清晰' } }, resource: { zoneCode: zone } };
  }),
};

export const snapshotParts: Record<string, SnapshotPart> = {
  works: (db) => db.select({ id: works.id, u: works.updatedAt }).from(works).orderBy(asc(works.id)),
  workImages: (db) => db.select({ id: workImages.id }).from(workImages).orderBy(asc(workImages.id)),
  workCredits: (db) => db.select({ id: workCredits.id, s: workCredits.status }).from(workCredits).orderBy(asc(workCredits.id)),
  evidence: (db) => db.select({ id: evidence.id, s: evidence.status }).from(evidence).orderBy(asc(evidence.id)),
};
