import type { Metadata } from 'next';
import Link from 'next/link';
import { SpaceCard } from '@/components/bookings/space-card';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { requirePageActor } from '@/lib/auth/page';
import { SPACE_KINDS, listSpacesQuery } from '@/lib/bookings/schemas';
import { listSpaces } from '@/lib/bookings/service';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('bookings.spacesTitle') };
}

/** 创新空间: every bookable space, filtered by kind (a link per kind, so the filter works without JavaScript). */
export default async function SpacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor();
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const parsed = listSpacesQuery.safeParse({ kind: typeof sp.kind === 'string' ? sp.kind : undefined });
  const kind = parsed.success ? parsed.data.kind : undefined;
  const { items } = await listSpaces({ kind }, locale);
  const chip = (active: boolean) =>
    cn('inline-flex min-h-9 items-center rounded-full px-3 text-sm ring-1 ring-inset', active ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-800 ring-ink-300 hover:bg-ink-50');
  return (
    <>
      <PageHeader title={t('bookings.spacesTitle')} description={t('bookings.spacesIntro')} />
      <nav aria-label={t('bookings.filterLabel')} className="mb-5">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href="/spaces" className={chip(!kind)} aria-current={!kind ? 'page' : undefined}>
              {t('bookings.filterAll')}
            </Link>
          </li>
          {SPACE_KINDS.map((k) => (
            <li key={k}>
              <Link href={`/spaces?kind=${k}`} className={chip(kind === k)} aria-current={kind === k ? 'page' : undefined}>
                {t(`bookings.kind_${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((s) => (
            <SpaceCard key={s.id} s={s} t={t} />
          ))}
        </ul>
      ) : (
        <EmptyState title={t('bookings.empty')} body="" />
      )}
    </>
  );
}
