import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users, zones } from './auth';

export const idKindEnum = pgEnum('id_kind', ['cn_id', 'passport']);
export const consentKindEnum = pgEnum('consent_kind', ['profile', 'sensitive', 'party']);
export const visibilityEnum = pgEnum('visibility', ['public', 'private']);
export const verificationEnum = pgEnum('verification_status', ['pending', 'verified', 'rejected']);
export const creditStatusEnum = pgEnum('credit_status', ['pending', 'confirmed', 'declined']);
export const evidenceSubjectEnum = pgEnum('evidence_subject', ['title', 'honour', 'ich', 'award']);

/** Array items inside the profile carry stable ids so that evidence and verification can point at them. */
export type ProfileItem<T> = T & { id: string };

/**
 * A talent's profile: the canonical fields of domain-talent-policy.md §6.2, one column per scalar (so policy
 * matching can run as SQL over many talents), lists as jsonb. Every column is nullable: null means unknown.
 * The ID / passport number is encrypted (AES-256-GCM) with a keyed blind index for uniqueness.
 */
export const talentProfiles = pgTable(
  'talent_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    legalName: text('legal_name'),
    artistName: text('artist_name'),
    idKind: idKindEnum('id_kind'),
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_index'),
    birthDate: date('birth_date'),
    nationality: text('nationality'),
    hukouProvince: text('hukou_province'),
    hukouCity: text('hukou_city'),
    residenceSince: date('residence_since'),
    residenceDistrict: text('residence_district'),
    education: text('education'),
    graduationDate: date('graduation_date'),
    practiceStart: date('practice_start'),
    sector: text('sector'),
    crafts: text('crafts').array(),
    employment: text('employment'),
    employerDistrict: text('employer_district'),
    socialInsuranceMonthsJdz: integer('social_insurance_months_jdz'),
    businessForm: text('business_form'),
    businessRegisteredDistrict: text('business_registered_district'),
    businessRegisteredDate: date('business_registered_date'),
    businessFirstTime: boolean('business_first_time'),
    businessEmployeesInsured: integer('business_employees_insured'),
    studioDistrict: text('studio_district'),
    studioLeaseMonths: integer('studio_lease_months'),
    studioAreaM2: numeric('studio_area_m2', { mode: 'number' }),
    studioMonthlyRent: numeric('studio_monthly_rent', { mode: 'number' }),
    studioGovernmentFree: boolean('studio_government_free'),
    ownsHomeInJdz: boolean('owns_home_in_jdz'),
    titleLevel: text('title_level'),
    titleDate: date('title_date'),
    skillLevel: text('skill_level'),
    ichLevel: text('ich_level'),
    ichProject: text('ich_project'),
    ichYear: smallint('ich_year'),
    honours: jsonb('honours').$type<ProfileItem<{ type: string; province?: string | null; year?: number | null }>[]>(),
    awards: jsonb('awards').$type<ProfileItem<{ level: string; rank?: string | null; year?: number | null; date?: string | null; name?: string | null }>[]>(),
    exhibitions: jsonb('exhibitions').$type<ProfileItem<{ level: string; year?: number | null; date?: string | null; name?: string | null }>[]>(),
    apprentices: jsonb('apprentices').$type<{ age?: number | null; agreement_months?: number | null }[]>(),
    relocatedToJdzDate: date('relocated_to_jdz_date'),
    commitmentYears: integer('commitment_years'),
    retired: boolean('retired'),
    creditBad: boolean('credit_bad'),
    registeredUnemployed: boolean('registered_unemployed'),
    receiving: jsonb('receiving').$type<{ policy_id: string; since?: string | null }[]>(),
    received: jsonb('received').$type<{ policy_id: string; date?: string | null }[]>(),
    /** The office that serves this talent (from the residence district); zone staff see only their zone. */
    zoneCode: text('zone_code').references(() => zones.code),
    /** Set when staff assigned the office by hand (issue 14 §3): the zone then no longer follows residence_district. */
    zoneAssignedBy: uuid('zone_assigned_by').references(() => users.id, { onDelete: 'set null' }),
    zoneAssignedAt: timestamp('zone_assigned_at', { withTimezone: true }),
    bio: text('bio'),
    showcaseEnabled: boolean('showcase_enabled').notNull().default(false),
    showcaseSlug: text('showcase_slug'),
    wizardStep: smallint('wizard_step').notNull().default(0),
    /**
     * Bumped by triggers (migration 0021) whenever anything the matching projection reads changes: this row, the
     * talent's works (portfolio_count), their mentor profile's accepted mentorships or an apprentice's birth date.
     * Precomputed match facts (talent_match_facts) are valid only for the revision they were computed from.
     */
    matchingRev: bigint('matching_rev', { mode: 'number' }).notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('talent_profiles_id_number_uq').on(t.idNumberIndex),
    uniqueIndex('talent_profiles_showcase_slug_uq').on(t.showcaseSlug),
    // The staff directory and exports page through one zone newest first: (zone, created_at desc, user_id desc).
    index('talent_profiles_zone_created_idx').on(t.zoneCode, t.createdAt.desc().nullsFirst(), t.userId.desc().nullsFirst()),
    index('talent_profiles_crafts_idx').using('gin', t.crafts),
    index('talent_profiles_education_idx').on(t.education),
    index('talent_profiles_district_idx').on(t.residenceDistrict),
  ],
);

/** PIPL consents, one row per grant; withdrawal is a timestamp, never a delete. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: consentKindEnum('kind').notNull(),
    noticeVersion: text('notice_version').notNull(),
    noticeHash: text('notice_hash').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('consents_user_idx').on(t.userId), uniqueIndex('consents_active_uq').on(t.userId, t.kind).where(sql`withdrawn_at is null`)],
);

export const works = pgTable(
  'works',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    year: smallint('year'),
    size: text('size'),
    techniques: text('techniques').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    visibility: visibilityEnum('visibility').notNull().default('private'),
    ...timestamps(),
  },
  (t) => [index('works_owner_idx').on(t.ownerId)],
);

export const workImages = pgTable(
  'work_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workId: uuid('work_id')
      .notNull()
      .references(() => works.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_images_work_idx').on(t.workId)],
);

/** Who did which process step of a work (拉坯 by A, 青花 by B, 烧窑 by C); a named talent confirms or declines. */
export const workCredits = pgTable(
  'work_credits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workId: uuid('work_id')
      .notNull()
      .references(() => works.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    talentId: uuid('talent_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    status: creditStatusEnum('status').notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [index('work_credits_work_idx').on(t.workId), index('work_credits_talent_idx').on(t.talentId)],
);

/** Evidence for a claimed title, honour, ICH status or award, and its verification (认定) by zone staff. */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: evidenceSubjectEnum('subject').notNull(),
    /** The profile item it supports (honours/awards item id); null for title and ICH. */
    itemId: text('item_id'),
    /** What was claimed when the evidence was filed (e.g. {"level":"national"}), so later edits cannot ride on it. */
    claim: jsonb('claim').$type<Record<string, unknown>>().notNull(),
    storageKey: text('storage_key').notNull(),
    note: text('note'),
    status: verificationEnum('status').notNull().default('pending'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reason: text('reason'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_talent_idx').on(t.talentId), index('evidence_status_idx').on(t.status)],
);
