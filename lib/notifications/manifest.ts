import type { DomainManifest } from '@/lib/domains';

/** The notifications domain's share of the shared surfaces (lib/domains.ts): the list page (the bell is in the header). */
export const notificationsManifest = {
  name: 'notifications',
  appPaths: ['/notifications'],
} satisfies DomainManifest;
