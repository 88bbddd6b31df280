import type { DomainManifest } from '@/lib/domains';
import { partyNotificationKinds } from './notifications';

/** The Party domain's share of the shared surfaces (lib/domains.ts): organisations, members, transfers. */
export const partyManifest = {
  name: 'party',
  nav: [],
  appPaths: [],
  notifications: partyNotificationKinds,
} satisfies DomainManifest;
