'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { rotateQrAction } from '@/lib/party/actions';

/** Rotating the check-in token (after a confirmation: printed posters stop working) and printing the poster. */
export function RotateQrButton({ orgId }: { orgId: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const rotate = () =>
    start(async () => {
      setMessage({});
      const result = await rotateQrAction({ id: orgId });
      setConfirming(false);
      if (!result.ok) return setMessage({ error: result.formError });
      setMessage({ success: t('party.rotated') });
      router.refresh();
    });
  return (
    <div className="space-y-3 print:hidden">
      {message.error ? <Alert tone="error">{message.error}</Alert> : null}
      {message.success ? <Alert tone="success">{message.success}</Alert> : null}
      {confirming ? (
        <div role="alertdialog" aria-label={t('party.rotate')} className="space-y-3 rounded-lg bg-amber-50 p-3 ring-1 ring-inset ring-amber-200">
          <p className="text-sm text-amber-900">{t('party.rotateConfirm')}</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="danger" disabled={pending} aria-busy={pending} onClick={rotate}>
              {t('party.rotate')}
            </Button>
            <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
              {t('party.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
            {t('party.rotate')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => window.print()}>
            {t('party.printPoster')}
          </Button>
        </div>
      )}
    </div>
  );
}
