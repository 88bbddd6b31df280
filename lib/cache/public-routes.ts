import { negotiateLocale, type Locale } from '@/lib/i18n/config';
import { POLICY_CODE } from '@/lib/policies/code';
import { SHOWCASE_SLUG } from '@/lib/talent/slug';

/**
 * Which requests get a cached public page (ADR 019), decided in proxy.ts before anything renders. Pure: no Next, no
 * database. A request qualifies when it is a GET or HEAD from a visitor without a session cookie, for one of the
 * public URLs below (/, /policies, /policies/{code}, /showcases, /showcases/{slug}), with no query string (a search or filter is rendered at request time; Next's own `_rsc`
 * cache-buster does not count). The answer is the internal path under app/(cached)/cached/[locale]/ to rewrite to.
 */
export const CACHED_PREFIX = '/cached';


/** The public URL → the page under /cached/{locale}; null when the URL has no cached copy. */
export function cachedPathFor(pathname: string, locale: Locale): string | null {
  const base = `${CACHED_PREFIX}/${locale}`;
  if (pathname === '/') return base;
  if (pathname === '/policies' || pathname === '/showcases') return `${base}${pathname}`;
  const [, section, id, ...rest] = pathname.split('/');
  if (id === undefined || rest.length) return null;
  if (section === 'policies' && POLICY_CODE.test(id)) return `${base}/policies/${id}`;
  if (section === 'showcases' && SHOWCASE_SLUG.test(id)) return `${base}/showcases/${id}`;
  return null;
}

/** Whether a request from outside names the internal tree itself (the proxy answers it 404). */
export function isCachedInternalPath(pathname: string): boolean {
  return pathname === CACHED_PREFIX || pathname.startsWith(`${CACHED_PREFIX}/`);
}

export interface CacheableRequest {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  hasSession: boolean;
  cookieLocale: string | undefined;
  acceptLanguage: string | null;
}

/** Where to rewrite the request to, or null to render it at request time. */
export function cachedRewrite(r: CacheableRequest): string | null {
  if ((r.method !== 'GET' && r.method !== 'HEAD') || r.hasSession) return null;
  for (const key of r.searchParams.keys()) if (key !== '_rsc') return null;
  return cachedPathFor(r.pathname, negotiateLocale(r.cookieLocale, r.acceptLanguage));
}
