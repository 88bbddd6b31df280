import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import type { WorkDto } from '@/lib/portfolio/schemas';
import { craftLabel, joinList } from '@/components/talent/labels';

/** A work in the owner's grid: cover thumbnail, title, year, visibility and credit state. */
export function WorkCard({ work, t, locale }: { work: WorkDto; t: Translator; locale: Locale }) {
  const cover = work.images[0];
  const pending = work.credits.filter((c) => c.status === 'pending').length;
  return (
    <li className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-ink-200" data-testid="work-card">
      <Link href={`/portfolio/${work.id}`} className="block focus-visible:outline-offset-[-2px]">
        <div className="aspect-[4/3] bg-ink-100">
          {cover ? (
            // eslint-disable-next-line @next/next/no-img-element -- served by our authorized image route, already resized
            <img src={cover.thumb_url} alt={work.title} loading="lazy" className="size-full object-cover" />
          ) : (
            <div className="grid size-full place-items-center text-sm text-ink-600">
              <span>
                <span aria-hidden className="block text-center text-3xl">
                  🏺
                </span>
                {t('portfolio.noImagesShort')}
              </span>
            </div>
          )}
        </div>
        <div className="space-y-1.5 p-3">
          <p className="truncate font-medium text-ink-900">{work.title}</p>
          <p className="text-xs text-ink-600">
            {[work.year, joinList(work.techniques.slice(0, 2).map((c) => craftLabel(c, locale)), locale)].filter(Boolean).join(' · ') || '—'}
          </p>
          <div className="flex flex-wrap gap-1">
            <Badge tone={work.visibility === 'public' ? 'info' : 'neutral'}>{work.visibility === 'public' ? t('portfolio.public') : t('portfolio.private')}</Badge>
            {work.images.length ? <Badge>{t('portfolio.imageCount', { n: work.images.length })}</Badge> : null}
            {pending ? <Badge tone="warning">{t('portfolio.creditsAwaiting', { n: pending })}</Badge> : null}
          </div>
        </div>
      </Link>
    </li>
  );
}
