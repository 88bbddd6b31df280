'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { recordStatusDecisionAction } from '@/lib/party/actions';
import type { PARTY_STATUSES } from '@/lib/party/enums';
import { PARTY_STATUS_TRANSITIONS, statusDecisionInput, type StatusDecisionInput } from '@/lib/party/schemas';

type Status = (typeof PARTY_STATUSES)[number];

/** Records a 党籍 decision taken outside the portal, with who decided, its reference and date (§5.2). */
export function StatusDecisionForm({ memberId, current, today }: { memberId: string; current: Status; today: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const next = PARTY_STATUS_TRANSITIONS[current];
  const form = useZodForm(statusDecisionInput, { defaultValues: { status: next[0], decidedBy: '', approvalRef: '', decisionDate: today, note: '' } });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!next.length) return null;

  async function onSubmit(values: StatusDecisionInput) {
    setError(null);
    setDone(null);
    const result = await recordStatusDecisionAction({ id: memberId, ...values });
    if (!result.ok) return setError(applyActionResult(form, result));
    setDone([t('party.statusDone'), result.data.voidedTransfers ? t('party.statusVoided', { n: result.data.voidedTransfers }) : null].filter(Boolean).join(' '));
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('party.statusRecord')}>
      <FormMessage error={error} success={done} />
      <SelectField name="status" label={t('party.statusNew')} options={next.map((s) => ({ value: s, label: t(`party.status_${s}`) }))} />
      <TextField name="decidedBy" label={t('party.statusDecidedBy')} maxLength={60} autoComplete="off" />
      <TextField name="approvalRef" label={t('party.statusApprovalRef')} maxLength={100} autoComplete="off" />
      <TextField name="decisionDate" type="date" label={t('party.statusDecisionDate')} max={today} />
      <TextField name="note" label={t('party.statusNote')} maxLength={500} autoComplete="off" />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('party.statusSubmit')}</SubmitButton>
    </Form>
  );
}
