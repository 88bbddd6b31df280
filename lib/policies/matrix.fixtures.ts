/** Permission-matrix fixtures: the policy catalogue, its editor and push, matching and applications (harness: tests/helpers/matrix.ts). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applicationMaterials, policies, policyApplications, policyVersions, talentProfiles } from '@/db/schema';
import { tinyPdf } from '@/lib/policies/material-file';
import { versionToRow } from '@/lib/policies/store';
import { can } from '@/lib/auth/permissions';
import { own, scoped, talentInScope, type Fixture, type MatrixCtx, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';
import { insertApplication, insertMaterialUpload, seedSimplePolicy, simpleMeta, simpleVersion } from '@/tests/helpers/policies';

let codeSeq = 0;
const freshCode = () => `JP-${String(800 + (codeSeq++ % 99)).padStart(3, '0')}`;

/** A draft 9.0.0 of JP-003 (starts 2030, after the open-ended 1.0.0). */
async function draftFor(db: Db) {
  await db.insert(policyVersions).values({ ...versionToRow('JP-003', simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' })), status: 'draft' }).onConflictDoNothing();
}
const draftVersion = () => simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' });

/** A draft JP-901 id_card upload of the caller (or the stranger's for anonymous callers, who are refused anyway). */
async function draftUpload(ctx: MatrixCtx): Promise<string> {
  return (await insertMaterialUpload(ctx.db, (ctx.actor ?? ctx.stranger).id, 'JP-901')).id;
}

/** A submitted JP-901 application of the caller when a talent (own), else of the stranger; re-runnable in one world. */
async function applicationFor(ctx: MatrixCtx) {
  await seedSimplePolicy(ctx.db, 'JP-901');
  const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : ctx.stranger;
  const [open] = await ctx.db
    .select()
    .from(policyApplications)
    .where(and(eq(policyApplications.talentId, owner.id), eq(policyApplications.policyCode, 'JP-901'), eq(policyApplications.status, 'submitted')));
  return { app: open ?? (await insertApplication(ctx.db, owner.id, 'JP-901', 'jkq')), resource: { ownerId: owner.id } };
}

/** A submitted JP-901 application of a talent in the caller's zone (own) or the other zone. */
async function applicationInScope(ctx: MatrixCtx) {
  await seedSimplePolicy(ctx.db, 'JP-901');
  const { talent, zone } = await talentInScope(ctx);
  return { app: await insertApplication(ctx.db, talent.id, 'JP-901', zone), resource: { zoneCode: zone } };
}

export const routeFixtures: Record<string, Fixture> = {
  evaluatePolicies: async () => ({ body: { profile: { nationality: 'CN', education: '本科' }, evalDate: '2026-06-01' } }),
  listPolicies: async () => ({ query: { category: 'living' } }),
  getPolicy: async () => ({ params: { code: 'JP-001' } }),
  createPolicy: async () => ({ body: { policy: simpleMeta(freshCode()), version: simpleVersion() } }),
  updatePolicy: async () => {
    const { code: _c, ...meta } = simpleMeta('JP-001');
    return { params: { code: 'JP-001' }, body: meta };
  },
  savePolicyDraft: async () => ({ params: { code: 'JP-003', version: '9.0.0' }, body: { version: draftVersion() } }),
  deletePolicyDraft: async (ctx) => {
    await draftFor(ctx.db);
    return { params: { code: 'JP-003', version: '9.0.0' } };
  },
  publishPolicyVersion: async (ctx) => {
    await draftFor(ctx.db);
    return { params: { code: 'JP-003', version: '9.0.0' }, body: { changelogNote: '2030 年起按新标准执行' } };
  },
  retirePolicyVersion: async () => ({ params: { code: 'JP-003', version: '1.0.0' } }),
  previewPolicyVersion: async () => ({ params: { code: 'JP-003' }, body: { version: draftVersion() } }),
  policyImpact: async () => ({ params: { code: 'JP-003' }, body: { version: draftVersion(), evalDate: '2026-06-01' } }),
  policyMatches: async () => ({ params: { code: 'JP-001' }, query: { status: 'ELIGIBLE' } }),
  exportPolicyMatches: async () => ({ params: { code: 'JP-001' }, query: { purpose: '季度政策匹配统计' } }),
  pushPolicy: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { params: { code: 'JP-901' } };
  },
  listPolicyPushRuns: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { params: { code: 'JP-901' } };
  },
  myMatches: async (ctx) => ({ query: { evalDate: '2026-06-01' }, resource: own(ctx) }),
  myApplications: async (ctx) => ({ resource: own(ctx) }),
  applyForPolicy: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: await draftUpload(ctx) }] }, resource: own(ctx) };
  },
  uploadApplicationMaterial: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(tinyPdf('id card'))], { type: 'application/pdf' }), 'id.pdf');
    form.set('policyCode', 'JP-901');
    form.set('code', 'id_card');
    return { form, resource: own(ctx) };
  },
  myApplicationMaterialFile: scoped(async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const owner = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
    const m = await insertMaterialUpload(ctx.db, owner.id, 'JP-901');
    return { params: { materialId: m.id }, resource: { ownerId: owner.id } };
  }),
  // The applicant or staff of the application's zone (an audited read).
  applicationMaterialFile: scoped(async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const { talent, zone } = await talentInScope(ctx);
    const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : talent;
    const appZone = owner === talent ? zone : (ctx.actor?.zoneCode ?? 'jkq');
    const app = await insertApplication(ctx.db, owner.id, 'JP-901', appZone);
    const m = await insertMaterialUpload(ctx.db, owner.id, 'JP-901', 'id_card', app.id);
    return {
      params: { id: app.id, materialId: m.id },
      expect: (actor) => !!actor && ((actor.role === 'talent' && actor.id === owner.id) || can(actor, 'applications.read', { zoneCode: appZone })),
    };
  }),
  withdrawApplication: scoped(async (ctx) => {
    const { app, resource } = await applicationFor(ctx);
    return { params: { id: app.id }, resource };
  }),
  listApplications: async () => ({ query: { status: 'submitted' } }),
  decideApplication: scoped(async (ctx) => {
    const { app, resource } = await applicationInScope(ctx);
    return { params: { id: app.id }, body: { decision: 'reject', reason: '材料不全，请补充' }, resource };
  }),
};

export const actionFixtures: Record<string, Fixture> = {
  'policy.evaluate': async () => ({ input: { profile: { nationality: 'JP' } } }),
  'policy.apply': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { input: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: await draftUpload(ctx) }] }, resource: own(ctx) };
  },
  'policy.withdrawApplication': scoped(async (ctx) => {
    const { app, resource } = await applicationFor(ctx);
    return { input: { id: app.id }, resource };
  }),
  'policy.decideApplication': scoped(async (ctx) => {
    const { app, resource } = await applicationInScope(ctx);
    return { input: { id: app.id, decision: 'approve' }, resource };
  }),
  'policy.create': async () => ({ input: { policy: simpleMeta(freshCode()), version: simpleVersion() } }),
  'policy.updateMeta': async () => ({ input: simpleMeta('JP-001') }),
  'policy.saveDraft': async () => ({ input: { code: 'JP-003', version: draftVersion() } }),
  'policy.deleteDraft': async (ctx) => {
    await draftFor(ctx.db);
    return { input: { code: 'JP-003', version: '9.0.0' } };
  },
  'policy.publish': async (ctx) => {
    await draftFor(ctx.db);
    return { input: { code: 'JP-003', version: '9.0.0', changelogNote: '2030 年起按新标准执行' } };
  },
  'policy.retire': async () => ({ input: { code: 'JP-003', version: '1.0.0' } }),
  'policy.preview': async () => ({ input: { code: 'JP-003', version: draftVersion() } }),
  'policy.impact': async () => ({ input: { code: 'JP-003', version: draftVersion(), evalDate: '2026-06-01' } }),
  'policy.push': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { input: { code: 'JP-901' } };
  },
};

export const snapshotParts: Record<string, SnapshotPart> = {
  policies: (db) => db.select({ n: sql<number>`count(*)::int` }).from(policies),
  policyVersions: (db) => db.select({ id: policyVersions.id, s: policyVersions.status, to: policyVersions.effectiveTo, d: sql<string>`md5(${policyVersions.definition}::text)` }).from(policyVersions).orderBy(asc(policyVersions.id)),
  policyApplications: (db) => db.select({ id: policyApplications.id, s: policyApplications.status }).from(policyApplications).orderBy(asc(policyApplications.id)),
  talentBenefits: (db) => db.select({ id: talentProfiles.userId, r: talentProfiles.receiving, d: talentProfiles.received }).from(talentProfiles).orderBy(asc(talentProfiles.userId)),
  applicationMaterials: (db) => db.select({ id: applicationMaterials.id, a: applicationMaterials.applicationId }).from(applicationMaterials).orderBy(asc(applicationMaterials.id)),
};
