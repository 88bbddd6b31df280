import type { Metadata } from 'next';
import Link from 'next/link';
import { emptyVersion } from '@/components/policy-staff/editor-model';
import { PolicyBuilder } from '@/components/policy-staff/policy-builder';
import { PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { GOLDEN_PROFILES } from '@/lib/policy-matching/golden-profiles';
import { listPolicies, todayIso } from '@/lib/policies/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyStaff.newTitle') };
}

/** 新建政策: metadata plus the first (draft) version, built with the structured criteria builder. */
export default async function NewPolicyPage() {
  const actor = await requirePagePermission('policies.manage');
  const { t, locale } = await getTranslator();
  const { items } = await listPolicies(actor, {});
  const today = todayIso();
  return (
    <>
      <nav aria-label={t('policyStaff.breadcrumb')} className="mb-2 text-sm">
        <Link href="/staff/policies" className="text-brand-700 hover:underline">
          ← {t('policyStaff.title')}
        </Link>
      </nav>
      <PageHeader title={t('policyStaff.newTitle')} description={t('policyStaff.newSubtitle')} />
      <PolicyBuilder
        mode="new"
        initial={emptyVersion(today)}
        policyOptions={items.map((p) => ({ value: p.code, label: `${p.code} ${locale === 'en' ? p.title.en : p.title.zh}` }))}
        goldenProfiles={Object.keys(GOLDEN_PROFILES)}
        today={today}
      />
    </>
  );
}
