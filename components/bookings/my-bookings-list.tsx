'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { cancelBookingAction, confirmOfferAction } from '@/lib/bookings/actions';
import type { BookingDto } from '@/lib/bookings/schemas';
import type { Translator } from '@/lib/i18n';

const TONE: Record<BookingDto['status'], 'success' | 'warning' | 'neutral' | 'danger' | 'info'> = {
  held: 'info',
  pending: 'warning',
  confirmed: 'success',
  checked_in: 'success',
  cancelled: 'neutral',
  rejected: 'danger',
  expired: 'neutral',
  completed: 'neutral',
  no_show: 'danger',
};

export function StatusBadge({ status }: { status: BookingDto['status'] }) {
  const t: Translator = useT();
  return <Badge tone={TONE[status]}>{t(`bookings.status_${status}`)}</Badge>;
}

/** My bookings, each with its status as of now and a cancel button while the cutoff allows. */
/** A booking with its times already formatted on the server (no locale-data differences at hydration). */
export type BookingRow = BookingDto & { when: string; deadline: string; holdUntil: string | null };

export function MyBookingsList({ items }: { items: BookingRow[] }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const cancel = (id: string) =>
    start(async () => {
      setError(null);
      const r = await cancelBookingAction({ id });
      if (!r.ok) return setError(r.formError ?? t('problem.INTERNAL'));
      toast(t('bookings.cancelled'));
      router.refresh();
    });
  const accept = (id: string) =>
    start(async () => {
      setError(null);
      const r = await confirmOfferAction({ id });
      if (!r.ok) return setError(r.formError ?? t('problem.INTERNAL'));
      toast(t('bookings.offerAccepted'));
      router.refresh();
    });
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-ink-100 rounded-2xl bg-white ring-1 ring-ink-200">
        {items.map((b) => (
          <li key={b.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="my-booking">
            <div className="min-w-0">
              <p className="font-medium text-ink-900">{b.spaceName}</p>
              <p className="text-sm text-ink-700">{b.when}</p>
              {b.reason ? <p className="text-sm text-ink-600">{`${t('bookings.reason')}：${b.reason}`}</p> : null}
              {b.status === 'held' && b.holdUntil ? <p className="text-xs text-ink-700">{t('bookings.offerUntil', { when: b.holdUntil })}</p> : null}
              {b.mayCancel && b.status === 'confirmed' ? <p className="text-xs text-ink-600">{t('bookings.cancelDeadline', { when: b.deadline })}</p> : null}
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={b.status} />
              {b.status === 'held' ? (
                <Button size="sm" disabled={pending} onClick={() => accept(b.id)}>
                  {t('bookings.offerAccept')}
                </Button>
              ) : null}
              {b.mayCancel ? (
                <Button size="sm" variant="secondary" disabled={pending} onClick={() => cancel(b.id)} aria-label={`${t('bookings.cancel')} ${b.spaceName} ${b.when}`}>
                  {t('bookings.cancel')}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
