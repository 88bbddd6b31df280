import 'server-only';
import { auditCrossOrigin } from '@/lib/auth/authorize';
import { clientIp } from '@/lib/http/client-ip';
import { crossSiteReason } from '@/lib/http/origin';
import { problemResponse } from '@/lib/http/problem';
import { localeFromHeaders } from '@/lib/i18n/server';

/** The header proxy.ts sets (overwriting any a client sent) to name the page a refused POST was sent to. */
export const REFUSED_PATH_HEADER = 'x-jp-refused-path';

/**
 * The answer to a cross-site POST to a page (a server action), to which proxy.ts rewrites it: an audit row and a
 * 403 problem document. Without it Next's own check answers such a request with a 500, and one without an Origin
 * but with Sec-Fetch-Site: cross-site would run.
 */
export async function refuseCrossSitePost(req: Request): Promise<Response> {
  const path = (req.headers.get(REFUSED_PATH_HEADER) ?? '?').slice(0, 200);
  await auditCrossOrigin(crossSiteReason(req.headers) ?? 'proxy', { ip: clientIp(req.headers), via: `page:${path}`, method: req.method });
  return problemResponse('CROSS_ORIGIN', localeFromHeaders(req.headers));
}
