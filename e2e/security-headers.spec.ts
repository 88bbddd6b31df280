import type { APIResponse } from '@playwright/test';
import { expect, loginAs, test } from './fixtures';

/** (h) Security headers on pages, API responses, error pages and static assets; the session cookie's flags. */
function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${what}: CSP`).toContain("object-src 'none'");
  expect(csp, `${what}: CSP`).toContain("base-uri 'none'");
  expect(csp, `${what}: CSP`).toMatch(/frame-ancestors '(none|self)'/);
  expect(csp, `${what}: CSP`).not.toContain("'unsafe-eval'");
  expect(h['strict-transport-security'], `${what}: HSTS`).toMatch(/max-age=\d{7,}/);
  expect(h['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(h['referrer-policy'], `${what}: Referrer-Policy`).toBeTruthy();
  expect(h['x-powered-by'], `${what}: X-Powered-By`).toBeUndefined();
}

test.describe('security headers', () => {
  test('pages, API, 404 and static assets carry the security headers', async ({ request }) => {
    // An anonymous visitor's landing page is the cached copy (ADR 019): no nonce, inline scripts allowed, every other
    // directive as strict, and no shared cache may keep it.
    const landing = await request.get('/');
    expect(landing.status()).toBe(200);
    expectSecurityHeaders(landing, '/');
    expect(landing.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(landing.headers()['content-security-policy']).not.toMatch(/nonce|strict-dynamic/);
    expect(landing.headers()['cache-control']).toBe('private, no-cache');

    // Pages rendered at request time get a per-request nonce for their scripts.
    const login = await request.get('/login');
    expect(login.status()).toBe(200);
    expectSecurityHeaders(login, '/login');
    expect(login.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);

    const health = await request.get('/api/v1/health');
    expect(health.status()).toBe(200);
    expectSecurityHeaders(health, '/api/v1/health');

    const missing = await request.get('/this-page-does-not-exist');
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, '404 page');
    expect(await missing.text()).toContain('页面不存在');
    // A policy that does not exist, asked for anonymously: the cached tree's own 404 page, in the visitor's language.
    const noPolicy = await request.get('/policies/ZZ-999');
    expect(noPolicy.status()).toBe(404);
    expect(await noPolicy.text()).toContain('页面不存在');
    // The cached tree is not an address of its own.
    expect((await request.get('/cached/zh-CN/policies')).status()).toBe(404);

    // A static asset referenced by the login page.
    const html = await login.text();
    const asset = /\/_next\/static\/[^"'\s<>]+\.(?:css|js)/.exec(html)?.[0];
    expect(asset, 'a /_next/static asset in the login page').toBeTruthy();
    const staticRes = await request.get(asset!);
    expect(staticRes.status()).toBe(200);
    expectSecurityHeaders(staticRes, asset!);

    // Browsers ask for /favicon.ico on their own; it must exist (a 404 there showed up on every first visit).
    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('the nonce-based CSP lets the app run without violations', async ({ page }) => {
    // The console guard fails this test on any "Refused to execute/load … Content Security Policy" error.
    await loginAs(page, 'org_admin');
    await page.goto('/account');
    await expect(page.getByTestId('session-list')).toBeVisible();
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    await loginAs(page, 'talent');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'jp.session');
    expect(session, 'session cookie').toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    expect(session!.path).toBe('/');
    // next-auth's helper cookies are not readable by scripts either (the CSRF token is meant to be double-submitted).
    for (const c of cookies.filter((c) => c.name.startsWith('next-auth.') && c.name !== 'next-auth.csrf-token')) {
      expect(c.httpOnly, `${c.name} HttpOnly`).toBe(true);
    }
    // Nothing in document.cookie exposes the session.
    expect(await page.evaluate(() => document.cookie)).not.toContain('jp.session');
  });
});
