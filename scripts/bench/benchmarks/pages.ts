/**
 * pages: what a crowd sees (issue 13 §4), each figure as a ratio to GET /api/v1/ping measured in the same run and at
 * the same concurrency. Anonymous: the policy catalogue /policies, one policy page /policies/JP-001 and the JSON
 * catalogue /api/v1/policies (with its ETag revalidation: If-None-Match → 304). Signed in: the talent's 我的政策
 * (/my-policies) and 工作台 (/dashboard) with a session cookie, and the zone staff's 数据看板 (/staff/dashboard) when the
 * page exists. Targets: catalogue and policy pages ≥ 0.5× ping; /my-policies, the home and the dashboard p95 ≤ 150 ms.
 * Anonymous visitors get the cached copies of /, /policies and /policies/{code} (ADR 019); the landing page is measured
 * too. The floor is /login: the smallest page rendered at request time (a header and a form, no data), i.e. what any
 * request-time page costs on this machine before it does any work of its own.
 * Opt-in (`npm run bench -- pages`): ten measurements take about two and a half minutes at the default durations.
 */
import { DEMO_PASSWORD } from '@/db/seed-data';
import { defineBenchmark } from '../types';
import type { Measurement } from '../types';
import { cookieLogin } from './talents';

const CONNECTIONS = 20;
const TALENT = 'talent@demo.local';
const STAFF = 'staff@demo.local';
const PAGE_P95_TARGET_MS = 150;
const RATIO_TARGET = 0.5;

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export default defineBenchmark<{ talentCookie: string; staffCookie: string; etag: string | null; dashboard: boolean }>({
  name: 'pages',
  description: 'public catalogue, policy page, 我的政策, home and staff dashboard vs GET /api/v1/ping / 页面与空接口对比',
  defaultConnections: CONNECTIONS,
  measurementCount: 10,
  optIn: true,
  async setup(ctx) {
    const [talentCookie, staffCookie] = await Promise.all([cookieLogin(ctx.baseUrl, TALENT, DEMO_PASSWORD), cookieLogin(ctx.baseUrl, STAFF, DEMO_PASSWORD)]);
    const list = await fetch(new URL('/api/v1/policies', ctx.baseUrl), { headers: { 'accept-language': 'zh-CN' } });
    await list.arrayBuffer();
    const dash = await fetch(new URL('/staff/dashboard', ctx.baseUrl), { headers: { cookie: staffCookie }, redirect: 'manual' });
    await dash.arrayBuffer();
    return { talentCookie, staffCookie, etag: list.headers.get('etag'), dashboard: dash.status === 200 };
  },
  async run(ctx, { talentCookie, staffCookie, etag, dashboard }) {
    const connections = ctx.options.connections ?? CONNECTIONS;
    const zh = { 'accept-language': 'zh-CN' };
    const ping = await ctx.load({ label: 'ping', path: '/api/v1/ping', headers: zh, connections });
    const landing = await ctx.load({ label: 'landing page', path: '/', headers: zh, connections });
    const catalogue = await ctx.load({ label: 'catalogue page', path: '/policies', headers: zh, connections });
    const policy = await ctx.load({ label: 'policy page', path: '/policies/JP-001', headers: zh, connections });
    const api = await ctx.load({ label: 'catalogue API', path: '/api/v1/policies', headers: zh, connections });
    const floor = await ctx.load({ label: 'floor: /login', path: '/login', headers: zh, connections });
    const measurements: Measurement[] = [ping, landing, catalogue, policy, api, floor];
    const problems: string[] = [];
    const notes: string[] = [];
    if (etag) {
      // Every answer must be 304 (anything else counts as non-2xx and fails the run).
      measurements.push(await ctx.load({ label: 'catalogue API 304', path: '/api/v1/policies', headers: { ...zh, 'if-none-match': etag }, connections, expectStatus: 304 }));
    } else problems.push('GET /api/v1/policies sent no ETag');
    const mine = await ctx.load({ label: 'my-policies (talent)', path: '/my-policies', headers: { ...zh, cookie: talentCookie }, connections });
    const home = await ctx.load({ label: 'home /dashboard (talent)', path: '/dashboard', headers: { ...zh, cookie: talentCookie }, connections });
    measurements.push(mine, home);
    let dash: Measurement | null = null;
    if (dashboard) {
      dash = await ctx.load({ label: 'staff dashboard', path: '/staff/dashboard', headers: { ...zh, cookie: staffCookie }, connections });
      measurements.push(dash);
    } else notes.push('/staff/dashboard did not answer 200 for staff@demo.local: not measured');
    const ratio = (m: Measurement) => (ping.reqPerSec > 0 ? round(m.reqPerSec / ping.reqPerSec) : 0);
    const derived: Record<string, number> = {
      landingPageRatio: ratio(landing),
      cataloguePageRatio: ratio(catalogue),
      policyPageRatio: ratio(policy),
      catalogueApiRatio: ratio(api),
      floorPageRatio: ratio(floor),
      floorP95Ms: floor.latencyMs.p95,
      myPoliciesP95Ms: mine.latencyMs.p95,
      homeP95Ms: home.latencyMs.p95,
      ...(dash ? { dashboardP95Ms: dash.latencyMs.p95 } : {}),
    };
    // Targets are reported, not enforced: a miss is a figure for the closing note, not a broken benchmark.
    for (const [k, v] of Object.entries({ landingPageRatio: derived.landingPageRatio!, cataloguePageRatio: derived.cataloguePageRatio!, policyPageRatio: derived.policyPageRatio! }))
      if (v < RATIO_TARGET) notes.push(`${k} ${v} < target ${RATIO_TARGET}× ping`);
    for (const [k, m] of Object.entries({ myPolicies: mine, home, ...(dash ? { dashboard: dash } : {}) }))
      if (m.latencyMs.p95 > PAGE_P95_TARGET_MS) notes.push(`${k} p95 ${m.latencyMs.p95} ms > target ${PAGE_P95_TARGET_MS} ms`);
    notes.push('ratios = page req/s ÷ ping req/s in this run, same connections; pages are the full streamed HTML', `talent ${TALENT} and staff ${STAFF} with session cookies from the next-auth credentials flow`);
    return { measurements, derived, notes, problems };
  },
});
