import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { bumpVersion, toEVersion } from '@/components/policy-staff/editor-model';
import { PolicyBuilder } from '@/components/policy-staff/policy-builder';
import { Alert, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { GOLDEN_PROFILES } from '@/lib/policy-matching/golden-profiles';
import type { PolicyVersion } from '@/lib/policy-matching/model';
import { getPolicy, listPolicies, todayIso } from '@/lib/policies/service';
import { addDays, formatYmd, parseIsoDate } from '@/lib/talent/dates';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: `${t('policyStaff.editTitle')} ${decodeURIComponent((await params).code)}` };
}

/**
 * ?version=x.y.z edits that draft; for a published version (or ?from=x.y.z, or nothing) a new draft is prepared:
 * a copy with the next version number, starting today (or the day after the copied version starts).
 */
export default async function EditPolicyPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('policies.manage');
  const { t, locale } = await getTranslator();
  const code = decodeURIComponent((await params).code);
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const policy = await getPolicy(actor, code).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const today = todayIso();
  const wanted = one(sp.version) ?? one(sp.from);
  const base = policy.versions.find((v) => v.version === wanted) ?? policy.versions.find((v) => v.status === 'active') ?? policy.versions[0];
  if (!base) notFound();
  const editingDraft = base.status === 'draft' && !one(sp.from);
  const doc = base.definition as unknown as PolicyVersion;
  let initial = toEVersion(doc);
  if (!editingDraft) {
    const dayAfter = formatYmd(addDays(parseIsoDate(base.effectiveFrom)!, 1));
    const { changelog: _c, supersedes: _s, ...extra } = initial.extra as Record<string, unknown>;
    initial = {
      ...initial,
      version: bumpVersion(base.version, policy.versions.map((v) => v.version)),
      effective_from: today > base.effectiveFrom ? today : dayAfter,
      effective_to: '',
      extra,
    };
  }
  const { items } = await listPolicies(actor, {});
  return (
    <>
      <nav aria-label={t('policyStaff.breadcrumb')} className="mb-2 text-sm">
        <Link href={`/staff/policies/${encodeURIComponent(code)}`} className="text-brand-700 hover:underline">
          ← {code} {locale === 'en' ? policy.title.en : policy.title.zh}
        </Link>
      </nav>
      <PageHeader
        title={editingDraft ? t('policyStaff.editDraftTitle', { version: base.version }) : t('policyStaff.newVersionTitle', { version: initial.version })}
        description={locale === 'en' ? policy.title.en : policy.title.zh}
      />
      {!editingDraft ? <Alert className="mb-6">{t('policyStaff.newVersionHint', { version: base.version })}</Alert> : null}
      <PolicyBuilder
        mode="edit"
        code={code}
        initial={initial}
        lockVersion={editingDraft}
        demoData={policy.demoData}
        policyOptions={items.map((p) => ({ value: p.code, label: `${p.code} ${locale === 'en' ? p.title.en : p.title.zh}` }))}
        goldenProfiles={Object.keys(GOLDEN_PROFILES)}
        today={today}
      />
    </>
  );
}
