'use client';

import { useId } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { cn } from '@/components/ui/cn';
import type { CriterionResult, Status } from '@/lib/policy-matching/model';
import { formatAmount, STATUS_STYLE, statusKey } from './format';

/** A policy-matching status as a coloured pill with an icon (colour is never the only cue). */
export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  const t = useT();
  const s = STATUS_STYLE[status];
  return (
    <span data-status={status} className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset', s.cls, className)}>
      <span aria-hidden>{s.icon}</span>
      {t(statusKey(status))}
    </span>
  );
}

/**
 * 演示数据 / Demo data: shown on every policy whose figures are not published fact (demoData = true). A disclosure
 * explains what it means (keyboard: Enter/Space on the summary).
 */
export function DemoDataBadge({ demoData = true, className }: { demoData?: boolean; className?: string }) {
  const t = useT();
  const id = useId();
  if (!demoData) return null;
  return (
    <details className={cn('group relative inline-block align-middle', className)} data-testid="demo-badge">
      <summary
        aria-describedby={id}
        className="inline-flex cursor-pointer list-none items-center gap-1 rounded-full bg-orange-100 px-2.5 py-0.5 text-xs font-semibold text-orange-900 ring-1 ring-inset ring-orange-300 [&::-webkit-details-marker]:hidden"
      >
        {t('policy.demoBadge')}
        <span aria-hidden className="text-[10px]">
          ⓘ
        </span>
        <span className="sr-only">{t('policyUi.demoWhat')}</span>
      </summary>
      {/* On a phone the note is a sheet across the bottom of the screen (a popover beside a badge near the right edge
          would run off it, issue 13 §5); from sm it opens under the badge, never wider than the viewport. */}
      <p
        id={id}
        role="note"
        className="fixed inset-x-3 bottom-3 z-40 rounded-lg bg-white p-3 text-sm font-normal leading-relaxed text-ink-800 shadow-xl ring-1 ring-ink-300 sm:absolute sm:inset-x-auto sm:bottom-auto sm:left-0 sm:z-20 sm:mt-1 sm:w-64 sm:max-w-[calc(100vw-2rem)] sm:text-xs sm:shadow-lg sm:ring-ink-200"
      >
        {t('policy.demoExplain')}
      </p>
    </details>
  );
}

/** An amount in CNY: "5,000 元" / "CNY 5,000". Renders nothing for null. */
export function AmountText({ amount, className }: { amount: number | null | undefined; className?: string }) {
  const locale = useLocale();
  if (amount === null || amount === undefined) return null;
  return <span className={cn('tabular-nums', className)}>{formatAmount(amount, locale)}</span>;
}

const RESULT_STYLE: Record<CriterionResult, { icon: string; cls: string }> = {
  MET: { icon: '✓', cls: 'bg-emerald-600 text-white' },
  NOT_MET: { icon: '✕', cls: 'bg-red-600 text-white' },
  UNKNOWN: { icon: '?', cls: 'bg-ink-300 text-ink-900' },
  REVIEW: { icon: '⚖', cls: 'bg-violet-600 text-white' },
};

export interface CriterionItem {
  id: string;
  result: CriterionResult;
  explanation: { zh: string; en: string };
}

/** Per-criterion result (icon + spoken label) and its plain-language explanation in the current language. */
export function CriterionList({ criteria, highlightId, className }: { criteria: readonly CriterionItem[]; highlightId?: string | null; className?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className={cn('space-y-2', className)} data-testid="criterion-list">
      {criteria.map((c) => {
        const s = RESULT_STYLE[c.result];
        return (
          <li key={c.id} className={cn('flex gap-2.5 text-sm text-ink-800', highlightId === c.id && 'rounded-lg bg-amber-50 p-2 ring-1 ring-amber-200')}>
            <span aria-hidden className={cn('mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-[11px] font-bold', s.cls)}>
              {s.icon}
            </span>
            <span>
              <span className="sr-only">{t(`policy.result_${c.result}`)}: </span>
              {locale === 'en' ? c.explanation.en : c.explanation.zh}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
