import type { Metadata } from 'next';
import Link from 'next/link';
import { MentorshipList } from '@/components/mentors/mentorship-list';
import { MyMentorForm } from '@/components/mentors/my-mentor-form';
import { buttonClass } from '@/components/ui/button';
import { Alert, Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { jdzToday } from '@/lib/clock';
import { getTranslator } from '@/lib/i18n/server';
import type { MyMentorInput } from '@/lib/mentors/schemas';
import { getMyMentor, listMyMentorships, myApprentices } from '@/lib/mentors/service';
import { formatYmd } from '@/lib/talent/dates';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mentors.mineTitle') };
}

/** 我的师徒: requests I sent; as a mentor, the requests to me with accept / decline; my own mentor page. */
export default async function MyMentorshipsPage() {
  const actor = await requirePagePermission('mentorships.use');
  const [{ t }, mine, mentor, apprentices] = await Promise.all([getTranslator(), listMyMentorships(actor), getMyMentor(actor), myApprentices(actor)]);
  const today = formatYmd(jdzToday());
  return (
    <>
      <PageHeader
        title={t('mentors.mineTitle')}
        description={t('mentors.mineIntro')}
        actions={
          <Link href="/mentors" className={buttonClass('primary')}>
            {t('mentors.findMentors')}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 font-semibold text-ink-900">{t('mentors.sentTitle')}</h2>
          <MentorshipList items={mine.sent} side="apprentice" empty={t('mentors.sentNone')} today={today} testId="mentorships-sent" />
        </Card>
        {mentor ? (
          <Card>
            <h2 className="mb-2 font-semibold text-ink-900">{t('mentors.receivedTitle')}</h2>
            <MentorshipList items={mine.received} side="mentor" empty={t('mentors.receivedNone')} today={today} testId="mentorships-received" />
          </Card>
        ) : null}
        {apprentices.length ? (
          <Card>
            <h2 className="font-semibold text-ink-900">{t('mentors.apprenticesTitle')}</h2>
            <p className="mb-3 mt-1 text-sm text-ink-600">{t('mentors.rule')}</p>
            <ul className="divide-y divide-ink-100" data-testid="my-apprentices">
              {apprentices.map((a, i) => (
                <li key={a.mentorshipId ?? `self-${i}`} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                  <span className="text-ink-900">{a.age === null ? t('mentors.ageUnknown') : t('mentors.age', { n: a.age })}</span>
                  <span className="text-ink-700">{a.agreement_months === null ? '—' : t('mentors.agreementMonths', { n: a.agreement_months })}</span>
                  <Badge tone={a.verified ? 'success' : 'neutral'}>{a.verified ? t('mentors.apprenticePortal') : t('mentors.state_claimed')}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card>
          <h2 className="font-semibold text-ink-900">{t('mentors.myProfileTitle')}</h2>
          <p className="mb-4 mt-1 text-sm text-ink-600">{t('mentors.myProfileIntro')}</p>
          {mentor && !mentor.published ? (
            <Alert tone="info" className="mb-4">
              {t('mentors.notPublished')}
            </Alert>
          ) : null}
          {mentor ? (
            <Link href={`/mentors/${mentor.id}`} className={`${buttonClass('secondary', 'sm')} mb-4`}>
              {t('mentors.viewPublic')}
            </Link>
          ) : null}
          <MyMentorForm
            initial={
              mentor
                ? { displayName: mentor.name, district: mentor.district as MyMentorInput['district'], studioLocation: mentor.studioLocation, bio: mentor.bio, acceptsApprentices: mentor.acceptsApprentices, maxApprentices: mentor.maxApprentices }
                : { displayName: actor.displayName.slice(0, 40), district: '珠山区', studioLocation: null, bio: null, acceptsApprentices: true, maxApprentices: 2 }
            }
          />
          <details className="mt-4 text-sm text-ink-700">
            <summary className="cursor-pointer font-medium text-ink-900">{t('mentors.ruleTitle')}</summary>
            <p className="mt-2">{t('mentors.rule')}</p>
          </details>
        </Card>
      </div>
    </>
  );
}
