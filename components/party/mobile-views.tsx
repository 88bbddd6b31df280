import Link from 'next/link';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale, Translator } from '@/lib/i18n';
import { getMyMobile } from '@/lib/party/mobile';
import type { MobileListItem, MobileRecordDto } from '@/lib/party/mobile-schemas';
import { EndForm, ReportForm } from './mobile-forms';

/** 流动党员 views shared by the roster, the record page, the QR page and 我的党组织 (server components). */

const STATE_TONE: Record<string, 'neutral' | 'success' | 'warning' | 'danger' | 'info'> = {
  OUTFLOW_REGISTERED: 'neutral',
  AWAITING_REPORT: 'info',
  REPORT_SUBMITTED: 'warning',
  INFLOW_ACTIVE: 'success',
  LAPSE_WATCH: 'danger',
  LOST_CONTACT: 'danger',
};

export function StateBadge({ state, t }: { state: string; t: Translator }) {
  return <Badge tone={STATE_TONE[state] ?? 'neutral'}>{t(`partyMobile.state_${state}` as never)}</Badge>;
}

export function FlagList({ flags, t, explain = false }: { flags: readonly string[]; t: Translator; explain?: boolean }) {
  if (!flags.length) return null;
  return (
    <ul className="space-y-1" aria-label={t('partyMobile.lapseFlags')}>
      {flags.map((f) => (
        <li key={f} className="text-sm">
          <Badge tone="danger">{t(`partyMobile.flag_${f}` as never)}</Badge>
          {explain ? <span className="ml-2 text-ink-600">{t(`partyMobile.flagHelp_${f}` as never)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

const fmt = (iso: string | null, locale: Locale) => (iso ? new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');

/** The roster as cards (mobile first); each opens the record. */
export function MobileRoster({ items, t, locale, empty }: { items: MobileListItem[]; t: Translator; locale: Locale; empty: string }) {
  if (!items.length) return <EmptyState title={empty} body="" />;
  return (
    <ul className="space-y-3" data-testid="mobile-roster">
      {items.map((i) => (
        <li key={i.id}>
          <Card className="space-y-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/party/mobile/${i.id}`} className="text-base font-semibold text-brand-700 hover:underline">
                {i.memberName}
              </Link>
              <StateBadge state={i.state} t={t} />
            </div>
            <p className="text-sm text-ink-700">
              {t(i.membershipType === 'formal' ? 'partyMobile.formal' : 'partyMobile.probationary')} · {i.phoneMasked ?? '—'}
              {i.walkIn ? ` · ${t('partyMobile.walkIn')}` : ''}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-ink-600">{t('partyMobile.colOutflow')}</dt>
              <dd className="text-ink-900">{i.outflowOrg.name}</dd>
              <dt className="text-ink-600">{t('partyMobile.colInflow')}</dt>
              <dd className="text-ink-900">{[i.inflowOrg?.name, i.inflowBranch && i.inflowBranch.id !== i.inflowOrg?.id ? i.inflowBranch.name : null].filter(Boolean).join(' / ') || '—'}</dd>
              {i.cardNo ? (
                <>
                  <dt className="text-ink-600">{t('partyMobile.colCard')}</dt>
                  <dd className="text-ink-900">{i.cardNo}</dd>
                </>
              ) : null}
              {i.storedState === 'AWAITING_REPORT' || i.storedState === 'OUTFLOW_REGISTERED' ? (
                <>
                  <dt className="text-ink-600">{t('partyMobile.colDue')}</dt>
                  <dd className="text-ink-900">{fmt(i.reportDueAt, locale)}</dd>
                </>
              ) : null}
            </dl>
            <FlagList flags={i.lapseFlags} t={t} />
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The record's facts (what the reader may see: the 流入地 never gets the ID number). */
export function MobileRecordFacts({ r, t, locale }: { r: MobileRecordDto; t: Translator; locale: Locale }) {
  const row = (label: string, value: string | null | undefined) => (
    <>
      <dt className="text-ink-600">{label}</dt>
      <dd className="text-ink-900">{value || '—'}</dd>
    </>
  );
  return (
    <div className="space-y-4">
      <Card className="space-y-2">
        <h2 className="font-semibold text-ink-900">{t('partyMobile.sectionMember')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {row(t('partyMobile.colName'), r.memberName)}
          {row(t('partyMobile.membership'), t(r.membershipType === 'formal' ? 'partyMobile.formal' : 'partyMobile.probationary'))}
          {row(t('partyMobile.phone'), r.phoneMasked)}
          {row(t('partyMobile.idMasked'), r.idCardMasked ?? t('partyMobile.notShown'))}
          {row(t('partyMobile.cardNo'), r.cardNo)}
          {row(t('partyMobile.lastCardReview'), r.lastCardReviewAt)}
        </dl>
        <div>
          <StateBadge state={r.state} t={t} />
        </div>
        <FlagList flags={r.lapseFlags} t={t} explain />
      </Card>
      <Card className="space-y-2">
        <h2 className="font-semibold text-ink-900">{t('partyMobile.sectionOutflow')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {row(t('partyMobile.outflowOrg'), `${r.outflowOrg.name}${r.outflowOrg.external ? `（${t('partyMobile.external')}）` : ''}`)}
          {row(t('partyMobile.outflowDate'), r.outflowDate)}
          {row(t('partyMobile.outflowReason'), t(`partyMobile.reason_${r.outflowReason}`))}
          {row(t('partyMobile.destination'), [r.destination.province, r.destination.city, r.destination.county, r.destination.unit, r.destination.address].filter(Boolean).join(' '))}
          {row(t('partyMobile.fixedEmployer'), t(r.fixedEmployer ? 'partyMobile.yes' : 'partyMobile.no'))}
          {row(t('partyMobile.arrivalDate'), r.arrivalDate)}
          {row(t('partyMobile.reportDueAt'), fmt(r.reportDueAt, locale))}
          {row(t('partyMobile.nationalFlowRef'), r.nationalFlowRef)}
        </dl>
      </Card>
      <Card className="space-y-2">
        <h2 className="font-semibold text-ink-900">{t('partyMobile.sectionInflow')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {row(t('partyMobile.inflowOrg'), r.inflowOrg?.name)}
          {row(t('partyMobile.reportedAt'), fmt(r.reportSubmittedAt, locale))}
          {row(t('partyMobile.inflowBranch'), r.inflowBranch?.name)}
          {row(t('partyMobile.acceptedAt'), fmt(r.acceptedAt, locale))}
          {row(t('partyMobile.inflowContact'), [r.inflowContact.person, r.inflowContact.phone].filter(Boolean).join(' · '))}
          {r.redirectReason ? row(t('partyMobile.redirectReason'), r.redirectReason) : null}
          {r.redirectToOrg ? row(t('partyMobile.redirectTo'), r.redirectToOrg.name) : null}
          {r.endReason ? row(t('partyMobile.endReason'), r.endReason) : null}
        </dl>
      </Card>
    </div>
  );
}

export function MobileTimeline({ r, t, locale }: { r: MobileRecordDto; t: Translator; locale: Locale }) {
  return (
    <Card>
      <h2 className="mb-3 font-semibold text-ink-900">{t('partyMobile.sectionTimeline')}</h2>
      <ol className="space-y-3" data-testid="mobile-timeline">
        {r.events.map((e) => (
          <li key={e.seq} className="border-l-2 border-brand-200 pl-3 text-sm">
            <p className="font-medium text-ink-900">
              {t(`partyMobile.action_${e.action}`)} → {t(`partyMobile.state_${e.toState}`)}
            </p>
            <p className="text-ink-600">
              <time dateTime={e.at}>{new Date(e.at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' })}</time> · {t(`partyMobile.role_${e.actorRole}` as never)}
              {e.orgName ? ` · ${e.orgName}` : ''}
            </p>
            {e.comment ? <p className="text-ink-700">{e.comment}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** 我的党组织 → 流动党员报到: where I report, a 报到 form, my flags explained. */
export async function MyMobileSection({ actor, t, locale, ip }: { actor: Actor; t: Translator; locale: Locale; ip: string }) {
  const mine = await getMyMobile(actor, { ip, locale });
  if (!mine.linked) return null;
  const r = mine.record;
  const open = r && !['ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON'].includes(r.storedState) ? r : null;
  if (!open && !mine.canWalkIn) {
    if (mine.formalOrg && !mine.formalOrg.external) return null; // a local member: nothing to report
  }
  const canReport = open ? open.actions.includes('report') : mine.canWalkIn;
  return (
    <Card className="space-y-4" id="mobile" data-testid="my-mobile">
      <div>
        <h2 className="font-semibold text-ink-900">{t('partyMobile.myTitle')}</h2>
        <p className="mt-1 text-sm text-ink-600">{t('partyMobile.myIntro')}</p>
      </div>
      {open ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-ink-900">{t('partyMobile.myWhere')}</h3>
          <StateBadge state={open.state} t={t} />
          {open.storedState === 'AWAITING_REPORT' || open.storedState === 'OUTFLOW_REGISTERED' ? <p className="text-sm text-ink-700">{t('partyMobile.myAwaiting', { date: fmt(open.reportDueAt, locale) })}</p> : null}
          {open.storedState === 'REPORT_SUBMITTED' && open.inflowOrg ? <p className="text-sm text-ink-700">{t('partyMobile.mySubmitted', { org: open.inflowOrg.name })}</p> : null}
          {open.storedState === 'INFLOW_ACTIVE' && open.inflowBranch ? <p className="text-sm text-ink-700">{t('partyMobile.myAccepted', { org: open.inflowBranch.name })}</p> : null}
          {open.redirectReason && open.redirectToOrg ? <Alert tone="info">{t('partyMobile.myRedirected', { org: open.events.find((e) => e.action === 'redirect')?.orgName ?? '', reason: open.redirectReason })}</Alert> : null}
          {open.inflowContact.person ? (
            <p className="text-sm text-ink-700">
              {t('partyMobile.myContact')}：{[open.inflowContact.person, open.inflowContact.phone].filter(Boolean).join(' · ')}
            </p>
          ) : null}
        </div>
      ) : null}
      {canReport ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-ink-900">{t('partyMobile.myReportTitle')}</h3>
          <p className="text-sm text-ink-600">{t('partyMobile.myReportHelp')}</p>
          {open?.redirectToOrg ? <p className="text-sm text-ink-700">{t('partyMobile.mySuggested', { org: open.redirectToOrg.name })}</p> : null}
          <ReportForm orgs={mine.orgs} defaultOrgId={open?.redirectToOrg?.id ?? null} />
        </div>
      ) : null}
      {open ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-ink-900">{t('partyMobile.myFlagsTitle')}</h3>
          {open.lapseFlags.length ? <FlagList flags={open.lapseFlags} t={t} explain /> : <p className="text-sm text-ink-600">{t('partyMobile.myNoFlags')}</p>}
        </div>
      ) : null}
      {open && open.storedState === 'INFLOW_ACTIVE' ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('partyMobile.myEndTitle')}</summary>
          <div className="mt-2">
            <EndForm id={open.id} mine />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
