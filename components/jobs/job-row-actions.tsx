'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { discardJobAction, retryJobAction } from '@/lib/jobs/actions';

/** Retry / discard one dead letter (with a confirmation for discard); the page refreshes with the new state. */
export function JobRowActions({ id }: { id: number }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const run = (op: 'retry' | 'discard') =>
    start(async () => {
      const result = op === 'retry' ? await retryJobAction({ id }) : await discardJobAction({ id });
      setConfirming(false);
      if (result.ok) {
        setMessage({ tone: 'ok', text: t(op === 'retry' ? 'jobs.retried' : 'jobs.discarded', { id }) });
        router.refresh();
      } else setMessage({ tone: 'error', text: result.formError });
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => run('retry')} data-testid={`retry-job-${id}`}>
          {pending ? t('jobs.retrying') : t('jobs.retry')}
        </Button>
        {confirming ? (
          <Button size="sm" variant="danger" disabled={pending} onClick={() => run('discard')} data-testid={`confirm-discard-job-${id}`}>
            {pending ? t('jobs.discarding') : t('jobs.confirmDiscard', { id })}
          </Button>
        ) : (
          <Button size="sm" variant="danger" disabled={pending} onClick={() => setConfirming(true)} data-testid={`discard-job-${id}`}>
            {t('jobs.discard')}
          </Button>
        )}
      </div>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-sm text-red-700' : 'text-sm text-emerald-800'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
