import { afterEach, describe, expect, it } from 'vitest';
import { clientIp, rateLimitKeyForIp } from './client-ip';

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
});

describe('client IP', () => {
  it('takes the address our proxy appended (rightmost), ignoring what the client wrote to the left', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7' }))).toBe('198.51.100.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '9.9.9.9, 8.8.8.8, 198.51.100.7' }))).toBe('198.51.100.7');
  });
  it('honours TRUST_PROXY_HOPS for chains of proxies', () => {
    process.env.TRUST_PROXY_HOPS = '2';
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.2' }))).toBe('198.51.100.7');
  });
  it('reports unknown for missing or malformed values', () => {
    expect(clientIp(new Headers())).toBe('unknown');
    expect(clientIp(new Headers({ 'x-forwarded-for': 'not-an-ip' }))).toBe('unknown');
    expect(clientIp({ 'x-forwarded-for': '::ffff:192.0.2.1' })).toBe('192.0.2.1');
  });
  it('groups IPv6 addresses by /64 for rate limits', () => {
    expect(rateLimitKeyForIp('2001:db8:1:2:aaaa::1')).toBe(rateLimitKeyForIp('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(rateLimitKeyForIp('2001:db8:1:3::1')).not.toBe(rateLimitKeyForIp('2001:db8:1:2::1'));
    expect(rateLimitKeyForIp('192.0.2.1')).toBe('192.0.2.1');
  });
});
