import type { Metadata } from 'next';
import Link from 'next/link';
import { MemberList } from '@/components/party/member-list';
import { membershipLabel } from '@/components/party/labels';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { listPartyMembers } from '@/lib/party/members';
import { listPartyOrgs } from '@/lib/party/orgs';
import { ALERT_CODES, MEMBERSHIP_TYPES, memberListQuery, type MemberListQuery } from '@/lib/party/schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.membersTitle') };
}

const FILTERS = ['q', 'orgId', 'membershipType', 'alert'] as const;
const field = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';

/** Reads the filters from the URL; an invalid value is dropped rather than failing the page. */
function parseQuery(sp: Record<string, string | string[] | undefined>): MemberListQuery {
  const raw: Record<string, string> = {};
  for (const k of [...FILTERS, 'page'] as const) {
    const v = sp[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    if (s) raw[k] = s;
  }
  const parsed = memberListQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return memberListQuery.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

/** 党员名册: the secretary's subtree (the 区委组织部: everyone), masked, filterable; export with purpose and approval. */
export default async function PartyMembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_members.read');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const query = parseQuery(await searchParams);
  const [list, orgs] = await Promise.all([listPartyMembers(actor, query, locale, ip), listPartyOrgs(actor, locale, ip)]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const active = FILTERS.flatMap((k) => (query[k] ? [[k, String(query[k])] as [string, string]] : []));
  const href = (page: number) => `/party/members?${new URLSearchParams([...active, ['page', String(page)]])}`;

  return (
    <>
      <PageHeader
        title={t('party.membersTitle')}
        description={t('party.membersIntro')}
        actions={
          can(actor, 'party_members.register') ? (
            <Link href="/party/members/new" className={buttonClass('primary', 'sm')}>
              {t('party.newMember')}
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card>
            <form method="get" className="grid gap-3 sm:grid-cols-2" aria-label={t('party.filter')}>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-ink-800">{t('party.search')}</span>
                <input name="q" type="search" defaultValue={query.q ?? ''} maxLength={40} className={field} />
              </label>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-ink-800">{t('party.filterOrg')}</span>
                <select name="orgId" defaultValue={query.orgId ?? ''} className={field}>
                  <option value="">{t('party.allOrgs')}</option>
                  {orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-ink-800">{t('party.filterType')}</span>
                <select name="membershipType" defaultValue={query.membershipType ?? ''} className={field}>
                  <option value="">{t('party.allTypes')}</option>
                  {MEMBERSHIP_TYPES.map((m) => (
                    <option key={m} value={m}>
                      {membershipLabel(t, m)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-ink-800">{t('party.filterAlert')}</span>
                <select name="alert" defaultValue={query.alert ?? ''} className={field}>
                  <option value="">{t('party.allAlerts')}</option>
                  {ALERT_CODES.map((a) => (
                    <option key={a} value={a}>
                      {t(`party.alert_${a}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <div className="flex gap-2 sm:col-span-2">
                <button type="submit" className={buttonClass('secondary', 'sm')}>
                  {t('party.filter')}
                </button>
                <Link href="/party/members" className={buttonClass('ghost', 'sm')}>
                  {t('party.reset')}
                </Link>
              </div>
            </form>
          </Card>
          <Card className="overflow-hidden p-0 sm:p-0">
            <p className="border-b border-ink-100 px-4 py-3 text-sm font-medium text-ink-900" data-testid="member-count" aria-live="polite">
              {t('party.count', { n: list.total })}
            </p>
            {list.items.length ? (
              <MemberList items={list.items} t={t} />
            ) : (
              <div className="p-4">
                <EmptyState title={t('party.noMembers')} body={t('party.noMembersBody')} />
              </div>
            )}
            {pages > 1 ? (
              <nav className="flex items-center justify-between border-t border-ink-100 p-3 text-sm" aria-label={t('admin.pagination')}>
                {query.page > 1 ? <Link href={href(query.page - 1)}>← {t('admin.prev')}</Link> : <span />}
                <span>
                  {query.page} / {pages}
                </span>
                {query.page < pages ? <Link href={href(query.page + 1)}>{t('admin.next')} →</Link> : <span />}
              </nav>
            ) : null}
          </Card>
        </div>
        {can(actor, 'party_members.export') ? (
          <aside>
            <Card>
              <h2 className="font-semibold text-ink-900">{t('party.export')}</h2>
              <p className="mb-3 mt-1 text-sm text-ink-600">{t('party.exportHint')}</p>
              <form method="get" action="/api/v1/party/members/export" target="_blank" className="space-y-3" aria-label={t('party.export')} data-testid="party-export-form">
                {active.map(([k, v]) => (
                  <input key={k} type="hidden" name={k} value={v} />
                ))}
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-ink-800">{t('party.exportPurpose')}</span>
                  <input name="purpose" required minLength={4} maxLength={200} placeholder={t('party.exportPurposePlaceholder')} className={field} />
                </label>
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-ink-800">{t('party.approvalRef')}</span>
                  <input name="approvalRef" required minLength={2} maxLength={100} placeholder={t('party.approvalRefPlaceholder')} className={field} />
                </label>
                <button type="submit" className={buttonClass('secondary')}>
                  {t('party.exportButton')}
                </button>
              </form>
            </Card>
          </aside>
        ) : null}
      </div>
    </>
  );
}
