'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { decideApplicationAction } from '@/lib/policies/actions';
import { Modal } from './modal';
import { TextArea } from './fields';

/**
 * 确认通过 (二次确认: a dialog states the amount and that the benefit becomes active) and 驳回 (a reason the talent
 * will read is required).
 */
export function ApplicationActions({ id, talentName, policyTitle, amountText }: { id: string; talentName: string; policyTitle: string; amountText: string | null }) {
  const t = useT();
  const router = useRouter();
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const toast = useToast();

  const close = () => {
    setDialog(null);
    setError(null);
  };
  const decide = (decision: 'approve' | 'reject') =>
    start(async () => {
      setError(null);
      if (decision === 'reject' && reason.trim().length < 2) return setError(t('policyStaff.reasonRequired'));
      const r = await decideApplicationAction({ id, decision, ...(decision === 'reject' ? { reason: reason.trim() } : {}) });
      if (!r.ok) return setError(r.fieldErrors?.reason?.[0] ?? r.formError);
      setDialog(null);
      const message = t(decision === 'approve' ? 'policyStaff.approvedDone' : 'policyStaff.rejectedDone', { name: talentName });
      setDone(message);
      // The row leaves the queue (or loses these buttons) on refresh, and this message with it: the toast stays.
      toast(message);
      router.refresh();
    });

  return (
    <div className="space-y-2">
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {!done ? (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => setDialog('approve')} aria-label={`${t('policyStaff.approve')}：${talentName} · ${policyTitle}`} data-testid="approve">
            ✓ {t('policyStaff.approve')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setDialog('reject')} aria-label={`${t('policyStaff.reject')}：${talentName} · ${policyTitle}`} data-testid="reject">
            {t('policyStaff.reject')}
          </Button>
        </div>
      ) : null}

      <Modal open={dialog === 'approve'} onClose={close} title={t('policyStaff.approveTitle')} testId="approve-dialog">
        <p className="text-base text-ink-800">{t('policyStaff.approveExplain', { name: talentName, policy: policyTitle, amount: amountText ?? t('policyStaff.noAmount') })}</p>
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">{t('policyStaff.approveWarning')}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={close} disabled={pending}>
            {t('policyStaff.cancel')}
          </Button>
          <Button onClick={() => decide('approve')} disabled={pending} aria-busy={pending}>
            {t('policyStaff.approveConfirm')}
          </Button>
        </div>
      </Modal>

      <Modal open={dialog === 'reject'} onClose={close} title={t('policyStaff.rejectTitle')} testId="reject-dialog">
        <p className="text-sm text-ink-700">{t('policyStaff.rejectExplain', { name: talentName, policy: policyTitle })}</p>
        <TextArea
          label={t('policyStaff.rejectReason')}
          value={reason}
          onValue={setReason}
          rows={3}
          maxLength={500}
          placeholder={t('policyStaff.rejectReasonPlaceholder')}
          errors={error ? [error] : undefined}
          announce
        />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={close} disabled={pending}>
            {t('policyStaff.cancel')}
          </Button>
          <Button variant="danger" onClick={() => decide('reject')} disabled={pending} aria-busy={pending}>
            {t('policyStaff.rejectConfirm')}
          </Button>
        </div>
      </Modal>
    </div>
  );
}
