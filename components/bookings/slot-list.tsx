'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { bookSlotAction } from '@/lib/bookings/actions';
import type { Translator } from '@/lib/i18n';

export interface SlotRow {
  id: string;
  title: string;
  /** Formatted on the server. */
  when: string;
  capacity: number;
  remaining: number;
}

/** Capacity sessions of a space (kiln shelves, visits, seats): places left and one button to take a place. */
export function SlotList({ slots, canBook }: { slots: SlotRow[]; canBook: boolean }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const book = (slotId: string) =>
    start(async () => {
      setError(null);
      const r = await bookSlotAction({ slotId, quantity: 1 });
      if (!r.ok) {
        setError(r.formError ?? t('problem.INTERNAL'));
        router.refresh();
        return;
      }
      toast(t('bookings.slotBooked'));
      router.refresh();
    });
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-ink-100">
        {slots.map((s) => (
          <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="space-slot">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-ink-900">{s.title || s.when}</p>
              {s.title ? <p className="text-ink-700">{s.when}</p> : null}
              <p className="text-ink-600">{t('bookings.slotRemaining', { n: s.remaining, cap: s.capacity })}</p>
            </div>
            {canBook ? (
              <Button size="sm" variant="secondary" disabled={pending || s.remaining < 1} onClick={() => book(s.id)}>
                {t('bookings.slotBookOne')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
