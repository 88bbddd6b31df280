import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotificationList } from '@/components/notifications/notification-list';
import { ListSkeleton } from '@/components/talent/skeleton';
import { EmptyState, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { listMyNotificationViews } from '@/lib/notifications/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notifications.title') };
}

export default async function NotificationsPage() {
  const actor = await requirePagePermission('notifications.read_own');
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('notifications.title')} description={t('notifications.subtitle')} />
      <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={3} />}>
        <Notifications actor={actor} />
      </Suspense>
    </div>
  );
}

async function Notifications({ actor }: { actor: Actor }) {
  const { t, locale } = await getTranslator();
  const list = await listMyNotificationViews(actor, locale, { limit: 100 });
  if (!list.items.length) return <EmptyState title={t('notifications.emptyTitle')} body={t('notifications.emptyBody')} icon="🔔" />;
  return <NotificationList items={list.items} />;
}
