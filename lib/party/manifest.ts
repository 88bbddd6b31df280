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
/** 组织关系转接: the organisers' queue (members follow their case on 我的党组织). */
const transferNav: readonly NavItem[] = [{ href: '/party/transfers', label: 'partyTransfer.navQueue', permission: 'party_transfers.read', order: 63 }];
/** 党费: a month's collection for the secretary's organisation (members see theirs on 我的党组织). */
const duesNav: readonly NavItem[] = [{ href: '/party/dues', label: 'partyDues.navCollection', permission: 'party_dues.read', order: 66 }];

export const partyManifest = {
  name: 'party',
  capabilities: ['party_transfer'],
  nav: [...memberNav, ...transferNav, ...orgNav, ...duesNav],
  appPaths: ['/party/members/new', '/party/transfers/incoming/new'],
  notifications: partyNotificationKinds,
} satisfies DomainManifest;
