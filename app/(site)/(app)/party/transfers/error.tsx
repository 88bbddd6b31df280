'use client';

import Link from 'next/link';
import { useT } from '@/components/i18n/provider';
import { Button, buttonClass } from '@/components/ui/button';

/** A transfer page that failed to render: retry, or back to the queue (the header stays). */
export default function TransfersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-semibold text-ink-900">{t('errors.errorTitle')}</h1>
      <p className="mt-2 text-ink-600">{t('errors.errorBody')}</p>
      <div className="mt-6 flex justify-center gap-2">
        <Button variant="secondary" onClick={() => reset()}>
          {t('errors.retry')}
        </Button>
        <Link href="/party/transfers" className={buttonClass('ghost')}>
          {t('partyTransfer.backToQueue')}
        </Link>
      </div>
    </div>
  );
}
