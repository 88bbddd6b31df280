import 'server-only';
import Link from 'next/link';
import { daysSince, QueueCard } from '@/components/home/queue-card';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { now } from '@/lib/clock';
import { listEvidenceQueue, listMyCreditRequests, listMyWorks } from './service';

/** The portfolio's 工作台 card: my works, and credits on other people's works waiting for my answer (issue 13 §1). */
async function WorksCard({ actor, t }: HomeCardContext) {
  const [works, credits] = await Promise.all([listMyWorks(actor), listMyCreditRequests(actor)]);
  const waiting = credits.filter((c) => c.status === 'pending').length;
  return (
    <Card data-testid="home-portfolio">
      <h2 className="font-semibold text-ink-900">{t('portfolio.nav')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('home.worksCount', { n: works.length })}</p>
      {works.length === 0 ? <p className="mt-2 text-sm font-medium text-ink-900">{t('home.profileNextWorks')}</p> : null}
      {waiting ? (
        <p className="mt-2 text-sm font-medium text-amber-900" data-testid="home-credits">
          {t('home.creditsCount', { n: waiting })}
        </p>
      ) : null}
      <Link href="/portfolio" className={`${buttonClass(works.length === 0 || waiting ? 'primary' : 'secondary', 'sm')} mt-4`}>
        {waiting ? t('home.creditsOpen') : t('portfolio.nav')}
      </Link>
    </Card>
  );
}

/** Zone staff: credentials waiting for verification in my zone, oldest first (the queue's own order). */
async function VerificationCard({ actor, t, ip }: HomeCardContext) {
  const items = await listEvidenceQueue(actor, 'pending', ip);
  const at = now().getTime();
  const oldest = items[0] ? daysSince(items[0].created_at, at) : 0;
  return (
    <QueueCard
      testId="home-staff-verification"
      title={t('home.staffVerifyTitle')}
      summary={t('home.staffVerifyCount', { n: items.length })}
      empty={t('home.staffVerifyEmpty')}
      oldestBadge={items.length && oldest > 0 ? t('home.oldestWaiting', { n: oldest }) : null}
      items={items.map((e) => ({ id: e.id, href: '/staff/verification', title: `${e.talent_name ?? ''} · ${t(`home.subject_${e.subject}`)}`, meta: t('home.waitingDays', { n: daysSince(e.created_at, at) }) }))}
      href="/staff/verification"
      open={t('home.staffVerifyOpen')}
    />
  );
}

export const portfolioHomeCards = defineHomeCards([
  { id: 'portfolio.verification', order: 20, permission: 'evidence.review', render: (ctx) => VerificationCard(ctx) },{ id: 'portfolio.works', order: 30, permission: 'works.manage', render: (ctx) => WorksCard(ctx) }]);
