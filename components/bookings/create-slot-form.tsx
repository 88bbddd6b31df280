'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { createSlotAction } from '@/lib/bookings/actions';
import type { Translator } from '@/lib/i18n';

/** Staff open a capacity session on one of their zone's spaces (times in Jingdezhen, UTC+8). */
export function CreateSlotForm({ spaces, defaultDate }: { spaces: { id: string; name: string }[]; defaultDate: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [v, setV] = useState({ spaceId: spaces[0]?.id ?? '', date: defaultDate, time: '09:00', hours: 2, capacity: 6, title: '' });
  const submit = () =>
    start(async () => {
      setError(null);
      const startsAt = new Date(`${v.date}T${v.time}:00+08:00`);
      if (Number.isNaN(startsAt.getTime())) return setError(t('validation.dateInvalid'));
      const endsAt = new Date(startsAt.getTime() + v.hours * 3_600_000);
      const r = await createSlotAction({ spaceId: v.spaceId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: v.capacity, titleZh: v.title || undefined });
      if (!r.ok) return setError(r.formError ?? t('problem.INTERNAL'));
      toast(t('bookings.slotCreated'));
      router.refresh();
    });
  const field = 'block text-sm';
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotSpace')}</span>
          <Select value={v.spaceId} onChange={(e) => setV({ ...v, spaceId: e.target.value })} className="mt-1">
            {spaces.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotTitle')}</span>
          <Input value={v.title} maxLength={100} onChange={(e) => setV({ ...v, title: e.target.value })} className="mt-1" />
        </label>
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotDate')}</span>
          <Input type="date" value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} className="mt-1" />
        </label>
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotStart')}</span>
          <Input type="time" value={v.time} step={1800} onChange={(e) => setV({ ...v, time: e.target.value })} className="mt-1" />
        </label>
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotHours')}</span>
          <Input type="number" min={1} max={72} value={v.hours} onChange={(e) => setV({ ...v, hours: Number(e.target.value) })} className="mt-1" />
        </label>
        <label className={field}>
          <span className="text-ink-700">{t('bookings.slotCapacity')}</span>
          <Input type="number" min={1} max={500} value={v.capacity} onChange={(e) => setV({ ...v, capacity: Number(e.target.value) })} className="mt-1" />
        </label>
      </div>
      <Button onClick={submit} disabled={pending || !v.spaceId} aria-busy={pending}>
        {t('bookings.slotCreate')}
      </Button>
    </div>
  );
}
