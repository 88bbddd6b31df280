import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page, Request, Response } from '@playwright/test';
import { PARTY_MEMBER_IDS } from '../db/seed-data';
import { SPACE_IDS } from '../db/seed-bookings-ids';
import { MENTOR_IDS } from '../db/seed-mentors-ids';
import { fillRoute, isDynamic, matchRoute, pageRoutes, routeParams } from './crawl-routes';
import { ACCOUNTS, DEMO_PASSWORD, expect, httpStatusLine, login, test } from './fixtures';

/**
 * No broken page (issue 13 §3): for anonymous visitors and every role, visit every page route of the app directory
 * (dynamic ones with a seeded id, and once more with an id that does not exist) and every link of the navigation,
 * on desktop and at 390 px (the `mobile` project). A visit fails on a 5xx, an uncaught console error, a failed
 * same-origin request, or — on the phone — a page wider than the screen. A role that may not see a page gets
 * 403/404 or the login redirect; a missing id gets 403/404, never 200 or 5xx; a navigation link gets 200.
 * Each page is first requested with the browser's cookies: what answers 200 (or another redirect) is opened in the
 * browser; a refusal (403, 404, login redirect) is checked by its status, and the first of each kind per visitor and
 * viewport is opened too — refusals render the same boundary whatever the route, so opening all of them (half of
 * the visits) only cost CI minutes.
 *
 * The route list is read from app/**\/page.tsx when the test runs, so a new page is crawled without editing this
 * file — a new *dynamic* page fails until it has an entry in SEEDED_PARAMS below.
 */

/** The signed-in visitors: the five demo roles plus the two Party committees (issuer / receiver of transfers). */
const VISITORS = [
  { name: 'anonymous', email: null, desktopOnly: false },
  ...Object.entries(ACCOUNTS).map(([role, a]) => ({ name: role, email: a.email as string | null, desktopOnly: false })),
  { name: 'committee (两新组织党委)', email: 'committee@demo.local', desktopOnly: true },
  { name: 'jingcheng (竞成街道党工委)', email: 'jingcheng@demo.local', desktopOnly: true },
];

/** An id that exists nowhere. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

type Seeded = Awaited<ReturnType<typeof seedIds>>;

/**
 * Every dynamic route's parameters: a seeded value (created through the API in `seedIds` when the seed has none)
 * and one that does not exist. A dynamic route without an entry here fails the test.
 */
const SEEDED_PARAMS: Record<string, (s: Seeded) => { seeded: Record<string, string>; missing: Record<string, string> }> = {
  '/admin/users/[id]': (s) => ({ seeded: { id: s.userId }, missing: { id: NO_ID } }),
  '/apply/[code]': (s) => ({ seeded: { code: s.policyCode }, missing: { code: 'ZZ-999' } }),
  '/mentors/[id]': () => ({ seeded: { id: MENTOR_IDS.wangQinglan }, missing: { id: NO_ID } }),
  '/party/activities/[id]': (s) => ({ seeded: { id: s.activityId }, missing: { id: NO_ID } }),
  '/party/activities/[id]/check-in': (s) => ({ seeded: { id: s.activityId }, missing: { id: NO_ID } }),
  '/party/mobile/[id]': (s) => ({ seeded: { id: s.mobileRecordId }, missing: { id: NO_ID } }),
  '/party/check-in/[token]': (s) => ({ seeded: { token: s.qrToken }, missing: { token: 'no-such-token-000000000000' } }),
  '/party/members/[id]': () => ({ seeded: { id: PARTY_MEMBER_IDS.zhangHaiming }, missing: { id: NO_ID } }),
  '/party/transfers/[id]': (s) => ({ seeded: { id: s.transferId }, missing: { id: NO_ID } }),
  '/party/transfers/[id]/letter': (s) => ({ seeded: { id: s.transferId }, missing: { id: NO_ID } }),
  '/portfolio/[id]': (s) => ({ seeded: { id: s.workId }, missing: { id: NO_ID } }),
  '/staff/applications/[id]': (s) => ({ seeded: { id: s.applicationId }, missing: { id: NO_ID } }),
  '/staff/policies/[code]': (s) => ({ seeded: { code: s.policyCode }, missing: { code: 'ZZ-999' } }),
  '/staff/policies/[code]/edit': (s) => ({ seeded: { code: s.policyCode }, missing: { code: 'ZZ-999' } }),
  '/staff/talents/[id]': (s) => ({ seeded: { id: s.talentId }, missing: { id: NO_ID } }),
  '/policies/[code]': (s) => ({ seeded: { code: s.policyCode }, missing: { code: 'ZZ-999' } }),
  // Any URL no route matches (the catch-all behind the site's not-found page, ADR 019): a missing page answers 404.
  '/[...missing]': () => ({ seeded: { missing: 'no-such-page' }, missing: { missing: 'cached' } }),
  '/spaces/[id]': () => ({ seeded: { id: SPACE_IDS.taoxichuanKiln }, missing: { id: NO_ID } }),
  '/spaces/check-in/[token]': (s) => ({ seeded: { token: s.spaceCheckinToken }, missing: { token: 'no-such-token-000000000000' } }),
  '/showcases/[slug]': (s) => ({ seeded: { slug: s.showcaseSlug }, missing: { slug: 'no-such-showcase' } }),
  '/verify/letter/[code]': (s) => ({ seeded: { code: s.verifyCode }, missing: { code: 'A'.repeat(32) } }),
};

/**
 * Routes with a known defect too large to fix in the crawl's change, skipped with the reason. Keep this empty:
 * an entry is a bug report, not a permission.
 */
const KNOWN_BROKEN: Record<string, string> = {};

// ── Seeded ids (through the API, idempotent: both projects share one database) ─────────────────────────────────────

async function token(api: APIRequestContext, email: string): Promise<Record<string, string>> {
  const res = await api.post('/api/v1/auth/login', { data: { login: email, password: DEMO_PASSWORD } });
  expect(res.status(), `API login of ${email}`).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  expect(res.status(), `${what}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

async function seedIds(api: APIRequestContext) {
  const [staff, admin, talent, secretary, committee] = await Promise.all(
    ['staff@demo.local', 'admin@demo.local', 'talent@demo.local', 'secretary@demo.local', 'committee@demo.local'].map((e) => token(api, e)),
  );
  type Items<T> = { items: T[] };
  const policies = await json<Items<{ code: string }>>(await api.get('/api/v1/policies'), 'policies');
  const showcases = await json<Items<{ slug: string }>>(await api.get('/api/v1/showcases'), 'showcases');
  const talents = await json<Items<{ id: string }>>(await api.get('/api/v1/talents', { headers: staff }), 'talents');
  const users = await json<Items<{ id: string }>>(await api.get('/api/v1/admin/users', { headers: admin }), 'users');

  // A private work of talent@demo.local (the crawl's talent), created once.
  const WORK_TITLE = '巡检用作品（e2e crawl）';
  const works = await json<Items<{ id: string; title: string }>>(await api.get('/api/v1/me/works', { headers: talent }), 'works');
  const workId =
    works.items.find((w) => w.title === WORK_TITLE)?.id ??
    (await json<{ id: string }>(await api.post('/api/v1/me/works', { headers: talent, data: { title: WORK_TITLE, year: 2025, visibility: 'private' } }), 'create work')).id;

  // An application in staff@demo.local's zone: 周窑 (经开区, used by no other journey) applies for a policy he qualifies for.
  let applications = await json<Items<{ id: string }>>(await api.get('/api/v1/applications', { headers: staff }), 'applications');
  if (applications.items.length === 0) {
    const zhou = await token(api, 'zhou.yao@demo.local');
    const matches = await json<{ results: { policyCode: string; status: string }[] }>(
      await api.get('/api/v1/me/matches', { headers: zhou }),
      'matches',
    );
    const m = matches.results.find((r) => r.status === 'ELIGIBLE') ?? matches.results.find((r) => r.status === 'NEEDS_REVIEW');
    expect(m, `周窑 qualifies for no policy: ${JSON.stringify(matches).slice(0, 500)}`).toBeTruthy();
    const policyCode = m!.policyCode;
    type Version = { status: string; definition: { application?: { materials?: { code: string }[] } } };
    const detail = await json<{ versions: Version[] }>(await api.get(`/api/v1/policies/${policyCode}`), 'policy detail');
    const inForce = detail.versions.find((v) => v.status === 'active');
    // Every listed material needs a file (issue 13 §5): upload the small fixture PDF for each, then reference it.
    const materials: { code: string; uploadId: string }[] = [];
    for (const x of inForce?.definition.application?.materials ?? []) {
      const file = { name: `${x.code}.pdf`, mimeType: 'application/pdf', buffer: fs.readFileSync(path.resolve('e2e', 'files', 'material.pdf')) };
      const up = await json<{ id: string }>(await api.post('/api/v1/me/applications/materials', { headers: zhou, multipart: { policyCode, code: x.code, file } }), 'upload material');
      materials.push({ code: x.code, uploadId: up.id });
    }
    await json(await api.post('/api/v1/me/applications', { headers: zhou, data: { policyCode, materials } }), 'apply');
    applications = await json<Items<{ id: string }>>(await api.get('/api/v1/applications', { headers: staff }), 'applications');
  }

  // A transfer case with an issued letter: 张海明 (景漂 branch, no account, used by no other journey) — his secretary
  // opens, submits and approves it, the 两新组织党委 issues the letter.
  type Transfer = { id: string; state: string; memberId: string; verifyCode: string | null };
  const cases = await json<Items<Transfer>>(await api.get('/api/v1/party/transfers?queue=all', { headers: secretary }), 'transfers');
  let transferId = cases.items.find((c) => c.memberId === PARTY_MEMBER_IDS.zhangHaiming)?.id;
  if (!transferId) {
    const draft = await json<Transfer>(
      await api.post('/api/v1/party/transfers', {
        headers: secretary,
        data: { memberId: PARTY_MEMBER_IDS.zhangHaiming, toOrgText: '中共杭州市西湖区转塘街道工作委员会', category: 'cross_province', channel: 'BOTH', reason: '迁居杭州，工作室随迁。' },
      }),
      'create transfer',
    );
    transferId = draft.id;
    await json(await api.post(`/api/v1/party/transfers/${transferId}/submit`, { headers: secretary, data: {} }), 'submit');
    await json(await api.post(`/api/v1/party/transfers/${transferId}/approve`, { headers: secretary, data: {} }), 'approve');
    await json(await api.post(`/api/v1/party/transfers/${transferId}/issue`, { headers: committee, data: {} }), 'issue');
  }
  const transfer = await json<Transfer>(await api.get(`/api/v1/party/transfers/${transferId}`, { headers: committee }), 'transfer');
  expect(transfer.verifyCode, `transfer ${transfer.state} has no verification code`).toBeTruthy();

  // The seed's 主题党日 of today at the 景漂 branch (db/seed-party-activities.ts).
  const activities = await json<Items<{ id: string; date: string }>>(await api.get('/api/v1/party/activities', { headers: secretary }), 'activities');

  // A seeded mobile record the 景漂 secretary handles, and the 景漂 branch's QR check-in token (seeded at random).
  const mobile = await json<Items<{ id: string }>>(await api.get('/api/v1/party/mobile-records', { headers: secretary }), 'mobile records');
  const jingpiao = await json<{ qrToken?: string | null }>(await api.get('/api/v1/party/orgs/6f1d0c3e-2b7a-4f51-9c1e-000000000003', { headers: secretary }), 'jingpiao branch');
  expect(jingpiao.qrToken, 'the 景漂 branch has no seeded QR token').toBeTruthy();

  // The check-in code of the 经开区 incubator studio (seeded at random), as its zone's staff read it.
  const spaceCode = await json<{ token: string }>(await api.get(`/api/v1/spaces/${SPACE_IDS.jkqStudio}/check-in-code`, { headers: staff }), 'space check-in code');

  const first = <T>(list: Items<T>, what: string): T => {
    expect(list.items.length, `no seeded ${what}`).toBeGreaterThan(0);
    return list.items[0]!;
  };
  return {
    policyCode: first(policies, 'policy').code,
    showcaseSlug: first(showcases, 'showcase').slug,
    talentId: first(talents, 'talent in 经开区').id,
    userId: first(users, 'user').id,
    applicationId: first(applications, 'application').id,
    workId,
    transferId,
    verifyCode: transfer.verifyCode!,
    activityId: first(activities, 'activity').id,
    mobileRecordId: first(mobile, 'mobile record').id,
    qrToken: jingpiao.qrToken!,
    spaceCheckinToken: spaceCode.token,
  };
}

// ── The crawl ─────────────────────────────────────────────────────────────────────────────────────────────────────

const ROUTES = pageRoutes();
let seeded: Seeded;

test.beforeAll(async ({ playwright }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    seeded = await seedIds(api);
  } finally {
    await api.dispose();
  }
});

test('every dynamic page route has seeded parameters', () => {
  const unfilled = ROUTES.filter((r) => isDynamic(r) && !SEEDED_PARAMS[r]);
  expect(unfilled, 'add these routes to SEEDED_PARAMS in e2e/crawl.spec.ts').toEqual([]);
  for (const [route, params] of Object.entries(SEEDED_PARAMS)) {
    expect(ROUTES, `SEEDED_PARAMS names a route that no longer exists`).toContain(route);
    const { seeded: s, missing } = params(seeded);
    expect(Object.keys(s).sort()).toEqual(routeParams(route).sort());
    expect(Object.keys(missing).sort()).toEqual(routeParams(route).sort());
  }
  expect(ROUTES.length).toBeGreaterThan(30);
});

type Expect = 'any' | 'ok' | 'denied';
interface Visit {
  url: string;
  route: string;
  expect: Expect;
}

/** `withMissing`: also each dynamic route with an id that does not exist (the status does not depend on the viewport). */
function plannedVisits(withMissing: boolean): Visit[] {
  const visits: Visit[] = [];
  for (const route of ROUTES) {
    if (KNOWN_BROKEN[route]) continue;
    if (!isDynamic(route)) {
      visits.push({ url: route, route, expect: 'any' });
      continue;
    }
    const params = SEEDED_PARAMS[route];
    if (!params) continue; // reported by the test above
    const { seeded: s, missing } = params(seeded);
    visits.push({ url: fillRoute(route, s), route, expect: 'any' });
    if (withMissing) visits.push({ url: fillRoute(route, missing), route, expect: 'denied' });
  }
  return visits;
}

const sameOrigin = (page: Page, url: string) => {
  try {
    return new URL(url).origin === new URL(page.url()).origin;
  } catch {
    return false;
  }
};

for (const visitor of VISITORS) {
  test(`crawl as ${visitor.name}`, async ({ page, consoleGuard, isMobile }, testInfo) => {
    // The committees' pages are the secretary's pages with other data: the phone layout is already crawled as secretary.
    test.skip(isMobile && visitor.desktopOnly, 'same pages as the secretary on the phone');
    test.setTimeout(150_000);
    const started = Date.now();
    const problems: string[] = [];
    let current = '';
    const width = page.viewportSize()!.width;

    // Pages a role may not see answer 403/404; the browser logs those lines. Everything else in the console fails.
    consoleGuard.allow(httpStatusLine(403));
    consoleGuard.allow(httpStatusLine(404));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/status of 40[34]/.test(msg.text())) problems.push(`${current}: console.error ${msg.text().slice(0, 300)}`);
    });
    page.on('pageerror', (err) => problems.push(`${current}: uncaught ${err.name}: ${err.message.slice(0, 300)}`));
    page.on('requestfailed', (req: Request) => {
      // ERR_ABORTED: the next navigation cancelled a prefetch still in flight — not a failure of the page.
      if (sameOrigin(page, req.url()) && !/ERR_ABORTED/.test(req.failure()?.errorText ?? '')) {
        problems.push(`${current}: request failed ${req.method()} ${req.url()} (${req.failure()?.errorText})`);
      }
    });
    page.on('response', (res: Response) => {
      const req = res.request();
      if (!sameOrigin(page, res.url()) || req.isNavigationRequest()) return;
      // Prefetches of pages the role may not see answer 403/404, like the pages themselves.
      const rsc = new URL(res.url()).searchParams.has('_rsc') || !!req.headers()['rsc'];
      if (res.status() >= 500 || (res.status() >= 400 && !rsc)) problems.push(`${current}: ${res.status()} on ${req.method()} ${res.url()}`);
    });

    if (visitor.email) await login(page, visitor.email);

    const queue = plannedVisits(!isMobile);
    const queuedPaths = new Map(queue.map((v) => [v.url, v]));
    const coveredRoutes = new Set(queue.map((v) => v.route));
    const statusOf = new Map<string, number>();
    const home = visitor.email ? '/dashboard' : '/';
    let count = 0;

    // A page the visitor may not see answers 403/404 or the login redirect before it renders anything of its own, the
    // same way whatever the route and the viewport: such pages are requested (status only, with the browser's cookies),
    // and one of each kind per visitor is also opened in the browser. Every page that answers 200 is opened.
    const refusalsOpened = new Set<string>();
    let opened = 0;

    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      current = v.url;
      count++;
      if (v.expect !== 'ok') {
        const probe = await page.request
          .get(v.url, { maxRedirects: 0, headers: { accept: 'text/html' }, failOnStatusCode: false })
          .catch((e: Error) => {
            problems.push(`${v.url}: request failed: ${e.message.split('\n')[0]}`);
            return null;
          });
        if (!probe) continue;
        const status = probe.status();
        const location = probe.headers()['location'] ?? '';
        const toLogin = status >= 300 && status < 400 && new URL(location, page.url() === 'about:blank' ? 'http://x' : page.url()).pathname === '/login';
        const kind = toLogin ? 'login' : String(status);
        if (status !== 200 && (toLogin || status === 403 || status === 404)) {
          statusOf.set(new URL(v.url, 'http://x').pathname, toLogin ? 302 : status);
          if (v.expect === 'denied' || refusalsOpened.has(kind)) continue;
          refusalsOpened.add(kind);
        } else if (status >= 300 && status < 400) {
          // Another redirect (e.g. /staff → /staff/dashboard): the browser follows it below.
        } else if (status !== 200) {
          problems.push(`${v.url}: HTTP ${status}${status >= 500 ? '' : ` (expected 200, 403, 404 or the login redirect)`}`);
          continue;
        } else if (v.expect === 'denied') {
          problems.push(`${v.url} (no such record): HTTP 200, expected 403/404`);
          continue;
        }
      }
      opened++;
      const res = await page.goto(v.url, { waitUntil: 'domcontentloaded' }).catch((e: Error) => {
        problems.push(`${v.url}: navigation failed: ${e.message.split('\n')[0]}`);
        return null;
      });
      if (!res) continue;
      const status = res.status();
      const finalPath = new URL(page.url()).pathname;
      statusOf.set(new URL(v.url, 'http://x').pathname, finalPath === '/login' && !v.url.startsWith('/login') ? 302 : status);
      const toLogin = finalPath === '/login' && v.url !== '/login' && !v.url.startsWith('/login?');
      if (status >= 500) problems.push(`${v.url}: HTTP ${status}`);
      else if (v.expect === 'ok' && (status !== 200 || toLogin)) problems.push(`${v.url} (a navigation link): HTTP ${status}${toLogin ? ' → /login' : ''}`);
      else if (v.expect === 'denied' && !(status === 403 || status === 404 || toLogin)) problems.push(`${v.url} (no such record): HTTP ${status} at ${finalPath}, expected 403/404`);
      else if (![200, 403, 404].includes(status)) problems.push(`${v.url}: HTTP ${status}`);

      // The app router has hydrated (React props on <body>), so hydration errors have surfaced.
      await page
        .waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith('__reactProps$')), undefined, { timeout: 10_000 })
        .catch(() => problems.push(`${v.url}: the page did not hydrate`));

      if (isMobile) {
        const overflow = await page.evaluate((w) => {
          const sw = document.documentElement.scrollWidth;
          if (sw <= w) return null;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > w + 1)
            .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= w + 1)
            .slice(0, 3)
            .map((el) => `<${el.tagName.toLowerCase()} class="${(el.getAttribute('class') ?? '').slice(0, 80)}">`);
          return `${sw} px wide: ${wide.join(', ')}`;
        }, width);
        if (overflow) problems.push(`${v.url}: horizontal overflow at ${width} px — ${overflow}`);
      }

      // Links of the navigation (header, nav, footer — and everything on the home page) join the crawl.
      if (status !== 200) continue;
      const onHome = finalPath === home;
      const hrefs = await page.evaluate(
        (all) => [...document.querySelectorAll<HTMLAnchorElement>(all ? 'a[href]' : 'header a[href], nav a[href], footer a[href]')].map((a) => a.href),
        onHome,
      );
      for (const href of hrefs) {
        if (!sameOrigin(page, href)) continue;
        const u = new URL(href);
        if (u.pathname.startsWith('/api/') || /logout|signout/.test(u.pathname)) continue;
        const route = matchRoute(ROUTES, u.pathname);
        if (!route) {
          problems.push(`${v.url}: links to ${u.pathname}, which is no page route`);
          continue;
        }
        if (KNOWN_BROKEN[route]) continue;
        // A link the role is shown must open: 200, not 403/404/login. Each path is visited once (query variants of a
        // page, and further rows of a dynamic route already visited, add nothing but time).
        const known = statusOf.get(u.pathname);
        if (known !== undefined) {
          if (known !== 200) problems.push(`${v.url}: links to ${u.pathname}, which answered ${known === 302 ? 'a redirect to /login' : known}`);
          continue;
        }
        const queued = queuedPaths.get(u.pathname);
        if (queued) {
          queued.expect = 'ok';
          continue;
        }
        if (isDynamic(route) && coveredRoutes.has(route)) continue;
        coveredRoutes.add(route);
        const next: Visit = { url: u.pathname, route, expect: 'ok' };
        queuedPaths.set(u.pathname, next);
        queue.push(next);
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    testInfo.annotations.push({ type: 'crawl', description: `${count} pages (${opened} opened in the browser) in ${seconds} s` });
    console.log(`crawl ${testInfo.project.name} ${visitor.name}: ${count} pages (${opened} opened in the browser) in ${seconds} s`);
    expect(problems, `broken pages for ${visitor.name} (${testInfo.project.name})`).toEqual([]);
  });
}
