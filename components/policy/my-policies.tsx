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
import { AmountText, DemoDataBadge } from './badges';
import { FieldQuestion, patchFor } from './field-question';
import { bi, estimatedTotal, fieldLabel, formatAmount, formatDate, modeLabel, STATUS_STYLE, statusKey } from './format';
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

const SECTIONS: { key: string; statuses: Status[] }[] = [
  { key: 'ELIGIBLE', statuses: ['ELIGIBLE'] },
  { key: 'NEAR_MISS', statuses: ['NEAR_MISS'] },
  { key: 'NEEDS_INFO', statuses: ['NEEDS_INFO'] },
  { key: 'NEEDS_REVIEW', statuses: ['NEEDS_REVIEW'] },
  { key: 'EXCLUDED', statuses: ['ALREADY_RECEIVING', 'EXCLUDED'] },
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
  /** Open or approved applications by policy code (status). */
  applications: Record<string, string>;
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
      .map((r) => t('policyUi.shareLine', { title: bi(r.title, locale), status: t(statusKey(r.status)) }) + (r.amountEstimate ? ` · ${formatAmount(r.amountEstimate, locale)}` : ''));
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
    const app = applications[r.policyCode];
    const auto = r.applicationMode === '免申即享';
    return (
      <div className="flex flex-wrap items-center gap-2">
        {app ? (
          <Link href="/applications" className={buttonClass('secondary', 'sm')}>
            {t('policyUi.applied', { status: t(`policyUi.app_${app}` as MessageKey) })}
          </Link>
        ) : APPLICABLE.has(r.status) && !auto ? (
          <Link href={`/apply/${r.policyCode}`} className={buttonClass('primary', 'sm')} aria-label={`${t('policyUi.apply')}：${bi(r.title, locale)}`}>
            {t('policyUi.apply')}
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
      {/* Summary */}
      <section aria-labelledby="mp-summary" className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <h2 id="mp-summary" className="sr-only">
          {t('policyUi.title')}
        </h2>
        <div className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 p-5 text-white shadow-sm">
          <p className="text-sm text-brand-100">{t('policyUi.summaryTotal')}</p>
          <p className="mt-1 font-serif text-3xl font-bold tabular-nums" data-testid="total-amount">
            {formatAmount(total, locale)}
          </p>
          <p className="mt-1 text-xs text-brand-100">{t('policyUi.summaryTotalNote')}</p>
          <ul className="mt-4 flex flex-wrap gap-2 text-sm" data-testid="summary-counts">
            <li className="rounded-full bg-white/15 px-3 py-1">{t('policyUi.summaryEligible', { n: eligible.length })}</li>
            <li className="rounded-full bg-white/15 px-3 py-1">{t('policyUi.summaryNear', { n: byStatus(['NEAR_MISS']).length })}</li>
            <li className="rounded-full bg-white/15 px-3 py-1">{t('policyUi.summaryInfo', { n: byStatus(['NEEDS_INFO']).length })}</li>
          </ul>
        </div>
        <div className="flex gap-2 sm:flex-col print:hidden">
          <Button variant="secondary" onClick={() => window.print()}>
            {t('policyUi.print')}
          </Button>
          <Button variant="secondary" onClick={share}>
            {t('policyUi.share')}
          </Button>
        </div>
      </section>
      <p className="-mt-5 text-xs text-ink-600">{t('policyUi.evalDate', { date: formatDate(data.evalDate, locale) })}</p>
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
                      <td className="py-2 pr-3">{r.amountEstimate !== null ? <AmountText amount={r.amountEstimate} /> : bi(r.benefitText, locale) || '—'}</td>
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

      {/* Sections per status */}
      {SECTIONS.map((s) => {
        const rs = byStatus(s.statuses);
        if (!rs.length) return null;
        const label = s.key === 'EXCLUDED' ? `${t('policy.status_ALREADY_RECEIVING')} / ${t('policy.status_EXCLUDED')}` : t(statusKey(s.key as Status));
        return (
          <section key={s.key} aria-labelledby={`sec-${s.key}`} data-testid={`section-${s.key}`}>
            <div className="mb-3 flex items-baseline gap-2">
              <span aria-hidden className={cn('grid size-7 place-items-center rounded-full text-sm ring-1 ring-inset', STATUS_STYLE[s.statuses[0]!].cls)}>
                {STATUS_STYLE[s.statuses[0]!].icon}
              </span>
              <h2 id={`sec-${s.key}`} className="text-xl font-semibold text-ink-900">
                {label} <span className="tabular-nums text-ink-600">({rs.length})</span>
              </h2>
            </div>
            <p className="-mt-2 mb-3 text-sm text-ink-600">{t(`policyUi.sec_${s.key}` as MessageKey)}</p>
            <div className="grid gap-3 md:grid-cols-2">
              {rs.map((r) => (
                <MatchCard key={r.policyCode} result={r} excludedTitles={r.excludedBy.map((c) => titles.get(c) ?? c)}>
                  {r.status === 'NEEDS_INFO' ? missingQuestions(r) : null}
                  {r.status !== 'NEEDS_INFO' ? actions(r) : null}
                  {chooseOneCodes.has(r.policyCode) ? <p className="mt-2 text-xs font-medium text-amber-900">{t('policyUi.chooseOneTitle')}</p> : null}
                </MatchCard>
              ))}
            </div>
          </section>
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
