import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { MemberDuesPanel } from '@/components/party/dues-sections';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getCollection } from '@/lib/party/dues';
import { collectionQuery } from '@/lib/party/dues-schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyDues.collectionTitle') };
}

const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * 党费收缴: a month's collection for the secretary's organisation — formal members and the mobile members accepted
 * here, paid or not (and where), the exact total paid to it; ?member= opens one member's ledger with the record form
 * (the 流入地 sees amounts of its own months only).
 */
export default async function DuesCollectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_dues.read');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const parsed = collectionQuery.safeParse({ orgId: one(sp.orgId), month: one(sp.month) });
  const query = parsed.success ? parsed.data : {};
  const memberId = z.uuid().safeParse(one(sp.member)).data;
  const c = await loadForPage(getCollection(actor, query, { ip, locale }));
  const selected = memberId ? c.rows.find((r) => r.memberId === memberId) : undefined;
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams(Object.entries({ orgId: query.orgId, month: query.month, ...over }).filter((e): e is [string, string] => !!e[1]));
    return `/party/dues${p.size ? `?${p}` : ''}`;
  };
  return (
    <>
      <PageHeader title={t('partyDues.collectionTitle')} description={t('partyDues.collectionIntro')} />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" aria-label={t('partyDues.collectionTitle')}>
        {c.orgs.length > 1 ? (
          <label className="block text-sm font-medium text-ink-900">
            {t('partyDues.orgLabel')}
            <select name="orgId" defaultValue={c.orgId} className={`${field} mt-1`}>
              {c.orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="text-sm font-medium text-ink-900">{c.orgName}</p>
        )}
        <label className="block text-sm font-medium text-ink-900">
          {t('partyDues.monthLabel')}
          <input type="month" name="month" defaultValue={c.month} max={c.currentMonth} className={`${field} mt-1`} />
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          {t('partyDues.show')}
        </button>
      </form>

      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <Card className="space-y-4">
          <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="dues-totals">
            <Badge tone="success">{t('partyDues.paidCount', { n: c.paidCount })}</Badge>
            <Badge tone={c.unpaidCount ? 'warning' : 'neutral'}>{t('partyDues.unpaidCount', { n: c.unpaidCount })}</Badge>
            <span className="ml-auto text-ink-700">
              {t('partyDues.totalCollected')} <strong className="tabular-nums text-ink-900">¥{c.totalCollected}</strong>
            </span>
          </div>
          {c.rows.length ? (
            <ul className="divide-y divide-ink-100" data-testid="dues-collection">
              {c.rows.map((r) => (
                <li key={r.memberId} className="py-3">
                  <Link href={href({ member: r.memberId })} className="flex flex-wrap items-center justify-between gap-2 rounded-lg focus-visible:outline-2 focus-visible:outline-brand-700" aria-current={r.memberId === memberId ? 'true' : undefined}>
                    <span className="font-medium text-ink-900">
                      {r.name} <span className="text-xs font-normal text-ink-600">{t(`partyDues.relation_${r.relation}`)}</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2 text-sm">
                      <Badge tone={r.paid ? 'success' : 'warning'}>{t(r.paid ? (r.paidBeforeLedger ? 'partyDues.status_paid_before_ledger' : 'partyDues.status_paid') : 'partyDues.status_unpaid')}</Badge>
                      {r.collectingOrgName && !r.atThisOrg ? <span className="text-ink-700">{t('partyDues.paidAt', { org: r.collectingOrgName })}</span> : null}
                      {r.amount ? <span className="tabular-nums">¥{r.amount}</span> : null}
                      {r.monthsUnpaid ? <span className="text-xs text-red-700">{t('partyDues.col_unpaid')} {t('partyDues.monthsUnpaidN', { n: r.monthsUnpaid })}</span> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t('partyDues.noMembers')} body="" />
          )}
        </Card>
        <aside>
          {selected ? (
            <Card>
              <h2 className="mb-3 font-semibold text-ink-900">{selected.name}</h2>
              <MemberDuesPanel actor={actor} memberId={selected.memberId} t={t} locale={locale} ip={ip} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
