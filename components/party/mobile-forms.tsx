'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { applyActionResult, Form, FormMessage, SelectField, SubmitButton, TextField, useZodForm } from '@/components/form/form';
import { useToast } from '@/components/ui/toast';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import type { Translator } from '@/lib/i18n';
import { endMineAction, mobileStepAction, reportMineAction } from '@/lib/party/mobile-actions';
import { acceptInput, cardReviewInput, endInput, redirectInput, restoreInput } from '@/lib/party/mobile-schemas';
import { FieldArea } from './transfer-fields';

/** 流动党员 forms: the member's 报到 (choice or QR), the secretaries' steps (accept, redirect, lost contact, restore, end). */

type Option = { id: string; name: string; depth?: number };
const indent = (o: Option) => `${'\u3000'.repeat(Math.max(0, (o.depth ?? 1) - 1))}${o.name}`;

/** 报到 by choosing an organisation (我的党组织). */
export function ReportForm({ orgs, defaultOrgId }: { orgs: Option[]; defaultOrgId?: string | null }) {
  const t: Translator = useT();
  const router = useRouter();
  const schema = z.strictObject({ orgId: z.uuid('partyMobile.errOrgOrToken') });
  const form = useZodForm(schema, { defaultValues: { orgId: defaultOrgId ?? '' } });
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  async function onSubmit(values: z.output<typeof schema>) {
    setError(null);
    const result = await reportMineAction(values);
    if (!result.ok) return setError(applyActionResult(form, result));
    toast(t('partyMobile.checkInDone'));
    router.refresh();
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyMobile.myReportTitle')}>
      <FormMessage error={error} />
      <SelectField name="orgId" label={t('partyMobile.myReportOrg')} options={[{ value: '', label: '—' }, ...orgs.map((o) => ({ value: o.id, label: indent(o) }))]} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyMobile.myReportSubmit')}</SubmitButton>
    </Form>
  );
}

/** 确认报到 on the QR page: the organisation is the poster's (its token goes with the request). */
export function ConfirmCheckInButton({ qrToken }: { qrToken: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function go() {
    setPending(true);
    setError(null);
    const result = await reportMineAction({ qrToken });
    if (!result.ok) {
      setPending(false);
      return setError(result.formError);
    }
    // The refresh replaces this button with the page's own "submitted here" state; the toast outlives it.
    toast(t('partyMobile.checkInDone'));
    router.refresh();
  }
  return (
    <div className="space-y-2" data-testid="confirm-check-in">
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button onClick={go} disabled={pending} className="w-full">
        {t('partyMobile.checkInConfirm')}
      </Button>
    </div>
  );
}

function useStep<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(id: string, action: string, schema: S, defaults: z.input<S>) {
  const router = useRouter();
  const form = useZodForm(schema, { defaultValues: defaults as never });
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(values: z.output<S>) {
    setError(null);
    const result = await mobileStepAction({ id, action, ...(values as Record<string, unknown>) } as never);
    if (!result.ok) return setError(applyActionResult(form as never, result));
    router.refresh();
  }
  return { form, error, onSubmit };
}

export function AcceptForm({ id, branches }: { id: string; branches: Option[] }) {
  const t: Translator = useT();
  const { form, error, onSubmit } = useStep(id, 'accept', acceptInput, { branchId: branches[0]?.id ?? '' });
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyMobile.acceptTitle')}>
      <FormMessage error={error} />
      <p className="text-sm text-ink-600">{t('partyMobile.acceptHelp')}</p>
      <SelectField name="branchId" label={t('partyMobile.placement')} options={branches.map((b) => ({ value: b.id, label: b.name }))} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyMobile.acceptSubmit')}</SubmitButton>
    </Form>
  );
}

export function RedirectForm({ id, orgs, currentOrgId }: { id: string; orgs: Option[]; currentOrgId: string | null }) {
  const t: Translator = useT();
  const choices = orgs.filter((o) => o.id !== currentOrgId);
  const { form, error, onSubmit } = useStep(id, 'redirect', redirectInput, { reason: '', suggestedOrgId: '' });
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyMobile.redirectTitle')}>
      <FormMessage error={error} />
      <p className="text-sm text-ink-600">{t('partyMobile.redirectHelp')}</p>
      <FieldArea name="reason" label={t('partyMobile.reason')} rows={2} maxLength={500} />
      <SelectField name="suggestedOrgId" label={t('partyMobile.suggestedOrg')} options={[{ value: '', label: '—' }, ...choices.map((o) => ({ value: o.id, label: indent(o) }))]} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyMobile.redirectSubmit')}</SubmitButton>
    </Form>
  );
}

const lostSchema = z.strictObject({ basisDate: z.iso.date('validation.dateInvalid'), searchDate: z.iso.date('validation.dateInvalid'), searchMethod: z.string().trim().min(1, 'validation.required').max(100), searchResult: z.string().trim().min(1, 'validation.required').max(300) });

export function LostContactForm({ id, today }: { id: string; today: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const form = useZodForm(lostSchema, { defaultValues: { basisDate: '', searchDate: today, searchMethod: '', searchResult: '' } });
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(v: z.output<typeof lostSchema>) {
    setError(null);
    const result = await mobileStepAction({ id, action: 'lost-contact', basisDate: v.basisDate, searchActions: [{ date: v.searchDate, method: v.searchMethod, result: v.searchResult }] });
    if (!result.ok) return setError(applyActionResult(form, result));
    router.refresh();
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyMobile.lostTitle')}>
      <FormMessage error={error} />
      <p className="text-sm text-ink-600">{t('partyMobile.lostHelp')}</p>
      <TextField name="basisDate" type="date" label={t('partyMobile.basisDate')} max={today} />
      <TextField name="searchDate" type="date" label={t('partyMobile.searchDate')} max={today} />
      <TextField name="searchMethod" label={t('partyMobile.searchMethod')} maxLength={100} />
      <TextField name="searchResult" label={t('partyMobile.searchResult')} maxLength={300} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyMobile.lostSubmit')}</SubmitButton>
    </Form>
  );
}

export function RestoreForm({ id }: { id: string }) {
  const t: Translator = useT();
  const { form, error, onSubmit } = useStep(id, 'restore', restoreInput, { note: '' });
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('partyMobile.restoreTitle')}>
      <FormMessage error={error} />
      <TextField name="note" label={t('partyMobile.restoreNote')} maxLength={500} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t('partyMobile.restoreSubmit')}</SubmitButton>
    </Form>
  );
}

export function EndForm({ id, mine = false }: { id: string; mine?: boolean }) {
  const t: Translator = useT();
  const router = useRouter();
  const form = useZodForm(endInput, { defaultValues: { reason: 'returned', note: '' } });
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(v: z.output<typeof endInput>) {
    setError(null);
    const result = mine ? await endMineAction(v) : await mobileStepAction({ id, action: 'end', ...v });
    if (!result.ok) return setError(applyActionResult(form, result));
    router.refresh();
  }
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t(mine ? 'partyMobile.myEndTitle' : 'partyMobile.endTitle')}>
      <FormMessage error={error} />
      <SelectField name="reason" label={t('partyMobile.endReasonLabel')} options={(['returned', 'moved_on'] as const).map((r) => ({ value: r, label: t(`partyMobile.end_${r}`) }))} />
      <TextField name="note" label={t('partyMobile.endNote')} maxLength={500} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{t(mine ? 'partyMobile.myEndSubmit' : 'partyMobile.endSubmit')}</SubmitButton>
    </Form>
  );
}

/** One-click steps: 活动证年审 (either end), 流出地确认 (a walk-in). */
export function StepButton({ id, action, label }: { id: string; action: 'card-review' | 'confirm-outflow'; label: string }) {
  const t: Translator = useT();
  const { form, error, onSubmit } = useStep(id, action, action === 'card-review' ? cardReviewInput : z.strictObject({}), {});
  return (
    <Form form={form} onSubmit={onSubmit} aria-label={label}>
      <FormMessage error={error} />
      <SubmitButton pendingLabel={t('wizard.saving')}>{label}</SubmitButton>
    </Form>
  );
}
