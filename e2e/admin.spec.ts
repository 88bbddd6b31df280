import { expect, httpStatusLine, INVALID_CREDENTIALS_ZH, loginAs, openNav, submitLogin, test, uniqueSuffix, waitForHydration } from './fixtures';

test('(f) sysadmin creates a zone_staff account, disables it, and it can no longer log in', async ({ page, browser, consoleGuard }, testInfo) => {
  const suffix = uniqueSuffix(testInfo.project.name);
  const displayName = `测试工作人员 ${suffix.slice(-8)}`;
  const email = `e2e-staff-${suffix}@example.test`;
  const password = 'Qinghua-Kiln-2026';

  await loginAs(page, 'sysadmin');
  await openNav(page);
  await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name: '账户管理' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: '账户管理' })).toBeVisible();

  const form = page.getByRole('form', { name: '新建账户' });
  await waitForHydration(page, 'form[aria-label="新建账户"]');
  await form.getByLabel('姓名').fill(displayName);
  await form.getByLabel('邮箱').fill(email);
  await form.getByLabel('角色', { exact: true }).selectOption('zone_staff');
  await form.getByLabel('所属园区').selectOption({ label: '景德镇高新技术产业开发区（经开区）' });
  await form.getByLabel('初始密码').fill(password);
  await form.getByRole('button', { name: '新建账户' }).click();
  await expect(form.getByText('账户已创建')).toBeVisible();

  // The list (newest first) shows the new account as an active zone staff member.
  const row = page.getByTestId('user-table').getByRole('row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(displayName);
  await expect(row).toContainText('园区工作人员');
  await expect(row).toContainText('正常');

  // The new account works on another device before it is disabled...
  const device = await browser.newContext();
  try {
    const other = await device.newPage();
    consoleGuard.watch(other);
    await submitLogin(other, email, password);
    await expect(other).toHaveURL(/\/dashboard$/);
    await expect(other.getByRole('heading', { level: 1, name: `你好，${displayName}` })).toBeVisible();
    await expect(other.getByText(/景德镇高新技术产业开发区（经开区）/)).toBeVisible();

    // ...then the administrator disables it.
    await row.getByRole('link', { name: displayName }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
    await waitForHydration(page, '[data-testid="toggle-disabled"]');
    await page.getByTestId('toggle-disabled').click();
    await expect(page.getByTestId('toggle-disabled')).toHaveText('启用');

    await openNav(page);
    await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name: '账户管理' }).click();
    await expect(page.getByTestId('user-table').getByRole('row').filter({ hasText: email })).toContainText('已停用');

    // The running session ends on its next request, and a new login gets the generic error.
    await other.reload();
    await expect(other).toHaveURL(/\/login/);
    consoleGuard.allow(httpStatusLine(401));
    await submitLogin(other, email, password);
    await expect(other.getByText(INVALID_CREDENTIALS_ZH)).toBeVisible();
    await expect(other).toHaveURL(/\/login/);
  } finally {
    await device.close();
  }
});

test('(f) the create form explains a missing zone and a weak password', async ({ page }, testInfo) => {
  await loginAs(page, 'sysadmin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: '新建账户' });
  await waitForHydration(page, 'form[aria-label="新建账户"]');
  await form.getByLabel('姓名').fill('缺少园区');
  await form.getByLabel('邮箱').fill(`e2e-invalid-${uniqueSuffix(testInfo.project.name)}@example.test`);
  await form.getByLabel('角色', { exact: true }).selectOption('zone_staff');
  await form.getByLabel('初始密码').fill('short');
  await form.getByRole('button', { name: '新建账户' }).click();
  await expect(form.getByText('园区工作人员必须指定园区')).toBeVisible();
  await expect(form.getByText('密码至少 8 位')).toBeVisible();
  await expect(form.getByText('账户已创建')).toHaveCount(0);
});
