import { afterEach, describe, expect, it } from 'vitest';
import { crossSiteReason } from './origin';

const h = (init: Record<string, string>) => new Headers(init);
const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved;
});

describe('crossSiteReason with a loopback public URL (the demo)', () => {
  it('accepts the same site under another loopback name with the same scheme and port', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    expect(crossSiteReason(h({ origin: 'http://localhost:3000' }))).toBeNull();
    expect(crossSiteReason(h({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(crossSiteReason(h({ origin: 'http://[::1]:3000' }))).toBeNull();
  });

  it('still refuses another port, another scheme or any non-loopback host', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    expect(crossSiteReason(h({ origin: 'http://127.0.0.1:3001' }))).toBe('origin-mismatch');
    expect(crossSiteReason(h({ origin: 'https://127.0.0.1:3000' }))).toBe('origin-mismatch');
    expect(crossSiteReason(h({ origin: 'http://localhost.evil.example:3000' }))).toBe('origin-mismatch');
    expect(crossSiteReason(h({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }))).toBe('origin-mismatch');
  });

  it('never treats a real public URL as loopback', () => {
    process.env.NEXTAUTH_URL = 'https://portal.example.cn';
    expect(crossSiteReason(h({ origin: 'https://localhost' }))).toBe('origin-mismatch');
    expect(crossSiteReason(h({ origin: 'https://portal.example.cn' }))).toBeNull();
  });
});
