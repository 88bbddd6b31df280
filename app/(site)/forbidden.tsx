import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { getTranslator } from '@/lib/i18n/server';

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-5xl font-bold text-brand-700">403</p>
      <h1 className="mt-4 text-2xl font-semibold text-ink-900">{t('auth.forbiddenTitle')}</h1>
      <p className="mt-2 text-ink-600">{t('auth.forbiddenBody')}</p>
      <Link href="/dashboard" className={`${buttonClass('secondary')} mt-6`}>
        {t('errors.backHome')}
      </Link>
    </main>
  );
}
