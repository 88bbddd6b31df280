'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { reviewReportAction, submitReportAction } from '@/lib/party/reports-actions';
import { PERIODIC_REPORT_TYPES, reportReviewInput, submitReportInput, type ReportReviewInput, type SubmitReportInput } from '@/lib/party/reports-schemas';
import { FieldArea } from './transfer-fields';

/** 报送汇报 (the member, to their formal organisation) and 审阅 (the home branch). */

export function SubmitReportForm({ memberId, year, quarter, annualDue, toOrgName }: { memberId: string; year: string; quarter: string; annualDue: boolean; toOrgName: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const initialType = annualDue ? 'annual' : 'thought';
  const form = useZodForm(submitReportInput, { defaultValues: { memberId, type: initialType, period: annualDue ? year : quarter, content: '' } });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const type = form.watch('type');
  const shown = useRef(type);
  // Switching the type proposes its current period (this year, or this quarter).
  useEffect(() => {
    if (shown.current === type) return;
    shown.current = type;
    form.setValue('period', type === 'annual' ? year : quarter);
  }, [type, form, year, quarter]);

  async function onSubmit(values: SubmitReportInput) {
    setError(null);
    setDone(null);
    const result = await submitReportAction(values);
    if (!result.ok) return setError(applyActionResult(form, result));
    setDone(t('partyReports.submitDone', { org: toOrgName }));
    form.reset({ memberId, type: 'thought', period: quarter, content: '' });
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyReports.submitTitle')}>
      <FormMessage error={error} success={done} />
      <SelectField
        name="type"
        label={t('partyReports.submitType')}
        options={PERIODIC_REPORT_TYPES.map((x) => ({ value: x, label: t(`partyReports.type_${x}`) }))}
      />
      <TextField name="period" label={t('partyReports.submitPeriod')} hint={t('partyReports.submitPeriodHint')} maxLength={7} autoComplete="off" placeholder={type === 'annual' ? year : quarter} />
      <FieldArea name="content" label={t('partyReports.submitContent')} hint={t('partyReports.submitContentHint')} rows={6} maxLength={20000} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyReports.submitSubmit')}</SubmitButton>
    </Form>
  );
}

export function ReviewReportForm({ id }: { id: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const form = useZodForm(reportReviewInput, { defaultValues: { note: '' } });
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(values: ReportReviewInput) {
    setError(null);
    const result = await reviewReportAction({ id, ...values });
    if (!result.ok) return setError(applyActionResult(form, result));
    router.refresh();
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyReports.reviewLabel')} className="space-y-3">
      <FormMessage error={error} />
      <FieldArea name="note" label={t('partyReports.reviewLabel')} rows={2} maxLength={2000} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyReports.reviewSubmit')}</SubmitButton>
    </Form>
  );
}
