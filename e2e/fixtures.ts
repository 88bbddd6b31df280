import { expect, test as base, type Page } from '@playwright/test';

/** Demo accounts seeded by scripts/seed.ts (db/seed-data.ts); all share one password. */
export const DEMO_PASSWORD = 'Jingpiao-2026';

export const ACCOUNTS = {
  talent: { email: 'talent@demo.local', name: '陈思远', roleZh: '景漂人才', roleEn: 'Talent' },
  zone_staff: { email: 'staff@demo.local', name: '刘敏（经开区）', roleZh: '园区工作人员', roleEn: 'Zone staff' },
  branch_secretary: { email: 'secretary@demo.local', name: '王建华（支部书记）', roleZh: '党支部书记', roleEn: 'Branch secretary' },
  org_admin: { email: 'orgdept@demo.local', name: '赵雪（区委组织部）', roleZh: '区委组织部', roleEn: 'Organisation department' },
  sysadmin: { email: 'admin@demo.local', name: '系统管理员', roleZh: '系统管理员', roleEn: 'System administrator' },
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

/** The one generic login failure message (no account enumeration). */
export const INVALID_CREDENTIALS_ZH = '账号或密码不正确，或账户暂时不可用。连续失败 5 次将锁定 15 分钟。';

/** Unique per run and per project, so journeys that create data do not collide on a reused database. */
export function uniqueSuffix(projectName: string): string {
  return `${projectName}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Waits until React has hydrated the element (it then carries __reactProps$… keys). Typing into a server-rendered
 * form before hydration would be lost, and submitting it would bypass the client handler.
 */
export async function waitForHydration(page: Page, selector = 'form'): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return !!el && Object.keys(el).some((k) => k.startsWith('__reactProps$'));
    },
    selector,
  );
}

/** Fills and submits the login form at /login (Chinese UI). Does not wait for the outcome. */
export async function submitLogin(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await waitForHydration(page, 'form[aria-label="登录"]');
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Logs in through the UI and waits for the dashboard. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function loginAs(page: Page, role: DemoRole): Promise<void> {
  await login(page, ACCOUNTS[role].email);
  await expect(page.getByRole('heading', { level: 1, name: `你好，${ACCOUNTS[role].name}` })).toBeVisible();
}

/**
 * Below the lg breakpoint (phones, the `mobile` project) the signed-in navigation, the language switch and logout
 * sit in the "☰ 菜单" disclosure: this opens it when its button is visible (a no-op on desktop or when open).
 */
export async function openNav(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if (!(await toggle.isVisible())) return;
  await waitForHydration(page, '[data-testid="menu-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Closes the phone menu again (Escape), so it no longer covers the page. A no-op when it is closed. */
export async function closeNav(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if (!(await toggle.isVisible()) || (await toggle.getAttribute('aria-expanded')) !== 'true') return;
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
}

export interface ConsoleGuard {
  /** Console errors matching this pattern are expected in this test (e.g. the browser's "status of 403" line). */
  allow(pattern: RegExp): void;
  /** Watches another page (e.g. one opened in a second context). */
  watch(page: Page): void;
}

/** The browser's own console line for an expected HTTP error status on the document or a fetch. */
export const httpStatusLine = (status: number) => new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

/**
 * `page` fails the test on uncaught page errors and on console errors nobody declared as expected: hydration
 * mismatches, CSP violations, failed chunks and React warnings all surface as one of those.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard & { problems: () => string[] } }>({
  // Playwright requires a destructuring pattern for fixture arguments.
  consoleGuard: async ({}, use) => {
    const allowed: RegExp[] = [];
    const errors: string[] = [];
    const watched = new WeakSet<Page>();
    const guard = {
      allow: (p: RegExp) => void allowed.push(p),
      watch(page: Page) {
        if (watched.has(page)) return;
        watched.add(page);
        page.on('pageerror', (err) => errors.push(`pageerror: ${err.name}: ${err.message}`));
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          const loc = msg.location();
          errors.push(`console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
        });
      },
      // Page errors always fail; console errors fail unless a test declared them expected.
      problems: () => errors.filter((e) => e.startsWith('pageerror:') || !allowed.some((p) => p.test(e))),
    };
    await use(guard);
  },
  page: async ({ page, consoleGuard }, use) => {
    consoleGuard.watch(page);
    await use(page);
    expect(consoleGuard.problems(), 'unexpected errors in the browser console').toEqual([]);
  },
});

export { expect };
