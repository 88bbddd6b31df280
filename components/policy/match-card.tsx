'use client';

import Link from 'next/link';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useLocale, useT } from '@/components/i18n/provider';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { EvaluationResultDto } from '@/lib/policies/schemas';
import { CriterionList, DemoDataBadge, StatusBadge } from './badges';
import { amountLabel, bi, formatDate, modeLabel } from './format';

/**
 * One policy result: title, status, demo badge, amount, validity, the near-miss hint (what would change it and
 * from when) and an expandable list of every criterion with its explanation. Extra actions go in `children`.
 */
export function MatchCard({
  result,
  excludedTitles,
  children,
  compact = false,
}: {
  result: EvaluationResultDto;
  /** Titles of the policies that exclude this one (EXCLUDED). */
  excludedTitles?: string[];
  children?: ReactNode;
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const printing = usePrinting();
  const panelId = useId();
  const near = result.nearMiss ? result.criteria.find((c) => c.id === result.nearMiss!.criterionId) : null;
  const benefit = bi(result.benefitText, locale);
  const amount = amountLabel(result, t, locale);
  // Compact cards (the calculator, the ineligible list) still say what the policy gives, on two lines at most.
  const showBenefit = benefit && (!compact || result.status !== 'INELIGIBLE');
  return (
    <article id={result.policyCode} className="scroll-mt-24 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:p-5" data-testid="match-card" data-code={result.policyCode} data-status={result.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 flex-1 text-base font-semibold leading-snug text-ink-900">
          <Link href={`/policies/${result.policyCode}`} className="hover:text-brand-700 hover:underline">
            {bi(result.title, locale)}
          </Link>
        </h3>
        <StatusBadge status={result.status} />
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-600">
        <DemoDataBadge demoData={result.demoData} />
        {amount ? (
          <span className={cn('tabular-nums', amount.ceiling ? 'font-medium text-ink-800' : 'font-semibold text-emerald-800')} data-testid="match-amount" data-ceiling={amount.ceiling || undefined}>
            {amount.text}
          </span>
        ) : null}
        {result.applicationMode ? <span>{modeLabel(result.applicationMode, t)}</span> : null}
        {result.validUntil ? <span>{t('policyUi.validUntil', { date: formatDate(result.validUntil, locale) })}</span> : null}
      </div>
      {showBenefit ? (
        <p className={cn('mt-2 text-sm text-ink-700', compact && 'line-clamp-2')} data-testid="match-benefit">
          {benefit}
        </p>
      ) : null}

      {result.status === 'NEAR_MISS' && near ? (
        <div className="mt-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-200" data-testid="near-miss">
          <p className="font-medium">{t('policyUi.nearMissWhat')}</p>
          <p className="mt-0.5">{bi(near.explanation, locale)}</p>
          <p className="mt-1 font-medium">
            {result.nearMiss?.eligibleFrom ? t('policyUi.eligibleFrom', { date: formatDate(result.nearMiss.eligibleFrom, locale) }) : t('policyUi.nearMissNow')}
          </p>
        </div>
      ) : null}
      {result.status === 'EXCLUDED' && excludedTitles?.length ? <p className="mt-2 text-sm text-ink-700">{t('policyUi.excludedBy', { titles: excludedTitles.join(locale === 'en' ? ', ' : '、') })}</p> : null}
      {result.status === 'ALREADY_RECEIVING' ? <p className="mt-2 text-sm text-ink-700">{t('policyUi.alreadyReceiving')}</p> : null}

      {children ? <div className="mt-3 print:hidden">{children}</div> : null}

      {result.criteria.length ? (
        <div className="mt-3 border-t border-ink-100 pt-2">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            className={cn(buttonClass('ghost', 'sm'), '-ml-3 text-brand-700 print:hidden')}
          >
            <span aria-hidden>{open ? '▾' : '▸'}</span>
            {open ? t('policyUi.hideDetails') : t('policyUi.showDetails')}
          </button>
          <div id={panelId} hidden={!open} className="mt-2 print:block">
            {/* Rendered when opened (or printed), not hidden in every card: 我的政策 shows ~50 cards and their
                criteria were two thirds of its 278 KB of HTML (bench pages, issue 13 §4). */}
            {open || printing ? <CriterionList criteria={result.criteria} highlightId={result.nearMiss?.criterionId} /> : null}
          </div>
        </div>
      ) : null}
    </article>
  );
}

/** True while the page is being printed: a printout shows every card's criteria, as before they were rendered lazily. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // flushSync: the lists must be in the document before the browser lays out the printout.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
