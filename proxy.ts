import { NextResponse, type NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/cookies';
import { cachedRewrite, isCachedInternalPath } from '@/lib/cache/public-routes';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { crossSiteReason } from '@/lib/http/origin';
import { APP_PATH_PREFIXES } from '@/lib/navigation';

/**
 * Optimistic checks only (Next 16 proxy): a per-request CSP nonce on every response, a redirect to /login for
 * app pages without a session cookie, and cross-site POSTs to pages (server actions) sent to the refusal route
 * (a 403 and an audit row, lib/http/cross-origin-refusal.ts) before Next's own check answers them with a 500.
 * An anonymous GET of a public page that has a cached copy (/, /policies, /policies/{code}) is rewritten to that copy
 * with the cached pages' own CSP (ADR 019); the internal /cached/… paths themselves answer 404 from outside.
 * Authorization itself happens in the data-access layer, never here.
 * The app pages are those of the domains' navigation entries and `appPaths` (lib/domains.ts, ADR 010).
 */
const APP_PREFIXES = APP_PATH_PREFIXES;

function contentSecurityPolicy(nonce: string | null): string {
  const dev = process.env.NODE_ENV !== 'production';
  return [
    "default-src 'self'",
    `script-src 'self' ${nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'unsafe-inline'"}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...((process.env.NEXTAUTH_URL ?? '').startsWith('https://') ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The cached public pages are rendered once and served to everyone, so they cannot carry a per-request nonce: their
 * scripts are allowed as same-origin files plus Next's inline bootstrap ('unsafe-inline', which a nonce or hash in
 * the same policy would switch off). These pages hold no personal data and render only escaped text from the
 * catalogue; every other directive is the same as the nonce policy's (ADR 019).
 */
export function cachedPageContentSecurityPolicy(): string {
  return contentSecurityPolicy(null);
}

/** File downloads keep the sandbox policy their handler sets (an HTML page served from there could not run anything). */
const DOWNLOAD_PATHS = [/^\/api\/v1\/works\/[^/]+\/images\/[^/]+$/, /^\/api\/v1\/evidence\/[^/]+\/file$/, /^\/api\/v1\/talents\/export$/];
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** Where cross-site POSTs to pages are rewritten to (app/api/internal/cross-origin/route.ts). */
export const CROSS_ORIGIN_REFUSAL_PATH = '/api/internal/cross-origin';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Route handlers (/api/…) check Origin themselves (lib/api/route.ts); next-auth's own routes carry a CSRF token.
  if (request.method === 'POST' && !pathname.startsWith('/api/') && crossSiteReason(request.headers)) {
    const headers = new Headers(request.headers);
    headers.set('x-jp-refused-path', pathname);
    return NextResponse.rewrite(new URL(CROSS_ORIGIN_REFUSAL_PATH, request.url), { request: { headers } });
  }
  if (DOWNLOAD_PATHS.some((re) => re.test(request.nextUrl.pathname))) {
    const res = NextResponse.next();
    res.headers.set('Content-Security-Policy', DOWNLOAD_CSP);
    return res;
  }
  const hasSession = request.cookies.has(sessionCookieName());
  const cached = cachedRewrite({
    method: request.method,
    pathname,
    searchParams: request.nextUrl.searchParams,
    hasSession,
    cookieLocale: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  if (cached) {
    // Nothing from the request reaches the render that becomes everyone's copy: no nonce, no client-sent policy.
    const headers = new Headers(request.headers);
    headers.delete('content-security-policy');
    headers.delete('x-nonce');
    const res = NextResponse.rewrite(new URL(cached + search, request.url), { request: { headers } });
    res.headers.set('Content-Security-Policy', cachedPageContentSecurityPolicy());
    // One URL, a copy per language and another page for the signed-in: no shared cache may keep it (Next replaces a
    // Vary set here with its own, so Vary: Cookie cannot say it).
    res.headers.set('Cache-Control', 'private, no-cache');
    return res;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  if (!hasSession && APP_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    const res = NextResponse.redirect(url);
    res.headers.set('Content-Security-Policy', csp);
    return res;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // The internal /cached/… tree is not a public address: the catch-all app/(site)/[...missing] answers it 404.
  const res = isCachedInternalPath(pathname)
    ? NextResponse.rewrite(new URL('/not-found', request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
