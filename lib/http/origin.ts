/**
 * The one cross-site check for state-changing requests (security.md #9/#10): route handlers (lib/api/route.ts),
 * server actions (lib/actions/create-action.ts) and the proxy, which answers cross-site POSTs to pages (server
 * actions) before Next's own check turns them into a 500.
 *
 * The Origin is compared with the configured public URL (NEXTAUTH_URL), never with X-Forwarded-Host, which a client
 * can write. Without NEXTAUTH_URL (development, unit tests) the Host header stands in for it.
 * No Origin at all is a non-browser client (curl, integrations), unless the browser's Sec-Fetch-Site says the
 * request comes from another site. Plain data, no I/O: the proxy imports it.
 */
export type CrossSiteReason = 'sec-fetch-site' | 'origin-null' | 'origin-malformed' | 'origin-mismatch';

type HeaderSource = Pick<Headers, 'get'>;

/** The site's own origin (scheme://host[:port]), or null when neither NEXTAUTH_URL nor Host says it. */
export function expectedOrigin(headers: HeaderSource): { origin: string } | { host: string } | null {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return { origin: new URL(configured).origin };
    } catch {
      /* a malformed NEXTAUTH_URL: fall back to Host */
    }
  }
  const host = headers.get('host');
  return host ? { host: host.toLowerCase() } : null;
}

export function crossSiteReason(headers: HeaderSource): CrossSiteReason | null {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return 'sec-fetch-site';
  const origin = headers.get('origin');
  if (origin === null) return null;
  if (origin.trim() === 'null') return 'origin-null';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'origin-malformed';
  }
  if (parsed.origin === 'null' || !/^https?:$/.test(parsed.protocol)) return 'origin-malformed';
  const expected = expectedOrigin(headers);
  if (!expected) return 'origin-mismatch';
  const same = 'origin' in expected ? parsed.origin === expected.origin || sameLoopback(parsed, expected.origin) : parsed.host === expected.host;
  return same ? null : 'origin-mismatch';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A site configured on a loopback name (the demo: http://localhost:3000) is the same site under another loopback
 * name with the same scheme and port (http://127.0.0.1:3000): only this machine can be either, so no other site can
 * pose as it.
 */
function sameLoopback(origin: URL, expected: string): boolean {
  const e = new URL(expected);
  return LOOPBACK.has(e.hostname) && LOOPBACK.has(origin.hostname) && e.protocol === origin.protocol && e.port === origin.port;
}
