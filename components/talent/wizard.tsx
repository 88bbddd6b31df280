'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { applyActionResult, Form, FormMessage, SelectField, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { MessageKey, Translator } from '@/lib/i18n';
import { saveProfileAction } from '@/lib/talent/actions';
import { AWARD_RANKS, BUSINESS_FORMS, EDUCATION, EMPLOYMENT, HONOUR_TYPES, ICH_LEVELS, RECORD_LEVELS, SECTORS, SKILL_LEVELS, TITLE_LEVELS } from '@/lib/talent/profile-schema';
import { CheckboxField, CraftChipsField, DistrictField, RowInput, RowSelect, TextAreaField } from './fields';
import { AWARD_RANK_LABEL, BUSINESS_FORM_LABEL, EDUCATION_LABEL, EMPLOYMENT_LABEL, HONOUR_LABEL, ICH_LABEL, RECORD_LEVEL_LABEL, SECTOR_LABEL, SKILL_LABEL, TITLE_LABEL } from './labels';
import { stepPayload, WIZARD_STEPS, wizardSchema, type WizardStep, type WizardValues } from './wizard-values';

const STEP_TITLE: Record<WizardStep, MessageKey> = {
  basics: 'wizard.stepBasics',
  practice: 'wizard.stepPractice',
  work: 'wizard.stepWork',
  credentials: 'wizard.stepCredentials',
  showcase: 'wizard.stepShowcase',
};
const STEP_INTRO: Record<WizardStep, MessageKey> = {
  basics: 'wizard.introBasics',
  practice: 'wizard.introPractice',
  work: 'wizard.introWork',
  credentials: 'wizard.introCredentials',
  showcase: 'wizard.introShowcase',
};

/** Select options for an enum: "not answered" first (null = unknown), then the values in their canonical order. */
function enumOptions<V extends string | number>(t: Translator, values: readonly V[], labels: Record<string, MessageKey>, blank: MessageKey = 'wizard.notAnswered') {
  return [{ value: '', label: t(blank) }, ...values.map((v) => ({ value: String(v), label: t(labels[String(v)]!) }))];
}
function yesNo(t: Translator) {
  return [
    { value: '', label: t('wizard.notAnswered') },
    { value: 'true', label: t('wizard.yes') },
    { value: 'false', label: t('wizard.no') },
  ];
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-xl bg-ink-50 p-4 ring-1 ring-inset ring-ink-200">
      <legend className="sr-only">{title}</legend>
      <div>
        <p aria-hidden className="font-semibold text-ink-900">
          {title}
        </p>
        {hint ? <p className="mt-0.5 text-sm text-ink-600">{hint}</p> : null}
      </div>
      {children}
    </fieldset>
  );
}

function BasicsStep({ citizen }: { citizen: boolean }) {
  const t: Translator = useT();
  return (
    <div className="space-y-4">
      <TextField name="birth_date" type="date" label={t('profile.birth_date')} hint={citizen ? t('wizard.birthDateHintCn') : undefined} />
      {citizen ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="hukou_province" label={t('profile.hukou_province')} placeholder={t('wizard.hukouProvincePlaceholder')} autoComplete="address-level1" />
          <TextField name="hukou_city" label={t('profile.hukou_city')} placeholder={t('wizard.hukouCityPlaceholder')} autoComplete="address-level2" />
        </div>
      ) : (
        <p className="rounded-lg bg-ink-50 px-3 py-2 text-sm text-ink-600">{t('wizard.noHukouForeigners')}</p>
      )}
      <DistrictField name="residence_district" label={t('profile.residence_district')} hint={t('wizard.residenceDistrictHint')} />
      <TextField name="residence_since" type="date" label={t('profile.residence_since')} hint={t('wizard.residenceSinceHint')} />
      <TextField name="relocated_to_jdz_date" type="date" label={t('profile.relocated_to_jdz_date')} hint={t('wizard.relocatedHint')} />
      <TextField name="commitment_years" inputMode="numeric" label={t('profile.commitment_years')} hint={t('wizard.commitmentHint')} />
    </div>
  );
}

function PracticeStep() {
  const t: Translator = useT();
  return (
    <div className="space-y-4">
      <SelectField name="education" label={t('profile.education')} options={enumOptions(t, EDUCATION, EDUCATION_LABEL)} />
      <TextField name="graduation_date" type="date" label={t('profile.graduation_date')} />
      <TextField name="practice_start" type="date" label={t('profile.practice_start')} hint={t('wizard.practiceStartHint')} />
      <SelectField name="sector" label={t('profile.sector')} options={enumOptions(t, SECTORS, SECTOR_LABEL)} />
      <CraftChipsField name="crafts" label={t('profile.crafts')} hint={t('wizard.craftsHint')} />
    </div>
  );
}

function WorkStep() {
  const t: Translator = useT();
  const employment = useWatch({ name: 'employment' }) as string;
  const businessForm = useWatch({ name: 'business.form' }) as string;
  const studio = useWatch({ name: 'studio' }) as WizardValues['studio'];
  const hasStudio = Object.values(studio ?? {}).some((v) => v !== '');
  const registered = businessForm !== '' && businessForm !== 'none';
  return (
    <div className="space-y-5">
      <SelectField name="employment" label={t('profile.employment')} options={enumOptions(t, EMPLOYMENT, EMPLOYMENT_LABEL)} />
      {employment === 'contract' ? <DistrictField name="employer_district" label={t('profile.employer_district')} /> : null}
      <TextField name="social_insurance_months_jdz" inputMode="numeric" label={t('profile.social_insurance_months_jdz')} hint={t('wizard.insuranceHint')} />
      <Section title={t('profile.business')} hint={t('wizard.businessHint')}>
        <SelectField name="business.form" label={t('profile.business_form')} options={enumOptions(t, BUSINESS_FORMS, BUSINESS_FORM_LABEL)} />
        {registered ? (
          <>
            <DistrictField name="business.registered_district" label={t('profile.business_registered_district')} />
            <TextField name="business.registered_date" type="date" label={t('profile.business_registered_date')} />
            <SelectField name="business.first_time" label={t('profile.business_first_time')} options={yesNo(t)} />
            <TextField name="business.employees_insured" inputMode="numeric" label={t('profile.business_employees_insured')} />
          </>
        ) : null}
      </Section>
      <details className="group rounded-xl bg-ink-50 ring-1 ring-inset ring-ink-200" open={hasStudio}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between px-4 font-semibold text-ink-900">
          {t('profile.studio')}
          <span aria-hidden className="text-ink-600 transition-transform group-open:rotate-180">
            ⌄
          </span>
        </summary>
        <div className="space-y-4 px-4 pb-4">
          <p className="text-sm text-ink-600">{t('wizard.studioHint')}</p>
          <DistrictField name="studio.district" label={t('profile.studio_district')} />
          <div className="grid grid-cols-2 gap-3">
            <TextField name="studio.area_m2" inputMode="decimal" label={t('profile.studio_area_m2')} />
            <TextField name="studio.monthly_rent" inputMode="decimal" label={t('profile.studio_monthly_rent')} />
          </div>
          <TextField name="studio.lease_months" inputMode="numeric" label={t('profile.studio_lease_months')} />
          <SelectField name="studio.government_free" label={t('profile.studio_government_free')} options={yesNo(t)} />
        </div>
      </details>
      <SelectField name="owns_home_in_jdz" label={t('profile.owns_home_in_jdz')} options={yesNo(t)} />
      <SelectField name="retired" label={t('profile.retired')} options={yesNo(t)} />
      <SelectField name="registered_unemployed" label={t('profile.registered_unemployed')} options={yesNo(t)} />
    </div>
  );
}

/** A repeatable list (honours, awards…): rows, add / remove, and a "none" box when it is empty (a known answer). */
function ListField<K extends 'honours' | 'awards' | 'exhibitions' | 'apprentices'>({
  name,
  title,
  hint,
  addLabel,
  empty,
  renderRow,
}: {
  name: K;
  title: string;
  hint?: string;
  addLabel: string;
  empty: WizardValues[K][number];
  renderRow: (index: number) => ReactNode;
}) {
  const t: Translator = useT();
  const { control, setValue } = useFormContext<WizardValues>();
  const { fields, append, remove } = useFieldArray({ control, name: name as 'honours' });
  return (
    <Section title={title} hint={hint}>
      {fields.length ? (
        <ol className="space-y-3">
          {fields.map((f, index) => (
            <li key={f.id} className="rounded-lg bg-white p-3 ring-1 ring-inset ring-ink-200">
              <div className="mb-2 flex items-center justify-between">
                <span className="text-sm font-medium text-ink-700">
                  {title} {index + 1}
                </span>
                <Button size="sm" variant="ghost" onClick={() => remove(index)} aria-label={`${t('wizard.remove')} ${title} ${index + 1}`}>
                  {t('wizard.remove')}
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">{renderRow(index)}</div>
            </li>
          ))}
        </ol>
      ) : (
        <CheckboxField name={`${name}_none`} label={t('wizard.noneOfThese')} />
      )}
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          setValue(`${name}_none` as `honours_none`, false);
          append(empty as never);
        }}
      >
        + {addLabel}
      </Button>
    </Section>
  );
}

function CredentialsStep() {
  const t: Translator = useT();
  const titleLevel = useWatch({ name: 'title.level' }) as string;
  const ichLevel = useWatch({ name: 'ich.level' }) as string;
  const levels = (blankKey: MessageKey = 'wizard.choose') => enumOptions(t, RECORD_LEVELS, RECORD_LEVEL_LABEL, blankKey);
  return (
    <div className="space-y-5">
      <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{t('wizard.evidenceLater')}</p>
      <Section title={t('profile.title')}>
        <SelectField name="title.level" label={t('profile.title_level')} options={enumOptions(t, TITLE_LEVELS, TITLE_LABEL)} />
        {titleLevel && titleLevel !== 'none' ? <TextField name="title.date" type="date" label={t('profile.title_date')} /> : null}
      </Section>
      <SelectField name="skill_level" label={t('profile.skill_level')} options={enumOptions(t, SKILL_LEVELS, SKILL_LABEL)} />
      <Section title={t('profile.ich')}>
        <SelectField name="ich.level" label={t('profile.ich_level')} options={enumOptions(t, ICH_LEVELS, ICH_LABEL)} />
        {ichLevel && ichLevel !== 'none' ? (
          <>
            <TextField name="ich.project" label={t('profile.ich_project')} placeholder={t('wizard.ichProjectPlaceholder')} />
            <TextField name="ich.year" inputMode="numeric" label={t('profile.ich_year')} />
          </>
        ) : null}
      </Section>
      <ListField
        name="honours"
        title={t('profile.honours')}
        addLabel={t('wizard.addHonour')}
        empty={{ type: '', province: '', year: '' }}
        renderRow={(i) => (
          <>
            <div className="sm:col-span-2">
              <RowSelect name={`honours.${i}.type`} label={t('profile.honour_type')} options={enumOptions(t, HONOUR_TYPES, HONOUR_LABEL, 'wizard.choose')} />
            </div>
            <RowInput name={`honours.${i}.province`} label={t('profile.honour_province')} />
            <RowInput name={`honours.${i}.year`} inputMode="numeric" label={t('profile.year')} />
          </>
        )}
      />
      <ListField
        name="awards"
        title={t('profile.awards')}
        addLabel={t('wizard.addAward')}
        empty={{ level: '', rank: '', year: '', name: '' }}
        renderRow={(i) => (
          <>
            <div className="sm:col-span-2">
              <RowInput name={`awards.${i}.name`} label={t('profile.record_name')} />
            </div>
            <RowSelect name={`awards.${i}.level`} label={t('profile.record_level')} options={levels()} />
            <RowSelect name={`awards.${i}.rank`} label={t('profile.award_rank')} options={enumOptions(t, AWARD_RANKS, AWARD_RANK_LABEL)} />
            <RowInput name={`awards.${i}.year`} inputMode="numeric" label={t('profile.year')} />
          </>
        )}
      />
      <ListField
        name="exhibitions"
        title={t('profile.exhibitions')}
        addLabel={t('wizard.addExhibition')}
        empty={{ level: '', year: '', name: '' }}
        renderRow={(i) => (
          <>
            <div className="sm:col-span-2">
              <RowInput name={`exhibitions.${i}.name`} label={t('profile.record_name')} />
            </div>
            <RowSelect name={`exhibitions.${i}.level`} label={t('profile.record_level')} options={levels()} />
            <RowInput name={`exhibitions.${i}.year`} inputMode="numeric" label={t('profile.year')} />
          </>
        )}
      />
      <ListField
        name="apprentices"
        title={t('profile.apprentices')}
        hint={t('wizard.apprenticesHint')}
        addLabel={t('wizard.addApprentice')}
        empty={{ age: '', agreement_months: '' }}
        renderRow={(i) => (
          <>
            <RowInput name={`apprentices.${i}.age`} inputMode="numeric" label={t('profile.apprentice_age')} />
            <RowInput name={`apprentices.${i}.agreement_months`} inputMode="numeric" label={t('profile.apprentice_months')} />
          </>
        )}
      />
    </div>
  );
}

function ShowcaseStep({ profileConsent }: { profileConsent: boolean }) {
  const t: Translator = useT();
  return (
    <div className="space-y-4">
      <TextField name="artist_name" label={t('profile.artist_name')} hint={t('wizard.artistNameHint')} maxLength={40} />
      <TextAreaField name="bio" label={t('profile.bio')} hint={t('wizard.bioHint')} rows={6} maxLength={2000} />
      <CheckboxField name="showcase_enabled" label={t('wizard.showcaseEnable')} hint={profileConsent ? t('wizard.showcaseHint') : t('wizard.showcaseNeedsConsent')} />
    </div>
  );
}

function Progress({ step }: { step: number }) {
  const t: Translator = useT();
  const total = WIZARD_STEPS.length;
  return (
    <div>
      <p className="text-sm font-medium text-brand-700" aria-live="polite">
        {t('wizard.stepOf', { n: step + 1, total })} · {t(STEP_TITLE[WIZARD_STEPS[step]!])}
      </p>
      <ol className="mt-2 grid grid-cols-5 gap-1.5" aria-label={t('wizard.progress')}>
        {WIZARD_STEPS.map((s, i) => (
          <li key={s} className="min-w-0">
            <span className={cn('block h-1.5 rounded-full', i <= step ? 'bg-brand-700' : 'bg-ink-200')} aria-hidden />
            <span className={cn('mt-1 hidden truncate text-xs sm:block', i === step ? 'font-medium text-ink-900' : 'text-ink-600')}>{t(STEP_TITLE[s])}</span>
            <span className="sr-only">
              {t(STEP_TITLE[s])}
              {i < step ? ` (${t('wizard.stepDone')})` : i === step ? ` (${t('wizard.stepCurrent')})` : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ProfileWizard({ initial, startStep, savedStep, citizen, profileConsent }: { initial: WizardValues; startStep: number; savedStep: number; citizen: boolean; profileConsent: boolean }) {
  const t: Translator = useT();
  const router = useRouter();
  const [step, setStep] = useState(Math.min(Math.max(startStep, 0), WIZARD_STEPS.length - 1));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const intent = useRef<'next' | 'later'>('next');
  const [pressed, setPressed] = useState<'next' | 'later'>('next');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // 'onBlur' (not 'onTouched'): otherwise react-hook-form validates a list right after "+ 添加…" and the new, untouched
  // row shows required-field errors at once (see work-form.tsx).
  const form = useZodForm(wizardSchema, { defaultValues: initial, mode: 'onBlur' });
  const last = step === WIZARD_STEPS.length - 1;
  const current = WIZARD_STEPS[step]!;
  const submitting = form.formState.isSubmitting;

  useEffect(() => {
    // After moving between steps (not on first render): start at the top and put focus on the new step's heading.
    if (!moved.current) return;
    window.scrollTo({ top: 0 });
    heading.current?.focus();
  }, [step]);

  function choose(which: 'next' | 'later') {
    intent.current = which;
    setPressed(which);
  }

  async function onSubmit(values: WizardValues) {
    setMessage({});
    const later = intent.current === 'later' && !last;
    const result = await saveProfileAction({
      ...stepPayload(current, values, { citizen }),
      // Steps done so far (the server keeps the highest): "later" resumes on this step, "next" on the following one.
      wizard_step: Math.max(savedStep, later ? step : step + 1),
    });
    if (!result.ok) {
      setMessage({ error: applyActionResult(form, result) ?? undefined });
      return;
    }
    if (later || last) {
      router.push(last ? '/profile?done=1' : '/profile?saved=1');
      router.refresh();
      return;
    }
    moved.current = true;
    setStep(step + 1);
    setMessage({ success: t('wizard.saved') });
  }

  return (
    <div className="space-y-6">
      <Progress step={step} />
      <div>
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-ink-900 outline-none">
          {t(STEP_TITLE[current])}
        </h2>
        <p className="mt-1 text-sm text-ink-600">{t(STEP_INTRO[current])}</p>
      </div>
      <Form form={form} onSubmit={onSubmit} aria-label={t(STEP_TITLE[current])} className="space-y-6">
        <FormMessage error={message.error} success={message.success} />
        {current === 'basics' ? <BasicsStep citizen={citizen} /> : null}
        {current === 'practice' ? <PracticeStep /> : null}
        {current === 'work' ? <WorkStep /> : null}
        {current === 'credentials' ? <CredentialsStep /> : null}
        {current === 'showcase' ? <ShowcaseStep profileConsent={profileConsent} /> : null}
        <p className="text-sm text-ink-600">{t('wizard.unknownOk')}</p>
        <div className="flex flex-col gap-3 border-t border-ink-200 pt-5 sm:flex-row-reverse sm:items-center">
          <Button type="submit" disabled={submitting} aria-busy={submitting} onClick={() => choose('next')} className="w-full sm:w-auto" data-testid="wizard-next">
            {submitting && pressed === 'next' ? t('wizard.saving') : last ? t('wizard.finish') : t('wizard.next')}
          </Button>
          {!last ? (
            <Button type="submit" variant="secondary" disabled={submitting} onClick={() => choose('later')} className="w-full sm:w-auto" data-testid="wizard-later">
              {submitting && pressed === 'later' ? t('wizard.saving') : t('wizard.saveLater')}
            </Button>
          ) : null}
          {step > 0 ? (
            <Button
              variant="ghost"
              disabled={submitting}
              className="w-full sm:mr-auto sm:w-auto"
              onClick={() => {
                moved.current = true;
                setMessage({});
                setStep(step - 1);
              }}
            >
              ← {t('wizard.back')}
            </Button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}
