'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { createUserAction } from '@/lib/admin/actions';
import { createUserInput, type CreateUserInput } from '@/lib/admin/schemas';
import { ROLES } from '@/lib/auth/permissions';

type Option = { value: string; label: string; depth?: number };

export function ScopeFields({ zones, orgs }: { zones: Option[]; orgs: Option[] }) {
  const t = useT();
  const role = useWatch({ name: 'role' });
  if (role === 'zone_staff') return <SelectField name="zoneCode" label={t('admin.zone')} options={[{ value: '', label: '—' }, ...zones]} />;
  if (role === 'branch_secretary')
    return <SelectField name="orgId" label={t('admin.org')} options={[{ value: '', label: '—' }, ...orgs.map((o) => ({ value: o.value, label: `${'　'.repeat(o.depth ?? 0)}${o.label}` }))]} />;
  return null;
}

export function CreateUserForm({ zones, orgs }: { zones: Option[]; orgs: Option[] }) {
  const t = useT();
  const router = useRouter();
  const form = useZodForm(createUserInput, {
    defaultValues: { displayName: '', email: '', phone: '', role: 'zone_staff', zoneCode: '', orgId: '', password: '' },
  });
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function onSubmit(values: CreateUserInput) {
    setMessage({});
    const role = values.role;
    const result = await createUserAction({
      ...values,
      zoneCode: role === 'zone_staff' ? values.zoneCode : null,
      orgId: role === 'branch_secretary' ? values.orgId : null,
    });
    if (result.ok) {
      form.reset();
      setMessage({ success: t('admin.created') });
      router.refresh();
    } else {
      setMessage({ error: applyActionResult(form, result) ?? undefined });
    }
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('admin.createUser')}>
      <FormMessage error={message.error} success={message.success} />
      <TextField name="displayName" label={t('admin.displayName')} autoComplete="off" />
      <TextField name="email" type="email" label={t('admin.email')} autoComplete="off" />
      <TextField name="phone" type="tel" label={t('admin.phone')} autoComplete="off" inputMode="tel" />
      <SelectField name="role" label={t('admin.role')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      <ScopeFields zones={zones} orgs={orgs} />
      <TextField name="password" type="password" label={t('admin.initialPassword')} autoComplete="new-password" hint={t('validation.passwordClasses')} />
      <SubmitButton>{t('admin.createUser')}</SubmitButton>
    </Form>
  );
}
