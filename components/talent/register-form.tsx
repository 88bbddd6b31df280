'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { applyActionResult, Form, FormMessage, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { Select } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import type { Translator } from '@/lib/i18n';
import { registerAction } from '@/lib/talent/actions';
import { registerInput, type RegisterInput } from '@/lib/talent/schemas';
import { CheckboxField, useFieldError } from './fields';
import { COUNTRIES } from './labels';

export interface NoticeText {
  title: string;
  profile: string;
  sensitive: string;
}

const OTHER = '__other';

function ContactToggle({ kind, onChange }: { kind: 'phone' | 'email'; onChange: (k: 'phone' | 'email') => void }) {
  const t: Translator = useT();
  return (
    <fieldset>
      <legend className="sr-only">{t('register.contactKind')}</legend>
      <div className="grid grid-cols-2 gap-1 rounded-xl bg-ink-100 p-1">
        {(['phone', 'email'] as const).map((k) => (
          <label
            key={k}
            className={cn(
              'relative flex min-h-10 cursor-pointer items-center justify-center rounded-lg text-sm font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700',
              kind === k ? 'bg-white text-ink-900 shadow-sm' : 'text-ink-600 hover:text-ink-900',
            )}
          >
            <input type="radio" name="contact-kind" value={k} checked={kind === k} onChange={() => onChange(k)} className="absolute inset-0 size-full cursor-pointer opacity-0" />
            {k === 'phone' ? t('register.usePhone') : t('register.useEmail')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The "email or phone is required" issue is reported on `email`; show it under whichever field is visible. */
function MissingContact({ kind }: { kind: 'phone' | 'email' }) {
  const message = useFieldError('email');
  if (kind !== 'phone' || !message) return null;
  return (
    <p className="-mt-2 text-sm text-red-700" role="alert">
      {message}
    </p>
  );
}

function NationalityField({ onChange }: { onChange: (code: string) => void }) {
  const t: Translator = useT();
  const locale = useLocale();
  const id = useId();
  const value = (useWatch({ name: 'nationality' }) as string | undefined) ?? '';
  const known = COUNTRIES.some((c) => c.code === value);
  const [other, setOther] = useState(!known);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {t('register.nationality')}
      </label>
      <Select
        id={id}
        value={other ? OTHER : value}
        onChange={(e) => {
          const v = e.target.value;
          setOther(v === OTHER);
          onChange(v === OTHER ? '' : v);
        }}
      >
        {COUNTRIES.map((c) => (
          <option key={c.code} value={c.code}>
            {locale === 'en' ? c.en : c.zh}
          </option>
        ))}
        <option value={OTHER}>{t('register.nationalityOther')}</option>
      </Select>
      {other ? (
        <div className="mt-3">
          <TextField name="nationality" label={t('register.nationalityCode')} hint={t('register.nationalityCodeHint')} maxLength={2} autoCapitalize="characters" autoComplete="off" spellCheck={false} />
        </div>
      ) : null}
    </div>
  );
}

export function RegisterForm({ notice, noticeVersion }: { notice: NoticeText; noticeVersion: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const [contact, setContact] = useState<'phone' | 'email'>('phone');
  const [showPassword, setShowPassword] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const form = useZodForm(registerInput, {
    defaultValues: {
      email: '',
      phone: '',
      password: '',
      legalName: '',
      nationality: 'CN',
      idNumber: '',
      passportNumber: '',
      birthDate: '',
      noticeVersion: noticeVersion as never,
      consentProfile: false as never,
      consentSensitive: false,
    },
  });
  const nationality = ((useWatch({ control: form.control, name: 'nationality' }) as string | undefined) ?? '').toUpperCase();
  const citizen = nationality === 'CN';

  function switchContact(k: 'phone' | 'email') {
    setContact(k);
    form.setValue(k === 'phone' ? 'email' : 'phone', '');
    form.clearErrors(['email', 'phone']);
  }

  function changeNationality(code: string) {
    form.setValue('nationality', code, { shouldDirty: true });
    // The ID number is for citizens, the passport for everyone else: never send the one that is hidden.
    form.setValue(code === 'CN' ? 'passportNumber' : 'idNumber', '');
    form.clearErrors(['idNumber', 'passportNumber', 'nationality']);
  }

  async function onSubmit(values: RegisterInput) {
    setMessage({});
    const result = await registerAction(values);
    if (!result.ok) {
      setMessage({ error: applyActionResult(form, result) ?? undefined });
      return;
    }
    setMessage({ success: t('register.done') });
    const login = (contact === 'phone' ? values.phone : values.email) ?? '';
    const res = await signIn('credentials', { login, password: values.password, redirect: false });
    if (!res || res.error) {
      // The account exists; only the automatic sign-in failed (e.g. throttled). Let the person log in by hand.
      router.replace(`/login?callbackUrl=${encodeURIComponent('/profile/wizard')}`);
      return;
    }
    router.replace('/profile/wizard');
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('register.title')} className="space-y-8">
      <FormMessage error={message.error} success={message.success} />

      <fieldset className="space-y-4">
        <legend className="mb-3 text-lg font-semibold text-ink-900">{t('register.sectionAccount')}</legend>
        <ContactToggle kind={contact} onChange={switchContact} />
        {contact === 'phone' ? (
          <TextField key="phone" name="phone" type="tel" label={t('register.phone')} autoComplete="tel" inputMode="tel" hint={t('register.phoneHint')} />
        ) : (
          <TextField key="email" name="email" type="email" label={t('register.email')} autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} />
        )}
        <MissingContact kind={contact} />
        <TextField name="password" type={showPassword ? 'text' : 'password'} label={t('register.password')} autoComplete="new-password" hint={t('register.passwordHint')} />
        <label className="-mt-2 inline-flex items-center gap-2 text-sm text-ink-700">
          <input type="checkbox" className="size-4 accent-brand-700" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          {t('register.showPassword')}
        </label>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-3 text-lg font-semibold text-ink-900">{t('register.sectionIdentity')}</legend>
        <TextField name="legalName" label={t('register.legalName')} hint={t('register.legalNameHint')} autoComplete="name" />
        <NationalityField onChange={changeNationality} />
        {citizen ? (
          <TextField key="id" name="idNumber" label={t('register.idNumber')} hint={t('register.idNumberHint')} autoComplete="off" inputMode="text" autoCapitalize="characters" spellCheck={false} maxLength={18} />
        ) : (
          <TextField key="passport" name="passportNumber" label={t('register.passportNumber')} hint={t('register.passportHint')} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={20} />
        )}
        <TextField name="birthDate" type="date" label={t('register.birthDateOptional')} hint={citizen ? t('register.birthDateHintCn') : t('register.birthDateHint')} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-1 text-lg font-semibold text-ink-900">{notice.title}</legend>
        <p className="text-sm text-ink-600">{t('register.noticeIntro', { version: noticeVersion })}</p>
        <input type="hidden" {...form.register('noticeVersion')} />
        <div className="rounded-xl bg-ink-50 p-4 ring-1 ring-inset ring-ink-200">
          <p className="mb-1 text-sm font-semibold text-ink-900">{t('register.noticeProfileHeading')}</p>
          <p className="mb-4 text-sm leading-relaxed text-ink-700">{notice.profile}</p>
          <CheckboxField name="consentProfile" label={t('register.consentProfile')} />
        </div>
        <div className="rounded-xl bg-ink-50 p-4 ring-1 ring-inset ring-ink-200">
          <p className="mb-1 text-sm font-semibold text-ink-900">{t('register.noticeSensitiveHeading')}</p>
          <p className="mb-4 text-sm leading-relaxed text-ink-700">{notice.sensitive}</p>
          <CheckboxField name="consentSensitive" label={t('register.consentSensitive')} hint={t('register.consentSensitiveHint')} />
        </div>
      </fieldset>

      <SubmitButton pendingLabel={t('register.submitting')} className="w-full">
        {t('register.submit')}
      </SubmitButton>
    </Form>
  );
}
