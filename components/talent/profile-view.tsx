import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import type { EvidenceDto } from '@/lib/portfolio/schemas';
import type { MyProfileDto } from '@/lib/talent/schemas';
import { SUBJECT_LABEL } from './claims';
import { EvidenceUpload } from './evidence-upload';
import {
  AWARD_RANK_LABEL,
  BUSINESS_FORM_LABEL,
  countryLabel,
  craftLabel,
  districtLabel,
  EDUCATION_LABEL,
  EMPLOYMENT_LABEL,
  enumLabel,
  HONOUR_LABEL,
  ICH_LABEL,
  RECORD_LEVEL_LABEL,
  SECTOR_LABEL,
  SKILL_LABEL,
  TITLE_LABEL,
  VERIFICATION_LABEL,
  VERIFICATION_TONE,
  type VerificationState,
} from './labels';

/**
 * Read-only views of the canonical profile (server components). Null is shown as "not provided", never as "no":
 * unknown and "has none" are different answers.
 */
export type Row = [label: string, value: ReactNode];

export function NotProvided({ t }: { t: Translator }) {
  return <span className="text-ink-400">{t('profile.notProvided')}</span>;
}

export function DefinitionList({ rows, t }: { rows: Row[]; t: Translator }) {
  return (
    <dl className="divide-y divide-ink-100 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[minmax(7rem,40%)_1fr] gap-3 py-2">
          <dt className="text-ink-600">{label}</dt>
          <dd className="min-w-0 break-words text-ink-900">{value === null || value === undefined || value === '' ? <NotProvided t={t} /> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function VerificationBadge({ state, t }: { state: VerificationState; t: Translator }) {
  return (
    <Badge tone={VERIFICATION_TONE[state]}>
      {state === 'verified' ? '✓ ' : ''}
      {t(VERIFICATION_LABEL[state])}
    </Badge>
  );
}

export function CraftList({ codes, locale }: { codes: string[]; locale: Locale }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {codes.map((c) => (
        <li key={c} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800">
          {craftLabel(c, locale)}
        </li>
      ))}
    </ul>
  );
}

const yesNo = (t: Translator, v: boolean | null | undefined) => (v === true ? t('wizard.yes') : v === false ? t('wizard.no') : null);
const withUnit = (t: Translator, v: number | null | undefined, unit: MessageKey) => (v === null || v === undefined ? null : t(unit, { n: v }));

/** The canonical fields grouped like the wizard's steps. */
export function profileSections(p: MyProfileDto['profile'], t: Translator, locale: Locale): { step: number; title: MessageKey; rows: Row[] }[] {
  const citizen = (p.nationality ?? 'CN') === 'CN';
  return [
    {
      step: 1,
      title: 'wizard.stepBasics',
      rows: [
        [t('profile.birth_date'), p.birth_date],
        [t('profile.nationality'), countryLabel(p.nationality, locale)],
        ...(citizen
          ? ([
              [t('profile.hukou_province'), p.hukou_province],
              [t('profile.hukou_city'), p.hukou_city],
            ] as Row[])
          : []),
        [t('profile.residence_district'), districtLabel(p.residence_district, locale)],
        [t('profile.residence_since'), p.residence_since],
        [t('profile.relocated_to_jdz_date'), p.relocated_to_jdz_date],
        [t('profile.commitment_years'), withUnit(t, p.commitment_years, 'profile.unitYears')],
      ],
    },
    {
      step: 2,
      title: 'wizard.stepPractice',
      rows: [
        [t('profile.education'), enumLabel(t, EDUCATION_LABEL, p.education)],
        [t('profile.graduation_date'), p.graduation_date],
        [t('profile.practice_start'), p.practice_start],
        [t('profile.sector'), enumLabel(t, SECTOR_LABEL, p.sector)],
        [t('profile.crafts'), p.crafts === null || p.crafts === undefined ? null : p.crafts.length ? <CraftList codes={p.crafts} locale={locale} /> : t('profile.none')],
      ],
    },
    {
      step: 3,
      title: 'wizard.stepWork',
      rows: [
        [t('profile.employment'), enumLabel(t, EMPLOYMENT_LABEL, p.employment)],
        [t('profile.employer_district'), districtLabel(p.employer_district, locale)],
        [t('profile.social_insurance_months_jdz'), withUnit(t, p.social_insurance_months_jdz, 'profile.unitMonths')],
        [t('profile.business_form'), enumLabel(t, BUSINESS_FORM_LABEL, p.business?.form)],
        [t('profile.business_registered_district'), districtLabel(p.business?.registered_district, locale)],
        [t('profile.business_registered_date'), p.business?.registered_date],
        [t('profile.business_first_time'), yesNo(t, p.business?.first_time)],
        [t('profile.business_employees_insured'), withUnit(t, p.business?.employees_insured, 'profile.unitPeople')],
        [t('profile.studio_district'), districtLabel(p.studio?.district, locale)],
        [t('profile.studio_area_m2'), withUnit(t, p.studio?.area_m2, 'profile.unitSquareMetres')],
        [t('profile.studio_monthly_rent'), withUnit(t, p.studio?.monthly_rent, 'profile.unitYuan')],
        [t('profile.studio_lease_months'), withUnit(t, p.studio?.lease_months, 'profile.unitMonths')],
        [t('profile.studio_government_free'), yesNo(t, p.studio?.government_free)],
        [t('profile.owns_home_in_jdz'), yesNo(t, p.owns_home_in_jdz)],
        [t('profile.retired'), yesNo(t, p.retired)],
        [t('profile.registered_unemployed'), yesNo(t, p.registered_unemployed)],
        [t('profile.credit_bad'), yesNo(t, p.credit_bad)],
      ],
    },
  ];
}

export function derivedRows(d: Record<string, number | boolean | null>, t: Translator): Row[] {
  const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const b = (k: string) => yesNo(t, typeof d[k] === 'boolean' ? (d[k] as boolean) : null);
  return [
    [t('profile.derivedAge'), withUnit(t, n('age'), 'profile.unitAge')],
    [t('profile.derivedMonthsInJdz'), withUnit(t, n('months_in_jdz'), 'profile.unitMonths')],
    [t('profile.derivedPracticeYears'), withUnit(t, n('practice_years'), 'profile.unitYears')],
    [t('profile.derivedMonthsSinceGraduation'), withUnit(t, n('months_since_graduation'), 'profile.unitMonths')],
    [t('profile.derivedBusinessMonths'), withUnit(t, n('business_operating_months'), 'profile.unitMonths')],
    [t('profile.derivedYearsSinceTitle'), withUnit(t, n('years_since_title'), 'profile.unitYears')],
    [t('profile.derivedLocalHukou'), b('is_local_hukou')],
    [t('profile.derivedWorksInJdz'), b('works_in_jdz')],
    [t('profile.derivedWorksOrLivesInJdz'), b('works_or_lives_in_jdz')],
    [t('profile.derivedBusinessInJdz'), b('business_registered_in_jdz')],
    [t('profile.derivedBLevelHonours'), n('honours_b_level_count')],
  ];
}

function Claim({ title, detail, state, upload, t }: { title: string; detail?: string | null; state: VerificationState; upload: ReactNode; t: Translator }) {
  return (
    <li className="space-y-2 py-3" data-testid="claim">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-ink-900">{title}</p>
          {detail ? <p className="text-sm text-ink-600">{detail}</p> : null}
        </div>
        <VerificationBadge state={state} t={t} />
      </div>
      {state !== 'verified' && state !== 'pending' ? upload : null}
    </li>
  );
}

/** Title, ICH, honours and awards with their verification state and an evidence upload per claim. */
export function CredentialsCard({ me, evidence, t }: { me: MyProfileDto; evidence: EvidenceDto[]; t: Translator }) {
  const p = me.profile;
  const v = me.verification;
  const blocked = me.consents.sensitive ? undefined : t('talent.sensitiveConsentMissing');
  const join = (...parts: (string | number | null | undefined)[]) => parts.filter((x) => x !== null && x !== undefined && x !== '').join(' · ');
  const claims: ReactNode[] = [];
  if (p.title?.level && p.title.level !== 'none') {
    const label = `${t('profile.title')}: ${enumLabel(t, TITLE_LABEL, p.title.level)}`;
    claims.push(<Claim key="title" title={label} detail={p.title.date} state={v.title ?? 'claimed'} t={t} upload={<EvidenceUpload subject="title" claimLabel={label} disabledReason={blocked} />} />);
  }
  if (p.ich?.level && p.ich.level !== 'none') {
    const label = `${t('profile.ich')}: ${enumLabel(t, ICH_LABEL, p.ich.level)}`;
    claims.push(<Claim key="ich" title={label} detail={join(p.ich.project, p.ich.year)} state={v.ich ?? 'claimed'} t={t} upload={<EvidenceUpload subject="ich" claimLabel={label} disabledReason={blocked} />} />);
  }
  for (const h of p.honours ?? []) {
    const label = enumLabel(t, HONOUR_LABEL, h.type) ?? h.type;
    claims.push(<Claim key={`h-${h.id}`} title={label} detail={join(h.province, h.year)} state={(h.id && v.honours[h.id]) || 'claimed'} t={t} upload={<EvidenceUpload subject="honour" itemId={h.id} claimLabel={label} disabledReason={blocked} />} />);
  }
  for (const a of p.awards ?? []) {
    const label = a.name || `${enumLabel(t, RECORD_LEVEL_LABEL, a.level)} ${t('profile.award')}`;
    claims.push(
      <Claim
        key={`a-${a.id}`}
        title={label}
        detail={join(enumLabel(t, RECORD_LEVEL_LABEL, a.level), enumLabel(t, AWARD_RANK_LABEL, a.rank), a.year)}
        state={(a.id && v.awards[a.id]) || 'claimed'}
        t={t}
        upload={<EvidenceUpload subject="award" itemId={a.id} claimLabel={label} disabledReason={blocked} />}
      />,
    );
  }
  const rows: Row[] = [
    [t('profile.skill_level'), enumLabel(t, SKILL_LABEL, p.skill_level)],
    [t('profile.title_level'), enumLabel(t, TITLE_LABEL, p.title?.level)],
    [t('profile.ich_level'), enumLabel(t, ICH_LABEL, p.ich?.level)],
    [t('profile.honours'), p.honours === null || p.honours === undefined ? null : p.honours.length ? t('profile.countItems', { n: p.honours.length }) : t('profile.none')],
    [t('profile.awards'), p.awards === null || p.awards === undefined ? null : p.awards.length ? t('profile.countItems', { n: p.awards.length }) : t('profile.none')],
    [
      t('profile.exhibitions'),
      p.exhibitions === null || p.exhibitions === undefined ? null : p.exhibitions.length ? (
        <ul className="space-y-0.5">
          {p.exhibitions.map((e) => (
            <li key={e.id}>{join(e.name, enumLabel(t, RECORD_LEVEL_LABEL, e.level), e.year)}</li>
          ))}
        </ul>
      ) : (
        t('profile.none')
      ),
    ],
    [t('profile.apprentices'), p.apprentices === null || p.apprentices === undefined ? null : p.apprentices.length ? t('profile.countPeople', { n: p.apprentices.length }) : t('profile.none')],
  ];
  return (
    <Card>
      <SectionHeader title={t('wizard.stepCredentials')} step={4} t={t} />
      <DefinitionList rows={rows} t={t} />
      <h3 className="mt-5 font-semibold text-ink-900">{t('profile.claims')}</h3>
      <p className="mt-1 text-sm text-ink-600">{t('profile.claimsHint')}</p>
      {claims.length ? <ul className="mt-2 divide-y divide-ink-100">{claims}</ul> : <p className="mt-3 text-sm text-ink-600">{t('profile.noClaims')}</p>}
      {evidence.length ? (
        <>
          <h3 className="mt-5 font-semibold text-ink-900">{t('profile.evidenceHistory')}</h3>
          <ul className="mt-2 divide-y divide-ink-100 text-sm" data-testid="evidence-history">
            {evidence.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  {t(SUBJECT_LABEL[e.subject])} · {e.created_at.slice(0, 10)}
                  {e.status === 'rejected' && e.reason ? <span className="block text-red-800">{t('profile.rejectReason', { reason: e.reason })}</span> : null}
                </span>
                <span className="flex items-center gap-2">
                  <VerificationBadge state={e.status} t={t} />
                  <a href={e.file_url} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
                    {t('profile.viewFile')}
                  </a>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function SectionHeader({ title, step, t }: { title: string; step?: number; t: Translator }) {
  return (
    <div className="mb-2 flex items-center justify-between gap-2">
      <h2 className="font-semibold text-ink-900">{title}</h2>
      {step ? (
        <Link href={`/profile/wizard?step=${step}`} className={buttonClass('ghost', 'sm')} aria-label={`${t('profile.edit')}: ${title}`}>
          {t('profile.edit')}
        </Link>
      ) : null}
    </div>
  );
}
