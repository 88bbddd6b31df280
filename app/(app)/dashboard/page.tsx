import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/page';
import { getTranslator } from '@/lib/i18n/server';
import { clientIpForPage } from '@/lib/http/page';
import { listPartyOrgs } from '@/lib/party/orgs';
import { getZone } from '@/lib/zones/service';

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
    const orgs = await listPartyOrgs(actor, locale, ip);
    const own = orgs.find((o) => o.id === actor.orgId);
    intro = actor.role === 'org_admin' ? t('dashboard.orgIntro') : t('dashboard.secretaryIntro', { org: own?.name ?? '' });
    body = (
      <Card>
        <h2 className="font-semibold text-ink-900">{t('dashboard.orgTree')}</h2>
        <ul className="mt-3 divide-y divide-ink-100" data-testid="org-tree">
          {orgs.map((o) => (
            <li key={o.id} className="flex items-center justify-between py-2" style={{ paddingLeft: `${Math.max(0, o.depth) * 1.25}rem` }}>
              <span>{o.name}</span>
              <Badge>{o.code}</Badge>
            </li>
          ))}
        </ul>
      </Card>
    );
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

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: actor.displayName })} description={intro} />
      {body}
    </>
  );
}
