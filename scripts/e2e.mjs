#!/usr/bin/env node
/**
 * npm run test:e2e [-- <playwright args>]
 *   Checks that Debian's Chromium is installed, builds the app when .next/BUILD_ID is missing, then runs
 *   `playwright test` with the extra arguments and exits with its code. Playwright starts the server through
 *   `node scripts/e2e.mjs --serve` (playwright.config.ts), which prepares the database first.
 *
 * node scripts/e2e.mjs --serve
 *   The web-server command: without DATABASE_URL, deletes $PGLITE_DIR (.pglite-e2e) and seeds it; with DATABASE_URL,
 *   migrates and seeds that database (idempotent). The seed process exits — releasing the PGlite directory — before
 *   `next start` opens it (PGlite allows one process per directory). Environment comes from playwright.config.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}

function run(cmd, args, label, env = process.env) {
  const started = Date.now();
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.error) fail(`✗ ${label}: ${r.error.message}`);
  if (r.status !== 0) fail(`✗ ${label} failed (exit ${r.status ?? r.signal}).`, r.status ?? 1);
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!fs.existsSync(bin('next')) || !fs.existsSync(bin('playwright'))) {
  fail('Dependencies are missing: run `npm ci` first. / 缺少依赖，请先运行 npm ci。');
}

if (process.argv[2] === '--serve') {
  serve();
} else {
  main();
}

function serve() {
  if (process.env.APP_ENV !== 'test') fail('scripts/e2e.mjs --serve is started by Playwright (APP_ENV=test); run `npm run test:e2e`.');
  if (process.env.DATABASE_URL) {
    run(bin('tsx'), ['scripts/seed.ts'], 'e2e database: migrate and seed PostgreSQL (DATABASE_URL)');
  } else {
    const dir = path.resolve(process.env.PGLITE_DIR ?? '.pglite-e2e');
    if (dir === path.resolve('.data', 'pglite') || !path.basename(dir).includes('e2e')) {
      fail(`Refusing to delete ${dir}: the e2e PGlite directory must be a dedicated one (e.g. .pglite-e2e).`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true }); // lock file of db/pglite-lock.ts, beside the directory
    run(bin('tsx'), ['scripts/seed.ts'], `e2e database: fresh PGlite at ${path.relative(process.cwd(), dir)}`);
  }
  const port = process.env.PORT ?? '3200';
  const server = spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env: process.env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    fail(
      [
        `Chromium not found at ${chromium}.`,
        'The e2e suite drives the Debian package (`npx playwright install` needs network access that is not available):',
        '  sudo apt-get update && sudo apt-get install -y chromium',
        'or point CHROMIUM_PATH at another Chromium binary. / 未找到 Chromium：请运行 apt-get install -y chromium，或设置 CHROMIUM_PATH。',
      ].join('\n'),
    );
  }

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID')) || process.env.E2E_BUILD === '1') run(bin('next'), ['build'], `Build (${distDir})`, env);

  const started = Date.now();
  const child = spawn(bin('playwright'), ['test', ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s (playwright exit ${code ?? signal}).`);
    process.exit(code ?? 1);
  });
}
