import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { SiteHeader } from '@/components/shell/site-header';
import { Alert, Card } from '@/components/ui/card';
import { getActor } from '@/lib/auth/current';
import { isProductionDeployment } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('auth.loginTitle') };
}

/** Only same-site relative paths are accepted as a post-login destination (no open redirect). */
function safeCallback(raw: string | string[] | undefined): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/dashboard';
}

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const sp = await searchParams;
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  const callbackUrl = safeCallback(sp.callbackUrl);
  if (actor) redirect(callbackUrl);
  return (
    <>
      <SiteHeader actor={null} t={t} />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <Card>
          <h1 className="text-2xl font-semibold text-ink-900">{t('auth.loginTitle')}</h1>
          <p className="mt-1 text-ink-600">{t('auth.loginSubtitle')}</p>
          {sp.loggedOut ? <Alert tone="success" className="mt-4">{t('auth.loggedOut')}</Alert> : null}
          <div className="mt-6">
            <LoginForm callbackUrl={callbackUrl} />
          </div>
          <p className="mt-6 text-center text-sm text-ink-600">
            {t('register.noAccount')}{' '}
            <Link href="/register" className="font-medium text-brand-700 hover:underline">
              {t('register.cta')}
            </Link>
          </p>
          {!isProductionDeployment() ? (
            <p className="mt-6 text-xs text-ink-600">{t('auth.demoHint')}</p>
          ) : null}
        </Card>
      </main>
    </>
  );
}
