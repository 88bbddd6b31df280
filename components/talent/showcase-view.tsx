import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { describeClaim, SUBJECT_LABEL } from '@/components/talent/claims';
import { CraftList } from '@/components/talent/profile-view';
import { craftLabel, joinList } from '@/components/talent/labels';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { Locale, Translator } from '@/lib/i18n';
import { getShowcase } from '@/lib/talent/showcase';

/** The showcase, or null when there is none (or it is not public); one read per request (metadata and page). */
export const loadShowcase = cache(async (slug: string) =>
  getShowcase(slug).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }),
);

export type Showcase = NonNullable<Awaited<ReturnType<typeof loadShowcase>>>;

export function showcaseMetadata(s: Showcase | null, t: Translator): Metadata {
  if (!s) return { title: t('errors.notFoundTitle') };
  return { title: s.artist_name || s.name, description: s.bio?.slice(0, 160) ?? t('showcase.directorySubtitle') };
}

/**
 * A talent's public showcase: name, crafts, bio, verified credentials and public works. Nothing sensitive. Rendered
 * by the request-time page and by the cached copy anonymous visitors get (app/(cached), ADR 019).
 */
export function ShowcaseView({ t, locale, actor, s }: { t: Translator; locale: Locale; actor: Actor | null; s: Showcase }) {
  const display = s.artist_name || s.name;
  const contactHref = `/login?callbackUrl=${encodeURIComponent(`/showcases/${s.slug}`)}`;

  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main">
        <section className="bg-gradient-to-b from-brand-50 to-ink-50">
          <div className="mx-auto max-w-5xl px-4 pb-8 pt-8 sm:pt-12">
            <Link href="/showcases" className="text-sm font-medium text-brand-700 hover:underline">
              ← {t('showcase.backToDirectory')}
            </Link>
            <h1 className="mt-3 font-serif text-3xl font-bold text-ink-900 sm:text-5xl" data-testid="showcase-name">
              {display}
            </h1>
            {s.artist_name && s.artist_name !== s.name ? <p className="mt-1 text-ink-700">{s.name}</p> : null}
            {s.crafts.length ? (
              <div className="mt-4">
                <CraftList codes={s.crafts} locale={locale} />
              </div>
            ) : null}
            <div className="mt-6">
              {actor ? (
                <p className="text-sm text-ink-600">{t('showcase.contactSoon')}</p>
              ) : (
                <Link href={contactHref} className={buttonClass('primary')} data-testid="contact">
                  {t('showcase.contact')}
                </Link>
              )}
            </div>
          </div>
        </section>

        <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-6">
            {s.bio ? (
              <Card>
                <h2 className="font-semibold text-ink-900">{t('showcase.about')}</h2>
                <p className="mt-2 whitespace-pre-line leading-relaxed text-ink-800">{s.bio}</p>
              </Card>
            ) : null}
            <section aria-labelledby="works">
              <h2 id="works" className="mb-3 font-serif text-2xl font-semibold text-ink-900">
                {t('showcase.works')}
              </h2>
              {s.works.length === 0 ? (
                <EmptyState title={t('showcase.noWorks')} body={t('showcase.noWorksBody')} icon="🏺" />
              ) : (
                <ul className="grid gap-4 sm:grid-cols-2" data-testid="showcase-works">
                  {s.works.map((w) => (
                    <li key={w.id} className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-ink-200">
                      {w.images.length ? (
                        <div className="grid grid-cols-3 gap-0.5 bg-ink-100">
                          {w.images.slice(0, 3).map((img, i) => (
                            <a key={img.url} href={img.url} target="_blank" rel="noopener" className={i === 0 ? 'col-span-3' : ''}>
                              {/* eslint-disable-next-line @next/next/no-img-element -- public work images from our own route, already resized */}
                              <img src={i === 0 ? img.url : img.thumb_url} alt={t('portfolio.imageAlt', { title: w.title, n: i + 1 })} loading="lazy" className={i === 0 ? 'aspect-[4/3] w-full object-cover' : 'aspect-square w-full object-cover'} />
                            </a>
                          ))}
                        </div>
                      ) : null}
                      <div className="p-4">
                        <p className="font-semibold text-ink-900">{w.title}</p>
                        <p className="text-sm text-ink-600">{[w.year, joinList(w.techniques.map((c) => craftLabel(c, locale)), locale)].filter(Boolean).join(' · ')}</p>
                        {w.images.length > 3 ? <p className="mt-1 text-xs text-ink-600">{t('showcase.moreImages', { n: w.images.length - 3 })}</p> : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <aside>
            <Card>
              <h2 className="font-semibold text-ink-900">{t('showcase.verified')}</h2>
              <p className="mt-1 text-xs text-ink-600">{t('showcase.verifiedHint')}</p>
              {s.verified.length ? (
                <ul className="mt-3 divide-y divide-ink-100" data-testid="verified-honours">
                  {s.verified.map((v, i) => {
                    const c = describeClaim(v.subject, v.claim, t);
                    return (
                      <li key={i} className="py-2.5">
                        <p className="font-medium text-ink-900">
                          {t(SUBJECT_LABEL[v.subject])}: {c.title}
                        </p>
                        {c.detail ? <p className="text-sm text-ink-600">{c.detail}</p> : null}
                        <Badge tone="success">✓ {t('showcase.verifiedBadge')}</Badge>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="mt-3 text-sm text-ink-600">{t('showcase.noVerified')}</p>
              )}
            </Card>
          </aside>
        </div>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
