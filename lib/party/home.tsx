import 'server-only';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { formatDate } from '@/lib/i18n/format';
import { memberAlertSummary, myPartySummary } from './members';
import { listPartyOrgs } from './orgs';
import { ALERT_CODES } from './schemas';
import { listTransfers } from './transfers';
import { districtSummary, getStatsOverview } from './stats';

/** The Party domain's cards on the 工作台 (lib/home/registry.ts): what waits on me, member alerts, my organisation. */

async function TransferQueueCard({ actor, t, locale, ip }: HomeCardContext) {
  const { items } = await listTransfers(actor, 'mine', { ip, locale });
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <Card data-testid="home-party-queue">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold text-ink-900">{t('party.homeQueueTitle')}</h2>
          <p className="mt-1 text-sm text-ink-600">{items.length ? t('party.homeQueueCount', { n: items.length, overdue }) : t('party.homeQueueEmpty')}</p>
        </div>
        {overdue ? <Badge tone="danger">{t('party.homeOverdue', { n: overdue })}</Badge> : null}
      </div>
      {items.length ? (
        <ul className="mt-3 divide-y divide-ink-100">
          {items.slice(0, 5).map((i) => (
            <li key={i.id} className="py-2">
              <Link href={`/party/transfers/${i.id}`} className="flex flex-wrap items-center justify-between gap-2 rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                <span className="font-medium text-ink-900">
                  {i.memberName} · {i.stateName}
                </span>
                <span className={i.overdue ? 'font-medium text-red-800' : 'text-ink-600'}>
                  {i.stepDeadline ? t(i.overdue ? 'party.homeDeadlinePassed' : 'party.homeDeadline', { date: formatDate(new Date(i.stepDeadline), locale) }) : (i.toOrgName ?? '')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link href="/party/transfers" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('party.homeQueueOpen')}
      </Link>
    </Card>
  );
}

async function MemberAlertsCard({ actor, t, ip }: HomeCardContext) {
  const s = await memberAlertSummary(actor, ip);
  const shown = ALERT_CODES.filter((c) => s.byAlert[c] > 0);
  return (
    <Card data-testid="home-party-alerts">
      <h2 className="font-semibold text-ink-900">{t('party.homeAlertsTitle')}</h2>
      <p className="mt-1 text-sm text-ink-600">{t('party.homeAlertsTotal', { n: s.total })}</p>
      {shown.length ? (
        <ul className="mt-3 space-y-2">
          {shown.map((c) => (
            <li key={c}>
              <Link href={`/party/members?alert=${c}`} className="flex items-center justify-between rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                <span>{t(`party.alert_${c}`)}</span>
                <Badge tone={c === 'LAPSE_RISK' || c === 'LOST_CONTACT' ? 'danger' : c === 'OPEN_TRANSFER' ? 'info' : 'warning'}>{s.byAlert[c]}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-ink-700">{t('party.homeAlertsNone')}</p>
      )}
      <Link href="/party/members" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('party.homeMembersOpen')}
      </Link>
    </Card>
  );
}

async function OrgTreeCard({ actor, t, locale, ip }: HomeCardContext) {
  const orgs = await listPartyOrgs(actor, locale, ip);
  if (!orgs.length) return null;
  const top = Math.min(...orgs.map((o) => o.depth));
  return (
    <Card data-testid="home-party-orgs">
      <h2 className="font-semibold text-ink-900">{t('dashboard.orgTree')}</h2>
      <ul className="mt-3 divide-y divide-ink-100" data-testid="org-tree">
        {orgs.slice(0, 12).map((o) => (
          <li key={o.id} className="flex items-center justify-between gap-2 py-2 text-sm" style={{ paddingLeft: `${Math.max(0, o.depth - top) * 1}rem` }}>
            <span>{o.name}</span>
            <Badge>{o.code}</Badge>
          </li>
        ))}
      </ul>
      <Link href="/party/orgs" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('party.homeOrgsOpen', { n: orgs.length })}
      </Link>
    </Card>
  );
}

async function MyPartyCard({ actor, t, locale, ip }: HomeCardContext) {
  const mine = await myPartySummary(actor, locale, ip);
  if (!mine) return null;
  return (
    <Card data-testid="home-party-mine">
      <h2 className="font-semibold text-ink-900">{t('party.mineTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('party.homeMineOrg', { org: mine.orgName })}</p>
      {mine.openTransferId ? <p className="mt-2 text-sm text-ink-700">{t('party.homeMineTransfer')}</p> : null}
      <Link href="/my-party" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('party.homeMineOpen')}
      </Link>
    </Card>
  );
}

/** 流动党员看板 in brief (branch secretaries): awaiting 报到, overdue, lapse watch, this month's dues. */
async function MobileDashboardCard({ actor, t, locale, ip }: HomeCardContext) {
  // A secretary without an organisation (being set up) has no dashboard: no card rather than a broken 工作台.
  if (!actor.orgId) return null;
  const o = await getStatsOverview(actor, {}, { ip, locale });
  const figures: [string, number, 'danger' | 'warning' | 'neutral'][] = [
    [t('partyStats.awaitingTitle'), o.awaiting.total, 'neutral'],
    [t('partyStats.overdueTitle'), o.awaiting.overdue, o.awaiting.overdue ? 'danger' : 'neutral'],
    [t('partyStats.lapseTitle'), o.lapse.total, o.lapse.total ? 'warning' : 'neutral'],
  ];
  return (
    <Card data-testid="home-party-stats">
      <h2 className="font-semibold text-ink-900">{t('partyStats.homeSecretaryTitle')}</h2>
      <p className="mt-1 text-sm text-ink-600">{o.orgName}</p>
      <ul className="mt-3 grid grid-cols-3 gap-2 text-center">
        {figures.map(([label, n, tone]) => (
          <li key={label} className="rounded-lg bg-ink-50 p-2">
            <span className="block text-xs text-ink-700">{label}</span>
            <strong className={`block text-xl tabular-nums ${tone === 'danger' ? 'text-red-800' : tone === 'warning' ? 'text-amber-800' : 'text-ink-900'}`}>{n}</strong>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-ink-700">
        {t('partyStats.duesTitle')}: {t('partyStats.duesSummary', { paid: o.dues.paid, unpaid: o.dues.unpaid })}
      </p>
      <Link href="/party/dashboard" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('partyStats.homeOpenDashboard')}
      </Link>
    </Card>
  );
}

/** 全区流动党员 in brief (区委组织部): on record, accepted, lapse watch, lost contact, the 12 months' 报到 rate. */
async function DistrictSummaryCard({ actor, t, locale, ip }: HomeCardContext) {
  const d = await districtSummary(actor, { ip, locale });
  return (
    <Card data-testid="home-party-district">
      <h2 className="font-semibold text-ink-900">{t('partyStats.homeDistrictTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('partyStats.homeDistrictSummary', { open: d.open, accepted: d.accepted, lapse: d.lapseWatch, lost: d.lostContact })}</p>
      {d.reportRate !== null ? <p className="mt-2 text-sm text-ink-700">{t('partyStats.homeReportRate', { rate: d.reportRate })}</p> : null}
      <Link href="/party/district" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('partyStats.homeOpenDistrict')}
      </Link>
    </Card>
  );
}

export const partyHomeCards = defineHomeCards([
  { id: 'party.queue', order: 10, permission: 'party_transfers.read', render: (ctx) => TransferQueueCard(ctx) },
  { id: 'party.alerts', order: 20, permission: 'party_members.read', render: (ctx) => MemberAlertsCard(ctx) },
  { id: 'party.orgs', order: 30, permission: 'party_orgs.read', render: (ctx) => OrgTreeCard(ctx) },
  { id: 'party.mine', order: 40, permission: 'party_record.read_own', render: (ctx) => MyPartyCard(ctx) },
  { id: 'party.stats', order: 15, roles: ['branch_secretary'], render: (ctx) => MobileDashboardCard(ctx) },
  { id: 'party.district', order: 15, permission: 'party_stats.district', render: (ctx) => DistrictSummaryCard(ctx) },
]);
