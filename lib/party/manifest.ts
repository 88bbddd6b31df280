import type { DomainManifest } from '@/lib/domains';
import type { NavItem } from '@/lib/navigation';
import { partyNotificationKinds } from './notifications';

/**
 * The Party domain's share of the shared surfaces (lib/domains.ts). One list per topic, so the transfer pages add
 * their entries beside these without touching them.
 */
const memberNav: readonly NavItem[] = [
  { href: '/my-party', label: 'party.navMine', permission: 'party_record.read_own', order: 45 },
  { href: '/party/members', label: 'party.navMembers', permission: 'party_members.read', order: 62 },
];
const orgNav: readonly NavItem[] = [{ href: '/party/orgs', label: 'party.navOrgs', permission: 'party_orgs.read', order: 64 }];

export const partyManifest = {
  name: 'party',
  nav: [...memberNav, ...orgNav],
  appPaths: ['/party/members/new'],
  notifications: partyNotificationKinds,
} satisfies DomainManifest;
