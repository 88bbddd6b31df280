import type { CanonicalProfile } from './profile-schema';
import { ageOn, compareYmd, fullMonthsBetween, fullYearsBetween, parseIsoDate, type Ymd } from './dates';

/**
 * Derived profile values (domain-talent-policy.md §6.2), computed from the raw fields and an evaluation date.
 * Pure. Each value is null when an input it needs is unknown — null never means false.
 */
export const DEFAULT_JDZ_DISTRICTS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区'] as const;
export const B_LEVEL_HONOURS = ['中国工艺美术大师', '中国陶瓷艺术大师', '中华技能大奖'] as const;
/** Employment kinds whose work happens in the person's own studio (works_in_jdz reads studio.district for them). */
export const STUDIO_WORK: readonly string[] = ['self_employed', 'informal'];

export interface DerivedValues {
  age: number | null;
  is_local_hukou: boolean | null;
  months_in_jdz: number | null;
  months_since_graduation: number | null;
  practice_years: number | null;
  business_operating_months: number | null;
  years_since_title: number | null;
  works_in_jdz: boolean | null;
  works_or_lives_in_jdz: boolean | null;
  business_registered_in_jdz: boolean | null;
  honours_b_level_count: number | null;
}

const date = (s: string | null | undefined): Ymd | null => (s ? parseIsoDate(s) : null);
const since = (start: string | null | undefined, on: Ymd, f: (a: Ymd, b: Ymd) => number) => {
  const d = date(start);
  return d ? f(d, on) : null;
};

/** Three-valued OR: true if any is true, else null if any is null, else false. */
export function or3(...values: (boolean | null)[]): boolean | null {
  if (values.some((v) => v === true)) return true;
  if (values.some((v) => v === null)) return null;
  return false;
}

export function deriveProfile(p: Partial<CanonicalProfile>, evalDate: Ymd, jdzDistricts: readonly string[] = DEFAULT_JDZ_DISTRICTS): DerivedValues {
  const inJdz = (district: string | null | undefined) => (district == null ? null : jdzDistricts.includes(district));

  const is_local_hukou = p.nationality == null ? (p.hukou_city == null ? null : p.hukou_city === '景德镇') : p.nationality !== 'CN' ? false : p.hukou_city == null ? null : p.hukou_city === '景德镇';

  const business_registered_in_jdz = p.business == null ? null : p.business.form === 'none' ? false : inJdz(p.business.registered_district);
  const contractInJdz = p.employment == null ? null : p.employment === 'contract' ? inJdz(p.employer_district) : false;
  // §6.2 amended (2026-12-04): self-employed or informal work from a studio in a JDZ district counts, licence or not.
  const studioWorkInJdz = p.employment == null ? null : STUDIO_WORK.includes(p.employment) ? inJdz(p.studio?.district) : false;
  const works_in_jdz = or3(contractInJdz, business_registered_in_jdz, studioWorkInJdz);

  const residenceStart = date(p.residence_since);
  const livesInJdz = p.residence_district != null ? inJdz(p.residence_district) : residenceStart ? compareYmd(residenceStart, evalDate) <= 0 : null;

  const honours_b_level_count =
    p.honours == null && p.ich?.level == null
      ? null
      : new Set([...(p.honours ?? []).map((h) => h.type).filter((t) => (B_LEVEL_HONOURS as readonly string[]).includes(t)), ...(p.ich?.level === 'national' ? ['national_ich'] : [])]).size;

  return {
    age: since(p.birth_date, evalDate, ageOn),
    is_local_hukou,
    months_in_jdz: since(p.residence_since, evalDate, fullMonthsBetween),
    months_since_graduation: since(p.graduation_date, evalDate, fullMonthsBetween),
    practice_years: since(p.practice_start, evalDate, fullYearsBetween),
    business_operating_months: p.business ? since(p.business.registered_date, evalDate, fullMonthsBetween) : null,
    years_since_title: p.title?.date ? since(p.title.date, evalDate, fullYearsBetween) : null,
    works_in_jdz,
    works_or_lives_in_jdz: or3(works_in_jdz, livesInJdz),
    business_registered_in_jdz,
    honours_b_level_count,
  };
}
