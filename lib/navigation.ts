import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import type { MessageKey } from '@/lib/i18n';

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown when the actor holds this permission (the page itself still authorizes). */
  permission?: Permission;
}

const ITEMS: NavItem[] = [
  { href: '/dashboard', label: 'nav.dashboard', permission: 'account.read' },
  { href: '/profile', label: 'profile.nav', permission: 'profile.read_own' },
  { href: '/portfolio', label: 'portfolio.nav', permission: 'works.manage' },
  { href: '/my-policies', label: 'policy.navMine', permission: 'matches.read_own' },
  { href: '/applications', label: 'policy.navApplications', permission: 'applications.read_own' },
  { href: '/staff/talents', label: 'staff.navTalents', permission: 'talents.read' },
  { href: '/staff/verification', label: 'staff.navVerification', permission: 'evidence.read' },
  { href: '/staff/policies', label: 'policy.navStaffPolicies', permission: 'policies.manage' },
  { href: '/staff/applications', label: 'policy.navStaffApplications', permission: 'applications.read' },
  { href: '/admin/users', label: 'nav.admin', permission: 'users.read' },
  { href: '/admin/jobs', label: 'jobs.nav', permission: 'jobs.read' },
  { href: '/account', label: 'nav.account', permission: 'account.read' },
];

/** Role-aware navigation: the same `can()` the data-access layer uses decides what is shown. */
export function navFor(actor: Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> | null): NavItem[] {
  if (!actor) return [];
  return ITEMS.filter((i) => !i.permission || can(actor, i.permission));
}
