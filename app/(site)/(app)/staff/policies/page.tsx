import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PolicyList } from '@/components/policy-staff/policy-list';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { CATEGORIES, PROVENANCES } from '@/lib/policy-matching/model';
import { listPolicies } from '@/lib/policies/service';
import { tk } from '@/components/policy-staff/server-t';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyStaff.title') };
}

const STATES = ['active', 'draft'] as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const selectClass = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';

/** 政策管理: every policy including draft-only ones, with search and filters in the URL. */
export default async function StaffPoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('policies.manage');
  const { t } = await getTranslator();
  const sp = await searchParams;
  const q = one(sp.q)?.slice(0, 80);
  const category = (CATEGORIES as readonly string[]).includes(one(sp.category) ?? '') ? one(sp.category) : undefined;
  const provenance = (PROVENANCES as readonly string[]).includes(one(sp.provenance) ?? '') ? one(sp.provenance) : undefined;
  const state = (STATES as readonly string[]).includes(one(sp.state) ?? '') ? (one(sp.state) as (typeof STATES)[number]) : undefined;
  const filtered = !!(q || category || provenance || state);
  return (
    <>
      <PageHeader
        title={t('policyStaff.title')}
        description={t('policyStaff.subtitle')}
        actions={
          <Link href="/staff/policies/new" className={buttonClass()} data-testid="new-policy">
            ＋ {t('policyStaff.newPolicy')}
          </Link>
        }
      />
      <Card className="mb-6">
        <form method="get" role="search" aria-label={t('policyStaff.filters')} className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <label className="col-span-2 block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('policyStaff.search')}</span>
            <input name="q" type="search" defaultValue={q ?? ''} maxLength={80} placeholder={t('policyStaff.searchPlaceholder')} className={selectClass} />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('policyStaff.category')}</span>
            <select name="category" defaultValue={category ?? ''} className={selectClass}>
              <option value="">{t('policyStaff.any')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tk(t, `policy.category_${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('policyStaff.provenance')}</span>
            <select name="provenance" defaultValue={provenance ?? ''} className={selectClass}>
              <option value="">{t('policyStaff.any')}</option>
              {PROVENANCES.map((p) => (
                <option key={p} value={p}>
                  {tk(t, `policy.provenance_${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-ink-800">{t('policyStaff.stateFilter')}</span>
            <select name="state" defaultValue={state ?? ''} className={selectClass}>
              <option value="">{t('policyStaff.any')}</option>
              <option value="active">{t('policyStaff.stateActiveOnly')}</option>
              <option value="draft">{t('policyStaff.stateDraftOnly')}</option>
            </select>
          </label>
          <div className="col-span-2 flex flex-wrap gap-2 lg:col-span-5">
            <button type="submit" className={buttonClass('primary', 'sm')}>
              {t('policyStaff.applyFilters')}
            </button>
            {filtered ? (
              <Link href="/staff/policies" className={buttonClass('ghost', 'sm')}>
                {t('policyStaff.clearFilters')}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>
      <Suspense key={JSON.stringify({ q, category, provenance, state })} fallback={<ListSkeleton label={t('errors.loading')} rows={5} />}>
        <Results actor={actor} q={q} category={category} provenance={provenance} state={state} filtered={filtered} />
      </Suspense>
    </>
  );
}

async function Results({ actor, q, category, provenance, state, filtered }: { actor: Actor; q?: string; category?: string; provenance?: string; state?: 'active' | 'draft'; filtered: boolean }) {
  const { t, locale } = await getTranslator();
  const list = await listPolicies(actor, { q, category, provenance });
  const items = list.items.filter((p) => !state || (state === 'active' ? p.currentVersion !== null : p.currentVersion === null));
  return <PolicyList items={items} t={t} locale={locale} filtered={filtered} />;
}
