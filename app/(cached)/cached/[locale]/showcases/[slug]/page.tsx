import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadShowcase, showcaseMetadata, ShowcaseView } from '@/components/talent/showcase-view';
import { isLocale, translator } from '@/lib/i18n';

/** Showcases change more often than policies, and not every change is an event yet: a shorter window (ADR 019). */
export const revalidate = 60;
export const dynamicParams = true;

/** Rendered on first request per showcase and locale, then cached (ADR 019). */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/cached/[locale]/showcases/[slug]'>): Promise<Metadata> {
  const { locale, slug } = await params;
  return isLocale(locale) ? showcaseMetadata(await loadShowcase(slug), translator(locale)) : {};
}

/** The cached showcase anonymous visitors get for /showcases/{slug} (ADR 019). */
export default async function CachedShowcasePage({ params }: PageProps<'/cached/[locale]/showcases/[slug]'>) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const s = await loadShowcase(slug);
  if (!s) notFound();
  return <ShowcaseView t={translator(locale)} locale={locale} actor={null} s={s} />;
}
