import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AlertList, MemberRecord } from '@/components/party/member-record';
import { RevealIdForm } from '@/components/party/reveal-id-form';
import { MemberDuesPanel } from '@/components/party/dues-sections';
import { StatusDecisionForm } from '@/components/party/status-decision-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getPartyMember, partyToday } from '@/lib/party/members';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.memberTitle') };
}

/** One member in the secretary's scope (out of scope answers 404 like missing; the service audits the view). */
export default async function PartyMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('party_members.read');
  const parsed = z.strictObject({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const m = await loadForPage(getPartyMember(actor, parsed.data.id, locale, ip));
  return (
    <>
      <PageHeader
        title={m.name}
        description={`${m.formalOrgName} · ${t('party.memberTitle')}`}
        actions={
          <Link href="/party/members" className={buttonClass('ghost', 'sm')}>
            ← {t('party.backToList')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <MemberRecord m={m} t={t} />
          {can(actor, 'party_dues.read') ? (
            <Card id="dues">
              <h2 className="mb-3 font-semibold text-ink-900">{t('partyDues.navCollection')}</h2>
              <MemberDuesPanel actor={actor} memberId={m.id} t={t} locale={locale} ip={ip} />
            </Card>
          ) : null}
        </div>
        <aside className="space-y-6">
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('party.alertsTitle')}</h2>
            <AlertList alerts={m.alerts} t={t} />
          </Card>
          <Card>
            <h2 className="mb-1 font-semibold text-ink-900">{t('party.statusTitle')}</h2>
            <p className="mb-3 text-sm text-ink-600">{t('party.statusIntro')}</p>
            {m.statusDecisions.length ? (
              <ol className="mb-4 space-y-3 text-sm" data-testid="status-decisions">
                {m.statusDecisions.map((d) => (
                  <li key={d.recordedAt} className="rounded-lg bg-ink-50 p-3">
                    <p className="font-medium text-ink-900">{t('party.statusFrom', { from: t(`party.status_${d.previousStatus}`), to: t(`party.status_${d.status}`) })}</p>
                    <p className="text-ink-700">
                      {d.decidedBy} · {d.approvalRef} · {d.decisionDate}
                    </p>
                    {d.note ? <p className="text-ink-700">{d.note}</p> : null}
                    <p className="text-xs text-ink-600">{t('party.statusRecordedBy', { by: d.recordedBy, at: d.recordedAt.slice(0, 10) })}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mb-4 text-sm text-ink-600">{t('party.statusNone')}</p>
            )}
            {can(actor, 'party_members.record_status') ? <StatusDecisionForm memberId={m.id} current={m.partyStatus} today={partyToday().todayIso} /> : null}
          </Card>
          {can(actor, 'party_members.reveal') ? (
            <Card>
              <h2 className="mb-3 font-semibold text-ink-900">{t('party.reveal')}</h2>
              <RevealIdForm memberId={m.id} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
