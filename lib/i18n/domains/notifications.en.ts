import type { NotificationsMessages } from './notifications.zh-CN';

const notificationsEn: NotificationsMessages = {
  notifications: {
    title: 'Messages',
    subtitle: 'The latest for you: policies, applications and more.',
    unread: '{n} unread',
    bell: 'Messages, {n} unread',
    markAll: 'Mark all as read',
    markOne: 'Mark as read',
    emptyTitle: 'No messages yet',
    emptyBody: 'We will tell you here when a new policy fits you or an application is decided.',
    open: 'Open',
    new: 'New',
  },
};

export default notificationsEn;
