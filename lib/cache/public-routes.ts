import { negotiateLocale, type Locale } from '@/lib/i18n/config';

/**
 * Which requests get a cached public page (ADR 019), decided in proxy.ts before anything renders. Pure: no Next, no
 * database. A request qualifies when it is a GET or HEAD from a visitor without a session cookie, for one of the
 * public URLs below, with no query string (a search or filter is rendered at request time; Next's own `_rsc`
 * cache-buster does not count). The answer is the internal path under app/(cached)/cached/[locale]/ to rewrite to.
 */
export const CACHED_PREFIX = '/cached';

const POLICY_PAGE = /^\/policies\/([A-Z][A-Z0-9]*-\d{3})$/;

/** The public URL → the page under /cached/{locale}; null when the URL has no cached copy. */
export function cachedPathFor(pathname: string, locale: Locale): string | null {
  if (pathname === '/') return `${CACHED_PREFIX}/${locale}`;
  if (pathname === '/policies') return `${CACHED_PREFIX}/${locale}/policies`;
  const m = POLICY_PAGE.exec(pathname);
  return m ? `${CACHED_PREFIX}/${locale}/policies/${m[1]}` : null;
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
