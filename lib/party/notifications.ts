import { defineNotificationKinds } from '@/lib/notifications/registry';
import { transferNotificationKinds } from './transfer-notifications';
import { duesNotificationKinds } from './dues-notifications';
import { mobileNotificationKinds } from './mobile-notifications';

/**
 * The notifications the Party domain sends (registered through lib/party/manifest.ts): transfer steps that reach a
 * member or an organisation, expiry of a letter, re-routing after a dissolution.
 */
export const partyNotificationKinds = defineNotificationKinds({ ...transferNotificationKinds, ...duesNotificationKinds, ...mobileNotificationKinds });
