/**
 * The permission matrix is complete: every /api/v1 route file is a registered route, every registered route has a
 * route file, every export of every actions.ts is built by createAction, and each route and action has exactly one
 * fixture among the `lib/<domain>/matrix.fixtures.ts` modules, each of which is run by exactly one
 * `lib/<domain>/permission-matrix.db.test.ts`. No database: the matrix itself runs per domain (tests/helpers/matrix.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionRegistry } from '@/lib/actions/create-action';
import { apiRoutes } from '@/lib/api/registry';
import type { MatrixFixtureModule } from './helpers/matrix-fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const fixtureModules = import.meta.glob('../lib/**/matrix.fixtures.ts', { eager: true }) as Record<string, MatrixFixtureModule>;
const actionModules = import.meta.glob('../lib/**/{actions,*-actions}.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function walk(dir: string, name: string, found: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(path.join(dir, e.name), name, found);
    else if (e.name === name) found.push(path.join(dir, e.name));
  }
  return found;
}

/** Which fixture modules define each key (a key defined twice lists both). */
function owners(kind: 'routeFixtures' | 'actionFixtures'): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [file, mod] of Object.entries(fixtureModules)) {
    for (const key of Object.keys(mod[kind] ?? {})) map.set(key, [...(map.get(key) ?? []), file]);
  }
  return map;
}

describe('permission matrix coverage', () => {
  it('each fixture module is run by exactly one lib/**/permission-matrix.db.test.ts', () => {
    expect(Object.keys(fixtureModules).length).toBeGreaterThan(0);
    const runners = new Map<string, string[]>();
    for (const test of walk(path.join(ROOT, 'lib'), 'permission-matrix.db.test.ts')) {
      const source = fs.readFileSync(test, 'utf8');
      expect(source.includes('runMatrix('), `${path.relative(ROOT, test)} must call runMatrix()`).toBe(true);
      for (const [, spec] of source.matchAll(/from '([^']*matrix\.fixtures)'/g)) {
        const file = `${spec!.startsWith('@/') ? path.join(ROOT, spec!.slice(2)) : path.resolve(path.dirname(test), spec!)}.ts`;
        runners.set(file, [...(runners.get(file) ?? []), path.relative(ROOT, test)]);
      }
    }
    for (const file of Object.keys(fixtureModules)) {
      const abs = path.resolve(import.meta.dirname, file);
      expect(runners.get(abs), `${path.relative(ROOT, abs)} is not run by any lib/**/permission-matrix.db.test.ts`).toBeDefined();
      expect(runners.get(abs), `${path.relative(ROOT, abs)} is run by more than one test file`).toHaveLength(1);
    }
  });

  it('every route file is a registered route with exactly one fixture, and every registered route has a route file', async () => {
    const files = walk(path.join(ROOT, 'app/api/v1'), 'route.ts');
    const fixtures = owners('routeFixtures');
    const seen = new Set<string>();
    for (const file of files) {
      const urlPath = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}');
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((k) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(k));
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) {
        const def = apiRoutes.find((d) => d.path === urlPath && d.method === m);
        expect(def, `${m} ${urlPath} (${file}) is not in lib/api/registry.ts`).toBeDefined();
        seen.add(`${m} ${urlPath}`);
      }
    }
    for (const d of apiRoutes) {
      expect(seen.has(`${d.method} ${d.path}`), `${d.id} has no route file`).toBe(true);
      expect(fixtures.get(d.id), `${d.id} (${d.method} ${d.path}) has no matrix fixture in lib/**/matrix.fixtures.ts`).toBeDefined();
      expect(fixtures.get(d.id), `${d.id} has more than one matrix fixture`).toHaveLength(1);
    }
    expect([...fixtures.keys()].sort(), 'fixtures for routes that are not registered').toEqual(apiRoutes.map((d) => d.id).sort());
  });

  it('every export of every actions.ts is built by createAction and has exactly one fixture', () => {
    expect(Object.keys(actionModules).length).toBeGreaterThan(0);
    const fixtures = owners('actionFixtures');
    const names: string[] = [];
    for (const [file, mod] of Object.entries(actionModules)) {
      const source = fs.readFileSync(path.resolve(import.meta.dirname, file), 'utf8');
      expect(source.startsWith("'use server'"), `${file} must start with 'use server'`).toBe(true);
      for (const [name, fn] of Object.entries(mod)) {
        const meta = actionRegistry.get(fn);
        expect(meta, `${file} export ${name} is not built with createAction`).toBeDefined();
        expect(fixtures.get(meta!.name), `${meta!.name} has no matrix fixture in lib/**/matrix.fixtures.ts`).toBeDefined();
        expect(fixtures.get(meta!.name), `${meta!.name} has more than one matrix fixture`).toHaveLength(1);
        names.push(meta!.name);
      }
    }
    expect(names.length, 'action names are unique').toBe(new Set(names).size);
    expect([...actionRegistry.values()].map((m) => m.name).sort(), 'actions registered outside lib/**/actions.ts').toEqual([...names].sort());
    expect([...fixtures.keys()].sort(), 'fixtures for actions that do not exist').toEqual([...names].sort());
  });
});

describe('DB suites are named *.db.test.ts', () => {
  it('every test file that opens a test database is a .db.test.ts (the PostgreSQL pass of .ci/run runs only those)', () => {
    const tests = ['lib', 'db', 'tests', 'scripts'].flatMap((dir) => (fs.existsSync(path.join(ROOT, dir)) ? walkTests(path.join(ROOT, dir)) : []));
    const misnamed = tests.filter((file) => file !== import.meta.filename && !file.endsWith('.db.test.ts') && /\b(setupTestDb|createTestDb|runMatrix)\(/.test(fs.readFileSync(file, 'utf8')));
    expect(misnamed.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});

function walkTests(dir: string, found: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== 'node_modules') walkTests(path.join(dir, e.name), found);
    else if (e.name.endsWith('.test.ts')) found.push(path.join(dir, e.name));
  }
  return found;
}
