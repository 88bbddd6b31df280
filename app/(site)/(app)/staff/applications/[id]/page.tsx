import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationRow } from '@/components/policy-staff/application-row';
import { StatusBadge } from '@/components/policy-staff/status-badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getApplicationForStaff } from '@/lib/policies/staff-application';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyStaff.applicationTitle') };
}

/** One application: the queue row with its actions, the materials and the criteria snapshot taken at submission. */
export default async function StaffApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('applications.read');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  // Another zone's application is a 404 (the denial is audited by the service), not a 500.
  const a = await loadForPage(getApplicationForStaff(actor, id, { ip }));
  return (
    <>
      <nav aria-label={t('policyStaff.breadcrumb')} className="mb-2 text-sm">
        <Link href="/staff/applications" className="text-brand-700 hover:underline">
          ← {t('policyStaff.queueTitle')}
        </Link>
      </nav>
      <PageHeader title={t('policyStaff.applicationTitle')} description={`${a.talent.name} · ${locale === 'en' ? a.policyTitle.en : a.policyTitle.zh}`} />
      <p className="-mt-2 mb-4 text-sm text-ink-700">
        {t('policyStaff.applicant')}{' '}
        <Link href={`/staff/talents/${a.talent.id}`} className="font-medium text-brand-700 underline" data-testid="applicant-profile">
          {a.talent.name}
        </Link>{' '}
        <span className="text-ink-600">
          · {t('profile.talentId')} <span data-testid="talent-number">{a.talent.number}</span>
        </span>
      </p>
      <div className="space-y-6">
        <ApplicationRow a={a} t={t} locale={locale} mayReview={can(actor, 'applications.review')} />
        {a.note ? (
          <Card>
            <h2 className="font-semibold text-ink-900">{t('policyStaff.applicantNote')}</h2>
            <p className="mt-1 whitespace-pre-line text-sm text-ink-800">{a.note}</p>
          </Card>
        ) : null}
        <Card>
          <h2 className="font-semibold text-ink-900">{t('policyStaff.materials')}</h2>
          {a.materials.length ? (
            <>
              <ul className="mt-2 divide-y divide-ink-100 text-sm">
                {a.materials.map((m) => {
                  const file = a.files?.find((f) => f.code === m.code);
                  return (
                    <li key={m.code} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="application-material" data-material={m.code}>
                      <span className="text-ink-900">{a.materialNames[m.code] ? (locale === 'en' ? a.materialNames[m.code]!.en : a.materialNames[m.code]!.zh) : t('policyStaff.materialUnlisted')}</span>
                      {file ? (
                        <span className="flex min-w-0 flex-wrap items-center gap-2">
                          <span className="break-all text-ink-800">✓ {file.fileName}</span>
                          <a href={file.url} target="_blank" rel="noopener" className="inline-flex min-h-10 items-center rounded-lg px-2 font-medium text-brand-700 underline" data-testid="material-open">
                            {t('policyStaff.materialOpen')}
                          </a>
                        </span>
                      ) : (
                        <span className={a.evaluation.demo ? 'text-amber-800' : 'text-red-700'}>{a.evaluation.demo ? '' : '✗ '}{t(a.evaluation.demo ? 'policyStaff.materialDemo' : m.provided ? 'policyStaff.materialLegacy' : 'policyStaff.materialNoFile')}</span>
                      )}
                      {m.note ? <span className="w-full text-ink-600">{m.note}</span> : null}
                    </li>
                  );
                })}
              </ul>
              <p className="mt-2 text-xs text-ink-600">{t('policyStaff.materialFilesHint')}</p>
            </>
          ) : (
            <p className="mt-1 text-sm text-ink-600">{t(a.origin === 'auto' ? 'policyStaff.materialsAuto' : 'policyStaff.materialsNone')}</p>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('policyStaff.snapshotTitle')}</h2>
          <p className="mt-1 text-sm text-ink-600">
            {t('policyStaff.snapshotHint', { date: a.evaluation.evalDate ?? a.createdAt.slice(0, 10) })} {a.evaluation.status ? <StatusBadge status={a.evaluation.status} /> : null}
          </p>
          {a.evaluation.criteria.length ? (
            <ul className="mt-3 space-y-2" data-testid="criteria-snapshot">
              {a.evaluation.criteria.map((c) => (
                <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 rounded-lg bg-ink-50 px-3 py-2 text-sm">
                  <span className="min-w-0 text-ink-900" data-criterion={c.id}>
                    {locale === 'en' ? c.text.en : c.text.zh}
                  </span>
                  <span className="text-xs font-medium">{t(`policy.result_${c.result}` as never)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-3">
              <EmptyState title={t('policyStaff.snapshotEmpty')} body={t('policyStaff.snapshotEmptyBody')} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
