import type { Metadata } from 'next';
import Link from 'next/link';
import { IncomingTransferForm } from '@/components/party/incoming-transfer-form';
import { buttonClass } from '@/components/ui/button';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listPartyMembers } from '@/lib/party/members';
import { incomingTargets, transferDirectory } from '@/lib/party/transfer-views';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyTransfer.incomingTitle') };
}

/** 登记转入介绍信: search the register for the arriving member (or enter a new one), then the letter's facts. */
export default async function IncomingTransferPage({ searchParams }: PageProps<'/party/transfers/incoming/new'>) {
  const actor = await requirePagePermission('party_transfers.read');
  const sp = await searchParams;
  const q = (Array.isArray(sp.q) ? sp.q[0] : sp.q)?.trim().slice(0, 40) || undefined;
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const [dir, found] = await Promise.all([transferDirectory(actor, locale, ip), q ? listPartyMembers(actor, { q, page: 1, pageSize: 20 }, locale, ip) : null]);
  const groups = incomingTargets(dir, actor).map((g) => ({ label: g.committee.name, options: g.orgs.map((o) => ({ value: o.id, label: o.name })) }));
  const members = (found?.items ?? []).map((m) => ({ id: m.id, label: `${m.name} · ${m.idCardNo} · ${m.formalOrgName}` }));

  return (
    <>
      <PageHeader
        title={t('partyTransfer.incomingTitle')}
        description={t('partyTransfer.incomingIntro')}
        actions={
          <Link href="/party/transfers" className={buttonClass('ghost', 'sm')}>
            ← {t('partyTransfer.backToQueue')}
          </Link>
        }
      />
      <div className="max-w-3xl space-y-6">
        <Card>
          <form method="get" role="search" aria-label={t('partyTransfer.memberSearch')} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <label className="block flex-1 text-sm">
              <span className="mb-1 block font-medium text-ink-800">{t('partyTransfer.memberSearch')}</span>
              <Input type="search" name="q" defaultValue={q ?? ''} maxLength={40} placeholder={t('partyTransfer.memberSearchPlaceholder')} />
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              {t('party.search')}
            </button>
          </form>
          {q && !members.length ? <p className="mt-2 text-sm text-ink-700">{t('partyTransfer.memberNoneFound')}</p> : null}
        </Card>
        <Card>
          {groups.length ? <IncomingTransferForm key={q ?? ''} members={members} groups={groups} /> : <Alert tone="error">{t('partyTransfer.noReceivingOrg')}</Alert>}
        </Card>
      </div>
    </>
  );
}
