/**
 * talents: the staff directory API and the talent's own profile page on a database of 50,000 seeded talents, all moved
 * into 经开区 (seedZone 'jkq') so that staff@demo.local's zone holds every one of them — the worst case for the zone
 * filter, the consent check, the total count and the ordering. 20 connections each:
 *   list       GET /api/v1/talents?page=1 as zone staff (bearer): 20 masked rows, the total, one audit row
 *   list-deep  the same at the middle page (offset ≈ 25,000): what OFFSET pagination costs
 *   profile    GET /profile as talent@demo.local with a real session cookie (next-auth credentials flow): the whole
 *              server-rendered, streamed page (profile, derived values, evidence, consents)
 * Opt-in: runs only when named (`npm run bench -- talents`), because of the seed.
 */
import { DEMO_PASSWORD } from '@/db/seed-data';
import { defineBenchmark } from '../types';

export const STAFF_ACCOUNT = 'staff@demo.local';
export const TALENT_ACCOUNT = 'talent@demo.local';
/** 陈思远, the seeded talent's name: the profile page must contain it (not a redirect to /login). */
const TALENT_NAME = '陈思远';
const CONNECTIONS = 20;
export const SEED_TALENTS = 50_000;

/**
 * Signs in through next-auth's credentials flow, as the login page does: CSRF token, then POST to the callback. Returns
 * the Cookie header (session JWT + next-auth's own cookies). Pages need the cookie: proxy.ts sends requests without
 * one to /login before any bearer token is looked at.
 */
export async function cookieLogin(baseUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const take = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';', 1)[0]!;
      const i = pair.indexOf('=');
      if (i > 0) jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl));
  take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error('GET /api/auth/csrf returned no csrfToken');
  const res = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: new URL('/profile', baseUrl).toString(), json: 'true' }),
  });
  take(res);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k === 'jp.session' || k.startsWith('jp.session.'))) {
    throw new Error(`cookie login as ${login} failed: HTTP ${res.status}, no session cookie / 登录失败`);
  }
  return header();
}

interface State {
  token: string;
  cookie: string;
  total: number;
  deepPage: number;
}

export default defineBenchmark<State>({
  name: 'talents',
  description: 'GET /api/v1/talents (zone staff, page 1 and the middle page) and the /profile page (talent), 50,000 talents, 20 connections / 人才名录接口与档案页',
  defaultConnections: CONNECTIONS,
  measurementCount: 3,
  seedScale: SEED_TALENTS,
  seedZone: 'jkq',
  optIn: true,
  async setup(ctx) {
    const token = await ctx.login(STAFF_ACCOUNT, DEMO_PASSWORD);
    const res = await fetch(new URL('/api/v1/talents?page=1', ctx.baseUrl), { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    if (!res.ok) throw new Error(`GET /api/v1/talents: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as { total: number; pageSize: number; items: unknown[] };
    if (body.items.length === 0) throw new Error('GET /api/v1/talents returned no rows: was the database seeded? / 名录为空');
    const cookie = await cookieLogin(ctx.baseUrl, TALENT_ACCOUNT, DEMO_PASSWORD);
    const page = await fetch(new URL('/profile', ctx.baseUrl), { headers: { cookie }, redirect: 'manual' });
    const html = await page.text();
    if (page.status !== 200 || !html.includes(TALENT_NAME)) throw new Error(`GET /profile as ${TALENT_ACCOUNT}: HTTP ${page.status}, ${html.includes(TALENT_NAME) ? '' : 'without the talent’s name'}`);
    const deepPage = Math.max(1, Math.ceil(body.total / body.pageSize / 2));
    ctx.log(`  zone jkq holds ${body.total.toLocaleString('en')} talents; deep page ${deepPage}`);
    return { token, cookie, total: body.total, deepPage };
  },
  async run(ctx, { token, cookie, total, deepPage }) {
    const connections = ctx.options.connections ?? CONNECTIONS;
    const bearer = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
    const list = await ctx.load({ label: 'list', path: '/api/v1/talents?page=1', headers: bearer, connections });
    const deep = await ctx.load({ label: 'list-deep', path: `/api/v1/talents?page=${deepPage}`, headers: bearer, connections });
    const profile = await ctx.load({ label: 'profile', path: '/profile', headers: { cookie, 'accept-language': 'zh-CN' }, connections });
    return {
      measurements: [list, deep, profile],
      derived: { zoneTalents: total, deepPage },
      notes: [
        `list, list-deep: ${STAFF_ACCOUNT} (zone jkq), bearer token from one POST /api/v1/auth/login; pageSize 20; each request also appends an audit row`,
        `profile: ${TALENT_ACCOUNT}, session cookie from the next-auth credentials flow; the full streamed HTML`,
        `database: ${total.toLocaleString('en')} profiles in zone jkq (seedScale ${SEED_TALENTS.toLocaleString('en')} moved there + the demo profiles)`,
      ],
    };
  },
});
