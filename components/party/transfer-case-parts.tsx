import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { Locale, Translator } from '@/lib/i18n';
import type { TransferState } from '@/lib/party/transfer-machine';
import type { TransferDto } from '@/lib/party/transfer-schemas';
import { actionName, actorKindName, formatDateTime, formatDay, formatDeadline, returnReasonName, stateName, stateTone } from './transfer-labels';

/**
 * Parts of a transfer case shared by 我的党组织 and the case page: the state badge, the step tracker (§5.1 main path,
 * with the side states placed where they hold the case), the return/hold/void explanation and the event timeline.
 * Plain server components: they receive the DTO, a translator and the locale.
 */

export function StateBadge({ state, locale }: { state: TransferState; locale: Locale }) {
  return (
    <span data-testid="transfer-state" data-state={state}>
      <Badge tone={stateTone(state)}>{stateName(state, locale)}</Badge>
    </span>
  );
}

export function OverdueBadge({ deadline, t, locale }: { deadline: string | null; t: Translator; locale: Locale }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-red-700 px-2.5 py-0.5 text-xs font-semibold text-white" data-testid="overdue">
      <span aria-hidden>!</span>
      {t('partyTransfer.overdue')}
      {deadline ? <span className="font-normal">· {t('partyTransfer.deadlineWas', { date: formatDeadline(deadline, locale) })}</span> : null}
    </span>
  );
}

const MAIN: readonly TransferState[] = ['DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW', 'ORGDEPT_REVIEW', 'ISSUED', 'RECEIVER_REVIEW', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT'];
/** Where a side state holds the case on the main path. */
const HELD_AT: Partial<Record<TransferState, TransferState>> = { RETURNED_FOR_EDIT: 'DRAFT', ON_HOLD: 'RECEIVER_REVIEW', RETURNED_BY_RECEIVER: 'ISSUER_REVIEW' };
const STOPPED: readonly TransferState[] = ['WITHDRAWN', 'EXPIRED', 'VOIDED'];

export function StepTracker({ c, t, locale }: { c: TransferDto; t: Translator; locale: Locale }) {
  const reached = new Set<TransferState>(c.events.flatMap((e) => [e.toState, ...(e.fromState ? [e.fromState] : [])]));
  const offDirectory = !c.toOrgId || (!!c.toOrgText && !c.toOrgName);
  const steps = MAIN.filter((s) => {
    if (s === 'ORGDEPT_REVIEW') return reached.has(s) || c.state === s;
    if (offDirectory && (s === 'RECEIVER_REVIEW' || s === 'ACCEPTED' || s === 'COMPLETED')) return false;
    if (c.incoming && ['DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW'].includes(s)) return false;
    return true;
  });
  const stopped = STOPPED.includes(c.state);
  const at = HELD_AT[c.state] ?? c.state;
  let current = steps.indexOf(at);
  if (stopped) current = Math.max(-1, ...steps.map((s, i) => (reached.has(s) ? i : -1)));
  const side = HELD_AT[c.state] || stopped;
  return (
    <div>
      <ol className="grid gap-0 sm:grid-cols-1" aria-label={t('partyTransfer.steps')} data-testid="step-tracker">
        {steps.map((s, i) => {
          const done = i < current || (c.state === 'RECEIPT_SENT' && i === current);
          const isCurrent = i === current && c.state !== 'RECEIPT_SENT';
          return (
            <li key={s} aria-current={isCurrent ? 'step' : undefined} className="relative flex gap-3 pb-4 last:pb-0">
              {i < steps.length - 1 ? <span aria-hidden className={cn('absolute left-[0.6875rem] top-6 h-[calc(100%-1.25rem)] w-0.5', done ? 'bg-brand-700' : 'bg-ink-200')} /> : null}
              <span
                aria-hidden
                className={cn(
                  'relative z-10 mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold',
                  done ? 'bg-brand-700 text-white' : isCurrent ? (side ? 'bg-amber-700 text-white ring-4 ring-amber-100' : 'bg-white text-brand-800 ring-2 ring-brand-700') : 'bg-white text-ink-600 ring-1 ring-ink-300',
                )}
              >
                {done ? '✓' : i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className={cn('text-sm', isCurrent ? 'font-semibold text-ink-900' : done ? 'text-ink-800' : 'text-ink-600')}>
                  {stateName(s, locale)}
                  <span className="sr-only"> · {done ? t('partyTransfer.stepDone') : isCurrent ? t('partyTransfer.stepCurrent') : t('partyTransfer.stepUpcoming')}</span>
                </p>
                {isCurrent ? (
                  <div className="mt-1 space-y-1 text-sm text-ink-700">
                    {side ? (
                      <p>
                        <StateBadge state={c.state} locale={locale} />
                      </p>
                    ) : null}
                    {c.currentHandlerOrgName && !stopped ? <p>{t('partyTransfer.handlerNow', { org: c.currentHandlerOrgName })}</p> : null}
                    {c.state === 'RETURNED_FOR_EDIT' ? <p>{t('partyTransfer.handlerApplicant')}</p> : null}
                    {c.stepDeadline && !stopped ? (
                      <p className={c.overdue ? 'font-medium text-red-800' : undefined}>
                        {c.overdue ? t('partyTransfer.deadlineOverdue', { date: formatDeadline(c.stepDeadline, locale) }) : t('partyTransfer.deadline', { date: formatDeadline(c.stepDeadline, locale) })}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** Why the case is where it is: a return (coded reason in words + comment), a hold, a void, an expiry. */
export function CaseNotice({ c, t, locale }: { c: TransferDto; t: Translator; locale: Locale }) {
  const lines: { title: string; body: string | null; tone: 'warning' | 'danger' | 'neutral' }[] = [];
  if (c.state === 'RETURNED_FOR_EDIT' || c.state === 'RETURNED_BY_RECEIVER') {
    lines.push({
      title: c.returnReasonCode ? t('partyTransfer.returnedBecause', { reason: returnReasonName(c.returnReasonCode, locale) }) : t('partyTransfer.returnedTitle'),
      body: c.returnReasonText,
      tone: c.state === 'RETURNED_BY_RECEIVER' ? 'danger' : 'warning',
    });
  }
  if (c.state === 'ON_HOLD') lines.push({ title: t('partyTransfer.onHoldTitle'), body: c.holdReason, tone: 'warning' });
  if (c.state === 'VOIDED') lines.push({ title: t('partyTransfer.voidedTitle'), body: c.voidedReason, tone: 'danger' });
  if (c.state === 'EXPIRED') lines.push({ title: t('partyTransfer.expiredTitle'), body: t('partyTransfer.expiredBody'), tone: 'danger' });
  if (c.state === 'WITHDRAWN') lines.push({ title: t('partyTransfer.withdrawnTitle'), body: null, tone: 'neutral' });
  if (!lines.length) return null;
  const tones = { warning: 'bg-amber-50 text-amber-950 ring-amber-300', danger: 'bg-red-50 text-red-950 ring-red-300', neutral: 'bg-ink-50 text-ink-900 ring-ink-200' } as const;
  return (
    <div className="space-y-2" data-testid="case-notice">
      {lines.map((l) => (
        <div key={l.title} role="note" className={cn('rounded-xl px-4 py-3 text-sm ring-1 ring-inset', tones[l.tone])}>
          <p className="font-semibold">{l.title}</p>
          {l.body ? <p className="mt-1 whitespace-pre-line">{l.body}</p> : null}
        </div>
      ))}
    </div>
  );
}

/** The immutable event trail (I3): seq, action, from → to, actor kind and organisation, comment, time. */
export function Timeline({ c, t, locale }: { c: TransferDto; t: Translator; locale: Locale }) {
  if (!c.events.length) return <p className="text-sm text-ink-600">{t('partyTransfer.noEvents')}</p>;
  return (
    <ol className="space-y-3" aria-label={t('partyTransfer.timeline')} data-testid="timeline">
      {[...c.events].reverse().map((e) => (
        <li key={e.seq} className="rounded-xl bg-ink-50 px-3 py-2.5 ring-1 ring-inset ring-ink-100">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="text-sm font-semibold text-ink-900">
              <span className="mr-1.5 font-mono text-xs font-normal text-ink-600">#{e.seq}</span>
              {actionName(e.action, locale)}
            </p>
            <time dateTime={e.at} className="text-xs tabular-nums text-ink-600">
              {formatDateTime(e.at)}
            </time>
          </div>
          <p className="mt-0.5 text-xs text-ink-700">
            {e.fromState ? `${stateName(e.fromState, locale)} → ` : ''}
            {stateName(e.toState, locale)}
          </p>
          <p className="mt-0.5 text-xs text-ink-700">
            {actorKindName(e.actorRole, locale)}
            {e.actorOrgName ? ` · ${e.actorOrgName}` : ''}
          </p>
          {e.comment ? <p className="mt-1 whitespace-pre-line text-sm text-ink-800">{e.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** From → to, letter number and validity, as a definition list. */
export function CaseFacts({ c, t, locale, showReason = true }: { c: TransferDto; t: Translator; locale: Locale; showReason?: boolean }) {
  const from = c.fromOrgName ?? c.fromOrgText ?? '—';
  const to = c.toOrgName ?? c.toOrgText ?? '—';
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-2 sm:grid-cols-[9rem_1fr]" data-testid={testId}>
      <dt className="text-sm text-ink-600">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-ink-900">{value}</dd>
    </div>
  );
  return (
    <dl className="divide-y divide-ink-100">
      {row(t('partyTransfer.member'), c.memberName)}
      {row(t('partyTransfer.fromTo'), <>{from} <span aria-hidden>→</span><span className="sr-only">{t('partyTransfer.to')}</span> {to}</>, 'from-to')}
      {showReason ? row(t('partyTransfer.reason'), c.reason) : null}
      {c.letterNo
        ? row(
            t('partyTransfer.letterNo'),
            <span className="font-medium" data-testid="letter-no">
              {c.letterNo}
            </span>,
          )
        : null}
      {c.issuedAt ? row(t('partyTransfer.issuedAt'), formatDay(c.issuedAt, locale)) : null}
      {c.validityDays ? row(t('partyTransfer.validity'), t('partyTransfer.validityDaysUnit', { n: c.validityDays })) : null}
      {c.expiresAt ? row(t('partyTransfer.expiresAt'), <>{formatDeadline(c.expiresAt, locale)}{c.openedAt ? <span className="ml-1 text-ink-600">（{t('partyTransfer.clockStopped')}）</span> : null}</>) : null}
      {c.nationalFlowNo
        ? row(
            t('partyTransfer.nationalFlowNo'),
            <>
              {c.nationalFlowNo}
              <span className="mt-0.5 block text-xs text-ink-600">{t('partyTransfer.nationalNote')}</span>
            </>,
          )
        : null}
    </dl>
  );
}

export function CaseLinks({ c, t, letter = true }: { c: TransferDto; t: Translator; letter?: boolean }) {
  const links = [
    letter && c.letterNo && c.verifyCode ? { href: `/party/transfers/${c.id}/letter`, label: t('partyTransfer.openLetter'), testId: 'letter-link' } : null,
    c.predecessorId ? { href: `/party/transfers/${c.predecessorId}`, label: t('partyTransfer.predecessor'), testId: 'predecessor-link' } : null,
    c.successorId ? { href: `/party/transfers/${c.successorId}`, label: t('partyTransfer.successor'), testId: 'successor-link' } : null,
  ].filter((x): x is { href: string; label: string; testId: string } => !!x);
  if (!links.length) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href} className="font-medium text-brand-700 underline-offset-2 hover:underline" data-testid={l.testId}>
            {l.label} →
          </Link>
        </li>
      ))}
    </ul>
  );
}
