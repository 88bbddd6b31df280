import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CatalogueView, catalogueMetadata } from '@/components/policy/catalogue-view';
import { isLocale, translator } from '@/lib/i18n';

export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/cached/[locale]/policies'>): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? catalogueMetadata(translator(locale)) : {};
}

/** The cached, unfiltered catalogue anonymous visitors get for /policies (ADR 019). */
export default async function CachedCataloguePage({ params }: PageProps<'/cached/[locale]/policies'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <CatalogueView t={translator(locale)} locale={locale} actor={null} query={{}} />;
}
