import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const ROOT = import.meta.dirname;

// ---------------------------------------------------------------------------------------------------------------
// Boundaries (docs/decisions/010-domain-boundaries.md)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Pure cores: rules as plain functions, tested without a database, usable on the server and in the browser. A new
 * pure core is one more folder here (and its I/O goes to the db-facing domain beside it, as lib/policies does for
 * lib/policy-matching).
 */
export const PURE_CORES = ['lib/policy-matching', 'lib/party/transfer-machine.ts', 'lib/party/dues-calculator.ts', 'lib/party/activities-quorum.ts', 'lib/party/reports-period.ts', 'lib/party/mobile-machine.ts'];
/** A pure core is a folder or a single module (the transfer state machine beside its db-facing service). */
const pureCoreGlob = (entry) => (/\.tsx?$/.test(entry) ? entry : `${entry}/**/*.{ts,tsx}`);

/**
 * Platform folders under lib/: importable from every domain, and not domains themselves. Files directly in lib/
 * (clock.ts, env.ts, access.ts, navigation.ts, domains.ts …) are platform too. Every other folder is a domain.
 * `notifications` is the one domain listed here: every domain notifies through it (it knows no domain: each one
 * registers its kinds), so it is a sink like audit, not a peer.
 */
export const PLATFORM = ['actions', 'api', 'audit', 'auth', 'crypto', 'events', 'home', 'http', 'i18n', 'jobs', 'notifications', 'storage', 'system', 'uploads'];

/** A domain's entry points: never imported by another domain. */
const ENTRY_MODULES = ['service', 'actions', 'api'];

/** Server-side modules (server-only, 'use server', or the database client) are private to their domain, except queries. */
const SERVER_SIDE = /^\s*(?:import\s+['"]server-only['"]|['"]use server['"])|from\s+['"]@\/db\/client['"]/m;
const serverSideCache = new Map();
function isServerSide(file) {
  if (!serverSideCache.has(file)) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // unreadable: decided by its name alone
    }
    serverSideCache.set(file, SERVER_SIDE.test(text));
  }
  return serverSideCache.get(file);
}

function existingFile(abs) {
  for (const candidate of [abs, `${abs}.ts`, `${abs}.tsx`, `${abs}.mjs`, `${abs}.js`, path.join(abs, 'index.ts'), path.join(abs, 'index.tsx')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

const toPosix = (p) => p.split(path.sep).join('/');
/** lib/<domain>/<module> of a repository-relative path, or null for platform code and files outside lib/. */
function domainOf(rel) {
  const m = /^lib\/([^/]+)\/(.+)$/.exec(rel);
  if (!m || PLATFORM.includes(m[1])) return null;
  return { domain: m[1], module: m[2].replace(/\.(?:tsx?|mjs|js)$/, '') };
}

/** One domain never imports another domain's service, actions, api or any other server-side module but queries. */
const domainBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A domain reaches another domain only through its queries, schemas and pure modules (ADR 010).' },
    schema: [],
    messages: {
      entry: "lib/{{from}} must not import {{to}}'s {{module}} (another domain's entry point). Read through lib/{{to}}/queries.ts, schemas or pure modules, or react to its events (ADR 010).",
      serverSide: "lib/{{from}} must not import {{to}}'s server-side module {{module}}. Read through lib/{{to}}/queries.ts, or move the shared piece into a platform module (ADR 010).",
    },
  },
  create(context) {
    const self = domainOf(toPosix(path.relative(ROOT, context.filename)));
    if (!self) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !(spec.startsWith('@/') || spec.startsWith('.'))) return;
      const abs = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(context.filename), spec);
      const target = domainOf(toPosix(path.relative(ROOT, abs)));
      if (!target || target.domain === self.domain) return;
      const data = { from: self.domain, to: target.domain, module: target.module };
      const first = target.module.split('/')[0];
      if (ENTRY_MODULES.includes(first)) return context.report({ node, messageId: 'entry', data });
      if (first === 'queries') return;
      const file = existingFile(abs);
      if (file && isServerSide(file)) context.report({ node, messageId: 'serverSide', data });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

/** Module specifiers a pure core must not import (also used by the transitive check in tests/lint-boundaries.test.ts). */
export const IMPURE_SPECIFIER = new RegExp(`^(?:next|react|react-dom|server-only|client-only|postgres|drizzle-orm|drizzle-kit|@electric-sql|@/db|${builtinModules.join('|')})(?:/|$)|^node:`);

const PURE_MESSAGE = 'A pure core (ADR 010) imports no Next, React, server-only, database or Node I/O module: keep I/O in the db-facing domain (e.g. lib/policies for lib/policy-matching).';
const pureCoreImports = {
  paths: ['next', 'react', 'react-dom', 'server-only', 'client-only', 'postgres', ...builtinModules].map((name) => ({ name, message: PURE_MESSAGE })),
  patterns: [
    { regex: '^(next|react|react-dom|drizzle-orm|drizzle-kit|@electric-sql|@/db)(/|$)', message: PURE_MESSAGE },
    { regex: '^node:', message: PURE_MESSAGE },
    { regex: `^(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})/`, message: PURE_MESSAGE },
    { regex: '^(\\.\\./)+db(/|$)', message: PURE_MESSAGE },
  ],
};

// ---------------------------------------------------------------------------------------------------------------

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'test-results-*/**', '.pglite-e2e*/**', 'node_modules/**', '.data/**', '.bench/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='sql'][property.name='raw']", message: 'sql.raw bypasses parameterisation (security.md #31).' },
      ],
    },
  },
  {
    // Playwright fixtures call `use()`, which is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Only the data layer, services, scripts and tests touch the database client.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '@/db/client'], message: 'Pages and components call lib/<domain> services, never the database.' }] }],
    },
  },
  {
    // Domain boundaries; tests and permission-matrix fixtures compose domains freely (as pages do).
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/matrix.fixtures.ts'],
    plugins: { jp: { rules: { 'domain-boundaries': domainBoundaries } } },
    rules: { 'jp/domain-boundaries': 'error' },
  },
  {
    files: PURE_CORES.map(pureCoreGlob),
    rules: { 'no-restricted-imports': ['error', pureCoreImports] },
  },
];

export default config;
