import { expect, httpStatusLine, INVALID_CREDENTIALS_ZH, loginAs, openNav, submitLogin, test, uniqueSuffix, login } from './fixtures';

test.describe('sign-in, sign-out and access control', () => {
  test('(c) logout returns to /login with a message, and app pages then redirect to /login', async ({ page, context }) => {
    await loginAs(page, 'talent');
    expect((await context.cookies()).some((c) => c.name === 'jp.session')).toBe(true);

    await openNav(page);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1$/);
    await expect(page.getByText('你已安全退出。')).toBeVisible();
    expect((await context.cookies()).some((c) => c.name === 'jp.session')).toBe(false);

    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  });

  test('(c) a logged-out session token is dead on the server too', async ({ page, context, browser }) => {
    await loginAs(page, 'talent');
    const session = (await context.cookies()).find((c) => c.name === 'jp.session');
    expect(session).toBeDefined();
    await openNav(page);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1$/);

    // Replaying the old cookie from another device must not get in.
    const replay = await browser.newContext();
    try {
      await replay.addCookies([session!]);
      const other = await replay.newPage();
      await other.goto('/dashboard');
      await expect(other).toHaveURL(/\/login/);
    } finally {
      await replay.close();
    }
  });

  test('(d) a talent opening /admin/users gets the 403 page', async ({ page, consoleGuard }) => {
    consoleGuard.allow(httpStatusLine(403));
    await loginAs(page, 'talent');
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByTestId('user-table')).toHaveCount(0);
    // The way out works.
    await page.getByRole('link', { name: '返回首页' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('(e) wrong password and unknown account get the same generic message', async ({ page, consoleGuard }, testInfo) => {
    consoleGuard.allow(httpStatusLine(401));
    // A demo account no other journey uses; the successful login at the end clears its failure counter,
    // so repeated runs never reach the 5-failure lockout.
    const known = 'zhou.yao@demo.local';
    const unknown = `nobody-${uniqueSuffix(testInfo.project.name)}@example.invalid`;

    await submitLogin(page, known, 'Wrong-password-1');
    const alert = page.getByText(INVALID_CREDENTIALS_ZH);
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('密码', { exact: true })).toHaveValue('');
    const wrongPasswordText = await alert.textContent();

    await page.reload();
    await submitLogin(page, unknown, 'Wrong-password-1');
    await expect(alert).toBeVisible();
    expect(await alert.textContent()).toBe(wrongPasswordText);
    // Nothing in the page distinguishes the two cases.
    await expect(page.getByText(/不存在|未注册|not found|does not exist/i)).toHaveCount(0);

    await page.reload();
    await login(page, known);
  });

  test('(e) the API gives the same 401 body for a wrong password and an unknown account', async ({ request }, testInfo) => {
    const strip = (body: Record<string, unknown>) => {
      const { instance: _i, traceId: _t, requestId: _r, ...rest } = body;
      return rest;
    };
    const wrong = await request.post('/api/v1/auth/login', { data: { login: 'zhou.yao@demo.local', password: 'Wrong-password-2' } });
    const unknown = await request.post('/api/v1/auth/login', {
      data: { login: `nobody-${uniqueSuffix(testInfo.project.name)}@example.invalid`, password: 'Wrong-password-2' },
    });
    expect(wrong.status()).toBe(401);
    expect(unknown.status()).toBe(401);
    expect(strip(await unknown.json())).toEqual(strip(await wrong.json()));
    // Clear the failure counter of the known account.
    const ok = await request.post('/api/v1/auth/login', { data: { login: 'zhou.yao@demo.local', password: 'Jingpiao-2026' } });
    expect(ok.status()).toBe(200);
    const { token } = (await ok.json()) as { token: string };
    expect((await request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(204);
  });
});

test.describe('before hydration', () => {
  // A slow phone, or a script that failed to load: the server-rendered form is submitted natively.
  test.use({ javaScriptEnabled: false });

  test('a login form submitted without JavaScript never puts the password in the URL', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('手机号或邮箱').fill('talent@demo.local');
    await page.getByLabel('密码', { exact: true }).fill('Jingpiao-2026');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.isNavigationRequest() && r.url().startsWith(new URL('/login', page.url()).href)),
      page.getByRole('button', { name: '登录', exact: true }).click(),
    ]);
    expect(request.method()).toBe('POST');
    await page.waitForLoadState();
    expect(page.url()).not.toContain('Jingpiao-2026');
    expect(page.url()).not.toContain('password');
  });
});
