'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button, buttonClass } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { evaluateAction } from '@/lib/policies/actions';
import type { EvaluateResponse } from '@/lib/policies/schemas';
import { FieldQuestion, patchFor } from './field-question';
import { ResultsPanel } from './results-panel';

/** Asked first, in this order; then whatever the engine says unlocks the most policies. */
const ESSENTIALS = ['birth_date', 'nationality', 'sector', 'residence_since'];

/** Builds a canonical profile from flat answers (nested paths like business.form become objects). */
function profileOf(answers: Record<string, unknown>): Record<string, unknown> {
  let p: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(answers)) p = { ...p, ...patchFor(f, v, p) };
  return p;
}

/**
 * 政策计算器: anonymous adaptive questionnaire. State lives only in this component (nothing stored); after every
 * answer the profile so far is evaluated and the next question is the first missing field not yet answered or skipped.
 */
export function Calculator() {
  const t = useT();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [skipped, setSkipped] = useState<string[]>([]);
  const [response, setResponse] = useState<EvaluateResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [round, setRound] = useState(0);
  const questionRef = useRef<HTMLDivElement>(null);

  const evaluate = useCallback((next: Record<string, unknown>) => {
    start(async () => {
      setError(null);
      const r = await evaluateAction({ profile: profileOf(next) as never });
      if (!r.ok) {
        setError(r.formError || t('policyUi.calcError'));
        return;
      }
      setResponse(r.data);
    });
  }, [t]);

  useEffect(() => {
    evaluate({});
  }, [evaluate]);

  const nextField = useMemo(() => {
    if (!response) return null;
    const done = new Set([...Object.keys(answers), ...skipped]);
    return [...ESSENTIALS, ...response.missingFields].find((f) => !done.has(f)) ?? null;
  }, [answers, skipped, response]);

  const affects = useMemo(() => (nextField && response ? response.results.filter((r) => r.missingFields.includes(nextField)).length : 0), [nextField, response]);
  const answered = Object.keys(answers).length + skipped.length;
  const remaining = response ? response.missingFields.filter((f) => !(f in answers) && !skipped.includes(f)).length : 0;
  const progress = answered + remaining > 0 ? Math.round((answered / (answered + remaining)) * 100) : 0;

  const focusQuestion = () => requestAnimationFrame(() => questionRef.current?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true }));

  const answer = (value: unknown) => {
    if (!nextField) return;
    const next = { ...answers, [nextField]: value };
    setAnswers(next);
    setRound((n) => n + 1);
    evaluate(next);
    focusQuestion();
  };
  const skip = () => {
    if (!nextField) return;
    setSkipped((s) => [...s, nextField]);
    setRound((n) => n + 1);
    focusQuestion();
  };
  const restart = () => {
    setAnswers({});
    setSkipped([]);
    setRound((n) => n + 1);
    evaluate({});
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_1fr]">
      <section aria-labelledby="calc-q" className="space-y-4">
        <h2 id="calc-q" className="sr-only">
          {t('policyUi.calcQuestionOf', { n: answered + 1 })}
        </h2>
        <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-ink-200 sm:p-5" ref={questionRef}>
          <div className="mb-3 flex items-center justify-between gap-3 text-sm text-ink-600">
            <span>{t('policyUi.calcProgress', { n: Object.keys(answers).length })}</span>
            <Button size="sm" variant="ghost" onClick={restart} disabled={pending && !response}>
              ↺ {t('policyUi.calcRestart')}
            </Button>
          </div>
          <div
            role="progressbar"
            aria-label={t('policyUi.calcProgressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="mb-4 h-2 overflow-hidden rounded-full bg-ink-100"
          >
            <div className="h-full rounded-full bg-brand-700 transition-all" style={{ width: `${progress}%` }} />
          </div>
          {!response ? (
            <div className="h-40 animate-pulse rounded-xl bg-ink-100" />
          ) : nextField ? (
            <>
              <p className="mb-1 text-xs font-medium uppercase tracking-wide text-brand-700">{t('policyUi.calcQuestionOf', { n: answered + 1 })}</p>
              <FieldQuestion key={`${nextField}-${round}`} field={nextField} onAnswer={answer} onSkip={skip} affects={affects} pending={pending} headingLevel="h3" />
            </>
          ) : (
            <div className="space-y-3">
              <p className="font-medium text-ink-900">{t('policyUi.calcDone')}</p>
              <Link href="/register" className={buttonClass('primary')}>
                {t('policyUi.calcRegister')}
              </Link>
            </div>
          )}
        </div>
        <Alert>{t('policyUi.calcPrivacy')}</Alert>
      </section>

      <section aria-labelledby="calc-results" className="min-w-0">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="calc-results" className="text-lg font-semibold text-ink-900">
            {t('policyUi.calcResults')}
          </h2>
          <span aria-hidden={!pending} className={pending ? 'text-sm text-ink-600' : 'sr-only'}>
            {pending ? t('policyUi.calcUpdating') : ''}
          </span>
        </div>
        {error ? <Alert tone="error" className="mb-3">{error}</Alert> : null}
        <div aria-live="polite" aria-busy={pending} data-testid="calc-results">
          {response ? <ResultsPanel results={response.results} /> : <div className="h-64 animate-pulse rounded-2xl bg-ink-100" />}
        </div>
      </section>
    </div>
  );
}
