import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import type { Locale, Translator } from '@/lib/i18n';
import { defaultValidityDays, isOpenState } from '@/lib/party/transfer-machine';
import { getTransfer, listTransfers } from '@/lib/party/transfers';
import type { TransferDto } from '@/lib/party/transfer-schemas';
import { transferDirectory, transferTargets, type DirectoryOrg } from '@/lib/party/transfer-views';
import { TransferActionForms, type StepContext } from './transfer-action-forms';
import type { OptionGroup } from './transfer-fields';
import { TransferApplyForm } from './transfer-apply-form';
import { CaseFacts, CaseLinks, CaseNotice, OverdueBadge, StateBadge, StepTracker, Timeline } from './transfer-case-parts';
import { formatDay } from './transfer-labels';

/** The directory's receiving organisations grouped by the committee that receives for them (the member's own excluded). */
export function targetGroups(directory: DirectoryOrg[], exceptOrgId: string | null, t: Translator): OptionGroup[] {
  return transferTargets(directory, exceptOrgId).map((g) => ({ label: g.committee.name, options: g.orgs.map((o) => ({ value: o.id, label: o.id === g.committee.id ? `${o.name}（${t('partyTransfer.committeeItself')}）` : o.name })) }));
}

/** What a returned application's correction form starts from. */
export function correctionOf(c: TransferDto, groups: OptionGroup[]): NonNullable<StepContext['edit']> {
  return { groups, toOrgId: c.toOrgId, toOrgText: c.toOrgText, category: c.category, channel: c.channel, reason: c.reason };
}

/**
 * 我的组织关系转接 on 我的党组织: the member's current case (step tracker with who handles it now and the deadline,
 * why it was returned, withdraw / resubmit, the letter once issued), the apply form when no case is open, and the
 * earlier cases. Reads through the transfer service, which scopes everything to the member's own cases.
 */
export async function MyTransferSection({ actor, member, t, locale, ip }: { actor: Actor; member: { id: string; formalOrgId: string }; t: Translator; locale: Locale; ip: string }) {
  const ctx = { ip, locale };
  const { items } = await listTransfers(actor, 'mine', ctx);
  const byRecent = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const open = byRecent.find((i) => isOpenState(i.state) || i.state === 'COMPLETED');
  const current = open ? await getTransfer(actor, open.id, ctx) : null;
  const correcting = current?.state === 'RETURNED_FOR_EDIT' && current.availableActions.includes('submit');
  const directory = !current || correcting ? await transferDirectory(actor, locale, ip) : null;
  const earlier = byRecent.filter((i) => i.id !== current?.id);

  return (
    <section aria-labelledby="my-transfer-title" className="space-y-4" data-testid="my-transfer">
      <h2 id="my-transfer-title" className="text-lg font-semibold text-ink-900">
        {t('partyTransfer.myTransfer')}
      </h2>
      {current ? (
        <Card className="space-y-4" data-testid="my-transfer-current">
          <div className="flex flex-wrap items-center gap-2">
            <StateBadge state={current.state} locale={locale} />
            {current.overdue ? <OverdueBadge deadline={current.stepDeadline} t={t} locale={locale} /> : null}
          </div>
          <CaseNotice c={current} t={t} locale={locale} />
          <StepTracker c={current} t={t} locale={locale} />
          <CaseFacts c={current} t={t} locale={locale} />
          <CaseLinks c={current} t={t} />
          <TransferActionForms
            applicant
            actions={current.availableActions}
            ctx={{
              caseId: current.id,
              state: current.state,
              channel: current.channel,
              receiverReturn: false,
              defaultValidityDays: defaultValidityDays(current.category),
              branches: [],
              defaultBranchId: null,
              ...(correcting ? { edit: correctionOf(current, targetGroups(directory ?? [], member.formalOrgId, t)) } : {}),
            }}
          />
          <details className="group">
            <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t('partyTransfer.timeline')}</summary>
            <div className="mt-3">
              <Timeline c={current} t={t} locale={locale} />
            </div>
          </details>
          <p className="text-sm">
            <Link href={`/party/transfers/${current.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {t('partyTransfer.openCase')} →
            </Link>
          </p>
        </Card>
      ) : (
        <Card>
          <h3 className="font-semibold text-ink-900">{t('partyTransfer.applyTitle')}</h3>
          <p className="mb-4 mt-1 text-sm text-ink-600">{t('partyTransfer.applyIntro')}</p>
          <TransferApplyForm
            memberId={member.id}
            groups={targetGroups(directory ?? [], member.formalOrgId, t)}
          />
        </Card>
      )}
      <Card>
        <h3 className="mb-3 font-semibold text-ink-900">{t('partyTransfer.history')}</h3>
        {earlier.length ? (
          <ul className="divide-y divide-ink-100" data-testid="transfer-history">
            {earlier.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
                <div className="min-w-0">
                  <p className="text-sm text-ink-900">
                    {i.fromOrgName ?? '—'} → {i.toOrgName ?? '—'}
                  </p>
                  <p className="text-xs text-ink-600">
                    {formatDay(i.updatedAt, locale)}
                    {i.letterNo ? ` · ${i.letterNo}` : ''}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <StateBadge state={i.state} locale={locale} />
                  <Link href={`/party/transfers/${i.id}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                    {t('partyTransfer.view')}
                    <span className="sr-only">
                      {' '}
                      {i.toOrgName}
                    </span>
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t('partyTransfer.noHistory')} body={t('partyTransfer.noHistoryBody')} icon="○" />
        )}
      </Card>
    </section>
  );
}

export function MyTransferSkeleton({ t }: { t: Translator }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3" data-testid="my-transfer-loading">
      <div className="h-6 w-40 animate-pulse rounded bg-ink-200" />
      <div className="h-40 animate-pulse rounded-2xl bg-ink-200" />
      <span className="sr-only">{t('errors.loading')}</span>
    </div>
  );
}
