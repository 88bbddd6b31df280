import type { Metadata } from 'next';
import Link from 'next/link';
import { MobileRoster } from '@/components/party/mobile-views';
import { PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listMobileRecords } from '@/lib/party/mobile';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyMobile.rosterTitle') };
}

const TABS = ['submitted', 'expected', 'active', 'watch', 'lost', 'outflow', 'ended'] as const;
type Tab = (typeof TABS)[number];

/** 流动党员 roster for the secretary (their subtree) and the 组织部 (all): tabs 待查验 / 待报到 / 已纳入 / 预警 / 失联 / 本支部流出 / 已结束. */
export default async function MobileRosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_mobile.read');
  const [{ t, locale }, ip, sp] = await Promise.all([getTranslator(), clientIpForPage(), searchParams]);
  const raw = Array.isArray(sp.tab) ? sp.tab[0] : sp.tab;
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'submitted';
  const list = await listMobileRecords(actor, { tab }, { ip, locale });
  return (
    <>
      <PageHeader title={t('partyMobile.rosterTitle')} description={t('partyMobile.rosterIntro')} />
      <nav aria-label={t('partyMobile.rosterTitle')} className="-mx-1 mb-4 flex gap-1 overflow-x-auto pb-1">
        {TABS.map((x) => (
          <Link
            key={x}
            href={`/party/mobile?tab=${x}`}
            aria-current={x === tab ? 'page' : undefined}
            className={`whitespace-nowrap rounded-full px-3 py-1.5 text-sm ${x === tab ? 'bg-brand-700 text-white' : 'bg-ink-100 text-ink-800 hover:bg-ink-200'}`}
          >
            {t(`partyMobile.tab_${x}`)} <span aria-hidden="true">{list.counts[x] ?? 0}</span>
          </Link>
        ))}
      </nav>
      <MobileRoster items={list.items} t={t} locale={locale} empty={t(`partyMobile.empty_${tab}`)} />
    </>
  );
}
