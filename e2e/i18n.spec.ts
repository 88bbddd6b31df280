import { ACCOUNTS, expect, loginAs, test, waitForHydration } from './fixtures';

test('(b) the language switch turns the UI English, survives a reload, and switches back', async ({ page, context }) => {
  await loginAs(page, 'talent');
  const name = ACCOUNTS.talent.name;
  const toggle = page.getByTestId('language-switch');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(toggle).toHaveText('English');

  await waitForHydration(page, '[data-testid="language-switch"]');
  await toggle.click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My account' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(toggle).toHaveText('中文');
  const cookie = (await context.cookies()).find((c) => c.name === 'jp_locale');
  expect(cookie?.value).toBe('en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Other pages follow the remembered choice.
  await page.goto('/account');
  await expect(page.getByTestId('account-role')).toHaveText(ACCOUNTS.talent.roleEn);

  await waitForHydration(page, '[data-testid="language-switch"]');
  await toggle.click();
  await expect(page.getByTestId('account-role')).toHaveText(ACCOUNTS.talent.roleZh);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(toggle).toHaveText('English');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
});

test('(b) the language switch works before login too', async ({ page }) => {
  await page.goto('/login');
  await waitForHydration(page, '[data-testid="language-switch"]');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Mobile number or e-mail')).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
});
