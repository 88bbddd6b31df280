import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ApplicationRow } from '@/components/policy-staff/application-row';
import { ListSkeleton } from '@/components/talent/skeleton';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { can, type Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { APPLICATION_STATUSES, listApplications } from '@/lib/policies/applications';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyStaff.queueTitle') };
}

type AppStatus = (typeof APPLICATION_STATUSES)[number];
type Origin = 'applied' | 'auto';
const STATUS_LABEL: Record<AppStatus, MessageKey> = {
  submitted: 'policyStaff.tabSubmitted',
  approved: 'policyStaff.tabApproved',
  rejected: 'policyStaff.tabRejected',
  withdrawn: 'policyStaff.tabWithdrawn',
};
const ORIGINS: { value: Origin | ''; label: MessageKey }[] = [
  { value: '', label: 'policyStaff.originAll' },
  { value: 'applied', label: 'policyStaff.originApplied' },
  { value: 'auto', label: 'policyStaff.originAuto' },
];

/** 申请审核: the zone's applications and 免申即享 grants, by status (default: waiting for a decision) and origin. */
export default async function StaffApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('applications.read');
  const { t } = await getTranslator();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const status: AppStatus = (APPLICATION_STATUSES as readonly string[]).includes(one(sp.status)) ? (one(sp.status) as AppStatus) : 'submitted';
  const origin = (['applied', 'auto'] as const).find((o) => o === one(sp.origin));
  const policy = /^[A-Z][A-Z0-9]*-\d{3}$/.test(one(sp.policy)) ? one(sp.policy) : undefined;
  const href = (s: AppStatus, o: Origin | '' | undefined) => {
    const q = new URLSearchParams();
    if (s !== 'submitted') q.set('status', s);
    if (o) q.set('origin', o);
    if (policy) q.set('policy', policy);
    const qs = q.toString();
    return `/staff/applications${qs ? `?${qs}` : ''}`;
  };
  const tabClass = (on: boolean) => cn('block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium', on ? 'bg-white text-ink-900 shadow-sm' : 'text-ink-600 hover:text-ink-900');
  return (
    <>
      <PageHeader title={t('policyStaff.queueTitle')} description={t('policyStaff.queueSubtitle')} />
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
        <nav aria-label={t('policyStaff.queueTabs')} className="overflow-x-auto">
          <ul className="inline-flex gap-1 rounded-xl bg-ink-100 p-1">
            {APPLICATION_STATUSES.map((s) => (
              <li key={s}>
                <Link href={href(s, origin)} aria-current={s === status ? 'page' : undefined} className={tabClass(s === status)}>
                  {t(STATUS_LABEL[s])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('policyStaff.originFilter')} className="overflow-x-auto">
          <ul className="inline-flex gap-1 rounded-xl bg-ink-100 p-1">
            {ORIGINS.map((o) => (
              <li key={o.value}>
                <Link href={href(status, o.value)} aria-current={(origin ?? '') === o.value ? 'page' : undefined} className={tabClass((origin ?? '') === o.value)}>
                  {t(o.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {policy ? (
        <p className="mb-4 text-sm text-ink-700">
          {t('policyStaff.filteredByPolicy', { code: policy })}{' '}
          <Link href={`/staff/applications${status !== 'submitted' ? `?status=${status}` : ''}`} className="font-medium text-brand-700 hover:underline">
            {t('policyStaff.clearFilters')}
          </Link>
        </p>
      ) : null}
      <Suspense key={`${status}-${origin}-${policy}`} fallback={<ListSkeleton label={t('errors.loading')} rows={3} />}>
        <Queue actor={actor} status={status} origin={origin} policy={policy} />
      </Suspense>
    </>
  );
}

async function Queue({ actor, status, origin, policy }: { actor: Actor; status: AppStatus; origin?: Origin; policy?: string }) {
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const { items } = await listApplications(actor, { status, origin, policyCode: policy, limit: 100 }, { ip });
  if (items.length === 0)
    return <EmptyState title={t(status === 'submitted' ? 'policyStaff.queueEmpty' : 'policyStaff.queueEmptyOther')} body={t('policyStaff.queueEmptyBody')} icon="✓" />;
  const mayReview = can(actor, 'applications.review');
  return (
    <>
      <p className="mb-3 text-sm font-medium text-ink-900" aria-live="polite">
        {t('policyStaff.queueCount', { n: items.length })}
      </p>
      <ul className="space-y-3" data-testid="application-queue">
        {items.map((a) => (
          <li key={a.id}>
            <ApplicationRow a={a} t={t} locale={locale} mayReview={mayReview} />
          </li>
        ))}
      </ul>
    </>
  );
}
