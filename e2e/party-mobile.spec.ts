/**
 * 流动党员 on a phone (issue 10 §1, §6; the journey of the e2e): 周窑 — formal member in Hangzhou, registered
 * by the 区委组织部 and awaiting 报到 in the seed — scans the 陶溪川 branch's QR code (opens /party/check-in/{token}),
 * logs in and confirms; secretary2 (陶溪川) redirects him to the 景漂 branch with a reason; he reports there from
 * 我的党组织; secretary@ (景漂) accepts him into the branch. Runs once, on the phone project, against the fresh seed.
 *
 * EXTENSION POINTS for the lead (marked below): checking in to a 主题党日 of the 景漂 branch by its QR code, and paying
 * a month's dues at the 景漂 branch; then the secretary's dashboard shows it.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { PARTY_MEMBER_IDS } from '../db/seed-data';
import { DEMO_PASSWORD, httpStatusLine, login, submitLogin, test, waitForHydration, type ConsoleGuard } from './fixtures';

const ORG = { jingpiao: '6f1d0c3e-2b7a-4f51-9c1e-000000000003', taoxichuan: '6f1d0c3e-2b7a-4f51-9c1e-000000000004' } as const;
const MEMBER = 'zhou.yao@demo.local';
const ZHOU_YAO = PARTY_MEMBER_IDS.zhouYao;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;

async function phonePage(browser: Browser, guard: ConsoleGuard): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  guard.watch(page);
  return page;
}

/** The organisation's current QR token, as its secretary sees it (the poster's link). */
async function qrTokenOf(page: Page, orgId: string): Promise<string> {
  const res = await page.request.get(`/api/v1/party/orgs/${orgId}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { qrToken?: string | null };
  expect(body.qrToken).toBeTruthy();
  return body.qrToken!;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe.serial('流动党员: scan, redirect, report, accept', () => {
  test.skip(({ isMobile }) => !isMobile, 'one journey per fresh database, on the phone project');

  let recordUrl = '';

  test('周窑 scans the 陶溪川 poster, logs in and is brought back to confirm his 报到', async ({ page, browser, consoleGuard }) => {
    await login(page, 'secretary2@demo.local');
    const token = await qrTokenOf(page, ORG.taoxichuan);

    const phone = await phonePage(browser, consoleGuard);
    await phone.goto(`/party/check-in/${token}`);
    // Login required, then back to the check-in page.
    await expect(phone).toHaveURL(/\/login\?callbackUrl=/);
    await submitLogin(phone, MEMBER, DEMO_PASSWORD);
    await expect(phone).toHaveURL(new RegExp(`/party/check-in/${token}$`));
    const org = phone.getByTestId('check-in-org');
    await expect(org).toContainText('陶溪川文创街区联合党支部');
    await expect(org).toContainText('待报到');
    await noHorizontalScroll(phone);
    await waitForHydration(phone, '[data-testid="confirm-check-in"] button');
    await phone.getByRole('button', { name: '确认报到' }).click();
    await expect(phone.getByTestId('toast')).toContainText('报到已提交');
    await expect(phone.getByText('你已向该组织报到，等待查验。')).toBeVisible();

    // A stale poster (an unknown token) says so, with a 404 (which the browser logs).
    consoleGuard.allow(httpStatusLine(404));
    const stale = await phone.goto('/party/check-in/not-a-current-token-000000');
    expect(stale?.status()).toBe(404);
    await expect(phone.getByText('这个二维码已失效', { exact: false })).toBeVisible();
    await phone.context().close();
  });

  test('secretary2 (陶溪川) redirects him to the 景漂 branch with a reason; he leaves her list', async ({ page }) => {
    await login(page, 'secretary2@demo.local');
    await page.goto('/party/mobile?tab=submitted');
    const card = page.getByTestId('mobile-roster').getByRole('listitem').filter({ hasText: '周窑' });
    await expect(card).toContainText('已报到·待查验');
    // The 流入地 never sees the ID number.
    await expect(card).not.toContainText('3602');
    await card.getByRole('link', { name: '周窑' }).click();
    await expect(page).toHaveURL(/\/party\/mobile\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
    await expect(page.getByText('不向流入地显示')).toBeVisible();
    const form = page.getByRole('form', { name: '报到组织不符，转引' });
    await waitForHydration(page, 'form[aria-label="报到组织不符，转引"]');
    await form.getByLabel('理由').fill('你从事陶瓷创作，应到景漂陶瓷流动党员党支部报到');
    await form.getByLabel('建议报到组织').selectOption(ORG.jingpiao);
    await form.getByRole('button', { name: '转引' }).click();
    await expect(page.getByRole('form', { name: '报到组织不符，转引' })).toHaveCount(0);
    await page.goto('/party/mobile?tab=submitted');
    await expect(page.getByTestId('mobile-roster').getByText('周窑')).toHaveCount(0);
  });

  test('周窑 sees the reason on 我的党组织 and reports to the 景漂 branch', async ({ browser, consoleGuard }) => {
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, MEMBER);
    await phone.goto('/my-party#mobile');
    const section = phone.getByTestId('my-mobile');
    await expect(section).toContainText('应到景漂陶瓷流动党员党支部报到');
    await expect(section).toContainText('建议报到：景漂陶瓷流动党员党支部');
    await waitForHydration(phone, 'form[aria-label="报到"]');
    const form = section.getByRole('form', { name: '报到' });
    // The suggested organisation is pre-selected.
    await form.getByRole('button', { name: '确认报到' }).click();
    await expect(section).toContainText('已向 景漂陶瓷流动党员党支部 报到，等待查验。');
    await noHorizontalScroll(phone);
    await phone.context().close();
  });

  test('secretary@ (景漂) accepts him into the branch; he has no vote there', async ({ page, browser, consoleGuard }) => {
    await login(page, 'secretary@demo.local');
    await page.goto('/party/mobile?tab=submitted');
    await page.getByTestId('mobile-roster').getByRole('link', { name: '周窑' }).click();
    await expect(page).toHaveURL(recordUrl || /\/party\/mobile\//);
    await waitForHydration(page, 'form[aria-label="查验纳入"]');
    const form = page.getByRole('form', { name: '查验纳入' });
    await form.getByLabel('编入支部 / 党小组').selectOption(ORG.jingpiao);
    await form.getByRole('button', { name: '确认纳入' }).click();
    await expect(page.getByTestId('mobile-timeline')).toContainText('查验纳入 → 已纳入管理');
    await page.goto('/party/mobile?tab=active');
    await expect(page.getByTestId('mobile-roster').getByText('周窑')).toBeVisible();

    const phone = await phonePage(browser, consoleGuard);
    await login(phone, MEMBER);
    await phone.goto('/my-party#mobile');
    await expect(phone.getByTestId('my-mobile')).toContainText('已编入 景漂陶瓷流动党员党支部。');
    await expect(phone.getByTestId('my-mobile')).toContainText('王建华');

    await phone.context().close();
  });

  test('he checks in to the 景漂 branch\'s 主题党日 by its poster and pays this month\'s dues there; the dashboard counts both', async ({ page, browser, consoleGuard }) => {
    const numbers = async (testId: string) => (await page.getByTestId(testId).innerText()).match(/\d+/g)!.map(Number);
    await login(page, 'secretary@demo.local');
    const token = await qrTokenOf(page, ORG.jingpiao);
    await page.goto('/party/dashboard');
    const mobileBefore = (await numbers('tile-attendance')).at(-1); // … 已开展 N 次 · 流动党员参加 N 人次 (the last figure)
    const duesBefore = await numbers('tile-dues');

    // 主题党日 of today (seeded): the 景漂 poster now says he is placed here and lists it.
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, MEMBER);
    await phone.goto(`/party/check-in/${token}`);
    await expect(phone.getByText('你已编入该组织', { exact: false })).toBeVisible();
    await phone.getByTestId('check-in-org').locator('..').getByRole('link').filter({ hasText: /主题党日|学习|志愿/ }).first().click();
    await expect(phone).toHaveURL(/\/party\/activities\/[0-9a-f-]{36}\/check-in\?token=/);
    const activityUrl = new URL(phone.url()).pathname.replace(/\/check-in$/, '');
    await expect(phone.getByTestId('check-in')).toContainText('不计入法定人数');
    await waitForHydration(phone, '[data-testid="check-in-submit"]');
    await phone.getByRole('button', { name: '确认签到' }).click();
    await expect(phone.getByText('已签到，等待支部确认。')).toBeVisible();
    await noHorizontalScroll(phone);

    // The secretary confirms his check-in: only then is he 实到, among the mobile attendees, without a vote and
    // outside the quorum.
    await page.goto(activityUrl);
    const mobile = page.getByTestId('mobile-present');
    await expect(mobile).not.toContainText('周窑');
    await expect(page.getByTestId('attendance').getByRole('listitem').filter({ hasText: '周窑' })).toContainText('表决权：无');
    await waitForHydration(page, 'button[aria-label="确认 周窑"]');
    await page.getByRole('button', { name: '确认 周窑' }).click();
    await expect(page.getByRole('button', { name: '确认 周窑' })).toHaveCount(0);
    await expect(mobile).toContainText('周窑');

    // Dues (第九条: a card-holder may pay at the 流入地): this month, recorded by the 景漂 secretary.
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    await page.goto(`/party/dues?member=${ZHOU_YAO}`);
    await waitForHydration(page, 'form[aria-label="登记党费"]');
    const form = page.getByRole('form', { name: '登记党费' });
    await form.getByLabel('月份').selectOption(month);
    await form.getByRole('button', { name: '登记' }).click();
    await expect(page.getByText(`已登记 ${month} 的党费。`)).toBeVisible();
    // The same month cannot be paid twice, at either end.
    const again = await page.request.post('/api/v1/party/dues/payments', { data: { memberId: ZHOU_YAO, month, amount: '1000.00', collectingOrgId: ORG.jingpiao }, headers: { origin: new URL(page.url()).origin } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('DUES_MONTH_PAID');

    // He sees it on 我的党组织, paid at the 景漂 branch.
    await phone.goto('/my-party');
    await expect(phone.getByText('在 景漂陶瓷流动党员党支部 交纳').first()).toBeVisible();
    await phone.context().close();

    // The secretary's dashboard counts his attendance and his payment.
    await page.goto('/party/dashboard');
    const mobileAfter = (await numbers('tile-attendance')).at(-1);
    expect(mobileAfter).toBe(mobileBefore! + 1);
    const duesAfter = await numbers('tile-dues');
    expect(duesAfter.at(-2)).toBe(duesBefore.at(-2)! + 1); // 已交 N 人
  });
});
