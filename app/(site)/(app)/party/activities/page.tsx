import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateActivityForm } from '@/components/party/activity-forms';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listActivities } from '@/lib/party/activities';
import { partyToday } from '@/lib/party/members';
import { daysInMonth } from '@/lib/talent/dates';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyActivities.listTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const shift = (month: string, n: number) => {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** 组织生活: a month's activities of the secretary's organisations, with the form to record one. */
export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_activities.read');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const { month: current, todayIso } = partyToday();
  const m = one(sp.month);
  const month = m && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) ? m : current;
  const orgParam = one(sp.orgId);
  const orgId = orgParam && UUID.test(orgParam) ? orgParam : undefined;
  const from = `${month}-01`;
  const to = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
  const list = await loadForPage(listActivities(actor, { orgId, from, to }, { ip, locale }));
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams(Object.entries({ orgId, month, ...over }).filter((e): e is [string, string] => !!e[1]));
    return `/party/activities?${p}`;
  };
  const creatable = list.orgs.filter((o) => o.canCreate);
  return (
    <>
      <PageHeader title={t('partyActivities.listTitle')} description={t('partyActivities.listIntro')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <form method="get" className="grid gap-3 sm:grid-cols-[1fr_11rem_auto] sm:items-end" aria-label={t('partyActivities.listTitle')}>
            {list.orgs.length > 1 ? (
              <label className="block text-sm font-medium text-ink-900">
                {t('partyActivities.orgLabel')}
                <select name="orgId" defaultValue={orgId ?? ''} className={`${field} mt-1`}>
                  <option value="">{t('partyActivities.allOrgs')}</option>
                  {list.orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span />
            )}
            <label className="block text-sm font-medium text-ink-900">
              {t('partyActivities.month')}
              <input type="month" name="month" defaultValue={month} className={`${field} mt-1`} />
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              {t('partyActivities.show')}
            </button>
          </form>
          <nav className="flex items-center justify-between text-sm" aria-label={t('partyActivities.month')}>
            <Link href={href({ month: shift(month, -1) })} className="rounded-lg px-2 py-2 font-medium text-brand-700 hover:underline">
              ← {t('partyActivities.prevMonth')}
            </Link>
            <span className="font-semibold text-ink-900">{month}</span>
            <Link href={href({ month: shift(month, 1) })} className="rounded-lg px-2 py-2 font-medium text-brand-700 hover:underline">
              {t('partyActivities.nextMonth')} →
            </Link>
          </nav>
          {list.items.length ? (
            <ul className="space-y-3" data-testid="activity-list">
              {list.items.map((a) => (
                <li key={a.id}>
                  <Link href={`/party/activities/${a.id}`} className="block rounded-xl focus-visible:outline-2 focus-visible:outline-brand-700">
                    <Card className="space-y-1 hover:ring-brand-300">
                      <div className="flex flex-wrap items-center gap-2 text-sm">
                        <time dateTime={a.date} className="tabular-nums text-ink-700">
                          {a.date}
                        </time>
                        <Badge tone="info">{t(`partyActivities.type_${a.type}`)}</Badge>
                        {a.votingItems ? <Badge tone="warning">{t('partyActivities.voting')}</Badge> : null}
                      </div>
                      <p className="font-medium text-ink-900">{a.topic}</p>
                      <p className="flex flex-wrap gap-x-3 text-sm text-ink-600">
                        <span>{a.orgName}</span>
                        <span>{t('partyActivities.attendees', { n: a.attendees })}</span>
                        {a.pending ? <span className="text-amber-800">{t('partyActivities.pending', { n: a.pending })}</span> : null}
                      </p>
                    </Card>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('partyActivities.empty')} body={creatable.length ? t('partyActivities.emptyBody') : ''} />
          )}
        </div>
        <aside>
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('partyActivities.createTitle')}</h2>
            <CreateActivityForm orgs={creatable.map((o) => ({ id: o.id, name: o.name, isTemporary: o.isTemporary }))} today={todayIso} />
          </Card>
        </aside>
      </div>
    </>
  );
}
