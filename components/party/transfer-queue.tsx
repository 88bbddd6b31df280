import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { Locale, Translator } from '@/lib/i18n';
import type { TransferListItem } from '@/lib/party/transfer-schemas';
import { OverdueBadge, StateBadge } from './transfer-case-parts';
import { formatDeadline } from './transfer-labels';

/** Queue rows: one link per case (member, from → to, state, deadline; overdue ones stand out). */
export function TransferQueue({ items, t, locale }: { items: TransferListItem[]; t: Translator; locale: Locale }) {
  return (
    <ul className="space-y-3" data-testid="transfer-queue">
      {items.map((i) => (
        <li key={i.id}>
          <Link
            href={`/party/transfers/${i.id}`}
            className={cn(
              'block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 transition-colors hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
              i.overdue && 'ring-2 ring-red-300',
            )}
            data-testid="queue-item"
            data-overdue={i.overdue ? 'true' : undefined}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-semibold text-ink-900">
                {i.memberName}
                {i.incoming ? <span className="ml-2 text-xs font-normal text-ink-600">{t('partyTransfer.incomingTag')}</span> : null}
              </p>
              <StateBadge state={i.state} locale={locale} />
            </div>
            <p className="mt-1 text-sm text-ink-700">
              {i.fromOrgName ?? '—'} <span aria-hidden>→</span>
              <span className="sr-only">{t('partyTransfer.to')}</span> {i.toOrgName ?? '—'}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-600">
              {i.overdue ? (
                <OverdueBadge deadline={i.stepDeadline} t={t} locale={locale} />
              ) : i.stepDeadline ? (
                <span>{t('partyTransfer.deadline', { date: formatDeadline(i.stepDeadline, locale) })}</span>
              ) : null}
              {i.letterNo ? <span>{i.letterNo}</span> : null}
              {i.expiresAt ? <span>{t('partyTransfer.validUntil', { date: formatDeadline(i.expiresAt, locale) })}</span> : null}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
