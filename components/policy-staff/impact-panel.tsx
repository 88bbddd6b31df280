'use client';

import Link from 'next/link';
import { StatsChart } from '@/components/ui/stats-chart';
import { useLocale, useT } from '@/components/i18n/provider';
import { Alert, Badge, Card } from '@/components/ui/card';
import { formatAmount } from '@/lib/i18n/format';
import type { Status } from '@/lib/policy-matching/model';
import type { ImpactResponse } from '@/lib/policies/impact';

/**
 * 政策沙盘 / impact preview result (the builder runs policy.impact with the draft being edited): the counts by status
 * under the version in force and the draft as a table (the accessible view) and a bar chart (aria-hidden), the status
 * changes, who becomes eligible and who loses it (links to the staff talent pages), and the estimated cost with
 * finance ceilings and unknown amounts kept apart.
 */

const ORDER: readonly Status[] = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW', 'ALREADY_RECEIVING', 'EXCLUDED', 'INELIGIBLE', 'NOT_IN_FORCE'];
/** Always shown, even at zero; the others only when someone has them. */
const ALWAYS = new Set<Status>(['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'INELIGIBLE']);

export function ImpactView({ data, demoData = false }: { data: ImpactResponse; demoData?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN');
  const status = (s: Status) => t(`policy.status_${s}`);
  const signed = (n: number) => (n > 0 ? `+${nf.format(n)}` : n < 0 ? `−${nf.format(-n)}` : '0');
  const rows = ORDER.filter((s) => ALWAYS.has(s) || data.before[s] || data.after[s]);
  const changes = data.transitions.filter((x) => x.from !== x.to).sort((a, b) => b.count - a.count);
  const chart = rows.map((s) => ({ status: status(s), before: data.before[s], after: data.after[s] }));

  const cost = (c: ImpactResponse['cost']['before'], testid: string) => (
    <div className="space-y-1 text-sm" data-testid={testid}>
      {c.eligible === 0 ? (
        <p className="text-ink-700">{t('policyImpact.costNone')}</p>
      ) : c.kind === 'finance' ? (
        <p className="text-ink-900">{t('policyImpact.costFinance', { amount: formatAmount(c.total, locale), n: nf.format(c.withAmount) })}</p>
      ) : c.kind === 'non_cash' ? (
        <p className="text-ink-900">{t('policyImpact.costNonCash', { n: nf.format(c.eligible) })}</p>
      ) : (
        <p className="text-ink-900">{t('policyImpact.costMoney', { amount: formatAmount(c.total, locale), n: nf.format(c.withAmount) })}</p>
      )}
      {c.kind !== 'non_cash' && c.unknownAmount > 0 ? <p className="text-ink-600">{t('policyImpact.costUnknown', { n: nf.format(c.unknownAmount) })}</p> : null}
    </div>
  );

  const people = (list: ImpactResponse['samples']['gained'], total: number, testid: string, title: string) => (
    <div className="min-w-0 space-y-2" data-testid={testid}>
      <h4 className="font-medium text-ink-900">
        {title} <span className="tabular-nums text-ink-600">({nf.format(total)})</span>
      </h4>
      {list.length === 0 ? (
        <p className="text-sm text-ink-600">{t('policyImpact.listNone')}</p>
      ) : (
        <ul className="divide-y divide-ink-100 rounded-lg border border-ink-200 text-sm">
          {list.map((p) => (
            <li key={p.talentId} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2">
              <Link href={`/staff/talents/${p.talentId}`} className="font-medium text-brand-700 hover:underline">
                {p.name || t('policyStaff.unnamed')}
              </Link>
              <span className="text-xs text-ink-600">{t('policyImpact.transition', { from: status(p.from), to: status(p.to) })}</span>
            </li>
          ))}
        </ul>
      )}
      {total > list.length && list.length > 0 ? <p className="text-xs text-ink-600">{t('policyImpact.listMore', { shown: list.length, n: nf.format(total) })}</p> : null}
    </div>
  );

  return (
    <Card className="space-y-5" data-testid="impact-result">
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold text-ink-900">{t('policyImpact.title')}</h2>
          {demoData ? <Badge tone="warning">{t('policy.demoBadge')}</Badge> : null}
        </div>
        <p className="text-sm text-ink-800" data-testid="impact-versions">
          {data.isNew ? t('policyImpact.versionsNew', { draft: data.draftVersion }) : t('policyImpact.versions', { inForce: data.inForceVersion ?? '—', draft: data.draftVersion })}
        </p>
        <p className="text-xs text-ink-600">{t('policyImpact.basis', { date: data.evalDate, total: nf.format(data.total) })}</p>
      </div>

      {data.total === 0 ? (
        <Alert>{t('policyImpact.empty')}</Alert>
      ) : (
        <>
          <dl className="grid grid-cols-3 gap-2 text-center">
            {(
              [
                ['gained', data.gained, 'text-emerald-700'],
                ['lost', data.lost, 'text-red-700'],
                ['changed', data.changed, 'text-ink-900'],
              ] as const
            ).map(([k, n, cls]) => (
              <div key={k} className="rounded-lg bg-ink-50 px-2 py-3">
                <dt className="text-xs text-ink-600">{t(`policyImpact.${k}`)}</dt>
                <dd className={`text-xl font-semibold tabular-nums ${cls}`} data-testid={`impact-${k}`}>
                  {nf.format(n)}
                </dd>
              </div>
            ))}
          </dl>

          <section className="space-y-2" aria-labelledby="impact-counts">
            <h3 id="impact-counts" className="font-semibold text-ink-900">
              {t('policyImpact.countsTitle')}
            </h3>
            <figure className="space-y-3">
              <StatsChart
                kind="bar"
                data={chart}
                category="status"
                series={[
                  { key: 'before', label: t('policyImpact.seriesBefore'), color: '#a8a29e' },
                  { key: 'after', label: t('policyImpact.seriesAfter'), color: '#1d4ed8' },
                ]}
                height={220}
              />
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="impact-counts">
                  <caption className="sr-only">{t('policyImpact.countsCaption')}</caption>
                  <thead className="bg-ink-50 text-ink-700">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{t('policyImpact.colStatus')}</th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">{t('policyImpact.colBefore')}</th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">{t('policyImpact.colAfter')}</th>
                      <th scope="col" className="px-3 py-2 text-right font-medium">{t('policyImpact.colDelta')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((s) => (
                      <tr key={s} className="border-t border-ink-100" data-testid={`impact-row-${s}`}>
                        <th scope="row" className="px-3 py-2 font-normal">{status(s)}</th>
                        <td className="px-3 py-2 text-right tabular-nums" data-testid={`impact-before-${s}`}>{nf.format(data.before[s])}</td>
                        <td className="px-3 py-2 text-right tabular-nums" data-testid={`impact-after-${s}`}>{nf.format(data.after[s])}</td>
                        <td className="px-3 py-2 text-right tabular-nums" data-testid={`impact-delta-${s}`}>{signed(data.delta[s])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </figure>
          </section>

          <section className="space-y-2" aria-labelledby="impact-transitions">
            <h3 id="impact-transitions" className="font-semibold text-ink-900">
              {t('policyImpact.transitionsTitle')}
            </h3>
            {changes.length === 0 ? (
              <p className="text-sm text-ink-600">{t('policyImpact.transitionsNone')}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="impact-transitions">
                {changes.map((x) => (
                  <li key={`${x.from}-${x.to}`} className="flex justify-between gap-3">
                    <span>{t('policyImpact.transition', { from: status(x.from), to: status(x.to) })}</span>
                    <span className="tabular-nums text-ink-700">{t('policyImpact.transitionCount', { n: nf.format(x.count) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="grid gap-4 sm:grid-cols-2">
            {people(data.samples.gained, data.gained, 'impact-gained-list', t('policyImpact.gainedTitle'))}
            {people(data.samples.lost, data.lost, 'impact-lost-list', t('policyImpact.lostTitle'))}
          </section>

          <section className="space-y-3" aria-labelledby="impact-cost">
            <h3 id="impact-cost" className="font-semibold text-ink-900">
              {t('policyImpact.costTitle')}
            </h3>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="rounded-lg border border-ink-200 p-3">
                <p className="mb-1 text-xs text-ink-600">{t('policyImpact.colBefore')}</p>
                {cost(data.cost.before, 'impact-cost-before')}
              </div>
              <div className="rounded-lg border border-ink-200 p-3">
                <p className="mb-1 text-xs text-ink-600">{t('policyImpact.colAfter')}</p>
                {cost(data.cost.after, 'impact-cost-after')}
              </div>
            </div>
            <p className="text-sm text-ink-800" data-testid="impact-cost-delta">
              {data.cost.before.kind === data.cost.after.kind
                ? data.cost.before.kind === 'non_cash'
                  ? null
                  : t('policyImpact.costDelta', { amount: `${data.cost.delta > 0 ? '+' : data.cost.delta < 0 ? '−' : ''}${formatAmount(Math.abs(data.cost.delta), locale)}` })
                : t('policyImpact.costDeltaKinds')}
            </p>
            <p className="text-xs text-ink-600">{t('policyImpact.estimateNote')}</p>
            {demoData ? <p className="text-xs text-amber-800">{t('policyImpact.demoNote')}</p> : null}
          </section>
        </>
      )}
    </Card>
  );
}
