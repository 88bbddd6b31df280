import { getTranslator } from '@/lib/i18n/server';

/** The queue while it loads (the permission check ran in the layout above, so a 403 still answers 403). */
export default async function Loading() {
  const { t } = await getTranslator();
  return (
    <div role="status" aria-live="polite" className="space-y-4" data-testid="loading">
      <div className="h-8 w-56 animate-pulse rounded-lg bg-ink-200" />
      <div className="h-11 w-72 animate-pulse rounded-lg bg-ink-200" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-24 animate-pulse rounded-2xl bg-ink-200" />
      ))}
      <span className="sr-only">{t('errors.loading')}</span>
    </div>
  );
}
