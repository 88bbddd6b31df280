import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, httpStatusLine, login, test, waitForHydration } from './fixtures';

/**
 * Policy matching for talents (issue 4): the anonymous 政策计算器, 我的政策 (answer the next question, expand a card,
 * apply, withdraw), messages, and the public catalogue. Both projects share one database, so each project uses its
 * own demo talent (陈思远 on desktop, Emma Wright on the phone) and every assertion tolerates answers saved earlier.
 */

const QUESTION = '[data-testid="field-question"]';

/** Answers whatever question is shown with a plausible value (or "我没有" for lists); returns the field. */
async function answerGenerically(scope: Locator): Promise<string> {
  const q = scope.locator(QUESTION);
  const field = (await q.getAttribute('data-field')) ?? '';
  const no = q.getByRole('radio', { name: '否', exact: true });
  if (await no.count()) await no.check();
  else if (await q.getByRole('radio').count()) await q.getByRole('radio').first().check();
  else if (await q.getByRole('button', { name: '我没有' }).count()) {
    await q.getByRole('button', { name: '我没有' }).click();
    return field;
  } else if (await q.locator('select').count()) await q.locator('select').first().selectOption({ index: 1 });
  else if (await q.locator('input[type="date"]').count()) await q.locator('input[type="date"]').fill('2020-01-01');
  else if (await q.locator('input[type="number"]').count()) await q.locator('input[type="number"]').fill('12');
  else await q.locator('input').first().fill('景德镇');
  await q.getByRole('button', { name: '保存' }).click();
  return field;
}

async function calculatorAnswer(page: Page, field: string): Promise<void> {
  const q = page.locator(QUESTION);
  switch (field) {
    case 'birth_date':
      await q.locator('input[type="date"]').fill('1999-04-18');
      break;
    case 'nationality':
      await q.locator('select').selectOption('CN');
      break;
    case 'sector':
      await q.getByRole('radio').first().check(); // 陶瓷
      break;
    case 'residence_since':
      await q.locator('input[type="date"]').fill('2024-03-01');
      break;
    case 'hukou_city':
      await q.locator('input').fill('醴陵');
      break;
    case 'hukou_province':
      await q.locator('input').fill('湖南');
      break;
    default:
      await q.getByRole('button', { name: '不想回答' }).click();
      return;
  }
  await q.getByRole('button', { name: '下一题' }).click();
}

test.describe('policy matching for talents', () => {
  test('anonymous calculator: skipping leaves 需补充; answering reaches an eligible demo policy', async ({ page }) => {
    await page.goto('/calculator');
    await expect(page.getByRole('heading', { level: 1, name: '政策计算器' })).toBeVisible();
    await expect(page.getByText('不保存任何信息')).toBeVisible();
    await waitForHydration(page, QUESTION);
    const results = page.getByTestId('calc-results');

    // Skipping keeps the answer unknown: everything still needs information.
    const first = await page.locator(QUESTION).getAttribute('data-field');
    await page.locator(QUESTION).getByRole('button', { name: '不想回答' }).click();
    await expect(page.locator(QUESTION)).not.toHaveAttribute('data-field', first ?? '');
    await expect(results.getByTestId('group-NEEDS_INFO')).toContainText('需补充信息');
    await expect(results.getByTestId('group-ELIGIBLE')).toHaveCount(0);

    await page.getByRole('button', { name: '重新开始' }).click();
    await expect(page.getByText('已回答 0 题')).toBeVisible();
    const eligible = results.getByTestId('group-ELIGIBLE');
    for (let i = 0; i < 15 && !(await eligible.count()); i++) {
      const field = (await page.locator(QUESTION).getAttribute('data-field')) ?? '';
      await calculatorAnswer(page, field);
      await expect(page.locator(QUESTION).or(page.getByText('问完了'))).toBeVisible();
      await expect(results).toHaveAttribute('aria-busy', 'false');
    }
    await expect(eligible).toBeVisible();
    await expect(eligible.getByTestId('match-card').first()).toBeVisible();
    // An eligible card says what the policy gives (issue 13 §5: the calculator's cards showed no benefit at all).
    await expect(eligible.getByTestId('match-card').first().locator('[data-testid="match-benefit"], [data-testid="match-amount"]').first()).toBeVisible();
    await expect(eligible.getByTestId('demo-badge').first()).toContainText('演示数据');
    await expect(page.getByText(/已回答 [1-9]\d* 题/)).toBeVisible();
  });

  test('我的政策: answer the next question, expand a card, apply, withdraw; messages', async ({ page, consoleGuard }, testInfo) => {
    test.setTimeout(120_000);
    const email = testInfo.project.name === 'mobile' ? 'emma.wright@demo.local' : 'talent@demo.local';
    await login(page, email);
    await page.goto('/my-policies');
    await expect(page.getByRole('heading', { level: 1, name: '我的政策' })).toBeVisible();
    const eligible = page.getByTestId('section-ELIGIBLE');
    await expect(eligible.getByRole('heading', { name: /符合条件/ })).toBeVisible();
    await expect(page.getByTestId('section-NEEDS_INFO')).toBeVisible();
    // The page leads with how many policies fit; the estimated total shows only when there is money to count.
    await expect(page.getByTestId('eligible-count')).toBeVisible();
    const total = page.getByTestId('total-amount');
    if (await total.count()) await expect(total).toContainText('元');

    // The next question: answering saves to the profile and re-evaluates at once.
    const next = page.getByTestId('next-question');
    await waitForHydration(page, QUESTION);
    const field = await answerGenerically(next);
    await expect(page.getByText('已保存，结果已更新。')).toBeVisible();
    await expect(next.locator(QUESTION).or(next.getByText('暂时没有要问的了'))).toBeVisible();
    if (await next.locator(QUESTION).count()) await expect(next.locator(QUESTION)).not.toHaveAttribute('data-field', field);

    // Expand a card: each criterion with its plain-language explanation.
    const card = eligible.locator('[data-code="JP-001"]');
    await card.getByRole('button', { name: '看每一条条件' }).click();
    await expect(card.getByTestId('criterion-list')).toBeVisible();
    await expect(card.getByTestId('criterion-list').getByRole('listitem').first()).toContainText('满足');
    // Plain sentences with labels (issue 13 §5), never "毕业月数 ≤ 60（当前：77）".
    await expect(card.getByTestId('criterion-list')).not.toContainText(/当前：|[≤≥=]|\b[a-z]+_[a-z_]+\b/);
    await expect(card.getByTestId('demo-badge')).toBeVisible();

    // Apply with a file for each listed material (issue 13 §5): nothing uploaded yet → one error per material.
    await card.getByRole('link', { name: /^申请/ }).click();
    await expect(page).toHaveURL(/\/apply\/JP-001$/);
    await waitForHydration(page, 'form[aria-label^="申请"]');
    const items = page.getByTestId('material');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    // A draft upload from an earlier run may already be there: start from a clean slate only when none is.
    if (await items.first().getByText('尚未上传').count()) {
      await page.getByRole('button', { name: '提交申请' }).click();
      await expect(items.first().getByText('请上传这份材料的文件')).toBeVisible();
    }
    // A file that is not a PDF or an image is refused with a clear message (a 400 from the upload), and nothing is kept.
    consoleGuard.allow(httpStatusLine(400));
    await items.first().locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a document') });
    await expect(items.first().getByText('仅支持 PDF、JPEG、PNG 或 WebP 文件')).toBeVisible();
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      // The first material as a photo (re-encoded, opens in the browser), the others as PDFs.
      await item.locator('input[type="file"]').setInputFiles(path.resolve('e2e', 'files', i === 0 ? 'material.png' : 'material.pdf'));
      await expect(item.getByText(/^✓ 已上传：/)).toBeVisible();
    }
    const open = items.first().getByRole('link', { name: '打开' });
    const file = await page.request.get((await open.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/webp');
    await page.getByLabel('补充说明（可不填）').fill('工作室在经开区，材料都准备好了。');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page).toHaveURL(/\/applications\?submitted=JP-001$/);
    await expect(page.getByText('申请已提交，请等待审核。')).toBeVisible();
    const app = page.locator('[data-testid="application"][data-code="JP-001"][data-status="submitted"]').first();
    await expect(app).toContainText('审核中');
    // The files went with the application, and the talent can open them from 我的申请.
    await expect(app.getByTestId('application-files').getByRole('link')).toHaveCount(count);

    // Withdraw (with a confirmation step).
    await app.getByRole('button', { name: /^撤回申请/ }).click();
    await app.getByRole('button', { name: '确定撤回' }).click();
    await expect(page.locator('[data-testid="application"][data-code="JP-001"]').first()).toContainText('已撤回');

    // Messages: the profile change pushed the eligible policies; mark all as read.
    await page.getByTestId('notification-bell').click();
    await expect(page.getByRole('heading', { level: 1, name: '消息' })).toBeVisible();
    await expect(page.getByTestId('notification').first()).toBeVisible();
    const markAll = page.getByRole('button', { name: '全部标为已读' });
    if (await markAll.count()) await markAll.click();
    await expect(page.getByText('0 条未读')).toBeVisible();
  });

  test('public catalogue: search, empty state, a policy in plain language', async ({ page }) => {
    await page.goto('/policies');
    await expect(page.getByRole('heading', { level: 1, name: '政策目录' })).toBeVisible();
    await expect(page.getByTestId('policy-card').first()).toBeVisible();

    await page.getByRole('searchbox', { name: '搜索政策' }).fill('不存在的政策zz');
    await page.getByRole('search', { name: '搜索政策' }).getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page.getByText('没有找到相关政策')).toBeVisible();

    await page.getByRole('searchbox', { name: '搜索政策' }).fill('窑');
    await page.getByRole('search', { name: '搜索政策' }).getByRole('button', { name: '搜索', exact: true }).click();
    const card = page.getByTestId('policy-card').filter({ hasText: '公共窑炉烧成补贴' });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('demo-badge')).toBeVisible();
    await card.getByRole('link').click();

    await expect(page.getByRole('heading', { level: 1, name: /公共窑炉烧成补贴/ })).toBeVisible();
    const tree = page.getByTestId('criteria-tree');
    await expect(tree.getByRole('heading', { name: '谁可以申请' })).toBeVisible();
    await expect(tree).toContainText('满足以下全部条件');
    await expect(page.getByRole('heading', { name: '需要准备的材料' })).toBeVisible();
    await page.getByTestId('demo-badge').first().locator('summary').click();
    await expect(page.getByRole('note').first()).toContainText('示例');
    await page.getByRole('link', { name: '检查我是否符合' }).click();
    await expect(page).toHaveURL(/\/calculator$/);
  });
});
