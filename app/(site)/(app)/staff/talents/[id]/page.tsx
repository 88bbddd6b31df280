import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RevealForm } from '@/components/staff/reveal-form';
import { describeClaim, SUBJECT_LABEL } from '@/components/talent/claims';
import { DefinitionList, derivedRows, profileSections, VerificationBadge, type Row } from '@/components/talent/profile-view';
import { AWARD_RANK_LABEL, enumLabel, HONOUR_LABEL, ICH_LABEL, RECORD_LEVEL_LABEL, SKILL_LABEL, TITLE_LABEL } from '@/components/talent/labels';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { getTalentForStaff } from '@/lib/talent/directory';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('staff.talentDetail') };
}

/** A talent in the staff member's zone: masked identity, the canonical profile, derived values and evidence. */
export default async function StaffTalentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('talents.read');
  const parsed = z.strictObject({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  // Outside the zone and missing are answered alike (no probing across zones).
  const talent = await getTalentForStaff(actor, parsed.data.id, ip).catch((err) => {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  });
  const p = talent.profile;
  const join = (...parts: (string | number | null | undefined)[]) => parts.filter((x) => x !== null && x !== undefined && x !== '').join(' · ') || null;
  const credentialRows: Row[] = [
    [t('profile.title'), join(enumLabel(t, TITLE_LABEL, p.title?.level), p.title?.date)],
    [t('profile.skill_level'), enumLabel(t, SKILL_LABEL, p.skill_level)],
    [t('profile.ich'), join(enumLabel(t, ICH_LABEL, p.ich?.level), p.ich?.project, p.ich?.year)],
    [t('profile.honours'), p.honours == null ? null : p.honours.length ? <ul>{p.honours.map((h) => <li key={h.id}>{join(enumLabel(t, HONOUR_LABEL, h.type), h.province, h.year)}</li>)}</ul> : t('profile.none')],
    [t('profile.awards'), p.awards == null ? null : p.awards.length ? <ul>{p.awards.map((a) => <li key={a.id}>{join(a.name, enumLabel(t, RECORD_LEVEL_LABEL, a.level), enumLabel(t, AWARD_RANK_LABEL, a.rank), a.year)}</li>)}</ul> : t('profile.none')],
    [t('profile.exhibitions'), p.exhibitions == null ? null : p.exhibitions.length ? t('profile.countItems', { n: p.exhibitions.length }) : t('profile.none')],
    [t('profile.apprentices'), p.apprentices == null ? null : p.apprentices.length ? t('profile.countPeople', { n: p.apprentices.length }) : t('profile.none')],
  ];
  const revealable = [...(talent.phone ? (['phone'] as const) : []), ...(talent.id_number ? (['id_number'] as const) : [])];

  return (
    <>
      <PageHeader
        title={talent.name}
        description={talent.artist_name ?? undefined}
        actions={
          <Link href="/staff/talents" className={buttonClass('ghost', 'sm')}>
            ← {t('staff.backToList')}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {profileSections(p, t, locale).map((s) => (
            <Card key={s.step}>
              <h2 className="mb-2 font-semibold text-ink-900">{t(s.title)}</h2>
              <DefinitionList rows={s.rows} t={t} />
            </Card>
          ))}
          <Card>
            <h2 className="mb-2 font-semibold text-ink-900">{t('wizard.stepCredentials')}</h2>
            <DefinitionList rows={credentialRows} t={t} />
          </Card>
          <Card>
            <h2 className="font-semibold text-ink-900">{t('staff.evidence')}</h2>
            {talent.evidence.length === 0 ? (
              <div className="mt-3">
                <EmptyState title={t('staff.noEvidence')} body={t('staff.noEvidenceBody')} />
              </div>
            ) : (
              <ul className="mt-2 divide-y divide-ink-100" data-testid="staff-evidence">
                {talent.evidence.map((e) => {
                  const c = describeClaim(e.subject, e.claim, t);
                  return (
                    <li key={e.id} className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0">
                        <p className="font-medium text-ink-900">
                          {t(SUBJECT_LABEL[e.subject])}: {c.title}
                        </p>
                        {c.detail ? <p className="text-ink-600">{c.detail}</p> : null}
                        <p className="text-xs text-ink-600">{t('staff.submittedOn', { date: e.created_at.slice(0, 10) })}</p>
                        {e.status === 'rejected' && e.reason ? <p className="text-xs text-red-800">{t('profile.rejectReason', { reason: e.reason })}</p> : null}
                      </div>
                      <div className="flex items-center gap-3">
                        <VerificationBadge state={e.status} t={t} />
                        <a href={`/api/v1/evidence/${e.id}/file`} target="_blank" rel="noopener" className="font-medium text-brand-700 hover:underline">
                          {t('profile.viewFile')}
                        </a>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
            {can(actor, 'evidence.review') && talent.evidence.some((e) => e.status === 'pending') ? (
              <Link href="/staff/verification" className={`${buttonClass('secondary', 'sm')} mt-3`}>
                {t('staff.openQueue')}
              </Link>
            ) : null}
          </Card>
        </div>
        <aside className="space-y-6">
          <Card>
            <h2 className="mb-2 font-semibold text-ink-900">{t('profile.identity')}</h2>
            <DefinitionList
              t={t}
              rows={[
                [t('profile.talentId'), <span key="no" className="font-mono" data-testid="talent-number">{talent.talent_number}</span>],
                [t('profile.legal_name'), talent.name],
                [t('profile.artist_name'), talent.artist_name],
                [talent.id_kind === 'passport' ? t('profile.passport') : t('profile.id_number'), talent.id_number ? <span className="font-mono">{talent.id_number}</span> : null],
                [t('profile.phone'), talent.phone ? <span className="font-mono">{talent.phone}</span> : null],
                [t('profile.email'), talent.email],
              ]}
            />
          </Card>
          {can(actor, 'talents.reveal') ? (
            <Card>
              <h2 className="font-semibold text-ink-900">{t('staff.reveal')}</h2>
              <p className="mb-3 mt-1 text-sm text-ink-600">{t('staff.revealHint')}</p>
              <RevealForm talentId={talent.id} fields={revealable} />
            </Card>
          ) : null}
          <Card>
            <h2 className="font-semibold text-ink-900">{t('profile.derived')}</h2>
            <p className="mb-2 mt-1 text-xs text-ink-600">{t('profile.derivedHint')}</p>
            <DefinitionList rows={derivedRows(talent.derived as unknown as Record<string, number | boolean | null>, t)} t={t} />
          </Card>
        </aside>
      </div>
    </>
  );
}
