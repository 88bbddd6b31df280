import Link from 'next/link';
import type { Actor } from '@/lib/auth/permissions';
import type { Translator } from '@/lib/i18n';
import { navFor, navSlots } from '@/lib/navigation';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { HeaderSearch } from '@/components/search/header-search';
import { LanguageSwitcher } from './language-switcher';
import { SiteNav } from './site-nav';

/** Public policy pages, for visitors who are not signed in. */
const PUBLIC_LINKS = [
  { href: '/policies', label: 'policy.navCatalogue' },
  { href: '/calculator', label: 'policy.navCalculator' },
] as const;

export function SiteHeader({ actor, t }: { actor: Actor | null; t: Translator }) {
  return (
    <header className="sticky top-0 z-30 border-b border-ink-200 bg-white/95 backdrop-blur print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('app.skipToContent')}
      </a>
      <div className="relative mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2.5 sm:flex-nowrap">
        <Link href={actor ? '/dashboard' : '/'} className="flex items-center gap-2 font-semibold text-ink-900">
          <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-brand-700 font-serif text-white">
            景
          </span>
          {/* Signed in, the desktop line needs the room for the navigation: the name stays for screen readers. */}
          <span className={actor ? 'sr-only sm:not-sr-only lg:sr-only' : 'hidden sm:inline'}>{t('app.shortName')}</span>
        </Link>
        {actor ? (
          <SiteNav slots={navSlots(navFor(actor))} whoami={`${actor.displayName} · ${t(`roles.${actor.role}`)}`} bell={
              <>
                <HeaderSearch />
                <NotificationBell actor={actor} t={t} />
              </>
            } />
        ) : (
          <>
            <nav aria-label={t('nav.menu')} className="order-last w-full min-w-0 sm:order-none sm:w-auto" data-testid="public-nav">
              <ul className="flex gap-1 overflow-x-auto">
                {PUBLIC_LINKS.map((i) => (
                  <li key={i.href}>
                    <Link href={i.href} className="block whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium text-ink-700 hover:bg-ink-100 hover:text-ink-900">
                      {t(i.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="ml-auto flex items-center gap-2">
              <HeaderSearch />
              <LanguageSwitcher />
              <Link href="/login" className="min-h-9 rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                {t('nav.login')}
              </Link>
            </div>
          </>
        )}
      </div>
    </header>
  );
}

export function SiteFooter({ t }: { t: Translator }) {
  return (
    <footer className="mt-16 border-t border-ink-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-ink-600 sm:flex-row sm:justify-between">
        <p>
          {t('app.name')} · {t('app.district')}
        </p>
        <p className="flex gap-4">
          <Link href="/api-docs" className="hover:text-ink-900">
            {t('nav.apiDocs')}
          </Link>
        </p>
      </div>
    </footer>
  );
}
