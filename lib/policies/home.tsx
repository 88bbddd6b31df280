import 'server-only';
import Link from 'next/link';
import { daysSince, QueueCard } from '@/components/home/queue-card';
import { DemoDataBadge } from '@/components/policy/badges';
import { bi, estimatedTotal, formatAmount, formatDate, questionText } from '@/components/policy/format';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { AppError } from '@/lib/http/errors';
import { now } from '@/lib/clock';
import { listApplications, listMyApplications } from './applications';
import { zoneDashboardSummary } from './dashboard';
import { myMatches, todayIso } from './service';

/** The policy domain's 工作台 cards for a talent: policies at a glance and my applications (issue 13 §1). */

const SOON_DAYS = 90;
const ENDING_DAYS = 60;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function PoliciesCard({ actor, t, locale, ip }: HomeCardContext) {
  // Counts, dates and the next question only: no per-criterion sentences to build.
  const data = await myMatches(actor, { ip, explain: false }).catch((err) => {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return null;
    throw err;
  });
  if (!data) {
    return (
      <Card data-testid="home-policies">
        <h2 className="font-semibold text-ink-900">{t('home.policiesTitle')}</h2>
        <p className="mt-1 text-sm text-ink-600">{t('home.policiesNoProfile')}</p>
        <Link href="/policies" className={`${buttonClass('secondary', 'sm')} mt-4`}>
          {t('home.policiesBrowse')}
        </Link>
      </Card>
    );
  }
  const today = todayIso();
  const eligible = data.results.filter((r) => r.status === 'ELIGIBLE');
  const total = estimatedTotal(data.results);
  const soon = data.results
    .filter((r) => r.status === 'NEAR_MISS' && r.nearMiss?.eligibleFrom && r.nearMiss.eligibleFrom <= addDays(today, SOON_DAYS))
    .sort((a, b) => a.nearMiss!.eligibleFrom!.localeCompare(b.nearMiss!.eligibleFrom!))
    .slice(0, 3);
  const ending = eligible
    .filter((r) => r.validUntil && r.validUntil <= addDays(today, ENDING_DAYS))
    .sort((a, b) => a.validUntil!.localeCompare(b.validUntil!))
    .slice(0, 3);
  const next = data.nextQuestion;
  const affects = next ? data.results.filter((r) => r.missingFields.includes(next)).length : 0;
  const demo = eligible.some((r) => r.demoData);
  return (
    <Card data-testid="home-policies">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-ink-900">{t('home.policiesTitle')}</h2>
        {demo ? <DemoDataBadge /> : null}
      </div>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <span className="text-2xl font-semibold text-emerald-800">{t('home.policiesEligible', { n: eligible.length })}</span>
        {total > 0 ? <span className="text-sm text-ink-700">{t('home.policiesTotal', { amount: formatAmount(total, locale) })}</span> : null}
      </p>
      {total > 0 ? <p className="mt-1 text-xs text-ink-600">{t('home.policiesTotalHint')}</p> : null}
      {next ? <p className="mt-3 text-sm font-medium text-ink-900">{t('home.policiesNext', { question: questionText(next, t, locale), n: affects })}</p> : null}
      {soon.length ? (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-ink-800">{t('home.policiesSoon')}</h3>
          <ul className="mt-1 space-y-1 text-sm text-ink-700">
            {soon.map((r) => (
              <li key={r.policyCode}>{t('home.policiesSoonItem', { title: bi(r.title, locale), date: formatDate(r.nearMiss!.eligibleFrom!, locale) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {ending.length ? (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-ink-800">{t('home.policiesEnding')}</h3>
          <ul className="mt-1 space-y-1 text-sm text-ink-700">
            {ending.map((r) => (
              <li key={r.policyCode}>{t('home.policiesEndingItem', { title: bi(r.title, locale), date: formatDate(r.validUntil!, locale) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Link href="/my-policies" className={`${buttonClass('primary', 'sm')} mt-4`}>
        {t('home.policiesOpen')}
      </Link>
    </Card>
  );
}

const APP_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
const APP_TONE = { submitted: 'info', approved: 'success', rejected: 'danger', withdrawn: 'neutral' } as const;

async function ApplicationsCard({ actor, t, ip }: HomeCardContext) {
  const { items } = await listMyApplications(actor, { ip });
  const counts = Object.fromEntries(APP_STATUSES.map((s) => [s, items.filter((a) => a.status === s).length])) as Record<(typeof APP_STATUSES)[number], number>;
  return (
    <Card data-testid="home-applications">
      <h2 className="font-semibold text-ink-900">{t('home.applicationsTitle')}</h2>
      {items.length ? (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label={t('home.applicationsTitle')}>
          {APP_STATUSES.filter((s) => counts[s] > 0).map((s) => (
            <li key={s}>
              <Badge tone={APP_TONE[s]}>
                {t(`policyUi.app_${s}`)} {counts[s]}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-ink-600">{t('home.applicationsEmpty')}</p>
      )}
      <Link href={items.length ? '/applications' : '/my-policies'} className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {items.length ? t('home.applicationsOpen') : t('home.policiesOpen')}
      </Link>
    </Card>
  );
}

/** Zone staff: applications waiting for a decision in my zone, oldest first. */
async function StaffApplicationsCard({ actor, t, locale, ip }: HomeCardContext) {
  const { items } = await listApplications(actor, { status: 'submitted', limit: 200 }, { ip });
  const oldestFirst = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const at = now().getTime();
  const oldest = oldestFirst[0] ? daysSince(oldestFirst[0].createdAt, at) : 0;
  return (
    <QueueCard
      testId="home-staff-applications"
      title={t('home.staffAppsTitle')}
      summary={t('home.staffAppsCount', { n: items.length })}
      empty={t('home.staffAppsEmpty')}
      oldestBadge={items.length && oldest > 0 ? t('home.oldestWaiting', { n: oldest }) : null}
      items={oldestFirst.map((a) => ({ id: a.id, href: `/staff/applications/${a.id}`, title: `${a.talent?.name ?? ''} · ${bi(a.policyTitle, locale)}`, meta: t('home.waitingDays', { n: daysSince(a.createdAt, at) }) }))}
      href="/staff/applications"
      open={t('home.staffAppsOpen')}
    />
  );
}

/** Zone staff: the zone's headline figures of the last 30 days, and the way to the 数据看板. */
async function ZoneFiguresCard({ actor, t, locale, ip }: HomeCardContext) {
  const s = await zoneDashboardSummary(actor, { ip, locale });
  if (!s) return null;
  const empty = !s.registrations && !s.queue && !s.applications && s.approvedAmount === '0.00';
  const figures = [t('zoneDashboard.homeRegistrations', { n: s.registrations }), t('zoneDashboard.homeQueue', { n: s.queue }), t('zoneDashboard.homeApplications', { n: s.applications }), t('zoneDashboard.homeAmount', { amount: formatAmount(Number(s.approvedAmount), locale) })];
  return (
    <Card data-testid="home-zone-figures">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-ink-900">{t('zoneDashboard.homeTitle')}</h2>
        {s.demoData ? <DemoDataBadge /> : null}
      </div>
      {empty ? (
        <p className="mt-1 text-sm text-ink-600">{t('zoneDashboard.homeEmpty')}</p>
      ) : (
        <ul className="mt-3 grid grid-cols-2 gap-2 text-sm text-ink-800">
          {figures.map((f) => (
            <li key={f} className="rounded-lg bg-ink-50 px-3 py-2 tabular-nums">
              {f}
            </li>
          ))}
        </ul>
      )}
      <Link href="/staff/dashboard" className={`${buttonClass('primary', 'sm')} mt-4`}>
        {t('zoneDashboard.homeOpen')}
      </Link>
    </Card>
  );
}

export const policyHomeCards = defineHomeCards([
  { id: 'policies.staff_applications', order: 10, permission: 'applications.review', render: (ctx) => StaffApplicationsCard(ctx) },
  { id: 'policies.zone_figures', order: 11, permission: 'zones.read', render: (ctx) => ZoneFiguresCard(ctx) },
  { id: 'policies.glance', order: 12, permission: 'matches.read_own', render: (ctx) => PoliciesCard(ctx) },
  { id: 'policies.applications', order: 20, permission: 'applications.read_own', render: (ctx) => ApplicationsCard(ctx) },
]);
