'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { setPartyConsentAction } from '@/lib/party/actions';

/** The separate consent for Party data: the notice text, its state, grant or withdraw (with what withdrawal does). */
export function PartyConsentPanel({ granted, notice }: { granted: boolean; notice: { title: string; body: string } }) {
  const t: Translator = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const change = (next: boolean) =>
    start(async () => {
      setMessage({});
      const result = await setPartyConsentAction({ granted: next });
      setConfirming(false);
      if (!result.ok) return setMessage({ error: result.formError });
      setMessage({ success: next ? t('party.consentGranted') : t('party.consentWithdrawn') });
      router.refresh();
    });
  return (
    <div className="space-y-3" data-testid="party-consent">
      {message.error ? <Alert tone="error">{message.error}</Alert> : null}
      {message.success ? <Alert tone="success">{message.success}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-ink-900">{notice.title}</p>
        {granted ? <Badge tone="success">{t('party.consentOn')}</Badge> : <Badge tone="warning">{t('party.consentOff')}</Badge>}
      </div>
      <p className="text-sm leading-relaxed text-ink-700">{notice.body}</p>
      {granted ? (
        confirming ? (
          <div role="alertdialog" aria-label={t('party.consentWithdraw')} className="space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-inset ring-red-200">
            <p className="text-sm text-red-900">{t('party.consentWithdrawWarning')}</p>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="danger" disabled={pending} aria-busy={pending} onClick={() => change(false)}>
                {t('party.consentWithdrawConfirm')}
              </Button>
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
                {t('party.cancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
            {t('party.consentWithdraw')}
          </Button>
        )
      ) : (
        <Button size="sm" disabled={pending} aria-busy={pending} onClick={() => change(true)}>
          {t('party.consentGrant')}
        </Button>
      )}
    </div>
  );
}
