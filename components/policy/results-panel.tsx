'use client';

import { useLocale, useT } from '@/components/i18n/provider';
import type { EvaluationResultDto } from '@/lib/policies/schemas';
import type { Status } from '@/lib/policy-matching/model';
import { bi, STATUS_STYLE, statusKey } from './format';
import { MatchCard } from './match-card';

/** The calculator's groups: 符合 / 差一点 / 需补充 / 待评审 / 暂不符合 (ineligible, excluded, already receiving). */
const GROUPS: { key: string; statuses: Status[]; open: boolean }[] = [
  { key: 'ELIGIBLE', statuses: ['ELIGIBLE'], open: true },
  { key: 'NEAR_MISS', statuses: ['NEAR_MISS'], open: true },
  { key: 'NEEDS_INFO', statuses: ['NEEDS_INFO'], open: false },
  { key: 'NEEDS_REVIEW', statuses: ['NEEDS_REVIEW'], open: true },
  { key: 'OTHER', statuses: ['INELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING'], open: false },
];

export function ResultsPanel({ results }: { results: EvaluationResultDto[] }) {
  const t = useT();
  const locale = useLocale();
  const titles = new Map(results.map((r) => [r.policyCode, bi(r.title, locale)]));
  return (
    <div className="space-y-3">
      {GROUPS.map((g) => {
        const rs = results.filter((r) => g.statuses.includes(r.status));
        if (!rs.length) return null;
        const label = g.key === 'OTHER' ? t('policyUi.groupOther') : t(statusKey(g.key as Status));
        const icon = STATUS_STYLE[g.statuses[0]!].icon;
        return (
          <details key={g.key} open={g.open} className="group rounded-2xl bg-ink-100/60 p-2 ring-1 ring-ink-200" data-testid={`group-${g.key}`}>
            <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-3 py-2 font-semibold text-ink-900 [&::-webkit-details-marker]:hidden">
              <span className="flex items-center gap-2">
                <span aria-hidden className={`grid size-6 place-items-center rounded-full text-xs ring-1 ring-inset ${STATUS_STYLE[g.statuses[0]!].cls}`}>
                  {icon}
                </span>
                <span>
                  {label} <span className="tabular-nums text-ink-600">({rs.length})</span>
                </span>
              </span>
              <span aria-hidden className="text-ink-600 transition-transform group-open:rotate-90">
                ▸
              </span>
            </summary>
            <div className="mt-2 space-y-2">
              {rs.map((r) => (
                <MatchCard key={r.policyCode} result={r} compact excludedTitles={r.excludedBy.map((c) => titles.get(c) ?? c)} />
              ))}
            </div>
          </details>
        );
      })}
    </div>
  );
}
