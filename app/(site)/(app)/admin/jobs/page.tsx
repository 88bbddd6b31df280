import type { Metadata } from 'next';
import Link from 'next/link';
import { JobRowActions } from '@/components/jobs/job-row-actions';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import type { JobDto } from '@/lib/jobs/schemas';
import { getQueueStats, listJobsAsAdmin } from '@/lib/jobs/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('jobs.title') };
}

const STALE_AFTER_SECONDS = 60;

/** The queue as operations sees it (issue 8 §4): workers, depth per type, dead letters with retry / discard, recent jobs. */
export default async function AdminJobsPage() {
  const actor = await requirePagePermission('jobs.read');
  const { t, locale } = await getTranslator();
  const ip = await clientIpForPage();
  const [stats, dead, recent] = await Promise.all([getQueueStats(actor, { ip }), listJobsAsAdmin(actor, { status: 'dead', limit: 50 }, { ip }), listJobsAsAdmin(actor, { limit: 20 }, { ip })]);
  const manage = can(actor, 'jobs.manage');
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const when = (iso: string | null) => (iso ? fmt.format(new Date(iso)) : t('jobs.none'));
  const th = 'px-3 py-2 font-medium';
  const td = 'px-3 py-2 align-top';

  const statusBadge = (j: JobDto) => {
    const tone = j.status === 'dead' ? 'danger' : j.status === 'done' ? 'success' : j.status === 'running' ? 'info' : j.status === 'pending' && j.attempts > 0 ? 'warning' : 'neutral';
    return <Badge tone={tone}>{t(j.status === 'pending' && j.attempts > 0 ? 'jobs.status_retrying' : `jobs.status_${j.status}`)}</Badge>;
  };

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.intro')}
        actions={
          <Link href="/admin/jobs" className="min-h-10 rounded-lg px-3 py-2 text-sm font-medium ring-1 ring-ink-300 hover:bg-ink-100">
            {t('jobs.refresh')}
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <h2 className="mb-3 text-base font-semibold text-ink-900">{t('jobs.workersTitle')}</h2>
          {stats.workers.length === 0 ? (
            <EmptyState title={t('jobs.workersTitle')} body={t('jobs.workersEmpty')} />
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2" data-testid="worker-list">
              {stats.workers.map((w) => (
                <li key={w.id} className="rounded-lg p-3 ring-1 ring-ink-200">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink-900">
                    <span className="font-mono text-xs">{w.id}</span>
                    {w.stopped ? <Badge>{t('jobs.stopped')}</Badge> : w.heartbeatAgeSeconds > STALE_AFTER_SECONDS ? <Badge tone="danger">{t('jobs.stale')}</Badge> : <Badge tone="success">{t('jobs.alive')}</Badge>}
                  </p>
                  <p className="mt-1 text-sm text-ink-600">
                    {t(`jobs.workerMode_${w.mode === 'web' || w.mode === 'worker' ? w.mode : 'test'}`)} · {t('jobs.heartbeat')} {t('jobs.secondsAgo', { n: w.heartbeatAgeSeconds })} · {t('jobs.processed')} {w.processed} · {t('jobs.failedCount')} {w.failed}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card className="overflow-hidden p-0 sm:p-0">
          <div className="flex flex-wrap items-baseline justify-between gap-2 p-4">
            <h2 className="text-base font-semibold text-ink-900">{t('jobs.queuesTitle')}</h2>
            <p className="text-sm text-ink-600" data-testid="events-undispatched">
              {t('jobs.eventsUndispatched', { n: stats.events.undispatched })}
              {stats.events.oldestUndispatchedAgeSeconds !== null ? ` · ${t('jobs.eventsOldest', { s: stats.events.oldestUndispatchedAgeSeconds })}` : ''}
            </p>
          </div>
          {stats.types.length === 0 ? (
            <div className="p-4 pt-0">
              <EmptyState title={t('jobs.queuesTitle')} body={t('jobs.queuesEmpty')} />
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="queue-table">
                <thead className="bg-ink-50 text-ink-600">
                  <tr>
                    <th scope="col" className={th}>{t('jobs.colType')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colPending')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colDue')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colRunning')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colRetrying')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colDead')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colDone')}</th>
                    <th scope="col" className={`${th} text-right`}>{t('jobs.colOldestDue')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-ink-100 tabular-nums">
                  {stats.types.map((q) => (
                    <tr key={q.type} data-testid={`queue-${q.type}`}>
                      <th scope="row" className={`${td} font-mono text-xs font-normal`}>{q.type}</th>
                      <td className={`${td} text-right`}>{q.pending}</td>
                      <td className={`${td} text-right`}>{q.due}</td>
                      <td className={`${td} text-right`}>{q.running}</td>
                      <td className={`${td} text-right`}>{q.retrying}</td>
                      <td className={`${td} text-right ${q.dead ? 'font-semibold text-red-700' : ''}`}>{q.dead}</td>
                      <td className={`${td} text-right`}>{q.done}</td>
                      <td className={`${td} text-right`}>{q.oldestDueAgeSeconds === null ? t('jobs.none') : t('jobs.secondsAgo', { n: q.oldestDueAgeSeconds })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        <Card className="overflow-hidden p-0 sm:p-0">
          <div className="p-4">
            <h2 className="text-base font-semibold text-ink-900">{t('jobs.deadTitle')}</h2>
            <p className="text-sm text-ink-600">{t('jobs.deadIntro')}</p>
          </div>
          {dead.items.length === 0 ? (
            <div className="p-4 pt-0">
              <EmptyState title={t('jobs.deadTitle')} body={t('jobs.deadEmpty')} icon="✓" />
            </div>
          ) : (
            <ul className="divide-y divide-ink-100" data-testid="dead-letters">
              {dead.items.map((j) => (
                <li key={j.id} className="grid gap-2 p-4 sm:grid-cols-[1fr_auto]" data-testid={`dead-job-${j.id}`}>
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-ink-900">
                      #{j.id} <span className="font-mono text-xs">{j.type}</span> · {t('jobs.colAttempts')} {j.attempts}/{j.maxAttempts} · {when(j.finishedAt)}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs text-red-800">{j.lastError ?? t('jobs.none')}</p>
                    <p className="mt-1 break-all font-mono text-xs text-ink-600">{j.payload}</p>
                  </div>
                  {manage ? <JobRowActions id={j.id} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card className="overflow-hidden p-0 sm:p-0">
          <h2 className="p-4 text-base font-semibold text-ink-900">{t('jobs.recentTitle')}</h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="recent-jobs">
              <thead className="bg-ink-50 text-ink-600">
                <tr>
                  <th scope="col" className={th}>{t('jobs.colId')}</th>
                  <th scope="col" className={th}>{t('jobs.colType')}</th>
                  <th scope="col" className={th}>{t('jobs.colStatus')}</th>
                  <th scope="col" className={`${th} text-right`}>{t('jobs.colAttempts')}</th>
                  <th scope="col" className={`${th} hidden md:table-cell`}>{t('jobs.colRunAt')}</th>
                  <th scope="col" className={`${th} hidden md:table-cell`}>{t('jobs.colFinished')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {recent.items.map((j) => (
                  <tr key={j.id}>
                    <td className={`${td} tabular-nums`}>#{j.id}</td>
                    <td className={`${td} font-mono text-xs`}>{j.type}</td>
                    <td className={td}>{statusBadge(j)}</td>
                    <td className={`${td} text-right tabular-nums`}>
                      {j.attempts}/{j.maxAttempts}
                    </td>
                    <td className={`${td} hidden md:table-cell`}>{when(j.runAt)}</td>
                    <td className={`${td} hidden md:table-cell`}>{when(j.finishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
