import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkForm } from '@/components/portfolio/work-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('portfolio.newWork') };
}

export default async function NewWorkPage() {
  await requirePagePermission('works.manage');
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t('portfolio.newWork')}
        description={t('portfolio.newWorkHint')}
        actions={
          <Link href="/portfolio" className={buttonClass('ghost', 'sm')}>
            ← {t('portfolio.backToWorks')}
          </Link>
        }
      />
      <Card>
        <WorkForm />
      </Card>
    </div>
  );
}
