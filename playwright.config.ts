import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end suite: the production build (`next start`) on a fresh PGlite directory, or on PostgreSQL when
 * DATABASE_URL is set. Run it with `npm run test:e2e` (scripts/e2e.mjs checks Chromium and builds if needed).
 *
 * The web server command is `node scripts/e2e.mjs --serve`: it deletes and seeds .pglite-e2e (the seed must close
 * the directory before the server opens it: PGlite allows one process per directory), then runs `next start`.
 * Everything runs on Debian's chromium (`npx playwright install` needs network access we do not have).
 */
const PORT = Number(process.env.E2E_PORT ?? 3200);
// localhost, not 127.0.0.1: NextRequest rewrites loopback hosts to localhost (stack-notes §5.4).
const BASE_URL = `http://localhost:${PORT}`;
const CI = !!process.env.CI && process.env.CI !== 'false';

/** The server's environment; scripts/e2e.mjs --serve seeds with the same values (the master key must match). */
const serverEnv: Record<string, string> = {
  APP_ENV: 'test',
  APP_TEST_CLOCK: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_URL: BASE_URL,
  PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? '.pglite-e2e',
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
  // base64 of the 32 bytes "jingpiao-e2e-master-key-32bytes!" — a fixed, public test key.
  APP_MASTER_KEY: 'amluZ3BpYW8tZTJlLW1hc3Rlci1rZXktMzJieXRlcyE=',
  // Every browser and API login comes from one address; the per-IP throttle (50 per 15 min) would otherwise trip
  // half-way through two projects. The throttle itself is covered by the unit tests.
  LOGIN_IP_LIMIT: '1000',
  PORT: String(PORT),
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
};

const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: CI,
  workers: 1, // 2 cores: one browser plus the server and PGlite
  retries: CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch },
    },
    {
      // The portal's users are on phones: every journey runs at phone size with touch too.
      name: 'mobile',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e.mjs --serve',
    url: `${BASE_URL}/api/v1/health`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: process.env.E2E_SERVER_LOG ? 'pipe' : 'ignore', // E2E_SERVER_LOG=1 shows the server's request log
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
