import 'server-only';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { formatDate } from '@/lib/i18n/format';
import { listMyNotificationViews } from './service';

/** Unread notifications on every role's 工作台 (issue 13 §1): the three newest, each linking to where it points. */
async function UnreadCard({ actor, t, locale }: HomeCardContext) {
  const { items, unread } = await listMyNotificationViews(actor, locale, { limit: 20 });
  const newest = items.filter((n) => !n.read).slice(0, 3);
  return (
    <Card data-testid="home-notifications">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-ink-900">{t('home.notificationsTitle')}</h2>
        {unread ? <Badge tone="info">{t('home.notificationsUnread', { n: unread })}</Badge> : null}
      </div>
      {newest.length ? (
        <ul className="mt-3 divide-y divide-ink-100">
          {newest.map((n) => (
            <li key={n.id} className="py-2">
              <Link href={n.href} className="block rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                <span className="font-medium text-ink-900">{n.label}</span>
                {n.detail ? <span className="block text-ink-700">{n.detail}</span> : null}
                <span className="block text-xs text-ink-600">{formatDate(new Date(n.createdAt), locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-ink-600">{t('home.notificationsNone')}</p>
      )}
      <Link href="/notifications" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('home.notificationsOpen')}
      </Link>
    </Card>
  );
}

export const notificationHomeCards = defineHomeCards([{ id: 'notifications.unread', order: 90, permission: 'notifications.read_own', render: (ctx) => UnreadCard(ctx) }]);
