import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SiteDocument, siteMetadata, siteViewport } from '@/components/shell/document';
import { isLocale, translator } from '@/lib/i18n';
import '../../../globals.css';

/**
 * The root layout of the cached public pages (ADR 019). proxy.ts rewrites an anonymous visitor's GET of /, /policies
 * and /policies/{code} (no query string) to /cached/{locale}/…, the language negotiated exactly as the request-time
 * pages do it; these pages read nothing from the request, so Next renders each once per locale and serves the copy
 * from its cache until a policy change (lib/cache/public-pages.ts) or the revalidate window below renews it.
 * Requests for /cached/… from outside are refused by the proxy.
 */
export const revalidate = 300;
export const dynamic = 'error';
export const dynamicParams = true;

/** No copy at build time (there is no database then): each is rendered on its first request, then cached. */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata({ params }: LayoutProps<'/cached/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? siteMetadata(translator(locale)) : {};
}

export const viewport = siteViewport;

export default async function CachedRootLayout({ children, params }: LayoutProps<'/cached/[locale]'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <SiteDocument locale={locale}>{children}</SiteDocument>;
}
