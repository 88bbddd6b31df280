/**
 * What a permission-matrix fixture module (`lib/<domain>/matrix.fixtures.ts`) is made of, and the helpers its
 * fixtures share. The harness that runs them is `tests/helpers/matrix.ts`; the completeness check is
 * `tests/permission-matrix-coverage.test.ts`.
 *
 * A fixture builds one case for one caller: the request (params, query, body, form or action input), and the
 * resource whose scope `can()` judges. It runs inside a world of five actors (one per role) and a stranger, and may
 * add rows of its own. Two rules:
 * - A fixture whose case depends on the caller's scope (its own resource or another's) is wrapped in `scoped()` and
 *   reads `ctx.variant`; only those run the `other` variant. An unwrapped fixture that reads `ctx.variant` fails.
 * - Fixtures are re-runnable in one world: every caller the role gate refuses shares a world, so the fixture runs
 *   once per refused caller before its call (insert fresh rows, or tolerate rows a previous run left).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidence, users, works } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import type { Actor, Resource } from '@/lib/auth/permissions';
import { sha256 } from '@/lib/crypto/fields';
import { processImage, storeProcessedImage } from '@/lib/uploads/images';
import { makeTalent, samplePng, TEST_PASSWORD, tokenFor, type TestUser } from './factories';

export type Variant = 'own' | 'other';

export interface MatrixCtx {
  db: Db;
  /** The caller, or null for anonymous. */
  actor: TestUser | null;
  /** `own`: the resource is in the caller's scope; `other`: in another scope. Read only by `scoped()` fixtures. */
  variant: Variant;
  /** A talent in 珠山区 (zsq) who is never the caller. */
  stranger: TestUser;
}

export interface MatrixCase {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  form?: FormData;
  /** Server actions: the action's input. */
  input?: unknown;
  resource?: Resource;
  /** For entry points whose service decides by more than one permission (e.g. owner or zone staff). */
  expect?: (actor: Actor | null) => boolean;
}

export type Fixture = ((ctx: MatrixCtx) => Promise<MatrixCase>) & { readonly scoped?: true };

/** Extra state a denial must leave untouched, e.g. a domain's own tables; the result is compared as JSON. */
export type SnapshotPart = (db: Db) => Promise<unknown>;

/** The shape of `lib/<domain>/matrix.fixtures.ts`. */
export interface MatrixFixtureModule {
  /** Keyed by route id (lib/api/registry.ts). */
  routeFixtures?: Record<string, Fixture>;
  /** Keyed by action name (createAction's `name`). */
  actionFixtures?: Record<string, Fixture>;
  /** Keyed by a name unique across modules; every matrix snapshot includes every module's parts. */
  snapshotParts?: Record<string, SnapshotPart>;
}

/** Marks a fixture whose case depends on the caller's scope: it runs in the `own` and the `other` variant. */
export function scoped(fixture: (ctx: MatrixCtx) => Promise<MatrixCase>): Fixture {
  return Object.assign(fixture, { scoped: true as const });
}

export const own = (ctx: MatrixCtx): Resource => ({ ownerId: ctx.actor?.id ?? null });

/** The caller in the own variant (when there is one), else the stranger. */
export const ownerFor = (ctx: MatrixCtx): TestUser => (ctx.variant === 'own' && ctx.actor ? ctx.actor : ctx.stranger);

export async function sessionIdOf(db: Db, user: Pick<TestUser, 'id'>): Promise<string> {
  return sha256(await tokenFor(db, user));
}

/** A live session of the caller (own) or of the stranger (other). */
export async function ownOrStrangerSession(ctx: MatrixCtx) {
  const owner = ownerFor(ctx);
  return { id: await sessionIdOf(ctx.db, owner), resource: { ownerId: owner.id } };
}

export const orgFor = (ctx: MatrixCtx) => (ctx.variant === 'own' ? (ctx.actor?.orgId ?? ORG_IDS.jingpiaoBranch) : ORG_IDS.taoxichuanBranch);
export const zoneFor = (ctx: MatrixCtx): 'jkq' | 'zsq' => (ctx.variant === 'own' ? ((ctx.actor?.zoneCode ?? 'jkq') as 'jkq' | 'zsq') : ctx.actor?.zoneCode === 'zsq' ? 'jkq' : 'zsq');

/** A talent in the caller's zone (own variant) or in the other zone. */
export async function talentInScope(ctx: MatrixCtx) {
  const zone = zoneFor(ctx);
  return { talent: await makeTalent(ctx.db, { zone, phone: `139${Math.floor(10_000_000 + Math.random() * 89_999_999)}` }), zone };
}

/** Gives the caller the stranger's password hash (TEST_PASSWORD), undoing an earlier case's change. */
export async function resetPassword(ctx: MatrixCtx): Promise<void> {
  if (!ctx.actor) return;
  const [ref] = await ctx.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, ctx.stranger.id));
  await ctx.db.update(users).set({ passwordHash: ref!.h }).where(eq(users.id, ctx.actor.id));
}
export const passwordBody = { currentPassword: TEST_PASSWORD, newPassword: 'New-Glaze-2027!', confirmPassword: 'New-Glaze-2027!' };

/** The caller's own work (own variant; for callers without a talent account too) or the stranger's. */
export async function workFor(ctx: MatrixCtx, opts: { visibility?: 'public' | 'private' } = {}) {
  const owner = ownerFor(ctx);
  const [w] = await ctx.db.insert(works).values({ ownerId: owner.id, title: '青花缠枝莲纹瓶', visibility: opts.visibility ?? 'private' }).returning();
  return { id: w!.id, resource: { ownerId: owner.id } };
}

export async function uploadForm(fields: Record<string, string> = {}): Promise<FormData> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(await samplePng())], { type: 'image/png' }), 'work.png');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** A stored evidence file of the talent (title claim), pending review. */
export async function evidenceFor(db: Db, talentId: string): Promise<string> {
  const stored = await storeProcessedImage(await processImage(await samplePng()));
  const [e] = await db.insert(evidence).values({ talentId, subject: 'title', claim: { level: '中级' }, storageKey: stored.main.key }).returning();
  return e!.id;
}
