'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { checkInAction, confirmAttendanceAction, createActivityAction, recordAttendanceAction } from '@/lib/party/activities-actions';
import { ACTIVITY_TYPES, ATTENDANCE_METHODS, createActivityInput, recordAttendanceInput, type CreateActivityInput, type RecordAttendanceInput } from '@/lib/party/activities-schemas';
import { FieldSelect } from './transfer-fields';

/**
 * 组织生活 forms: record an activity (type, date, topic, voting items), record a member's attendance, confirm a self
 * check-in, and the member's own check-in. Each posts one server action over the same service as the API; the
 * service's refusals (MAY_NOT_VOTE, not a member here, check-in closed, a stale QR code) show inline.
 */

export function CreateActivityForm({ orgs, today }: { orgs: { id: string; name: string; isTemporary: boolean }[]; today: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const votingId = useId();
  const form = useZodForm(createActivityInput, { defaultValues: { orgId: orgs[0]?.id ?? '', type: 'theme_day', date: today, topic: '', votingItems: false, location: undefined } });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!orgs.length) return <p className="text-sm text-ink-600">{t('partyActivities.createNotAllowed')}</p>;

  async function onSubmit(values: CreateActivityInput) {
    setError(null);
    setDone(null);
    const result = await createActivityAction({ ...values, location: values.location?.trim() ? values.location.trim() : undefined });
    if (!result.ok) return setError(applyActionResult(form, result));
    setDone(t('partyActivities.createDone'));
    form.reset({ ...values, topic: '', location: undefined, votingItems: false });
    router.push(`/party/activities/${result.data.id}`);
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyActivities.createTitle')}>
      <FormMessage error={error} success={done} />
      {orgs.length > 1 ? <SelectField name="orgId" label={t('partyActivities.orgLabel')} options={orgs.map((o) => ({ value: o.id, label: o.name }))} /> : null}
      <SelectField name="type" label={t('partyActivities.createType')} options={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`partyActivities.type_${x}`) }))} />
      <TextField name="date" type="date" label={t('partyActivities.createDate')} />
      <TextField name="topic" label={t('partyActivities.createTopic')} hint={t('partyActivities.createTopicHint')} maxLength={200} autoComplete="off" />
      <TextField name="location" label={t('partyActivities.createLocation')} maxLength={200} autoComplete="off" />
      <div className="flex items-start gap-3">
        <input id={votingId} type="checkbox" className="mt-1 size-5 accent-brand-700" {...form.register('votingItems')} />
        <label htmlFor={votingId} className="text-sm text-ink-800">
          {t('partyActivities.createVoting')}
        </label>
      </div>
      {form.formState.errors.votingItems?.message ? <p className="text-sm text-red-700">{t('partyActivities.errTemporaryVote')}</p> : null}
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyActivities.createSubmit')}</SubmitButton>
    </Form>
  );
}

export interface Candidate {
  memberId: string;
  name: string;
  relation: 'FORMAL' | 'MOBILE';
}

export function RecordAttendanceForm({ activityId, candidates }: { activityId: string; candidates: Candidate[] }) {
  const t: Translator = useT();
  const router = useRouter();
  const form = useZodForm(recordAttendanceInput, { defaultValues: { memberId: candidates[0]?.memberId ?? '', method: 'on_site', mayVote: undefined } });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!candidates.length) return <p className="text-sm text-ink-600">{t('partyActivities.recordNone')}</p>;
  const groups = (['FORMAL', 'MOBILE'] as const)
    .map((r) => ({ label: t(`partyActivities.relation_${r}`), options: candidates.filter((c) => c.relation === r).map((c) => ({ value: c.memberId, label: c.name })) }))
    .filter((g) => g.options.length);

  async function onSubmit(values: RecordAttendanceInput) {
    setError(null);
    setDone(null);
    const result = await recordAttendanceAction({ activityId, memberId: values.memberId, method: values.method });
    if (!result.ok) return setError(applyActionResult(form, result));
    setDone(t('partyActivities.recordDone'));
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyActivities.recordTitle')}>
      <FormMessage error={error} success={done} />
      <FieldSelect name="memberId" label={t('partyActivities.recordMember')} groups={groups} />
      <SelectField name="method" label={t('partyActivities.recordMethod')} options={ATTENDANCE_METHODS.map((m) => ({ value: m, label: t(`partyActivities.method_${m}`) }))} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyActivities.recordSubmit')}</SubmitButton>
    </Form>
  );
}

export function ConfirmAttendanceButton({ activityId, memberId, name }: { activityId: string; memberId: string; name: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    setError(null);
    const result = await confirmAttendanceAction({ activityId, memberId });
    setPending(false);
    if (!result.ok) return setError(result.formError);
    router.refresh();
  }
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button size="sm" onClick={confirm} disabled={pending} aria-label={`${t('partyActivities.confirm')} ${name}`}>
        {t('partyActivities.confirm')}
      </Button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

export function CheckInButton({ activityId, qrToken }: { activityId: string; qrToken?: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function checkIn() {
    setPending(true);
    setError(null);
    const result = await checkInAction(qrToken ? { activityId, qrToken } : { activityId });
    setPending(false);
    if (!result.ok) return setError(result.formError);
    setDone(true);
    router.refresh();
  }
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{t('partyActivities.checkInDone')}</Alert> : null}
      <Button onClick={checkIn} disabled={pending || done} className="w-full sm:w-auto" data-testid="check-in-submit">
        {t('partyActivities.checkInSubmit')}
      </Button>
    </div>
  );
}
