'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { checkInBookingAction } from '@/lib/bookings/actions';
import type { Translator } from '@/lib/i18n';

/** Checks a booking in with the token of the QR code that opened the page. */
export function CheckInButton({ id, token }: { id: string; token: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const go = () =>
    start(async () => {
      setError(null);
      const r = await checkInBookingAction({ id, token });
      if (!r.ok) return setError(r.formError ?? t('problem.INTERNAL'));
      toast(t('bookings.checkedIn'));
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button onClick={go} disabled={pending} aria-busy={pending}>
        {t('bookings.checkIn')}
      </Button>
    </div>
  );
}
