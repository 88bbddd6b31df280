import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionCookieName } from '@/lib/auth/cookies';
import { APP_PATH_PREFIXES } from '@/lib/navigation';
import { CROSS_ORIGIN_REFUSAL_PATH, proxy } from '@/proxy';

/** proxy.ts (issue 14 §1/§2): the cookie it looks for is lib/auth/cookies.ts's, and cross-site POSTs to pages are refused. */
afterEach(() => vi.unstubAllEnvs());

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(new URL(path, 'https://portal.example.cn'), init);

describe('proxy', () => {
  it('guards /my-policies, /applications, /notifications and /apply, and recognises the session by the one cookie name', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example.cn');
    expect(sessionCookieName()).toBe('__Host-jp.session');
    for (const path of ['/my-policies', '/applications/x', '/notifications', '/apply/JP-001']) {
      const res = proxy(req(path));
      expect(res.status, path).toBe(307);
      expect(res.headers.get('location')).toContain(`/login?callbackUrl=${encodeURIComponent(path)}`);
      expect(proxy(req(path, { headers: { cookie: '__Host-jp.session=abc' } })).status, path).toBe(200);
      // The plain name is not a session over HTTPS: next-auth never sets it there.
      expect(proxy(req(path, { headers: { cookie: 'jp.session=abc' } })).status, path).toBe(307);
    }
    expect(proxy(req('/policies')).status).toBe(200);
  });

  it('guards every page folder of the signed-in part of the site (app/(site)/(app)/*): a new one needs a manifest entry', () => {
    const folders = fs
      .readdirSync(path.join(process.cwd(), 'app', '(site)', '(app)'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('(') && !d.name.startsWith('_'))
      .map((d) => `/${d.name}`);
    expect(folders).toEqual(expect.arrayContaining(['/my-policies', '/applications', '/notifications', '/apply']));
    for (const f of folders) expect(APP_PATH_PREFIXES, `${f}: add it to its domain's manifest (nav or appPaths, ADR 010)`).toContain(f);
  });

  it('rewrites cross-site POSTs to pages (server actions) to the refusal route, and lets same-origin ones through', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example.cn');
    const attempts: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', 'next-action': 'abc' },
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'next-action': 'abc' },
      { origin: 'null' },
      { origin: 'not a url' },
    ];
    for (const headers of attempts) {
      const res = proxy(req('/profile', { method: 'POST', headers }));
      expect(res.headers.get('x-middleware-rewrite'), JSON.stringify(headers)).toBe(`https://portal.example.cn${CROSS_ORIGIN_REFUSAL_PATH}`);
    }
    const ok = proxy(req('/profile', { method: 'POST', headers: { origin: 'https://portal.example.cn', cookie: '__Host-jp.session=abc', 'next-action': 'abc' } }));
    expect(ok.headers.get('x-middleware-rewrite')).toBeNull();
    // Route handlers check Origin themselves.
    expect(proxy(req('/api/v1/me/profile', { method: 'POST', headers: { origin: 'https://evil.example' } })).headers.get('x-middleware-rewrite')).toBeNull();
  });
});
