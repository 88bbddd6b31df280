import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ExportPanel, FILTER_KEYS, filterEntries, TalentFilterForm, type TalentFilters } from '@/components/staff/talent-filters';
import { TalentList } from '@/components/staff/talent-list';
import { ListSkeleton } from '@/components/talent/skeleton';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can, type Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listTalents } from '@/lib/talent/directory';
import { talentListQuery, type TalentListQuery } from '@/lib/talent/schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('staff.talentsTitle') };
}

/** Reads the filters from the URL; an invalid value is dropped rather than failing the whole page. */
function parseQuery(sp: Record<string, string | string[] | undefined>): TalentListQuery {
  const raw: Record<string, string> = {};
  for (const k of [...FILTER_KEYS, 'page'] as const) {
    const v = sp[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    if (s) raw[k] = s;
  }
  const parsed = talentListQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return talentListQuery.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

export default async function StaffTalentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('talents.read');
  const { t, locale } = await getTranslator();
  const query = parseQuery(await searchParams);
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  return (
    <>
      <PageHeader title={t('staff.talentsTitle')} description={t('staff.talentsSubtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card>
            <TalentFilterForm filters={filters} t={t} locale={locale} />
          </Card>
          <Card className="overflow-hidden p-0 sm:p-0">
            <Suspense key={JSON.stringify(query)} fallback={<div className="p-4"><ListSkeleton label={t('errors.loading')} rows={5} /></div>}>
              <Results actor={actor} query={query} filters={filters} />
            </Suspense>
          </Card>
        </div>
        <aside className="space-y-6">
          {can(actor, 'talents.export') ? (
            <Card>
              <h2 className="font-semibold text-ink-900">{t('staff.export')}</h2>
              <p className="mb-3 mt-1 text-sm text-ink-600">{t('staff.exportHint')}</p>
              <ExportPanel filters={filters} t={t} />
            </Card>
          ) : null}
          {can(actor, 'evidence.read') ? (
            <Card>
              <h2 className="font-semibold text-ink-900">{t('staff.verificationTitle')}</h2>
              <p className="mb-3 mt-1 text-sm text-ink-600">{t('staff.verificationTeaser')}</p>
              <Link href="/staff/verification" className="text-sm font-medium text-brand-700 hover:underline">
                {t('staff.openQueue')} →
              </Link>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}

async function Results({ actor, query, filters }: { actor: Actor; query: TalentListQuery; filters: TalentFilters }) {
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const list = await listTalents(actor, query, ip);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (page: number) => `/staff/talents?${new URLSearchParams([...filterEntries(filters), ['page', String(page)]])}`;
  return (
    <>
      <div className="flex items-center justify-between border-b border-ink-100 px-4 py-3 text-sm">
        <p className="font-medium text-ink-900" data-testid="talent-count" aria-live="polite">
          {t('staff.count', { n: list.total })}
        </p>
        {pages > 1 ? <p className="text-ink-600">{t('staff.pageOf', { n: query.page, total: pages })}</p> : null}
      </div>
      {list.items.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t('staff.noTalents')} body={filterEntries(filters).length ? t('staff.noTalentsFiltered') : t('staff.noTalentsBody')} />
        </div>
      ) : (
        <TalentList items={list.items} t={t} locale={locale} />
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
    </>
  );
}
