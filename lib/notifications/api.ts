import 'server-only';
import { defineRoute } from '@/lib/api/route';
import { markReadResponse, myNotificationsQuery, myNotificationsResponse, notificationRef } from './schemas';
import { listMyNotifications, markNotificationsRead } from './service';

export const myNotificationsRoute = defineRoute({
  id: 'myNotifications',
  method: 'GET',
  path: '/api/v1/me/notifications',
  summary: 'My in-app notifications, newest first, with the unread count',
  tags: ['notifications'],
  access: 'notifications.read_own',
  query: myNotificationsQuery,
  response: myNotificationsResponse,
  handler: ({ actor, query, ip }) => listMyNotifications(actor, { unreadOnly: query.unread === '1', ip }),
});

export const readNotificationRoute = defineRoute({
  id: 'readNotification',
  method: 'POST',
  path: '/api/v1/me/notifications/{id}/read',
  summary: "Mark a notification as read ('all' for every one)",
  tags: ['notifications'],
  access: 'notifications.update_own',
  params: notificationRef,
  response: markReadResponse,
  handler: ({ actor, params, ip }) => markNotificationsRead(actor, params.id, { ip }),
});
