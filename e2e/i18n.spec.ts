import { ACCOUNTS, expect, loginAs, openNav, test, waitForHydration, type DemoRole } from './fixtures';

test('(b) the language switch turns the UI English, survives a reload, and switches back', async ({ page, context }) => {
  await loginAs(page, 'talent');
  const name = ACCOUNTS.talent.name;
  const toggle = page.getByTestId('language-switch');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(toggle).toHaveText('English');

  await openNav(page); // on the phone the switch is in the "☰ 菜单" disclosure
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

  await openNav(page);
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

/**
 * Issue 13 §5: in English the signed-in header stays on one line at 1280 px for every role (the Party organisers'
 * entries are one "Party work" disclosure), and at 390 px the navigation is a "Menu" button whose disclosure lists
 * the entries, the language switch and logout; Escape closes it and focus returns to the button.
 */
test('(b) in English the header is one line at 1280 px, and a menu on the phone', async ({ page, context, isMobile }) => {
  for (const role of ['talent', 'zone_staff', 'branch_secretary', 'org_admin', 'sysadmin'] as DemoRole[]) {
    await context.clearCookies();
    await loginAs(page, role);
    await openNav(page);
    await waitForHydration(page, '[data-testid="language-switch"]');
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const header = page.locator('header').first();
    if (!isMobile) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My account' })).toBeVisible();
      // One line: the logo row is 57 px high; a wrapped header would be at least twice that.
      expect((await header.boundingBox())!.height).toBeLessThan(72);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      if (role === 'branch_secretary' || role === 'org_admin') {
        const party = page.getByRole('button', { name: 'Party work' });
        await party.click();
        await expect(party).toHaveAttribute('aria-expanded', 'true');
        await expect(page.getByRole('link', { name: 'Dues collection' })).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(party).toHaveAttribute('aria-expanded', 'false');
        await expect(party).toBeFocused();
      }
    } else {
      await page.keyboard.press('Escape');
      const toggle = page.getByTestId('menu-toggle');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(toggle).toBeFocused();
      await expect(page.getByRole('navigation', { name: 'Menu' })).toBeHidden();
      expect((await header.boundingBox())!.height).toBeLessThan(72);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await toggle.click();
      await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My account' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
      if (role === 'branch_secretary') await expect(page.getByRole('link', { name: 'Dues collection' })).toBeVisible();
    }
    // Back to Chinese for the next role (the choice is stored on the account).
    await openNav(page);
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  }
});
