'use server';

import { createAction } from '@/lib/actions/create-action';
import { notificationRef } from './schemas';
import { markNotificationsRead } from './service';

export const markNotificationsReadAction = createAction({
  name: 'notifications.markRead',
  input: notificationRef,
  access: 'notifications.update_own',
  run: ({ id }, { actor, ip }) => markNotificationsRead(actor, id, { ip }),
});
