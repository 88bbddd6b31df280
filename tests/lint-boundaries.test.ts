/**
 * The boundaries of ADR 010 are machine-checked by eslint.config.mjs: each rule is run here through ESLint's Node
 * API on small fixture sources placed (virtually) inside the tree, so a config change that silently stops a rule
 * fails this test. Plus the transitive check ESLint cannot do: nothing a pure core imports, directly or through
 * other modules, reaches Next, React, the database or Node built-ins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(ROOT, 'eslint.config.mjs');
const { IMPURE_SPECIFIER, PURE_CORES } = (await import(/* @vite-ignore */ pathToFileURL(CONFIG).href)) as { IMPURE_SPECIFIER: RegExp; PURE_CORES: string[] };
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: CONFIG });
}, 60_000);

/** The rule ids reported for `source` as if it were the file `file` (repository-relative). */
async function ruleIds(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('pure cores import no framework, database or Node I/O', () => {
  const file = 'lib/policy-matching/boundary-fixture.ts';
  it.each([
    ["import { sql } from 'drizzle-orm';"],
    ["import { PgDialect } from 'drizzle-orm/pg-core';"],
    ["import { talentProfiles } from '@/db/schema/talent';"],
    ["import { getDb } from '@/db/client';"],
    ["import { talentProfiles } from '../../db/schema/talent';"],
    ["import postgres from 'postgres';"],
    ["import { PGlite } from '@electric-sql/pglite';"],
    ["import { NextResponse } from 'next/server';"],
    ["import { cache } from 'react';"],
    ["import 'server-only';"],
    ["import fs from 'node:fs';"],
    ["import { readFile } from 'fs/promises';"],
    ["import { spawn } from 'child_process';"],
  ])('refuses %s', async (source) => {
    expect(await ruleIds(file, source)).toContain('no-restricted-imports');
  });

  it('allows its own modules, pure modules of other domains and plain libraries', async () => {
    expect(await ruleIds(file, "import { evaluateAll } from './evaluate';\nimport { parseIsoDate } from '@/lib/talent/dates';\nimport { z } from 'zod';\nvoid [evaluateAll, parseIsoDate, z];")).toEqual([]);
  });

  it('covers every listed pure core', async () => {
    for (const dir of PURE_CORES) expect(await ruleIds(/\.tsx?$/.test(dir) ? dir : `${dir}/boundary-fixture.ts`, "import { sql } from 'drizzle-orm';\nvoid sql;")).toContain('no-restricted-imports');
  });
});

describe("a domain never imports another domain's service, actions, api or other server-side module", () => {
  const file = 'lib/talent/boundary-fixture.ts';
  it.each([
    ["import { getPolicy } from '@/lib/policies/service';"],
    ["import { applyAction } from '@/lib/policies/actions';"],
    ["import { getPolicyRoute } from '@/lib/policies/api';"],
    ["import { getPolicy } from '../policies/service';"],
    ["import { listOwnSessions } from '@/lib/account/service.ts';"],
    ["export { getPolicy } from '@/lib/policies/service';"],
    ["export * from '@/lib/policies/api';"],
    ["const m = await import('@/lib/policies/service');\nvoid m;"],
    // not named service/actions/api, but server-only: private to its domain (the old talent → policies/push call)
    ["import { pushForTalent } from '@/lib/policies/push';"],
  ])('refuses %s', async (source) => {
    expect(await ruleIds(file, source)).toContain('jp/domain-boundaries');
  });

  it("allows another domain's queries, schemas and pure modules, platform modules and its own files", async () => {
    const source = [
      "import { liveSessionsOf } from '@/lib/account/queries';",
      "import { policyCodeSchema } from '@/lib/policies/schemas';",
      "import { evaluateAll } from '@/lib/policy-matching/evaluate';",
      "import { notify } from '@/lib/notifications/service';",
      "import { authorize } from '@/lib/auth/authorize';",
      "import { recordEvent } from '@/lib/events';",
      "import { now } from '@/lib/clock';",
      "import { saveMyProfile } from './service';",
      'void [liveSessionsOf, policyCodeSchema, evaluateAll, notify, authorize, recordEvent, now, saveMyProfile];',
    ].join('\n');
    expect(await ruleIds(file, source)).toEqual([]);
  });

  it('does not apply to platform modules, tests or matrix fixtures, which compose domains', async () => {
    const source = "import * as policies from '@/lib/policies/api';\nvoid policies;";
    expect(await ruleIds('lib/api/boundary-fixture.ts', source)).toEqual([]);
    expect(await ruleIds('lib/talent/boundary-fixture.test.ts', source)).toEqual([]);
    expect(await ruleIds('lib/talent/matrix.fixtures.ts', source)).toEqual([]);
  });
});

describe('pure cores, transitively', () => {
  /** Repository files reachable from `entry` through '@/…' and relative imports (packages are not followed). */
  function reachable(entry: string): Map<string, string[]> {
    const seen = new Map<string, string[]>();
    const resolve = (from: string, spec: string): string | null => {
      const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
      for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
      return null;
    };
    const stack = [entry];
    while (stack.length) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      const specs = [...fs.readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => (m[1] ?? m[2])!);
      seen.set(file, specs);
      for (const spec of specs) {
        if (!spec.startsWith('@/') && !spec.startsWith('.')) continue;
        const next = resolve(file, spec);
        if (next) stack.push(next);
      }
    }
    return seen;
  }

  it('nothing a pure core imports reaches Next, React, server-only, the database or Node built-ins', () => {
    const offences: string[] = [];
    const visited = new Set<string>();
    for (const dir of PURE_CORES) {
      // A core is a folder or a single module.
      const single = /\.tsx?$/.test(dir);
      for (const name of single ? [path.basename(dir)] : fs.readdirSync(path.join(ROOT, dir))) {
        if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) continue;
        for (const [file, specs] of reachable(path.join(ROOT, single ? path.dirname(dir) : dir, name))) {
          visited.add(path.relative(ROOT, file).split(path.sep).join('/'));
          const rel = path.relative(ROOT, file);
          if (rel.startsWith(`db${path.sep}`)) offences.push(`${name} reaches ${rel}`);
          for (const spec of specs) if (IMPURE_SPECIFIER.test(spec)) offences.push(`${name} reaches ${rel}, which imports ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
    // The walk follows imports out of the core (the evaluator's calendar lives in lib/talent).
    expect(visited).toContain('lib/talent/dates.ts');
  });
});
