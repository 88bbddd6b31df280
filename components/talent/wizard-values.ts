import { z } from 'zod';
import { parseIsoDate } from '@/lib/talent/dates';
import type { CanonicalProfile } from '@/lib/talent/profile-schema';

/**
 * The profile wizard's form values: what the inputs hold (strings; '' = not answered) and how one step becomes the
 * canonical PATCH payload of saveProfileAction (canonical §6.2 names, nested objects; '' → null = unknown).
 * The server parses the payload with the canonical schema again, and its field errors use the same paths as these
 * inputs (`business.registered_date`, `honours.0.year`), so they land on the right field.
 */
const text = (max: number) => z.string().trim().max(max);
const date = z.string().refine((s) => s === '' || parseIsoDate(s) !== null, 'validation.dateInvalid');
const int = (min: number, max: number, message = 'wizard.numberInvalid') =>
  z.string().trim().refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max), message);
const decimal = (min: number, max: number) =>
  z.string().trim().refine((s) => s === '' || (/^\d+(\.\d{1,2})?$/.test(s) && Number(s) >= min && Number(s) <= max), 'wizard.numberInvalid');
const year = int(1900, 2100, 'wizard.yearInvalid');

export const wizardSchema = z.object({
  birth_date: date,
  hukou_province: text(20),
  hukou_city: text(20),
  residence_district: text(20),
  residence_since: date,
  relocated_to_jdz_date: date,
  commitment_years: int(0, 100),
  education: z.string(),
  graduation_date: date,
  practice_start: date,
  sector: z.string(),
  crafts: z.array(z.string()).max(30),
  employment: z.string(),
  employer_district: text(20),
  social_insurance_months_jdz: int(0, 1200),
  business: z.object({ form: z.string(), registered_district: text(20), registered_date: date, first_time: z.string(), employees_insured: int(0, 100_000) }),
  studio: z.object({ district: text(20), lease_months: int(0, 1200), area_m2: decimal(0, 100_000), monthly_rent: decimal(0, 10_000_000), government_free: z.string() }),
  owns_home_in_jdz: z.string(),
  retired: z.string(),
  registered_unemployed: z.string(),
  title: z.object({ level: z.string(), date }),
  skill_level: z.string(),
  ich: z.object({ level: z.string(), project: text(120), year }),
  honours: z.array(z.object({ id: z.string().optional(), type: z.string().min(1, 'validation.required'), province: text(20), year })).max(50),
  honours_none: z.boolean(),
  awards: z.array(z.object({ id: z.string().optional(), level: z.string().min(1, 'validation.required'), rank: z.string(), year, date: z.string().optional(), name: text(120) })).max(200),
  awards_none: z.boolean(),
  exhibitions: z.array(z.object({ id: z.string().optional(), level: z.string().min(1, 'validation.required'), year, date: z.string().optional(), name: text(120) })).max(500),
  exhibitions_none: z.boolean(),
  apprentices: z.array(z.object({ age: int(10, 100), agreement_months: int(0, 600) })).max(200),
  apprentices_none: z.boolean(),
  artist_name: text(40),
  bio: text(2000),
  showcase_enabled: z.boolean(),
});
export type WizardValues = z.infer<typeof wizardSchema>;

export const WIZARD_STEPS = ['basics', 'practice', 'work', 'credentials', 'showcase'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const str = (v: string | null | undefined) => (v ?? '').toString();
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const tri = (v: boolean | null | undefined) => (v === true ? 'true' : v === false ? 'false' : '');

export interface WizardExtras {
  artist_name: string | null;
  bio: string | null;
  showcase_enabled: boolean;
}

export function toFormValues(p: CanonicalProfile, extras: WizardExtras): WizardValues {
  return {
    birth_date: str(p.birth_date),
    hukou_province: str(p.hukou_province),
    hukou_city: str(p.hukou_city),
    residence_district: str(p.residence_district),
    residence_since: str(p.residence_since),
    relocated_to_jdz_date: str(p.relocated_to_jdz_date),
    commitment_years: num(p.commitment_years),
    education: str(p.education),
    graduation_date: str(p.graduation_date),
    practice_start: str(p.practice_start),
    sector: str(p.sector),
    crafts: p.crafts ?? [],
    employment: str(p.employment),
    employer_district: str(p.employer_district),
    social_insurance_months_jdz: num(p.social_insurance_months_jdz),
    business: {
      form: str(p.business?.form),
      registered_district: str(p.business?.registered_district),
      registered_date: str(p.business?.registered_date),
      first_time: tri(p.business?.first_time),
      employees_insured: num(p.business?.employees_insured),
    },
    studio: {
      district: str(p.studio?.district),
      lease_months: num(p.studio?.lease_months),
      area_m2: num(p.studio?.area_m2),
      monthly_rent: num(p.studio?.monthly_rent),
      government_free: tri(p.studio?.government_free),
    },
    owns_home_in_jdz: tri(p.owns_home_in_jdz),
    retired: tri(p.retired),
    registered_unemployed: tri(p.registered_unemployed),
    title: { level: str(p.title?.level), date: str(p.title?.date) },
    skill_level: p.skill_level === null || p.skill_level === undefined ? '' : String(p.skill_level),
    ich: { level: str(p.ich?.level), project: str(p.ich?.project), year: num(p.ich?.year) },
    honours: (p.honours ?? []).map((h) => ({ id: h.id, type: h.type, province: str(h.province), year: num(h.year) })),
    honours_none: Array.isArray(p.honours) && p.honours.length === 0,
    awards: (p.awards ?? []).map((a) => ({ id: a.id, level: a.level, rank: str(a.rank), year: num(a.year), date: a.date ?? undefined, name: str(a.name) })),
    awards_none: Array.isArray(p.awards) && p.awards.length === 0,
    exhibitions: (p.exhibitions ?? []).map((e) => ({ id: e.id, level: e.level, year: num(e.year), date: e.date ?? undefined, name: str(e.name) })),
    exhibitions_none: Array.isArray(p.exhibitions) && p.exhibitions.length === 0,
    apprentices: (p.apprentices ?? []).map((a) => ({ age: num(a.age), agreement_months: num(a.agreement_months) })),
    apprentices_none: Array.isArray(p.apprentices) && p.apprentices.length === 0,
    artist_name: str(extras.artist_name),
    bio: str(extras.bio),
    showcase_enabled: extras.showcase_enabled,
  };
}

const s = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const i = (v: string) => (v.trim() === '' ? null : Number.parseInt(v, 10));
const d = (v: string) => (v.trim() === '' ? null : Number(v));
const b = (v: string) => (v === 'true' ? true : v === 'false' ? false : null);
const obj = <T extends Record<string, unknown>>(o: T): T | null => (Object.values(o).every((v) => v === null) ? null : o);
/** Rows → the list; no rows and "none" ticked → [] (a known "has none"); no rows otherwise → null (unknown). */
const list = <R, T>(rows: R[], none: boolean, map: (r: R) => T): T[] | null => (rows.length ? rows.map(map) : none ? [] : null);

type Canon = CanonicalProfile;

/** The canonical fields one step owns, as a PATCH payload. */
export function stepPayload(step: WizardStep, v: WizardValues, opts: { citizen: boolean }): Partial<Canon> & { artist_name?: string | null; bio?: string | null; showcase_enabled?: boolean } {
  switch (step) {
    case 'basics':
      return {
        birth_date: s(v.birth_date),
        // Foreigners have no hukou: the fields are not shown and not sent.
        ...(opts.citizen ? { hukou_province: s(v.hukou_province), hukou_city: s(v.hukou_city) } : {}),
        residence_district: s(v.residence_district),
        residence_since: s(v.residence_since),
        relocated_to_jdz_date: s(v.relocated_to_jdz_date),
        commitment_years: i(v.commitment_years),
      };
    case 'practice':
      return {
        education: s(v.education) as Canon['education'],
        graduation_date: s(v.graduation_date),
        practice_start: s(v.practice_start),
        sector: s(v.sector) as Canon['sector'],
        crafts: v.crafts.length ? v.crafts : null,
      };
    case 'work':
      return {
        employment: s(v.employment) as Canon['employment'],
        employer_district: s(v.employer_district),
        social_insurance_months_jdz: i(v.social_insurance_months_jdz),
        business: obj({
          form: s(v.business.form) as NonNullable<Canon['business']>['form'],
          registered_district: s(v.business.registered_district),
          registered_date: s(v.business.registered_date),
          first_time: b(v.business.first_time),
          employees_insured: i(v.business.employees_insured),
        }),
        studio: obj({
          district: s(v.studio.district),
          lease_months: i(v.studio.lease_months),
          area_m2: d(v.studio.area_m2),
          monthly_rent: d(v.studio.monthly_rent),
          government_free: b(v.studio.government_free),
        }),
        owns_home_in_jdz: b(v.owns_home_in_jdz),
        retired: b(v.retired),
        registered_unemployed: b(v.registered_unemployed),
      };
    case 'credentials':
      return {
        title: obj({ level: s(v.title.level) as NonNullable<Canon['title']>['level'], date: s(v.title.date) }),
        skill_level: v.skill_level === '' ? null : v.skill_level === 'none' ? 'none' : (Number(v.skill_level) as 1 | 2 | 3 | 4 | 5),
        ich: obj({ level: s(v.ich.level) as NonNullable<Canon['ich']>['level'], project: s(v.ich.project), year: i(v.ich.year) }),
        honours: list(v.honours, v.honours_none, (h) => ({ ...(h.id ? { id: h.id } : {}), type: h.type as NonNullable<Canon['honours']>[number]['type'], province: s(h.province), year: i(h.year) })),
        awards: list(v.awards, v.awards_none, (a) => ({
          ...(a.id ? { id: a.id } : {}),
          level: a.level as NonNullable<Canon['awards']>[number]['level'],
          rank: s(a.rank) as NonNullable<Canon['awards']>[number]['rank'],
          year: i(a.year),
          date: s(a.date),
          name: s(a.name),
        })),
        exhibitions: list(v.exhibitions, v.exhibitions_none, (e) => ({
          ...(e.id ? { id: e.id } : {}),
          level: e.level as NonNullable<Canon['exhibitions']>[number]['level'],
          year: i(e.year),
          date: s(e.date),
          name: s(e.name),
        })),
        apprentices: list(v.apprentices, v.apprentices_none, (a) => ({ age: i(a.age), agreement_months: i(a.agreement_months) })),
      };
    case 'showcase':
      return { artist_name: s(v.artist_name), bio: s(v.bio), showcase_enabled: v.showcase_enabled };
  }
}
