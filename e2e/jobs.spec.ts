import { expect, loginAs, openNav, test } from './fixtures';

/**
 * Issue 8: a change is handled in the background by the web process's worker (the push as an event consumer), and
 * the system administrator watches the queue on 后台任务: a live worker, the consumer's row, no dead letters.
 */
test('a profile change is handled in the background, and the administrator sees the queue on 后台任务', async ({ page, request }, testInfo) => {
  // A new 景漂 registers through the API (bearer token), then changes the profile.
  const res = await request.post('/api/v1/talents/register', {
    data: { email: `e2e-jobs-${testInfo.project.name}-${Date.now()}@example.test`, password: 'Glaze-Kiln-2026!', legalName: '陈小满', nationality: 'CN', noticeVersion: '2026-11-01', consentProfile: true, consentSensitive: false },
  });
  expect(res.status()).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const patch = await request.patch('/api/v1/me/profile', { headers: { authorization: `Bearer ${token}` }, data: { education: '本科', sector: '陶瓷', bio: '做青花十年，工作室在陶溪川。' } });
  expect(patch.status()).toBe(200);

  await loginAs(page, 'sysadmin');
  await openNav(page);
  await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name: '后台任务' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('heading', { level: 1, name: '后台任务' })).toBeVisible();
  // The worker runs inside the web process and reports its heartbeat.
  await expect(page.getByTestId('worker-list')).toContainText('Web 进程内');
  await expect(page.getByTestId('worker-list')).toContainText('运行中');
  // The profile change became an event; its consumer (the proactive push) ran.
  const row = page.getByTestId('queue-policies.push_on_profile_change');
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
    expect(Number(await row.getByRole('cell').nth(5).textContent())).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText('没有死信，一切正常。')).toBeVisible();

  // A talent cannot open the page (the data layer refuses, not just the menu).
  const denied = await request.get('/api/v1/admin/jobs/stats', { headers: { authorization: `Bearer ${token}` } });
  expect(denied.status()).toBe(403);
});
