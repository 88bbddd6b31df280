'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { formatDate } from '@/components/policy/format';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { markNotificationsReadAction } from '@/lib/notifications/actions';
import type { NotificationView } from '@/lib/notifications/registry';

/**
 * Messages with "mark one / all as read". Each item arrives rendered by its kind (lib/notifications/kinds.ts): label,
 * link, detail and alert lines come from the domain that sent it, so this list knows no domain.
 */
export function NotificationList({ items }: { items: NotificationView[] }) {
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
          {t('notifications.unread', { n: unread })}
        </p>
        {unread ? (
          <Button size="sm" variant="secondary" onClick={() => mark('all')} disabled={pending} aria-busy={pending}>
            {t('notifications.markAll')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ul className="space-y-2" data-testid="notification-list">
        {items.map((n) => (
          <li key={n.id} className={cn('rounded-2xl p-4 ring-1', n.read ? 'bg-white ring-ink-200' : 'bg-brand-50 ring-brand-200')} data-testid="notification" data-kind={n.kind} data-read={n.read}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink-900">
                  {!n.read ? <span className="mr-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">{t('notifications.new')}</span> : null}
                  {n.label}
                </p>
                {n.detail ? <p className="mt-0.5 text-sm text-ink-800">{n.detail}</p> : null}
                {n.alert ? <p className="mt-0.5 text-sm text-red-800">{n.alert}</p> : null}
                <p className="mt-1 text-xs text-ink-600">{formatDate(n.createdAt, locale)}</p>
              </div>
              <div className="flex gap-2">
                <Link href={n.href} className="inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-100" onClick={() => (!n.read ? mark(n.id) : undefined)}>
                  {t('notifications.open')}
                </Link>
                {!n.read ? (
                  <Button size="sm" variant="ghost" onClick={() => mark(n.id)} disabled={pending}>
                    {t('notifications.markOne')}
                  </Button>
                ) : null}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
