import type { DomainManifest } from '@/lib/domains';
import type { NavItem } from '@/lib/navigation';
import { partyNotificationKinds } from './notifications';

/**
 * The Party domain's share of the shared surfaces (lib/domains.ts). One list per topic, so the transfer pages add
 * their entries beside these without touching them.
 */
const memberNav: readonly NavItem[] = [
  { href: '/my-party', label: 'party.navMine', permission: 'party_record.read_own', order: 45 },
  { href: '/party/members', label: 'party.navMembers', permission: 'party_members.read', order: 62, group: 'party' },
];
const orgNav: readonly NavItem[] = [{ href: '/party/orgs', label: 'party.navOrgs', permission: 'party_orgs.read', order: 64, group: 'party' }];
/** 组织关系转接: the organisers' queue (members follow their case on 我的党组织). */
const transferNav: readonly NavItem[] = [{ href: '/party/transfers', label: 'partyTransfer.navQueue', permission: 'party_transfers.read', order: 63, group: 'party' }];
/** 党费: a month's collection for the secretary's organisation (members see theirs on 我的党组织). */
const duesNav: readonly NavItem[] = [{ href: '/party/dues', label: 'partyDues.navCollection', permission: 'party_dues.read', order: 66, group: 'party' }];
/** 组织生活 and the home branch's 党员汇报 inbox (members check in and report on 我的党组织). */
const orgLifeNav: readonly NavItem[] = [
  { href: '/party/activities', label: 'partyActivities.navList', permission: 'party_activities.read', order: 67, group: 'party' },
  { href: '/party/reports', label: 'partyReports.navInbox', permission: 'party_reports.review', order: 68, group: 'party' },
];

/** 流动党员: the roster of mobile members (待查验, 待报到, 已纳入, 预警, 失联); members report on 我的党组织 or by QR. */
const mobileNav: readonly NavItem[] = [{ href: '/party/mobile', label: 'partyMobile.navRoster', permission: 'party_mobile.read', order: 65, group: 'party' }];

/** 流动党员看板 (secretaries and the 组织部) and the 组织部's district view. */
const statsNav: readonly NavItem[] = [
  { href: '/party/dashboard', label: 'partyStats.navDashboard', permission: 'party_stats.read', order: 61, group: 'party' },
  { href: '/party/district', label: 'partyStats.navDistrict', permission: 'party_stats.district', order: 60, group: 'party' },
];

export const partyManifest = {
  name: 'party',
  capabilities: ['party_transfer', 'mobile_members'],
  nav: [...memberNav, ...transferNav, ...orgNav, ...duesNav, ...orgLifeNav, ...mobileNav, ...statsNav],
  appPaths: ['/party/members/new', '/party/transfers/incoming/new'],
  notifications: partyNotificationKinds,
} satisfies DomainManifest;
