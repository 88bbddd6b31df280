import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { onlyLocale } from '@/components/policy/format';
import { MyPolicies, type ChooseOneGroup } from '@/components/policy/my-policies';
import { ListSkeleton } from '@/components/talent/skeleton';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';
import { applicationStateByPolicy } from '@/lib/policies/application-state';
import { askedProfileFields } from '@/lib/policies/asked-fields';
import { listMyApplications } from '@/lib/policies/applications';
import { getPolicy, myMatches } from '@/lib/policies/service';
import type { PolicyVersion } from '@/lib/policy-matching/model';
import { getMyProfile } from '@/lib/talent/service';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('policyUi.title') };
}

export default async function MyPoliciesPage() {
  const actor = await requirePagePermission('matches.read_own');
  const { t } = await getTranslator();
  return (
    <>
      <PageHeader title={t('policyUi.title')} description={t('policyUi.subtitle')} />
      <Suspense fallback={<ListSkeleton label={t('errors.loading')} rows={4} />}>
        <MyPoliciesBody actor={actor} />
      </Suspense>
    </>
  );
}

async function MyPoliciesBody({ actor }: { actor: Actor }) {
  const { t, locale } = await getTranslator();
  let data: Awaited<ReturnType<typeof myMatches>>;
  try {
    data = await myMatches(actor);
  } catch (err) {
    if (err instanceof AppError && err.code === 'FORBIDDEN' && err.options.detailKey) {
      return (
        <Card className="border-l-4 border-amber-500" data-testid="consent-withdrawn">
          <h2 className="font-semibold text-ink-900">{t('policyUi.consentTitle')}</h2>
          <p className="mt-1 text-ink-700">{t('policyUi.consentBody')}</p>
          <Link href="/profile" className={`${buttonClass('primary', 'sm')} mt-3`}>
            {t('profile.pageTitle')}
          </Link>
        </Card>
      );
    }
    if (err instanceof AppError && err.code === 'NOT_FOUND') {
      return (
        <div className="space-y-3">
          <EmptyState title={t('policyUi.noProfileTitle')} body={t('policyUi.noProfileBody')} icon="🏺" />
          <Link href="/profile/wizard" className={buttonClass('primary')}>
            {t('policyUi.goProfile')}
          </Link>
        </div>
      );
    }
    throw err;
  }
  const [me, apps] = await Promise.all([getMyProfile(actor), listMyApplications(actor)]);
  // The latest application per policy, a rejection included (issue 13 §5: the card kept an older status).
  const applications = applicationStateByPolicy(apps.items);

  // Choose-one comparisons: ELIGIBLE policies of one exclusion group, with the duration of each benefit.
  const flagged = data.results.filter((r) => r.chooseOne);
  const details = await Promise.all(flagged.map((r) => getPolicy(actor, r.policyCode).catch(() => null)));
  const groups = new Map<string, ChooseOneGroup>();
  details.forEach((d, i) => {
    if (!d) return;
    const r = flagged[i]!;
    const v = (d.versions.find((x) => x.version === r.version)?.definition ?? null) as PolicyVersion | null;
    for (const g of d.exclusionGroups) {
      if (g.rule === 'highest_tier_only') continue;
      const group = groups.get(g.id) ?? { id: g.id, note: g.note, items: [] };
      if (!group.items.some((x) => x.code === r.policyCode))
        group.items.push({ code: r.policyCode, durationMonths: v?.benefit?.duration_months ?? null, oneOff: v?.benefit?.kind === 'cash_once' || v?.benefit?.period === 'once' });
      groups.set(g.id, group);
    }
  });
  const chooseOne = [...groups.values()].filter((g) => g.items.length > 1);

  return (
    <MyPolicies
      // The machine-readable facts of each criterion are for API clients; the cards read the sentences, in the reader's
      // language only. Leaving the rest out of the client payload keeps ~50 cards' worth of JSON off the wire (bench
      // pages, issue 13 §4).
      data={{
        evalDate: data.evalDate,
        results: data.results.map((r) => ({
          ...r,
          title: onlyLocale(r.title, locale),
          benefitText: onlyLocale(r.benefitText, locale),
          criteria: r.criteria.map((c) => ({ id: c.id, result: c.result, explanation: onlyLocale(c.explanation, locale) })),
        })),
        missingFields: data.missingFields,
        nextQuestion: data.nextQuestion,
      }}
      // Only the profile fields the page's questions can write (the rest, personal data included, stays on the server).
      current={askedProfileFields(me.profile as Record<string, unknown>, data)}
      applications={applications}
      chooseOne={chooseOne}
    />
  );
}
