'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';
import { applyActionResult, Form, FormMessage, NumberField, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { CraftOptions } from '@/components/talent/craft-options';
import { CheckboxField, FieldMessage, TextAreaField } from '@/components/talent/fields';
import { districtLabel } from '@/components/talent/labels';
import { Select, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { createMentorAction } from '@/lib/mentors/actions';
import { mentorInput, type MentorInput } from '@/lib/mentors/schemas';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';
import { localiseMessage } from '@/lib/validation';

const EMPTY: MentorInput = { displayName: '', district: '珠山区', crafts: [], studioLocation: '', bio: '', credentials: [], works: [], acceptsApprentices: true, maxApprentices: 2, demo: false };

/** The first message under `name` or any of its items (credentials.3.label …), localised. */
function useNestedError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const locale = useLocale();
  const find = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object') return undefined;
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m) return m;
    for (const v of Object.values(e as Record<string, unknown>)) {
      if (v && typeof v === 'object' && !('nodeType' in v)) {
        const found = find(v);
        if (found) return found;
      }
    }
    return undefined;
  };
  const message = find(get(errors, name));
  return message ? localiseMessage(locale, message) : undefined;
}

/** One 工种 from the grouped list; the schema's `crafts` is a list, so the choice reaches it as [code] (or []). */
function CraftField({ label }: { label: string }) {
  const id = useId();
  const locale = useLocale();
  const { register } = useFormContext<MentorInput>();
  const message = useNestedError('crafts');
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      <Select id={id} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} {...register('crafts', { setValueAs: (v: unknown) => (Array.isArray(v) ? v : v ? [String(v)] : []) })}>
        <option value="">—</option>
        <CraftOptions locale={locale} />
      </Select>
      <FieldMessage id={id} message={message} />
    </div>
  );
}

/** Credentials typed one per line, recorded as honours (shown as recorded, not verified). */
function CredentialsField({ label }: { label: string }) {
  const id = useId();
  const { register } = useFormContext<MentorInput>();
  const message = useNestedError('credentials');
  const toList = (v: unknown) =>
    Array.isArray(v)
      ? v
      : String(v ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => ({ kind: 'honour' as const, label: l }));
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      <Textarea id={id} rows={2} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} {...register('credentials', { setValueAs: toList })} />
      <FieldMessage id={id} message={message} />
    </div>
  );
}

/**
 * Staff record a mentor without an account: react-hook-form over the schema the action parses (mentorInput); one
 * 工种 is chosen and credentials are entered one per line, shown as recorded, not verified.
 */
export function MentorCreateForm() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useZodForm(mentorInput, { defaultValues: EMPTY });

  async function onSubmit(values: MentorInput) {
    setFormError(null);
    const r = await createMentorAction(values);
    if (!r.ok) {
      const message = applyActionResult(form, r);
      return setFormError(r.fieldErrors ? null : message);
    }
    toast(t('mentors.staffCreated'), 'success');
    form.reset(EMPTY);
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label={t('mentors.staffNew')} data-testid="mentor-create-form">
      <FormMessage error={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="displayName" label={t('mentors.displayName')} maxLength={40} autoComplete="off" />
        <SelectField name="district" label={t('mentors.district')} options={JDZ_DISTRICT_OPTIONS.map((d) => ({ value: d, label: districtLabel(d, locale) ?? d }))} />
        <CraftField label={t('mentors.crafts')} />
      </div>
      <TextField name="studioLocation" label={t('mentors.studioLocation')} maxLength={120} autoComplete="off" />
      <CredentialsField label={t('mentors.staffCredential')} />
      <TextAreaField name="bio" label={t('mentors.bio')} rows={3} maxLength={2000} />
      <div className="grid items-center gap-4 sm:grid-cols-3">
        <CheckboxField name="acceptsApprentices" label={t('mentors.acceptsApprentices')} />
        <NumberField name="maxApprentices" label={t('mentors.maxApprentices')} min={0} max={50} />
        <CheckboxField name="demo" label={t('mentors.staffDemo')} />
      </div>
      <SubmitButton>{t('mentors.staffNew')}</SubmitButton>
    </Form>
  );
}
