'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { MessageKey } from '@/lib/i18n';
import { markNotificationsReadAction } from '@/lib/policies/actions';
import { formatAmount, formatDate } from './format';

export interface NotificationItem {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

function hrefOf(n: NotificationItem): string {
  const code = typeof n.payload.policyCode === 'string' ? n.payload.policyCode : null;
  if (n.kind.startsWith('application.')) return typeof n.payload.applicationId === 'string' ? `/applications#${n.payload.applicationId}` : '/applications';
  if (n.kind === 'policy.grant_pending') return '/applications';
  return code ? `/my-policies#${code}` : '/my-policies';
}

/** Messages with "mark one / all as read"; each links to the policy in 我的政策 or to the application. */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const unread = items.filter((n) => !n.read).length;
  const mark = (id: string) =>
    start(async () => {
      setError(null);
      const res = await markNotificationsReadAction({ id });
      if (!res.ok) return setError(res.formError);
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-ink-600" aria-live="polite">
          {t('policyUi.notifUnread', { n: unread })}
        </p>
        {unread ? (
          <Button size="sm" variant="secondary" onClick={() => mark('all')} disabled={pending} aria-busy={pending}>
            {t('policyUi.notifMarkAll')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="space-y-2" data-testid="notification-list">
        {items.map((n) => {
          const title = n.payload.title as { zh?: string; en?: string } | undefined;
          const policyTitle = title ? (locale === 'en' ? title.en : title.zh) : typeof n.payload.policyCode === 'string' ? n.payload.policyCode : '';
          const amount = typeof n.payload.amountEstimate === 'number' ? n.payload.amountEstimate : null;
          const reason = typeof n.payload.reason === 'string' ? n.payload.reason : null;
          return (
            <li key={n.id} className={cn('rounded-2xl p-4 ring-1', n.read ? 'bg-white ring-ink-200' : 'bg-brand-50 ring-brand-200')} data-testid="notification" data-read={n.read}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-ink-900">
                    {!n.read ? <span className="mr-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{t('policyUi.notifNew')}</span> : null}
                    {t(`notify.kind_${n.kind.replace('.', '_')}` as MessageKey)}
                  </p>
                  {policyTitle ? <p className="mt-0.5 text-sm text-ink-800">{policyTitle}{amount ? ` · ${formatAmount(amount, locale)}` : ''}</p> : null}
                  {reason ? <p className="mt-0.5 text-sm text-red-800">{t('policyUi.rejectReason', { reason })}</p> : null}
                  <p className="mt-1 text-xs text-ink-600">{formatDate(n.createdAt, locale)}</p>
                </div>
                <div className="flex gap-2">
                  <Link href={hrefOf(n)} className="inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-100" onClick={() => (!n.read ? mark(n.id) : undefined)}>
                    {t('policyUi.notifOpen')}
                  </Link>
                  {!n.read ? (
                    <Button size="sm" variant="ghost" onClick={() => mark(n.id)} disabled={pending}>
                      {t('policyUi.notifMarkOne')}
                    </Button>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
