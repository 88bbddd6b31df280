/**
 * Search (issue 12 §4): on a phone, a visitor opens the header's search, types, sees results grouped by policies and
 * mentors with the match highlighted, and opens a policy; the traditional-script and pinyin spellings of the query find
 * the same policy first; on a desktop ⌘K / `/` focus the box and the keyboard alone opens a result; the full results
 * page filters by a facet; the API refuses a 10 KB query with a localized 400. Runs against the fresh seed (JP-064
 * 陶溪川艺术中心 候鸟计划 驻留, JP-070 灵活就业高校毕业生 社保补贴).
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForHydration } from './fixtures';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;

async function openSearch(page: Page) {
  await waitForHydration(page, '[data-testid="search-toggle"]');
  await page.getByTestId('search-toggle').click();
  const input = page.getByRole('combobox', { name: '搜索政策与导师' });
  await expect(input).toBeFocused();
  return input;
}

/** The first policy option's link target after typing `q`. */
async function firstPolicyFor(page: Page, q: string): Promise<string | null> {
  const input = page.getByRole('combobox', { name: '搜索政策与导师' });
  await input.fill(q);
  // The results of this query, not the previous query's still on screen while this one loads.
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-term', q);
  const group = page.getByTestId('search-group-policies');
  await expect(group).toBeVisible();
  return group.getByRole('option').first().getAttribute('href');
}

test.describe('search on a phone', () => {
  test.use(PHONE);

  test('types in the header box, sees grouped results with highlights, opens a policy', async ({ page }) => {
    await page.goto('/');
    const input = await openSearch(page);
    await expect(page.getByTestId('search-panel')).toBeVisible();
    // Suggestions before typing.
    await expect(page.getByRole('option', { name: '社保' })).toBeVisible();
    await input.fill('候鸟计划');
    const policies = page.getByTestId('search-group-policies');
    await expect(policies).toBeVisible();
    await expect(policies.getByText('政策')).toBeVisible();
    const hit = policies.getByRole('option', { name: /候鸟计划/ }).first();
    await expect(hit).toHaveAttribute('href', '/policies/JP-064');
    await expect(hit.locator('mark').first()).toHaveText(/候鸟|计划|候鸟计划/);
    await expect(page.getByRole('option', { name: /查看“候鸟计划”的全部结果/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await hit.click();
    await expect(page).toHaveURL(/\/policies\/JP-064$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('候鸟计划');
  });

  test('traditional script, pinyin and initials find the same policy first', async ({ page }) => {
    await page.goto('/policies');
    await openSearch(page);
    const simplified = await firstPolicyFor(page, '社保补贴');
    expect(simplified).toBe('/policies/JP-070');
    expect(await firstPolicyFor(page, '社保補貼')).toBe(simplified);
    expect(await firstPolicyFor(page, 'houniao')).toBe('/policies/JP-064');
    expect(await firstPolicyFor(page, '候鳥計劃')).toBe('/policies/JP-064');
  });

  test('grouped results include mentors, and an unknown word shows the empty state with suggestions', async ({ page }) => {
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill('陶瓷');
    await expect(page.getByTestId('search-group-policies')).toBeVisible();
    await input.fill('zzqqxx不存在的词');
    await expect(page.getByText('没有找到与“zzqqxx不存在的词”相关的结果。')).toBeVisible();
    await page.getByRole('option', { name: '房租补贴' }).click();
    await expect(input).toHaveValue('房租补贴');
    await expect(page.getByTestId('search-group-policies')).toBeVisible();
  });
});

test.describe('search on a desktop', () => {
  test.skip(({ isMobile }) => isMobile, 'keyboard shortcuts are a desktop journey');

  test('/ and ⌘K focus the box; arrows and Enter open a result; Escape closes and returns focus', async ({ page }) => {
    await page.goto('/policies');
    await waitForHydration(page, '[data-testid="search-toggle"]');
    await page.locator('body').press('/');
    const input = page.getByRole('combobox', { name: '搜索政策与导师' });
    await expect(input).toBeFocused();
    await input.press('Escape');
    await expect(page.getByTestId('search-toggle')).toBeFocused();
    await page.keyboard.press('ControlOrMeta+k');
    await expect(input).toBeFocused();
    await input.fill('社保');
    await expect(page.getByTestId('search-group-policies')).toBeVisible();
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(page).toHaveURL(/\/(policies|mentors)\//);
  });

  test('the results page filters by a facet and pages through results', async ({ page }) => {
    await page.goto('/search?q=补贴');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('“补贴”的搜索结果');
    const hits = page.getByTestId('search-hit');
    await expect(hits.first()).toBeVisible();
    const before = await hits.count();
    const facets = page.getByTestId('search-facets');
    if (!(await facets.isVisible())) await page.getByText('筛选', { exact: true }).click();
    const firstFacet = facets.getByRole('link').first();
    await firstFacet.click();
    await expect(page).toHaveURL(/f_category=/);
    await expect(hits.first()).toBeVisible();
    expect(await hits.count()).toBeLessThanOrEqual(before);
    await page.getByRole('link', { name: /导师（\d+）/ }).click();
    await expect(page).toHaveURL(/index=mentors/);
  });

  test('the API refuses a 10 KB query with a localized 400, and an unknown index too', async ({ request }) => {
    const long = await request.get(`/api/v1/search?index=policies&q=${'x'.repeat(10_240)}`, { headers: { 'accept-language': 'zh-CN' } });
    expect(long.status()).toBe(400);
    const body = (await long.json()) as { code: string; errors: Record<string, string[]> };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors['query.q']?.[0]).toContain('搜索词过长');
    const index = await request.get('/api/v1/search?index=people&q=a', { headers: { 'accept-language': 'en' } });
    expect(index.status()).toBe(400);
  });
});
