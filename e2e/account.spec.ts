import { expect, login, openNav, test, waitForHydration } from './fixtures';

// A demo talent no other journey signs in as in the browser, so a policy slip could never lock others out.
const ACCOUNT = 'lin.qingci@demo.local';

test('(g) the account page lists sessions and validates a weak new password in Chinese', async ({ page }) => {
  await login(page, ACCOUNT);
  await openNav(page);
  await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name: '我的账户' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();

  const sessions = page.getByTestId('session-list');
  await expect(sessions.getByRole('listitem').filter({ hasText: '当前设备' })).toHaveCount(1);
  await expect(sessions).toContainText('Web');

  const form = page.getByRole('form', { name: '修改密码' });
  await waitForHydration(page, 'form[aria-label="修改密码"]');
  // Client-side: too short, and the confirmation does not match.
  await form.getByLabel('当前密码').fill('Jingpiao-2026');
  await form.getByLabel('新密码', { exact: true }).fill('abc');
  await form.getByLabel('确认新密码').fill('abd');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByText('密码至少 8 位')).toBeVisible();
  await expect(form.getByText('两次输入的新密码不一致')).toBeVisible();
  await expect(form.getByLabel('新密码', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // Server-side policy: long enough, but only one character class.
  await form.getByLabel('新密码', { exact: true }).fill('abcdefghij');
  await form.getByLabel('确认新密码').fill('abcdefghij');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByText('密码需包含大写字母、小写字母、数字、符号中的至少三类')).toBeVisible();
  await expect(form.getByLabel('新密码', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('密码已修改，其他设备已退出登录。')).toHaveCount(0);

  // The password did not change: a fresh login with the old one still works.
  await page.context().clearCookies();
  await login(page, ACCOUNT);
});

test('(g) the same validation speaks English when English is chosen', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'jp_locale', value: 'en', url: baseURL! }]);
  await page.goto('/login');
  await waitForHydration(page, 'form[aria-label="Log in"]');
  await page.getByLabel('Mobile number or e-mail').fill(ACCOUNT);
  await page.getByLabel('Password', { exact: true }).fill('Jingpiao-2026');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/account');
  await expect(page.getByTestId('session-list')).toContainText('This device');
  const form = page.getByRole('form', { name: 'Change password' });
  await waitForHydration(page, 'form[aria-label="Change password"]');
  await form.getByLabel('Current password').fill('Jingpiao-2026');
  await form.getByLabel('New password', { exact: true }).fill('abc');
  await form.getByLabel('Confirm new password').fill('xyz');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText(/at least 8/i)).toBeVisible();
  await expect(form.getByText('The new passwords do not match')).toBeVisible();
});
