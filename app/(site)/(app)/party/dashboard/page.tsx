import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { formatDate } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { getStatsOverview } from '@/lib/party/stats';
import { overviewQuery } from '@/lib/party/stats-schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyStats.dashboardTitle') };
}

const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const tile = 'block h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 hover:ring-brand-600 focus-visible:outline-2 focus-visible:outline-brand-700';

/**
 * 流动党员工作看板: the secretary's figures for their organisation's subtree (the 组织部 opens any organisation's with
 * ?orgId=, the district view's drill-down). Each figure links to the page where the work is done.
 */
export default async function PartyDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_stats.read');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const parsed = overviewQuery.safeParse({ orgId: one(sp.orgId) });
  const o = await loadForPage(getStatsOverview(actor, parsed.success ? parsed.data : {}, { ip, locale }));
  const orgQ = parsed.success && parsed.data.orgId ? `orgId=${o.orgId}` : '';
  const day = (iso: string) => formatDate(new Date(iso), locale);
  return (
    <>
      <PageHeader
        title={t('partyStats.dashboardTitle')}
        description={t('partyStats.dashboardIntro')}
        actions={
          can(actor, 'party_stats.district') ? (
            <Link href="/party/district" className={buttonClass('secondary', 'sm')}>
              {t('partyStats.toDistrict')}
            </Link>
          ) : null
        }
      />
      {o.orgs.length > 1 ? (
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" aria-label={t('partyStats.orgLabel')}>
          <label className="block text-sm font-medium text-ink-900">
            {t('partyStats.orgLabel')}
            <select name="orgId" defaultValue={o.orgId} className={`${field} mt-1`}>
              {o.orgs.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass('secondary')}>
            {t('partyStats.show')}
          </button>
        </form>
      ) : (
        <p className="mb-4 text-sm font-medium text-ink-900">{o.orgName}</p>
      )}

      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="stats-tiles">
        <li>
          <Link href="/party/mobile?tab=submitted" className={tile} data-testid="tile-awaiting">
            <span className="text-sm text-ink-700">{t('partyStats.awaitingTitle')}</span>
            <strong className="mt-1 block text-3xl tabular-nums text-ink-900">{o.awaiting.total}</strong>
            <span className="mt-1 block text-xs text-ink-600">{t('partyStats.awaitingSummary', { toVerify: o.awaiting.toVerify, expected: o.awaiting.expected })}</span>
          </Link>
        </li>
        <li>
          <Link href="/party/mobile?flag=REPORT" className={tile} data-testid="tile-overdue">
            <span className="text-sm text-ink-700">{t('partyStats.overdueTitle')}</span>
            <strong className={`mt-1 block text-3xl tabular-nums ${o.awaiting.overdue ? 'text-red-800' : 'text-ink-900'}`}>{o.awaiting.overdue}</strong>
            <span className="mt-1 block text-xs text-ink-600">{t('partyStats.overdueSummary')}</span>
          </Link>
        </li>
        <li>
          <Link href="/party/mobile?tab=watch" className={tile} data-testid="tile-lapse">
            <span className="text-sm text-ink-700">{t('partyStats.lapseTitle')}</span>
            <strong className={`mt-1 block text-3xl tabular-nums ${o.lapse.total ? 'text-amber-800' : 'text-ink-900'}`}>{o.lapse.total}</strong>
            <span className="mt-1 block text-xs text-ink-600">{t('partyStats.mobileSummary', { accepted: o.mobile.accepted, lost: o.mobile.lostContact })}</span>
          </Link>
        </li>
        <li>
          <Link href="/party/activities" className={tile} data-testid="tile-attendance">
            <span className="text-sm text-ink-700">{t('partyStats.attendanceTitle')}</span>
            <strong className="mt-1 block text-3xl tabular-nums text-ink-900">{o.attendance.formalRate === null ? '—' : `${o.attendance.formalRate}%`}</strong>
            <span className="mt-1 block text-xs text-ink-600">
              {o.attendance.formalRate === null
                ? t('partyStats.attendanceNoRate')
                : t('partyStats.attendanceRateValue', { rate: o.attendance.formalRate, present: o.attendance.formalPresent, expected: o.attendance.formalExpected })}
              <br />
              {t('partyStats.attendanceSummary', { n: o.attendance.activitiesHeld, mobile: o.attendance.mobileAttendees })}
            </span>
          </Link>
        </li>
        <li className="col-span-2 lg:col-span-1">
          <Link href={`/party/dues${orgQ ? `?${orgQ}` : ''}`} className={tile} data-testid="tile-dues">
            <span className="text-sm text-ink-700">{t('partyStats.duesTitle')}</span>
            <strong className="mt-1 block text-3xl tabular-nums text-ink-900">¥{o.dues.totalCollected}</strong>
            <span className="mt-1 block text-xs text-ink-600">{t('partyStats.duesSummary', { paid: o.dues.paid, unpaid: o.dues.unpaid })}</span>
          </Link>
        </li>
      </ul>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-ink-900">{t('partyStats.awaitingList')}</h2>
          {o.awaiting.items.length ? (
            <ul className="mt-3 divide-y divide-ink-100" data-testid="awaiting-list">
              {o.awaiting.items.map((i) => (
                <li key={i.recordId} className="py-2">
                  <Link href={`/party/mobile/${i.recordId}`} className="flex flex-wrap items-center justify-between gap-2 rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-700">
                    <span className="font-medium text-ink-900">
                      {i.memberName} <span className="text-xs font-normal text-ink-600">{t(`partyStats.side_${i.side}`)}</span>
                    </span>
                    <span className="flex items-center gap-2 text-ink-700">
                      {i.overdue ? <Badge tone="danger">{t('partyStats.overdueBadge')}</Badge> : null}
                      {i.reportedAt ? t('partyStats.reportedAt', { date: day(i.reportedAt) }) : i.reportDueAt ? t('partyStats.dueAt', { date: day(i.reportDueAt) }) : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-3">
              <EmptyState title={t('partyStats.emptyAwaiting')} body="" />
            </div>
          )}
          {o.awaiting.total > o.awaiting.items.length ? <p className="mt-2 text-sm text-ink-600">{t('partyStats.moreItems', { n: o.awaiting.total - o.awaiting.items.length })}</p> : null}
          <Link href="/party/mobile" className={`${buttonClass('secondary', 'sm')} mt-4`}>
            {t('partyStats.openMobile')}
          </Link>
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('partyStats.lapseList')}</h2>
          {o.lapse.items.length ? (
            <ul className="mt-3 divide-y divide-ink-100" data-testid="lapse-list">
              {o.lapse.items.map((i) => (
                <li key={i.recordId} className="py-2">
                  <Link href={`/party/mobile/${i.recordId}`} className="flex flex-wrap items-center justify-between gap-2 rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-700">
                    <span className="font-medium text-ink-900">
                      {i.memberName} {i.branchName ? <span className="text-xs font-normal text-ink-600">{i.branchName}</span> : null}
                    </span>
                    <span className="flex flex-wrap gap-1">
                      {i.flags.map((f) => (
                        <Badge key={f} tone={f === 'REPORT' || f === 'DUES' ? 'danger' : 'warning'}>
                          {t(`partyStats.flag_${f}`)}
                        </Badge>
                      ))}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-3">
              <EmptyState title={t('partyStats.emptyLapse')} body="" />
            </div>
          )}
          {o.lapse.total > o.lapse.items.length ? <p className="mt-2 text-sm text-ink-600">{t('partyStats.moreItems', { n: o.lapse.total - o.lapse.items.length })}</p> : null}
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href="/party/mobile?tab=watch" className={buttonClass('secondary', 'sm')}>
              {t('partyStats.openLapse')}
            </Link>
            <Link href="/party/members" className={buttonClass('ghost', 'sm')}>
              {t('partyStats.openMembers')}
            </Link>
          </div>
        </Card>
      </div>
    </>
  );
}
