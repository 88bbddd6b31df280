import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ConsentPanel } from '@/components/talent/consent-panel';
import { countryLabel } from '@/components/talent/labels';
import { NoProfile } from '@/components/talent/no-profile';
import { CredentialsCard, DefinitionList, derivedRows, profileSections, SectionHeader } from '@/components/talent/profile-view';
import { ListSkeleton } from '@/components/talent/skeleton';
import { WIZARD_STEPS } from '@/components/talent/wizard-values';
import { buttonClass } from '@/components/ui/button';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { listMyEvidence } from '@/lib/portfolio/service';
import { PRIVACY_NOTICE } from '@/lib/talent/privacy-notice';
import { getMyProfile } from '@/lib/talent/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('profile.pageTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MyProfilePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('profile.read_own');
  const { t } = await getTranslator();
  const sp = await searchParams;
  return (
    <>
      <PageHeader title={t('profile.pageTitle')} description={t('profile.subtitle')} />
      {sp.done ? <Alert tone="success" className="mb-6">{t('profile.wizardDone')}</Alert> : null}
      {sp.saved ? <Alert tone="success" className="mb-6">{t('profile.wizardSaved')}</Alert> : null}
      <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={4} />}>
        <ProfileBody actor={actor} />
      </Suspense>
    </>
  );
}

async function ProfileBody({ actor }: { actor: Actor }) {
  const { t, locale } = await getTranslator();
  const me = await getMyProfile(actor).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (!me) return <NoProfile t={t} />;
  const evidence = await listMyEvidence(actor);
  const total = WIZARD_STEPS.length;
  const notice = PRIVACY_NOTICE[locale];

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        {!me.completed ? (
          <Alert>
            <p className="font-medium">{t('profile.incomplete', { n: Math.min(me.wizard_step + 1, total), total })}</p>
            <Link href="/profile/wizard" className={`${buttonClass('primary', 'sm')} mt-2`}>
              {me.wizard_step > 0 ? t('profile.continueWizard') : t('profile.startWizard')}
            </Link>
          </Alert>
        ) : null}
        {!me.consents.profile ? <Alert tone="error">{t('talent.consentWithdrawn')}</Alert> : null}
        {profileSections(me.profile, t, locale).map((s) => (
          <Card key={s.step}>
            <SectionHeader title={t(s.title)} step={me.consents.profile ? s.step : undefined} t={t} />
            <DefinitionList rows={s.rows} t={t} />
          </Card>
        ))}
        <CredentialsCard me={me} evidence={evidence} t={t} />
        <Card>
          <SectionHeader title={t('wizard.stepShowcase')} step={me.consents.profile ? 5 : undefined} t={t} />
          <DefinitionList
            t={t}
            rows={[
              [t('profile.artist_name'), me.artist_name],
              [t('profile.bio'), me.bio ? <p className="whitespace-pre-line">{me.bio}</p> : null],
              [
                t('profile.showcase'),
                me.showcase_enabled && me.showcase_slug ? (
                  <Link href={`/showcases/${me.showcase_slug}`} className="font-medium text-brand-700 hover:underline">
                    {t('profile.viewShowcase')}
                  </Link>
                ) : (
                  t('profile.showcaseOff')
                ),
              ],
            ]}
          />
        </Card>
      </div>

      <aside className="space-y-6">
        <Card>
          <h2 className="mb-2 font-semibold text-ink-900">{t('profile.identity')}</h2>
          <DefinitionList
            t={t}
            rows={[
              [t('profile.legal_name'), me.legal_name],
              [t('profile.nationality'), countryLabel(me.profile.nationality, locale)],
              [me.id_kind === 'passport' ? t('profile.passport') : t('profile.id_number'), me.id_number ? <span className="font-mono tracking-wide" data-testid="masked-id">{me.id_number}</span> : null],
              [t('profile.phone'), me.phone ? <span className="font-mono tracking-wide" data-testid="masked-phone">{me.phone}</span> : null],
              [t('profile.email'), me.email],
              [t('profile.talentId'), <span key="no" className="font-mono" data-testid="talent-number">{me.talent_number}</span>],
              [t('profile.creditCode'), <code key="id" className="break-all text-xs">{me.user_id}</code>],
              [t('profile.office'), me.office ? <span data-testid="my-office">{locale === 'en' ? me.office.name_en : me.office.name}</span> : null],
            ]}
          />
          <p className="mt-2 text-xs text-ink-600">{t('profile.talentIdHint')}</p>
          <p className="mt-1 text-xs text-ink-600">{t('profile.officeHint')}</p>
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('profile.derived')}</h2>
          <p className="mb-2 mt-1 text-xs text-ink-600">{t('profile.derivedHint')}</p>
          <DefinitionList rows={derivedRows(me.derived, t)} t={t} />
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('profile.consents')}</h2>
          <p className="mb-3 mt-1 text-xs text-ink-600">
            {t('profile.noticeVersion', { version: me.consents.notice_version ?? '—' })} <Badge>{notice.title}</Badge>
          </p>
          <ConsentPanel consents={{ profile: me.consents.profile, sensitive: me.consents.sensitive }} notice={{ profile: notice.profile, sensitive: notice.sensitive }} />
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('portfolio.title')}</h2>
          <p className="mb-3 mt-1 text-sm text-ink-600">{t('profile.portfolioHint')}</p>
          <Link href="/portfolio" className={buttonClass('secondary', 'sm')}>
            {t('portfolio.manage')}
          </Link>
        </Card>
      </aside>
    </div>
  );
}
