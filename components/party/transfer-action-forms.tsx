'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { applyActionResult, Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import { transferStepAction } from '@/lib/party/transfer-actions';
import { NATIONAL_CHANNELS, RETURN_REASON_CODES, TRANSFER_CATEGORIES, TRANSFER_CHANNELS, VALIDITY_MAX, type CaseAction, type TransferCategory, type TransferChannel, type TransferState } from '@/lib/party/transfer-machine';
import { ACTION_INPUTS } from '@/lib/party/transfer-schemas';
import { FieldArea, FieldSelect, FieldText, type OptionGroup } from './transfer-fields';
import { actionName, categoryLabel, channelLabel, returnReasonName } from './transfer-labels';

/**
 * One form per action the service says the viewer may take now (TransferDto.availableActions). Each opens in place as
 * a small confirmation panel with that step's fields (validated by the step's own schema, ACTION_INPUTS), posts the
 * one step action (transferStepAction) and shows the service's refusal inline, its field errors on the fields.
 */

export interface StepContext {
  caseId: string;
  state: TransferState;
  channel: TransferChannel;
  /** The viewer receives at RECEIVER_REVIEW: a return needs a coded reason (T12). */
  receiverReturn: boolean;
  defaultValidityDays: number;
  branches: { id: string; name: string }[];
  defaultBranchId: string | null;
  /** A returned application (T4): the applicant may correct it when resubmitting (T2). */
  edit?: { groups: OptionGroup[]; toOrgId: string | null; toOrgText: string | null; category: TransferCategory; channel: TransferChannel; reason: string };
}

const VARIANT: Partial<Record<CaseAction, ButtonVariant>> = { return: 'secondary', hold: 'secondary', escalate: 'secondary', reissue: 'secondary', withdraw: 'danger', void: 'danger' };
/** Display order: the step forward first, then the alternatives, destructive ones last. */
const ORDER: readonly CaseAction[] = ['submit', 'approve', 'issue', 'open', 'accept', 'complete', 'receipt', 'resume', 'escalate', 'hold', 'return', 'reissue', 'withdraw', 'void'];

export function TransferActionForms({ actions, ctx, applicant = false }: { actions: CaseAction[]; ctx: StepContext; applicant?: boolean }) {
  const t: Translator = useT();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const lastOpened = useRef<CaseAction | null>(null);
  const sorted = ORDER.filter((a) => actions.includes(a));
  useEffect(() => {
    // Closing a panel (cancel, Esc) gives focus back to the button that opened it.
    if (open || !lastOpened.current) return;
    buttons.current?.querySelector<HTMLElement>(`[data-action="${lastOpened.current}"]`)?.focus();
    lastOpened.current = null;
  }, [open]);
  if (!sorted.length) return null;
  return (
    <div className="space-y-3 print:hidden" data-testid="transfer-actions">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {open ? (
        <StepPanel
          key={open}
          action={open}
          ctx={ctx}
          applicant={applicant}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            lastOpened.current = null;
            setOpen(null);
            setDone(msg);
          }}
        />
      ) : (
        <div ref={buttons} className="flex flex-wrap gap-2">
          {sorted.map((a) => (
            <ActionButton key={a} action={a} applicant={applicant} resubmit={ctx.state === 'RETURNED_FOR_EDIT'} onClick={() => {
                setDone(null);
                lastOpened.current = a;
                setOpen(a);
              }} />
          ))}
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {open ? t('partyTransfer.panelOpen') : ''}
      </p>
    </div>
  );
}

function ActionButton({ action, applicant, resubmit, onClick }: { action: CaseAction; applicant: boolean; resubmit: boolean; onClick: () => void }) {
  const t: Translator = useT();
  const locale = useLocale();
  return (
    <Button variant={VARIANT[action] ?? 'primary'} onClick={onClick} data-action={action}>
      {buttonLabel(action, applicant, t, locale, resubmit)}
    </Button>
  );
}

function buttonLabel(action: CaseAction, applicant: boolean, t: Translator, locale: Locale, resubmit = false): string {
  if (action === 'submit' && resubmit) return t('partyTransfer.doResubmit');
  if (action === 'submit') return applicant ? t('partyTransfer.doSubmit') : actionName('submit', locale);
  return t(`partyTransfer.do_${action}`);
}

type StepValues = Record<string, unknown>;

function StepPanel({ action, ctx, applicant, onClose, onDone }: { action: CaseAction; ctx: StepContext; applicant: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const t: Translator = useT();
  const locale = useLocale();
  const router = useRouter();
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const schema = ACTION_INPUTS[action] as unknown as z.ZodType<StepValues, StepValues>;
  const national = NATIONAL_CHANNELS.includes(ctx.channel);
  const form = useZodForm(schema, {
    shouldUnregister: true,
    defaultValues: defaultsFor(action, ctx) as never,
  });

  useEffect(() => {
    // Focus the first field (or the confirm button) when the panel opens; Esc closes it.
    const first = panel.current?.querySelector<HTMLElement>('select, input, textarea, button[type="submit"]');
    first?.focus();
  }, []);

  async function onSubmit(values: StepValues) {
    setError(null);
    const result = await transferStepAction({ id: ctx.caseId, action, ...values });
    if (!result.ok) return setError(applyActionResult(form as never, result));
    onDone(t('partyTransfer.stepDoneMessage', { action: actionName(action, locale) }));
    router.refresh();
  }

  const optional = t('partyTransfer.optional');
  return (
    <div
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      className="rounded-xl bg-white p-4 ring-2 ring-brand-700/30"
      data-testid={`step-${action}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id={headingId} className="mb-1 font-semibold text-ink-900">
        {buttonLabel(action, applicant, t, locale, ctx.state === 'RETURNED_FOR_EDIT')}
      </h3>
      <p className="mb-3 text-sm text-ink-600">{t(`partyTransfer.confirm_${action}`)}</p>
      <Form form={form as never} onSubmit={onSubmit as never} aria-label={buttonLabel(action, applicant, t, locale, ctx.state === 'RETURNED_FOR_EDIT')}>
        <FormMessage error={error} />
        {action === 'return' ? (
          <FieldSelect
            name="reasonCode"
            label={t('partyTransfer.returnReason')}
            required={ctx.receiverReturn}
            placeholder={ctx.receiverReturn ? t('partyTransfer.chooseReason') : t('partyTransfer.noCodedReason')}
            options={RETURN_REASON_CODES.map((r) => ({ value: r, label: returnReasonName(r, locale) }))}
            registerOptions={{ setValueAs: (v: string) => v || undefined }}
          />
        ) : null}
        {action === 'issue' ? (
          <>
            <FieldText
              name="validityDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={VALIDITY_MAX}
              label={t('partyTransfer.validityDays')}
              hint={t('partyTransfer.validityHint', { max: VALIDITY_MAX })}
              required
              options={{ valueAsNumber: true }}
            />
            {national ? <FieldText name="nationalFlowNo" label={`${t('partyTransfer.nationalFlowNo')}（${optional}）`} hint={t('partyTransfer.nationalNote')} maxLength={64} autoComplete="off" /> : null}
          </>
        ) : null}
        {action === 'submit' && ctx.edit ? (
          <fieldset className="space-y-3 rounded-lg bg-ink-50 p-3" data-testid="resubmit-changes">
            <legend className="px-1 text-sm font-medium text-ink-800">{t('partyTransfer.correctTitle')}</legend>
            {ctx.edit.toOrgText ? (
              <FieldText name="changes.toOrgText" label={t('partyTransfer.targetText')} required maxLength={200} autoComplete="off" />
            ) : (
              <FieldSelect name="changes.toOrgId" label={t('partyTransfer.targetOrg')} required groups={ctx.edit.groups} registerOptions={{ setValueAs: (v: string) => v || undefined }} />
            )}
            <FieldSelect name="changes.category" label={t('partyTransfer.category')} options={TRANSFER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
            <FieldSelect name="changes.channel" label={t('partyTransfer.channel')} options={TRANSFER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
            <FieldArea name="changes.reason" label={t('partyTransfer.reason')} required rows={3} maxLength={500} />
          </fieldset>
        ) : null}
        {action === 'receipt' && national ? <FieldText name="nationalFlowNo" label={`${t('partyTransfer.nationalFlowNo')}（${optional}）`} hint={t('partyTransfer.nationalNote')} maxLength={64} autoComplete="off" /> : null}
        {action === 'complete' ? (
          ctx.branches.length ? (
            <FieldSelect name="branchId" label={t('partyTransfer.branch')} required hint={t('partyTransfer.branchHint')} options={ctx.branches.map((b) => ({ value: b.id, label: b.name }))} />
          ) : (
            <Alert tone="error">{t('partyTransfer.noBranches')}</Alert>
          )
        ) : null}
        {action === 'void' ? (
          <FieldArea name="reason" label={t('partyTransfer.voidReason')} required maxLength={500} />
        ) : action === 'hold' ? (
          <FieldArea name="comment" label={t('partyTransfer.holdReason')} required maxLength={500} />
        ) : action === 'return' ? (
          <FieldArea name="comment" label={t('partyTransfer.returnComment')} required={!ctx.receiverReturn} hint={ctx.receiverReturn ? t('partyTransfer.returnCommentHint') : undefined} maxLength={500} />
        ) : (
          <FieldArea name="comment" label={`${t('partyTransfer.comment')}（${optional}）`} maxLength={500} />
        )}
        <div className="flex flex-wrap gap-2">
          <SubmitButton pendingLabel={t('partyTransfer.working')}>{t('partyTransfer.confirmButton', { action: buttonLabel(action, applicant, t, locale, ctx.state === 'RETURNED_FOR_EDIT') })}</SubmitButton>
          <Button variant="ghost" onClick={onClose}>
            {t('party.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

function defaultsFor(action: CaseAction, ctx: StepContext): StepValues {
  switch (action) {
    case 'issue':
      return { validityDays: ctx.defaultValidityDays, nationalFlowNo: '', comment: '' };
    case 'complete':
      return { branchId: ctx.defaultBranchId ?? ctx.branches[0]?.id ?? '', comment: '' };
    case 'void':
      return { reason: '' };
    case 'return':
      return { reasonCode: '', comment: '' };
    case 'receipt':
      return { nationalFlowNo: '', comment: '' };
    case 'submit':
      return ctx.edit
        ? { comment: '', changes: { ...(ctx.edit.toOrgText ? { toOrgText: ctx.edit.toOrgText } : { toOrgId: ctx.edit.toOrgId ?? undefined }), category: ctx.edit.category, channel: ctx.edit.channel, reason: ctx.edit.reason } }
        : { comment: '' };
    default:
      return { comment: '' };
  }
}
