'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { updateUserAction } from '@/lib/admin/actions';
import { updateUserInput, type AdminUserDto, type UpdateUserInput } from '@/lib/admin/schemas';
import { ROLES } from '@/lib/auth/permissions';
import { ScopeFields } from './create-user-form';

type Option = { value: string; label: string; depth?: number };

export function EditUserForm({ user, zones, orgs, self }: { user: AdminUserDto; zones: Option[]; orgs: Option[]; self: boolean }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const form = useZodForm(updateUserInput, {
    defaultValues: { displayName: user.displayName, role: user.role, zoneCode: user.zoneCode ?? '', orgId: user.orgId ?? '' },
  });
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function onSubmit(values: UpdateUserInput) {
    setMessage({});
    const result = await updateUserAction({
      id: user.id,
      patch: {
        ...values,
        zoneCode: values.role === 'zone_staff' ? values.zoneCode : null,
        orgId: values.role === 'branch_secretary' ? values.orgId : null,
      },
    });
    if (result.ok) {
      setMessage({ success: t('admin.saved') });
      router.refresh();
    } else setMessage({ error: applyActionResult(form, result) ?? undefined });
  }

  return (
    <div className="space-y-6">
      <Form form={form} onSubmit={onSubmit} aria-label={t('admin.edit')}>
        <FormMessage error={message.error} success={message.success} />
        <TextField name="displayName" label={t('admin.displayName')} />
        <SelectField name="role" label={t('admin.role')} disabled={self} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <ScopeFields zones={zones} orgs={orgs} />
        <SubmitButton>{t('admin.save')}</SubmitButton>
      </Form>
      {!self ? (
        <Button
          variant={user.disabled ? 'secondary' : 'danger'}
          disabled={pending}
          data-testid="toggle-disabled"
          onClick={() =>
            start(async () => {
              const result = await updateUserAction({ id: user.id, patch: { disabled: !user.disabled } });
              if (result.ok) router.refresh();
              else setMessage({ error: result.formError });
            })
          }
        >
          {user.disabled ? t('admin.enable') : t('admin.disable')}
        </Button>
      ) : null}
    </div>
  );
}
