import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { MatchesPanel, type MatchStatus } from '@/components/policy-staff/matches-panel';
import { tk } from '@/components/policy-staff/server-t';
import { StatusBadge } from '@/components/policy-staff/status-badge';
import { PushButton, PushRunView, VersionActions } from '@/components/policy-staff/version-actions';
import { ListSkeleton } from '@/components/talent/skeleton';
import { Alert, Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { MATCH_STATUSES } from '@/lib/policies/matches';
import { listPushRuns } from '@/lib/policies/push';
import { getPolicy, todayIso } from '@/lib/policies/service';
import { safeHttpUrl } from '@/lib/http/safe-url';
import { displayTags } from '@/lib/policy-matching/phrases';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code) };
}

/** One policy for staff: metadata, the versions timeline with its actions, the push, and who matches in the zone. */
export default async function StaffPolicyPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('policies.manage');
  const { t, locale } = await getTranslator();
  const code = decodeURIComponent((await params).code);
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const policy = await getPolicy(actor, code).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const rawStatus = one(sp.status) ?? '';
  const status: MatchStatus = (MATCH_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as MatchStatus) : 'ELIGIBLE';
  const page = Math.max(1, Math.min(10_000, Number(one(sp.page)) || 1));
  const saved = one(sp.saved);
  const title = locale === 'en' ? policy.title.en : policy.title.zh;
  const today = todayIso();
  const inForce = policy.versions.some((v) => v.status === 'active' && v.effectiveFrom <= today && (!v.effectiveTo || today <= v.effectiveTo));
  const enc = encodeURIComponent(code);
  const hasDraft = policy.versions.some((v) => v.status === 'draft');
  const lastRun = (await listPushRuns(actor, code)).items[0] ?? null;

  return (
    <>
      <nav aria-label={t('policyStaff.breadcrumb')} className="mb-2 text-sm">
        <Link href="/staff/policies" className="text-brand-700 hover:underline">
          ← {t('policyStaff.title')}
        </Link>
      </nav>
      <PageHeader
        title={title}
        description={`${code}${policy.issuer ? ` · ${policy.issuer}` : ''}`}
        actions={
          !hasDraft ? (
            <Link href={`/staff/policies/${enc}/edit`} className={buttonClass('secondary')}>
              ＋ {t('policyStaff.newVersion')}
            </Link>
          ) : undefined
        }
      />
      {saved ? (
        <Alert tone="success" className="mb-6">
          {t('policyStaff.savedDraft', { version: saved })}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-4 text-lg font-semibold text-ink-900">{t('policyStaff.versionsTitle')}</h2>
            <ol className="relative space-y-4 border-l-2 border-ink-200 pl-4" data-testid="versions">
              {policy.versions.map((v) => (
                <li key={v.version} className="relative" data-testid={`version-${v.version}`}>
                  <span aria-hidden className={cn('absolute -left-[1.45rem] top-1.5 size-3 rounded-full ring-2 ring-white', v.status === 'active' ? 'bg-emerald-600' : v.status === 'draft' ? 'bg-amber-500' : 'bg-ink-400')} />
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-mono font-semibold text-ink-900">v{v.version}</span>
                    <StatusBadge status={v.status} />
                    <span className="text-sm text-ink-600">{t('policyStaff.effectiveRange', { from: v.effectiveFrom, to: v.effectiveTo ?? t('policyStaff.openEnded') })}</span>
                  </div>
                  {v.changelogNote ? <p className="mt-1 text-sm text-ink-800">{t('policyStaff.changelogShown', { note: v.changelogNote })}</p> : null}
                  {v.publishedAt ? <p className="text-xs text-ink-600">{t('policyStaff.publishedAt', { date: v.publishedAt.slice(0, 10) })}</p> : null}
                  <div className="mt-2">
                    <VersionActions code={code} version={v.version} status={v.status} title={title} />
                  </div>
                </li>
              ))}
            </ol>
          </Card>

          <section id="matches" aria-labelledby="matches-title" className="scroll-mt-24 space-y-3">
            <div>
              <h2 id="matches-title" className="text-lg font-semibold text-ink-900">
                {t('policyStaff.matchesTitle')}
              </h2>
              <p className="text-sm text-ink-600">{t('policyStaff.matchesHint')}</p>
            </div>
            {inForce ? (
              <Suspense key={`${status}-${page}`} fallback={<ListSkeleton label={t('errors.loading')} rows={4} />}>
                <MatchesPanel actor={actor} code={code} status={status} page={page} versions={policy.versions} />
              </Suspense>
            ) : (
              <EmptyState title={t('policyStaff.notInForceTitle')} body={t('policyStaff.notInForceBody')} />
            )}
          </section>
        </div>

        <aside className="space-y-6">
          <Card className="space-y-3 text-sm">
            <h2 className="text-base font-semibold text-ink-900">{t('policyStaff.sectionMeta')}</h2>
            <div className="flex flex-wrap gap-1.5">
              <Badge>{tk(t, `policy.category_${policy.category}`)}</Badge>
              {policy.demoData ? <Badge tone="warning">{t('policy.demoBadge')}</Badge> : null}
              <Badge tone="info">{tk(t, `policy.provenance_${policy.provenance}`)}</Badge>
            </div>
            {policy.demoData ? <p className="text-xs text-ink-600">{t('policy.demoExplain')}</p> : null}
            <dl className="space-y-2">
              <Meta label={t('policyStaff.issuer')} value={policy.issuer} />
              <Meta label={t('policyStaff.level')} value={policy.level ? tk(t, `policyStaff.level_${policy.level}`) : null} />
              <Meta label={t('policyStaff.mode')} value={policy.applicationMode} />
              <Meta label={t('policyStaff.benefit')} value={policy.benefitText ? (locale === 'en' ? policy.benefitText.en : policy.benefitText.zh) : null} />
              <Meta label={t('policyStaff.tags')} value={displayTags(policy.tags).join('、') || null} />
              <Meta label={t('policyStaff.regionScope')} value={policy.regionScope.join('、') || null} />
              <Meta label={t('policyStaff.tier')} value={policy.tier} />
              <Meta label={t('policyStaff.exclusionGroups')} value={policy.exclusionGroups.map((g) => `${g.id}（${g.policyCodes.join('、')}）`).join('；') || null} />
            </dl>
            {policy.sources.length ? (
              <div>
                <h3 className="font-medium text-ink-800">{t('policyStaff.sources')}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {policy.sources.map((s, i) => (
                    <li key={i}>
                      {safeHttpUrl(s.url) ? (
                        <a href={safeHttpUrl(s.url)!} className="text-brand-700 hover:underline" rel="noopener noreferrer" target="_blank">
                          {s.title}
                        </a>
                      ) : (
                        s.title
                      )}
                      {s.doc_no ? ` · ${s.doc_no}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>
          {inForce ? (
            <Card className="space-y-3">
              <h2 className="text-base font-semibold text-ink-900">{t('policyStaff.pushTitle')}</h2>
              <p className="text-sm text-ink-600">{t('policyStaff.pushHint')}</p>
              {lastRun ? (
                <div className="space-y-2" data-testid="last-push-run">
                  <p className="text-xs text-ink-600">{t('policyStaff.pushLast', { when: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(lastRun.createdAt)) })}</p>
                  <PushRunView key={lastRun.id} initial={lastRun} />
                </div>
              ) : null}
              <PushButton code={code} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}

function Meta({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-xs text-ink-600">{label}</dt>
      <dd className="text-ink-900">{value}</dd>
    </div>
  );
}
