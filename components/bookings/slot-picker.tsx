'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import { bookSpaceAction, joinWaitlistAction } from '@/lib/bookings/actions';
import { formatRange, formatTime } from '@/lib/bookings/format';
import type { Translator } from '@/lib/i18n';

export interface PickerSlot {
  startsAt: string;
  endsAt: string;
  state: 'free' | 'taken' | 'too_soon' | 'too_far';
  /** "10:00", formatted on the server (no locale data differences between server and browser at hydration). */
  label?: string;
}

/** A retry key for one choice; crypto.randomUUID needs a secure context, so fall back to a random string. */
function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/**
 * The day's slots as a grid of buttons (three across on a phone), then the length (consecutive free slots only, up
 * to the space's maximum; `ahead` lets a firing run past midnight), then one button. The server decides: a slot
 * taken meanwhile comes back as SLOT_TAKEN and the grid is refreshed. One idempotency key per choice, so a double tap
 * books once.
 */
export function SlotPicker(props: { spaceId: string; spaceName: string; day: PickerSlot[]; ahead: PickerSlot[]; slotMinutes: number; minMinutes: number; maxMinutes: number; canBook: boolean }) {
  const t: Translator = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [chosen, setChosen] = useState<number | null>(null);
  const [minutes, setMinutes] = useState(props.minMinutes);
  const [purpose, setPurpose] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [result, setResult] = useState<{ error?: string; success?: string } | null>(null);
  const all = useMemo(() => [...props.day, ...props.ahead], [props.day, props.ahead]);

  const lengths = useMemo(() => {
    if (chosen === null) return [];
    const out: number[] = [];
    let total = 0;
    for (let i = chosen; i < all.length && total < props.maxMinutes; i++) {
      const s = all[i]!;
      if (s.state !== 'free' || (i > chosen && all[i - 1]!.endsAt !== s.startsAt)) break;
      total += props.slotMinutes;
      if (total >= props.minMinutes) out.push(total);
    }
    return out;
  }, [all, chosen, props.maxMinutes, props.minMinutes, props.slotMinutes]);

  const choose = (i: number) => {
    setChosen(i);
    setMinutes(props.minMinutes);
    setKey(newKey());
    setResult(null);
  };

  const book = () =>
    start(async () => {
      if (chosen === null) return;
      const startsAt = all[chosen]!.startsAt;
      const endsAt = new Date(new Date(startsAt).getTime() + minutes * 60_000).toISOString();
      const r = await bookSpaceAction({ spaceId: props.spaceId, startsAt, endsAt, idempotencyKey: key ?? undefined, purpose: purpose || undefined });
      if (!r.ok) {
        setResult({ error: r.formError ?? t('problem.INTERNAL') });
        router.refresh();
        return;
      }
      const when = formatRange(r.data.startsAt, r.data.endsAt, locale);
      setResult({ success: t(r.data.status === 'pending' ? 'bookings.bookedPending' : 'bookings.bookedConfirmed', { space: props.spaceName, when }) });
      setChosen(null);
      router.refresh();
    });

  const chosenTaken = chosen !== null && all[chosen]?.state === 'taken';
  const joinWaitlist = () =>
    start(async () => {
      if (chosen === null) return;
      const startsAt = all[chosen]!.startsAt;
      const endsAt = new Date(new Date(startsAt).getTime() + props.minMinutes * 60_000).toISOString();
      const r = await joinWaitlistAction({ spaceId: props.spaceId, startsAt, endsAt });
      if (!r.ok) {
        setResult({ error: r.formError ?? t('problem.INTERNAL') });
        return;
      }
      const when = formatRange(startsAt, endsAt, locale);
      setResult({ success: t(r.data.status === 'offered' ? 'bookings.waitlistOffered' : 'bookings.waitlistJoined', { when }) });
      setChosen(null);
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {result?.success ? (
        <Alert tone="success">
          {/* The Alert is the status region; a second role="status" inside it was announced twice. */}
          <strong>{t('bookings.bookedTitle')}</strong> {result.success}{' '}
          <Link href="/bookings" className="underline">
            {t('bookings.navMine')}
          </Link>
        </Alert>
      ) : null}
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {props.day.length ? (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6" aria-label={t('bookings.availability')}>
          {props.day.map((s, i) => {
            const free = s.state === 'free';
            const selectable = free || s.state === 'taken';
            const label = free ? t('bookings.slotFree') : s.state === 'taken' ? t('bookings.slotTaken') : t('bookings.slotUnavailable');
            return (
              <li key={s.startsAt}>
                <button
                  type="button"
                  disabled={!selectable || !props.canBook}
                  aria-pressed={chosen === i}
                  aria-label={`${s.label ?? formatTime(s.startsAt, locale)} ${label}`}
                  onClick={() => choose(i)}
                  className={cn(
                    'w-full rounded-lg px-2 py-2 text-center text-sm ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-brand-600',
                    free ? 'bg-white text-ink-900 ring-brand-200 hover:bg-brand-50' : selectable ? 'bg-ink-100 text-ink-700 ring-ink-300 hover:bg-ink-200' : 'cursor-not-allowed bg-ink-100 text-ink-600 ring-ink-200',
                    chosen === i && 'bg-brand-700 text-white ring-brand-700 hover:bg-brand-700',
                  )}
                >
                  <span className="block font-medium tabular-nums">{s.label ?? formatTime(s.startsAt, locale)}</span>
                  <span className="block text-xs">{label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-ink-600">{t('bookings.noSlots')}</p>
      )}
      {props.canBook && chosenTaken ? (
        <div className="space-y-3 rounded-xl bg-ink-50 p-3 ring-1 ring-inset ring-ink-200">
          <p className="text-sm text-ink-800">{t('bookings.waitlistHint')}</p>
          <Button variant="secondary" onClick={joinWaitlist} disabled={pending} aria-busy={pending}>
            {t('bookings.waitlistJoin')}
          </Button>
        </div>
      ) : props.canBook ? (
        chosen !== null && lengths.length ? (
          <div className="space-y-3 rounded-xl bg-ink-50 p-3 ring-1 ring-inset ring-ink-200">
            <label className="block text-sm">
              <span className="font-medium text-ink-900">{t('bookings.duration')}</span>
              <Select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} className="mt-1">
                {lengths.map((m) => (
                  <option key={m} value={m}>
                    {t('bookings.durationMinutes', { n: m })}
                  </option>
                ))}
              </Select>
            </label>
            <label className="block text-sm">
              <span className="font-medium text-ink-900">{t('bookings.purpose')}</span>
              <Input value={purpose} maxLength={200} onChange={(e) => setPurpose(e.target.value)} className="mt-1" />
            </label>
            <p className="text-sm text-ink-700">{formatRange(all[chosen]!.startsAt, new Date(new Date(all[chosen]!.startsAt).getTime() + minutes * 60_000).toISOString(), locale)}</p>
            <Button onClick={book} disabled={pending} aria-busy={pending}>
              {pending ? t('bookings.booking') : t('bookings.bookNow')}
            </Button>
          </div>
        ) : (
          <p className="text-sm text-ink-600">{t('bookings.chooseSlot')}</p>
        )
      ) : (
        <p className="text-sm text-ink-600">{t('bookings.talentOnly')}</p>
      )}
    </div>
  );
}
