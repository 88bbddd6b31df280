'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { deleteWorkAction } from '@/lib/portfolio/actions';

/** Delete a work, after an explicit second confirmation (images and credits go with it). */
export function DeleteWork({ id, title }: { id: string; title: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirming)
    return (
      <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} className="text-red-800">
        {t('portfolio.delete')}
      </Button>
    );
  return (
    <div className="space-y-3 rounded-lg bg-red-50 p-3 ring-1 ring-inset ring-red-200" role="alertdialog" aria-label={t('portfolio.delete')}>
      <p className="text-sm text-red-900">{t('portfolio.deleteConfirm', { title })}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          size="sm"
          disabled={pending}
          aria-busy={pending}
          onClick={() =>
            start(async () => {
              const result = await deleteWorkAction({ id });
              if (!result.ok) return setError(result.formError);
              router.push('/portfolio?deleted=1');
              router.refresh();
            })
          }
        >
          {t('portfolio.deleteYes')}
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => setConfirming(false)}>
          {t('profile.cancel')}
        </Button>
      </div>
    </div>
  );
}
