import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoDataBadge } from '@/components/policy/badges';
import { bi, modeLabel } from '@/components/policy/format';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Input, Select } from '@/components/ui/input';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import type { PolicyListQuery } from '@/lib/policies/schemas';
import { listPolicies } from '@/lib/policies/service';
import { CATEGORIES, PROVENANCES } from '@/lib/policy-matching/model';

export function catalogueMetadata(t: Translator): Metadata {
  return { title: t('policyUi.catalogueTitle'), description: t('policyUi.catalogueSubtitle') };
}

/**
 * 政策目录 (public): search, category chips, provenance filter. Rendered by the request-time page (signed in, or a
 * filtered view) and by the cached copy anonymous visitors get (app/(cached), ADR 019), with the same markup.
 */
export async function CatalogueView({ t, locale, actor, query }: { t: Translator; locale: Locale; actor: Actor | null; query: PolicyListQuery }) {
  const { items } = await listPolicies(actor, query);
  const href = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { q: query.q, category: query.category, provenance: query.provenance, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/policies?${s}` : '/policies';
  };
  const filtered = !!(query.q || query.category || query.provenance);
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
        <div className="mb-6">
          <p className="text-sm font-medium text-brand-700">{t('app.district')}</p>
          <h1 className="mt-1 font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{t('policyUi.catalogueTitle')}</h1>
          <p className="mt-2 max-w-2xl text-ink-600">{t('policyUi.catalogueSubtitle')}</p>
          {!actor ? (
            <p className="mt-3">
              <Link href="/calculator" className="font-medium text-brand-700 hover:underline">
                {t('policyUi.calcCta')} →
              </Link>
            </p>
          ) : null}
        </div>

        <form method="get" role="search" aria-label={t('policyUi.searchLabel')} className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
          {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
          <label className="block flex-1 text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('policyUi.searchLabel')}</span>
            <Input type="search" name="q" defaultValue={query.q ?? ''} placeholder={t('policyUi.searchPlaceholder')} maxLength={80} />
          </label>
          <label className="block text-sm sm:w-52">
            <span className="mb-1 block font-medium text-ink-800">{t('policyUi.provenanceLabel')}</span>
            <Select name="provenance" defaultValue={query.provenance ?? ''}>
              <option value="">{t('policyUi.provenanceAll')}</option>
              {PROVENANCES.map((p) => (
                <option key={p} value={p}>
                  {t(`policy.provenance_${p}` as MessageKey)}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={buttonClass('primary')}>
            {t('policyUi.search')}
          </button>
        </form>

        <nav aria-label={t('policyUi.allCategories')} className="-mx-4 mb-6 overflow-x-auto px-4">
          <ul className="flex gap-2 pb-1">
            {[undefined, ...CATEGORIES].map((c) => {
              const active = query.category === c;
              return (
                <li key={c ?? 'all'}>
                  <Link
                    href={href({ category: c })}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'block whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset',
                      active ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-700 ring-ink-300 hover:bg-ink-100',
                    )}
                  >
                    {c ? t(`policy.category_${c}` as MessageKey) : t('policyUi.allCategories')}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        <div className="mb-3 flex items-center justify-between text-sm text-ink-600">
          <p aria-live="polite">{t('policyUi.resultsCount', { n: items.length })}</p>
          {filtered ? (
            <Link href="/policies" className="font-medium text-brand-700 hover:underline">
              {t('policyUi.clearFilters')}
            </Link>
          ) : null}
        </div>

        {items.length === 0 ? (
          <EmptyState title={t('policyUi.emptyTitle')} body={t('policyUi.emptyBody')} icon="🔍" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="policy-grid">
            {items.map((p) => (
              <li key={p.code} className="flex flex-col rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:p-5" data-testid="policy-card">
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{t(`policy.category_${p.category}` as MessageKey)}</span>
                  <DemoDataBadge demoData={p.demoData} />
                </div>
                <h2 className="mt-2 font-semibold leading-snug text-ink-900">
                  <Link href={`/policies/${p.code}`} className="hover:text-brand-700 hover:underline">
                    {bi(p.title, locale)}
                  </Link>
                </h2>
                {p.issuer ? <p className="mt-0.5 text-xs text-ink-600">{p.issuer}</p> : null}
                {p.benefitText ? <p className="mt-2 line-clamp-3 text-sm text-ink-700">{bi(p.benefitText, locale)}</p> : null}
                <p className="mt-auto pt-3 text-xs font-medium text-ink-600">{modeLabel(p.applicationMode, t)}</p>
              </li>
            ))}
          </ul>
        )}
      </main>
      <SiteFooter t={t} />
    </>
  );
}
