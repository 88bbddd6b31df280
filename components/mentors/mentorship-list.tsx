'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Modal } from '@/components/policy-staff/modal';
import { Button } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import { Input, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { MessageKey } from '@/lib/i18n';
import { actOnMentorshipAction } from '@/lib/mentors/actions';
import type { MentorshipAction } from '@/lib/mentors/core';
import type { MentorshipDto } from '@/lib/mentors/schemas';
import { STATUS_TONE } from './labels';

const TITLE: Record<MentorshipAction, MessageKey> = { accept: 'mentors.acceptTitle', decline: 'mentors.declineTitle', withdraw: 'mentors.withdrawTitle', end: 'mentors.endTitle' };

/**
 * Mentorships with the steps the viewer may take (the service says which): accept opens a dialog for the agreement
 * (start date, months) and a message, decline asks for a message, withdraw and end confirm.
 */
export function MentorshipList({ items, side, empty, today, testId }: { items: MentorshipDto[]; side: 'mentor' | 'apprentice'; empty: string; today: string; testId: string }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const uid = useId();
  const [open, setOpen] = useState<{ item: MentorshipDto; action: MentorshipAction } | null>(null);
  const [message, setMessage] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [months, setMonths] = useState('12');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const openDialog = (item: MentorshipDto, action: MentorshipAction) => {
    setOpen({ item, action });
    setMessage('');
    setStartDate(today);
    setMonths('12');
    setError(null);
  };

  const confirm = () =>
    start(async () => {
      if (!open) return;
      setError(null);
      const r = await actOnMentorshipAction({
        id: open.item.id,
        action: open.action,
        message: message || null,
        ...(open.action === 'accept' ? { startDate, months: Number(months) } : {}),
      });
      if (!r.ok) return setError(Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.formError);
      toast(t(`mentors.done_${open.action}` as MessageKey), 'success');
      setOpen(null);
      router.refresh();
    });

  if (items.length === 0)
    return (
      <p className="text-sm text-ink-600" data-testid={testId}>
        {empty}
      </p>
    );
  return (
    <>
      <ul className="divide-y divide-ink-100" data-testid={testId}>
        {items.map((m) => (
          <li key={m.id} id={m.id} className="space-y-2 py-3" data-testid="mentorship">
            <div className="flex flex-wrap items-center gap-2">
              <p className="font-medium text-ink-900">{side === 'mentor' ? m.apprenticeName : m.mentorName}</p>
              <Badge tone={STATUS_TONE[m.status]}>{t(`mentors.status_${m.status}` as MessageKey)}</Badge>
            </div>
            <p className="text-xs text-ink-600">{t('mentors.requestedAt', { date: m.createdAt.slice(0, 10) })}</p>
            <p className="whitespace-pre-line break-words text-sm text-ink-800">{m.requestMessage}</p>
            {m.startDate && m.months ? <p className="text-sm text-ink-700">{t('mentors.agreement', { start: m.startDate, months: m.months })}</p> : null}
            {m.responseMessage ? <p className="break-words text-sm text-ink-700">{t('mentors.reply', { message: m.responseMessage })}</p> : null}
            {m.actions.length ? (
              <div className="flex flex-wrap gap-2">
                {m.actions.map((a) => (
                  <Button key={a} size="sm" variant={a === 'accept' ? 'primary' : 'secondary'} onClick={() => openDialog(m, a)}>
                    {t(`mentors.action_${a}` as MessageKey)}
                  </Button>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Modal open={!!open} onClose={() => setOpen(null)} title={open ? t(TITLE[open.action]) : ''} testId="mentorship-dialog">
        {open ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            {error ? <Alert tone="error">{error}</Alert> : null}
            <p className="text-sm text-ink-700">{side === 'mentor' ? open.item.apprenticeName : open.item.mentorName}</p>
            {open.action === 'accept' ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-ink-800">{t('mentors.startDate')}</span>
                  <Input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
                </label>
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-ink-800">{t('mentors.months')}</span>
                  <Input type="number" inputMode="numeric" min={1} max={120} value={months} onChange={(e) => setMonths(e.target.value)} required />
                </label>
              </div>
            ) : null}
            <label htmlFor={`${uid}-reply`} className="block text-sm font-medium text-ink-800">
              {open.action === 'decline' ? t('mentors.responseMessage') : t('mentors.responseOptional')}
            </label>
            <Textarea id={`${uid}-reply`} rows={3} maxLength={1000} value={message} onChange={(e) => setMessage(e.target.value)} required={open.action === 'decline'} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setOpen(null)}>
                {t('mentors.cancel')}
              </Button>
              <Button type="submit" variant={open.action === 'accept' ? 'primary' : 'secondary'} disabled={pending} aria-busy={pending}>
                {t(`mentors.action_${open.action}` as MessageKey)}
              </Button>
            </div>
          </form>
        ) : null}
      </Modal>
    </>
  );
}
