import type { Metadata } from 'next';
import Link from 'next/link';
import { NoProfile } from '@/components/talent/no-profile';
import { ProfileWizard } from '@/components/talent/wizard';
import { toFormValues, WIZARD_STEPS } from '@/components/talent/wizard-values';
import { buttonClass } from '@/components/ui/button';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { getMyProfile } from '@/lib/talent/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('wizard.title') };
}

/** The profile wizard: resumes at the saved step (or ?step=N, 1-based, from the profile page's edit links). */
export default async function ProfileWizardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('profile.update_own');
  const { t } = await getTranslator();
  const sp = await searchParams;
  const me = await getMyProfile(actor).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (!me) return <NoProfile t={t} />;

  const requested = Number(Array.isArray(sp.step) ? sp.step[0] : sp.step);
  const total = WIZARD_STEPS.length;
  const start = Number.isInteger(requested) && requested >= 1 && requested <= total ? requested - 1 : me.wizard_step >= total ? 0 : me.wizard_step;
  const citizen = (me.profile.nationality ?? 'CN') === 'CN';

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t('wizard.title')}
        description={t('wizard.subtitle')}
        actions={
          <Link href="/profile" className={buttonClass('ghost', 'sm')}>
            {t('wizard.toProfile')}
          </Link>
        }
      />
      {!me.consents.profile ? (
        <Alert tone="error">{t('talent.consentWithdrawn')}</Alert>
      ) : (
        <Card>
          <ProfileWizard
            initial={toFormValues(me.profile, { artist_name: me.artist_name, bio: me.bio, showcase_enabled: me.showcase_enabled })}
            startStep={start}
            savedStep={me.wizard_step}
            citizen={citizen}
            profileConsent={me.consents.profile}
          />
        </Card>
      )}
    </div>
  );
}
