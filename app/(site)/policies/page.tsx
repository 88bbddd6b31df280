import type { Metadata } from 'next';
import { CatalogueView, catalogueMetadata } from '@/components/policy/catalogue-view';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';
import { policyListQuery } from '@/lib/policies/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return catalogueMetadata((await getTranslator()).t);
}

/**
 * 政策目录 at request time: for signed-in visitors and for filtered views (?q=, ?category=, ?provenance=). An
 * anonymous visitor's unfiltered catalogue is the cached copy (app/(cached)/cached/[locale]/policies, ADR 019).
 */
export default async function PoliciesPage({ searchParams }: PageProps<'/policies'>) {
  const [{ t, locale }, actor, sp] = await Promise.all([getTranslator(), getActor(), searchParams]);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = policyListQuery.safeParse({ q: first(sp.q), category: first(sp.category), provenance: first(sp.provenance) });
  return <CatalogueView t={t} locale={locale} actor={actor} query={parsed.success ? parsed.data : {}} />;
}
