import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { SessionList } from '@/components/account/session-list';
import { Card, PageHeader } from '@/components/ui/card';
import { getAccount, listOwnSessions } from '@/lib/account/service';
import { requirePageActor } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('account.title') };
}

export default async function AccountPage() {
  const actor = await requirePageActor();
  const { t, locale } = await getTranslator();
  const [account, sessions] = await Promise.all([getAccount(actor, locale), listOwnSessions(actor)]);
  const scope = account.zone?.name ?? account.org?.name ?? '—';
  return (
    <>
      <PageHeader title={t('account.title')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-ink-900">{t('account.profile')}</h2>
          <dl className="mt-4 grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
            <dt className="text-ink-600">{t('admin.displayName')}</dt>
            <dd>{account.displayName}</dd>
            <dt className="text-ink-600">{t('account.role')}</dt>
            <dd data-testid="account-role">{t(`roles.${account.role}`)}</dd>
            <dt className="text-ink-600">{t('account.scope')}</dt>
            <dd>{scope}</dd>
            <dt className="text-ink-600">{t('admin.email')}</dt>
            <dd>{account.email ?? '—'}</dd>
            <dt className="text-ink-600">{t('admin.phone')}</dt>
            <dd>{account.phone ?? '—'}</dd>
          </dl>
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('account.changePassword')}</h2>
          <div className="mt-4">
            <ChangePasswordForm />
          </div>
        </Card>
        <Card className="lg:col-span-2">
          <h2 className="font-semibold text-ink-900">{t('account.sessions')}</h2>
          <p className="mt-1 text-sm text-ink-600">{t('account.sessionsHint')}</p>
          <div className="mt-4">
            <SessionList sessions={sessions} mode="own" />
          </div>
        </Card>
      </div>
    </>
  );
}
