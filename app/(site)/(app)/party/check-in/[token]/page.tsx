import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { ConfirmCheckInButton } from '@/components/party/mobile-forms';
import { StateBadge } from '@/components/party/mobile-views';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { getActor } from '@/lib/auth/current';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { checkInTarget } from '@/lib/party/mobile';
import { openActivitiesForCheckIn } from '@/lib/party/activities';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyMobile.checkInTitle') };
}

/**
 * 扫码报到: opened by scanning an organisation's QR poster (its current token). Login required (and back here after);
 * the organisation is pre-selected and the member confirms. A rotated, unknown or dissolved organisation's token says
 * so; a member already placed there is pointed to today's organisational life.
 */
export default async function CheckInTokenPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/party/check-in/${encodeURIComponent(token)}`)}`);
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const header = <PageHeader title={t('partyMobile.checkInTitle')} />;
  // 报到 is a member's own act: other roles get 403 (the forbidden page), whatever the token.
  if (actor.role !== 'talent') forbidden();
  let view;
  try {
    view = await checkInTarget(actor, token.slice(0, 128), { ip, locale });
  } catch (err) {
    // A rotated, unknown or dissolved organisation's token: 404 with its own explanation (./not-found.tsx).
    if (err instanceof AppError && (err.code === 'QR_TOKEN_INVALID' || err.code === 'VALIDATION_FAILED')) notFound();
    throw err;
  }
  const r = view.record;
  // Today's activities of this organisation, each with its QR check-in; the member's record of attendance is on 我的党组织.
  const today = view.situation === 'accepted_here' ? await openActivitiesForCheckIn(view.org.id) : [];
  return (
    <div className="mx-auto max-w-md space-y-4">
      {header}
      <Card className="space-y-2" data-testid="check-in-org">
        <p className="text-sm text-ink-600">{t('partyMobile.checkInIntro')}</p>
        <h2 className="text-lg font-semibold text-ink-900">{view.org.name}</h2>
        {view.org.address ? (
          <p className="text-sm text-ink-700">
            {t('partyMobile.orgAddress')}：{view.org.address}
          </p>
        ) : null}
        {view.org.contactPerson ? (
          <p className="text-sm text-ink-700">
            {t('partyMobile.orgContact')}：{view.org.contactPerson}
          </p>
        ) : null}
        {r ? <StateBadge state={r.state} t={t} /> : null}
      </Card>
      {view.situation === 'report' || view.situation === 'walk_in' || view.situation === 'submitted_elsewhere' ? (
        <Card className="space-y-3">
          {view.situation === 'walk_in' ? <Alert tone="info">{t('partyMobile.checkInWalkIn')}</Alert> : null}
          {view.situation === 'submitted_elsewhere' ? <Alert tone="info">{t('partyMobile.checkInSubmittedElsewhere', { org: r?.inflowOrg?.name ?? '' })}</Alert> : null}
          {r?.redirectToOrg && r.redirectReason ? <Alert tone="info">{t('partyMobile.mySuggested', { org: r.redirectToOrg.name })}</Alert> : null}
          <ConfirmCheckInButton qrToken={token} />
        </Card>
      ) : null}
      {view.situation === 'submitted_here' ? <Alert tone="success">{t('partyMobile.checkInSubmittedHere')}</Alert> : null}
      {view.situation === 'accepted_here' ? (
        <Card className="space-y-2">
          <Alert tone="success">{t('partyMobile.checkInAcceptedHere')}</Alert>
          <ul className="space-y-1">
            {today.map((a) => (
              <li key={a.id}>
                <Link href={`/party/activities/${a.id}/check-in?token=${encodeURIComponent(token)}`} className="text-brand-700 hover:underline">
                  {a.topic}
                </Link>
              </li>
            ))}
          </ul>
          <Link href="/my-party#orglife" className="text-sm text-brand-700 hover:underline">
            {t('partyMobile.checkInActivities')}
          </Link>
        </Card>
      ) : null}
      {view.situation === 'accepted_elsewhere' ? <Alert tone="info">{t('partyMobile.checkInAcceptedElsewhere', { org: r?.inflowBranch?.name ?? '' })}</Alert> : null}
      {view.situation === 'not_mobile' ? <Alert tone="info">{t('partyMobile.checkInNotMobile')}</Alert> : null}
      {view.situation === 'not_linked' ? <Alert tone="info">{t('partyMobile.checkInNotLinked')}</Alert> : null}
      <Link href="/my-party#mobile" className="text-sm text-brand-700 hover:underline">
        {t('partyMobile.goMyParty')}
      </Link>
    </div>
  );
}
