import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_DEFS, capabilityList } from './capabilities';
import { DOMAINS, LIVE_CAPABILITIES, type DomainManifest } from './domains';
import { isMessageKey } from './i18n';

describe('the landing page tells the truth (issue 13 §2)', () => {
  it('a capability is live exactly when a domain declares it, and that domain has pages in the navigation', () => {
    const declaring = (DOMAINS as readonly DomainManifest[]).filter((d) => d.capabilities?.length);
    for (const d of declaring) expect(d.nav?.length ?? 0, `${d.name} declares ${d.capabilities} without any page`).toBeGreaterThan(0);
    expect([...LIVE_CAPABILITIES].sort()).toEqual(declaring.flatMap((d) => d.capabilities ?? []).sort());
    // What is built today (anything else would be shown as coming).
    expect([...LIVE_CAPABILITIES].sort()).toEqual(['apply', 'mentors', 'mobile_members', 'party_transfer', 'policies', 'profile', 'spaces']);
  });

  it('lists live capabilities first, each once, with zh/en text', () => {
    const list = capabilityList(LIVE_CAPABILITIES);
    expect(list.map((c) => c.key).sort()).toEqual([...CAPABILITIES].sort());
    // Everything is live today; the order rule still holds for any set of live capabilities.
    expect(list.every((c) => c.live)).toBe(true);
    const partial = capabilityList(new Set(['spaces', 'profile'] as const));
    expect(partial.map((c) => [c.key, c.live])).toEqual([['profile', true], ['spaces', true], ...CAPABILITIES.filter((k) => k !== 'profile' && k !== 'spaces').map((k) => [k, false])]);
    for (const key of CAPABILITIES) {
      expect(isMessageKey(CAPABILITY_DEFS[key].title)).toBe(true);
      expect(isMessageKey(CAPABILITY_DEFS[key].body)).toBe(true);
    }
  });
});
