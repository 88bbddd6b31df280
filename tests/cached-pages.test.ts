import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { PUBLIC_PAGE_EVENTS, renewalsFor, touchesPublicPages } from '@/lib/cache/public-pages';
import { cachedPathFor, cachedRewrite, isCachedInternalPath, type CacheableRequest } from '@/lib/cache/public-routes';
import { proxy } from '@/proxy';

/** The cached public pages (issue 13 §4, ADR 019): which requests get them, and that each one mirrors a public page. */

const APP = path.join(process.cwd(), 'app');

function pageRoutesUnder(dir: string, segments: string[] = []): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name === 'page.tsx') out.push(`/${segments.join('/')}`);
    if (e.isDirectory()) out.push(...pageRoutesUnder(path.join(dir, e.name), /^\(.*\)$/.test(e.name) ? segments : [...segments, e.name]));
  }
  return out.sort();
}

const base: CacheableRequest = { method: 'GET', pathname: '/policies', searchParams: new URLSearchParams(), hasSession: false, cookieLocale: undefined, acceptLanguage: null };

describe('cachedRewrite', () => {
  it('sends an anonymous GET or HEAD of /, /policies and /policies/{code} to the copy for the negotiated language', () => {
    expect(cachedRewrite({ ...base, pathname: '/' })).toBe('/cached/zh-CN');
    expect(cachedRewrite(base)).toBe('/cached/zh-CN/policies');
    expect(cachedRewrite({ ...base, method: 'HEAD', pathname: '/policies/JP-001' })).toBe('/cached/zh-CN/policies/JP-001');
    expect(cachedRewrite({ ...base, pathname: '/showcases' })).toBe('/cached/zh-CN/showcases');
    expect(cachedRewrite({ ...base, pathname: '/showcases/k3x_9-ab' })).toBe('/cached/zh-CN/showcases/k3x_9-ab');
    // The showcase directory's filters and pages are rendered at request time.
    expect(cachedRewrite({ ...base, pathname: '/showcases', searchParams: new URLSearchParams('craft=ceramics') })).toBeNull();
    expect(cachedRewrite({ ...base, acceptLanguage: 'en-GB,en;q=0.9' })).toBe('/cached/en/policies');
    // The remembered choice wins over the browser's languages, as on every other page.
    expect(cachedRewrite({ ...base, acceptLanguage: 'en', cookieLocale: 'zh-CN' })).toBe('/cached/zh-CN/policies');
    expect(cachedRewrite({ ...base, cookieLocale: 'en' })).toBe('/cached/en/policies');
    expect(cachedRewrite({ ...base, cookieLocale: 'fr', acceptLanguage: 'fr' })).toBe('/cached/zh-CN/policies');
    // Next's client navigations add _rsc: still the same page.
    expect(cachedRewrite({ ...base, searchParams: new URLSearchParams('_rsc=1x2y') })).toBe('/cached/zh-CN/policies');
  });

  it('renders at request time for the signed-in, for searches and filters, for other methods and other pages', () => {
    expect(cachedRewrite({ ...base, hasSession: true })).toBeNull();
    for (const q of ['q=陶', 'category=housing', 'provenance=modelled', 'utm_source=x', '_rsc=1&q=a']) expect(cachedRewrite({ ...base, searchParams: new URLSearchParams(q) }), q).toBeNull();
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) expect(cachedRewrite({ ...base, method }), method).toBeNull();
    for (const p of ['/policies/', '/policies/jp-001', '/policies/JP-01', '/policies/JP-001/x', '/policies/JP-001%2F..', '/showcases/', '/showcases/AB', '/showcases/%ff%fe', '/showcases/a/b', '/calculator', '/mentors', '/login', '/api/v1/policies'])
      expect(cachedRewrite({ ...base, pathname: p }), p).toBeNull();
  });

  it('knows its internal tree', () => {
    expect(isCachedInternalPath('/cached')).toBe(true);
    expect(isCachedInternalPath('/cached/en/policies')).toBe(true);
    expect(isCachedInternalPath('/cachedx')).toBe(false);
    expect(isCachedInternalPath('/policies')).toBe(false);
  });
});

describe('the cached tree mirrors public pages', () => {
  const cached = pageRoutesUnder(path.join(APP, '(cached)'));
  const site = pageRoutesUnder(path.join(APP, '(site)'));

  it('has a page for every public URL the proxy rewrites, and each is also a request-time page', () => {
    expect(cached).toEqual(['/cached/[locale]', '/cached/[locale]/policies', '/cached/[locale]/policies/[code]', '/cached/[locale]/showcases', '/cached/[locale]/showcases/[slug]']);
    const sample: Record<string, string> = { '/': '/', '/policies': '/policies', '/policies/[code]': '/policies/JP-001', '/showcases': '/showcases', '/showcases/[slug]': '/showcases/ab12-cd' };
    for (const route of cached) {
      const publicRoute = route.replace(/^\/cached\/\[locale\]/, '') || '/';
      expect(site, `${route} needs the request-time page ${publicRoute}`).toContain(publicRoute);
      for (const locale of ['zh-CN', 'en'] as const) {
        const internal = cachedPathFor(sample[publicRoute]!, locale);
        expect(internal, publicRoute).not.toBeNull();
        expect(internal!.replace(`/${locale}`, '/[locale]').replace('JP-001', '[code]').replace('ab12-cd', '[slug]')).toBe(route);
      }
    }
  });

  it('no cached page reads the request: each says so (dynamic = "error") and has a revalidate window', () => {
    for (const route of cached) {
      const file = path.join(APP, '(cached)', route.replace(/^\//, ''), 'page.tsx');
      const src = fs.readFileSync(file, 'utf8');
      expect(src, file).toMatch(/export const revalidate = \d+;/);
      expect(src, file).not.toMatch(/getActor|getTranslator|next\/headers|searchParams/);
    }
    expect(fs.readFileSync(path.join(APP, '(cached)', 'cached', '[locale]', 'layout.tsx'), 'utf8')).toMatch(/export const dynamic = 'error';/);
  });
});

describe('proxy and the cached pages', () => {
  const req = (p: string, headers: Record<string, string> = {}, method = 'GET') => new NextRequest(new URL(p, 'https://portal.example.cn'), { method, headers });

  it('rewrites an anonymous visitor to the copy, with a policy without a nonce, kept out of shared caches', () => {
    const res = proxy(req('/policies', { 'accept-language': 'en', 'content-security-policy': "script-src 'nonce-evil'" }));
    expect(res.headers.get('x-middleware-rewrite')).toBe('https://portal.example.cn/cached/en/policies');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/nonce|strict-dynamic/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    // A policy the client sent is not forwarded into the render that becomes everyone's copy.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBeNull();
  });

  it('keeps the nonce policy and the request-time page for the signed-in and for searches', () => {
    for (const r of [req('/policies', { cookie: 'jp.session=abc' }), req('/policies?q=陶'), req('/calculator')]) {
      expect(r.headers.get('x-middleware-rewrite') ?? proxy(r).headers.get('x-middleware-rewrite')).toBeNull();
      expect(proxy(r).headers.get('content-security-policy')).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    }
  });

  it('answers the internal tree 404 from outside (the site catch-all behind a rewrite)', () => {
    const res = proxy(req('/cached/zh-CN/policies'));
    expect(res.headers.get('x-middleware-rewrite')).toBe('https://portal.example.cn/not-found');
    expect(res.headers.get('content-security-policy')).toMatch(/'nonce-/);
  });
});

describe('what renews the cached pages', () => {
  it('a policy published, retired or edited renews every cached page; a profile, portfolio or account change the showcases', () => {
    expect([...PUBLIC_PAGE_EVENTS].sort()).toEqual(['account.status_changed', 'policy.meta_updated', 'policy.version_published', 'policy.version_retired', 'portfolio.changed', 'talent.profile_changed']);
    expect(renewalsFor(['policy.version_retired'])).toEqual([{ path: '/(cached)/cached/[locale]', type: 'layout' }]);
    const showcases = [
      { path: '/(cached)/cached/[locale]/showcases', type: 'page' },
      { path: '/(cached)/cached/[locale]/showcases/[slug]', type: 'page' },
    ];
    for (const e of ['talent.profile_changed', 'portfolio.changed', 'account.status_changed']) expect(renewalsFor([e]), e).toEqual(showcases);
    // Each route once, whatever the number of events.
    expect(renewalsFor(['portfolio.changed', 'talent.profile_changed', 'portfolio.changed'])).toHaveLength(2);
    expect(touchesPublicPages(['mentor.changed', 'bookings.slot_released', 'party.transfer_transitioned'])).toBe(false);
    expect(touchesPublicPages([])).toBe(false);
  });
});
