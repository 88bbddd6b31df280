'use client';

import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { createBookingFeedAction } from '@/lib/bookings/actions';
import type { Translator } from '@/lib/i18n';

/** 日历订阅: creates my secret feed address (shown once; a new one revokes the old) for the phone's calendar. */
export function FeedPanel() {
  const t: Translator = useT();
  const [pending, start] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = () =>
    start(async () => {
      setError(null);
      const r = await createBookingFeedAction({});
      if (!r.ok) return setError(r.formError ?? t('problem.INTERNAL'));
      setUrl(`${window.location.origin}${r.data.path}`);
    });
  return (
    <Card>
      <h2 className="font-semibold text-ink-900">{t('bookings.feedTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('bookings.feedBody')}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {url ? (
        <label className="mt-3 block text-sm">
          <span className="font-medium text-ink-900">{t('bookings.feedUrl')}</span>
          <Input readOnly value={url} className="mt-1 font-mono text-xs" data-testid="feed-url" onFocus={(e) => e.currentTarget.select()} />
          <a href={url.replace(/^https?:/, 'webcal:')} className="mt-2 inline-block text-brand-700 underline">
            {t('bookings.feedTitle')}
          </a>
        </label>
      ) : null}
      <Button size="sm" variant="secondary" className="mt-3" disabled={pending} aria-busy={pending} onClick={create} data-testid="feed-create">
        {t('bookings.feedCreate')}
      </Button>
    </Card>
  );
}
