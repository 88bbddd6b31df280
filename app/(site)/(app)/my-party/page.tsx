import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AlertList, MemberRecord } from '@/components/party/member-record';
import { MyTransferSection, MyTransferSkeleton } from '@/components/party/my-transfer-section';
import { MyDuesSection } from '@/components/party/dues-sections';
import { MyOrgLifeSection, MyReportsSection } from '@/components/party/orglife-sections';
import { MyMobileSection } from '@/components/party/mobile-views';
import { PartyConsentPanel } from '@/components/party/party-consent-panel';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getMyParty } from '@/lib/party/members';
import { PARTY_NOTICE } from '@/lib/party/privacy-notice';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.mineTitle') };
}

/** 我的党组织: a talent's own Party record (after the separate consent, once their branch has linked it). */
export default async function MyPartyPage() {
  const actor = await requirePagePermission('party_record.read_own');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const mine = await getMyParty(actor, locale, ip);
  const m = mine.member;
  return (
    <>
      <PageHeader title={t('party.mineTitle')} description={t('party.mineIntro')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {m ? (
            <>
              <MemberRecord m={{ ...m, formalOrgName: m.formalOrg.name }} t={t} />
              <Suspense fallback={null}>
                <MyMobileSection actor={actor} t={t} locale={locale} ip={ip} />
              </Suspense>
              <Suspense fallback={<MyTransferSkeleton t={t} />}>
                <MyTransferSection actor={actor} member={{ id: m.id, formalOrgId: m.formalOrg.id }} t={t} locale={locale} ip={ip} />
              </Suspense>
              <Suspense fallback={null}>
                <MyDuesSection actor={actor} t={t} locale={locale} ip={ip} />
              </Suspense>
              <Suspense fallback={null}>
                <MyOrgLifeSection actor={actor} t={t} locale={locale} ip={ip} />
              </Suspense>
              <Suspense fallback={null}>
                <MyReportsSection actor={actor} t={t} locale={locale} ip={ip} />
              </Suspense>
            </>
          ) : (
            <EmptyState title={mine.consent.granted ? t('party.notLinked') : t('party.needConsent')} body={mine.consent.granted ? t('party.notLinkedBody') : ''} />
          )}
        </div>
        <aside className="space-y-6">
          {m ? (
            <>
              <Card>
                <h2 className="mb-3 font-semibold text-ink-900">{t('party.alertsTitle')}</h2>
                <AlertList alerts={m.alerts} t={t} />
              </Card>
              <Card>
                <h2 className="mb-2 font-semibold text-ink-900">{t('party.myOrgContact')}</h2>
                <p className="text-sm text-ink-900">{m.formalOrg.name}</p>
                <p className="mt-1 text-sm text-ink-700">{[m.formalOrg.contact.person, m.formalOrg.contact.phone].filter(Boolean).join(' · ')}</p>
                {m.formalOrg.contact.address ? <p className="mt-1 text-sm text-ink-600">{m.formalOrg.contact.address}</p> : null}
              </Card>
            </>
          ) : null}
          <Card>
            <PartyConsentPanel granted={mine.consent.granted} notice={PARTY_NOTICE[locale]} />
          </Card>
        </aside>
      </div>
    </>
  );
}
