import type { DomainManifest } from '@/lib/domains';
import { mentorNotificationKinds } from './notifications';

/**
 * The mentors domain's share of the shared surfaces (lib/domains.ts): 大师 / 导师 and 师带徒 (issue 12). /mentors is a
 * public page (like /policies and /showcases), so it is not a navigation entry (those are guarded app paths): the
 * landing capability, the home card and 我的师徒 link to it.
 */
export const mentorsManifest = {
  name: 'mentors',
  capabilities: ['mentors'],
  nav: [
    { href: '/staff/mentors', label: 'mentors.navStaff', permission: 'mentors.manage', order: 95, group: 'talent' },
  ],
  // 我的师徒 is reached from the 工作台 card and /mentors (the talent header is full); the proxy still guards it.
  appPaths: ['/my-mentorships'],
  notifications: mentorNotificationKinds,
} satisfies DomainManifest;
