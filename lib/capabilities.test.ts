import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_DEFS, capabilityList } from './capabilities';
import { DOMAINS, LIVE_CAPABILITIES, type DomainManifest } from './domains';
import { isMessageKey } from './i18n';

describe('the landing page tells the truth (issue 13 §2)', () => {
  it('a capability is live exactly when a domain declares it, and that domain has pages in the navigation', () => {
    const declaring = (DOMAINS as readonly DomainManifest[]).filter((d) => d.capabilities?.length);
    for (const d of declaring) expect(d.nav?.length ?? 0, `${d.name} declares ${d.capabilities} without any page`).toBeGreaterThan(0);
    expect([...LIVE_CAPABILITIES].sort()).toEqual(declaring.flatMap((d) => d.capabilities ?? []).sort());
    // What is built today; the rest is shown as coming.
    expect([...LIVE_CAPABILITIES].sort()).toEqual(['apply', 'mentors', 'party_transfer', 'policies', 'profile', 'spaces']);
  });

  it('lists live capabilities first, each once, with zh/en text', () => {
    const list = capabilityList(LIVE_CAPABILITIES);
    expect(list.map((c) => c.key).sort()).toEqual([...CAPABILITIES].sort());
    const firstComing = list.findIndex((c) => !c.live);
    expect(list.slice(firstComing).every((c) => !c.live)).toBe(true);
    for (const key of CAPABILITIES) {
      expect(isMessageKey(CAPABILITY_DEFS[key].title)).toBe(true);
      expect(isMessageKey(CAPABILITY_DEFS[key].body)).toBe(true);
    }
  });
});
