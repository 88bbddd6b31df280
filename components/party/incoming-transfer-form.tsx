'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { applyActionResult, Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { membershipLabel } from './labels';
import { registerIncomingTransferAction } from '@/lib/party/transfer-actions';
import { NATIONAL_CHANNELS, TRANSFER_CATEGORIES, TRANSFER_CHANNELS, VALIDITY_DEFAULT_CROSS_PROVINCE, VALIDITY_MAX, type TransferChannel } from '@/lib/party/transfer-machine';
import { incomingTransferInput } from '@/lib/party/transfer-schemas';
import { FieldArea, FieldSelect, FieldText, type OptionGroup } from './transfer-fields';
import { categoryLabel, channelLabel } from './transfer-labels';

/**
 * 登记转入介绍信: a member arriving with a paper letter from outside the portal. The member is one already in the
 * register (picked from the search above the form) or entered here; the case enters at ISSUED with the letter's
 * number, issuing organisation, date and validity (the same expiry rule applies).
 */
export function IncomingTransferForm({ members, groups }: { members: { id: string; label: string }[]; groups: OptionGroup[] }) {
  const t: Translator = useT();
  const router = useRouter();
  const modeName = useId();
  const [mode, setMode] = useState<'existing' | 'new'>(members.length ? 'existing' : 'new');
  const [error, setError] = useState<string | null>(null);
  const firstTarget = groups[0]?.options[0]?.value ?? '';
  const form = useZodForm(incomingTransferInput, {
    shouldUnregister: true,
    defaultValues: {
      memberId: members[0]?.id,
      member: { name: '', idCardNo: '', phone: '', membershipType: 'formal', joinDate: '', lastDuesMonth: undefined, duesBaseType: 'self_employed' },
      fromOrgText: '',
      letterNo: '',
      issuedAt: '',
      validityDays: VALIDITY_DEFAULT_CROSS_PROVINCE,
      toOrgId: firstTarget,
      channel: 'PAPER',
      category: 'cross_province',
      reason: '',
      nationalFlowNo: '',
    },
  });
  const channel = form.watch('channel') as TransferChannel;
  const probationary = form.watch('member.membershipType') === 'probationary';

  async function onSubmit(values: Parameters<typeof registerIncomingTransferAction>[0]) {
    setError(null);
    const result = await registerIncomingTransferAction(values);
    if (!result.ok) return setError(applyActionResult(form, result));
    router.push(`/party/transfers/${result.data.id}`);
  }

  const undef = { setValueAs: (v: string) => v || undefined };
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyTransfer.incomingTitle')}>
      <FormMessage error={error} />
      <fieldset className="space-y-4">
        <legend className="mb-1.5 text-sm font-semibold text-ink-900">{t('partyTransfer.incomingMember')}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
          {(['existing', 'new'] as const).map((m) => (
            <label key={m} className="flex min-h-11 items-center gap-2 rounded-lg px-3 ring-1 ring-inset ring-ink-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
              <input type="radio" name={modeName} value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-brand-700" />
              <span className="text-sm text-ink-900">{m === 'existing' ? t('partyTransfer.memberExisting') : t('partyTransfer.memberNew')}</span>
            </label>
          ))}
        </div>
        {mode === 'existing' ? (
          members.length ? (
            <FieldSelect name="memberId" label={t('partyTransfer.memberPick')} required options={members.map((m) => ({ value: m.id, label: m.label }))} />
          ) : (
            <p className="text-sm text-ink-700">{t('partyTransfer.memberSearchFirst')}</p>
          )
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <FieldText name="member.name" label={t('register.legalName')} required maxLength={50} autoComplete="off" />
            <FieldText name="member.idCardNo" label={t('party.idCardNo')} required maxLength={20} autoComplete="off" />
            <FieldText name="member.phone" label={t('party.phone')} inputMode="tel" maxLength={20} autoComplete="off" />
            <FieldSelect name="member.membershipType" label={t('party.membershipType')} options={(['formal', 'probationary'] as const).map((m) => ({ value: m, label: membershipLabel(t, m) }))} />
            <FieldText name="member.joinDate" type="date" label={t('party.joinDate')} required />
            {probationary ? <FieldText name="member.probationEndDate" type="date" label={t('party.probationEndDate')} required /> : null}
            <FieldText name="member.lastDuesMonth" type="month" label={t('partyTransfer.duesPaidThrough')} placeholder="2026-11" options={undef} />
          </div>
        )}
      </fieldset>
      <fieldset className="space-y-4 border-t border-ink-100 pt-4">
        <legend className="mb-1.5 pt-4 text-sm font-semibold text-ink-900">{t('partyTransfer.incomingLetter')}</legend>
        <FieldText name="fromOrgText" label={t('partyTransfer.issuingOrgText')} required maxLength={200} hint={t('partyTransfer.issuingOrgTextHint')} autoComplete="off" />
        <div className="grid gap-4 sm:grid-cols-3">
          <FieldText name="letterNo" label={t('partyTransfer.letterNo')} required maxLength={64} autoComplete="off" />
          <FieldText name="issuedAt" type="date" label={t('partyTransfer.issuedAt')} required />
          <FieldText name="validityDays" type="number" inputMode="numeric" min={1} max={VALIDITY_MAX} label={t('partyTransfer.validityDays')} required options={{ valueAsNumber: true }} hint={t('partyTransfer.validityHint', { max: VALIDITY_MAX })} />
        </div>
        <FieldSelect name="toOrgId" label={t('partyTransfer.receivingOrg')} required groups={groups} />
        <div className="grid gap-4 sm:grid-cols-2">
          <FieldSelect name="channel" label={t('partyTransfer.channel')} options={TRANSFER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
          <FieldSelect name="category" label={t('partyTransfer.category')} options={TRANSFER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </div>
        {NATIONAL_CHANNELS.includes(channel) ? <FieldText name="nationalFlowNo" label={`${t('partyTransfer.nationalFlowNo')}（${t('partyTransfer.optional')}）`} hint={t('partyTransfer.nationalNote')} maxLength={64} autoComplete="off" /> : null}
        <FieldArea name="reason" label={`${t('partyTransfer.reason')}（${t('partyTransfer.optional')}）`} maxLength={500} />
      </fieldset>
      <SubmitButton pendingLabel={t('partyTransfer.working')}>{t('partyTransfer.incomingSubmit')}</SubmitButton>
    </Form>
  );
}
