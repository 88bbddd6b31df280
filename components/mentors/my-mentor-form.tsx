'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, NumberField, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { CheckboxField, TextAreaField } from '@/components/talent/fields';
import { districtLabel } from '@/components/talent/labels';
import { useToast } from '@/components/ui/toast';
import { saveMyMentorAction } from '@/lib/mentors/actions';
import { myMentorInput, type MyMentorInput } from '@/lib/mentors/schemas';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';

/**
 * 我的导师主页: the fields a talent enters; credentials, crafts and works come from their profile and portfolio.
 * react-hook-form with the schema the action parses (myMentorInput: a name, places ≥ 1 when taking apprentices …);
 * the server's field errors land on the same fields.
 */
export function MyMentorForm({ initial }: { initial: MyMentorInput }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useZodForm(myMentorInput, { defaultValues: { ...initial, studioLocation: initial.studioLocation ?? '', bio: initial.bio ?? '' } });

  async function onSubmit(values: MyMentorInput) {
    setFormError(null);
    const r = await saveMyMentorAction(values);
    if (!r.ok) {
      const message = applyActionResult(form, r);
      return setFormError(r.fieldErrors ? null : message);
    }
    toast(t('mentors.myProfileSaved'), 'success');
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="space-y-4" aria-label={t('mentors.myProfileTitle')} data-testid="my-mentor-form">
      <FormMessage error={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="displayName" label={t('mentors.displayName')} maxLength={40} autoComplete="off" />
        <SelectField name="district" label={t('mentors.district')} options={JDZ_DISTRICT_OPTIONS.map((d) => ({ value: d, label: districtLabel(d, locale) ?? d }))} />
      </div>
      <TextField name="studioLocation" label={t('mentors.studioLocation')} maxLength={120} autoComplete="off" />
      <TextAreaField name="bio" label={t('mentors.bio')} rows={4} maxLength={2000} />
      <div className="grid items-center gap-4 sm:grid-cols-2">
        <CheckboxField name="acceptsApprentices" label={t('mentors.acceptsApprentices')} />
        <NumberField name="maxApprentices" label={t('mentors.maxApprentices')} min={0} max={50} />
      </div>
      <SubmitButton>{t('mentors.myProfileSave')}</SubmitButton>
    </Form>
  );
}
