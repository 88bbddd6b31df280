import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AlertList, MemberRecord } from '@/components/party/member-record';
import { RevealIdForm } from '@/components/party/reveal-id-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getPartyMember } from '@/lib/party/members';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.memberTitle') };
}

/** One member in the secretary's scope (out of scope answers 404 like missing; the service audits the view). */
export default async function PartyMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('party_members.read');
  const parsed = z.strictObject({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const m = await loadForPage(getPartyMember(actor, parsed.data.id, locale, ip));
  return (
    <>
      <PageHeader
        title={m.name}
        description={`${m.formalOrgName} · ${t('party.memberTitle')}`}
        actions={
          <Link href="/party/members" className={buttonClass('ghost', 'sm')}>
            ← {t('party.backToList')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <MemberRecord m={m} t={t} />
        <aside className="space-y-6">
          <Card>
            <h2 className="mb-3 font-semibold text-ink-900">{t('party.alertsTitle')}</h2>
            <AlertList alerts={m.alerts} t={t} />
          </Card>
          {can(actor, 'party_members.reveal') ? (
            <Card>
              <h2 className="mb-3 font-semibold text-ink-900">{t('party.reveal')}</h2>
              <RevealIdForm memberId={m.id} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
