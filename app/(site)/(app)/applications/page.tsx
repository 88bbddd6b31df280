import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { amountLabel, bi, formatDate } from '@/components/policy/format';
import { WithdrawButton } from '@/components/policy/withdraw-button';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { Alert, EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { listMyApplications } from '@/lib/policies/applications';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyUi.appsTitle') };
}

const TONE: Record<string, string> = {
  submitted: 'bg-amber-100 text-amber-900 ring-amber-300',
  approved: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  rejected: 'bg-red-100 text-red-900 ring-red-300',
  withdrawn: 'bg-ink-100 text-ink-700 ring-ink-300',
};
const ICON: Record<string, string> = { submitted: '⏳', approved: '✓', rejected: '✕', withdrawn: '↩' };

export default async function ApplicationsPage({ searchParams }: PageProps<'/applications'>) {
  const actor = await requirePagePermission('applications.read_own');
  const [{ t }, sp] = await Promise.all([getTranslator(), searchParams]);
  return (
    <>
      <PageHeader title={t('policyUi.appsTitle')} description={t('policyUi.appsSubtitle')} />
      {sp.submitted ? (
        <Alert tone="success" className="mb-6">
          {t('policyUi.submittedFlash')}
        </Alert>
      ) : null}
      <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={3} />}>
        <ApplicationList actor={actor} />
      </Suspense>
    </>
  );
}

async function ApplicationList({ actor }: { actor: Actor }) {
  const [{ t, locale }, { items }] = await Promise.all([getTranslator(), listMyApplications(actor)]);
  if (!items.length)
    return (
      <div className="space-y-4">
        <EmptyState title={t('policyUi.appsEmptyTitle')} body={t('policyUi.appsEmptyBody')} icon="📄" />
        <div className="text-center">
          <Link href="/my-policies" className={buttonClass('primary')}>
            {t('policyUi.appsGoMatches')}
          </Link>
        </div>
      </div>
    );
  return (
    <ul className="space-y-3" data-testid="application-list">
      {items.map((a) => (
        <li key={a.id} id={a.id} className="scroll-mt-24 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:p-5" data-testid="application" data-code={a.policyCode} data-status={a.status}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="min-w-0 flex-1 font-semibold text-ink-900">
              <Link href={`/policies/${a.policyCode}`} className="hover:underline">
                {bi(a.policyTitle, locale)}
              </Link>
            </h2>
            <span className={cn('inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset', TONE[a.status])}>
              <span aria-hidden>{ICON[a.status]}</span>
              {t(`policyUi.app_${a.status}` as MessageKey)}
            </span>
          </div>
          <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-ink-600">
            <span>{t('policyUi.submittedAt', { date: formatDate(a.createdAt, locale) })}</span>
            {a.decidedAt ? <span>{t('policyUi.decidedAt', { date: formatDate(a.decidedAt, locale) })}</span> : null}
            {a.amountEstimate !== null ? (
              <span className={cn('tabular-nums', a.amountIsCeiling ? 'font-medium text-ink-800' : 'font-medium text-emerald-800')} data-testid="application-amount" data-ceiling={a.amountIsCeiling || undefined}>
                {amountLabel({ amountEstimate: a.amountEstimate, category: a.category ?? '', benefitKind: a.benefitKind }, t, locale)?.text}
              </span>
            ) : null}
            {a.origin === 'auto' ? <span className="font-medium text-brand-700">{t('policyUi.originAuto')}</span> : null}
          </p>
          {a.status === 'rejected' && a.decisionReason ? <p className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">{t('policyUi.rejectReason', { reason: a.decisionReason })}</p> : null}
          {a.note ? <p className="mt-2 whitespace-pre-line text-sm text-ink-700">{a.note}</p> : null}
          {a.files?.length ? (
            <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label={t('policyUi.materials')} data-testid="application-files">
              {a.files.map((f) => (
                <li key={f.id} className="min-w-0">
                  <a href={f.url} target="_blank" rel="noopener" className="inline-flex min-h-10 items-center break-all text-brand-700 underline">
                    📎 {f.fileName}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {a.status === 'submitted' && a.origin === 'applied' ? (
            <div className="mt-3">
              <WithdrawButton id={a.id} title={bi(a.policyTitle, locale)} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
