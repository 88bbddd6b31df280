import type { Metadata } from 'next';
import Link from 'next/link';
import { StatsChart, type SeriesDef } from '@/components/ui/stats-chart';
import { DemoDataBadge } from '@/components/policy/badges';
import { DashboardFigure } from '@/components/staff/dashboard-figure';
import { buttonClass } from '@/components/ui/button';
import { Alert, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { formatAmount } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '@/lib/insights/core';
import { zoneDashboard } from '@/lib/policies/dashboard';
import { dashboardQuery, zoneCodeSchema, type DashboardQuery, type ZoneDashboardDto } from '@/lib/policies/dashboard-schemas';
import { localiseMessage } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('zoneDashboard.title') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';
const PALETTE = ['#9f1239', '#0369a1', '#15803d', '#a16207', '#7c3aed', '#c2410c', '#0f766e', '#a8a29e'];
const STATUS_COLORS = { submitted: '#0369a1', approved: '#15803d', rejected: '#b91c1c', withdrawn: '#a8a29e' } as const;
const CHART_MAX = 7;
const POLICY_MAX = 12;

type TimeSeries = ZoneDashboardDto['registrations']['byCraft'];

/** Chart data for a stacked series: the largest CHART_MAX keys, the rest as one "other" stack (the table lists all). */
function stacked(s: TimeSeries, other: string): { data: Record<string, string | number>[]; series: SeriesDef[] } {
  const shown = s.keys.slice(0, CHART_MAX);
  const rest = s.keys.slice(CHART_MAX);
  const series: SeriesDef[] = shown.map((k, i) => ({ key: `s${i}`, label: k.label, color: PALETTE[i % PALETTE.length]!, stack: 's' }));
  if (rest.length) series.push({ key: 'other', label: other, color: '#d6d3d1', stack: 's' });
  const data = s.rows.map((r) => {
    const row: Record<string, string | number> = { bucket: r.bucket };
    shown.forEach((k, i) => (row[`s${i}`] = r.counts[k.key] ?? 0));
    if (rest.length) row.other = rest.reduce((n, k) => n + (r.counts[k.key] ?? 0), 0);
    return row;
  });
  return { data, series };
}

/**
 * 数据看板 (zone staff, issue 13 §1): registrations by craft and district, the verification queue by age, applications
 * per policy by status, amounts approved per month and policy uptake over a period chosen with presets (近30天 /
 * 近90天 / 今年) or two dates, all in the URL. Every chart has its table view and the CSV download.
 */
export default async function StaffDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('zones.read');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const asked = one(sp.zone);
  // A zone code that cannot exist is not looked up (nor audited): the actor's own zone is shown.
  const zone = asked && zoneCodeSchema.safeParse(asked).success ? asked : actor.zoneCode;
  if (!zone) {
    return (
      <>
        <PageHeader title={t('zoneDashboard.title')} />
        <EmptyState title={t('zoneDashboard.title')} body={t('zoneDashboard.noZone')} />
      </>
    );
  }

  // The period: a preset, else the two dates, else the default (近90天). A bad period says why and shows the default.
  const presetParam = one(sp.preset);
  const preset = (PERIOD_PRESETS as readonly string[]).includes(presetParam ?? '') ? (presetParam as PeriodPreset) : null;
  let query: DashboardQuery = {};
  let periodError: string | null = null;
  if (preset) query = presetPeriod(preset, now());
  else if (one(sp.from) || one(sp.to)) {
    const parsed = dashboardQuery.safeParse({ from: one(sp.from), to: one(sp.to) });
    if (parsed.success) query = parsed.data;
    else periodError = localiseMessage(locale, parsed.error.issues[0]?.message ?? '');
  }
  let d: ZoneDashboardDto | null = null;
  if (Object.keys(query).length) {
    try {
      d = await zoneDashboard(actor, zone, query, { ip, locale });
    } catch (err) {
      // Out of scope or missing → the 404 page (loadForPage); anything but a bad period propagates.
      if (!(err instanceof AppError && err.code === 'VALIDATION_FAILED')) await loadForPage(Promise.reject(err));
      else periodError = localiseMessage(locale, Object.values(err.options.fieldErrors ?? {})[0]?.[0] ?? '');
    }
  }
  d ??= await loadForPage(zoneDashboard(actor, zone, {}, { ip, locale }));
  const active: PeriodPreset | 'custom' = preset ?? (Object.keys(query).length && !periodError ? 'custom' : '90d');
  const csvHref = `/api/v1/zones/${encodeURIComponent(d.zone.code)}/dashboard.csv?${new URLSearchParams({ from: d.from, to: d.to })}`;
  const labels = { showTable: t('zoneDashboard.showTable'), downloadCsv: t('zoneDashboard.downloadCsv') };
  const presetHref = (p: PeriodPreset) => `/staff/dashboard?${new URLSearchParams({ ...(d.zones.length > 1 ? { zone: d.zone.code } : {}), preset: p })}`;
  const presetLabel = { '30d': t('zoneDashboard.preset30'), '90d': t('zoneDashboard.preset90'), ytd: t('zoneDashboard.presetYtd') } as const;
  const unitLabel = t(`zoneDashboard.unit_${d.unit}`);
  const money = (yuan: string) => formatAmount(Number(yuan), locale);
  const demoApps = d.applications.policies.some((p) => p.demoData);
  const demoUptake = d.uptake.policies.some((p) => p.demoData && p.rate !== null);

  const craft = stacked(d.registrations.byCraft, t('zoneDashboard.other'));
  const district = stacked(d.registrations.byDistrict, t('zoneDashboard.other'));
  const timeHead = (s: TimeSeries) => [unitLabel, ...s.keys.map((k) => k.label), t('zoneDashboard.colTotal')];
  const timeRows = (s: TimeSeries) => s.rows.map((r) => [r.bucket, ...s.keys.map((k) => r.counts[k.key] ?? 0), r.total]);
  const queueData = d.verification.buckets.map((b) => ({ bucket: t(`zoneDashboard.age_${b.bucket}`), ...Object.fromEntries(d.verification.kinds.map((k, i) => [`s${i}`, b.counts[k.key] ?? 0])) }));
  const uptakeShown = d.uptake.policies.filter((p) => p.rate !== null);
  const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
  const moreNote = (n: number) => (n > POLICY_MAX ? t('zoneDashboard.moreInTable', { n: POLICY_MAX }) : undefined);

  const totals: [string, string, string | null][] = [
    [t('zoneDashboard.totalRegistrations'), String(d.registrations.total), null],
    [t('zoneDashboard.totalQueue'), String(d.verification.total), d.verification.oldestDays ? t('zoneDashboard.totalOldest', { n: d.verification.oldestDays }) : null],
    [t('zoneDashboard.totalApplications'), String(d.applications.total), null],
    [t('zoneDashboard.totalAmount'), money(d.amounts.total), d.amounts.financeCeilings ? t('zoneDashboard.totalFinance', { n: d.amounts.financeCeilings }) : null],
  ];

  return (
    <>
      <PageHeader title={t('zoneDashboard.title')} description={`${t('zoneDashboard.intro', { zone: d.zone.name })} ${t('zoneDashboard.periodSummary', { from: d.from, to: d.to })}`} />

      <section aria-label={t('zoneDashboard.period')} className="mb-4 space-y-3">
        <nav aria-label={t('zoneDashboard.period')} className="flex flex-wrap gap-2" data-testid="period-presets">
          {PERIOD_PRESETS.map((p) => (
            <Link key={p} href={presetHref(p)} aria-current={active === p ? 'page' : undefined} className={buttonClass(active === p ? 'primary' : 'secondary', 'sm')}>
              {presetLabel[p]}
            </Link>
          ))}
          <span className={`${buttonClass(active === 'custom' ? 'primary' : 'ghost', 'sm')} pointer-events-none`} aria-current={active === 'custom' ? 'page' : undefined}>
            {t('zoneDashboard.presetCustom')}
          </span>
        </nav>
        <form method="get" className="grid grid-cols-2 gap-3 sm:grid-cols-[12rem_12rem_12rem_auto] sm:items-end" aria-label={t('zoneDashboard.presetCustom')}>
          {d.zones.length > 1 ? (
            <label className="col-span-2 block text-sm font-medium text-ink-900 sm:col-span-1">
              {t('zoneDashboard.zone')}
              <select name="zone" defaultValue={d.zone.code} className={`${field} mt-1`}>
                {d.zones.map((z) => (
                  <option key={z.code} value={z.code}>
                    {z.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="block text-sm font-medium text-ink-900">
            {t('zoneDashboard.periodFrom')}
            <input type="date" name="from" defaultValue={d.from} required className={`${field} mt-1`} />
          </label>
          <label className="block text-sm font-medium text-ink-900">
            {t('zoneDashboard.periodTo')}
            <input type="date" name="to" defaultValue={d.to} required className={`${field} mt-1`} />
          </label>
          <button type="submit" className={`${buttonClass('secondary')} col-span-2 sm:col-span-1`}>
            {t('zoneDashboard.show')}
          </button>
        </form>
        {periodError ? (
          <Alert tone="error">
            <span data-testid="period-error">{t('zoneDashboard.periodInvalid', { reason: periodError })}</span>
          </Alert>
        ) : null}
      </section>

      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="dashboard-totals">
        {totals.map(([label, value, sub]) => (
          <li key={label} className="min-w-0 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200">
            <span className="text-sm text-ink-700">{label}</span>
            <strong className="mt-1 block break-words text-2xl tabular-nums text-ink-900">{value}</strong>
            {sub ? <span className="text-xs text-ink-600">{sub}</span> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-ink-600">{t('zoneDashboard.csvHint')}</p>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <DashboardFigure
          id="by-craft"
          title={t('zoneDashboard.chartByCraft')}
          note={t('zoneDashboard.noteByCraft')}
          head={timeHead(d.registrations.byCraft)}
          rows={timeRows(d.registrations.byCraft)}
          empty={!d.registrations.total}
          emptyText={t('zoneDashboard.emptyRegistrations')}
          csvHref={csvHref}
          labels={labels}
        >
          <StatsChart kind="bar" data={craft.data} category="bucket" series={craft.series} />
        </DashboardFigure>

        <DashboardFigure
          id="by-district"
          title={t('zoneDashboard.chartByDistrict')}
          head={timeHead(d.registrations.byDistrict)}
          rows={timeRows(d.registrations.byDistrict)}
          empty={!d.registrations.total}
          emptyText={t('zoneDashboard.emptyRegistrations')}
          csvHref={csvHref}
          labels={labels}
        >
          <StatsChart kind="bar" data={district.data} category="bucket" series={district.series} />
        </DashboardFigure>

        <DashboardFigure
          id="queue"
          title={t('zoneDashboard.chartQueue')}
          note={t('zoneDashboard.noteQueue')}
          head={[t('zoneDashboard.colAge'), ...d.verification.kinds.map((k) => k.label), t('zoneDashboard.colTotal')]}
          rows={d.verification.buckets.map((b) => [t(`zoneDashboard.age_${b.bucket}`), ...d.verification.kinds.map((k) => b.counts[k.key] ?? 0), b.total])}
          empty={!d.verification.total}
          emptyText={t('zoneDashboard.emptyQueue')}
          csvHref={csvHref}
          labels={labels}
          action={
            <Link href="/staff/verification" className={buttonClass('ghost', 'sm')}>
              {t('zoneDashboard.openQueue')}
            </Link>
          }
        >
          <StatsChart kind="bar" data={queueData} category="bucket" series={d.verification.kinds.map((k, i) => ({ key: `s${i}`, label: k.label, color: PALETTE[i % PALETTE.length]!, stack: 's' }))} />
        </DashboardFigure>

        <DashboardFigure
          id="applications"
          title={t('zoneDashboard.chartApplications')}
          note={[t('zoneDashboard.noteApplications'), moreNote(d.applications.policies.length)].filter(Boolean).join(' ')}
          badge={demoApps ? <DemoDataBadge /> : null}
          head={[t('zoneDashboard.colPolicy'), t('zoneDashboard.colCode'), t('policyUi.app_submitted'), t('policyUi.app_approved'), t('policyUi.app_rejected'), t('policyUi.app_withdrawn'), t('zoneDashboard.colTotal')]}
          rows={d.applications.policies.map((p) => [p.title, p.policyCode, p.submitted, p.approved, p.rejected, p.withdrawn, p.total])}
          empty={!d.applications.total}
          emptyText={t('zoneDashboard.emptyApplications')}
          csvHref={csvHref}
          labels={labels}
          action={
            <Link href="/staff/applications" className={buttonClass('ghost', 'sm')}>
              {t('zoneDashboard.openApplications')}
            </Link>
          }
        >
          <StatsChart
            kind="bar"
            horizontal
            data={d.applications.policies.slice(0, POLICY_MAX).map((p) => ({ name: p.title, submitted: p.submitted, approved: p.approved, rejected: p.rejected, withdrawn: p.withdrawn }))}
            category="name"
            series={(['submitted', 'approved', 'rejected', 'withdrawn'] as const).map((s) => ({ key: s, label: t(`policyUi.app_${s}`), color: STATUS_COLORS[s], stack: 's' }))}
          />
        </DashboardFigure>

        <DashboardFigure
          id="amounts"
          title={t('zoneDashboard.chartAmounts')}
          note={t('zoneDashboard.noteAmounts')}
          badge={d.amounts.demoData ? <DemoDataBadge /> : null}
          head={[t('zoneDashboard.colMonth'), t('zoneDashboard.colAmountYuan'), t('zoneDashboard.colApproved'), t('zoneDashboard.colFinance'), t('zoneDashboard.colNonCash'), t('zoneDashboard.colUnknownAmount')]}
          rows={[
            ...d.amounts.months.map((m) => [m.month, money(m.amount), m.approved, m.financeCeilings, m.nonCash, m.unknownAmount]),
            [t('zoneDashboard.colTotal'), money(d.amounts.total), d.amounts.approved, d.amounts.financeCeilings, d.amounts.nonCash, d.amounts.unknownAmount],
          ]}
          empty={!d.amounts.approved}
          emptyText={t('zoneDashboard.emptyAmounts')}
          csvHref={csvHref}
          labels={labels}
        >
          <StatsChart kind="bar" data={d.amounts.months.map((m) => ({ month: m.month, amount: Number(m.amount) }))} category="month" series={[{ key: 'amount', label: t('zoneDashboard.seriesAmount'), color: '#15803d' }]} />
          {d.amounts.demoData ? <p className="mt-2 text-xs text-orange-900">{t('zoneDashboard.demoNote')}</p> : null}
        </DashboardFigure>

        <DashboardFigure
          id="uptake"
          title={t('zoneDashboard.chartUptake')}
          note={[t('zoneDashboard.noteUptake'), moreNote(uptakeShown.length)].filter(Boolean).join(' ')}
          badge={demoUptake ? <DemoDataBadge /> : null}
          head={[t('zoneDashboard.colPolicy'), t('zoneDashboard.colCode'), t('zoneDashboard.colApplied'), t('zoneDashboard.colEligibleNotApplied'), t('zoneDashboard.colEligibleNow'), t('zoneDashboard.rate')]}
          rows={d.uptake.policies.map((p) => [p.title, p.policyCode, p.applied, p.eligibleNotApplied, p.eligibleNow, pct(p.rate)])}
          empty={!d.uptake.policies.length}
          emptyText={t('zoneDashboard.emptyUptake')}
          csvHref={csvHref}
          labels={labels}
        >
          {uptakeShown.length ? (
            <StatsChart kind="bar" horizontal data={uptakeShown.slice(0, POLICY_MAX).map((p) => ({ name: p.title, rate: Math.round((p.rate ?? 0) * 1000) / 10 }))} category="name" series={[{ key: 'rate', label: `${t('zoneDashboard.rate')} %`, color: '#7c3aed' }]} />
          ) : (
            <p className="rounded-xl bg-ink-50 p-4 text-sm text-ink-700">{t('zoneDashboard.emptyApplications')}</p>
          )}
        </DashboardFigure>
      </div>
    </>
  );
}
