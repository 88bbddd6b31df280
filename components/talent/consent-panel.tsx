'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import type { MessageKey, Translator } from '@/lib/i18n';
import { setConsentAction } from '@/lib/talent/actions';

type Kind = 'profile' | 'sensitive';

const COPY: Record<Kind, { title: MessageKey; purpose: MessageKey; warning: MessageKey }> = {
  profile: { title: 'profile.consentProfile', purpose: 'profile.consentProfilePurpose', warning: 'profile.withdrawProfileWarning' },
  sensitive: { title: 'profile.consentSensitive', purpose: 'profile.consentSensitivePurpose', warning: 'profile.withdrawSensitiveWarning' },
};

/** The two PIPL consents: state, and withdraw (with a clear warning of what stops) or grant again. */
export function ConsentPanel({ consents, notice }: { consents: Record<Kind, boolean>; notice: Record<Kind, string> }) {
  const t: Translator = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState<Kind | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  const change = (kind: Kind, granted: boolean) =>
    start(async () => {
      setMessage({});
      const result = await setConsentAction({ kind, granted });
      if (!result.ok) return setMessage({ error: result.formError });
      setConfirming(null);
      setMessage({ success: granted ? t('profile.consentGranted') : t('profile.consentWithdrawnDone') });
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {message.error ? <Alert tone="error">{message.error}</Alert> : null}
      {message.success ? <Alert tone="success">{message.success}</Alert> : null}
      <ul className="space-y-4">
        {(['profile', 'sensitive'] as const).map((kind) => {
          const granted = consents[kind];
          return (
            <li key={kind} className="rounded-xl p-4 ring-1 ring-inset ring-ink-200" data-testid={`consent-${kind}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium text-ink-900">{t(COPY[kind].title)}</p>
                {granted ? <Badge tone="success">{t('profile.consentOn')}</Badge> : <Badge tone="warning">{t('profile.consentOff')}</Badge>}
              </div>
              <p className="mt-1 text-sm text-ink-600">{t(COPY[kind].purpose)}</p>
              {granted ? (
                confirming === kind ? (
                  <div className="mt-3 space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-inset ring-red-200" role="alertdialog" aria-label={t('profile.withdraw')}>
                    <p className="text-sm text-red-900">{t(COPY[kind].warning)}</p>
                    <div className="flex flex-wrap gap-2">
                      <Button size="sm" variant="danger" disabled={pending} aria-busy={pending} onClick={() => change(kind, false)}>
                        {t('profile.withdrawConfirm')}
                      </Button>
                      <Button size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(null)}>
                        {t('profile.cancel')}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <Button size="sm" variant="secondary" className="mt-3" onClick={() => setConfirming(kind)}>
                    {t('profile.withdraw')}
                  </Button>
                )
              ) : (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('profile.readNotice')}</summary>
                  <p className="mt-2 text-sm leading-relaxed text-ink-700">{notice[kind]}</p>
                  <Button size="sm" className="mt-3" disabled={pending} aria-busy={pending} onClick={() => change(kind, true)}>
                    {t('profile.grant')}
                  </Button>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
