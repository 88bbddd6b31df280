'use client';

import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { changePasswordAction } from '@/lib/account/actions';
import { changePasswordInput, type ChangePasswordInput } from '@/lib/account/schemas';

export function ChangePasswordForm() {
  const t = useT();
  const form = useZodForm(changePasswordInput, { defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function onSubmit(values: ChangePasswordInput) {
    setMessage({});
    const result = await changePasswordAction(values);
    if (result.ok) {
      form.reset();
      setMessage({ success: t('account.passwordChanged') });
    } else {
      setMessage({ error: applyActionResult(form, result) ?? undefined });
    }
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('account.changePassword')}>
      <FormMessage error={message.error} success={message.success} />
      <TextField name="currentPassword" type="password" autoComplete="current-password" label={t('account.currentPassword')} />
      <TextField name="newPassword" type="password" autoComplete="new-password" label={t('account.newPassword')} hint={t('validation.passwordClasses')} />
      <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t('account.confirmPassword')} />
      <SubmitButton>{t('account.changePassword')}</SubmitButton>
    </Form>
  );
}
