import type { MessageKey } from '@/lib/i18n';

/**
 * What the portal offers, as the landing page presents it (issue 13 §2: the landing page tells the truth). A
 * capability is live when a domain declares it in its manifest (`capabilities` in lib/<domain>/manifest.ts, collected
 * by lib/domains.ts — the same registry the navigation is built from); every other one is shown as coming. No
 * hand-written "available" label anywhere. Pure data: the landing page, tests and the proxy may read it.
 */
export const CAPABILITIES = ['profile', 'policies', 'apply', 'party_transfer', 'mobile_members', 'spaces', 'mentors'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface CapabilityDef {
  title: MessageKey;
  body: MessageKey;
  icon: 'vase' | 'policy' | 'apply' | 'mentor' | 'flag';
  /** Where an anonymous visitor can see it at work, once live. */
  href?: string;
}

export const CAPABILITY_DEFS: Record<Capability, CapabilityDef> = {
  profile: { title: 'landing.featProfileTitle', body: 'landing.featProfileBody', icon: 'vase', href: '/showcases' },
  policies: { title: 'landing.featPoliciesTitle', body: 'landing.featPoliciesBody', icon: 'policy', href: '/policies' },
  apply: { title: 'landing.featApplyTitle', body: 'landing.featApplyBody', icon: 'apply', href: '/register' },
  party_transfer: { title: 'landing.featPartyTitle', body: 'landing.featPartyBody', icon: 'flag' },
  mobile_members: { title: 'landing.featMobileTitle', body: 'landing.featMobileBody', icon: 'flag' },
  spaces: { title: 'landing.featSpacesTitle', body: 'landing.featSpacesBody', icon: 'apply' },
  mentors: { title: 'landing.featMentorsTitle', body: 'landing.featMentorsBody', icon: 'mentor', href: '/mentors' },
};

/** Live first (in the order above), then the coming ones. */
export function capabilityList(live: ReadonlySet<Capability>): { key: Capability; live: boolean; def: CapabilityDef }[] {
  const all = CAPABILITIES.map((key) => ({ key, live: live.has(key), def: CAPABILITY_DEFS[key] }));
  return [...all.filter((c) => c.live), ...all.filter((c) => !c.live)];
}
