import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoDataBadge } from '@/components/policy/badges';
import { Highlighted } from '@/components/search/highlighted';
import { displayableFacetValue, facetLabel, facetValueLabel } from '@/components/search/facet-labels';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { buttonClass } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { getActor } from '@/lib/auth/current';
import { AppError } from '@/lib/http/errors';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { searchQuery, SEARCH_INDEX_NAMES, type SearchResponse } from '@/lib/search/schemas';
import { searchForPage } from '@/lib/search/service';
import { INDEX_SETTINGS } from '@/lib/search/settings';
import { localiseMessage } from '@/lib/validation';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('search.title'), description: t('search.intro') };
}

type Index = (typeof SEARCH_INDEX_NAMES)[number];
const PER_PAGE = 20;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** 搜索 (public, issue 12 §4): full results for policies or mentors, with facet filters, sort and pages. */
export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const [{ t, locale }, actor, sp] = await Promise.all([getTranslator(), getActor(), searchParams]);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const index: Index = first(sp.index) === 'mentors' ? 'mentors' : 'policies';
  const q = first(sp.q).slice(0, 200);
  const sortRaw = first(sp.sort);
  const page = Math.max(1, Math.min(1000, Number.parseInt(first(sp.page) || '1', 10) || 1));
  const settings = INDEX_SETTINGS[index];
  const chosen: Record<string, string[]> = Object.fromEntries(settings.facets.map((f) => [f, all(sp[`f_${f}`]).slice(0, 20)]));
  const sorts: { value: string; label: MessageKey }[] =
    index === 'policies'
      ? [
          { value: '', label: 'search.sortRelevance' },
          { value: 'effectiveFrom:desc', label: 'search.sortNewest' },
        ]
      : [
          { value: '', label: 'search.sortRelevance' },
          { value: 'name:asc', label: 'search.sortName' },
        ];
  const sort = sorts.some((s) => s.value === sortRaw) ? sortRaw : '';

  const href = (over: { index?: Index; page?: number; toggle?: [string, string]; clear?: boolean; sort?: string }) => {
    const p = new URLSearchParams();
    const idx = over.index ?? index;
    if (q) p.set('q', q);
    if (idx !== 'policies') p.set('index', idx);
    if (idx === index && !over.clear) {
      for (const [f, vs] of Object.entries(chosen)) {
        let next = vs;
        if (over.toggle && over.toggle[0] === f) next = vs.includes(over.toggle[1]) ? vs.filter((v) => v !== over.toggle![1]) : [...vs, over.toggle[1]];
        for (const v of next) p.append(`f_${f}`, v);
      }
      const s = over.sort ?? sort;
      if (s) p.set('sort', s);
    }
    if (over.page && over.page > 1) p.set('page', String(over.page));
    const s = p.toString();
    return s ? `/search?${s}` : '/search';
  };

  let result: SearchResponse | null = null;
  let other: SearchResponse | null = null;
  let problem: string | null = null;
  const parsed = searchQuery.safeParse({ index, q, sort, page: String(page), hitsPerPage: String(PER_PAGE), facets: settings.facets.join(',') });
  try {
    if (!parsed.success) throw new AppError('VALIDATION_FAILED');
    [result, other] = await Promise.all([
      searchForPage(parsed.data, chosen),
      searchForPage(searchQuery.parse({ index: index === 'policies' ? 'mentors' : 'policies', q, hitsPerPage: '1' })),
    ]);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const first = Object.values(err.options.fieldErrors ?? {})[0]?.[0];
    problem = first ? localiseMessage(locale, first) : t('search.unavailable');
  }
  const counts: Record<Index, number> = { policies: 0, mentors: 0 };
  if (result) counts[index] = result.total;
  if (other) counts[index === 'policies' ? 'mentors' : 'policies'] = other.total;
  const filtered = Object.values(chosen).some((v) => v.length);
  const pages = result ? Math.max(1, Math.ceil(Math.min(result.total, 1000) / PER_PAGE)) : 1;
  const suggestions: MessageKey[] = ['search.suggestion1', 'search.suggestion2', 'search.suggestion3', 'search.suggestion4', 'search.suggestion5'];

  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
        <h1 className="font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{q ? t('search.resultsFor', { q }) : t('search.title')}</h1>
        <p className="mt-2 max-w-2xl text-ink-600">{t('search.intro')}</p>

        <form method="get" action="/search" role="search" aria-label={t('search.label')} className="mt-5 flex flex-col gap-2 sm:flex-row">
          {index !== 'policies' ? <input type="hidden" name="index" value={index} /> : null}
          <label className="block flex-1">
            <span className="sr-only">{t('search.label')}</span>
            <Input type="search" name="q" defaultValue={q} maxLength={200} placeholder={t('search.placeholder')} data-testid="search-page-input" />
          </label>
          <button type="submit" className={buttonClass('primary')}>
            {t('search.submit')}
          </button>
        </form>

        <nav aria-label={t('search.title')} className="mt-5 flex gap-2 border-b border-ink-200">
          {SEARCH_INDEX_NAMES.map((i) => (
            <Link
              key={i}
              href={href({ index: i })}
              aria-current={i === index ? 'page' : undefined}
              className={cn('-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium', i === index ? 'border-brand-700 text-brand-800' : 'border-transparent text-ink-600 hover:text-ink-900')}
            >
              {t(i === 'policies' ? 'search.tabPolicies' : 'search.tabMentors', { n: counts[i] })}
            </Link>
          ))}
        </nav>

        {problem ? (
          <Alert tone="error" className="mt-4">
            {problem}
          </Alert>
        ) : null}

        {result ? (
          <div className="mt-4 grid gap-6 lg:grid-cols-[16rem_1fr]">
            <details className="group rounded-xl bg-white p-3 ring-1 ring-ink-200 lg:open:block" open={filtered}>
              <summary className="cursor-pointer text-sm font-semibold text-ink-800">{t('search.filters')}</summary>
              <div className="mt-2 flex flex-col gap-4" data-testid="search-facets">
                {settings.facets.map((f) => {
                  const values = Object.entries(result!.facets[f] ?? {}).filter(([v]) => displayableFacetValue(f, v));
                  if (!values.length && !chosen[f]?.length) return null;
                  return (
                    <section key={f} aria-labelledby={`facet-${f}`}>
                      <h2 id={`facet-${f}`} className="text-xs font-semibold uppercase tracking-wide text-ink-500">
                        {facetLabel(t, f)}
                      </h2>
                      <ul className="mt-1 flex flex-wrap gap-1.5 lg:flex-col lg:gap-0.5">
                        {values.map(([v, n]) => {
                          const on = chosen[f]?.includes(v) ?? false;
                          return (
                            <li key={v}>
                              <Link
                                href={href({ toggle: [f, v] })}
                                aria-pressed={on}
                                className={cn('flex items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-sm ring-1 ring-inset lg:ring-0', on ? 'bg-brand-50 font-medium text-brand-900 ring-brand-300' : 'text-ink-700 ring-ink-200 hover:bg-ink-50')}
                              >
                                <span className="break-all">
                                  {on ? '✓ ' : ''}
                                  {facetValueLabel(t, f, v)}
                                </span>
                                <span className="text-xs text-ink-500">{n}</span>
                              </Link>
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
                {filtered ? (
                  <Link href={href({ clear: true })} className="text-sm font-medium text-brand-700 hover:underline">
                    {t('search.clearFilters')}
                  </Link>
                ) : null}
              </div>
            </details>

            <section aria-label={t(index === 'policies' ? 'search.groupPolicies' : 'search.groupMentors')}>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-ink-600">
                <p aria-live="polite" data-testid="search-count">
                  {t('search.resultsCount', { n: result.total })} · {t('search.took', { ms: Math.round(result.tookMs) })} · {t(`search.engine_${result.engine}`)}
                </p>
                <p className="flex flex-wrap gap-x-2 gap-y-1">
                  <span>{t('search.sort')}:</span>
                  {sorts.map((s) => (
                    <Link key={s.value || 'rel'} href={href({ sort: s.value })} aria-current={s.value === sort ? 'true' : undefined} className={cn('hover:underline', s.value === sort ? 'font-semibold text-ink-900' : 'text-brand-700')}>
                      {t(s.label)}
                    </Link>
                  ))}
                </p>
              </div>
              {result.hits.length === 0 ? (
                <div>
                  <EmptyState title={q ? t('search.empty', { q }) : t('search.startHint')} body={t('search.emptyHint')} icon="🔍" />
                  <ul className="mt-3 flex flex-wrap justify-center gap-2">
                    {suggestions.map((k) => (
                      <li key={k}>
                        <Link href={`/search?${new URLSearchParams({ q: t(k), ...(index === 'mentors' ? { index } : {}) })}`} className="block rounded-full px-3 py-1.5 text-sm ring-1 ring-ink-300 hover:bg-ink-50">
                          {t(k)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <ol className="flex flex-col gap-3" data-testid="search-hits">
                  {result.hits.map((h) => {
                    const d = h.doc;
                    const isPolicy = index === 'policies';
                    const link = isPolicy ? `/policies/${encodeURIComponent(h.id)}` : str(d.url) || `/mentors/${encodeURIComponent(h.id)}`;
                    const title = isPolicy ? 'title' : 'name';
                    const body = isPolicy ? 'summary' : 'bio';
                    return (
                      <li key={h.id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200" data-testid="search-hit">
                        <div className="flex flex-wrap items-center gap-2 text-xs">
                          {isPolicy ? (
                            <>
                              <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{facetValueLabel(t, 'category', str(d.category))}</span>
                              <span className={cn('rounded-full px-2 py-0.5', d.inForce ? 'bg-green-50 text-green-800' : 'bg-ink-100 text-ink-600')}>{t(d.inForce ? 'search.inForce' : 'search.notInForce')}</span>
                              <DemoDataBadge demoData={d.demoData === true} />
                            </>
                          ) : (
                            <>
                              <span className={cn('rounded-full px-2 py-0.5', d.acceptsApprentices ? 'bg-green-50 text-green-800' : 'bg-ink-100 text-ink-600')}>
                                {d.acceptsApprentices ? `${t('search.acceptsApprentices')} · ${t('search.openPlaces', { n: Number(d.openPlaces ?? 0) })}` : t('search.notAccepting')}
                              </span>
                              {d.demo === true ? <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-800">{t('search.demo')}</span> : null}
                            </>
                          )}
                        </div>
                        <h2 className="mt-2 font-semibold leading-snug text-ink-900">
                          <Link href={link} className="hover:text-brand-700 hover:underline">
                            <Highlighted segments={h.highlights[title]} fallback={str(d[title])} />
                          </Link>
                        </h2>
                        {isPolicy && str(d.issuer) ? <p className="mt-0.5 text-xs text-ink-600">{str(d.issuer)}</p> : null}
                        {!isPolicy && Array.isArray(d.crafts) ? (
                          <p className="mt-0.5 text-xs text-ink-600">
                            {(d.crafts as string[]).filter((c) => displayableFacetValue('crafts', c)).join(' · ')} {str(d.district) ? `· ${str(d.district)}` : ''}
                          </p>
                        ) : null}
                        {str(d[body]) ? (
                          <p className="mt-2 line-clamp-3 text-sm text-ink-700">
                            <Highlighted segments={h.highlights[body]} fallback={str(d[body])} />
                          </p>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              )}
              {pages > 1 ? (
                <nav aria-label={t('search.pageOf', { page, pages })} className="mt-4 flex items-center justify-between text-sm">
                  {page > 1 ? (
                    <Link href={href({ page: page - 1 })} className="font-medium text-brand-700 hover:underline">
                      ← {t('search.prev')}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-ink-600">{t('search.pageOf', { page, pages })}</span>
                  {page < pages ? (
                    <Link href={href({ page: page + 1 })} className="font-medium text-brand-700 hover:underline">
                      {t('search.next')} →
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
            </section>
          </div>
        ) : null}
      </main>
      <SiteFooter t={t} />
    </>
  );
}
