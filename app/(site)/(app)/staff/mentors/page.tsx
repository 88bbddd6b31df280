import type { Metadata } from 'next';
import Link from 'next/link';
import { MentorCreateForm } from '@/components/mentors/mentor-create-form';
import { MentorshipList } from '@/components/mentors/mentorship-list';
import { craftLabel, districtLabel, joinList } from '@/components/talent/labels';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { jdzToday } from '@/lib/clock';
import { getTranslator } from '@/lib/i18n/server';
import { listManagedMentors, listMentorMentorships } from '@/lib/mentors/service';
import { formatYmd } from '@/lib/talent/dates';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mentors.staffTitle') };
}

/** 导师管理 (zone staff): mentors without an account, the requests to them (answered for the master), and a new one. */
export default async function StaffMentorsPage() {
  const actor = await requirePagePermission('mentors.manage');
  const [{ t, locale }, list] = await Promise.all([getTranslator(), listManagedMentors(actor)]);
  const requests = await Promise.all(list.map((m) => listMentorMentorships(actor, m.id)));
  const today = formatYmd(jdzToday());
  return (
    <>
      <PageHeader title={t('mentors.staffTitle')} description={t('mentors.staffIntro')} />
      <div className="space-y-6">
        {list.length === 0 ? <EmptyState title={t('mentors.staffNone')} body={t('mentors.staffIntro')} icon="🏺" /> : null}
        <ul className="space-y-4" data-testid="staff-mentors">
          {list.map((m, i) => (
            <li key={m.id}>
              <Card>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/mentors/${m.id}`} className="font-semibold text-ink-900 hover:underline">
                    {m.name}
                  </Link>
                  {m.demo ? <Badge tone="warning">{t('mentors.demo')}</Badge> : null}
                  <Badge tone={m.freePlaces > 0 ? 'success' : 'neutral'}>{m.acceptsApprentices ? t('mentors.freePlaces', { n: m.freePlaces }) : t('mentors.notAccepting')}</Badge>
                </div>
                <p className="mt-1 text-sm text-ink-600">
                  {joinList(m.crafts.map((c) => craftLabel(c, locale)), locale)} · {districtLabel(m.district, locale)}
                </p>
                <h3 className="mb-1 mt-3 text-sm font-medium text-ink-800">{t('mentors.staffRequests')}</h3>
                <MentorshipList items={requests[i] ?? []} side="mentor" empty={t('mentors.staffRequestsNone')} today={today} testId="staff-mentorships" />
              </Card>
            </li>
          ))}
        </ul>
        <Card>
          <h2 className="mb-3 font-semibold text-ink-900">{t('mentors.staffNew')}</h2>
          <MentorCreateForm />
        </Card>
      </div>
    </>
  );
}
