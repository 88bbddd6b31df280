'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { decideBookingAction } from '@/lib/bookings/actions';
import type { Translator } from '@/lib/i18n';

/** Staff approve a request, or decline it with a reason. */
export function DecisionButtons({ id, label }: { id: string; label: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'approve' | 'reject') =>
    start(async () => {
      setError(null);
      const r = await decideBookingAction(decision === 'approve' ? { id, decision } : { id, decision, reason });
      if (!r.ok) return setError(r.fieldErrors?.reason?.[0] ?? r.formError ?? t('problem.INTERNAL'));
      toast(t(decision === 'approve' ? 'bookings.approved' : 'bookings.rejected'));
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rejecting ? (
        <div className="flex flex-col gap-2 sm:flex-row">
          <label className="sr-only" htmlFor={`reason-${id}`}>
            {t('bookings.rejectReason')}
          </label>
          <Input id={`reason-${id}`} value={reason} maxLength={300} placeholder={t('bookings.rejectReason')} onChange={(e) => setReason(e.target.value)} />
          <Button size="sm" variant="danger" disabled={pending} onClick={() => decide('reject')}>
            {t('bookings.reject')}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={pending} onClick={() => decide('approve')} aria-label={`${t('bookings.approve')} ${label}`}>
            {t('bookings.approve')}
          </Button>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRejecting(true)} aria-label={`${t('bookings.reject')} ${label}`}>
            {t('bookings.reject')}
          </Button>
        </div>
      )}
    </div>
  );
}
