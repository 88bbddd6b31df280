'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { craftLabel } from '@/components/talent/labels';
import { Button } from '@/components/ui/button';
import { Alert, Badge, EmptyState } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { respondCreditAction } from '@/lib/portfolio/actions';
import { CREDIT_STATUS, type CreditStatus } from './labels';

export interface CreditRequest {
  id: string;
  step: string;
  status: CreditStatus;
  workId: string;
  workTitle: string;
  ownerName: string;
}


/** Credits other talents gave me on their works: confirm ("yes, I threw this") or decline. */
export function CreditRequests({ items }: { items: CreditRequest[] }) {
  const t: Translator = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const respond = (id: string, accept: boolean) =>
    start(async () => {
      setBusy(id);
      setError(null);
      const result = await respondCreditAction({ id, accept });
      setBusy(null);
      if (!result.ok) return setError(result.formError);
      router.refresh();
    });

  if (items.length === 0) return <EmptyState title={t('portfolio.noCreditRequests')} body={t('portfolio.noCreditRequestsBody')} icon="🤝" />;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="divide-y divide-ink-100" data-testid="credit-requests">
        {items.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="text-sm">
              <p className="font-medium text-ink-900">{t('portfolio.creditAsk', { owner: c.ownerName, step: craftLabel(c.step, locale), title: c.workTitle })}</p>
              <Badge tone={CREDIT_STATUS[c.status].tone}>{t(CREDIT_STATUS[c.status].key)}</Badge>
            </div>
            {c.status === 'pending' ? (
              <div className="flex gap-2">
                <Button size="sm" disabled={pending} aria-busy={busy === c.id} onClick={() => respond(c.id, true)}>
                  {t('portfolio.confirm')}
                </Button>
                <Button size="sm" variant="secondary" disabled={pending} onClick={() => respond(c.id, false)}>
                  {t('portfolio.decline')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
