import type { Metadata } from 'next';
import { DuesCalculatorForm } from '@/components/party/dues-calculator-form';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyDues.calcTitle'), description: t('partyDues.calcIntro') };
}

/** 党费计算器 (public, no login, nothing stored): the §2.7 brackets of 中组发〔2008〕3号 through the quote API. */
export default async function DuesCalculatorPage() {
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-10">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.district')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{t('partyDues.calcTitle')}</h1>
          <p className="mt-2 max-w-2xl text-ink-600">{t('partyDues.calcIntro')}</p>
        </div>
        <DuesCalculatorForm />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
