import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyForm } from '@/components/policy/apply-form';
import { AmountText, CriterionList, DemoDataBadge, StatusBadge } from '@/components/policy/badges';
import { bi, modeLabel } from '@/components/policy/format';
import { buttonClass } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { myMaterialUploads } from '@/lib/policies/materials';
import { getPolicy, myMatches } from '@/lib/policies/service';
import { policyCodeSchema } from '@/lib/policies/schemas';
import type { PolicyVersion } from '@/lib/policy-matching/model';

export async function generateMetadata({ params }: PageProps<'/apply/[code]'>): Promise<Metadata> {
  const { t } = await getTranslator();
  const { code } = await params;
  return { title: t('policyUi.applyTitle', { title: code }) };
}

/** 申请: policy summary, my current result, a file upload per listed material. */
export default async function ApplyPage({ params }: PageProps<'/apply/[code]'>) {
  const actor = await requirePagePermission('applications.submit');
  const [{ t, locale }, { code }] = await Promise.all([getTranslator(), params]);
  if (!policyCodeSchema.safeParse(code).success) notFound();
  const policy = await getPolicy(actor, code).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [matches, uploads] = await Promise.all([myMatches(actor).catch(() => null), myMaterialUploads(actor, code)]);
  const result = matches?.results.find((r) => r.policyCode === code) ?? null;
  const cur = policy.currentVersion ? policy.versions.find((v) => v.version === policy.currentVersion!.version) : null;
  const def = (cur?.definition ?? null) as PolicyVersion | null;
  const materials = (def?.application?.materials ?? []).map((m) => ({ code: m.code, name: { zh: m.name_zh, en: m.name_en ?? m.name_zh }, alternatives: m.alternatives ?? [] }));
  const title = bi(policy.title, locale);
  const applicable = result && (result.status === 'ELIGIBLE' || result.status === 'NEEDS_REVIEW');
  const auto = policy.applicationMode === '免申即享';

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <Link href="/my-policies" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('policyUi.title')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink-900 sm:text-3xl">{t('policyUi.applyTitle', { title })}</h1>
        <p className="mt-1 text-ink-600">{t('policyUi.applyIntro')}</p>
      </div>
      <Card className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <DemoDataBadge demoData={policy.demoData} />
          {policy.issuer ? <span className="text-sm text-ink-600">{t('policyUi.issuer')}：{policy.issuer}</span> : null}
        </div>
        {policy.benefitText ? <p className="text-ink-800">{bi(policy.benefitText, locale)}</p> : null}
        <p className="text-sm text-ink-600">
          {t('policyUi.mode')}：{modeLabel(policy.applicationMode, t) ?? '—'}
          {def?.application?.processing_days ? ` · ${t('policyUi.processingDays', { n: def.application.processing_days })}` : ''}
        </p>
        {result ? (
          <div className="border-t border-ink-100 pt-3">
            <p className="mb-2 flex flex-wrap items-center gap-2 text-sm font-medium text-ink-800">
              {t('policyUi.yourStatus')} <StatusBadge status={result.status} /> <AmountText amount={result.amountEstimate} className="font-semibold text-emerald-800" />
            </p>
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('policyUi.showDetails')}</summary>
              <CriterionList criteria={result.criteria} className="mt-2" />
            </details>
          </div>
        ) : null}
      </Card>
      {auto ? (
        <Alert>{t('policyUi.applyAuto')}</Alert>
      ) : !applicable ? (
        <Alert tone="error">
          <p>{t('policyUi.notApplicableNow')}</p>
          <Link href={`/my-policies#${code}`} className={`${buttonClass('secondary', 'sm')} mt-2`}>
            {t('policyUi.title')}
          </Link>
        </Alert>
      ) : (
        <Card>
          <ApplyForm policyCode={code} title={title} materials={materials} drafts={uploads.drafts} previous={uploads.previous} />
        </Card>
      )}
    </div>
  );
}
