import { z } from 'zod';
import { parseIsoDate } from './dates';

/**
 * The canonical talent profile (domain-talent-policy.md §6.2): the input of policy matching and the body of
 * GET/PUT /api/v1/me/profile. Every field is nullable; null (or absent) means UNKNOWN, never false. `none` and
 * empty lists are known answers. Field names and enum spellings are a contract — keep them exactly.
 */
export const isoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: 'validation.dateInvalid' })
  .describe('ISO date YYYY-MM-DD');

const n = <T extends z.ZodType>(s: T) => s.nullish();
const year = z.number().int().min(1900).max(2100);
/** Stable id of a list item (assigned by the server; send it back to keep the item's evidence attached). */
const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional();

export const EDUCATION = ['none', '中专', '高中', '大专', '本科', '硕士', '博士'] as const;
export const SECTORS = ['陶瓷', '文化创意', '设计', '非遗手工艺', '艺术', 'other'] as const;
export const EMPLOYMENT = ['contract', 'self_employed', 'informal', 'none'] as const;
export const TITLE_LEVELS = ['none', '员级', '助理', '中级', '副高', '正高'] as const;
export const SKILL_LEVELS = ['none', 5, 4, 3, 2, 1] as const;
export const HONOUR_TYPES = ['中国工艺美术大师', '中国陶瓷艺术大师', '省级工艺美术大师', '市级大师', '中华技能大奖', '全国技术能手'] as const;
export const ICH_LEVELS = ['none', 'national', 'provincial', 'municipal', 'county'] as const;
export const RECORD_LEVELS = ['international', 'national', 'provincial', 'municipal'] as const;
export const AWARD_RANKS = ['gold', 'silver', 'bronze', 'nomination', 'other'] as const;
export const BUSINESS_FORMS = ['individual', 'company', 'partnership', 'none'] as const;

export const honourSchema = z.strictObject({ id: itemId, type: z.enum(HONOUR_TYPES), province: n(z.string().max(20)), year: n(year) });
export const awardSchema = z.strictObject({ id: itemId, level: z.enum(RECORD_LEVELS), rank: n(z.enum(AWARD_RANKS)), year: n(year), date: n(isoDate), name: n(z.string().max(120)) });
export const exhibitionSchema = z.strictObject({ id: itemId, level: z.enum(RECORD_LEVELS), year: n(year), date: n(isoDate), name: n(z.string().max(120)) });
export const apprenticeSchema = z.strictObject({ age: n(z.number().int().min(10).max(100)), agreement_months: n(z.number().int().min(0).max(600)) });

export const canonicalProfileSchema = z.strictObject({
  birth_date: n(isoDate),
  nationality: n(z.string().regex(/^[A-Z]{2}$/, 'validation.nationalityInvalid')),
  hukou_province: n(z.string().max(20)),
  hukou_city: n(z.string().max(20)),
  residence_since: n(isoDate),
  residence_district: n(z.string().max(20)),
  education: n(z.enum(EDUCATION)),
  graduation_date: n(isoDate),
  practice_start: n(isoDate),
  sector: n(z.enum(SECTORS)),
  crafts: n(z.array(z.string().max(40)).max(30)),
  employment: n(z.enum(EMPLOYMENT)),
  employer_district: n(z.string().max(20)),
  social_insurance_months_jdz: n(z.number().int().min(0).max(1200)),
  business: n(
    z.strictObject({
      form: n(z.enum(BUSINESS_FORMS)),
      registered_district: n(z.string().max(20)),
      registered_date: n(isoDate),
      first_time: n(z.boolean()),
      employees_insured: n(z.number().int().min(0).max(100_000)),
    }),
  ),
  studio: n(
    z.strictObject({
      district: n(z.string().max(20)),
      lease_months: n(z.number().int().min(0).max(1200)),
      area_m2: n(z.number().min(0).max(100_000)),
      monthly_rent: n(z.number().min(0).max(10_000_000)),
      government_free: n(z.boolean()),
    }),
  ),
  owns_home_in_jdz: n(z.boolean()),
  title: n(z.strictObject({ level: n(z.enum(TITLE_LEVELS)), date: n(isoDate) })),
  skill_level: n(z.union([z.literal('none'), z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)])),
  honours: n(z.array(honourSchema).max(50)),
  ich: n(z.strictObject({ level: n(z.enum(ICH_LEVELS)), project: n(z.string().max(120)), year: n(year) })),
  awards: n(z.array(awardSchema).max(200)),
  exhibitions: n(z.array(exhibitionSchema).max(500)),
  portfolio_count: n(z.number().int().min(0).max(100_000)),
  apprentices: n(z.array(apprenticeSchema).max(200)),
  relocated_to_jdz_date: n(isoDate),
  commitment_years: n(z.number().int().min(0).max(100)),
  retired: n(z.boolean()),
  credit_bad: n(z.boolean()),
  registered_unemployed: n(z.boolean()),
  receiving: n(z.array(z.strictObject({ policy_id: z.string().max(40), since: n(isoDate) })).max(100)),
  received: n(z.array(z.strictObject({ policy_id: z.string().max(40), date: n(isoDate) })).max(100)),
});
export type CanonicalProfile = z.infer<typeof canonicalProfileSchema>;
