import type { Metadata } from 'next';
import { CraftOptions } from '@/components/talent/craft-options';
import Link from 'next/link';
import { Suspense } from 'react';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { craftLabel } from '@/components/talent/labels';
import { ShowcaseCard } from '@/components/talent/showcase-card';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale, Translator } from '@/lib/i18n';
import { listShowcases, type showcaseQuery } from '@/lib/talent/showcase';

export function showcaseDirectoryMetadata(t: Translator): Metadata {
  return { title: t('showcase.directoryTitle'), description: t('showcase.directorySubtitle') };
}

export type ShowcaseQuery = ReturnType<typeof showcaseQuery.parse>;

/**
 * Public directory of opt-in showcases (no login), filterable by craft (?craft=). Rendered by the request-time page
 * and by the cached copy anonymous visitors get for /showcases (app/(cached), ADR 019).
 */
export function ShowcaseDirectoryView({ t, locale, actor, query }: { t: Translator; locale: Locale; actor: Actor | null; query: ShowcaseQuery }) {
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:py-12">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.district')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{t('showcase.directoryTitle')}</h1>
          <p className="mt-2 max-w-2xl text-ink-600">{t('showcase.directorySubtitle')}</p>
        </div>
        <form method="get" className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end" role="search" aria-label={t('showcase.filter')}>
          <label className="block flex-1 text-sm sm:max-w-xs">
            <span className="mb-1 block font-medium text-ink-800">{t('showcase.filterCraft')}</span>
            <select name="craft" defaultValue={query.craft ?? ''} className="block min-h-11 w-full rounded-lg bg-white px-3 ring-1 ring-inset ring-ink-300">
              <option value="">{t('showcase.allCrafts')}</option>
              <CraftOptions locale={locale} />
            </select>
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass('primary')}>
              {t('showcase.apply')}
            </button>
            {query.craft ? (
              <Link href="/showcases" className={buttonClass('ghost')}>
                {t('showcase.clear')}
              </Link>
            ) : null}
          </div>
        </form>
        <Suspense key={`${query.craft ?? ''}:${query.page}`} fallback={<ListSkeleton label={t('errors.loading')} rows={8} grid />}>
          <Directory query={query} t={t} locale={locale} />
        </Suspense>
      </main>
      <SiteFooter t={t} />
    </>
  );
}

async function Directory({ query, t, locale }: { query: ShowcaseQuery; t: Translator; locale: Locale }) {
  const list = await listShowcases(query);
  const href = (page: number) => `/showcases?${new URLSearchParams({ ...(query.craft ? { craft: query.craft } : {}), page: String(page) })}`;
  if (list.items.length === 0)
    return (
      <EmptyState
        title={query.craft ? t('showcase.noneForCraft', { craft: craftLabel(query.craft, locale) }) : t('showcase.none')}
        body={t('showcase.noneBody')}
        icon="🏺"
      />
    );
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="showcase-grid">
        {list.items.map((item) => (
          <ShowcaseCard key={item.slug} item={item} t={t} locale={locale} />
        ))}
      </ul>
      {query.page > 1 || list.items.length === query.pageSize ? (
        <nav className="mt-6 flex items-center justify-between text-sm" aria-label={t('admin.pagination')}>
          {query.page > 1 ? (
            <Link href={href(query.page - 1)} className={buttonClass('secondary', 'sm')}>
              ← {t('admin.prev')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-ink-600">{t('showcase.page', { n: query.page })}</span>
          {list.items.length === query.pageSize ? (
            <Link href={href(query.page + 1)} className={buttonClass('secondary', 'sm')}>
              {t('admin.next')} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
