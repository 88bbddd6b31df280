import { ACCOUNTS, closeNav, expect, loginAs, openNav, test, type DemoRole } from './fixtures';

/** (a) Each role logs in and lands on its own dashboard: greeting, role in the header, role-aware navigation. */
const ROLES = Object.keys(ACCOUNTS) as DemoRole[];

test.describe('role landing pages', () => {
  for (const role of ROLES) {
    test(`${role} sees a role-appropriate dashboard`, async ({ page, isMobile }) => {
      const account = ACCOUNTS[role];
      await loginAs(page, role);

      // The header says who is signed in and in which role (on phones the line sits in the closed "☰ 菜单"
      // disclosure, so it is checked as present in the header, and the account page shows the role instead).
      const whoami = page.getByTestId('whoami');
      await expect(whoami).toHaveText(`${account.name} · ${account.roleZh}`);
      if (!isMobile) await expect(whoami).toBeVisible();

      // On the phone the navigation, who is signed in and logout are in the "☰ 菜单" disclosure.
      await openNav(page);
      const nav = page.getByRole('navigation', { name: '菜单' });
      await expect(nav.getByRole('link', { name: '工作台' })).toBeVisible();
      await expect(nav.getByRole('link', { name: '我的账户' })).toBeVisible();
      if (role === 'sysadmin') {
        await expect(nav.getByRole('link', { name: '账户管理' })).toBeVisible();
      } else {
        await expect(page.getByRole('link', { name: '账户管理' })).toHaveCount(0);
      }
      await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
      await closeNav(page);

      const tree = page.getByTestId('org-tree');
      switch (role) {
        case 'talent':
          // Issue 13 §1: a home built from the talent's own data, each card leading to where the work is done.
          await expect(page.getByText('这里还没有内容')).toHaveCount(0);
          await expect(page.getByTestId('home-talent-profile')).toContainText('我的人才档案');
          await expect(page.getByTestId('home-policies')).toContainText(/符合条件 \d+ 项/);
          await expect(page.getByTestId('home-applications')).toBeVisible();
          await expect(page.getByTestId('home-notifications')).toBeVisible();
          await page.getByTestId('home-policies').getByRole('link', { name: '查看我的政策' }).click();
          await expect(page).toHaveURL(/\/my-policies$/);
          await page.goBack();
          await expect(tree).toHaveCount(0);
          break;
        case 'zone_staff':
          await expect(page.getByText(/景德镇高新技术产业开发区（经开区）/)).toBeVisible();
          await expect(page.getByTestId('home-staff-applications')).toContainText('待审核的申请');
          await expect(page.getByTestId('home-staff-verification')).toContainText('待核验的材料');
          await expect(tree).toHaveCount(0);
          break;
        case 'branch_secretary':
          // Her own branch (and only her subtree): no sibling branches, no parent committees.
          await expect(tree).toContainText('景漂陶瓷流动党员党支部');
          await expect(tree).not.toContainText('陶溪川文创街区联合党支部');
          await expect(tree).not.toContainText('三宝国际陶艺村党支部');
          await expect(tree).not.toContainText('珠山区两新组织党委');
          break;
        case 'org_admin':
          await expect(tree).toContainText('中共景德镇市珠山区委员会');
          await expect(tree).toContainText('景漂陶瓷流动党员党支部');
          await expect(tree).toContainText('陶溪川文创街区联合党支部');
          break;
        case 'sysadmin':
          await expect(page.getByTestId('home-admin-accounts')).toContainText(/共 \d+ 个账户/);
          await expect(page.getByTestId('home-admin-accounts').getByRole('link', { name: '管理账户' })).toBeVisible();
          await page.getByTestId('home-admin-audit').getByRole('button', { name: '立即校验' }).click();
          await expect(page.getByTestId('home-admin-audit').getByRole('status')).toContainText('审计链完整');
          await expect(tree).toHaveCount(0);
          break;
      }

      await openNav(page);
      await nav.getByRole('link', { name: '我的账户' }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId('account-role')).toHaveText(account.roleZh);
    });
  }
});

test('the landing page marks as live exactly what works, and each live card leads to it', async ({ page }) => {
  await page.goto('/');
  const card = (key: string) => page.locator(`[data-capability="${key}"]`);
  // Every capability works now (流动党员报到 since issue 10, spaces and mentors since issues 11 and 12).
  for (const key of ['profile', 'policies', 'apply', 'party_transfer', 'mobile_members', 'spaces', 'mentors']) {
    await expect(card(key)).toHaveAttribute('data-live', 'true');
    await expect(card(key)).toContainText('已上线');
  }
  await expect(page.getByText('即将上线')).toHaveCount(0);
  await card('policies').getByRole('link', { name: /去看看/ }).click();
  await expect(page).toHaveURL(/\/policies$/);
});
