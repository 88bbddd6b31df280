import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { clientIpForPage } from '@/lib/http/page';
import { listPartyOrgs } from '@/lib/party/orgs';
import { getZone } from '@/lib/zones/service';
import { homeCardsFor } from '@/lib/home/cards';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('nav.dashboard') };
}

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const { t, locale } = await getTranslator();
  const ip = await clientIpForPage();

  let intro = t('dashboard.talentIntro');
  let body: React.ReactNode = <EmptyState title={t('dashboard.emptyTitle')} body={t('dashboard.emptyBody')} />;

  if (actor.role === 'zone_staff' && actor.zoneCode) {
    const zone = await getZone(actor, actor.zoneCode, locale, ip);
    intro = t('dashboard.staffIntro', { zone: zone.name });
  } else if (actor.role === 'branch_secretary' || actor.role === 'org_admin') {
    intro = actor.role === 'org_admin' ? t('dashboard.orgIntro') : t('dashboard.secretaryIntro', { org: (await listPartyOrgs(actor, locale, ip)).find((o) => o.id === actor.orgId)?.name ?? '' });
  } else if (actor.role === 'sysadmin') {
    intro = t('dashboard.adminIntro');
    body = (
      <Card>
        <Link href="/admin/users" className={buttonClass('primary')}>
          {t('nav.admin')}
        </Link>
      </Card>
    );
  }

  // Cards each domain contributes (lib/home/cards.ts); the role's own body stays when no card has anything to show.
  const cards = (await Promise.all(homeCardsFor(actor).map(async (c) => ({ c, node: await c.render({ actor, t, locale, ip }) })))).filter((x) => x.node);
  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: actor.displayName })} description={intro} />
      {cards.length ? (
        <div className="grid gap-6 md:grid-cols-2" data-testid="home-cards">
          {cards.map(({ c, node }) => (
            <div key={c.id} className={c.wide ? 'md:col-span-2' : undefined}>
              {node}
            </div>
          ))}
        </div>
      ) : (
        body
      )}
    </>
  );
}
