import fs from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, login, test, waitForHydration, type ConsoleGuard } from './fixtures';

/**
 * 组织关系转接 end to end (issue 9, Tests): 林青瓷 applies to move from the 景漂 branch to 竞成社区党支部 and submits;
 * her branch secretary approves; the 两新组织党委 issues the letter (30 days), which prints on one A4 sheet and whose
 * QR link an anonymous phone verifies (有效, masked name, no ID); the 竞成街道党工委 registers, accepts, completes into
 * the branch and returns the receipt; 林青瓷 then belongs to the new branch. The seeded member can move once per fresh
 * e2e database, so the journey runs in the desktop project only (the phone check uses its own 390 px context).
 */

const MEMBER = 'lin.qingci@demo.local';
const TARGET = '竞成社区党支部';
/** She first names the wrong branch; her secretary returns the application and she corrects it. */
const WRONG_TARGET = '新厂社区党支部';
const SHOTS = process.env.E2E_SHOTS_DIR;

let caseUrl = '';
let verifyUrl = '';

/** With E2E_SHOTS_DIR set, full-page screenshots for a look at the layout (phone width unless told otherwise). */
async function shot(page: Page, name: string, width = 390): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  if (before) await page.setViewportSize(before);
}

/** A signed-in page of its own for one more actor (a separate browser context, watched for console errors). */
async function actorPage(browser: Browser, guard: ConsoleGuard, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  guard.watch(page);
  await login(page, email);
  return page;
}

/** Opens the step's panel, fills it, confirms, and waits for the case to reach `state`. */
async function step(page: Page, action: string, state: string, fill?: (panel: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('transfer-actions').getByRole('button', { name: action, exact: true }).click();
  const panel = page.getByRole('dialog', { name: action });
  if (fill) await fill(panel);
  await panel.getByRole('button', { name: `确认${action}` }).click();
  await expect(page.getByTestId('transfer-state').first()).toHaveAttribute('data-state', state);
}

test.describe.serial('组织关系转接: application to receipt', () => {
  test.skip(({ isMobile }) => isMobile, 'one journey per fresh database (the phone check has its own viewport)');

  test('the member applies to 竞成社区党支部 and submits it to her branch', async ({ page }) => {
    await login(page, MEMBER);
    await page.goto('/my-party');
    const section = page.getByTestId('my-transfer');
    await expect(section.getByRole('heading', { name: '我的组织关系转接' })).toBeVisible();
    await waitForHydration(page, 'form[aria-label="申请转出组织关系"]');
    await section.getByLabel('接收党组织').selectOption({ label: WRONG_TARGET });
    await section.getByLabel('转接范围').selectOption({ label: '区内转接' });
    await section.getByLabel('办理渠道').selectOption({ label: '系统办理 + 纸质介绍信' });
    await section.getByLabel('转接原因').fill('工作室迁至竞成街道，长期居住。');
    await section.getByRole('button', { name: '保存申请' }).click();

    const current = page.getByTestId('my-transfer-current');
    await expect(current.getByTestId('transfer-state')).toHaveAttribute('data-state', 'DRAFT');
    await step(page, '提交给支部审核', 'BRANCH_REVIEW');
    await expect(current.getByTestId('step-tracker')).toContainText('当前办理：景漂陶瓷流动党员党支部');
    await expect(current.getByTestId('step-tracker')).toContainText('办理期限');
    await shot(page, 'my-party-current');
    await current.getByRole('link', { name: '打开案件详情' }).click();
    await expect(page).toHaveURL(/\/party\/transfers\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
  });

  test('the branch returns it for the wrong target; she corrects the target and resubmits; the branch approves', async ({ page, browser, consoleGuard }) => {
    expect(caseUrl).not.toBe('');
    await login(page, 'secretary@demo.local');
    // The 工作台 card lists what waits on her.
    await expect(page.getByTestId('home-party-queue')).toContainText('林青瓷');
    await shot(page, 'home-secretary');
    await page.goto('/party/transfers');
    await page.getByTestId('queue-item').filter({ hasText: '林青瓷' }).click();
    await expect(page).toHaveURL(caseUrl);
    await step(page, '退回', 'RETURNED_FOR_EDIT', async (panel) => {
      await panel.getByLabel('退回说明').fill('接收组织应为竞成社区党支部，请更正后重新提交。');
    });

    const member = await actorPage(browser, consoleGuard, MEMBER);
    await member.goto('/my-party');
    const current = member.getByTestId('my-transfer-current');
    await expect(current).toContainText('请更正后重新提交');
    await step(member, '重新提交', 'BRANCH_REVIEW', async (panel) => {
      await expect(panel.getByLabel('接收党组织')).toHaveValue(/[0-9a-f-]{36}/);
      await panel.getByLabel('接收党组织').selectOption({ label: TARGET });
      await shot(member, 'resubmit-panel');
    });
    await member.context().close();

    await page.goto('/party/transfers');
    const item = page.getByTestId('queue-item').filter({ hasText: '林青瓷' });
    await expect(item).toContainText(TARGET);
    await item.click();
    await expect(page.getByTestId('timeline')).toContainText('已更正：接收组织');
    await step(page, '审核通过', 'ISSUER_REVIEW');
  });

  test('the committee issues a 30-day letter, and it prints on one A4 sheet', async ({ browser, consoleGuard }) => {
    expect(caseUrl).not.toBe('');

    const committee = await actorPage(browser, consoleGuard, 'committee@demo.local');
    await committee.goto('/party/transfers');
    await committee.getByTestId('queue-item').filter({ hasText: '林青瓷' }).click();
    await step(committee, '开具介绍信', 'ISSUED', async (panel) => {
      await panel.getByLabel('有效期（天）').fill('30');
      await expect(panel.getByText('本门户仅登记其流水号')).toBeVisible(); // channel BOTH: the national step is only recorded
    });
    await expect(committee.getByTestId('letter-no')).toContainText(/珠组转〔\d{4}〕\d{4}号/);
    const timeline = committee.getByTestId('timeline');
    await expect(timeline.getByRole('listitem')).toHaveCount(6); // create, submit, return, submit, approve, issue
    await expect(timeline.getByRole('listitem').first()).toContainText('开具介绍信');

    await shot(committee, 'case-issued');
    await committee.getByTestId('letter-link').click();
    const sheet = committee.getByTestId('letter-sheet');
    await expect(sheet.getByTestId('letter-stub')).toContainText('存根');
    await expect(sheet.getByTestId('letter-main')).toContainText('林青瓷');
    await expect(sheet.getByTestId('letter-main')).toContainText(TARGET);
    await expect(sheet.getByTestId('letter-addressee')).toContainText('竞成街道工作委员会');
    await expect(sheet).toContainText(/党费已交到\s*二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月/);
    await expect(sheet).toContainText('三十（30）');
    await expect(sheet.getByTestId('letter-receipt')).toContainText('组织关系已转达我处');
    await expect(sheet).not.toContainText('360203198809020224');
    verifyUrl = (await sheet.getByTestId('verify-url').textContent())?.trim() ?? '';
    expect(verifyUrl).toMatch(/^http:\/\/localhost:\d+\/verify\/letter\/[A-Za-z0-9_-]{16,}$/);
    await expect(sheet.getByTestId('letter-qr')).toBeVisible();
    await shot(committee, 'letter-phone');

    // Printed: no site chrome, and the three parts fit one A4 page.
    await committee.emulateMedia({ media: 'print' });
    await committee.setViewportSize({ width: 794, height: 1123 });
    await expect(committee.getByRole('banner')).toBeHidden();
    await expect(committee.getByTestId('letter-toolbar')).toBeHidden();
    await expect(committee.getByRole('contentinfo')).toBeHidden();
    const pdf = await committee.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      fs.writeFileSync(`${SHOTS}/letter.pdf`, pdf);
      await committee.screenshot({ path: `${SHOTS}/letter-print.png`, fullPage: true });
    }
    await committee.context().close();
  });

  test('an anonymous phone opens the QR link and sees 有效 and the masked name, not the ID', async ({ browser, consoleGuard }) => {
    expect(verifyUrl).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    const phone = await context.newPage();
    consoleGuard.watch(phone);
    await phone.goto(verifyUrl);
    const result = phone.getByTestId('verify-result');
    await expect(result).toHaveAttribute('data-valid', 'true');
    await expect(phone.getByTestId('verify-verdict')).toHaveText('有效');
    await expect(result).toContainText('林**');
    await expect(result).toContainText('珠山区两新组织党委');
    await expect(result).toContainText('已开具·待接收');
    const text = (await phone.locator('body').innerText()) ?? '';
    expect(text).not.toContain('林青瓷');
    expect(text).not.toMatch(/3602\d{2}/);
    expect(text).not.toContain(TARGET); // nothing about where the member goes
    // No horizontal scrolling on the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/verify-phone.png`, fullPage: true });

    consoleGuard.allow(/status of 404/);
    const unknown = await phone.goto('/verify/letter/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown?.status()).toBe(404);
    await expect(phone.getByTestId('verify-unknown')).toContainText('未找到该介绍信');
    await context.close();
  });

  test('the 竞成街道党工委 registers, accepts, completes into the branch and returns the receipt; she is in her new branch', async ({ page, browser, consoleGuard }) => {
    expect(caseUrl).not.toBe('');
    await login(page, 'jingcheng@demo.local');
    await page.goto('/party/transfers');
    await shot(page, 'queue-receiver');
    await page.getByTestId('queue-item').filter({ hasText: '林青瓷' }).click();
    await expect(page).toHaveURL(caseUrl);
    await step(page, '登记接收', 'RECEIVER_REVIEW');
    await step(page, '同意接收', 'ACCEPTED');
    await step(page, '编入支部', 'COMPLETED', async (panel) => {
      await panel.getByLabel('编入党支部').selectOption({ label: TARGET });
      await shot(page, 'complete-panel');
    });
    await step(page, '反馈回执', 'RECEIPT_SENT');
    await expect(page.getByTestId('no-actions')).toBeVisible();
    await expect(page.getByTestId('timeline').getByRole('listitem')).toHaveCount(10);

    const member = await actorPage(browser, consoleGuard, MEMBER);
    await member.goto('/my-party');
    await expect(member.getByRole('heading', { level: 1, name: '我的党组织' })).toBeVisible();
    await expect(member.locator('dd').filter({ hasText: new RegExp(`^${TARGET}$`) }).first()).toBeVisible();
    const history = member.getByTestId('transfer-history');
    await expect(history.getByTestId('transfer-state').first()).toHaveAttribute('data-state', 'RECEIPT_SENT');
    // No case open any more: she could apply again.
    await expect(member.getByRole('form', { name: '申请转出组织关系' })).toBeVisible();
    if (SHOTS) await member.screenshot({ path: `${SHOTS}/my-party-after.png`, fullPage: true });
    await member.context().close();
  });
});

test.describe('incoming letters', () => {
  test('the receiving side registers a paper letter from another province for a member new to the register', async ({ page, isMobile }) => {
    // A valid ID number made here (GB 11643 check digit), one per project, so each new member is unique in a fresh database.
    const first17 = isMobile ? '33010619950615124' : '33010619950615123';
    const letterNo = `浙西组转〔2026〕${isMobile ? '0193' : '0192'}号`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    const idCardNo = first17 + '10X98765432'[sum % 11]!;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    await login(page, 'jingcheng@demo.local');
    await page.goto('/party/transfers');
    await page.getByRole('link', { name: '登记转入介绍信' }).click();
    await waitForHydration(page, 'form[aria-label="登记转入介绍信"]');
    const form = page.getByRole('form', { name: '登记转入介绍信' });
    await expect(form.getByLabel('新转入党员')).toBeChecked();
    await form.getByLabel('姓名').fill('宋知远');
    await form.getByLabel('身份证号').fill(idCardNo);
    await form.getByLabel('入党日期').fill('2018-07-01');
    await form.getByLabel('开具组织').fill('中共杭州市西湖区转塘街道工作委员会');
    await form.getByLabel('介绍信编号').fill(letterNo);
    await form.getByLabel('开具日期').fill(today);
    await form.getByLabel('接收党组织').selectOption({ label: '陶艺街商户联合党支部' });
    await form.getByRole('button', { name: '登记介绍信' }).click();
    await expect(page).toHaveURL(/\/party\/transfers\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('transfer-state').first()).toHaveAttribute('data-state', 'ISSUED');
    await expect(page.getByTestId('from-to')).toContainText('转塘街道工作委员会');
    await expect(page.getByTestId('letter-no')).toHaveText(letterNo);
    await expect(page.getByTestId('transfer-actions').getByRole('button', { name: '登记接收', exact: true })).toBeVisible();
  });
});

test.describe('the organisation department', () => {
  test('edits an organisation’s contact point; the form starts from what is in force and refuses a bad phone', async ({ page }) => {
    await login(page, 'orgdept@demo.local');
    await page.goto('/party/orgs');
    await waitForHydration(page, 'form[aria-label="修改职能与联系方式"]');
    const form = page.getByRole('form', { name: '修改职能与联系方式' });
    await form.getByLabel('党组织').selectOption('6f1d0c3e-2b7a-4f51-9c1e-000000000005'); // 三宝国际陶艺村党支部
    await expect(form.getByLabel('联系电话')).not.toHaveValue('');
    await form.getByLabel('联系电话').fill('12345');
    await form.getByRole('button', { name: '保存修改' }).click();
    await expect(form.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('联系电话').fill('0798-8223128');
    await form.getByRole('button', { name: '保存修改' }).click();
    await expect(form.getByText('已保存党组织信息')).toBeVisible();
  });
});
