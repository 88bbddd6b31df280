/**
 * 师带徒 on a phone (issue 12 §1): 陈思远 (talent@demo.local) looks for a 青花 master who takes apprentices at /mentors,
 * opens 汪青岚 (a demo mentor recorded by staff, without an account), asks to become her apprentice; zone staff answer
 * for the master on 导师管理 and accept with a 24-month agreement; 陈思远 sees 已拜师 and the agreement on 我的师徒.
 * Runs once, on the phone project, against the fresh seed (a second request to the same mentor would be refused with
 * OPEN_REQUEST_EXISTS).
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { MENTOR_IDS } from '../db/seed-mentors-ids';
import { login, test, waitForHydration, type ConsoleGuard } from './fixtures';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;

async function phonePage(browser: Browser, guard: ConsoleGuard): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  guard.watch(page);
  return page;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe.serial('师带徒: find a 青花 master, ask, the master accepts', () => {
  test.skip(({ isMobile }) => !isMobile, 'one journey per fresh database, on the phone project');

  test('a talent finds a 青花 mentor on a phone and asks; staff accept for the master; the talent sees it', async ({ page, browser, consoleGuard }) => {
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, 'talent@demo.local');

    // Find: 青花（分水/混水）, taking apprentices.
    await phone.goto('/mentors');
    await expect(phone.getByRole('heading', { level: 1, name: '大师与导师' })).toBeVisible();
    await phone.getByLabel('工种').selectOption('qinghua_fill');
    await phone.getByLabel('收徒').selectOption('1');
    await phone.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(phone).toHaveURL(/craft=qinghua_fill/);
    const card = phone.getByTestId('mentor-card').filter({ hasText: '汪青岚' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('演示数据');
    await expect(card).toContainText('收徒中');
    await noHorizontalScroll(phone);

    // Ask.
    await card.click();
    await expect(phone).toHaveURL(new RegExp(`/mentors/${MENTOR_IDS.wangQinglan}$`));
    await expect(phone.getByRole('heading', { level: 1, name: '汪青岚' })).toBeVisible();
    await expect(phone.getByTestId('mentor-credentials')).toContainText('资料收录（未核验）');
    await noHorizontalScroll(phone);
    await waitForHydration(phone, '[data-testid="mentor-request-form"]');
    await phone.getByLabel('申请留言').fill('我在陶溪川做青花勾线两年，想系统学习分水，每周可以投入四天。');
    await phone.getByRole('button', { name: '提交申请' }).click();
    await expect(phone.getByTestId('toast')).toContainText('拜师申请已提交');
    await expect(phone.getByTestId('my-request')).toContainText('待回复');

    // The master has no account: staff answer on 导师管理 and accept with a 24-month agreement.
    await login(page, 'staff@demo.local');
    await page.goto('/staff/mentors');
    const request = page.getByTestId('mentorship').filter({ hasText: '陈思远' });
    await expect(request).toBeVisible();
    await waitForHydration(page, '[data-testid="staff-mentorships"]');
    await request.getByRole('button', { name: '接受' }).click();
    const dialog = page.getByTestId('mentorship-dialog');
    await dialog.getByLabel('协议期限（月）').fill('24');
    await dialog.getByLabel('回复留言（选填）').fill('欢迎，下周一来工作室。');
    await dialog.getByRole('button', { name: '接受' }).click();
    await expect(page.getByTestId('toast')).toContainText('已接受拜师申请');
    await expect(request).toContainText('已拜师');

    // The talent sees it on 我的师徒.
    await phone.goto('/my-mentorships');
    const sent = phone.getByTestId('mentorships-sent').getByTestId('mentorship').filter({ hasText: '汪青岚' });
    await expect(sent).toContainText('已拜师');
    await expect(sent).toContainText('24 个月');
    await expect(sent).toContainText('欢迎，下周一来工作室。');
    await noHorizontalScroll(phone);
  });
});
