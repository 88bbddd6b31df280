import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteDocument, siteMetadata, siteViewport } from '@/components/shell/document';
import { getTranslator } from '@/lib/i18n/server';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata((await getTranslator()).t);
}

export const viewport = siteViewport;

/** The root layout of every page rendered at request time (the cached public pages have their own, ADR 019). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale } = await getTranslator();
  return <SiteDocument locale={locale}>{children}</SiteDocument>;
}
