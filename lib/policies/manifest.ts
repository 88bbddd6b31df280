import type { DomainManifest } from '@/lib/domains';
import { policyNotificationKinds } from './notifications';

/** The policy domain's share of the shared surfaces (lib/domains.ts). */
export const policiesManifest = {
  name: 'policies',
  capabilities: ['policies', 'apply'],
  nav: [
    { href: '/my-policies', label: 'policy.navMine', permission: 'matches.read_own', order: 40 },
    { href: '/applications', label: 'policy.navApplications', permission: 'applications.read_own', order: 50 },
    { href: '/staff/dashboard', label: 'zoneDashboard.nav', permission: 'zones.read', order: 79, group: 'policy' },
    { href: '/staff/policies', label: 'policy.navStaffPolicies', permission: 'policies.manage', order: 80, group: 'policy' },
    { href: '/staff/applications', label: 'policy.navStaffApplications', permission: 'applications.read', order: 90, group: 'policy' },
  ],
  appPaths: ['/apply'],
  notifications: policyNotificationKinds,
} satisfies DomainManifest;
