import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import type { Translator } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n';
import { getMemberDues, getMyDues } from '@/lib/party/dues';
import type { MemberDuesDto } from '@/lib/party/dues-schemas';
import { DuesExplain, DuesLedgerList, DuesSummary } from './dues-ledger-view';
import { DuesRecordForm } from './dues-record-form';

/** 我的党费 on 我的党组织: the monthly amount and how it is computed, what is owed, and the ledger by month. */
export async function MyDuesSection({ actor, t, locale, ip }: { actor: Actor; t: Translator; locale: Locale; ip: string }) {
  const d = await getMyDues(actor, { ip, locale });
  if (!d) return null;
  return (
    <section aria-labelledby="my-dues-title" className="space-y-3" data-testid="my-dues">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="my-dues-title" className="text-lg font-semibold text-ink-900">
          {t('partyDues.title')}
        </h2>
        <Link href="/dues-calculator" className="text-sm font-medium text-brand-700 hover:underline">
          {t('partyDues.calcLink')} →
        </Link>
      </div>
      <Card className="space-y-4">
        <DuesSummary d={d} t={t} />
        {d.quote ? <DuesExplain q={d.quote} reductionRef={d.reductionRef} t={t} /> : null}
        <CollectingOrgs d={d} t={t} />
        <div>
          <h3 className="mb-1 text-sm font-semibold text-ink-900">{t('partyDues.ledger')}</h3>
          <DuesLedgerList d={d} t={t} />
        </div>
      </Card>
    </section>
  );
}

function CollectingOrgs({ d, t }: { d: MemberDuesDto; t: Translator }) {
  return (
    <div className="text-sm">
      <h3 className="font-semibold text-ink-900">{t('partyDues.collectingOrgs')}</h3>
      <ul className="mt-1 space-y-0.5 text-ink-700">
        {d.collectingOrgs.map((o) => (
          <li key={o.id}>
            {o.name} · <span className="text-ink-600">{t(`partyDues.relation_${o.relation}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The secretary's view of one member's dues with the record form (member page and /party/dues?member=…). */
export async function MemberDuesPanel({ actor, memberId, t, locale, ip }: { actor: Actor; memberId: string; t: Translator; locale: Locale; ip: string }) {
  const d = await getMemberDues(actor, memberId, { ip, locale });
  const recordable = d.collectingOrgs.filter((o) => o.canRecord).map((o) => ({ id: o.id, name: o.name }));
  return (
    <div className="space-y-4" data-testid="member-dues">
      <DuesSummary d={d} t={t} />
      {d.quote ? <DuesExplain q={d.quote} reductionRef={d.reductionRef} t={t} /> : null}
      <div>
        <h3 className="mb-2 text-sm font-semibold text-ink-900">{t('partyDues.recordTitle')}</h3>
        <DuesRecordForm memberId={d.memberId} months={d.payableMonths} orgs={recordable} due={d.monthlyAmount} />
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-ink-900">{t('partyDues.ledger')}</h3>
        <DuesLedgerList d={d} t={t} />
      </div>
    </div>
  );
}
