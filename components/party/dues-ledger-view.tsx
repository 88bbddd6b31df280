import { Badge } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import type { DuesQuoteDto, MemberDuesDto } from '@/lib/party/dues-schemas';

const pct = (rate: string) => `${(Number(rate) * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** How a monthly amount is computed, in words: the bracket of §2.7 that applies, base × rate, rounding, reduction. */
export function DuesExplain({ q, reductionRef, t }: { q: DuesQuoteDto; reductionRef?: string | null; t: Translator }) {
  const rule =
    q.baseType === 'retiree'
      ? t(`partyDues.rule_retiree_${q.bracket === 1 ? 1 : 0}`)
      : q.baseType === 'farmer'
        ? t('partyDues.rule_farmer')
        : q.baseType === 'student' || q.baseType === 'unemployed'
          ? t('partyDues.rule_student')
          : t(`partyDues.rule_wage_${(q.bracket ?? 0) as 0 | 1 | 2 | 3}`);
  return (
    <div className="space-y-1 text-sm text-ink-700" data-testid="dues-explain">
      <p>{t(`partyDues.baseType_${q.baseType}`)}</p>
      {q.base && q.rate ? (
        <>
          <p>{t('partyDues.explainRate', { rule, base: q.base, rate: pct(q.rate), amount: q.computedAmount })}</p>
          <p className="text-xs text-ink-600">{t('partyDues.explainRounding')}</p>
        </>
      ) : (
        <p>{rule}</p>
      )}
      {q.reduced ? <p>{t('partyDues.explainReduced', { amount: q.monthlyAmount, computed: q.computedAmount })}</p> : null}
      {q.reduced && reductionRef ? <p className="text-xs text-ink-600">{t('partyDues.explainReducedRef', { ref: reductionRef })}</p> : null}
    </div>
  );
}

/** Monthly amount, paid-through month and what is owed now. */
export function DuesSummary({ d, t }: { d: MemberDuesDto; t: Translator }) {
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3" data-testid="dues-summary">
      <div>
        <dt className="text-ink-600">{t('partyDues.monthly')}</dt>
        <dd className="text-lg font-semibold text-ink-900">{d.monthlyAmount ? `¥${d.monthlyAmount}` : '—'}</dd>
      </div>
      <div>
        <dt className="text-ink-600">{t('partyDues.paidThrough')}</dt>
        <dd className="font-medium text-ink-900">{d.paidThrough ?? t('partyDues.paidThroughNone')}</dd>
      </div>
      <div className="col-span-2 sm:col-span-1">
        <dt className="text-ink-600">{t('partyDues.owed')}</dt>
        <dd className="font-medium text-ink-900" data-testid="dues-owed">
          {d.owedMonths.length ? (
            <>
              {t('partyDues.owedMonths', { n: d.owedMonths.length, months: d.owedMonths.length > 3 ? `${d.owedMonths[0]} … ${d.owedMonths[d.owedMonths.length - 1]}` : d.owedMonths.join('、') })}
              {d.owedAmount && d.amountsVisible ? <span className="block text-ink-700">{t('partyDues.owedAmount', { amount: d.owedAmount })}</span> : null}
            </>
          ) : (
            t('partyDues.owedNone')
          )}
        </dd>
      </div>
      {d.beyondBackpay.length ? <p className="col-span-full text-sm text-red-700">{t('partyDues.beyondBackpay', { months: d.beyondBackpay.join('、') })}</p> : null}
    </dl>
  );
}

/** The ledger by month, newest first: paid (where, how much when the reader may see it), paid before the ledger, unpaid. */
export function DuesLedgerList({ d, t }: { d: MemberDuesDto; t: Translator }) {
  if (!d.months.length) return <p className="text-sm text-ink-600">{t('partyDues.ledgerEmpty')}</p>;
  return (
    <ol className="divide-y divide-ink-100 text-sm" data-testid="dues-ledger" aria-label={t('partyDues.ledger')}>
      {d.months.map((m) => (
        <li key={m.month} className="flex flex-wrap items-center justify-between gap-2 py-2" data-month={m.month} data-status={m.status}>
          <span className="font-medium tabular-nums text-ink-900">{m.month}</span>
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={m.status === 'unpaid' ? 'warning' : 'success'}>{t(`partyDues.status_${m.status}`)}</Badge>
            {m.backpay ? <Badge tone="info">{t('partyDues.backpay')}</Badge> : null}
            {m.collectingOrgName ? <span className="text-ink-700">{t('partyDues.paidAt', { org: m.collectingOrgName })}</span> : null}
            {m.status === 'paid' ? (
              m.amount ? (
                <span className="tabular-nums text-ink-900">{t('partyDues.paidAmount', { amount: m.amount })}</span>
              ) : (
                <span className="text-xs text-ink-600">{t('partyDues.amountHidden')}</span>
              )
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
