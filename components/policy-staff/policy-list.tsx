import Link from 'next/link';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import type { PolicySummary } from '@/lib/policies/schemas';
import { tk } from './server-t';
import { StatusBadge } from './status-badge';

/** The staff policy list: one card per policy (stacked on phones, two columns on wide screens). */
export function PolicyList({ items, t, locale, filtered }: { items: PolicySummary[]; t: Translator; locale: Locale; filtered: boolean }) {
  if (items.length === 0)
    return <EmptyState title={t(filtered ? 'policyStaff.noMatchesFiltered' : 'policyStaff.noPolicies')} body={t(filtered ? 'policyStaff.noMatchesFilteredBody' : 'policyStaff.noPoliciesBody')} />;
  return (
    <>
      <p className="mb-3 text-sm font-medium text-ink-900" aria-live="polite" data-testid="policy-count">
        {t('policyStaff.count', { n: items.length })}
      </p>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="policy-list">
        {items.map((p) => (
          <li key={p.code}>
            <Card className="h-full p-4 sm:p-5">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-mono text-xs text-ink-600">{p.code}</p>
                  <Link href={`/staff/policies/${encodeURIComponent(p.code)}`} className="font-semibold text-ink-900 hover:text-brand-700 hover:underline">
                    {locale === 'en' ? p.title.en : p.title.zh}
                  </Link>
                </div>
                {p.currentVersion ? <StatusBadge status={p.currentVersion.status} /> : <StatusBadge status="draft" />}
              </div>
              <div className="mt-2 flex flex-wrap gap-1.5">
                <Badge>{tk(t, `policy.category_${p.category}`)}</Badge>
                {p.demoData ? (
                  <Badge tone="warning">
                    {t('policy.demoBadge')} · {tk(t, `policy.provenance_${p.provenance}`)}
                  </Badge>
                ) : (
                  <Badge tone="info">{tk(t, `policy.provenance_${p.provenance}`)}</Badge>
                )}
                {p.applicationMode ? <Badge>{p.applicationMode}</Badge> : null}
              </div>
              <p className="mt-2 text-sm text-ink-600">
                {p.currentVersion
                  ? t('policyStaff.currentVersion', { version: p.currentVersion.version, from: p.currentVersion.effectiveFrom, to: p.currentVersion.effectiveTo ?? t('policyStaff.openEnded') })
                  : t('policyStaff.draftOnly')}
                {p.issuer ? ` · ${p.issuer}` : ''}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
