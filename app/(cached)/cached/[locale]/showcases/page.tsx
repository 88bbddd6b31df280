import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ShowcaseDirectoryView, showcaseDirectoryMetadata } from '@/components/talent/showcase-directory-view';
import { isLocale, translator } from '@/lib/i18n';
import { showcaseQuery } from '@/lib/talent/showcase';

/** Showcases change more often than policies, and not every change is an event yet: a shorter window (ADR 019). */
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/cached/[locale]/showcases'>): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? showcaseDirectoryMetadata(translator(locale)) : {};
}

/** The cached first page of the showcase directory anonymous visitors get for /showcases (ADR 019). */
export default async function CachedShowcasesPage({ params }: PageProps<'/cached/[locale]/showcases'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <ShowcaseDirectoryView t={translator(locale)} locale={locale} actor={null} query={showcaseQuery.parse({})} />;
}
