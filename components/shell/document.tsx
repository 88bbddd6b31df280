import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n/provider';
import { ToastProvider } from '@/components/ui/toast';
import type { Locale, Translator } from '@/lib/i18n';

/**
 * The HTML document both root layouts render: app/(site)/layout.tsx (request time, the language from the cookie or
 * Accept-Language) and app/(cached)/cached/[locale]/layout.tsx (the cached public pages, the language from the URL
 * the proxy rewrote to). Two root layouts because a root layout that reads the request makes every page below it
 * dynamic (ADR 019).
 */
export function siteMetadata(t: Translator): Metadata {
  return {
    title: { default: t('app.name'), template: `%s · ${t('app.shortName')}` },
    description: t('app.tagline'),
  };
}

export const siteViewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f4a8a' };

export function SiteDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-dvh antialiased">
        <I18nProvider locale={locale}>
          {/* Toasts on every page: public pages (a mentor's page, a policy) also carry signed-in actions. */}
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
