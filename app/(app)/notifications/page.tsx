import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NotificationList } from '@/components/policy/notification-list';
import { ListSkeleton } from '@/components/talent/skeleton';
import { EmptyState, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { listMyNotifications } from '@/lib/notifications/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyUi.notifTitle') };
}

export default async function NotificationsPage() {
  const actor = await requirePagePermission('notifications.read_own');
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('policyUi.notifTitle')} description={t('policyUi.notifSubtitle')} />
      <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={3} />}>
        <Notifications actor={actor} />
      </Suspense>
    </div>
  );
}

async function Notifications({ actor }: { actor: Actor }) {
  const [{ t }, list] = await Promise.all([getTranslator(), listMyNotifications(actor, { limit: 100 })]);
  if (!list.items.length) return <EmptyState title={t('policyUi.notifEmptyTitle')} body={t('policyUi.notifEmptyBody')} icon="🔔" />;
  return <NotificationList items={list.items} />;
}
