import Link from 'next/link';
import { Badge, Card } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale, Translator } from '@/lib/i18n';
import { getMyAttendance } from '@/lib/party/activities';
import { getMyReports } from '@/lib/party/reports';
import { SubmitReportForm } from './report-forms';

/** 我的党组织: my organisational life (today's activities to check in to, my attendance) and my reports with the form. */

export async function MyOrgLifeSection({ actor, t, locale, ip }: { actor: Actor; t: Translator; locale: Locale; ip: string }) {
  const d = await getMyAttendance(actor, { ip, locale });
  if (!d) return null;
  return (
    <section id="orglife" aria-labelledby="my-orglife-title" className="scroll-mt-20 space-y-3" data-testid="my-orglife">
      <h2 id="my-orglife-title" className="text-lg font-semibold text-ink-900">
        {t('partyActivities.mineTitle')}
      </h2>
      <Card className="space-y-4">
        <p className="text-sm text-ink-700">{d.lastOrgLifeDate ? t('partyActivities.mineLast', { date: d.lastOrgLifeDate }) : t('partyActivities.mineNever')}</p>
        {d.open.length ? (
          <div>
            <h3 className="mb-1 text-sm font-semibold text-ink-900">{t('partyActivities.mineToday')}</h3>
            <ul className="space-y-2">
              {d.open.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-brand-50 p-3">
                  <span className="text-sm text-ink-900">
                    {t(`partyActivities.type_${a.type}`)} · {a.topic} <span className="text-ink-600">（{a.orgName}）</span>
                  </span>
                  {a.checkedIn ? (
                    <Badge tone="success">{t('partyActivities.mineCheckedIn')}</Badge>
                  ) : (
                    <Link href={`/party/activities/${a.id}/check-in`} className="rounded-lg bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
                      {t('partyActivities.mineCheckIn')}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {d.items.length ? (
          <ul className="divide-y divide-ink-100">
            {d.items.map((x) => (
              <li key={x.activityId} className="py-2 text-sm">
                <p className="text-ink-900">
                  <time dateTime={x.date} className="tabular-nums text-ink-700">
                    {x.date}
                  </time>{' '}
                  {t(`partyActivities.type_${x.type}`)} · {x.topic}
                </p>
                <p className="flex flex-wrap gap-x-2 text-xs text-ink-600">
                  <span>{x.orgName}</span>
                  <span>{t(`partyActivities.relation_${x.relation}`)}</span>
                  <span>{t(`partyActivities.method_${x.method}`)}</span>
                  <span className={x.confirmed ? 'text-green-800' : 'text-amber-800'}>{t(x.confirmed ? 'partyActivities.confirmed' : 'partyActivities.awaiting')}</span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-600">{t('partyActivities.mineEmpty')}</p>
        )}
      </Card>
    </section>
  );
}

export async function MyReportsSection({ actor, t, locale, ip }: { actor: Actor; t: Translator; locale: Locale; ip: string }) {
  const d = await getMyReports(actor, { ip, locale });
  if (!d) return null;
  const year = d.currentQuarter.slice(0, 4);
  return (
    <section aria-labelledby="my-reports-title" className="space-y-3" data-testid="my-reports">
      <h2 id="my-reports-title" className="text-lg font-semibold text-ink-900">
        {t('partyReports.mineTitle')}
      </h2>
      <Card className="space-y-4">
        <p className="text-sm text-ink-700">{t('partyReports.mineIntro', { org: d.toOrgName })}</p>
        {d.annualDue ? <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t('partyReports.annualDue', { year: d.annualDue })}</p> : null}
        {d.items.length ? (
          <ul className="divide-y divide-ink-100">
            {d.items.map((r) => (
              <li key={r.id} className="space-y-1 py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-ink-900">
                    {t(`partyReports.type_${r.type}`)} · {r.period}
                  </span>
                  <Badge tone={r.reviewedAt ? 'success' : 'warning'}>{t(r.reviewedAt ? 'partyReports.status_reviewed' : 'partyReports.status_pending')}</Badge>
                </p>
                <details>
                  <summary className="cursor-pointer text-brand-700">{t('partyReports.showContent')}</summary>
                  <p className="mt-1 whitespace-pre-wrap break-words text-ink-800">{r.content}</p>
                </details>
                {r.reviewNote ? (
                  <p className="text-ink-700">
                    <span className="font-medium">{t('partyReports.reviewNote')}：</span>
                    {r.reviewNote}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-600">{t('partyReports.mineEmpty')}</p>
        )}
        <div>
          <h3 className="mb-2 text-sm font-semibold text-ink-900">{t('partyReports.submitTitle')}</h3>
          <SubmitReportForm memberId={d.memberId} year={year} quarter={d.currentQuarter} annualDue={!!d.annualDue} toOrgName={d.toOrgName} />
        </div>
      </Card>
    </section>
  );
}
