import { getTranslator } from '@/lib/i18n/server';

/** A case (or its letter) while it loads. */
export default async function Loading() {
  const { t } = await getTranslator();
  return (
    <div role="status" aria-live="polite" className="space-y-4" data-testid="loading">
      <div className="h-8 w-64 animate-pulse rounded-lg bg-ink-200" />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="h-80 animate-pulse rounded-2xl bg-ink-200" />
        <div className="h-48 animate-pulse rounded-2xl bg-ink-200" />
      </div>
      <span className="sr-only">{t('errors.loading')}</span>
    </div>
  );
}
