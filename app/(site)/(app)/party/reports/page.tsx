import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewReportForm } from '@/components/party/report-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getReportInbox } from '@/lib/party/reports';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyReports.inboxTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['pending', 'reviewed', 'all'] as const;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * 党员汇报: the home branch's inbox (the secretary's own organisation; the 区委组织部 any, relaying reports addressed to
 * organisations outside the portal). Reading it is an audited sensitive read; each pending report has its review form.
 */
export default async function ReportsInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_reports.review');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const o = one(sp.orgId);
  const orgId = o && UUID.test(o) ? o : undefined;
  const s = one(sp.status);
  const status = (STATUSES as readonly string[]).includes(s ?? '') ? (s as (typeof STATUSES)[number]) : 'pending';
  const inbox = await loadForPage(getReportInbox(actor, { orgId, status }, { ip, locale }));
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams(Object.entries({ orgId, status, ...over }).filter((e): e is [string, string] => !!e[1]));
    return `/party/reports?${p}`;
  };
  return (
    <>
      <PageHeader title={t('partyReports.inboxTitle')} description={t('partyReports.inboxIntro')} />
      {actor.role === 'org_admin' ? <p className="mb-4 text-sm text-ink-700">{t('partyReports.relayNote')}</p> : null}
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t('partyReports.inboxTitle')}>
        {STATUSES.map((x) => (
          <Link key={x} href={href({ status: x })} aria-current={x === status ? 'page' : undefined} className={`rounded-full px-3 py-2 text-sm font-medium ${x === status ? 'bg-brand-700 text-white' : 'bg-ink-100 text-ink-800 hover:bg-ink-200'}`}>
            {t(`partyReports.status_${x}`)}
          </Link>
        ))}
        {inbox.orgs.length > 1 ? (
          <span className="flex flex-wrap gap-2">
            <Link href={href({ orgId: undefined })} aria-current={!orgId ? 'page' : undefined} className={`rounded-full px-3 py-2 text-sm ${!orgId ? 'bg-ink-800 text-white' : 'bg-ink-100 text-ink-800'}`}>
              {t('partyActivities.allOrgs')}
            </Link>
            {inbox.orgs.map((g) => (
              <Link key={g.id} href={href({ orgId: g.id })} aria-current={g.id === orgId ? 'page' : undefined} className={`rounded-full px-3 py-2 text-sm ${g.id === orgId ? 'bg-ink-800 text-white' : 'bg-ink-100 text-ink-800'}`}>
                {g.name}
              </Link>
            ))}
          </span>
        ) : null}
      </nav>
      {inbox.items.length ? (
        <ul className="space-y-4" data-testid="report-inbox">
          {inbox.items.map((r) => (
            <li key={r.id}>
              <Card className="space-y-2">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold text-ink-900">{r.memberName}</span>
                  <Badge tone="info">
                    {t(`partyReports.type_${r.type}`)} · {r.period}
                  </Badge>
                  {r.whileMobile ? <Badge tone="neutral">{t('partyReports.whileMobile')}</Badge> : null}
                  {r.toOrgExternal ? <Badge tone="warning">{t('partyReports.external')}</Badge> : null}
                  <Badge tone={r.reviewedAt ? 'success' : 'warning'}>{t(r.reviewedAt ? 'partyReports.status_reviewed' : 'partyReports.status_pending')}</Badge>
                </div>
                <p className="text-xs text-ink-600">
                  {r.toOrgName} · {t('partyReports.submittedAt', { time: when(r.submittedAt) })}
                </p>
                <details className="rounded-lg bg-ink-50 p-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('partyReports.showContent')}</summary>
                  <p className="mt-2 whitespace-pre-wrap break-words text-sm text-ink-900">{r.content}</p>
                </details>
                {r.reviewedAt ? (
                  <div className="text-sm">
                    <p className="font-medium text-ink-900">
                      {t('partyReports.reviewNote')} <span className="text-xs font-normal text-ink-600">{t('partyReports.reviewedAt', { time: when(r.reviewedAt) })}</span>
                    </p>
                    <p className="whitespace-pre-wrap text-ink-800">{r.reviewNote}</p>
                  </div>
                ) : (
                  <ReviewReportForm id={r.id} />
                )}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('partyReports.inboxEmpty')} body={t('partyReports.inboxEmptyBody')} />
      )}
    </>
  );
}
