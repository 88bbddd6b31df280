'use client';

import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import type { Translator } from '@/lib/i18n';
import { revealAction } from '@/lib/talent/actions';
import { revealInput } from '@/lib/talent/schemas';

type Field = 'id_number' | 'phone';

/**
 * The audited "reveal": staff choose a masked field and state why; the full value is shown once, in this page's
 * memory only (a reload shows the mask again).
 */
export function RevealForm({ talentId, fields }: { talentId: string; fields: Field[] }) {
  const t: Translator = useT();
  const form = useZodForm(revealInput, { defaultValues: { field: fields[0] ?? 'phone', reason: '' } });
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{ field: Field; value: string | null } | null>(null);
  const label = (f: Field) => (f === 'phone' ? t('profile.phone') : t('profile.id_number'));

  async function onSubmit(values: { field: Field; reason: string }) {
    setError(null);
    const result = await revealAction({ id: talentId, ...values });
    if (!result.ok) return setError(applyActionResult(form, result) ?? null);
    setRevealed({ field: values.field, value: result.data.value });
    form.reset({ field: values.field, reason: '' });
  }

  if (fields.length === 0) return <p className="text-sm text-ink-600">{t('staff.nothingToReveal')}</p>;
  return (
    <div className="space-y-4">
      {revealed ? (
        <div className="rounded-xl bg-amber-50 p-4 ring-1 ring-inset ring-amber-200" role="status" data-testid="revealed">
          <p className="text-sm text-amber-900">{label(revealed.field)}</p>
          <p className="mt-1 select-all break-all font-mono text-lg font-semibold tracking-wide text-ink-900">{revealed.value ?? t('profile.notProvided')}</p>
          <p className="mt-2 text-xs text-amber-900">{t('staff.revealedNote')}</p>
          <Button size="sm" variant="secondary" className="mt-3" onClick={() => setRevealed(null)}>
            {t('staff.hide')}
          </Button>
        </div>
      ) : null}
      <Form form={form} onSubmit={onSubmit} aria-label={t('staff.reveal')}>
        <FormMessage error={error} />
        <SelectField name="field" label={t('staff.revealField')} options={fields.map((f) => ({ value: f, label: label(f) }))} />
        <TextField name="reason" label={t('staff.revealReason')} hint={t('staff.revealReasonHint')} maxLength={200} autoComplete="off" />
        <SubmitButton pendingLabel={t('wizard.saving')}>{t('staff.reveal')}</SubmitButton>
      </Form>
    </div>
  );
}
