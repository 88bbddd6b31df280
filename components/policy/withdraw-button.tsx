'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { withdrawApplicationAction } from '@/lib/policies/actions';

/** 撤回申请 with a confirmation step; only offered while the application is submitted. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  const t = useT();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const go = () =>
    start(async () => {
      setError(null);
      const res = await withdrawApplicationAction({ id });
      if (!res.ok) return setError(res.formError);
      setConfirming(false);
      router.refresh();
    });
  return (
    <div className="print:hidden">
      {confirming ? (
        <div role="alertdialog" aria-label={t('policyUi.withdraw')} className="space-y-2 rounded-lg bg-red-50 p-3 ring-1 ring-inset ring-red-200">
          <p className="text-sm text-red-900">{t('policyUi.withdrawConfirm')}</p>
          <div className="flex gap-2">
            <Button size="sm" variant="danger" onClick={go} disabled={pending} aria-busy={pending}>
              {t('policyUi.withdrawYes')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
              {t('policyUi.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`${t('policyUi.withdraw')}：${title}`}>
          {t('policyUi.withdraw')}
        </Button>
      )}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
