import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import { craftLabel, joinList } from './labels';

export interface ShowcaseCardData {
  slug: string;
  name: string;
  artist_name: string | null;
  crafts: string[];
  verified_badges: number;
  cover_url: string | null;
}

/** A talent in the public directory: cover work, name, crafts and how many credentials are verified. */
export function ShowcaseCard({ item, t, locale }: { item: ShowcaseCardData; t: Translator; locale: Locale }) {
  const display = item.artist_name || item.name;
  return (
    <li className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-ink-200" data-testid="showcase-card">
      <Link href={`/showcases/${item.slug}`} className="block h-full">
        <div className="aspect-[4/3] bg-gradient-to-br from-brand-50 to-ink-100">
          {item.cover_url ? (
            // eslint-disable-next-line @next/next/no-img-element -- a public work image from our own route, already resized
            <img src={item.cover_url} alt="" loading="lazy" className="size-full object-cover" />
          ) : (
            <div aria-hidden className="grid size-full place-items-center font-serif text-5xl text-brand-700/40">
              {display.slice(0, 1)}
            </div>
          )}
        </div>
        <div className="space-y-1.5 p-3">
          <p className="font-serif text-lg font-semibold leading-snug text-ink-900">{display}</p>
          {item.artist_name && item.artist_name !== item.name ? <p className="-mt-1 text-xs text-ink-600">{item.name}</p> : null}
          <p className="line-clamp-2 text-xs text-ink-600">{joinList(item.crafts.map((c) => craftLabel(c, locale)), locale) || '—'}</p>
          {item.verified_badges > 0 ? <Badge tone="success">✓ {t('showcase.verifiedCount', { n: item.verified_badges })}</Badge> : null}
        </div>
      </Link>
    </li>
  );
}
