import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CREDIT_STATUS } from '@/components/portfolio/labels';
import { DeleteWork } from '@/components/portfolio/delete-work';
import { WorkForm } from '@/components/portfolio/work-form';
import { WorkImages } from '@/components/portfolio/work-images';
import { craftLabel } from '@/components/talent/labels';
import { buttonClass } from '@/components/ui/button';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { workIdParam } from '@/lib/portfolio/schemas';
import { listMyWorks } from '@/lib/portfolio/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('portfolio.editWork') };
}

export default async function WorkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('works.manage');
  const parsed = workIdParam.safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, works, sp] = await Promise.all([getTranslator(), listMyWorks(actor), searchParams]);
  const work = works.find((w) => w.id === parsed.data.id);
  if (!work) notFound();

  return (
    <>
      <PageHeader
        title={work.title}
        description={t('portfolio.editHint')}
        actions={
          <Link href="/portfolio" className={buttonClass('ghost', 'sm')}>
            ← {t('portfolio.backToWorks')}
          </Link>
        }
      />
      {sp.created ? <Alert tone="success" className="mb-6">{t('portfolio.createdAddImages')}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('portfolio.images')}</h2>
            <WorkImages work={work} />
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('portfolio.editWork')}</h2>
            <WorkForm work={work} />
          </Card>
        </div>
        <aside className="space-y-6">
          <Card>
            <h2 className="font-semibold text-ink-900">{t('portfolio.credits')}</h2>
            {work.credits.length ? (
              <ul className="mt-3 divide-y divide-ink-100 text-sm" data-testid="work-credits">
                {work.credits.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      <span className="text-ink-600">{craftLabel(c.step, locale)}</span> · {c.name}
                    </span>
                    <Badge tone={CREDIT_STATUS[c.status].tone}>{t(CREDIT_STATUS[c.status].key)}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-ink-600">{t('portfolio.noCredits')}</p>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('portfolio.dangerZone')}</h2>
            <DeleteWork id={work.id} title={work.title} />
          </Card>
        </aside>
      </div>
    </>
  );
}
