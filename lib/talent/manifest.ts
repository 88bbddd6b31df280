import type { DomainManifest } from '@/lib/domains';

/** The talent domain's share of the shared surfaces (lib/domains.ts). */
export const talentManifest = {
  name: 'talent',
  capabilities: ['profile'],
  nav: [
    { href: '/profile', label: 'profile.nav', permission: 'profile.read_own', order: 20 },
    { href: '/staff/talents', label: 'staff.navTalents', permission: 'talents.read', order: 60, group: 'talent' },
    { href: '/staff/verification', label: 'staff.navVerification', permission: 'evidence.read', order: 70, group: 'talent' },
  ],
} satisfies DomainManifest;
