import type { ComponentType, SVGProps } from 'react';
import Link from 'next/link';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { ApplyIcon, FlagIcon, MentorIcon, PolicyIcon, VaseIcon } from '@/components/ui/icons';
import type { Translator } from '@/lib/i18n';
import { capabilityList, type CapabilityDef } from '@/lib/capabilities';
import { LIVE_CAPABILITIES } from '@/lib/domains';

const ICONS: Record<CapabilityDef['icon'], ComponentType<SVGProps<SVGSVGElement>>> = { vase: VaseIcon, policy: PolicyIcon, apply: ApplyIcon, mentor: MentorIcon, flag: FlagIcon };

/**
 * The landing page a visitor who is not signed in sees. Anonymous visitors get the cached copy
 * (app/(cached)/cached/[locale], ADR 019); the request-time page (app/(site)/page.tsx) sends the signed-in to 工作台.
 */
export function LandingView({ t }: { t: Translator }) {
  return (
    <>
      <SiteHeader actor={null} t={t} />
      <main id="main">
        <section className="bg-gradient-to-b from-brand-50 to-ink-50">
          <div className="mx-auto max-w-6xl px-4 pb-12 pt-10 sm:pb-20 sm:pt-16">
            <p className="text-sm font-medium text-brand-700">
              {t('app.district')} · {t('app.name')}
            </p>
            <h1 className="mt-3 max-w-3xl font-serif text-3xl font-bold leading-tight text-ink-900 sm:text-5xl">{t('landing.heroTitle')}</h1>
            <p className="mt-4 max-w-2xl text-lg text-ink-700">{t('landing.heroBody')}</p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <Link href="/register" className={buttonClass('primary')}>
                {t('landing.ctaStart')}
              </Link>
              <Link href="/login" className={buttonClass('secondary')}>
                {t('landing.ctaLogin')}
              </Link>
            </div>
            <p className="mt-4 flex flex-wrap gap-x-5 gap-y-2">
              <Link href="/showcases" className="font-medium text-brand-700 hover:underline">
                {t('showcase.browse')} →
              </Link>
              <Link href="/calculator" className="font-medium text-brand-700 hover:underline">
                {t('policy.navCalculator')} →
              </Link>
              <Link href="/policies" className="font-medium text-brand-700 hover:underline">
                {t('policy.navCatalogue')} →
              </Link>
            </p>
          </div>
        </section>
        <section className="mx-auto max-w-6xl px-4 py-10" aria-labelledby="features">
          <h2 id="features" className="sr-only">
            {t('app.tagline')}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {capabilityList(LIVE_CAPABILITIES).map(({ key, live, def }) => {
              const Icon = ICONS[def.icon];
              return (
                <li key={key} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-ink-200" data-capability={key} data-live={live}>
                  <div className="flex items-center justify-between">
                    <span className="grid size-11 place-items-center rounded-xl bg-brand-50 text-brand-700">
                      <Icon />
                    </span>
                    {live ? <Badge tone="success">{t('landing.available')}</Badge> : <Badge tone="info">{t('landing.comingSoon')}</Badge>}
                  </div>
                  <h3 className="mt-3 font-semibold text-ink-900">{t(def.title)}</h3>
                  <p className="mt-1 text-sm text-ink-600">{t(def.body)}</p>
                  {live && def.href ? (
                    <Link href={def.href} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                      {t('landing.seeIt')} →
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="mt-8 text-sm text-ink-600">{t('landing.forStaff')}</p>
        </section>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
