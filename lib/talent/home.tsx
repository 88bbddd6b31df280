import 'server-only';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Alert, Badge, Card } from '@/components/ui/card';
import { WIZARD_STEPS } from '@/components/talent/wizard-values';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { AppError } from '@/lib/http/errors';
import type { MyProfileDto } from './schemas';
import { getMyProfile } from './service';

/** The talent's 工作台 card: how far the profile is, what is verified, and the one next step (issue 13 §1). */

type Verification = MyProfileDto['verification'];
function verificationCounts(v: Verification): { verified: number; pending: number; claimed: number } {
  const all = [v.title, v.ich, ...Object.values(v.honours), ...Object.values(v.awards)].filter((s) => s !== null);
  return { verified: all.filter((s) => s === 'verified').length, pending: all.filter((s) => s === 'pending').length, claimed: all.filter((s) => s === 'claimed').length };
}

async function ProfileCard({ actor, t }: HomeCardContext) {
  const me = await getMyProfile(actor).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (!me) {
    return (
      <Card data-testid="home-talent-profile">
        <h2 className="font-semibold text-ink-900">{t('home.profileTitle')}</h2>
        <p className="mt-1 text-sm text-ink-600">{t('home.profileNone')}</p>
        <Link href="/profile/wizard" className={`${buttonClass('primary', 'sm')} mt-4`}>
          {t('home.profileStart')}
        </Link>
      </Card>
    );
  }
  const total = WIZARD_STEPS.length;
  // Steps passed; the last one counts only once the wizard was submitted (completed).
  const done = me.completed ? total : Math.min(me.wizard_step, total - 1);
  const counts = verificationCounts(me.verification);
  const next = !me.completed
    ? { text: null, href: '/profile/wizard', label: t('home.profileContinue') }
    : counts.claimed > 0
      ? { text: t('home.profileNextCredentials'), href: '/profile', label: t('home.profileOpen') }
      : !me.showcase_enabled
        ? { text: t('home.profileNextShowcase'), href: '/profile/wizard', label: t('home.profileOpen') }
        : null;
  return (
    <Card data-testid="home-talent-profile">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-ink-900">{t('home.profileTitle')}</h2>
        {me.completed ? <Badge tone="success">{t('home.profileDone')}</Badge> : null}
      </div>
      <div className="mt-3" aria-hidden>
        <div className="h-2 overflow-hidden rounded-full bg-ink-100">
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.round((done / total) * 100)}%` }} />
        </div>
      </div>
      <p className="mt-2 text-sm text-ink-700">{t('home.profileProgress', { done, total })}</p>
      {counts.verified || counts.pending ? (
        <p className="mt-1 flex flex-wrap gap-2 text-sm">
          {counts.verified ? <Badge tone="success">{t('home.profileVerified', { n: counts.verified })}</Badge> : null}
          {counts.pending ? <Badge tone="warning">{t('home.profilePending', { n: counts.pending })}</Badge> : null}
        </p>
      ) : null}
      {!me.consents.profile ? (
        <Alert tone="error" className="mt-3">
          {t('home.profileConsentOff')}
        </Alert>
      ) : null}
      {next?.text ? <p className="mt-3 text-sm font-medium text-ink-900">{next.text}</p> : null}
      <Link href={next?.href ?? '/profile'} className={`${buttonClass(next ? 'primary' : 'secondary', 'sm')} mt-4`}>
        {next?.label ?? t('home.profileOpen')}
      </Link>
    </Card>
  );
}

export const talentHomeCards = defineHomeCards([{ id: 'talent.profile', order: 10, permission: 'profile.read_own', render: (ctx) => ProfileCard(ctx) }]);
