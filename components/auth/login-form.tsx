'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Form, FormMessage, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { loginInput, type LoginInput } from '@/lib/auth/schemas';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const router = useRouter();
  const form = useZodForm(loginInput, { defaultValues: { login: '', password: '' } });
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(values: LoginInput) {
    setError(null);
    const res = await signIn('credentials', { ...values, redirect: false });
    if (!res || res.error) {
      setError(res?.error === 'RATE_LIMITED' ? t('auth.throttled') : t('auth.invalidCredentials'));
      form.resetField('password');
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('auth.loginTitle')}>
      <FormMessage error={error} />
      <TextField name="login" label={t('auth.loginLabel')} autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} />
      <TextField name="password" label={t('auth.passwordLabel')} type="password" autoComplete="current-password" />
      <SubmitButton pendingLabel={t('auth.submitting')} className="w-full">
        {t('auth.submit')}
      </SubmitButton>
    </Form>
  );
}
