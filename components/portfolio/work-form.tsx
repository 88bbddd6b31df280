'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { CraftChipsField, CraftSelect, RowInput, RowSelect, TextAreaField } from '@/components/talent/fields';
import { Button } from '@/components/ui/button';
import type { Translator } from '@/lib/i18n';
import { createWorkAction, updateWorkAction } from '@/lib/portfolio/actions';
import type { WorkDto, WorkInput } from '@/lib/portfolio/schemas';

/**
 * What the work form's inputs hold. Field names follow workInput (lib/portfolio/schemas.ts), so the server's field
 * errors (`credits.1.talentId`) land on the right input; the year is typed as text and each credit names either a
 * registered talent (by their talent number) or just a person's name.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const workFormSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(80, 'validation.titleTooLong'),
  year: z.string().trim().refine((s) => s === '' || (/^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2100), 'wizard.yearInvalid'),
  size: z.string().trim().max(60),
  techniques: z.array(z.string()).max(20),
  description: z.string().trim().max(2000),
  visibility: z.enum(['public', 'private']),
  credits: z
    .array(
      z
        .object({ step: z.string().min(1, 'validation.required'), kind: z.enum(['talent', 'name']), talentId: z.string().trim(), name: z.string().trim().max(40, 'validation.nameInvalid') })
        .superRefine((c, ctx) => {
          if (c.kind === 'talent' && !UUID.test(c.talentId)) ctx.addIssue({ code: 'custom', path: ['talentId'], message: 'portfolio.talentIdInvalid' });
          if (c.kind === 'name' && !c.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'validation.required' });
        }),
    )
    .max(20),
});
type WorkFormValues = z.infer<typeof workFormSchema>;

function toValues(w?: WorkDto): WorkFormValues {
  return {
    title: w?.title ?? '',
    year: w?.year ? String(w.year) : '',
    size: w?.size ?? '',
    techniques: w?.techniques ?? [],
    description: w?.description ?? '',
    visibility: w?.visibility ?? 'public',
    credits: (w?.credits ?? []).map((c) => ({ step: c.step, kind: c.talent_id ? ('talent' as const) : ('name' as const), talentId: c.talent_id ?? '', name: c.talent_id ? '' : c.name })),
  };
}

function toInput(v: WorkFormValues, previous?: WorkDto): WorkInput {
  return {
    title: v.title,
    year: v.year ? Number(v.year) : null,
    size: v.size || null,
    techniques: v.techniques,
    description: v.description || null,
    visibility: v.visibility,
    credits: v.credits.map((c) => {
      if (c.kind === 'name') return { step: c.step, name: c.name };
      // Keep the display name the talent was credited under, so an unchanged credit keeps its confirmation.
      const same = previous?.credits.find((p) => p.talent_id === c.talentId && p.step === c.step);
      return { step: c.step, talentId: c.talentId, ...(same ? { name: same.name } : {}) };
    }),
  };
}

function CreditRows() {
  const t: Translator = useT();
  const { fields, append, remove } = useFieldArray<WorkFormValues, 'credits'>({ name: 'credits' });
  const credits = useWatch<WorkFormValues, 'credits'>({ name: 'credits' });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-ink-800">{t('portfolio.credits')}</legend>
      <p className="text-sm text-ink-600">{t('portfolio.creditsHint')}</p>
      {fields.length ? (
        <ol className="space-y-3">
          {fields.map((f, i) => (
            <li key={f.id} className="rounded-lg bg-ink-50 p-3 ring-1 ring-inset ring-ink-200" data-testid="credit-row">
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-medium text-ink-700">{t('portfolio.creditN', { n: i + 1 })}</span>
                <Button size="sm" variant="ghost" onClick={() => remove(i)} aria-label={`${t('wizard.remove')} ${t('portfolio.creditN', { n: i + 1 })}`}>
                  {t('wizard.remove')}
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-3">
                <CraftSelect name={`credits.${i}.step`} label={t('portfolio.step')} blank={t('wizard.choose')} />
                <RowSelect
                  name={`credits.${i}.kind`}
                  label={t('portfolio.creditWho')}
                  options={[
                    { value: 'name', label: t('portfolio.creditByName') },
                    { value: 'talent', label: t('portfolio.creditByTalent') },
                  ]}
                />
                {credits?.[i]?.kind === 'talent' ? (
                  <RowInput name={`credits.${i}.talentId`} label={t('portfolio.talentId')} placeholder="xxxxxxxx-xxxx-…" autoComplete="off" spellCheck={false} />
                ) : (
                  <RowInput name={`credits.${i}.name`} label={t('portfolio.creditName')} autoComplete="off" />
                )}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <Button size="sm" variant="secondary" onClick={() => append({ step: '', kind: 'name', talentId: '', name: '' })} disabled={fields.length >= 20}>
        + {t('portfolio.addCredit')}
      </Button>
    </fieldset>
  );
}

/** Create or edit a work: title, year, size, techniques, description, visibility and credits per process step. */
export function WorkForm({ work }: { work?: WorkDto }) {
  const t: Translator = useT();
  const router = useRouter();
  // 'onBlur', not the kit's 'onTouched': under onTouched, react-hook-form validates a field array right after every
  // append, so a new credit row showed "此项为必填项" before it was touched, and the error vanished on the next blur —
  // moving the buttons below mid-click, so a tap on "+ 添加署名" or "创建作品" was lost.
  const form = useZodForm(workFormSchema, { defaultValues: toValues(work), mode: 'onBlur' });
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function onSubmit(values: WorkFormValues) {
    setMessage({});
    const input = toInput(values, work);
    const result = work ? await updateWorkAction({ id: work.id, work: input }) : await createWorkAction(input);
    if (!result.ok) {
      // Field paths come back relative to the work (updateWorkAction nests it under `work.`).
      const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.replace(/^work\./, ''), v]));
      setMessage({ error: applyActionResult(form, { ...result, fieldErrors }) ?? undefined });
      return;
    }
    if (!work) {
      router.push(`/portfolio/${result.data.id}?created=1`);
      return;
    }
    form.reset(toValues(result.data));
    setMessage({ success: t('portfolio.saved') });
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={work ? t('portfolio.editWork') : t('portfolio.newWork')} className="space-y-5">
      <FormMessage error={message.error} success={message.success} />
      <TextField name="title" label={t('portfolio.workTitle')} maxLength={80} autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <TextField name="year" inputMode="numeric" label={t('portfolio.year')} maxLength={4} autoComplete="off" />
        <TextField name="size" label={t('portfolio.size')} placeholder={t('portfolio.sizePlaceholder')} maxLength={60} autoComplete="off" />
      </div>
      <CraftChipsField name="techniques" label={t('portfolio.techniques')} hint={t('portfolio.techniquesHint')} max={20} />
      <TextAreaField name="description" label={t('portfolio.description')} rows={4} maxLength={2000} />
      <SelectField
        name="visibility"
        label={t('portfolio.visibility')}
        hint={t('portfolio.visibilityHint')}
        options={[
          { value: 'public', label: t('portfolio.public') },
          { value: 'private', label: t('portfolio.private') },
        ]}
      />
      <CreditRows />
      <SubmitButton pendingLabel={t('wizard.saving')} className="w-full sm:w-auto">
        {work ? t('portfolio.save') : t('portfolio.create')}
      </SubmitButton>
    </Form>
  );
}
