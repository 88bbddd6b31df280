import type { Metadata } from 'next';
import Link from 'next/link';
import { TransferQueue } from '@/components/party/transfer-queue';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { transferListQuery } from '@/lib/party/transfer-schemas';
import { listTransfers } from '@/lib/party/transfers';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyTransfer.title') };
}

/**
 * The organisers' queue: 待我办理 (cases held by my organisation; 区委组织部: ORGDEPT_REVIEW and the district's),
 * overdue first and marked 已超时 with the deadline; 全部经手 (every case touching my subtree).
 */
export default async function TransfersQueuePage({ searchParams }: PageProps<'/party/transfers'>) {
  const actor = await requirePagePermission('party_transfers.read');
  const sp = await searchParams;
  const parsed = transferListQuery.safeParse({ queue: Array.isArray(sp.queue) ? sp.queue[0] : sp.queue });
  const queue = parsed.success ? parsed.data.queue : 'mine';
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const { items } = await listTransfers(actor, queue, { ip, locale });
  const overdue = items.filter((i) => i.overdue).length;
  const tabs = [
    { key: 'mine', label: t('partyTransfer.queueMine') },
    { key: 'all', label: t('partyTransfer.queueAll') },
  ] as const;

  return (
    <>
      <PageHeader
        title={t('partyTransfer.title')}
        description={t('partyTransfer.queueIntro')}
        actions={
          <Link href="/party/transfers/incoming/new" className={buttonClass('secondary', 'sm')}>
            {t('partyTransfer.registerIncoming')}
          </Link>
        }
      />
      <nav aria-label={t('partyTransfer.queueTabs')} className="mb-4 flex gap-1 rounded-xl bg-ink-100 p-1 sm:inline-flex">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.key === 'mine' ? '/party/transfers' : '/party/transfers?queue=all'}
            aria-current={queue === tab.key ? 'page' : undefined}
            className={cn(
              'flex min-h-11 flex-1 items-center justify-center rounded-lg px-4 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 sm:flex-none',
              queue === tab.key ? 'bg-white text-ink-900 shadow-sm' : 'text-ink-700 hover:text-ink-900',
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <p className="mb-3 text-sm text-ink-700" aria-live="polite" data-testid="queue-count">
        {t('partyTransfer.queueCount', { n: items.length })}
        {overdue ? <span className="ml-2 font-semibold text-red-800">{t('partyTransfer.queueOverdue', { n: overdue })}</span> : null}
      </p>
      {items.length ? (
        <TransferQueue items={items} t={t} locale={locale} />
      ) : (
        <Card>
          <EmptyState title={queue === 'mine' ? t('partyTransfer.queueEmpty') : t('partyTransfer.queueAllEmpty')} body={t('partyTransfer.queueEmptyBody')} icon="✓" />
        </Card>
      )}
    </>
  );
}
