import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmAttendanceButton, RecordAttendanceForm } from '@/components/party/activity-forms';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import type { Translator } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import { getActivity } from '@/lib/party/activities';
import { partyToday } from '@/lib/party/members';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyActivities.detailTitle') };
}

function Names({ items, t }: { items: { memberId: string; name: string }[]; t: Translator }) {
  return items.length ? <p className="text-sm text-ink-800">{items.map((x) => x.name).join('、')}</p> : <p className="text-sm text-ink-600">{t('partyActivities.none')}</p>;
}

/**
 * One activity: 应到 / 实到 of the voting members and whether the quorum is reached, the mobile attendees apart
 * (不计入法定人数、无表决权), the attendance with confirmations of self check-ins, and the record form.
 */
export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('party_activities.read');
  const [{ t, locale }, ip, { id }] = await Promise.all([getTranslator(), clientIpForPage(), params]);
  const a = await loadForPage(getActivity(actor, id, { ip, locale }));
  const q = a.quorum;
  const held = a.date <= partyToday().todayIso;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/party/activities?month=${a.date.slice(0, 7)}`} className="font-medium text-brand-700 hover:underline">
          ← {t('partyActivities.listTitle')}
        </Link>
      </p>
      <PageHeader title={a.topic} description={[a.orgName, a.date, a.location ? t('partyActivities.location', { place: a.location }) : null].filter(Boolean).join(' · ')} />
      <div className="mb-4 flex flex-wrap gap-2">
        <Badge tone="info">{t(`partyActivities.type_${a.type}`)}</Badge>
        {a.votingItems ? <Badge tone="warning">{t('partyActivities.voting')}</Badge> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card className="space-y-3" data-testid="quorum">
            <h2 className="font-semibold text-ink-900">{t('partyActivities.quorumTitle')}</h2>
            <dl className="grid grid-cols-2 gap-3 text-center">
              <div className="rounded-lg bg-ink-50 p-3">
                <dt className="text-sm text-ink-600">{t('partyActivities.expected')}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-ink-900" data-testid="quorum-expected">
                  {q.expected}
                </dd>
              </div>
              <div className="rounded-lg bg-ink-50 p-3">
                <dt className="text-sm text-ink-600">{t('partyActivities.present')}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-ink-900" data-testid="quorum-present">
                  {q.present}
                </dd>
              </div>
            </dl>
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={q.reached ? 'success' : 'warning'}>{t(q.reached ? 'partyActivities.reached' : 'partyActivities.notReached')}</Badge>
              <span className="text-ink-700">{t('partyActivities.required', { n: q.required })}</span>
            </p>
            <p className="text-xs text-ink-600">{t('partyActivities.quorumNote')}</p>
            <div>
              <h3 className="text-sm font-semibold text-ink-900">{t('partyActivities.absentVoting')}</h3>
              <Names items={q.absent} t={t} />
            </div>
            <div>
              <h3 className="text-sm font-semibold text-ink-900">{t('partyActivities.probationaryPresent')}</h3>
              <Names items={a.probationaryPresent} t={t} />
            </div>
          </Card>

          <Card className="space-y-2" data-testid="mobile-present">
            <h2 className="font-semibold text-ink-900">{t('partyActivities.mobilePresent', { n: a.mobilePresent.length })}</h2>
            <p className="text-sm text-amber-800">{t('partyActivities.mobileNote')}</p>
            <Names items={a.mobilePresent} t={t} />
          </Card>

          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('partyActivities.attendanceTitle')}</h2>
            {a.attendance.length ? (
              <ul className="divide-y divide-ink-100" data-testid="attendance">
                {a.attendance.map((r) => (
                  <li key={r.memberId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <div className="min-w-0">
                      <p className="font-medium text-ink-900">{r.name}</p>
                      <p className="flex flex-wrap gap-x-2 text-xs text-ink-600">
                        <span>{t(`partyActivities.relation_${r.relation}`)}</span>
                        <span>
                          {t('partyActivities.colVote')}：{t(r.mayVote ? 'partyActivities.voteYes' : 'partyActivities.voteNo')}
                        </span>
                        <span>{t(`partyActivities.method_${r.method}`)}</span>
                      </p>
                    </div>
                    {r.confirmed ? (
                      <Badge tone="success">{t('partyActivities.confirmed')}</Badge>
                    ) : a.canManage ? (
                      <ConfirmAttendanceButton activityId={a.id} memberId={r.memberId} name={r.name} />
                    ) : (
                      <Badge tone="warning">{t('partyActivities.awaiting')}</Badge>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-ink-600">{t('partyActivities.noAttendance')}</p>
            )}
          </Card>
        </div>
        {a.canManage ? (
          <aside>
            <Card>
              <h2 className="mb-3 font-semibold text-ink-900">{t('partyActivities.recordTitle')}</h2>
              {held ? <RecordAttendanceForm activityId={a.id} candidates={a.candidates} /> : <p className="text-sm text-ink-600">{t('partyActivities.recordNotYet')}</p>}
            </Card>
          </aside>
        ) : null}
      </div>
    </>
  );
}
