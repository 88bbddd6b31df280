import type { DomainManifest } from '@/lib/domains';

/**
 * The bookings domain's share of the shared surfaces (lib/domains.ts). The talents' header is full (issue 13 §5: one
 * line in English at 1280 px), so 空间预约 and 我的预约 are reached from the 工作台 card and the landing capability;
 * they are signed-in app paths. Zone staff get the requests page in the header.
 */
export const bookingsManifest = {
  name: 'bookings',
  capabilities: ['spaces'],
  nav: [{ href: '/staff/bookings', label: 'bookings.navStaff', permission: 'bookings.manage', order: 92 }],
  appPaths: ['/spaces', '/bookings'],
} satisfies DomainManifest;
