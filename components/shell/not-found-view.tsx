import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import type { Translator } from '@/lib/i18n';

/** The 404 page of both root layouts (ADR 019): app/(site)/not-found.tsx and the cached tree's. */
export function NotFoundView({ t }: { t: Translator }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-semibold text-ink-900">{t('errors.notFoundTitle')}</h1>
      <p className="mt-2 text-ink-600">{t('errors.notFoundBody')}</p>
      <Link href="/" className={`${buttonClass('secondary')} mt-6`}>
        {t('errors.backHome')}
      </Link>
    </main>
  );
}
