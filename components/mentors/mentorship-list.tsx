'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, NumberField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Modal } from '@/components/policy-staff/modal';
import { TextAreaField } from '@/components/talent/fields';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import type { MessageKey } from '@/lib/i18n';
import { actOnMentorshipAction } from '@/lib/mentors/actions';
import type { MentorshipAction } from '@/lib/mentors/core';
import { mentorshipActionInput, type MentorshipActionInput, type MentorshipDto } from '@/lib/mentors/schemas';
import { STATUS_TONE } from './labels';

const TITLE: Record<MentorshipAction, MessageKey> = { accept: 'mentors.acceptTitle', decline: 'mentors.declineTitle', withdraw: 'mentors.withdrawTitle', end: 'mentors.endTitle' };

/** The dialog's values for one step: accept carries the agreement (start date, months), the others only a message. */
const valuesFor = (item: MentorshipDto, action: MentorshipAction, today: string): MentorshipActionInput =>
  action === 'accept' ? { id: item.id, action, message: '', startDate: today, months: 12 } : { id: item.id, action, message: '' };

/**
 * Mentorships with the steps the viewer may take (the service says which): accept opens a dialog for the agreement
 * (start date, months) and a message, decline asks for a message, withdraw and end confirm. The dialog is a
 * react-hook-form form over the schema the action parses (mentorshipActionInput: a decline needs a message, months
 * 1–120), so the browser and the server refuse the same input with the same words.
 */
export function MentorshipList({ items, side, empty, today, testId }: { items: MentorshipDto[]; side: 'mentor' | 'apprentice'; empty: string; today: string; testId: string }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState<{ item: MentorshipDto; action: MentorshipAction } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(mentorshipActionInput, { defaultValues: { id: '', action: 'withdraw', message: '' } });

  const openDialog = (item: MentorshipDto, action: MentorshipAction) => {
    form.reset(valuesFor(item, action, today));
    setOpen({ item, action });
    setError(null);
  };

  async function onSubmit(values: MentorshipActionInput) {
    if (!open) return;
    setError(null);
    const r = await actOnMentorshipAction(values);
    if (!r.ok) {
      const formError = applyActionResult(form, r);
      // Errors of fields the dialog shows appear under them; any other (a refusal code) above the form.
      const shown = Object.keys(r.fieldErrors ?? {}).some((k) => k === 'message' || (open.action === 'accept' && (k === 'startDate' || k === 'months')));
      return setError(shown ? null : (Object.values(r.fieldErrors ?? {})[0]?.[0] ?? formError));
    }
    toast(t(`mentors.done_${open.action}` as MessageKey), 'success');
    setOpen(null);
    router.refresh();
  }

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
          <Form form={form} onSubmit={onSubmit} className="space-y-3">
            <FormMessage error={error} />
            <p className="text-sm text-ink-700">{side === 'mentor' ? open.item.apprenticeName : open.item.mentorName}</p>
            {open.action === 'accept' ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField name="startDate" type="date" label={t('mentors.startDate')} />
                <NumberField name="months" label={t('mentors.months')} min={1} max={120} />
              </div>
            ) : null}
            <TextAreaField name="message" label={open.action === 'decline' ? t('mentors.responseMessage') : t('mentors.responseOptional')} rows={3} maxLength={1000} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={() => setOpen(null)}>
                {t('mentors.cancel')}
              </Button>
              <SubmitButton variant={open.action === 'accept' ? 'primary' : 'secondary'}>{t(`mentors.action_${open.action}` as MessageKey)}</SubmitButton>
            </div>
          </Form>
        ) : null}
      </Modal>
    </>
  );
}
