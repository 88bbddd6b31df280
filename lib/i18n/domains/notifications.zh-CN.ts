import type { Widen } from '../widen';

/** In-app notifications: the list page and the header bell (namespace notifications). Kind labels live with each domain's kinds. */
const notificationsZh = {
  notifications: {
    title: '消息',
    subtitle: '与你有关的最新消息：政策、申请等。',
    unread: '{n} 条未读',
    bell: '消息，{n} 条未读',
    markAll: '全部标为已读',
    markOne: '标为已读',
    emptyTitle: '还没有消息',
    emptyBody: '有新的政策可以申请、申请有结果时，会在这里通知你。',
    open: '查看',
    new: '新',
  },
} as const;

export type NotificationsMessages = Widen<typeof notificationsZh>;
export default notificationsZh;
