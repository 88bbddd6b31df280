import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { CreditRequests } from '@/components/portfolio/credit-requests';
import { WorkCard } from '@/components/portfolio/work-card';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { Alert, Card, EmptyState, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { listMyCreditRequests, listMyWorks } from '@/lib/portfolio/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('portfolio.title') };
}

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('works.manage');
  const { t } = await getTranslator();
  const sp = await searchParams;
  return (
    <>
      <PageHeader
        title={t('portfolio.title')}
        description={t('portfolio.subtitle')}
        actions={
          <Link href="/portfolio/new" className={buttonClass('primary')} data-testid="new-work">
            + {t('portfolio.newWork')}
          </Link>
        }
      />
      {sp.deleted ? <Alert tone="success" className="mb-6">{t('portfolio.deleted')}</Alert> : null}
      <div className="space-y-8">
        <section aria-labelledby="works-heading">
          <h2 id="works-heading" className="sr-only">
            {t('portfolio.myWorks')}
          </h2>
          <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={4} grid />}>
            <Works actor={actor} />
          </Suspense>
        </section>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('portfolio.creditRequests')}</h2>
          <p className="mb-3 mt-1 text-sm text-ink-600">{t('portfolio.creditRequestsHint')}</p>
          <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={2} />}>
            <Credits actor={actor} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}

async function Works({ actor }: { actor: Actor }) {
  const [{ t, locale }, works] = await Promise.all([getTranslator(), listMyWorks(actor)]);
  if (works.length === 0) return <EmptyState title={t('portfolio.empty')} body={t('portfolio.emptyBody')} icon="🏺" />;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="work-grid">
      {works.map((w) => (
        <WorkCard key={w.id} work={w} t={t} locale={locale} />
      ))}
    </ul>
  );
}

async function Credits({ actor }: { actor: Actor }) {
  const items = await listMyCreditRequests(actor);
  return <CreditRequests items={items} />;
}
