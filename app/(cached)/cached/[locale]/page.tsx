import { notFound } from 'next/navigation';
import { LandingView } from '@/components/shell/landing-view';
import { isLocale, translator } from '@/lib/i18n';

export const revalidate = 300;

/** The cached landing page anonymous visitors get for / (ADR 019). */
export default async function CachedLandingPage({ params }: PageProps<'/cached/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <LandingView t={translator(locale)} />;
}
