'use client';

import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold text-ink-900">{t('errors.errorTitle')}</h1>
      <p className="mt-2 text-ink-600">{t('errors.errorBody')}</p>
      <Button variant="secondary" className="mt-6" onClick={() => reset()}>
        {t('errors.retry')}
      </Button>
    </main>
  );
}
