import Link from 'next/link';
import { amountLabel } from '@/components/policy/format';
import { Badge, Card } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import type { ApplicationDto } from '@/lib/policies/applications';
import { ApplicationActions } from './application-actions';
import { StatusBadge } from './status-badge';

/** One application in the staff queue (a card that stacks on phones). */
export function ApplicationRow({ a, t, locale, mayReview }: { a: ApplicationDto; t: Translator; locale: Locale; mayReview: boolean }) {
  const title = locale === 'en' ? a.policyTitle.en : a.policyTitle.zh;
  const name = a.talent?.name ?? '—';
  // A loan or interest subsidy reads as a ceiling ("贷款额度最高 300 万元"), never like money paid out.
  const amount = amountLabel({ amountEstimate: a.amountEstimate, category: a.category ?? '', benefitKind: a.benefitKind }, t, locale)?.text ?? null;
  // With files (issue 13 §5) a material counts as provided when its file is attached, not when it was ticked.
  const provided = a.files ? a.materials.filter((m) => a.files!.some((f) => f.code === m.code)).length : a.materials.filter((m) => m.provided).length;
  return (
    <Card className="space-y-3 p-4 sm:p-5" data-testid="application-row" data-policy={a.policyCode}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold text-ink-900">{name}</p>
          <p className="text-sm text-ink-700">
            {title} <span className="font-mono text-xs text-ink-600">{a.policyCode} v{a.version}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {a.origin === 'auto' ? <Badge tone="info">{t('policyStaff.originAuto')}</Badge> : <Badge>{t('policyStaff.originApplied')}</Badge>}
          <StatusBadge status={a.status} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-ink-600">{t('policyStaff.submittedAt')}</dt>
          <dd>{a.createdAt.slice(0, 10)}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-600">{t('policyStaff.evaluationAtSubmission')}</dt>
          <dd>{a.evaluationStatus ? <StatusBadge status={a.evaluationStatus} /> : '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-600">{t('policyStaff.colAmount')}</dt>
          <dd className="tabular-nums">{amount ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-600">{t('policyStaff.materials')}</dt>
          <dd>{a.materials.length ? t('policyStaff.materialsProvided', { n: provided, total: a.materials.length }) : t('policyStaff.materialsNone')}</dd>
        </div>
      </dl>
      {a.decisionReason ? <p className="rounded-lg bg-ink-50 px-3 py-2 text-sm text-ink-800">{t('policyStaff.decisionReason', { reason: a.decisionReason })}</p> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={`/staff/applications/${a.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          {t('policyStaff.viewDetail')} →
        </Link>
        {a.status === 'submitted' && mayReview ? <ApplicationActions id={a.id} talentName={name} policyTitle={title} amountText={amount} /> : null}
      </div>
    </Card>
  );
}
