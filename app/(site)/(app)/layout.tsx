import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { requirePageActor } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const [actor, { t }] = await Promise.all([requirePageActor(), getTranslator()]);
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
        {children}
      </main>
      <SiteFooter t={t} />
    </>
  );
}
