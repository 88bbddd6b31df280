'use client';

import { useId, useState } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import type { Translator } from '@/lib/i18n';
import { DUES_API_BASE_TYPES, type DuesApiBaseType } from '@/lib/party/dues-calculator';
import type { DuesQuoteDto } from '@/lib/party/dues-schemas';

const pct = (rate: string) => `${(Number(rate) * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * 党费计算器: asks the public quote API (GET /api/v1/party/dues/quote, which stores nothing) and explains the answer.
 * The browser does no arithmetic: amounts stay decimal strings from the server.
 */
export function DuesCalculatorForm() {
  const t: Translator = useT();
  const id = useId();
  const [baseType, setBaseType] = useState<DuesApiBaseType>('wage');
  const [base, setBase] = useState('');
  const [quarter, setQuarter] = useState(['', '', '']);
  const [reduction, setReduction] = useState('');
  const [result, setResult] = useState<DuesQuoteDto | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);

  const needsBase = baseType === 'wage' || baseType === 'annual_salary' || baseType === 'retiree' || baseType === 'farmer';
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setFailed(false);
    setErrors({});
    const q = new URLSearchParams({ baseType });
    if (needsBase && base.trim()) q.set('baseAmount', base.trim());
    if (baseType === 'self_employed') q.set('quarterIncomes', quarter.map((x) => x.trim()).join(','));
    if (reduction.trim()) q.set('reductionAmount', reduction.trim());
    try {
      const res = await fetch(`/api/v1/party/dues/quote?${q}`, { headers: { accept: 'application/json' } });
      const body = await res.json();
      if (res.ok) setResult(body as DuesQuoteDto);
      else {
        setResult(null);
        if (body?.errors) setErrors(Object.fromEntries(Object.entries(body.errors as Record<string, string[]>).map(([k, v]) => [k.replace(/^query\./, ''), v])));
        else setFailed(true);
      }
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  const err = (name: string) =>
    errors[name]?.length ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700" role="alert">
        {errors[name]!.join(' ')}
      </p>
    ) : null;
  const rule = (q: DuesQuoteDto) =>
    q.baseType === 'retiree'
      ? t(`partyDues.rule_retiree_${q.bracket === 1 ? 1 : 0}`)
      : q.baseType === 'farmer'
        ? t('partyDues.rule_farmer')
        : q.baseType === 'student' || q.baseType === 'unemployed'
          ? t('partyDues.rule_student')
          : t(`partyDues.rule_wage_${(q.bracket ?? 0) as 0 | 1 | 2 | 3}`);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <Card>
        <form onSubmit={submit} className="space-y-4" aria-label={t('partyDues.calcTitle')} noValidate>
          <div>
            <label htmlFor={`${id}-type`} className="block text-sm font-medium text-ink-900">
              {t('partyDues.calcBaseType')}
            </label>
            <Select id={`${id}-type`} value={baseType} onChange={(e) => (setBaseType(e.target.value as DuesApiBaseType), setResult(null))} className="mt-1">
              {DUES_API_BASE_TYPES.map((b) => (
                <option key={b} value={b}>
                  {t(`partyDues.baseType_${b}`)}
                </option>
              ))}
            </Select>
          </div>
          {needsBase ? (
            <div>
              <label htmlFor={`${id}-base`} className="block text-sm font-medium text-ink-900">
                {baseType === 'farmer' ? t('partyDues.calcFarmerAmount') : t('partyDues.calcBaseAmount')}
              </label>
              {baseType !== 'farmer' ? (
                <p id={`${id}-base-hint`} className="text-xs text-ink-600">
                  {t('partyDues.calcBaseAmountHint')}
                </p>
              ) : null}
              <Input
                id={`${id}-base`}
                inputMode="decimal"
                autoComplete="off"
                value={base}
                onChange={(e) => setBase(e.target.value)}
                placeholder={baseType === 'farmer' ? '0.50' : '8000.00'}
                aria-invalid={errors.baseAmount ? true : undefined}
                aria-describedby={errors.baseAmount ? `${id}-baseAmount-error` : baseType !== 'farmer' ? `${id}-base-hint` : undefined}
                className="mt-1"
              />
              {err('baseAmount')}
            </div>
          ) : null}
          {baseType === 'self_employed' ? (
            <fieldset>
              <legend className="text-sm font-medium text-ink-900">{t('partyDues.calcQuarter')}</legend>
              <div className="mt-1 grid grid-cols-3 gap-2">
                {quarter.map((v, i) => (
                  <label key={i} className="block text-xs text-ink-600">
                    {t('partyDues.calcQuarterMonth', { n: i + 1 })}
                    <Input inputMode="decimal" autoComplete="off" value={v} onChange={(e) => setQuarter(quarter.map((x, j) => (j === i ? e.target.value : x)))} aria-invalid={errors.quarterIncomes ? true : undefined} className="mt-1" />
                  </label>
                ))}
              </div>
              {err('quarterIncomes')}
            </fieldset>
          ) : null}
          <div>
            <label htmlFor={`${id}-red`} className="block text-sm font-medium text-ink-900">
              {t('partyDues.calcReduction')}
            </label>
            <Input id={`${id}-red`} inputMode="decimal" autoComplete="off" value={reduction} onChange={(e) => setReduction(e.target.value)} aria-invalid={errors.reductionAmount ? true : undefined} className="mt-1" />
            {err('reductionAmount')}
          </div>
          {err('baseType')}
          <Button type="submit" disabled={pending}>
            {t('partyDues.calcSubmit')}
          </Button>
        </form>
      </Card>
      <div aria-live="polite">
        {failed ? <Alert tone="error">{t('partyDues.calcError')}</Alert> : null}
        {result ? (
          <Card className="space-y-2" data-testid="dues-quote">
            <p className="text-sm text-ink-600">{t('partyDues.calcResult')}</p>
            <p className="text-3xl font-bold tabular-nums text-ink-900">¥{result.monthlyAmount}</p>
            {result.base && result.rate ? (
              <p className="text-sm text-ink-700">{t('partyDues.explainRate', { rule: rule(result), base: result.base, rate: pct(result.rate), amount: result.computedAmount })}</p>
            ) : (
              <p className="text-sm text-ink-700">{rule(result)}</p>
            )}
            {result.reduced ? <p className="text-sm text-ink-700">{t('partyDues.explainReduced', { amount: result.monthlyAmount, computed: result.computedAmount })}</p> : null}
            <p className="text-xs text-ink-600">{t('partyDues.explainRounding')}</p>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
