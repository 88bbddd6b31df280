import { isIP } from 'node:net';

/**
 * The client address for throttling and the audit log. Only the entries appended by our own reverse proxies are
 * trusted: with TRUST_PROXY_HOPS=N (default 1: one nginx/Caddy in front that appends $remote_addr) we take the
 * N-th address from the right of X-Forwarded-For; anything a client writes further left is ignored.
 * IPv6 addresses are reduced to their /64 for rate-limit keys (see rateLimitKeyForIp).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1) || 1);
  const chain = (get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - hops] ?? chain[0];
  const cleaned = candidate?.replace(/^::ffff:/, '');
  return cleaned && isIP(cleaned) ? cleaned : 'unknown';
}

export function rateLimitKeyForIp(ip: string): string {
  if (isIP(ip) === 6) {
    const groups = expandIpv6(ip);
    return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return ip;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => g.toLowerCase().padStart(4, '0'));
}
