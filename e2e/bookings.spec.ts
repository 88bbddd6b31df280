/**
 * Innovation-space bookings on a phone (issue 11, the e2e journey): the demo talent books a firing of 陶溪川's shared
 * electric kiln, gets the confirmation, subscribes to the .ics feed (fetches and parses it), checks in by the kiln's
 * QR code, and cancels another booking (a studio slot). Runs once, on the phone project, against the fresh seed.
 *
 * The check-in step moves the server's test clock (APP_TEST_CLOCK=1, as e2e/api.spec.ts does) to ten minutes before
 * the firing and back; sessions idle out across such a jump, so it logs in again there.
 */
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { SPACE_IDS } from '../db/seed-bookings-ids';
import { DEMO_PASSWORD, login, test, waitForHydration, type ConsoleGuard } from './fixtures';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const TALENT = 'talent@demo.local';
const KILN = SPACE_IDS.taoxichuanKiln;
const STUDIO = SPACE_IDS.taoxichuanStudio;

/** The Jingdezhen calendar date `days` from now (UTC+8, no DST). */
const jdzDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function phonePage(browser: Browser, guard: ConsoleGuard): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  guard.watch(page);
  return page;
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** Books the first free slot of a space on a day through the slot grid; returns the confirmation text. */
async function bookFirstFree(page: Page, spaceId: string, date: string): Promise<string> {
  await page.goto(`/spaces/${spaceId}?date=${date}`);
  await waitForHydration(page, '[aria-label="空闲时段"] button');
  await noHorizontalScroll(page);
  // "HH:MM 可约" only: a bare /可约$/ also matches "00:00 不可约", which is the first slot whenever the kiln's notice
  // period covers it (CI running just after midnight in Jingdezhen).
  await page.getByRole('button', { name: /(^|\s)可约$/ }).first().click();
  await page.getByRole('button', { name: '预约', exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: '预约成功' });
  await expect(done).toBeVisible();
  return (await done.textContent()) ?? '';
}

/** The kiln's check-in code as 珠山区's staff read it (the poster's secret, random at seeding). */
async function checkInCode(request: APIRequestContext, spaceId: string): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { login: 'staff2@demo.local', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await request.get(`/api/v1/spaces/${spaceId}/check-in-code`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Unfolds an iCalendar text and returns its VEVENTs as property maps (the last value wins; enough for these checks). */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      events.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      if (i > 0) cur[line.slice(0, i).split(';')[0]!] = line.slice(i + 1);
    }
  }
  return events;
}

test.describe.serial('空间预约: book a firing, subscribe, check in, cancel', () => {
  test.skip(({ isMobile }) => !isMobile, 'one journey per fresh database, on the phone project');

  let kilnStart = '';
  let feedUrl = '';

  test('the talent finds the shared kiln and books a firing', async ({ browser, consoleGuard }) => {
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, TALENT);
    await phone.goto('/spaces');
    await noHorizontalScroll(phone);
    await phone.getByRole('link', { name: '电窑', exact: true }).click();
    await expect(phone).toHaveURL(/\/spaces\?kind=electric_kiln$/);
    await expect(phone.getByTestId('space-card').first()).toBeVisible();
    await phone.getByRole('link', { name: /陶溪川 · 共享电窑 1 号/ }).click();
    await expect(phone.getByRole('heading', { level: 1 })).toContainText('共享电窑');
    const confirmation = await bookFirstFree(phone, KILN, jdzDate(1));
    expect(confirmation).toContain('已确认');

    // 我的预约 lists it; the API gives its instant for the check-in step.
    await phone.goto('/bookings');
    await expect(phone.getByTestId('my-booking').filter({ hasText: '共享电窑' })).toContainText('已确认');
    const mine = (await (await phone.request.get('/api/v1/me/bookings?when=upcoming')).json()) as { items: { spaceId: string; startsAt: string; status: string }[] };
    kilnStart = mine.items.find((b) => b.spaceId === KILN && b.status === 'confirmed')!.startsAt;
    expect(kilnStart).toBeTruthy();
  });

  test('subscribes to the .ics feed, fetches and parses it', async ({ browser, consoleGuard, request }) => {
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, TALENT);
    await phone.goto('/bookings');
    await waitForHydration(phone, '[data-testid="feed-create"]');
    await phone.getByRole('button', { name: '生成订阅地址' }).click();
    const input = phone.getByTestId('feed-url');
    await expect(input).toHaveValue(/\/api\/v1\/calendars\/[^/]+\.ics$/);
    feedUrl = await input.inputValue();
    await noHorizontalScroll(phone);

    // A calendar app fetches it without a session.
    const res = await request.get(feedUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    const firing = parseIcs(text).find((e) => e.SUMMARY?.includes('共享电窑'));
    expect(firing).toBeDefined();
    expect(firing!.UID).toMatch(/@jingpiao$/);
    expect(firing!.STATUS).toBe('CONFIRMED');
    expect(firing!.DTSTART).toBe(kilnStart.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z'));
  });

  test('checks in by scanning the kiln’s QR code ten minutes before the firing', async ({ browser, consoleGuard, request }) => {
    const code = await checkInCode(request, KILN);
    const set = await request.post('/api/v1/test/clock', { data: { now: new Date(new Date(kilnStart).getTime() - 10 * 60_000).toISOString() } });
    expect(set.ok()).toBe(true);
    try {
      const phone = await phonePage(browser, consoleGuard);
      await login(phone, TALENT);
      await phone.goto(`/spaces/check-in/${code}`);
      await noHorizontalScroll(phone);
      const booking = phone.getByTestId('check-in-booking').first();
      await expect(booking).toContainText('已确认');
      await waitForHydration(phone, '[data-testid="check-in-booking"] button');
      await booking.getByRole('button', { name: '签到' }).click();
      await expect(phone.getByTestId('toast')).toContainText('签到成功');
      await expect(phone.getByTestId('check-in-booking').first()).toContainText('已签到');
    } finally {
      await request.delete('/api/v1/test/clock');
    }
  });

  test('books a studio slot and cancels it; the feed marks it cancelled', async ({ browser, consoleGuard, request }) => {
    const phone = await phonePage(browser, consoleGuard);
    await login(phone, TALENT);
    await bookFirstFree(phone, STUDIO, jdzDate(3));
    await phone.goto('/bookings');
    const studio = phone.getByTestId('my-booking').filter({ hasText: '青年创作工作室' }).first();
    await expect(studio).toContainText('已确认');
    await waitForHydration(phone, '[data-testid="my-booking"] button');
    await studio.getByRole('button', { name: /^取消预约/ }).click();
    await expect(phone.getByTestId('toast')).toContainText('已取消');
    await expect(phone.getByTestId('my-booking').filter({ hasText: '青年创作工作室' }).first()).toContainText('已取消');
    await noHorizontalScroll(phone);

    const text = await (await request.get(feedUrl)).text();
    const cancelled = parseIcs(text).find((e) => e.SUMMARY?.includes('青年创作工作室'));
    expect(cancelled?.STATUS).toBe('CANCELLED');
    expect(Number(cancelled?.SEQUENCE)).toBeGreaterThanOrEqual(1);
  });
});
