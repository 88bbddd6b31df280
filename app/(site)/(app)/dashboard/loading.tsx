import { getTranslator } from '@/lib/i18n/server';

/**
 * Loading skeleton for the dashboard (and, re-exported, the account page). It deliberately does not sit at the
 * (app) level: a loading boundary above a page that calls forbidden()/notFound() makes Next stream the layout
 * first, so the 403/404 page would be sent with HTTP 200 (found by e2e/auth.spec.ts).
 */
export default async function Loading() {
  const { t } = await getTranslator();
  return (
    <div role="status" aria-live="polite" className="space-y-4" data-testid="loading">
      <div className="h-8 w-48 animate-pulse rounded-lg bg-ink-200" />
      <div className="h-32 animate-pulse rounded-2xl bg-ink-200" />
      <div className="h-32 animate-pulse rounded-2xl bg-ink-200" />
      <span className="sr-only">{t('errors.loading')}</span>
    </div>
  );
}
