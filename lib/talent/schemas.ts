import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { CRAFT_CODES } from './crafts';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';
import { canonicalProfileSchema, EDUCATION, isoDate } from './profile-schema';

const phone = z
  .string()
  .trim()
  .regex(/^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}$/, 'validation.phoneInvalid');

/** 景漂登记: account + identity + the two PIPL consents. Shared by the registration form and POST /talents/register. */
export const registerInput = z
  .strictObject({
    email: z.string().trim().max(120).pipe(z.email('validation.emailInvalid')).optional().or(z.literal('').transform(() => undefined)),
    phone: phone.optional().or(z.literal('').transform(() => undefined)),
    password: z.string().min(8, 'validation.passwordTooShort').max(128, 'validation.passwordTooLong'),
    legalName: z.string().trim().min(1, 'validation.nameInvalid').max(40, 'validation.nameInvalid'),
    nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'validation.nationalityInvalid'),
    idNumber: z.string().trim().max(40).optional().or(z.literal('').transform(() => undefined)),
    passportNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{5,20}$/, 'validation.passportInvalid')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    birthDate: isoDate.optional().or(z.literal('').transform(() => undefined)),
    noticeVersion: z.literal(PRIVACY_NOTICE_VERSION, 'validation.noticeOutdated'),
    consentProfile: z.literal(true, 'validation.consentRequired'),
    consentSensitive: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'validation.emailOrPhoneRequired' });
    if (v.nationality === 'CN' && v.passportNumber) ctx.addIssue({ code: 'custom', path: ['passportNumber'], message: 'validation.idForCitizens' });
    if (v.nationality !== 'CN' && v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'validation.passportForForeigners' });
    if ((v.idNumber || v.passportNumber) && !v.consentSensitive) {
      ctx.addIssue({ code: 'custom', path: [v.idNumber ? 'idNumber' : 'passportNumber'], message: 'validation.sensitiveConsentNeeded' });
    }
  });
export type RegisterInput = z.input<typeof registerInput>;

export const registerResponse = z.object({
  user: z.object({ id: z.uuid(), role: z.enum(ROLES) }),
  token: z.string(),
  expiresAt: z.iso.datetime(),
});

/** PUT replaces the whole canonical profile (absent = unknown); PATCH changes only the fields sent. */
export const profileInput = canonicalProfileSchema.omit({ portfolio_count: true, receiving: true, received: true });
export const profilePatchInput = profileInput.partial();
export type ProfileInput = z.infer<typeof profileInput>;

/** Presentation fields next to the canonical ones. */
export const profileExtrasInput = z.strictObject({
  artist_name: z.string().trim().max(40).nullish(),
  bio: z.string().trim().max(2000).nullish(),
  showcase_enabled: z.boolean().optional(),
  wizard_step: z.number().int().min(0).max(10).optional(),
});

export const verifiedItem = z.object({ status: z.enum(['claimed', 'pending', 'verified', 'rejected']) });

export const myProfileDto = z.object({
  user_id: z.uuid(),
  /** The talent number people read (JP2026-3F9A2C1B, lib/talent/talent-number.ts); user_id stays the key. */
  talent_number: z.string(),
  legal_name: z.string().nullable(),
  artist_name: z.string().nullable(),
  id_kind: z.enum(['cn_id', 'passport']).nullable(),
  id_number: z.string().nullable().describe('Masked, e.g. 3602**********1234'),
  phone: z.string().nullable().describe('Masked, e.g. 138****5678'),
  email: z.string().nullable(),
  bio: z.string().nullable(),
  showcase_enabled: z.boolean(),
  showcase_slug: z.string().nullable(),
  wizard_step: z.number().int(),
  completed: z.boolean(),
  zone: z.string().nullable(),
  /** The office that handles this talent (issue 14 §3): shown on the profile page. */
  office: z.object({ code: z.string(), name: z.string(), name_en: z.string() }).nullable(),
  consents: z.object({ profile: z.boolean(), sensitive: z.boolean(), notice_version: z.string().nullable() }),
  profile: canonicalProfileSchema,
  derived: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  verification: z.object({
    title: z.enum(['claimed', 'pending', 'verified', 'rejected']).nullable(),
    ich: z.enum(['claimed', 'pending', 'verified', 'rejected']).nullable(),
    honours: z.record(z.string(), z.enum(['claimed', 'pending', 'verified', 'rejected'])),
    awards: z.record(z.string(), z.enum(['claimed', 'pending', 'verified', 'rejected'])),
  }),
});
export type MyProfileDto = z.infer<typeof myProfileDto>;

export const consentWithdrawInput = z.strictObject({ kind: z.enum(['profile', 'sensitive']) });

export const talentListQuery = z.strictObject({
  craft: z.enum(CRAFT_CODES).optional(),
  education: z.enum(EDUCATION).optional(),
  district: z.string().max(20).optional(),
  verification: z.enum(['any_verified', 'pending', 'none']).optional(),
  tier: z.enum(['A', 'B', 'C', 'D', 'E']).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TalentListQuery = z.infer<typeof talentListQuery>;

export const talentListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  artist_name: z.string().nullable(),
  phone: z.string().nullable().describe('Masked'),
  nationality: z.string().nullable(),
  residence_district: z.string().nullable(),
  education: z.string().nullable(),
  crafts: z.array(z.string()),
  title_level: z.string().nullable(),
  ich_level: z.string().nullable(),
  verified_count: z.number().int(),
  pending_count: z.number().int(),
  registered_at: z.iso.datetime(),
});
export type TalentListItem = z.infer<typeof talentListItem>;

export const revealInput = z.strictObject({
  field: z.enum(['id_number', 'phone']),
  reason: z.string().trim().min(4, 'validation.reasonRequired').max(200),
});

/** Staff hand a talent to another office (issue 14 §3). */
export const assignZoneInput = z.strictObject({
  zone: z.string().trim().min(1).max(32),
  reason: z.string().trim().min(2).max(200),
});
