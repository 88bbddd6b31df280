import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterMemberForm } from '@/components/party/register-member-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listPartyOrgs } from '@/lib/party/orgs';
import { isFormalHolderType } from '@/lib/party/schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.registerTitle') };
}

/** 登记党员 at an ACTIVE branch in the caller's subtree (the service checks scope, status and type again). */
export default async function NewPartyMemberPage() {
  const actor = await requirePagePermission('party_members.register');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const orgs = (await listPartyOrgs(actor, locale, ip))
    .filter((o) => o.status === 'ACTIVE' && (isFormalHolderType(o.orgType) || o.flags.isExternal))
    .map((o) => ({ id: o.id, label: `${o.name}（${o.code}）` }));
  return (
    <>
      <PageHeader
        title={t('party.registerTitle')}
        description={t('party.registerIntro')}
        actions={
          <Link href="/party/members" className={buttonClass('ghost', 'sm')}>
            ← {t('party.backToList')}
          </Link>
        }
      />
      <Card className="max-w-xl">
        <RegisterMemberForm orgs={orgs} />
      </Card>
    </>
  );
}
