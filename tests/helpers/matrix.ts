/**
 * The permission-matrix harness. Each domain keeps its fixtures in `lib/<domain>/matrix.fixtures.ts` and runs them
 * from a two-line `lib/<domain>/permission-matrix.db.test.ts`, so vitest's workers share the matrix; the
 * completeness check (every route and action has exactly one fixture) is `tests/permission-matrix-coverage.test.ts`.
 *
 * For every entry point (route or server action) × every role and anonymous, the expected outcome comes from the
 * entry point's declared access and `can()` on the case's resource (or the case's own `expect`). An allowed call
 * must succeed (2xx / ok); a refused one must answer 401/403/404 (UNAUTHENTICATED/FORBIDDEN/NOT_FOUND), change
 * nothing in the snapshot and write exactly one `authz.denied` audit row.
 *
 * A world is reference data, one actor per role and a stranger (restored cheaply: see `Template`). Worlds are
 * built only as needed:
 * - the callers the role gate refuses share one world per entry point (a denial changes nothing, which each of
 *   them asserts);
 * - every allowed case gets a fresh world, except on GET routes, where one world serves every case;
 * - the `other` variant (a resource outside the caller's scope) runs only for `scoped()` fixtures, for callers
 *   the gate lets through, and only when the access is scoped (not public, not a global permission).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, partyOrgs, rateLimits, users, userSessions, zones } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { accessAllows, type Access } from '@/lib/access';
import { actionRegistry } from '@/lib/actions/create-action';
import type { ActionResult } from '@/lib/actions/result';
import { apiRoutes } from '@/lib/api/registry';
import { can, permissionDef, ROLES, type Actor, type Permission, type Resource, type Role } from '@/lib/auth/permissions';
import { resolveSession } from '@/lib/auth/sessions';
import { clearCatalogueCache } from '@/lib/policies/store';
import { resetDb, setupTestDb } from './db';
import { bearer, makeTalent, makeUser, tokenFor, type TestUser } from './factories';
import { callAction, callRoute } from './http';
import type { Fixture, MatrixCase, MatrixCtx, MatrixFixtureModule, SnapshotPart, Variant } from './matrix-fixtures';

export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

/** Every fixture module, for the snapshot parts they contribute. */
export const fixtureModules = import.meta.glob('../../lib/**/matrix.fixtures.ts', { eager: true }) as Record<string, MatrixFixtureModule>;
/** Every actions.ts (importing them fills actionRegistry). */
export const actionModules = import.meta.glob('../../lib/**/{actions,*-actions}.ts', { eager: true }) as Record<string, Record<string, unknown>>;

/** What the table says: the entry point's declared access, then the resource scope via can(). */
export function expectedAllowed(access: Access, actor: Actor | null, resource?: Resource): boolean {
  if (!accessAllows(access, actor)) return false;
  if (access === 'public' || access === 'authenticated' || !resource) return true;
  return can(actor, access as Permission, resource);
}

/** Does the coarse role gate let this caller through (before any resource is looked at)? */
export function gateAllows(access: Access, caller: Caller): boolean {
  return caller === 'anonymous' ? access === 'public' : accessAllows(access, { role: caller } as Actor);
}

/** The `other` variant matters only where the access is scoped: not public, not a global permission. */
function scopeMatters(access: Access, fixture: Fixture): boolean {
  if (!fixture.scoped || access === 'public') return false;
  return access === 'authenticated' || permissionDef(access).scope !== 'global';
}

export interface PlannedCase {
  caller: Caller;
  variant: Variant;
  /** Refused by the role gate: runs in the entry point's shared world. */
  refused: boolean;
}

/** The cases of one entry point: refused callers first (one world), then the allowed ones. */
export function planCases(access: Access, fixture: Fixture): PlannedCase[] {
  const refused = CALLERS.filter((c) => !gateAllows(access, c)).map((caller) => ({ caller, variant: 'own' as const, refused: true }));
  const allowed = CALLERS.filter((c) => gateAllows(access, c)).flatMap((caller) =>
    (scopeMatters(access, fixture) ? (['own', 'other'] as const) : (['own'] as const)).map((variant) => ({ caller, variant, refused: false })),
  );
  return [...refused, ...allowed];
}

// --- snapshot: everything a denied call must leave untouched -------------------------------------------------

const baseParts: Record<string, SnapshotPart> = {
  users: (db) =>
    db
      .select({ id: users.id, role: users.role, z: users.zoneCode, o: users.orgId, d: users.disabledAt, n: users.displayName, v: users.sessionVersion, h: users.passwordHash, l: users.locale })
      .from(users)
      .orderBy(asc(users.id)),
  sessions: (db) => db.select({ id: userSessions.id, r: userSessions.revokedAt }).from(userSessions).orderBy(asc(userSessions.id)),
  counts: (db) => Promise.all([zones, partyOrgs, rateLimits].map((tb) => db.select({ n: sql<number>`count(*)::int` }).from(tb))),
};

function snapshotParts(): [string, SnapshotPart][] {
  const parts = new Map(Object.entries(baseParts));
  for (const [file, mod] of Object.entries(fixtureModules)) {
    for (const [name, part] of Object.entries(mod.snapshotParts ?? {})) {
      if (parts.has(name)) throw new Error(`${file}: snapshot part "${name}" is defined twice`);
      parts.set(name, part);
    }
  }
  return [...parts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

let allParts: [string, SnapshotPart][] | undefined;
async function snapshot(db: Db): Promise<string> {
  allParts ??= snapshotParts();
  const values = await Promise.all(allParts.map(([, part]) => part(db)));
  return JSON.stringify(Object.fromEntries(allParts.map(([name], i) => [name, values[i]])));
}

const deniedRows = async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;

// --- worlds and cases --------------------------------------------------------------------------------------------

interface World {
  actors: Record<Role, TestUser>;
  stranger: TestUser;
}

/**
 * The first world of a file is built for real (reset, reference data, actors) and copied into the `matrix_world`
 * schema. Statement triggers then note every table a case writes to; the next world truncates just those tables
 * (and the tables whose foreign keys reach them) and restores the copied rows among them — usually the sessions
 * and the fixture's rows, rarely the catalogue. The audit log is append-only and is never reset: the matrix counts
 * `authz.denied` rows before and after each call.
 */
interface Template {
  world: World;
  /** Every tracked table (public, except audit_log), parents before children. */
  order: string[];
  /** The tables each table's foreign keys point at. */
  parents: Map<string, string[]>;
  /** Tables with rows in the first world, with their insertable columns. */
  copied: Map<string, string[]>;
}
const SCHEMA = 'matrix_world';
const templates = new WeakMap<Db, Promise<Template>>();
/** db.execute answers rows on postgres.js and { rows } on PGlite. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
const id = (name: string) => sql.identifier(name);

async function makeTemplate(db: Db): Promise<Template> {
  await resetDb(db);
  await seedReferenceData(db);
  const actors = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, r === 'talent' ? await makeTalent(db, { zone: 'jkq' }) : await makeUser(db, r)] as const))) as Record<Role, TestUser>;
  const stranger = await makeTalent(db, { zone: 'zsq' });

  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log'`)).map((r) => r.name);
  const fks = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`),
  );
  const parents = new Map(tables.map((t) => [t, fks.filter((f) => f.child === t && f.parent !== t).map((f) => f.parent)]));
  const order: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (order.includes(t) || path.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p, [...path, t]);
    order.push(t);
  };
  for (const t of tables) visit(t, []);

  await db.execute(sql`drop schema if exists ${id(SCHEMA)} cascade`);
  await db.execute(sql`create schema ${id(SCHEMA)}`);
  const copied = new Map<string, string[]>();
  for (const name of order) {
    const [filled] = rowsOf<{ x: boolean }>(await db.execute(sql`select exists (select 1 from public.${id(name)}) as x`));
    if (!filled?.x) continue;
    const cols = rowsOf<{ c: string; i: string }>(
      await db.execute(sql`select column_name as c, is_identity as i from information_schema.columns where table_schema = 'public' and table_name = ${name} and is_generated = 'NEVER' order by ordinal_position`),
    );
    if (cols.some((c) => c.i === 'YES')) throw new Error(`matrix world: ${name} has rows and an identity column; teach restoreWorld to set its sequence`);
    await db.execute(sql`create table ${id(SCHEMA)}.${id(name)} as select * from public.${id(name)}`);
    copied.set(name, cols.map((c) => c.c));
  }
  // No unique key on purpose: concurrent transactions never wait on each other here (a duplicate name is harmless).
  await db.execute(sql`create table ${id(SCHEMA)}.dirty (name text not null)`);
  await db.execute(sql`create function ${id(SCHEMA)}.mark_dirty() returns trigger language plpgsql as $$
    begin
      if not exists (select 1 from matrix_world.dirty where name = TG_TABLE_NAME) then insert into matrix_world.dirty values (TG_TABLE_NAME); end if;
      return null;
    end $$`);
  for (const name of tables) {
    await db.execute(sql`create trigger matrix_dirty after insert or update or delete or truncate on public.${id(name)} for each statement execute function ${id(SCHEMA)}.mark_dirty()`);
  }
  clearCatalogueCache();
  return { world: { actors, stranger }, order, parents, copied };
}

/** Puts back the first world: truncates the tables written since (with the tables referencing them), restores their rows. */
async function restoreWorld(db: Db, tpl: Template): Promise<void> {
  const dirty = new Set(rowsOf<{ name: string }>(await db.execute(sql`select name from ${id(SCHEMA)}.dirty`)).map((r) => r.name));
  if (!dirty.size) return;
  // A truncated table takes every table whose foreign keys reach it along.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, ps] of tpl.parents) {
      if (!dirty.has(child) && ps.some((p) => dirty.has(p))) {
        dirty.add(child);
        grew = true;
      }
    }
  }
  const reset = tpl.order.filter((t) => dirty.has(t));
  const refill = reset.filter((t) => tpl.copied.has(t));
  await db.transaction(async (tx) => {
    // The copies go back exactly: the app's triggers (e.g. the catalogue revision bumped by inserts into policies)
    // are off while they do, and so is the dirty bookkeeping.
    for (const name of refill) await tx.execute(sql`alter table public.${id(name)} disable trigger user`);
    await tx.execute(sql`truncate ${sql.join(reset.map((t) => sql`public.${id(t)}`), sql`, `)} restart identity`);
    for (const name of refill) {
      const cols = sql.join(tpl.copied.get(name)!.map((c) => id(c)), sql`, `);
      await tx.execute(sql`insert into public.${id(name)} (${cols}) select ${cols} from ${id(SCHEMA)}.${id(name)}`);
    }
    for (const name of refill) await tx.execute(sql`alter table public.${id(name)} enable trigger user`);
    await tx.execute(sql`delete from ${id(SCHEMA)}.dirty`);
  });
}

async function buildWorld(db: Db): Promise<World> {
  let template = templates.get(db);
  if (!template) {
    template = makeTemplate(db);
    templates.set(db, template);
    return (await template).world;
  }
  const tpl = await template;
  await restoreWorld(db, tpl);
  clearCatalogueCache();
  return tpl.world;
}

interface Outcome {
  ok: boolean;
  denied: boolean;
  detail: string;
}

interface Entry {
  access: Access;
  fixture: Fixture;
  /** GET routes: one world serves every case. */
  safe: boolean;
  call: (c: MatrixCase, headers: Record<string, string>) => Promise<Outcome>;
}

async function runCase(db: Db, world: World, entry: Entry, planned: PlannedCase): Promise<void> {
  const { caller, variant } = planned;
  const user = caller === 'anonymous' ? null : world.actors[caller];
  let readVariant = false;
  const ctx: MatrixCtx = {
    db,
    actor: user,
    stranger: world.stranger,
    get variant() {
      readVariant = true;
      return variant;
    },
  };
  const c = await entry.fixture(ctx);
  if (!entry.fixture.scoped) expect(readVariant, 'the fixture reads ctx.variant: wrap it in scoped()').toBe(false);
  else expect(readVariant, 'a scoped() fixture must read ctx.variant').toBe(true);

  const token = user ? await tokenFor(db, user) : null;
  const resolved = token ? await resolveSession(db, token) : null;
  const actor = resolved && 'actor' in resolved ? resolved.actor : null;
  const expected = c.expect ? c.expect(actor) : expectedAllowed(entry.access, actor, c.resource);
  const before = expected ? undefined : await snapshot(db);
  const deniedBefore = expected ? 0 : await deniedRows(db);
  const outcome = await entry.call(c, bearer(token));
  const label = `${caller}/${variant}: ${outcome.detail}`;
  if (expected) {
    expect(outcome.ok, label).toBe(true);
  } else {
    expect(outcome.denied, label).toBe(true);
    expect(await snapshot(db), `${label} changed the database`).toBe(before);
    expect(await deniedRows(db), `${label} did not write exactly one authz.denied audit row`).toBe(deniedBefore + 1);
  }
}

function describeEntry(title: string, db: () => Db, entry: Entry): void {
  describe(title, () => {
    let shared: Promise<World> | undefined;
    const sharedWorld = () => (shared ??= buildWorld(db()));
    for (const planned of planCases(entry.access, entry.fixture)) {
      const name = planned.refused ? `${planned.caller}: refused by the role gate` : `${planned.caller} / ${planned.variant} scope`;
      it(name, async () => {
        const world = planned.refused || entry.safe ? await sharedWorld() : await buildWorld(db());
        await runCase(db(), world, entry, planned);
      });
    }
  });
}

function findAction(name: string): ((input: unknown) => Promise<ActionResult<unknown>>) | undefined {
  for (const mod of Object.values(actionModules)) {
    for (const fn of Object.values(mod)) if (actionRegistry.get(fn)?.name === name) return fn as (input: unknown) => Promise<ActionResult<unknown>>;
  }
  return undefined;
}

function describeDomain(domain: string, mod: MatrixFixtureModule, db: () => Db): void {
  const routes = Object.entries(mod.routeFixtures ?? {});
  const actions = Object.entries(mod.actionFixtures ?? {});
  if (routes.length) {
    describe(`permission matrix (${domain}): /api/v1 routes`, () => {
      for (const [routeId, fixture] of routes) {
        const def = apiRoutes.find((d) => d.id === routeId);
        if (!def) {
          it(`${routeId} is a registered route`, () => expect.fail(`lib/${domain}/matrix.fixtures.ts: no route ${routeId} in lib/api/registry.ts`));
          continue;
        }
        describeEntry(`${def.method} ${def.path} [${def.access}]`, db, {
          access: def.access,
          fixture,
          safe: def.method === 'GET',
          call: async (c, headers) => {
            const res = await callRoute(def, { params: c.params, query: c.query, body: c.body, form: c.form, headers });
            return { ok: res.status >= 200 && res.status < 300, denied: [401, 403, 404].includes(res.status), detail: `${res.status} ${res.text.slice(0, 200)}` };
          },
        });
      }
    });
  }
  if (actions.length) {
    describe(`permission matrix (${domain}): server actions`, () => {
      for (const [name, fixture] of actions) {
        const action = findAction(name);
        const meta = action && actionRegistry.get(action);
        if (!action || !meta) {
          it(`${name} is a server action`, () => expect.fail(`lib/${domain}/matrix.fixtures.ts: no action ${name} in lib/**/actions.ts`));
          continue;
        }
        describeEntry(`action ${name} [${meta.access}]`, db, {
          access: meta.access,
          fixture,
          safe: false,
          call: async (c, headers) => {
            const result = await callAction(action, c.input, headers);
            return {
              ok: result.ok,
              // NOT_ALLOWED / WRONG_ORG: a state machine refused the caller (403 on the API), audited as a denial.
              denied: !result.ok && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NOT_ALLOWED', 'WRONG_ORG'].includes(result.code),
              detail: JSON.stringify(result).slice(0, 200),
            };
          },
        });
      }
    });
  }
}

/**
 * Runs fixture modules in one test file (one database): `runMatrix('jobs', fixtures)` for one domain, or
 * `runMatrix({ account, auth, admin })` to let small domains share a file — each test file pays a database set-up
 * and an import of the app, so files are grouped to be roughly even. Every fixture module is run by exactly one
 * `lib/<domain>/permission-matrix.db.test.ts` (tests/permission-matrix-coverage.test.ts checks).
 */
export function runMatrix(domainOrModules: string | Record<string, MatrixFixtureModule>, mod?: MatrixFixtureModule): void {
  const modules = typeof domainOrModules === 'string' ? { [domainOrModules]: mod ?? {} } : domainOrModules;
  const t = setupTestDb({ resetEach: false });
  beforeAll(() => {
    process.env.APP_TEST_CLOCK = '1';
  });
  for (const [domain, m] of Object.entries(modules)) describeDomain(domain, m, t.db);
}
