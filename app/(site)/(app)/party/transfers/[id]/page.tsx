import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { correctionOf, targetGroups } from '@/components/party/my-transfer-section';
import { TransferActionForms } from '@/components/party/transfer-action-forms';
import { CaseFacts, CaseLinks, CaseNotice, OverdueBadge, StateBadge, StepTracker, Timeline } from '@/components/party/transfer-case-parts';
import { actorKindName, categoryLabel, channelLabel } from '@/components/party/transfer-labels';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/page';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { defaultValidityDays } from '@/lib/party/transfer-machine';
import { branchesUnder, transferDirectory } from '@/lib/party/transfer-views';
import { getTransfer } from '@/lib/party/transfers';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyTransfer.caseTitle') };
}

/** One case: state, from → to, the letter, the event timeline and one form per step the viewer may take now. */
export default async function TransferCasePage({ params }: PageProps<'/party/transfers/[id]'>) {
  const actor = await requirePageActor();
  const parsed = z.strictObject({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const c = await loadForPage(getTransfer(actor, parsed.data.id, { ip, locale }));
  const completing = c.availableActions.includes('complete');
  const correcting = c.state === 'RETURNED_FOR_EDIT' && c.availableActions.includes('submit');
  const directory = completing || correcting ? await transferDirectory(actor, locale, ip) : [];
  const branches = completing ? branchesUnder(directory, c.currentHandlerOrgId) : [];
  const member = actor.role === 'talent';

  return (
    <>
      <PageHeader
        title={t('partyTransfer.caseHeading', { name: c.memberName })}
        description={`${categoryLabel(t, c.category)} · ${channelLabel(t, c.channel)}`}
        actions={
          <Link href={member ? '/my-party' : '/party/transfers'} className={buttonClass('ghost', 'sm')}>
            ← {member ? t('party.mineTitle') : t('partyTransfer.backToQueue')}
          </Link>
        }
      />
      {/* Phones: the case, then the viewer's step, progress and the timeline; wide screens: two columns. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="contents lg:block lg:min-w-0 lg:space-y-6">
          <Card className="order-1 space-y-4">
            <div className="flex flex-wrap items-center gap-2">
              <StateBadge state={c.state} locale={locale} />
              {c.overdue ? <OverdueBadge deadline={c.stepDeadline} t={t} locale={locale} /> : null}
              {c.incoming ? <span className="text-xs text-ink-600">{t('partyTransfer.incomingTag')}</span> : null}
            </div>
            <CaseNotice c={c} t={t} locale={locale} />
            <CaseFacts c={c} t={t} locale={locale} />
            <CaseLinks c={c} t={t} />
          </Card>
          <Card className="order-4">
            <h2 className="mb-3 font-semibold text-ink-900">{t('partyTransfer.timeline')}</h2>
            <Timeline c={c} t={t} locale={locale} />
          </Card>
        </div>
        <aside className="contents lg:block lg:space-y-6">
          <Card className="order-2">
            <h2 className="mb-1 font-semibold text-ink-900">{t('partyTransfer.actionsTitle')}</h2>
            {c.myRoles.length ? <p className="mb-3 text-sm text-ink-600">{t('partyTransfer.youAre', { roles: c.myRoles.map((r) => actorKindName(r, locale)).join('、') })}</p> : null}
            {c.availableActions.length ? (
              <TransferActionForms
                applicant={member}
                actions={c.availableActions}
                ctx={{
                  caseId: c.id,
                  state: c.state,
                  channel: c.channel,
                  receiverReturn: c.state === 'RECEIVER_REVIEW' && c.myRoles.includes('receiver'),
                  defaultValidityDays: defaultValidityDays(c.category),
                  branches: branches.map((b) => ({ id: b.id, name: b.name })),
                  defaultBranchId: branches.find((b) => b.id === c.toOrgId)?.id ?? null,
                  ...(correcting ? { edit: correctionOf(c, targetGroups(directory, c.fromOrgId, t)) } : {}),
                }}
              />
            ) : (
              <p className="text-sm text-ink-700" data-testid="no-actions">
                {t('partyTransfer.nothingForYou')}
              </p>
            )}
          </Card>
          <Card className="order-3">
            <h2 className="mb-3 font-semibold text-ink-900">{t('partyTransfer.progress')}</h2>
            <StepTracker c={c} t={t} locale={locale} />
          </Card>
        </aside>
      </div>
    </>
  );
}
