'use client';

import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import type { Translator } from '@/lib/i18n';
import { revealMemberAction } from '@/lib/party/actions';
import { revealMemberInput } from '@/lib/party/schemas';

/** The audited reveal of a member's full ID number: a reason, then the number once, in this page's memory only. */
export function RevealIdForm({ memberId }: { memberId: string }) {
  const t: Translator = useT();
  const form = useZodForm(revealMemberInput, { defaultValues: { reason: '' } });
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);

  async function onSubmit(values: { reason: string }) {
    setError(null);
    const result = await revealMemberAction({ id: memberId, ...values });
    if (!result.ok) return setError(applyActionResult(form, result));
    setRevealed(result.data.idCardNo);
    form.reset({ reason: '' });
  }

  return (
    <div className="space-y-4">
      {revealed ? (
        <div className="rounded-xl bg-amber-50 p-4 ring-1 ring-inset ring-amber-200" role="status" data-testid="revealed-id">
          <p className="text-sm text-amber-900">{t('party.revealed')}</p>
          <p className="mt-1 select-all break-all font-mono text-lg font-semibold tracking-wide text-ink-900">{revealed}</p>
          <p className="mt-2 text-xs text-amber-900">{t('party.revealedNote')}</p>
          <Button size="sm" variant="secondary" className="mt-3" onClick={() => setRevealed(null)}>
            {t('party.hide')}
          </Button>
        </div>
      ) : null}
      <Form form={form} onSubmit={onSubmit} aria-label={t('party.reveal')}>
        <FormMessage error={error} />
        <TextField name="reason" label={t('party.revealReason')} hint={t('party.revealReasonHint')} maxLength={200} autoComplete="off" />
        <SubmitButton pendingLabel={t('wizard.saving')}>{t('party.reveal')}</SubmitButton>
      </Form>
    </div>
  );
}
