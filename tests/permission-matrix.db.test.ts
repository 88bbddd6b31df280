/**
 * The permission matrix, generated from the permissions table: every /api/v1 route and every server action ×
 * every role and anonymous × a resource in the caller's own scope and in another scope. The expectation comes from
 * `can()` and the route's declared access; a denial must change nothing and write an `authz.denied` audit row.
 * A route file or server action without a fixture here fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, partyOrgs, rateLimits, users, userSessions, zones } from '@/db/schema';
import { orgPath, ORG_IDS } from '@/db/seed-data';
import { accessAllows } from '@/lib/access';
import { actionRegistry } from '@/lib/actions/create-action';
import type { ActionResult } from '@/lib/actions/result';
import { apiRoutes } from '@/lib/api/registry';
import type { ApiRouteDef } from '@/lib/api/route';
import { can, ROLES, type Actor, type Permission, type Resource, type Role } from '@/lib/auth/permissions';
import { resolveSession } from '@/lib/auth/sessions';
import { sha256 } from '@/lib/crypto/fields';
import { resetDb, setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, samplePng, TEST_PASSWORD, tokenFor, type TestUser } from './helpers/factories';
import { evidence, talentProfiles, workCredits, workImages, works } from '@/db/schema';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import { processImage, storeProcessedImage } from '@/lib/uploads/images';
import { callAction, callRoute } from './helpers/http';
import { seedReferenceData } from '@/db/seed';
import { notifications, policies, policyApplications, policyVersions } from '@/db/schema';
import { clearCatalogueCache } from '@/lib/policies/store';
import { insertApplication, seedSimplePolicy, simpleMeta, simpleVersion } from './helpers/policies';

const t = setupTestDb();
const ROOT = path.resolve(import.meta.dirname, '..');

type Variant = 'own' | 'other';
interface Ctx {
  db: Db;
  actor: TestUser | null;
  variant: Variant;
  /** A talent who is never the caller. */
  stranger: TestUser;
}
interface Case {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  form?: FormData;
  input?: unknown;
  resource?: Resource;
  /** For entry points whose service decides by more than one permission (e.g. owner or zone staff). */
  expect?: (actor: Actor | null) => boolean;
}
type Fixture = (ctx: Ctx) => Promise<Case>;

async function sessionIdOf(db: Db, user: TestUser): Promise<string> {
  return sha256(await tokenFor(db, user));
}

const own = (ctx: Ctx): Resource => ({ ownerId: ctx.actor?.id ?? null });
const ownOrStranger = async (ctx: Ctx) => {
  const owner = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
  return { id: await sessionIdOf(ctx.db, owner), resource: { ownerId: owner.id } };
};
const orgFor = (ctx: Ctx) => (ctx.variant === 'own' ? (ctx.actor?.orgId ?? ORG_IDS.jingpiaoBranch) : ORG_IDS.taoxichuanBranch);
const zoneFor = (ctx: Ctx) => (ctx.variant === 'own' ? (ctx.actor?.zoneCode ?? 'jkq') : ctx.actor?.zoneCode === 'zsq' ? 'jkq' : 'zsq');
const resetPassword = async (ctx: Ctx) => {
  if (!ctx.actor) return;
  const [ref] = await ctx.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, ctx.stranger.id));
  await ctx.db.update(users).set({ passwordHash: ref!.h }).where(eq(users.id, ctx.actor.id));
};
let codeSeq = 0;
const freshCode = () => `JP-${String(800 + (codeSeq++ % 99)).padStart(3, '0')}`;
/** A draft 9.0.0 of JP-003 (starts 2030, after the open-ended 1.0.0). */
async function draftFor(db: Db) {
  const { versionToRow } = await import('@/lib/policies/store');
  await db.insert(policyVersions).values({ ...versionToRow('JP-003', simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' })), status: 'draft' }).onConflictDoNothing();
}
const newUserBody = () => ({ displayName: '新同事', email: `new-${Math.random().toString(36).slice(2)}@test.local`, role: 'zone_staff', zoneCode: 'jkq', password: 'Glaze-Kiln-2026!' });
const passwordBody = { currentPassword: TEST_PASSWORD, newPassword: 'New-Glaze-2027!', confirmPassword: 'New-Glaze-2027!' };

/** A talent in the caller's zone (own variant) or in the other zone. */
async function talentInScope(ctx: Ctx) {
  const zone = zoneFor(ctx) as 'jkq' | 'zsq';
  return { talent: await makeTalent(ctx.db, { zone, phone: `139${Math.floor(10_000_000 + Math.random() * 89_999_999)}` }), zone };
}
/** The actor's own work (own variant; for callers without a talent account, a stranger's) or a stranger's. */
async function workFor(ctx: Ctx, opts: { visibility?: 'public' | 'private' } = {}) {
  const owner = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
  const [w] = await ctx.db.insert(works).values({ ownerId: owner.id, title: '青花缠枝莲纹瓶', visibility: opts.visibility ?? 'private' }).returning();
  return { id: w!.id, resource: { ownerId: owner.id } };
}
async function uploadForm(fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await samplePng())], { type: 'image/png' }), 'work.png');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}
async function evidenceFor(ctx: Ctx, ownerId: string) {
  const stored = await storeProcessedImage(await processImage(await samplePng()));
  const [e] = await ctx.db.insert(evidence).values({ talentId: ownerId, subject: 'title', claim: { level: '中级' }, storageKey: stored.main.key }).returning();
  return e!.id;
}
const registerBody = () => ({ email: `reg-${Math.random().toString(36).slice(2)}@test.local`, password: 'Glaze-Kiln-2026!', legalName: '陈小满', nationality: 'CN', noticeVersion: PRIVACY_NOTICE_VERSION, consentProfile: true, consentSensitive: false });
const workBody = { title: '粉彩花鸟盘', year: 2026, techniques: ['famille_rose'], visibility: 'public', credits: [] };

const ROUTE_FIXTURES: Record<string, Fixture> = {
  health: async () => ({}),
  ping: async () => ({}),
  openapi: async () => ({}),
  setTestClock: async () => ({ body: { now: new Date(Date.now() + 1000).toISOString() } }),
  resetTestClock: async () => ({}),
  verifyAudit: async () => ({}),
  authLogin: async (ctx) => ({ body: { login: (ctx.actor ?? ctx.stranger).email, password: TEST_PASSWORD } }),
  authLogout: async (ctx) => ({ resource: own(ctx) }),
  getMe: async (ctx) => ({ resource: own(ctx) }),
  changeMyPassword: async (ctx) => {
    await resetPassword(ctx);
    return { body: passwordBody, resource: own(ctx) };
  },
  listMySessions: async (ctx) => ({ resource: own(ctx) }),
  revokeMyOtherSessions: async (ctx) => ({ resource: own(ctx) }),
  revokeMySession: async (ctx) => {
    const { id, resource } = await ownOrStranger(ctx);
    return { params: { id }, resource };
  },
  adminListUsers: async () => ({ query: { role: 'talent' } }),
  adminCreateUser: async () => ({ body: newUserBody() }),
  adminGetUser: async (ctx) => ({ params: { id: ctx.stranger.id } }),
  adminUpdateUser: async (ctx) => ({ params: { id: ctx.stranger.id }, body: { displayName: '改名' } }),
  adminListUserSessions: async (ctx) => ({ params: { id: ctx.stranger.id } }),
  adminRevokeSession: async (ctx) => ({ params: { id: await sessionIdOf(ctx.db, ctx.stranger) } }),
  listPartyOrgs: async () => ({}),
  getPartyOrg: async (ctx) => ({ params: { id: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } }),
  getZone: async (ctx) => ({ params: { code: zoneFor(ctx) }, resource: { zoneCode: zoneFor(ctx) } }),
  registerTalent: async () => ({ body: registerBody() }),
  getMyProfile: async (ctx) => ({ resource: own(ctx) }),
  putMyProfile: async (ctx) => ({ body: { education: '本科', crafts: ['famille_rose'] }, resource: own(ctx) }),
  patchMyProfile: async (ctx) => ({ body: { education: '硕士', bio: '做粉彩十年' }, resource: own(ctx) }),
  setMyConsent: async (ctx) => ({ params: { kind: 'sensitive' }, body: { granted: true }, resource: own(ctx) }),
  listTalents: async () => ({ query: { craft: 'famille_rose' } }),
  exportTalents: async () => ({ query: { format: 'csv', purpose: '季度人才统计' } }),
  getTalent: async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: talent.id }, resource: { zoneCode: zone } };
  },
  revealTalent: async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: talent.id }, body: { field: 'phone', reason: '核实联系方式' }, resource: { zoneCode: zone } };
  },
  listShowcases: async () => ({ query: { craft: 'famille_rose' } }),
  getShowcase: async (ctx) => {
    await ctx.db.update(talentProfiles).set({ showcaseEnabled: true, showcaseSlug: 'chen-xiao' }).where(eq(talentProfiles.userId, ctx.stranger.id));
    return { params: { slug: 'chen-xiao' } };
  },
  listMyWorks: async (ctx) => ({ resource: own(ctx) }),
  createWork: async (ctx) => ({ body: workBody, resource: own(ctx) }),
  updateWork: async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, body: workBody, resource: w.resource };
  },
  deleteWork: async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, resource: w.resource };
  },
  addWorkImage: async (ctx) => {
    const w = await workFor(ctx);
    return { params: { id: w.id }, form: await uploadForm(), resource: w.resource };
  },
  getWorkImage: async (ctx) => {
    const w = await workFor(ctx, { visibility: 'public' });
    const stored = await storeProcessedImage(await processImage(await samplePng()));
    const [img] = await ctx.db.insert(workImages).values({ workId: w.id, storageKey: stored.main.key, thumbKey: stored.thumb.key, width: 64, height: 48, bytes: stored.main.size }).returning();
    return { params: { id: w.id, imageId: img!.id }, query: { size: 'thumb' } };
  },
  listMyCredits: async (ctx) => ({ resource: own(ctx) }),
  respondCredit: async (ctx) => {
    const named = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
    const [w] = await ctx.db.insert(works).values({ ownerId: ctx.stranger.id, title: '合作作品' }).returning();
    const [c] = await ctx.db.insert(workCredits).values({ workId: w!.id, step: 'qinghua_outline', talentId: named.id, name: '合作者' }).returning();
    return { params: { id: c!.id }, body: { accept: true }, resource: { ownerId: named.id } };
  },
  listMyEvidence: async (ctx) => ({ resource: own(ctx) }),
  submitEvidence: async (ctx) => {
    if (ctx.actor) await ctx.db.update(talentProfiles).set({ titleLevel: '中级', titleDate: '2020-06-01' }).where(eq(talentProfiles.userId, ctx.actor.id));
    return { form: await uploadForm({ subject: 'title' }), resource: own(ctx) };
  },
  evidenceQueue: async () => ({ query: { status: 'pending' } }),
  reviewEvidence: async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { params: { id: await evidenceFor(ctx, talent.id) }, body: { decision: 'verified' }, resource: { zoneCode: zone } };
  },
  evidenceFile: async (ctx) => {
    // own: the caller's own evidence when the caller is a talent, else evidence in the caller's zone.
    const { talent, zone } = await talentInScope(ctx);
    const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : talent;
    const id = await evidenceFor(ctx, owner.id);
    return {
      params: { id },
      expect: (actor) => !!actor && ((actor.role === 'talent' && actor.id === owner.id) || can(actor, 'evidence.read', { zoneCode: owner === talent ? zone : 'jkq' })),
    };
  },
  // Policy matching (issue 4)
  evaluatePolicies: async () => ({ body: { profile: { nationality: 'CN', education: '本科' }, evalDate: '2026-06-01' } }),
  listPolicies: async () => ({ query: { category: 'living' } }),
  getPolicy: async () => ({ params: { code: 'JP-001' } }),
  createPolicy: async () => ({ body: { policy: simpleMeta(freshCode()), version: simpleVersion() } }),
  updatePolicy: async () => {
    const { code: _c, ...meta } = simpleMeta('JP-001');
    return { params: { code: 'JP-001' }, body: meta };
  },
  savePolicyDraft: async () => ({ params: { code: 'JP-003', version: '9.0.0' }, body: { version: simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' }) } }),
  deletePolicyDraft: async (ctx) => {
    await draftFor(ctx.db);
    return { params: { code: 'JP-003', version: '9.0.0' } };
  },
  publishPolicyVersion: async (ctx) => {
    await draftFor(ctx.db);
    return { params: { code: 'JP-003', version: '9.0.0' }, body: { changelogNote: '2030 年起按新标准执行' } };
  },
  retirePolicyVersion: async () => ({ params: { code: 'JP-003', version: '1.0.0' } }),
  previewPolicyVersion: async () => ({ params: { code: 'JP-003' }, body: { version: simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' }) } }),
  policyMatches: async () => ({ params: { code: 'JP-001' }, query: { status: 'ELIGIBLE' } }),
  exportPolicyMatches: async () => ({ params: { code: 'JP-001' }, query: { purpose: '季度政策匹配统计' } }),
  pushPolicy: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { params: { code: 'JP-901' } };
  },
  myMatches: async (ctx) => ({ query: { evalDate: '2026-06-01' }, resource: own(ctx) }),
  myApplications: async (ctx) => ({ resource: own(ctx) }),
  applyForPolicy: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', provided: true }] }, resource: own(ctx) };
  },
  withdrawApplication: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : ctx.stranger;
    const app = await insertApplication(ctx.db, owner.id, 'JP-901', 'jkq');
    return { params: { id: app.id }, resource: { ownerId: owner.id } };
  },
  listApplications: async () => ({ query: { status: 'submitted' } }),
  decideApplication: async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const { talent, zone } = await talentInScope(ctx);
    const app = await insertApplication(ctx.db, talent.id, 'JP-901', zone);
    return { params: { id: app.id }, body: { decision: 'reject', reason: '材料不全，请补充' }, resource: { zoneCode: zone } };
  },
  myNotifications: async (ctx) => ({ query: { unread: '1' }, resource: own(ctx) }),
  readNotification: async (ctx) => {
    const owner = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
    const [n] = await ctx.db.insert(notifications).values({ userId: owner.id, kind: 'policy.eligible', dedupeKey: `k-${Math.random()}`, payload: {} }).returning();
    return { params: { id: n!.id }, resource: { ownerId: owner.id } };
  },
};

const ACTION_FIXTURES: Record<string, Fixture> = {
  'account.setLocale': async () => ({ input: { locale: 'en' } }),
  'account.changePassword': async (ctx) => {
    await resetPassword(ctx);
    return { input: passwordBody, resource: own(ctx) };
  },
  'account.revokeSession': async (ctx) => {
    const { id, resource } = await ownOrStranger(ctx);
    return { input: { id }, resource };
  },
  'account.revokeOtherSessions': async (ctx) => ({ input: {}, resource: own(ctx) }),
  'admin.createUser': async () => ({ input: newUserBody() }),
  'admin.updateUser': async (ctx) => ({ input: { id: ctx.stranger.id, patch: { displayName: '改名' } } }),
  'admin.revokeSession': async (ctx) => ({ input: { id: await sessionIdOf(ctx.db, ctx.stranger) } }),
  'talent.register': async () => ({ input: registerBody() }),
  'talent.saveProfile': async (ctx) => ({ input: { education: '本科', wizard_step: 1 }, resource: own(ctx) }),
  'talent.setConsent': async (ctx) => ({ input: { kind: 'sensitive', granted: false }, resource: own(ctx) }),
  'talent.reveal': async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { input: { id: talent.id, field: 'phone', reason: '核实联系方式' }, resource: { zoneCode: zone } };
  },
  'portfolio.createWork': async (ctx) => ({ input: workBody, resource: own(ctx) }),
  'portfolio.updateWork': async (ctx) => {
    const w = await workFor(ctx);
    return { input: { id: w.id, work: workBody }, resource: w.resource };
  },
  'portfolio.deleteWork': async (ctx) => {
    const w = await workFor(ctx);
    return { input: { id: w.id }, resource: w.resource };
  },
  'portfolio.respondCredit': async (ctx) => {
    const named = ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger;
    const [w] = await ctx.db.insert(works).values({ ownerId: ctx.stranger.id, title: '合作作品' }).returning();
    const [c] = await ctx.db.insert(workCredits).values({ workId: w!.id, step: 'qinghua_outline', talentId: named.id, name: '合作者' }).returning();
    return { input: { id: c!.id, accept: false }, resource: { ownerId: named.id } };
  },
  'verification.review': async (ctx) => {
    const { talent, zone } = await talentInScope(ctx);
    return { input: { id: await evidenceFor(ctx, talent.id), review: { decision: 'rejected', reason: '证书照片不清晰' } }, resource: { zoneCode: zone } };
  },
  'policy.evaluate': async () => ({ input: { profile: { nationality: 'JP' } } }),
  'policy.apply': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { input: { policyCode: 'JP-901', materials: [{ code: 'id_card', provided: true }] }, resource: own(ctx) };
  },
  'policy.withdrawApplication': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const owner = ctx.variant === 'own' && ctx.actor?.role === 'talent' ? ctx.actor : ctx.stranger;
    const app = await insertApplication(ctx.db, owner.id, 'JP-901', 'jkq');
    return { input: { id: app.id }, resource: { ownerId: owner.id } };
  },
  'policy.decideApplication': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    const { talent, zone } = await talentInScope(ctx);
    const app = await insertApplication(ctx.db, talent.id, 'JP-901', zone);
    return { input: { id: app.id, decision: 'approve' }, resource: { zoneCode: zone } };
  },
  'policy.create': async () => ({ input: { policy: simpleMeta(freshCode()), version: simpleVersion() } }),
  'policy.updateMeta': async () => ({ input: simpleMeta('JP-001') }),
  'policy.saveDraft': async () => ({ input: { code: 'JP-003', version: simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' }) } }),
  'policy.deleteDraft': async (ctx) => {
    await draftFor(ctx.db);
    return { input: { code: 'JP-003', version: '9.0.0' } };
  },
  'policy.publish': async (ctx) => {
    await draftFor(ctx.db);
    return { input: { code: 'JP-003', version: '9.0.0', changelogNote: '2030 年起按新标准执行' } };
  },
  'policy.retire': async () => ({ input: { code: 'JP-003', version: '1.0.0' } }),
  'policy.preview': async () => ({ input: { code: 'JP-003', version: simpleVersion({ version: '9.0.0', effective_from: '2030-01-01' }) } }),
  'policy.push': async (ctx) => {
    await seedSimplePolicy(ctx.db, 'JP-901');
    return { input: { code: 'JP-901' } };
  },
  'notifications.markRead': async (ctx) => ({ input: { id: 'all' }, resource: own(ctx) }),
};

/** What the table says: the entry point's declared access, then the resource scope via can(). */
function expectedAllowed(access: string, actor: Actor | null, resource?: Resource): boolean {
  if (!accessAllows(access as never, actor)) return false;
  if (access === 'public' || access === 'authenticated' || !resource) return true;
  return can(actor, access as Permission, resource);
}

/** Everything a denied call must leave untouched. */
async function snapshot(db: Db) {
  const u = await db.select({ id: users.id, role: users.role, z: users.zoneCode, o: users.orgId, d: users.disabledAt, n: users.displayName, v: users.sessionVersion, h: users.passwordHash, l: users.locale }).from(users).orderBy(asc(users.id));
  const s = await db.select({ id: userSessions.id, r: userSessions.revokedAt }).from(userSessions).orderBy(asc(userSessions.id));
  const counts = await Promise.all([zones, partyOrgs, rateLimits, policies, policyApplications, notifications].map((tb) => db.select({ n: sql<number>`count(*)::int` }).from(tb)));
  const pv = await db.select({ id: policyVersions.id, s: policyVersions.status, to: policyVersions.effectiveTo, d: policyVersions.definition }).from(policyVersions).orderBy(asc(policyVersions.id));
  const apps = await db.select({ id: policyApplications.id, s: policyApplications.status }).from(policyApplications).orderBy(asc(policyApplications.id));
  const ns = await db.select({ id: notifications.id, r: notifications.readAt }).from(notifications).orderBy(asc(notifications.id));
  const prof = await db.select({ id: talentProfiles.userId, r: talentProfiles.receiving, d: talentProfiles.received }).from(talentProfiles).orderBy(asc(talentProfiles.userId));
  return JSON.stringify({ u, s, counts, pv, apps, ns, prof });
}
const deniedRows = async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'authz.denied'))))[0]!.n;

const callers: (Role | 'anonymous')[] = [...ROLES, 'anonymous'];
const variants: Variant[] = ['own', 'other'];

async function world(db: Db) {
  await resetDb(db);
  await seedReferenceData(db);
  clearCatalogueCache();
  const actors = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, r === 'talent' ? await makeTalent(db, { zone: 'jkq' }) : await makeUser(db, r)] as const))) as Record<Role, TestUser>;
  const stranger = await makeTalent(db, { zone: 'zsq' });
  return { actors, stranger };
}

async function runCase(db: Db, access: string, caller: Role | 'anonymous', variant: Variant, fixture: Fixture, call: (c: Case, headers: Record<string, string>) => Promise<{ ok: boolean; denied: boolean; detail: string }>) {
  const { actors, stranger } = await world(db);
  const user = caller === 'anonymous' ? null : actors[caller];
  const c = await fixture({ db, actor: user, variant, stranger });
  const token = user ? await tokenFor(db, user) : null;
  const resolved = token ? await resolveSession(db, token) : null;
  const actor = resolved && 'actor' in resolved ? resolved.actor : null;
  const expected = c.expect ? c.expect(actor) : expectedAllowed(access, actor, c.resource);
  const before = await snapshot(db);
  const deniedBefore = await deniedRows(db);
  const outcome = await call(c, bearer(token));
  const label = `${caller}/${variant}: ${outcome.detail}`;
  if (expected) {
    expect(outcome.ok, label).toBe(true);
  } else {
    expect(outcome.denied, label).toBe(true);
    expect(await snapshot(db), `${label} changed the database`).toBe(before);
    expect(await deniedRows(db), `${label} wrote no authz.denied audit row`).toBe(deniedBefore + 1);
  }
}

describe('permission matrix: /api/v1 routes', () => {
  beforeAll(() => {
    process.env.APP_TEST_CLOCK = '1';
  });

  it('every route file is a registered route with a fixture, and every registered route has a route file', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === 'route.ts') files.push(path.join(dir, e.name));
      }
    };
    walk(path.join(ROOT, 'app/api/v1'));
    const seen = new Set<string>();
    for (const file of files) {
      const urlPath = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((k) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(k));
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) {
        const def = apiRoutes.find((d) => d.path === urlPath && d.method === m);
        expect(def, `${m} ${urlPath} (${file}) is not in lib/api/registry.ts`).toBeDefined();
        expect(ROUTE_FIXTURES[def!.id], `${def!.id} has no matrix fixture`).toBeDefined();
        seen.add(`${m} ${urlPath}`);
      }
    }
    for (const d of apiRoutes) expect(seen.has(`${d.method} ${d.path}`), `${d.id} has no route file`).toBe(true);
    expect(Object.keys(ROUTE_FIXTURES).sort()).toEqual(apiRoutes.map((d) => d.id).sort());
  });

  for (const def of apiRoutes) {
    describe(`${def.method} ${def.path} [${def.access}]`, () => {
      for (const caller of callers) {
        for (const variant of variants) {
          it(`${caller} / ${variant} scope`, async () => {
            await runCase(t.db(), def.access, caller, variant, ROUTE_FIXTURES[def.id]!, async (c, headers) => {
              const res = await callRoute(def as ApiRouteDef, { params: c.params, query: c.query, body: c.body, form: c.form, headers });
              return { ok: res.status >= 200 && res.status < 300, denied: [401, 403, 404].includes(res.status), detail: `${res.status} ${res.text.slice(0, 200)}` };
            });
          });
        }
      }
    });
  }
});

describe('permission matrix: server actions', () => {
  const modules = import.meta.glob('../lib/**/actions.ts', { eager: true }) as Record<string, Record<string, unknown>>;

  it('every export of every actions.ts is built by createAction and has a fixture', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(0);
    for (const [file, mod] of Object.entries(modules)) {
      const source = fs.readFileSync(path.resolve(import.meta.dirname, file), 'utf8');
      expect(source.startsWith("'use server'"), `${file} must start with 'use server'`).toBe(true);
      for (const [name, fn] of Object.entries(mod)) {
        const meta = actionRegistry.get(fn);
        expect(meta, `${file} export ${name} is not built with createAction`).toBeDefined();
        expect(ACTION_FIXTURES[meta!.name], `${meta!.name} has no matrix fixture`).toBeDefined();
      }
    }
    expect(Object.keys(ACTION_FIXTURES).sort()).toEqual([...actionRegistry.values()].map((m) => m.name).sort());
  });

  const entries = Object.values(modules).flatMap((mod) => Object.values(mod)).filter((fn) => actionRegistry.has(fn)) as ((i: unknown) => Promise<ActionResult<unknown>>)[];
  for (const action of entries) {
    const meta = actionRegistry.get(action)!;
    describe(`action ${meta.name} [${meta.access}]`, () => {
      for (const caller of callers) {
        for (const variant of variants) {
          it(`${caller} / ${variant} scope`, async () => {
            await runCase(t.db(), meta.access, caller, variant, ACTION_FIXTURES[meta.name]!, async (c, headers) => {
              const result = await callAction(action, c.input, headers);
              return {
                ok: result.ok,
                denied: !result.ok && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'].includes(result.code),
                detail: JSON.stringify(result).slice(0, 200),
              };
            });
          });
        }
      }
    });
  }
});
