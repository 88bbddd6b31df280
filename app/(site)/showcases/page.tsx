import type { Metadata } from 'next';
import { ShowcaseDirectoryView, showcaseDirectoryMetadata } from '@/components/talent/showcase-directory-view';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';
import { showcaseQuery } from '@/lib/talent/showcase';

export async function generateMetadata(): Promise<Metadata> {
  return showcaseDirectoryMetadata((await getTranslator()).t);
}

/** The showcase directory at request time: signed in, or filtered (?craft=, ?page=); anonymous, unfiltered: ADR 019. */
export default async function ShowcasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t, locale }, actor, sp] = await Promise.all([getTranslator(), getActor(), searchParams]);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = showcaseQuery.safeParse({ craft: first(sp.craft), page: first(sp.page) });
  return <ShowcaseDirectoryView t={t} locale={locale} actor={actor} query={parsed.success ? parsed.data : showcaseQuery.parse({})} />;
}
