import type { DomainManifest } from '@/lib/domains';

/** The portfolio domain's share of the shared surfaces (lib/domains.ts). */
export const portfolioManifest = {
  name: 'portfolio',
  nav: [{ href: '/portfolio', label: 'portfolio.nav', permission: 'works.manage', order: 30 }],
} satisfies DomainManifest;
