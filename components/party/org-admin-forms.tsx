'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import type { Translator } from '@/lib/i18n';
import { createOrgAction, dissolveOrgAction, updateOrgAction } from '@/lib/party/actions';
import { createOrgInput, dissolveOrgForm, editOrgForm, moveOrgForm, PARTY_ORG_TYPES, type OrgType } from '@/lib/party/schemas';
import { orgTypeLabel } from './labels';

export interface OrgOption {
  id: string;
  label: string;
  orgType: OrgType;
  active: boolean;
  external: boolean;
  /** For the edit form: the flags and contact point in force. */
  flags?: { mayIssue: boolean; mayReceive: boolean; hasProbationaryApproval: boolean };
  contact?: { person: string | null; phone: string | null; address: string | null; postalCode: string | null };
}

function CheckboxField({ name, label }: { name: string; label: string }) {
  const id = useId();
  const { register } = useFormContext();
  return (
    <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm text-ink-800">
      <input id={id} type="checkbox" className="size-4 accent-brand-700" {...register(name)} />
      {label}
    </label>
  );
}

const choose = (t: Translator, options: OrgOption[]) => [{ value: '', label: t('party.chooseOrg') }, ...options.map((o) => ({ value: o.id, label: o.label }))];

/** The 区委组织部's tree tools: create, move, dissolve (each form validates with the schema its action parses). */
export function OrgAdminForms({ orgs }: { orgs: OrgOption[] }) {
  const active = orgs.filter((o) => o.active);
  return (
    <div className="space-y-6">
      <CreateOrgForm parents={active} />
      <EditOrgForm orgs={active} />
      <MoveOrgForm orgs={active} />
      <DissolveOrgForm orgs={active} />
    </div>
  );
}

function useOutcome() {
  const router = useRouter();
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});
  return { router, message, setMessage };
}

function CreateOrgForm({ parents }: { parents: OrgOption[] }) {
  const t: Translator = useT();
  const { router, message, setMessage } = useOutcome();
  const form = useZodForm(createOrgInput, {
    defaultValues: { code: '', nameZh: '', nameEn: '', orgType: 'branch', parentId: '', isExternal: false, mayIssue: false, mayReceive: false, hasProbationaryApproval: false, contactPerson: '', contactPhone: '', address: '', postalCode: '' },
  });
  async function onSubmit(values: unknown) {
    setMessage({});
    const result = await createOrgAction(values as Parameters<typeof createOrgAction>[0]);
    if (!result.ok) return setMessage({ error: applyActionResult(form, result) });
    form.reset();
    setMessage({ success: t('party.created') });
    router.refresh();
  }
  return (
    <section aria-labelledby="create-org" className="space-y-3">
      <h2 id="create-org" className="font-semibold text-ink-900">
        {t('party.createTitle')}
      </h2>
      <Form form={form} onSubmit={onSubmit} aria-label={t('party.createTitle')}>
        <FormMessage error={message.error} success={message.success} />
        <SelectField name="parentId" label={t('party.parent')} options={[{ value: '', label: t('party.noParent') }, ...parents.map((o) => ({ value: o.id, label: o.label }))]} />
        <SelectField name="orgType" label={t('party.orgType')} options={PARTY_ORG_TYPES.map((v) => ({ value: v, label: orgTypeLabel(t, v) }))} />
        <TextField name="code" label={t('party.code')} autoComplete="off" maxLength={32} />
        <TextField name="nameZh" label={t('party.nameZh')} autoComplete="off" maxLength={80} />
        <TextField name="nameEn" label={t('party.nameEn')} autoComplete="off" maxLength={160} />
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-ink-800">{t('party.flags')}</legend>
          <CheckboxField name="mayIssue" label={t('party.flag_mayIssue')} />
          <CheckboxField name="mayReceive" label={t('party.flag_mayReceive')} />
          <CheckboxField name="hasProbationaryApproval" label={t('party.flag_hasProbationaryApproval')} />
          <CheckboxField name="isExternal" label={t('party.isExternal')} />
        </fieldset>
        <TextField name="contactPerson" label={t('party.contactPerson')} autoComplete="off" maxLength={40} />
        <TextField name="contactPhone" label={t('party.contactPhone')} autoComplete="off" inputMode="tel" maxLength={20} />
        <TextField name="address" label={t('party.address')} autoComplete="off" maxLength={120} />
        <TextField name="postalCode" label={t('party.postalCode')} autoComplete="off" inputMode="numeric" maxLength={6} />
        <SubmitButton pendingLabel={t('wizard.saving')}>{t('party.createSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}

function EditOrgForm({ orgs }: { orgs: OrgOption[] }) {
  const t: Translator = useT();
  const { router, message, setMessage } = useOutcome();
  const empty = { id: '', mayIssue: false, mayReceive: false, hasProbationaryApproval: false, contactPerson: '', contactPhone: '', address: '', postalCode: '' };
  const form = useZodForm(editOrgForm, { defaultValues: empty });
  // Choosing an organisation fills in what is in force, so the form edits rather than overwrites.
  const fill = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    form.reset(
      o
        ? { id, mayIssue: !!o.flags?.mayIssue, mayReceive: !!o.flags?.mayReceive, hasProbationaryApproval: !!o.flags?.hasProbationaryApproval, contactPerson: o.contact?.person ?? '', contactPhone: o.contact?.phone ?? '', address: o.contact?.address ?? '', postalCode: o.contact?.postalCode ?? '' }
        : empty,
    );
  };
  const chosen = form.watch('id');
  useEffect(() => {
    fill(chosen);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill only when another organisation is chosen
  }, [chosen]);
  async function onSubmit(values: unknown) {
    setMessage({});
    const { id, ...changes } = values as { id: string } & Record<string, unknown>;
    const result = await updateOrgAction({ id, changes } as Parameters<typeof updateOrgAction>[0]);
    if (!result.ok) {
      const fe = result.fieldErrors ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^changes\./, ''), v])) : undefined;
      return setMessage({ error: applyActionResult(form, { ...result, fieldErrors: fe }) });
    }
    setMessage({ success: t('party.updated') });
    router.refresh();
  }
  return (
    <section aria-labelledby="edit-org" className="space-y-3 border-t border-ink-100 pt-6">
      <h2 id="edit-org" className="font-semibold text-ink-900">
        {t('party.editTitle')}
      </h2>
      <Form form={form} onSubmit={onSubmit} aria-label={t('party.editTitle')}>
        <FormMessage error={message.error} success={message.success} />
        <SelectField name="id" label={t('party.editOrg')} options={choose(t, orgs.filter((o) => !o.external))} />
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-ink-800">{t('party.flags')}</legend>
          <CheckboxField name="mayIssue" label={t('party.flag_mayIssue')} />
          <CheckboxField name="mayReceive" label={t('party.flag_mayReceive')} />
          <CheckboxField name="hasProbationaryApproval" label={t('party.flag_hasProbationaryApproval')} />
        </fieldset>
        <TextField name="contactPerson" label={t('party.contactPerson')} autoComplete="off" maxLength={40} />
        <TextField name="contactPhone" label={t('party.contactPhone')} autoComplete="off" inputMode="tel" maxLength={20} />
        <TextField name="address" label={t('party.address')} autoComplete="off" maxLength={120} />
        <TextField name="postalCode" label={t('party.postalCode')} autoComplete="off" inputMode="numeric" maxLength={6} />
        <SubmitButton pendingLabel={t('wizard.saving')}>{t('party.editSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}

function MoveOrgForm({ orgs }: { orgs: OrgOption[] }) {
  const t: Translator = useT();
  const { router, message, setMessage } = useOutcome();
  const form = useZodForm(moveOrgForm, { defaultValues: { id: '', parentId: '' } });
  async function onSubmit(values: { id: string; parentId: string }) {
    setMessage({});
    const result = await updateOrgAction({ id: values.id, changes: { parentId: values.parentId } });
    if (!result.ok) {
      const fe = result.fieldErrors ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^changes\./, ''), v])) : undefined;
      return setMessage({ error: applyActionResult(form, { ...result, fieldErrors: fe }) });
    }
    form.reset();
    setMessage({ success: t('party.moved') });
    router.refresh();
  }
  return (
    <section aria-labelledby="move-org" className="space-y-3 border-t border-ink-100 pt-6">
      <h2 id="move-org" className="font-semibold text-ink-900">
        {t('party.moveTitle')}
      </h2>
      <p className="text-sm text-ink-600">{t('party.moveHint')}</p>
      <Form form={form} onSubmit={onSubmit} aria-label={t('party.moveTitle')}>
        <FormMessage error={message.error} success={message.success} />
        <SelectField name="id" label={t('party.moveOrg')} options={choose(t, orgs.filter((o) => !o.external))} />
        <SelectField name="parentId" label={t('party.moveTo')} options={choose(t, orgs.filter((o) => !o.external))} />
        <SubmitButton pendingLabel={t('wizard.saving')}>{t('party.moveSubmit')}</SubmitButton>
      </Form>
    </section>
  );
}

function DissolveOrgForm({ orgs }: { orgs: OrgOption[] }) {
  const t: Translator = useT();
  const { router, message, setMessage } = useOutcome();
  const [confirming, setConfirming] = useState(false);
  const form = useZodForm(dissolveOrgForm, { defaultValues: { id: '', approvalRef: '', successorOrgId: '' } });
  async function onSubmit(values: unknown) {
    if (!confirming) return setConfirming(true);
    setMessage({});
    const result = await dissolveOrgAction(values as Parameters<typeof dissolveOrgAction>[0]);
    setConfirming(false);
    if (!result.ok) return setMessage({ error: applyActionResult(form, result) });
    form.reset();
    setMessage({ success: t('party.dissolved') });
    router.refresh();
  }
  return (
    <section aria-labelledby="dissolve-org" className="space-y-3 border-t border-ink-100 pt-6">
      <h2 id="dissolve-org" className="font-semibold text-ink-900">
        {t('party.dissolveTitle')}
      </h2>
      <p className="text-sm text-ink-600">{t('party.dissolveHint')}</p>
      <Form form={form} onSubmit={onSubmit} aria-label={t('party.dissolveTitle')}>
        <FormMessage error={message.error} success={message.success} />
        <SelectField name="id" label={t('party.dissolveOrg')} options={choose(t, orgs)} />
        <TextField name="approvalRef" label={t('party.approvalRef')} placeholder={t('party.approvalRefPlaceholder')} autoComplete="off" maxLength={100} />
        <SelectField name="successorOrgId" label={t('party.successorOptional')} options={[{ value: '', label: t('party.none') }, ...orgs.map((o) => ({ value: o.id, label: o.label }))]} />
        {confirming ? (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 ring-1 ring-inset ring-red-200">
            {t('party.dissolveConfirm')}
          </p>
        ) : null}
        <SubmitButton pendingLabel={t('wizard.saving')} className={confirming ? 'bg-red-700 hover:bg-red-800' : undefined}>
          {t('party.dissolveSubmit')}
        </SubmitButton>
      </Form>
    </section>
  );
}
