import { beforeEach, describe, expect, it } from 'vitest';
import { admitAnonymousDenial, ANON_DENIALS_GLOBAL, ANON_DENIALS_PER_KEY, resetAnonymousDenials, trackedDenialKeys } from './anonymous-denials';

/** Issue 14 §2: anonymous denials cannot flood the audit log (tests/hardening.db.test.ts covers the route path). */
beforeEach(() => resetAnonymousDenials());

const written = (n: number, ip: (i: number) => string, via = 'api:x', at = 0) => Array.from({ length: n }, (_, i) => admitAnonymousDenial(ip(i), via, at)).filter((a) => a.write).length;

describe('anonymous denial aggregation', () => {
  it('writes the first few per address and route in a minute, then carries the count', () => {
    expect(written(10, () => '198.51.100.7')).toBe(ANON_DENIALS_PER_KEY);
    expect(admitAnonymousDenial('198.51.100.7', 'api:y', 0).write).toBe(true);
    expect(admitAnonymousDenial('198.51.100.7', 'api:x', 60_000)).toEqual({ write: true, carried: { suppressed: 10 - ANON_DENIALS_PER_KEY } });
  });

  it('one IPv6 /64 is one address', () => {
    expect(written(10, (i) => `2001:db8::${i + 1}`)).toBe(ANON_DENIALS_PER_KEY);
  });

  it('caps the rows of all addresses together, and reports the rest on the next minute’s first row', () => {
    expect(written(ANON_DENIALS_GLOBAL + 500, (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)).toBe(ANON_DENIALS_GLOBAL);
    const next = admitAnonymousDenial('192.0.2.1', 'api:x', 60_000);
    expect(next).toEqual({ write: true, carried: { suppressedElsewhere: 500 } });
  });

  it('an address sweep does not grow memory without bound', () => {
    for (let i = 0; i < 50_000; i++) admitAnonymousDenial(`2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::1`, 'api:x', 0);
    expect(trackedDenialKeys()).toBeLessThanOrEqual(ANON_DENIALS_GLOBAL);
    const after = admitAnonymousDenial('192.0.2.1', 'api:x', 60_000);
    expect(after.write && after.carried.suppressedElsewhere).toBe(50_000 - ANON_DENIALS_GLOBAL);
  });
});
