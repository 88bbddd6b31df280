import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadPolicy, policyMetadata, PolicyView } from '@/components/policy/policy-view';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata({ params }: PageProps<'/policies/[code]'>): Promise<Metadata> {
  const [{ locale }, actor, { code }] = await Promise.all([getTranslator(), getActor(), params]);
  return policyMetadata(await loadPolicy(actor, code), locale);
}

/** One policy at request time, for signed-in visitors; anonymous ones get the cached copy (ADR 019). */
export default async function PolicyPage({ params }: PageProps<'/policies/[code]'>) {
  const [{ t, locale }, actor, { code }] = await Promise.all([getTranslator(), getActor(), params]);
  const p = await loadPolicy(actor, code);
  if (!p) notFound();
  return <PolicyView t={t} locale={locale} actor={actor} p={p} />;
}
