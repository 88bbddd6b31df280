import type { DomainManifest } from '@/lib/domains';

/** The background jobs' share of the shared surfaces (lib/domains.ts): the administrator's queue page. */
export const jobsManifest = {
  name: 'jobs',
  nav: [{ href: '/admin/jobs', label: 'jobs.nav', permission: 'jobs.read', order: 96 }],
} satisfies DomainManifest;
