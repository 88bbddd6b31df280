import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AcceptForm, EndForm, LostContactForm, RedirectForm, RestoreForm, StepButton } from '@/components/party/mobile-forms';
import { MobileRecordFacts, MobileTimeline } from '@/components/party/mobile-views';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getMobileRecord, placementOptions, reportableOrgOptions } from '@/lib/party/mobile';
import { localDate } from '@/lib/party/transfer-machine';
import { now } from '@/lib/clock';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyMobile.detailTitle') };
}

/** One 流动党员 record: facts, the timeline and the forms the reader may use (accept, redirect, lost contact, restore, end). */
export default async function MobileRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('party_mobile.read');
  const [{ t, locale }, ip, { id }] = await Promise.all([getTranslator(), clientIpForPage(), params]);
  let r;
  try {
    r = await getMobileRecord(actor, id, { ip, locale });
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  }
  const can = (a: string) => r.actions.includes(a as never);
  const [branches, orgs] = await Promise.all([can('accept') ? placementOptions(actor, r, locale) : [], can('redirect') ? reportableOrgOptions(locale) : []]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/party/mobile" className="text-brand-700 hover:underline">
          ← {t('partyMobile.backToRoster')}
        </Link>
      </p>
      <PageHeader title={`${t('partyMobile.detailTitle')} · ${r.memberName}`} />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <MobileRecordFacts r={r} t={t} locale={locale} />
          <MobileTimeline r={r} t={t} locale={locale} />
        </div>
        <aside className="space-y-4" aria-label={t('partyMobile.sectionActions')}>
          {can('accept') ? (
            <Card>
              <h2 className="mb-2 font-semibold text-ink-900">{t('partyMobile.acceptTitle')}</h2>
              <AcceptForm id={r.id} branches={branches} />
            </Card>
          ) : null}
          {can('redirect') ? (
            <Card>
              <h2 className="mb-2 font-semibold text-ink-900">{t('partyMobile.redirectTitle')}</h2>
              <RedirectForm id={r.id} orgs={orgs} currentOrgId={r.inflowOrg?.id ?? null} />
            </Card>
          ) : null}
          {can('confirm_outflow') ? (
            <Card>
              <StepButton id={r.id} action="confirm-outflow" label={t('partyMobile.confirmOutflowSubmit')} />
            </Card>
          ) : null}
          {can('card_review') ? (
            <Card>
              <StepButton id={r.id} action="card-review" label={t('partyMobile.cardReviewSubmit')} />
            </Card>
          ) : null}
          {can('restore') ? (
            <Card>
              <h2 className="mb-2 font-semibold text-ink-900">{t('partyMobile.restoreTitle')}</h2>
              <RestoreForm id={r.id} />
            </Card>
          ) : null}
          {can('lost_contact') ? (
            <Card>
              <details>
                <summary className="cursor-pointer font-semibold text-ink-900">{t('partyMobile.lostTitle')}</summary>
                <div className="mt-2">
                  <LostContactForm id={r.id} today={localDate(now())} />
                </div>
              </details>
            </Card>
          ) : null}
          {can('end') ? (
            <Card>
              <details>
                <summary className="cursor-pointer font-semibold text-ink-900">{t('partyMobile.endTitle')}</summary>
                <div className="mt-2">
                  <EndForm id={r.id} />
                </div>
              </details>
            </Card>
          ) : null}
          {!r.actions.length ? <p className="text-sm text-ink-600">{t('partyMobile.noActions')}</p> : null}
        </aside>
      </div>
    </>
  );
}
