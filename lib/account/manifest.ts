import type { DomainManifest } from '@/lib/domains';

/** The account domain's share of the shared surfaces (lib/domains.ts). */
export const accountManifest = {
  name: 'account',
  nav: [
    { href: '/dashboard', label: 'nav.dashboard', permission: 'account.read', order: 10 },
    { href: '/account', label: 'nav.account', permission: 'account.read', order: 100 },
  ],
} satisfies DomainManifest;
