import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadShowcase, showcaseMetadata, ShowcaseView } from '@/components/talent/showcase-view';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const [{ t }, s] = await Promise.all([getTranslator(), loadShowcase(slug)]);
  return showcaseMetadata(s, t);
}

/** A showcase at request time, for signed-in visitors; anonymous ones get the cached copy (ADR 019). */
export default async function ShowcasePage({ params }: Params) {
  const { slug } = await params;
  const [{ t, locale }, actor, s] = await Promise.all([getTranslator(), getActor(), loadShowcase(slug)]);
  if (!s) notFound();
  return <ShowcaseView t={t} locale={locale} actor={actor} s={s} />;
}
