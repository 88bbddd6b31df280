import 'server-only';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { listMyMentorships } from './service';

/** 师带徒 on the 工作台: requests awaiting my answer (as a mentor) or a mentor's (as an apprentice); else find a mentor. */
async function MentorshipsCard({ actor, t }: HomeCardContext) {
  const mine = await listMyMentorships(actor);
  const toAnswer = mine.received.filter((m) => m.status === 'requested').length;
  const waiting = mine.sent.filter((m) => m.status === 'requested').length;
  return (
    <Card data-testid="home-mentorships">
      <h2 className="font-semibold text-ink-900">{t('mentors.homeTitle')}</h2>
      {toAnswer ? (
        <p className="mt-1 text-sm font-medium text-amber-900" data-testid="home-mentorships-received">
          {t('mentors.homeReceived', { n: toAnswer })}
        </p>
      ) : null}
      {waiting ? <p className="mt-1 text-sm text-ink-700">{t('mentors.homeSent', { n: waiting })}</p> : null}
      {!toAnswer && !waiting ? <p className="mt-1 text-sm text-ink-700">{t('mentors.homeNone')}</p> : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Link href="/my-mentorships" className={buttonClass(toAnswer ? 'primary' : 'secondary', 'sm')}>
          {t('mentors.homeOpen')}
        </Link>
        <Link href="/mentors" className={buttonClass('ghost', 'sm')}>
          {t('mentors.findMentors')}
        </Link>
      </div>
    </Card>
  );
}

export const mentorHomeCards = defineHomeCards([{ id: 'mentors.mine', order: 37, permission: 'mentorships.use', render: (ctx) => MentorshipsCard(ctx) }]);
