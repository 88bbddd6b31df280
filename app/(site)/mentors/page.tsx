import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { MentorCard } from '@/components/mentors/mentor-card';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { CraftOptions } from '@/components/talent/craft-options';
import { districtLabel } from '@/components/talent/labels';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { getActor } from '@/lib/auth/current';
import { can } from '@/lib/auth/permissions';
import { getTranslator } from '@/lib/i18n/server';
import { mentorListQuery, type MentorListQuery } from '@/lib/mentors/schemas';
import { listMentors } from '@/lib/mentors/service';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mentors.title'), description: t('mentors.subtitle') };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** 大师与导师: the public directory (no login), filterable by craft, district and 收徒 (?craft=&district=&accepting=). */
export default async function MentorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t, locale }, actor, sp] = await Promise.all([getTranslator(), getActor(), searchParams]);
  const parsed = mentorListQuery.safeParse({ craft: first(sp.craft), district: first(sp.district), accepting: first(sp.accepting), page: first(sp.page) });
  const query = parsed.success ? parsed.data : mentorListQuery.parse({});
  const filtered = !!(query.craft || query.district || query.accepting !== undefined);
  const selectClass = 'block min-h-11 w-full rounded-lg bg-white px-3 ring-1 ring-inset ring-ink-300';
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.district')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{t('mentors.title')}</h1>
          <p className="mt-2 max-w-2xl text-ink-600">{t('mentors.subtitle')}</p>
          {actor && can(actor, 'mentorships.use') ? (
            <Link href="/my-mentorships" className={`${buttonClass('secondary', 'sm')} mt-3`}>
              {t('mentors.navMine')}
            </Link>
          ) : null}
        </div>
        <form method="get" className="mb-6 grid gap-2 sm:grid-cols-4 sm:items-end" role="search" aria-label={t('mentors.filter')}>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('mentors.filterCraft')}</span>
            <select name="craft" defaultValue={query.craft ?? ''} className={selectClass}>
              <option value="">{t('mentors.allCrafts')}</option>
              <CraftOptions locale={locale} />
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('mentors.filterDistrict')}</span>
            <select name="district" defaultValue={query.district ?? ''} className={selectClass}>
              <option value="">{t('mentors.allDistricts')}</option>
              {JDZ_DISTRICT_OPTIONS.map((d) => (
                <option key={d} value={d}>
                  {districtLabel(d, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('mentors.filterAccepting')}</span>
            <select name="accepting" defaultValue={query.accepting === undefined ? '' : query.accepting ? '1' : '0'} className={selectClass}>
              <option value="">{t('mentors.acceptingAny')}</option>
              <option value="1">{t('mentors.acceptingYes')}</option>
              <option value="0">{t('mentors.acceptingNo')}</option>
            </select>
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass('primary')}>
              {t('mentors.apply')}
            </button>
            {filtered ? (
              <Link href="/mentors" className={buttonClass('ghost')}>
                {t('mentors.clear')}
              </Link>
            ) : null}
          </div>
        </form>
        <Suspense key={JSON.stringify(query)} fallback={<ListSkeleton label={t('errors.loading')} rows={6} grid />}>
          <Directory query={query} />
        </Suspense>
      </main>
      <SiteFooter t={t} />
    </>
  );
}

async function Directory({ query }: { query: MentorListQuery }) {
  const [{ t, locale }, list] = await Promise.all([getTranslator(), listMentors(query)]);
  const href = (page: number) =>
    `/mentors?${new URLSearchParams({ ...(query.craft ? { craft: query.craft } : {}), ...(query.district ? { district: query.district } : {}), ...(query.accepting !== undefined ? { accepting: query.accepting ? '1' : '0' } : {}), page: String(page) })}`;
  if (list.items.length === 0) return <EmptyState title={t('mentors.none')} body={t('mentors.noneBody')} icon="🏺" />;
  const more = query.page * query.pageSize < list.total;
  return (
    <>
      <p className="mb-3 text-sm text-ink-600" data-testid="mentor-total">
        {t('mentors.total', { n: list.total })}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="mentor-grid">
        {list.items.map((item) => (
          <MentorCard key={item.id} item={item} t={t} locale={locale} />
        ))}
      </ul>
      {query.page > 1 || more ? (
        <nav className="mt-6 flex items-center justify-between text-sm" aria-label={t('mentors.page', { n: query.page })}>
          {query.page > 1 ? (
            <Link href={href(query.page - 1)} className={buttonClass('secondary', 'sm')}>
              ← {t('mentors.prev')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-ink-600">{t('mentors.page', { n: query.page })}</span>
          {more ? (
            <Link href={href(query.page + 1)} className={buttonClass('secondary', 'sm')}>
              {t('mentors.next')} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
