'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { recordDuesPaymentAction } from '@/lib/party/dues-actions';
import { DUES_CHANNELS, recordPaymentInput, type RecordPaymentInput } from '@/lib/party/dues-schemas';

/**
 * 登记党费: one month for a member, at one of the organisations the secretary may record for (the formal branch or
 * the 流入地). The month list holds only months within the back-pay and prepay windows not yet paid at either end.
 */
export function DuesRecordForm({ memberId, months, orgs, due }: { memberId: string; months: string[]; orgs: { id: string; name: string }[]; due: string | null }) {
  const t: Translator = useT();
  const router = useRouter();
  const form = useZodForm(recordPaymentInput, {
    defaultValues: { memberId, month: months[0] ?? '', amount: due ?? '', collectingOrgId: orgs[0]?.id ?? '', channel: 'bank', receiptNo: undefined },
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!orgs.length) return <p className="text-sm text-ink-600">{t('partyDues.recordNotAllowed')}</p>;
  if (!months.length) return <p className="text-sm text-ink-600">{t('partyDues.recordNone')}</p>;

  async function onSubmit(values: RecordPaymentInput) {
    setError(null);
    setDone(null);
    const result = await recordDuesPaymentAction({ ...values, receiptNo: values.receiptNo?.trim() ? values.receiptNo.trim() : undefined });
    if (!result.ok) return setError(applyActionResult(form, result));
    setDone(t('partyDues.recordDone', { month: result.data.month }));
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyDues.recordTitle')}>
      <FormMessage error={error} success={done} />
      <SelectField name="month" label={t('partyDues.recordMonth')} options={months.map((m) => ({ value: m, label: m }))} />
      <TextField name="amount" label={t('partyDues.recordAmount')} hint={due ? t('partyDues.recordAmountHint', { due }) : undefined} inputMode="decimal" autoComplete="off" maxLength={12} />
      {orgs.length > 1 ? <SelectField name="collectingOrgId" label={t('partyDues.recordOrg')} options={orgs.map((o) => ({ value: o.id, label: o.name }))} /> : null}
      <SelectField name="channel" label={t('partyDues.recordChannel')} options={DUES_CHANNELS.map((c) => ({ value: c, label: t(`partyDues.channel_${c}`) }))} />
      <TextField name="receiptNo" label={t('partyDues.recordReceipt')} maxLength={64} autoComplete="off" />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyDues.recordSubmit')}</SubmitButton>
    </Form>
  );
}
