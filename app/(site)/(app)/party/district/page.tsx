import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatsChart } from '@/components/ui/stats-chart';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { LAPSE_FLAGS } from '@/lib/party/mobile-machine';
import { getDistrictStats } from '@/lib/party/stats';
import { districtQuery, type DistrictSeries } from '@/lib/party/stats-schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyStats.districtTitle') };
}

const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const FLAG_COLORS: Record<(typeof LAPSE_FLAGS)[number], string> = { REPORT: '#b91c1c', DUES: '#c2410c', ORG_LIFE: '#a16207', ANNUAL_REPORT: '#4d7c0f', CARD_REVIEW: '#0369a1' };

/** A chart with its table view (a real <table>) and its CSV download. */
function Figure({ id, title, series, head, rows, children, empty, csvHref, labels }: { id: string; title: string; series: DistrictSeries; head: string[]; rows: ReactNode[][]; children: ReactNode; empty: boolean; csvHref: string; labels: { noData: string; showTable: string; downloadCsv: string } }) {
  return (
    <Card className="min-w-0">
      <figure aria-labelledby={`${id}-title`} data-testid={`chart-${series}`}>
        <figcaption id={`${id}-title`} className="font-semibold text-ink-900">
          {title}
        </figcaption>
        <div className="mt-3">{empty ? <p className="text-sm text-ink-600">{labels.noData}</p> : children}</div>
        <details className="mt-3">
          <summary className="min-h-9 cursor-pointer text-sm font-medium text-brand-800">{labels.showTable}</summary>
          <div className="mt-2 overflow-x-auto">
            <DataTable caption={title} head={head} rows={rows} />
          </div>
        </details>
        <a href={csvHref} className={`${buttonClass('ghost', 'sm')} mt-2`} download>
          {labels.downloadCsv}
        </a>
      </figure>
    </Card>
  );
}

/**
 * 全区流动党员统计 (区委组织部): by the 流出地's province and by branch, 报到 rate, lapse watch and lost contact over the
 * period. Every chart has its table (a real <table> in <details>) and a CSV download; branches drill down into the
 * branch's dashboard (/party/dashboard?orgId=).
 */
export default async function PartyDistrictPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_stats.district');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const parsed = districtQuery.safeParse({ from: one(sp.from), to: one(sp.to) });
  const d = await loadForPage(getDistrictStats(actor, parsed.success ? parsed.data : {}, { ip, locale }));
  const csv = (series: DistrictSeries) => `/api/v1/party/stats/district/csv?${new URLSearchParams({ series, from: d.from, to: d.to })}`;
  const labels = { noData: t('partyStats.noData'), showTable: t('partyStats.showTable'), downloadCsv: t('partyStats.downloadCsv') };

  const totals: [string, number, string][] = [
    [t('partyStats.totalOpen'), d.totals.open, 'text-ink-900'],
    [t('partyStats.totalAccepted'), d.totals.accepted, 'text-ink-900'],
    [t('partyStats.totalAwaiting'), d.totals.awaitingReport, 'text-ink-900'],
    [t('partyStats.totalLapse'), d.totals.lapseWatch, d.totals.lapseWatch ? 'text-amber-800' : 'text-ink-900'],
    [t('partyStats.totalLost'), d.totals.lostContact, d.totals.lostContact ? 'text-red-800' : 'text-ink-900'],
  ];
  const branchRows = d.byBranch.map((b) => ({ ...b, href: b.orgId ? `/party/dashboard?orgId=${b.orgId}` : null }));
  const colors = { accepted: '#15803d', toVerify: '#0369a1', lapse: '#c2410c', lost: '#b91c1c', other: '#a8a29e' };

  return (
    <>
      <PageHeader title={t('partyStats.districtTitle')} description={t('partyStats.districtIntro')} />
      <form method="get" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-[12rem_12rem_auto] sm:items-end" aria-label={t('partyStats.districtTitle')}>
        <label className="block text-sm font-medium text-ink-900">
          {t('partyStats.periodFrom')}
          <input type="month" name="from" defaultValue={d.from} max={d.currentMonth} className={`${field} mt-1`} />
        </label>
        <label className="block text-sm font-medium text-ink-900">
          {t('partyStats.periodTo')}
          <input type="month" name="to" defaultValue={d.to} max={d.currentMonth} className={`${field} mt-1`} />
        </label>
        <button type="submit" className={`${buttonClass('secondary')} col-span-2 sm:col-span-1`}>
          {t('partyStats.show')}
        </button>
      </form>

      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="district-totals">
        {totals.map(([label, n, tone]) => (
          <li key={label} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200">
            <span className="text-sm text-ink-700">{label}</span>
            <strong className={`mt-1 block text-2xl tabular-nums ${tone}`}>{n}</strong>
          </li>
        ))}
        <li className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200">
          <span className="text-sm text-ink-700">{t('partyStats.reportRateTitle')}</span>
          <strong className="mt-1 block text-2xl tabular-nums text-ink-900">{d.reportRate.rate === null ? '—' : `${d.reportRate.rate}%`}</strong>
          <span className="text-xs text-ink-600">
            {d.reportRate.rate === null ? t('partyStats.reportRateNone') : t('partyStats.reportRateValue', { rate: d.reportRate.rate, accepted: d.reportRate.accepted, registered: d.reportRate.registered })}
          </span>
        </li>
      </ul>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Figure
          id="province"
          series="province"
          csvHref={csv('province')}
          labels={labels}
          title={t('partyStats.chartProvince')}
          empty={!d.byProvince.length}
          head={[t('partyStats.colProvince'), t('partyStats.colCount')]}
          rows={d.byProvince.map((p) => [p.name, p.count])}
        >
          <StatsChart kind="bar" horizontal data={d.byProvince} category="name" series={[{ key: 'count', label: t('partyStats.colCount'), color: '#9f1239' }]} />
          <p className="mt-2 text-xs text-ink-600">{t('partyStats.provinceNote')}</p>
        </Figure>

        <Figure
          id="branch"
          series="branch"
          csvHref={csv('branch')}
          labels={labels}
          title={t('partyStats.chartBranch')}
          empty={!branchRows.length}
          head={[t('partyStats.colBranch'), t('partyStats.colTotal'), t('partyStats.colAccepted'), t('partyStats.colToVerify'), t('partyStats.colLapse'), t('partyStats.colLost')]}
          rows={branchRows.map((b) => [
            b.href ? (
              <Link href={b.href} className="text-brand-800 underline underline-offset-2" aria-label={t('partyStats.drillDown', { name: b.name })}>
                {b.name}
              </Link>
            ) : (
              b.name
            ),
            b.total,
            b.accepted,
            b.toVerify,
            b.lapseWatch,
            b.lostContact,
          ])}
        >
          <StatsChart
            kind="bar"
            horizontal
            linked
            data={branchRows.map((b) => ({ name: b.name, href: b.href, accepted: b.accepted - b.lapseWatch, lapse: b.lapseWatch, toVerify: b.toVerify, lost: b.lostContact, other: b.total - b.accepted - b.toVerify - b.lostContact }))}
            category="name"
            series={[
              { key: 'accepted', label: t('partyStats.colAccepted'), color: colors.accepted, stack: 's' },
              { key: 'lapse', label: t('partyStats.colLapse'), color: colors.lapse, stack: 's' },
              { key: 'toVerify', label: t('partyStats.colToVerify'), color: colors.toVerify, stack: 's' },
              { key: 'lost', label: t('partyStats.colLost'), color: colors.lost, stack: 's' },
              { key: 'other', label: t('partyStats.notYetReported'), color: colors.other, stack: 's' },
            ]}
          />
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {branchRows
              .filter((b) => b.href)
              .map((b) => (
                <li key={b.orgId}>
                  <Link href={b.href!} className={buttonClass('ghost', 'sm')}>
                    {t('partyStats.drillDown', { name: b.name })}
                  </Link>
                </li>
              ))}
          </ul>
        </Figure>

        <Figure
          id="report-rate"
          series="report-rate"
          csvHref={csv('report-rate')}
          labels={labels}
          title={t('partyStats.chartReportRate')}
          empty={!d.reportRate.registered}
          head={[t('partyStats.colMonth'), t('partyStats.colRegistered'), t('partyStats.colAccepted'), t('partyStats.colRate')]}
          rows={d.reportRate.byMonth.map((m) => [m.month, m.registered, m.accepted, m.rate ?? '—'])}
        >
          <StatsChart
            kind="bar"
            data={d.reportRate.byMonth}
            category="month"
            series={[
              { key: 'registered', label: t('partyStats.colRegistered'), color: '#a8a29e' },
              { key: 'accepted', label: t('partyStats.colAccepted'), color: colors.accepted },
            ]}
          />
        </Figure>

        <Figure
          id="lapse"
          series="lapse"
          csvHref={csv('lapse')}
          labels={labels}
          title={t('partyStats.chartLapse')}
          empty={false}
          head={[t('partyStats.colMonth'), t('partyStats.colLapse'), ...LAPSE_FLAGS.map((f) => t(`partyStats.flag_${f}`))]}
          rows={d.lapseByMonth.map((m) => [m.month, m.total, ...LAPSE_FLAGS.map((f) => m.byFlag[f] ?? 0)])}
        >
          <StatsChart
            kind="line"
            data={d.lapseByMonth.map((m) => ({ month: m.month, total: m.total, ...m.byFlag }))}
            category="month"
            series={[{ key: 'total', label: t('partyStats.colLapse'), color: '#44403c' }, ...LAPSE_FLAGS.map((f) => ({ key: f, label: t(`partyStats.flag_${f}`), color: FLAG_COLORS[f] }))]}
          />
        </Figure>

        <Figure
          id="lost"
          series="lost-contact"
          csvHref={csv('lost-contact')}
          labels={labels}
          title={t('partyStats.chartLost')}
          empty={false}
          head={[t('partyStats.colMonth'), t('partyStats.colOpened')]}
          rows={d.lostContact.byMonth.map((m) => [m.month, m.opened])}
        >
          <StatsChart kind="bar" data={d.lostContact.byMonth} category="month" series={[{ key: 'opened', label: t('partyStats.colOpened'), color: colors.lost }]} />
        </Figure>
      </div>
    </>
  );
}
