import type { Metadata } from 'next';
import Link from 'next/link';
import { Calculator } from '@/components/policy/calculator';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyUi.calcTitle'), description: t('policyUi.calcSubtitle') };
}

/** 政策计算器 (public, no login, nothing stored). */
export default async function CalculatorPage() {
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.district')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{t('policyUi.calcTitle')}</h1>
          <p className="mt-2 max-w-2xl text-ink-600">{t('policyUi.calcSubtitle')}</p>
          <p className="mt-2 text-sm">
            <Link href="/policies" className="font-medium text-brand-700 hover:underline">
              {t('policy.navCatalogue')} →
            </Link>
          </p>
        </div>
        <Calculator />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
