import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { Actor } from '@/lib/auth/permissions';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { FIELD_SPECS, isFieldLeaf, isGateLeaf, leavesOf, withLeafIds, type FieldName, type PolicyVersion } from '@/lib/policy-matching/model';
import { conditionSentence } from '@/lib/policy-matching/phrases';
import { MATCH_STATUSES, policyMatches } from '@/lib/policies/matches';
import { tk } from './server-t';
import { StatusBadge } from './status-badge';
import { ExportForm } from './version-actions';

export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const PAGE_SIZE = 20;

/**
 * Policy → people for the staff member's zone: tabs by status with counts, a paged table, the scan statistics and
 * the CSV export (purpose required). The counts come from one run over all four statuses, the rows from the tab.
 */
export async function MatchesPanel({ actor, code, status, page, versions = [] }: { actor: Actor; code: string; status: MatchStatus; page: number; versions?: { version: string; definition: unknown }[] }) {
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const [all, list] = await Promise.all([policyMatches(actor, code, { page: 1, pageSize: 1 }, ip), policyMatches(actor, code, { status, page, pageSize: PAGE_SIZE }, ip)]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const enc = encodeURIComponent(code);
  const href = (s: MatchStatus, p = 1) => `/staff/policies/${enc}?${new URLSearchParams({ status: s, ...(p > 1 ? { page: String(p) } : {}) })}#matches`;
  const fmt = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN');
  // A near miss names its criterion by what it asks, never by its id.
  const doc = versions.find((v) => v.version === list.version)?.definition as PolicyVersion | undefined;
  const leaves = doc?.criteria ? leavesOf(withLeafIds(doc.criteria)) : [];
  const lang = locale === 'en' ? 'en' : 'zh';
  const criterionText = (id: string) => {
    const l = leaves.find((x) => x.id === id);
    if (l && isFieldLeaf(l)) return conditionSentence({ field: l.field, op: l.op, value: l.value, filter: l.filter, label: { zh: l.label_zh, en: l.label_en } }, lang);
    if (l && isGateLeaf(l)) return (lang === 'en' ? l.label_en : l.label_zh) ?? t('policyStaff.nearMissGate');
    return (l && (lang === 'en' ? l.label_en : l.label_zh)) ?? t('policyStaff.nearMissOther');
  };
  const fieldLabel = (f: string) => {
    const spec = FIELD_SPECS[f as FieldName];
    return spec ? (locale === 'en' ? spec.label_en : spec.label_zh) : f;
  };
  return (
    <div className="space-y-4">
      <nav aria-label={t('policyStaff.matchTabs')} className="overflow-x-auto">
        <ul className="inline-flex gap-1 rounded-xl bg-ink-100 p-1">
          {MATCH_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={href(s)}
                aria-current={s === status ? 'page' : undefined}
                data-testid={`match-tab-${s}`}
                className={cn('flex items-center gap-2 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium', s === status ? 'bg-white text-ink-900 shadow-sm' : 'text-ink-600 hover:text-ink-900')}
              >
                {tk(t, `policy.status_${s}`)}
                <span className="rounded-full bg-ink-100 px-2 text-xs text-ink-800" data-testid={`match-count-${s}`}>
                  {all.counts[s] ?? 0}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-xs text-ink-600" data-testid="match-stats">
        {/* Prefilter counts and timing stay in the API response (stats), not on the page. */}
        {t('policyStaff.matchStats', { scanned: list.stats.scanned, date: list.evalDate, version: list.version ?? '—' })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState title={t('policyStaff.noMatches', { status: tk(t, `policy.status_${status}`) })} body={t('policyStaff.noMatchesBody')} />
      ) : (
        <Card className="overflow-hidden p-0 sm:p-0">
          {/* Phones: one stacked entry per talent; wider screens: the table. */}
          <ul className="divide-y divide-ink-100 sm:hidden" aria-label={t('policyStaff.matchCaption', { status: tk(t, `policy.status_${status}`) })}>
            {list.items.map((r) => (
              <li key={r.talentId} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/staff/talents/${r.talentId}`} className="font-medium text-brand-700 hover:underline">
                    {r.name || t('policyStaff.unnamed')}
                  </Link>
                  <StatusBadge status={r.status} />
                </div>
                <p className="text-ink-700">
                  {t('policyStaff.colAmount')}：<span className="tabular-nums">{r.amountEstimate === null ? '—' : `¥${fmt.format(r.amountEstimate)}`}</span>
                </p>
                {r.nearMiss ? (
                  <p className="text-ink-700">
                    {t('policyStaff.colNearMiss')}：<span data-criterion={r.nearMiss.criterionId}>{criterionText(r.nearMiss.criterionId)}</span>
                    {r.nearMiss.eligibleFrom ? ` · ${t('policyStaff.eligibleFrom', { date: r.nearMiss.eligibleFrom })}` : ''}
                  </p>
                ) : null}
                {r.missingFields.length ? (
                  <p className="text-ink-700">
                    {t('policyStaff.colMissing')}：{r.missingFields.map(fieldLabel).join('、')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="match-table">
              <caption className="sr-only">{t('policyStaff.matchCaption', { status: tk(t, `policy.status_${status}`) })}</caption>
              <thead className="bg-ink-50 text-ink-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t('policyStaff.colName')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('policyStaff.colStatus')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('policyStaff.colAmount')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('policyStaff.colNearMiss')}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t('policyStaff.colMissing')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.talentId} className="border-t border-ink-100 align-top">
                    <td className="px-4 py-2">
                      <Link href={`/staff/talents/${r.talentId}`} className="font-medium text-brand-700 hover:underline">
                        {r.name || t('policyStaff.unnamed')}
                      </Link>
                    </td>
                    <td className="px-4 py-2">
                      <StatusBadge status={r.status} />
                    </td>
                    <td className="px-4 py-2 tabular-nums">{r.amountEstimate === null ? '—' : `¥${fmt.format(r.amountEstimate)}`}</td>
                    <td className="px-4 py-2">
                      {r.nearMiss ? (
                        <>
                          <span data-criterion={r.nearMiss.criterionId}>{criterionText(r.nearMiss.criterionId)}</span>
                          {r.nearMiss.eligibleFrom ? <p className="text-xs text-ink-600">{t('policyStaff.eligibleFrom', { date: r.nearMiss.eligibleFrom })}</p> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="px-4 py-2">{r.missingFields.length ? r.missingFields.map(fieldLabel).join('、') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="flex items-center justify-between border-t border-ink-100 p-3 text-sm" aria-label={t('policyStaff.pagination')}>
              {page > 1 ? <Link href={href(status, page - 1)}>← {t('policyStaff.prev')}</Link> : <span />}
              <span>{t('policyStaff.pageOf', { n: page, total: pages })}</span>
              {page < pages ? <Link href={href(status, page + 1)}>{t('policyStaff.next')} →</Link> : <span />}
            </nav>
          ) : null}
        </Card>
      )}
      <Card className="space-y-2">
        <h3 className="font-semibold text-ink-900">{t('policyStaff.exportTitle')}</h3>
        <p className="text-sm text-ink-600">{t('policyStaff.exportHint', { status: tk(t, `policy.status_${status}`) })}</p>
        <ExportForm code={code} status={status} />
      </Card>
    </div>
  );
}
