'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { reviewEvidenceAction } from '@/lib/portfolio/actions';
import { Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';

/** Verify, or reject with a reason the talent will read. */
export function ReviewActions({ id, claimLabel }: { id: string; claimLabel: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const reasonId = useId();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  const review = (decision: 'verified' | 'rejected') =>
    start(async () => {
      setError(null);
      const result = await reviewEvidenceAction({ id, review: { decision, ...(decision === 'rejected' ? { reason } : {}) } });
      if (!result.ok) return setError(result.fieldErrors?.['review.reason']?.[0] ?? result.formError);
      setRejecting(false);
      // The evidence leaves the queue on refresh: the confirmation is a toast in the layout (issue 13 §5).
      toast(t(decision === 'verified' ? 'staff.verifiedDone' : 'staff.rejectedDone', { claim: claimLabel }));
      router.refresh();
    });

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rejecting ? (
        <div className="space-y-2">
          <label htmlFor={reasonId} className="block text-sm font-medium text-ink-800">
            {t('staff.rejectReason')}
          </label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} placeholder={t('staff.rejectReasonPlaceholder')} />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="danger" disabled={pending || reason.trim().length < 2} aria-busy={pending} onClick={() => review('rejected')}>
              {t('staff.rejectConfirm')}
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => setRejecting(false)}>
              {t('profile.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" disabled={pending} aria-busy={pending} onClick={() => review('verified')} aria-label={`${t('staff.verify')}: ${claimLabel}`} data-testid="verify">
            ✓ {t('staff.verify')}
          </Button>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRejecting(true)} aria-label={`${t('staff.reject')}: ${claimLabel}`}>
            {t('staff.reject')}
          </Button>
        </div>
      )}
    </div>
  );
}
