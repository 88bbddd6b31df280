'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { applyAction } from '@/lib/policies/actions';
import { localiseMessage } from '@/lib/validation';
import { Textarea } from '@/components/ui/input';

export interface MaterialItem {
  code: string;
  name: { zh: string; en: string };
  alternatives: string[];
}

/** The materials checklist (each required: "我已准备好") and an optional note; submits through applyAction. */
export function ApplyForm({ policyCode, title, materials }: { policyCode: string; title: string; materials: MaterialItem[] }) {
  const t = useT();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        materials: z.object(Object.fromEntries(materials.map((m) => [m.code, z.literal(true, 'policyUi.materialRequired')]))),
        note: z.string().trim().max(1000).optional(),
      }),
    [materials],
  );
  const form = useZodForm(schema, { defaultValues: { materials: Object.fromEntries(materials.map((m) => [m.code, false])), note: '' } as never });

  const onSubmit = async (values: z.output<typeof schema>) => {
    setFormError(null);
    const res = await applyAction({ policyCode, materials: materials.map((m) => ({ code: m.code, provided: values.materials[m.code] === true })), ...(values.note ? { note: values.note } : {}) });
    if (!res.ok) {
      let focused = false;
      for (const [k, msgs] of Object.entries(res.fieldErrors ?? {})) {
        form.setError(k as never, { type: 'server', message: msgs[0] }, { shouldFocus: !focused });
        focused = true;
      }
      setFormError(res.formError);
      return;
    }
    router.push(`/applications?submitted=${encodeURIComponent(policyCode)}`);
  };

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('policyUi.applyTitle', { title })}>
      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold text-ink-900">{t('policyUi.materials')}</legend>
        {materials.length === 0 ? <p className="text-sm text-ink-600">{t('policyUi.noMaterials')}</p> : null}
        {materials.map((m) => (
          <MaterialCheck key={m.code} item={m} />
        ))}
      </fieldset>
      <NoteField />
      <FormMessage error={formError} />
      <SubmitButton pendingLabel={t('policyUi.submitting')} className="w-full sm:w-auto">
        {t('policyUi.submit')}
      </SubmitButton>
    </Form>
  );
}

function MaterialCheck({ item }: { item: MaterialItem }) {
  const t = useT();
  const locale = useLocale();
  const { register, formState } = useFormContext();
  const name = `materials.${item.code}`;
  const err = (formState.errors.materials as Record<string, { message?: string }> | undefined)?.[item.code]?.message;
  const id = `mat-${item.code}`;
  return (
    <div className="rounded-xl bg-white p-3 ring-1 ring-inset ring-ink-200 has-[:checked]:ring-emerald-400" data-testid="material">
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-start gap-3">
        <input id={id} type="checkbox" className="mt-1 size-5 accent-brand-700" aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-err` : undefined} {...register(name)} />
        <span>
          <span className="block font-medium text-ink-900">{locale === 'en' ? item.name.en : item.name.zh}</span>
          <span className="block text-sm text-ink-600">{t('policyUi.materialReady')}</span>
          {item.alternatives.length ? <span className="block text-xs text-ink-600">{item.alternatives.join(' / ')}</span> : null}
        </span>
      </label>
      {err ? (
        <p id={`${id}-err`} className="mt-1 text-sm text-red-700">
          {localiseMessage(locale, err)}
        </p>
      ) : null}
    </div>
  );
}

function NoteField() {
  const t = useT();
  const { register } = useFormContext();
  return (
    <div>
      <label htmlFor="apply-note" className="mb-1.5 block text-sm font-medium text-ink-800">
        {t('policyUi.noteLabel')}
      </label>
      <Textarea id="apply-note" rows={3} maxLength={1000} aria-describedby="apply-note-hint" {...register('note')} />
      <p id="apply-note-hint" className="mt-1 text-sm text-ink-600">
        {t('policyUi.noteHint')}
      </p>
    </div>
  );
}
