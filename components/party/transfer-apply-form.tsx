'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { applyActionResult, Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { createTransferAction } from '@/lib/party/transfer-actions';
import { TRANSFER_CATEGORIES, TRANSFER_CHANNELS } from '@/lib/party/transfer-machine';
import { createTransferInput } from '@/lib/party/transfer-schemas';
import { FieldArea, FieldSelect, FieldText, type OptionGroup } from './transfer-fields';
import { categoryLabel, channelLabel } from './transfer-labels';

/**
 * 申请转出组织关系 (T1): the receiving organisation from the directory (active organisations that receive, and their
 * branches) or, for one outside it, its 抬头 and 去向 as free text; category, channel and reason. Creates the case
 * in DRAFT; the member then submits it to the branch (T2) from the case panel.
 */
export function TransferApplyForm({ memberId, groups }: { memberId: string; groups: OptionGroup[] }) {
  const t: Translator = useT();
  const router = useRouter();
  const modeName = useId();
  const [mode, setMode] = useState<'directory' | 'text'>('directory');
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(createTransferInput, {
    // The target not chosen (directory or free text) is unregistered, so only one of the two is sent.
    shouldUnregister: true,
    defaultValues: { memberId, toOrgId: undefined, toOrgText: '', category: 'in_district', channel: 'ONLINE_NATIONAL', reason: '' },
  });

  async function onSubmit(values: Parameters<typeof createTransferAction>[0]) {
    setError(null);
    const result = await createTransferAction(values);
    if (!result.ok) return setError(applyActionResult(form, result));
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyTransfer.applyTitle')}>
      <FormMessage error={error} />
      <input type="hidden" {...form.register('memberId')} />
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-ink-800">{t('partyTransfer.targetKind')}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
          {(['directory', 'text'] as const).map((m) => (
            <label key={m} className="flex min-h-11 items-center gap-2 rounded-lg px-3 ring-1 ring-inset ring-ink-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
              <input type="radio" name={modeName} value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-brand-700" />
              <span className="text-sm text-ink-900">{m === 'directory' ? t('partyTransfer.targetDirectory') : t('partyTransfer.targetText')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'directory' ? (
        <FieldSelect
          name="toOrgId"
          label={t('partyTransfer.targetOrg')}
          required
          placeholder={t('partyTransfer.chooseTarget')}
          groups={groups}
          hint={t('partyTransfer.targetOrgHint')}
          registerOptions={{ setValueAs: (v: string) => v || undefined }}
        />
      ) : (
        <FieldText name="toOrgText" label={t('partyTransfer.targetText')} required maxLength={200} hint={t('partyTransfer.targetTextHint')} autoComplete="off" />
      )}
      <FieldSelect name="category" label={t('partyTransfer.category')} options={TRANSFER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
      <FieldSelect name="channel" label={t('partyTransfer.channel')} hint={t('partyTransfer.channelHint')} options={TRANSFER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
      <FieldArea name="reason" label={t('partyTransfer.reason')} required rows={3} maxLength={500} placeholder={t('partyTransfer.reasonPlaceholder')} />
      <SubmitButton pendingLabel={t('partyTransfer.working')}>{t('partyTransfer.applySubmit')}</SubmitButton>
    </Form>
  );
}
