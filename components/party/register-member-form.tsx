'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { registerMemberAction } from '@/lib/party/actions';
import { createMemberInput, DUES_BASE_TYPES, MEMBERSHIP_TYPES } from '@/lib/party/schemas';
import { duesTypeLabel, membershipLabel } from './labels';

/** 登记党员: the fields of POST /api/v1/party/members, validated by the same schema in the browser and the action. */
export function RegisterMemberForm({ orgs }: { orgs: { id: string; label: string }[] }) {
  const t: Translator = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(createMemberInput, {
    defaultValues: {
      name: '',
      ethnicity: '',
      idCardNo: '',
      phone: '',
      membershipType: 'formal',
      probationEndDate: '',
      formalOrgId: orgs.length === 1 ? orgs[0]!.id : '',
      joinDate: '',
      duesBaseType: 'salary',
      duesBaseAmount: '',
      lastDuesMonth: '',
      userId: '',
    },
  });
  const probationary = form.watch('membershipType') === 'probationary';

  async function onSubmit(values: unknown) {
    setError(null);
    const result = await registerMemberAction(values as Parameters<typeof registerMemberAction>[0]);
    if (!result.ok) return setError(applyActionResult(form, result));
    router.push(`/party/members/${result.data.id}`);
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('party.registerTitle')}>
      <FormMessage error={error} />
      <SelectField name="formalOrgId" label={t('party.formalOrg')} options={[{ value: '', label: t('party.chooseOrg') }, ...orgs.map((o) => ({ value: o.id, label: o.label }))]} />
      <TextField name="name" label={t('register.legalName')} autoComplete="off" maxLength={40} />
      <TextField name="ethnicity" label={t('party.ethnicity')} hint={t('party.ethnicityHint')} autoComplete="off" maxLength={10} />
      <TextField name="idCardNo" label={t('party.idCardNo')} autoComplete="off" inputMode="text" maxLength={18} />
      <TextField name="phone" label={t('party.phone')} autoComplete="off" inputMode="tel" maxLength={20} />
      <SelectField name="membershipType" label={t('party.membershipType')} options={MEMBERSHIP_TYPES.map((m) => ({ value: m, label: membershipLabel(t, m) }))} />
      <TextField name="joinDate" type="date" label={t('party.joinDate')} />
      {probationary ? <TextField name="probationEndDate" type="date" label={t('party.probationEndDate')} /> : null}
      <SelectField name="duesBaseType" label={t('party.duesBaseType')} options={DUES_BASE_TYPES.map((d) => ({ value: d, label: duesTypeLabel(t, d) }))} />
      <TextField name="duesBaseAmount" label={t('party.duesBaseAmount')} inputMode="decimal" autoComplete="off" placeholder="3500.00" maxLength={12} />
      <TextField name="lastDuesMonth" type="month" label={t('party.lastDuesMonth')} placeholder="2026-11" />
      <TextField name="userId" label={t('party.userId')} hint={t('party.userIdHint')} autoComplete="off" maxLength={36} />
      <SubmitButton pendingLabel={t('party.registering')}>{t('party.registerSubmit')}</SubmitButton>
    </Form>
  );
}
