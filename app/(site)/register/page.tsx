import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { RegisterForm } from '@/components/talent/register-form';
import { Card } from '@/components/ui/card';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('register.title') };
}

/** 景漂登记 (public): account, identity and the two separate PIPL consents; then the profile wizard. */
export default async function RegisterPage() {
  const [{ t, locale }, actor] = await Promise.all([getTranslator(), getActor()]);
  if (actor) redirect(actor.role === 'talent' ? '/profile' : '/dashboard');
  const notice = PRIVACY_NOTICE[locale];
  return (
    <>
      <SiteHeader actor={null} t={t} />
      <main id="main" className="mx-auto max-w-xl px-4 py-8 sm:py-12">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.name')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900">{t('register.title')}</h1>
          <p className="mt-2 text-ink-600">{t('register.subtitle')}</p>
        </div>
        <Card>
          <RegisterForm notice={{ title: notice.title, profile: notice.profile, sensitive: notice.sensitive }} noticeVersion={PRIVACY_NOTICE_VERSION} />
        </Card>
        <p className="mt-6 text-center text-sm text-ink-600">
          {t('register.haveAccount')}{' '}
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            {t('register.loginLink')}
          </Link>
        </p>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
