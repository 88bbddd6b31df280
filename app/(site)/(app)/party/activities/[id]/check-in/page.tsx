import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckInButton } from '@/components/party/activity-forms';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getCheckInView } from '@/lib/party/activities';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyActivities.checkInTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * 活动签到 on the member's phone, reached from the organisation's QR poster (?token=… the organisation's current token)
 * or from 我的党组织 (online). A stale token says so; another organisation's activity is a 404.
 */
export default async function CheckInPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_activities.attend_own');
  const [{ t, locale }, ip, { id }, sp] = await Promise.all([getTranslator(), clientIpForPage(), params, searchParams]);
  const raw = one(sp.token);
  const token = raw && raw.length >= 8 && raw.length <= 128 ? raw : undefined;
  let view;
  try {
    view = await getCheckInView(actor, id, token, { ip, locale });
  } catch (err) {
    if (err instanceof AppError && err.code === 'QR_TOKEN_INVALID') {
      return (
        <>
          <PageHeader title={t('partyActivities.checkInTitle')} />
          <Alert tone="error">{t('partyActivities.checkInInvalid')}</Alert>
        </>
      );
    }
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN' || err.code === 'VALIDATION_FAILED')) notFound();
    throw err;
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t('partyActivities.checkInTitle')} description={t('partyActivities.checkInIntro')} />
      <Card className="space-y-3" data-testid="check-in">
        <div className="flex flex-wrap gap-2">
          <Badge tone="info">{t(`partyActivities.type_${view.type}`)}</Badge>
          <Badge tone={view.relation === 'MOBILE' ? 'warning' : 'neutral'}>{t(`partyActivities.relation_${view.relation}`)}</Badge>
        </div>
        <h2 className="text-lg font-semibold text-ink-900">{view.topic}</h2>
        <p className="text-sm text-ink-700">
          {view.orgName} · <time dateTime={view.date}>{view.date}</time>
        </p>
        {view.location ? <p className="text-sm text-ink-700">{t('partyActivities.location', { place: view.location })}</p> : null}
        {token ? <p className="text-xs text-ink-600">{t('partyActivities.checkInVia', { org: view.orgName })}</p> : null}
        {view.relation === 'MOBILE' ? <Alert tone="info">{t('partyActivities.checkInMobileNote')}</Alert> : null}
        {view.mine ? (
          <Alert tone="success">{t(view.mine.confirmed ? 'partyActivities.checkInConfirmed' : 'partyActivities.checkInPending')}</Alert>
        ) : view.open ? (
          <CheckInButton activityId={view.id} qrToken={token} />
        ) : (
          <Alert tone="info">{t('partyActivities.checkInClosed')}</Alert>
        )}
      </Card>
    </div>
  );
}
