import type { CanonicalProfile } from './profile-schema';

/**
 * Row ⇄ canonical profile. The table stores one column per scalar (snake_case in SQL, camelCase in Drizzle);
 * the API speaks the canonical §6.2 names with nested objects. Pure; null stays null (unknown).
 */
export interface ProfileColumns {
  birthDate: string | null;
  nationality: string | null;
  hukouProvince: string | null;
  hukouCity: string | null;
  residenceSince: string | null;
  residenceDistrict: string | null;
  education: string | null;
  graduationDate: string | null;
  practiceStart: string | null;
  sector: string | null;
  crafts: string[] | null;
  employment: string | null;
  employerDistrict: string | null;
  socialInsuranceMonthsJdz: number | null;
  businessForm: string | null;
  businessRegisteredDistrict: string | null;
  businessRegisteredDate: string | null;
  businessFirstTime: boolean | null;
  businessEmployeesInsured: number | null;
  studioDistrict: string | null;
  studioLeaseMonths: number | null;
  studioAreaM2: number | null;
  studioMonthlyRent: number | null;
  studioGovernmentFree: boolean | null;
  ownsHomeInJdz: boolean | null;
  titleLevel: string | null;
  titleDate: string | null;
  skillLevel: string | null;
  ichLevel: string | null;
  ichProject: string | null;
  ichYear: number | null;
  honours: ({ id: string } & Record<string, unknown>)[] | null;
  awards: ({ id: string } & Record<string, unknown>)[] | null;
  exhibitions: ({ id: string } & Record<string, unknown>)[] | null;
  apprentices: Record<string, unknown>[] | null;
  relocatedToJdzDate: string | null;
  commitmentYears: number | null;
  retired: boolean | null;
  creditBad: boolean | null;
  registeredUnemployed: boolean | null;
  receiving: { policy_id: string; since?: string | null }[] | null;
  received: { policy_id: string; date?: string | null }[] | null;
  /** Derived from the works table by the projection (lib/talent/queries.ts); absent when not selected = unknown. */
  portfolioCount?: number | null;
}

const allNull = (o: Record<string, unknown>) => Object.values(o).every((v) => v === null || v === undefined);
const obj = <T extends Record<string, unknown>>(o: T): T | null => (allNull(o) ? null : o);
const skill = (s: string | null): CanonicalProfile['skill_level'] => (s === null ? null : s === 'none' ? 'none' : (Number(s) as 1 | 2 | 3 | 4 | 5));

export function toCanonical(r: ProfileColumns): CanonicalProfile {
  return {
    birth_date: r.birthDate,
    nationality: r.nationality,
    hukou_province: r.hukouProvince,
    hukou_city: r.hukouCity,
    residence_since: r.residenceSince,
    residence_district: r.residenceDistrict,
    education: r.education as CanonicalProfile['education'],
    graduation_date: r.graduationDate,
    practice_start: r.practiceStart,
    sector: r.sector as CanonicalProfile['sector'],
    crafts: r.crafts,
    employment: r.employment as CanonicalProfile['employment'],
    employer_district: r.employerDistrict,
    social_insurance_months_jdz: r.socialInsuranceMonthsJdz,
    business: obj({
      form: r.businessForm as NonNullable<CanonicalProfile['business']>['form'],
      registered_district: r.businessRegisteredDistrict,
      registered_date: r.businessRegisteredDate,
      first_time: r.businessFirstTime,
      employees_insured: r.businessEmployeesInsured,
    }),
    studio: obj({
      district: r.studioDistrict,
      lease_months: r.studioLeaseMonths,
      area_m2: r.studioAreaM2,
      monthly_rent: r.studioMonthlyRent,
      government_free: r.studioGovernmentFree,
    }),
    owns_home_in_jdz: r.ownsHomeInJdz,
    title: obj({ level: r.titleLevel as NonNullable<CanonicalProfile['title']>['level'], date: r.titleDate }),
    skill_level: skill(r.skillLevel),
    honours: r.honours as CanonicalProfile['honours'],
    ich: obj({ level: r.ichLevel as NonNullable<CanonicalProfile['ich']>['level'], project: r.ichProject, year: r.ichYear }),
    awards: r.awards as CanonicalProfile['awards'],
    exhibitions: r.exhibitions as CanonicalProfile['exhibitions'],
    portfolio_count: r.portfolioCount ?? null,
    apprentices: r.apprentices as CanonicalProfile['apprentices'],
    relocated_to_jdz_date: r.relocatedToJdzDate,
    commitment_years: r.commitmentYears,
    retired: r.retired,
    credit_bad: r.creditBad,
    registered_unemployed: r.registeredUnemployed,
    receiving: r.receiving as CanonicalProfile['receiving'],
    received: r.received as CanonicalProfile['received'],
  };
}

/**
 * Columns for an update. Only keys present in `p` are written (absent = leave as is; explicit null = set unknown).
 * List items keep or receive stable ids via `withId`.
 */
export function toColumns(p: Partial<CanonicalProfile>, withId: <T extends object>(item: T) => T & { id: string }): Partial<ProfileColumns> {
  const out: Partial<ProfileColumns> = {};
  const has = (k: keyof CanonicalProfile) => Object.prototype.hasOwnProperty.call(p, k);
  const set = <K extends keyof ProfileColumns>(k: K, v: ProfileColumns[K] | undefined) => {
    out[k] = (v ?? null) as ProfileColumns[K];
  };
  if (has('birth_date')) set('birthDate', p.birth_date);
  if (has('nationality')) set('nationality', p.nationality);
  if (has('hukou_province')) set('hukouProvince', p.hukou_province);
  if (has('hukou_city')) set('hukouCity', p.hukou_city);
  if (has('residence_since')) set('residenceSince', p.residence_since);
  if (has('residence_district')) set('residenceDistrict', p.residence_district);
  if (has('education')) set('education', p.education);
  if (has('graduation_date')) set('graduationDate', p.graduation_date);
  if (has('practice_start')) set('practiceStart', p.practice_start);
  if (has('sector')) set('sector', p.sector);
  if (has('crafts')) set('crafts', p.crafts ? [...new Set(p.crafts)] : null);
  if (has('employment')) set('employment', p.employment);
  if (has('employer_district')) set('employerDistrict', p.employer_district);
  if (has('social_insurance_months_jdz')) set('socialInsuranceMonthsJdz', p.social_insurance_months_jdz);
  if (has('business')) {
    const b = p.business;
    set('businessForm', b?.form);
    set('businessRegisteredDistrict', b?.registered_district);
    set('businessRegisteredDate', b?.registered_date);
    set('businessFirstTime', b?.first_time);
    set('businessEmployeesInsured', b?.employees_insured);
  }
  if (has('studio')) {
    const s = p.studio;
    set('studioDistrict', s?.district);
    set('studioLeaseMonths', s?.lease_months);
    set('studioAreaM2', s?.area_m2);
    set('studioMonthlyRent', s?.monthly_rent);
    set('studioGovernmentFree', s?.government_free);
  }
  if (has('owns_home_in_jdz')) set('ownsHomeInJdz', p.owns_home_in_jdz);
  if (has('title')) {
    set('titleLevel', p.title?.level);
    set('titleDate', p.title?.date);
  }
  if (has('skill_level')) set('skillLevel', p.skill_level == null ? null : String(p.skill_level));
  if (has('ich')) {
    set('ichLevel', p.ich?.level);
    set('ichProject', p.ich?.project);
    set('ichYear', p.ich?.year);
  }
  if (has('honours')) set('honours', p.honours ? p.honours.map((h) => withId(h)) : null);
  if (has('awards')) set('awards', p.awards ? p.awards.map((a) => withId(a)) : null);
  if (has('exhibitions')) set('exhibitions', p.exhibitions ? p.exhibitions.map((e) => withId(e)) : null);
  if (has('apprentices')) set('apprentices', p.apprentices ?? null);
  if (has('relocated_to_jdz_date')) set('relocatedToJdzDate', p.relocated_to_jdz_date);
  if (has('commitment_years')) set('commitmentYears', p.commitment_years);
  if (has('retired')) set('retired', p.retired);
  if (has('credit_bad')) set('creditBad', p.credit_bad);
  if (has('registered_unemployed')) set('registeredUnemployed', p.registered_unemployed);
  if (has('receiving')) set('receiving', p.receiving ?? null);
  if (has('received')) set('received', p.received ?? null);
  return out;
}
