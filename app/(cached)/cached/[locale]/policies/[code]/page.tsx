import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadPolicy, policyMetadata, PolicyView } from '@/components/policy/policy-view';
import { isLocale, translator } from '@/lib/i18n';

export const revalidate = 300;
export const dynamicParams = true;

/** Rendered on first request per policy and locale, then cached (ADR 019). */
export function generateStaticParams(): { code: string }[] {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/cached/[locale]/policies/[code]'>): Promise<Metadata> {
  const { locale, code } = await params;
  return isLocale(locale) ? policyMetadata(await loadPolicy(null, code), locale) : {};
}

/** The cached policy page anonymous visitors get for /policies/{code} (ADR 019). */
export default async function CachedPolicyPage({ params }: PageProps<'/cached/[locale]/policies/[code]'>) {
  const { locale, code } = await params;
  if (!isLocale(locale)) notFound();
  const p = await loadPolicy(null, code);
  if (!p) notFound();
  return <PolicyView t={translator(locale)} locale={locale} actor={null} p={p} />;
}
