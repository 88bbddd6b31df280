/**
 * 数据看板 (issue 13 §1, zone staff): 刘敏 (经开区) opens it from the header, sees the charts drawn (recharts SVG), opens
 * a chart's table view, downloads the CSV (UTF-8 with BOM, one section per chart), switches the period with a preset
 * and with two dates (kept in the URL); on a phone nothing scrolls sideways. A talent gets the 403 page and the API 403.
 * Runs on the desktop and the phone project; it only reads, so it does not depend on the other journeys.
 */
import fs from 'node:fs/promises';
import { closeNav, expect, httpStatusLine, loginAs, openNav, test } from './fixtures';

test.describe('数据看板 (zone staff)', () => {
  test('open from the header, charts, table view, CSV, periods', async ({ page, isMobile }) => {
    await loginAs(page, 'zone_staff');
    // The home card leads there too.
    await expect(page.getByTestId('home-zone-figures')).toBeVisible();

    await openNav(page);
    // On desktop the entry sits in the 政策工作 disclosure; the phone menu lists it under that heading.
    if (!isMobile) await page.getByRole('button', { name: /政策工作/ }).click();
    await page.getByRole('link', { name: '数据看板', exact: true }).click();
    await closeNav(page);
    await expect(page).toHaveURL(/\/staff\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: '数据看板', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '近90天', exact: true })).toHaveAttribute('aria-current', 'page');

    // A wide period (other journeys may move the test clock): the seeded 经开区 talents' registrations are in it, and
    // the registration charts are drawn as SVG by recharts.
    const y = new Date().getFullYear();
    await page.goto(`/staff/dashboard?from=${y - 1}-06-01&to=${y + 1}-05-31`);
    await expect(page.getByText(`${y - 1}-06-01 至 ${y + 1}-05-31`)).toBeVisible();
    const byCraft = page.getByTestId('chart-by-craft');
    await expect(byCraft.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('chart-by-district').locator('svg.recharts-surface').first()).toBeVisible();
    for (const id of ['queue', 'applications', 'amounts', 'uptake']) {
      const fig = page.getByTestId(`chart-${id}`);
      await expect(fig).toBeVisible();
      // Each figure either draws its chart or says what to do.
      // (Not the 演示数据 badge's explanation: a <p role="note"> that stays hidden until the badge is opened.)
      await expect(fig.locator('svg.recharts-surface, [data-testid^="empty-"], p:not([role="note"])').first()).toBeVisible();
    }

    // The table view: a real table with the chart's title as its caption.
    await byCraft.getByText('表格', { exact: true }).click();
    const table = byCraft.getByRole('table', { name: '新登记人才（按主要工种）' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader').last()).toHaveText('合计');

    // The CSV: BOM, then the first chart's section title.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-by-craft').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await fs.readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('新登记人才（按主要工种）');
    expect(lines[1]).toMatch(/^月份,/);

    // Presets are links that keep the period in the URL.
    await page.getByRole('link', { name: '近30天', exact: true }).click();
    await expect(page).toHaveURL(/preset=30d/);
    await expect(page.getByRole('link', { name: '近30天', exact: true })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('link', { name: '今年', exact: true }).click();
    await expect(page).toHaveURL(/preset=ytd/);

    // Custom dates: the same form, submitted as GET.
    await page.getByLabel('开始日期').fill(`${y}-01-01`);
    await page.getByLabel('结束日期').fill(`${y}-01-31`);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${y}-01-01&to=${y}-01-31`));
    await expect(page.getByText(`${y}-01-01 至 ${y}-01-31`)).toBeVisible();

    if (isMobile) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a bad period says why and shows the last 90 days', async ({ page }) => {
    await loginAs(page, 'zone_staff');
    await page.goto('/staff/dashboard?from=2026-02-30&to=2026-03-31');
    await expect(page.getByTestId('period-error')).toContainText('开始日期应为有效日期');
    await expect(page.getByRole('link', { name: '近90天', exact: true })).toHaveAttribute('aria-current', 'page');
  });

  test('a talent gets the 403 page and the API refuses', async ({ page, consoleGuard }) => {
    consoleGuard.allow(httpStatusLine(403));
    await loginAs(page, 'talent');
    const response = await page.goto('/staff/dashboard');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByTestId('chart-by-craft')).toHaveCount(0);
    const api = await page.request.get('/api/v1/zones/jkq/dashboard');
    expect(api.status()).toBe(403);
    const csv = await page.request.get('/api/v1/zones/jkq/dashboard.csv');
    expect(csv.status()).toBe(403);
  });
});
