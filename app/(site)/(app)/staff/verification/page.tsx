import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ReviewActions } from '@/components/staff/review-actions';
import { describeClaim, SUBJECT_LABEL } from '@/components/talent/claims';
import { VerificationBadge } from '@/components/talent/profile-view';
import { ListSkeleton } from '@/components/talent/skeleton';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { can, type Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { listEvidenceQueue } from '@/lib/portfolio/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('staff.verificationTitle') };
}

const TABS = ['pending', 'verified', 'rejected'] as const;
type Status = (typeof TABS)[number];
const TAB_LABEL: Record<Status, MessageKey> = { pending: 'staff.tabPending', verified: 'staff.tabVerified', rejected: 'staff.tabRejected' };

/** 认定: the zone's evidence queue. Pending items can be verified or rejected with a reason. */
export default async function VerificationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('evidence.read');
  const { t } = await getTranslator();
  const sp = await searchParams;
  const raw = Array.isArray(sp.status) ? sp.status[0] : sp.status;
  const status: Status = (TABS as readonly string[]).includes(raw ?? '') ? (raw as Status) : 'pending';
  return (
    <>
      <PageHeader title={t('staff.verificationTitle')} description={t('staff.verificationSubtitle')} />
      <nav aria-label={t('staff.verificationTabs')} className="mb-4 overflow-x-auto">
        <ul className="inline-flex gap-1 rounded-xl bg-ink-100 p-1">
          {TABS.map((s) => (
            <li key={s}>
              <Link
                href={s === 'pending' ? '/staff/verification' : `/staff/verification?status=${s}`}
                aria-current={s === status ? 'page' : undefined}
                className={cn('block whitespace-nowrap rounded-lg px-4 py-2 text-sm font-medium', s === status ? 'bg-white text-ink-900 shadow-sm' : 'text-ink-600 hover:text-ink-900')}
              >
                {t(TAB_LABEL[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense key={status} fallback={<ListSkeleton label={t('errors.loading')} rows={3} />}>
        <Queue actor={actor} status={status} />
      </Suspense>
    </>
  );
}

async function Queue({ actor, status }: { actor: Actor; status: Status }) {
  const [{ t }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const items = await listEvidenceQueue(actor, status, ip);
  const mayReview = can(actor, 'evidence.review');
  if (items.length === 0) return <EmptyState title={t(status === 'pending' ? 'staff.queueEmpty' : 'staff.tabEmpty')} body={t('staff.queueEmptyBody')} icon="✓" />;
  return (
    <ul className="space-y-4" data-testid="evidence-queue">
      {items.map((e) => {
        const c = describeClaim(e.subject, e.claim, t);
        return (
          <li key={e.id}>
            <Card className="grid gap-4 sm:grid-cols-[12rem_1fr]">
              <a href={e.file_url} target="_blank" rel="noopener" className="block overflow-hidden rounded-xl bg-ink-100 ring-1 ring-ink-200" aria-label={t('staff.openEvidence', { claim: c.title })}>
                {/* eslint-disable-next-line @next/next/no-img-element -- evidence is served by an authorized, audited route */}
                <img src={e.file_url} alt={t('staff.evidenceAlt', { claim: c.title })} loading="lazy" className="aspect-[4/3] w-full object-contain" />
              </a>
              <div className="min-w-0 space-y-2">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-xs font-medium uppercase tracking-wide text-ink-600">{t(SUBJECT_LABEL[e.subject])}</p>
                    <p className="font-semibold text-ink-900">{c.title}</p>
                    {c.detail ? <p className="text-sm text-ink-600">{c.detail}</p> : null}
                  </div>
                  <VerificationBadge state={e.status} t={t} />
                </div>
                <p className="text-sm">
                  <Link href={`/staff/talents/${e.talent_id}`} className="font-medium text-brand-700 hover:underline">
                    {e.talent_name ?? t('staff.talentDetail')}
                  </Link>
                  <span className="text-ink-600"> · {t('staff.submittedOn', { date: e.created_at.slice(0, 10) })}</span>
                </p>
                {e.note ? <p className="rounded-lg bg-ink-50 px-3 py-2 text-sm text-ink-700">{t('staff.note', { note: e.note })}</p> : null}
                {e.status === 'rejected' && e.reason ? <p className="text-sm text-red-800">{t('profile.rejectReason', { reason: e.reason })}</p> : null}
                {e.reviewed_at ? <p className="text-xs text-ink-600">{t('staff.reviewedOn', { date: e.reviewed_at.slice(0, 10) })}</p> : null}
                {e.status === 'pending' && mayReview ? <ReviewActions id={e.id} claimLabel={c.title} /> : null}
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
