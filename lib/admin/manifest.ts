import type { DomainManifest } from '@/lib/domains';

/** The admin domain's share of the shared surfaces (lib/domains.ts). */
export const adminManifest = {
  name: 'admin',
  nav: [{ href: '/admin/users', label: 'nav.admin', permission: 'users.read', order: 95 }],
} satisfies DomainManifest;
