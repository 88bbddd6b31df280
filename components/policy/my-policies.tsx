'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button, buttonClass } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { MessageKey } from '@/lib/i18n';
import type { EvaluationResultDto } from '@/lib/policies/schemas';
import type { Status } from '@/lib/policy-matching/model';
import { saveProfileAction } from '@/lib/talent/actions';
import { DemoDataBadge } from './badges';
import { FieldQuestion, patchFor } from './field-question';
import type { ApplicationState } from '@/lib/policies/application-state';
import { amountLabel, bi, estimatedTotal, fieldLabel, formatAmount, formatDate, modeLabel, STATUS_STYLE, statusKey } from './format';
import { MatchCard } from './match-card';

export interface ChooseOneGroup {
  id: string;
  note: string | null;
  items: { code: string; durationMonths: number | null; oneOff: boolean }[];
}

export interface MyPoliciesData {
  evalDate: string;
  results: EvaluationResultDto[];
  missingFields: string[];
  nextQuestion: string | null;
}

/**
 * What matters leads (issue 13 §5): the policies you qualify for and the near misses are open; the ones that need an
 * answer (the next question asks them one at a time), need a review or are excluded are disclosures with their count.
 */
const SECTIONS: { key: string; statuses: Status[]; open: boolean }[] = [
  { key: 'ELIGIBLE', statuses: ['ELIGIBLE'], open: true },
  { key: 'NEAR_MISS', statuses: ['NEAR_MISS'], open: true },
  { key: 'NEEDS_REVIEW', statuses: ['NEEDS_REVIEW'], open: false },
  { key: 'NEEDS_INFO', statuses: ['NEEDS_INFO'], open: false },
  { key: 'EXCLUDED', statuses: ['ALREADY_RECEIVING', 'EXCLUDED'], open: false },
];

const APPLICABLE = new Set<Status>(['ELIGIBLE', 'NEEDS_REVIEW']);

/** 我的政策: summary, the next question, results per status, choose-one comparisons, print and share. */
export function MyPolicies({
  data,
  current,
  applications,
  chooseOne,
}: {
  data: MyPoliciesData;
  current: Record<string, unknown>;
  /** The latest application per policy code that was not withdrawn (lib/policies/application-state.ts). */
  applications: Record<string, ApplicationState>;
  chooseOne: ChooseOneGroup[];
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [saveError, setSaveError] = useState<{ field: string; message: string } | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [asking, setAsking] = useState<Record<string, string>>({});
  const [round, setRound] = useState(0);

  const byStatus = (ss: Status[]) => data.results.filter((r) => ss.includes(r.status));
  const eligible = byStatus(['ELIGIBLE']);
  const total = estimatedTotal(data.results);
  const titles = new Map(data.results.map((r) => [r.policyCode, bi(r.title, locale)]));
  const affects = (f: string) => data.results.filter((r) => r.missingFields.includes(f)).length;

  const save = (field: string, value: unknown) =>
    start(async () => {
      setSaveError(null);
      setFlash(null);
      const res = await saveProfileAction(patchFor(field, value, current) as never);
      if (!res.ok) {
        const fe = Object.entries(res.fieldErrors ?? {}).find(([k]) => k === field || field.startsWith(`${k}.`) || k.startsWith(`${field}`));
        setSaveError({ field, message: fe?.[1]?.[0] ?? res.formError });
        return;
      }
      setFlash(t('policyUi.saved'));
      setAsking({});
      setRound((n) => n + 1);
      router.refresh();
    });

  const share = async () => {
    const lines = data.results
      .filter((r) => r.status !== 'INELIGIBLE')
      .map((r) => t('policyUi.shareLine', { title: bi(r.title, locale), status: t(statusKey(r.status)) }) + (r.amountEstimate ? ` · ${amountLabel(r, t, locale)!.text}` : ''));
    const text = `${t('policyUi.shareTitle')} (${formatDate(data.evalDate, locale)})\n${lines.join('\n')}`;
    try {
      if (navigator.share) await navigator.share({ title: t('policyUi.shareTitle'), text });
      else {
        await navigator.clipboard.writeText(text);
        setFlash(t('policyUi.copied'));
      }
    } catch (err) {
      if ((err as Error)?.name !== 'AbortError') setFlash(t('policyUi.shareFailed'));
    }
  };

  const actions = (r: EvaluationResultDto) => {
    const found = applications[r.policyCode];
    const rejected = found?.status === 'rejected' ? found : null;
    const app = found && !rejected ? found : null;
    const auto = r.applicationMode === '免申即享';
    return (
      <div className="flex flex-wrap items-center gap-2">
        {rejected ? (
          <p className="w-full rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-inset ring-red-200" data-testid="application-rejected">
            <span aria-hidden>✕ </span>
            {rejected.reason ? t('policyUi.appLastRejectedReason', { reason: rejected.reason }) : t('policyUi.appLastRejected')}{' '}
            <Link href={`/applications#${rejected.id}`} className="font-medium underline">
              {t('policyUi.appSee')}
            </Link>
          </p>
        ) : null}
        {app ? (
          <Link href={`/applications#${app.id}`} className={buttonClass('secondary', 'sm')} data-testid="application-state" data-status={app.status}>
            {t('policyUi.applied', { status: t(`policyUi.app_${app.status}` as MessageKey) })}
          </Link>
        ) : APPLICABLE.has(r.status) && !auto ? (
          <Link href={`/apply/${r.policyCode}`} className={buttonClass('primary', 'sm')} aria-label={`${t('policyUi.apply')}：${bi(r.title, locale)}`}>
            {t(rejected ? 'policyUi.reapply' : 'policyUi.apply')}
          </Link>
        ) : null}
        {auto && APPLICABLE.has(r.status) && !app ? <span className="text-sm text-ink-600">{t('policyUi.autoMode')}</span> : null}
        <Link href={`/policies/${r.policyCode}`} className={buttonClass('ghost', 'sm')}>
          {t('policyUi.viewPolicy')}
        </Link>
      </div>
    );
  };

  const missingQuestions = (r: EvaluationResultDto) => (
    <div className="mt-1 space-y-2">
      <p className="text-sm font-medium text-ink-800">{t('policyUi.missingAsk')}</p>
      <ul className="flex flex-wrap gap-2">
        {r.missingFields.map((f) => (
          <li key={f}>
            <button
              type="button"
              aria-expanded={asking[r.policyCode] === f}
              onClick={() => setAsking((a) => ({ ...a, [r.policyCode]: a[r.policyCode] === f ? '' : f }))}
              className={cn(
                'min-h-9 rounded-full px-3 py-1 text-sm ring-1 ring-inset',
                asking[r.policyCode] === f ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-brand-800 ring-brand-200 hover:bg-brand-50',
              )}
            >
              {fieldLabel(f, locale)}
            </button>
          </li>
        ))}
      </ul>
      {asking[r.policyCode] ? (
        <div className="rounded-xl bg-ink-50 p-3 ring-1 ring-ink-200">
          <FieldQuestion
            key={`${asking[r.policyCode]}-${round}`}
            field={asking[r.policyCode]!}
            onAnswer={(v) => save(asking[r.policyCode]!, v)}
            affects={affects(asking[r.policyCode]!)}
            pending={pending}
            error={saveError?.field === asking[r.policyCode] ? saveError?.message : null}
            submitLabel={t('policyUi.answerSave')}
            inProfile
          />
        </div>
      ) : null}
    </div>
  );

  const chooseOneCodes = new Set(chooseOne.flatMap((g) => g.items.map((i) => i.code)));
  const ineligible = byStatus(['INELIGIBLE']);

  return (
    <div className="space-y-8">
      {/* Summary: how many policies fit now, then the near misses and the open questions; money only when there is some. */}
      <section aria-labelledby="mp-summary" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:p-5" data-testid="summary">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="mp-summary" className="font-serif text-2xl font-bold text-ink-900 sm:text-3xl" data-testid="eligible-count" data-n={eligible.length}>
              {eligible.length === 0 ? t('policyUi.heroNone') : eligible.length === 1 ? t('policyUi.heroEligibleOne') : t('policyUi.heroEligible', { n: eligible.length })}
            </h2>
            {eligible.length === 0 ? <p className="mt-1 text-sm text-ink-700">{t('policyUi.heroNoneHint')}</p> : null}
            <p className="mt-1 text-xs text-ink-600">{t('policyUi.evalDate', { date: formatDate(data.evalDate, locale) })}</p>
          </div>
          <div className="flex gap-2 print:hidden">
            <Button size="sm" variant="secondary" onClick={() => window.print()}>
              {t('policyUi.print')}
            </Button>
            <Button size="sm" variant="secondary" onClick={share}>
              {t('policyUi.share')}
            </Button>
          </div>
        </div>
        <ul className="mt-3 flex flex-wrap gap-2 text-sm" data-testid="summary-counts">
          {([
            ['ELIGIBLE', 'policyUi.summaryEligible'],
            ['NEAR_MISS', 'policyUi.summaryNear'],
            ['NEEDS_INFO', 'policyUi.summaryInfo'],
          ] as const).map(([status, key]) => {
            const n = byStatus([status]).length;
            return (
              <li key={status}>
                {n ? (
                  <a href={`#sec-${status}`} className={cn('inline-flex min-h-9 items-center gap-1 rounded-full px-3 ring-1 ring-inset hover:underline', STATUS_STYLE[status].cls)}>
                    <span aria-hidden>{STATUS_STYLE[status].icon}</span>
                    {t(key, { n })}
                  </a>
                ) : (
                  <span className="inline-flex min-h-9 items-center rounded-full bg-ink-50 px-3 text-ink-600 ring-1 ring-inset ring-ink-200">{t(key, { n })}</span>
                )}
              </li>
            );
          })}
        </ul>
        {total > 0 ? (
          <div className="mt-3 border-t border-ink-100 pt-3">
            <p className="text-sm text-ink-700">
              {t('policyUi.summaryTotal')}{' '}
              <span className="font-semibold tabular-nums text-emerald-800" data-testid="total-amount">
                {formatAmount(total, locale)}
              </span>
            </p>
            <p className="mt-0.5 text-xs text-ink-600">{t('policyUi.summaryTotalNote')}</p>
          </div>
        ) : null}
      </section>
      <div aria-live="polite">{flash ? <Alert tone="success">{flash}</Alert> : null}</div>

      {/* Next question */}
      <section aria-labelledby="mp-next" className="rounded-2xl bg-white p-4 shadow-sm ring-2 ring-brand-200 sm:p-5 print:hidden" data-testid="next-question">
        <h2 id="mp-next" className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          {t('policyUi.nextTitle')}
        </h2>
        {data.nextQuestion ? (
          <>
            <p className="mb-3 text-xs text-ink-600">{t('policyUi.nextBody')}</p>
            <FieldQuestion
              key={`${data.nextQuestion}-${round}`}
              field={data.nextQuestion}
              onAnswer={(v) => save(data.nextQuestion!, v)}
              affects={affects(data.nextQuestion)}
              pending={pending}
              error={saveError?.field === data.nextQuestion ? saveError.message : null}
              submitLabel={t('policyUi.answerSave')}
              inProfile
            />
          </>
        ) : (
          <p className="mt-1 text-ink-700">{t('policyUi.nextDone')}</p>
        )}
      </section>

      {/* Choose one */}
      {chooseOne.map((g) => (
        <section key={g.id} aria-labelledby={`co-${g.id}`} className="rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200 sm:p-5" data-testid="choose-one">
          <h2 id={`co-${g.id}`} className="font-semibold text-amber-950">
            {t('policyUi.chooseOneTitle')}
          </h2>
          <p className="mt-1 text-sm text-amber-950">{g.note ?? t('policyUi.chooseOneNote')}</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[20rem] text-left text-sm">
              <thead>
                <tr className="text-ink-700">
                  <th scope="col" className="py-1 pr-3 font-medium">{t('policyUi.colPolicy')}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t('policyUi.colAmount')}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t('policyUi.colDuration')}</th>
                  <th scope="col" className="py-1 font-medium">{t('policyUi.colMode')}</th>
                </tr>
              </thead>
              <tbody>
                {g.items.map((i) => {
                  const r = data.results.find((x) => x.policyCode === i.code);
                  if (!r) return null;
                  return (
                    <tr key={i.code} className="border-t border-amber-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-medium text-ink-900">
                        <a href={`#${i.code}`} className="hover:underline">
                          {bi(r.title, locale)}
                        </a>{' '}
                        <DemoDataBadge demoData={r.demoData} />
                      </th>
                      <td className="py-2 pr-3">{amountLabel(r, t, locale)?.text ?? (bi(r.benefitText, locale) || '—')}</td>
                      <td className="py-2 pr-3">{i.durationMonths ? t('policyUi.months', { n: i.durationMonths }) : i.oneOff ? t('policyUi.oneOff') : '—'}</td>
                      <td className="py-2">{modeLabel(r.applicationMode, t) ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      {/* Sections per status: the ones that matter open, the rest a disclosure each (issue 13 §5). */}
      {SECTIONS.map((s) => {
        const rs = byStatus(s.statuses);
        if (!rs.length) return null;
        const label = s.key === 'EXCLUDED' ? `${t('policy.status_ALREADY_RECEIVING')} / ${t('policy.status_EXCLUDED')}` : t(statusKey(s.key as Status));
        const icon = (
          <span aria-hidden className={cn('grid size-7 shrink-0 place-items-center rounded-full text-sm ring-1 ring-inset', STATUS_STYLE[s.statuses[0]!].cls)}>
            {STATUS_STYLE[s.statuses[0]!].icon}
          </span>
        );
        const cards = (
          <div className="grid gap-3 md:grid-cols-2">
            {rs.map((r) => (
              <MatchCard key={r.policyCode} result={r} excludedTitles={r.excludedBy.map((c) => titles.get(c) ?? c)}>
                {r.status === 'NEEDS_INFO' ? missingQuestions(r) : null}
                {r.status !== 'NEEDS_INFO' ? actions(r) : null}
                {chooseOneCodes.has(r.policyCode) ? <p className="mt-2 text-xs font-medium text-amber-900">{t('policyUi.chooseOneTitle')}</p> : null}
              </MatchCard>
            ))}
          </div>
        );
        if (s.open)
          return (
            <section key={s.key} aria-labelledby={`sec-${s.key}`} data-testid={`section-${s.key}`} className="scroll-mt-24">
              <div className="mb-3 flex items-baseline gap-2">
                {icon}
                <h2 id={`sec-${s.key}`} className="text-xl font-semibold text-ink-900">
                  {label} <span className="tabular-nums text-ink-600">({rs.length})</span>
                </h2>
              </div>
              <p className="-mt-2 mb-3 text-sm text-ink-600">{t(`policyUi.sec_${s.key}` as MessageKey)}</p>
              {cards}
            </section>
          );
        return (
          <details key={s.key} id={`sec-${s.key}`} className="group scroll-mt-24 rounded-2xl bg-ink-100/60 p-3 ring-1 ring-ink-200" data-testid={`section-${s.key}`}>
            <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-2 [&::-webkit-details-marker]:hidden">
              <span className="flex items-center gap-2">
                {icon}
                <span className="font-semibold text-ink-900">
                  {label} <span className="tabular-nums text-ink-600">({rs.length})</span>
                </span>
              </span>
              <span aria-hidden className="text-ink-600 transition-transform group-open:rotate-90">
                ▸
              </span>
            </summary>
            <p className="mb-3 px-2 text-sm text-ink-600">{t(`policyUi.sec_${s.key}` as MessageKey)}</p>
            {cards}
          </details>
        );
      })}

      {ineligible.length ? (
        <details className="group rounded-2xl bg-ink-100/60 p-3 ring-1 ring-ink-200" data-testid="section-INELIGIBLE">
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-2 font-semibold text-ink-800 [&::-webkit-details-marker]:hidden">
            <span>
              {t('policy.status_INELIGIBLE')} · {t('policyUi.ineligibleCount', { n: ineligible.length })}
            </span>
            <span aria-hidden className="transition-transform group-open:rotate-90">
              ▸
            </span>
          </summary>
          <p className="mb-3 px-2 text-sm text-ink-600">{t('policyUi.sec_INELIGIBLE')}</p>
          <div className="grid gap-3 md:grid-cols-2">
            {ineligible.map((r) => (
              <MatchCard key={r.policyCode} result={r} compact />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
