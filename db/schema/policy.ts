import { sql } from 'drizzle-orm';
import { bigint, check, date, index, jsonb, numeric, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users, zones } from './auth';

/**
 * Policies as rules-as-code (domain-talent-policy.md §6.1). A policy row holds the metadata; each version holds its
 * criteria, benefit, application and golden cases as one validated jsonb document (lib/policy-matching/model.ts).
 * Published versions are immutable (trigger in migration 0005) and their effective ranges never overlap (exclusion
 * constraint); a change is a new version with a changelog note.
 */
export const policyVersionStatusEnum = pgEnum('policy_version_status', ['draft', 'active', 'retired']);
export const applicationStatusEnum = pgEnum('application_status', ['submitted', 'approved', 'rejected', 'withdrawn']);
export const applicationOriginEnum = pgEnum('application_origin', ['applied', 'auto']);

export const policies = pgTable(
  'policies',
  {
    code: text('code').primaryKey(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    summaryZh: text('summary_zh'),
    summaryEn: text('summary_en'),
    issuer: text('issuer'),
    level: text('level'),
    category: text('category').notNull(),
    provenance: text('provenance').notNull(),
    tier: text('tier'),
    regionScope: text('region_scope').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    sources: jsonb('sources').$type<{ title: string; url?: string; doc_no?: string; published_at?: string }[]>().notNull().default([]),
    exclusionGroups: text('exclusion_groups').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    check('policies_code_format', sql`${t.code} ~ '^[A-Z][A-Z0-9]*-[0-9]{3}$'`),
    check('policies_provenance', sql`${t.provenance} in ('published', 'analog', 'modelled')`),
    index('policies_category_idx').on(t.category),
  ],
);

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyCode: text('policy_code')
      .notNull()
      .references(() => policies.code, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    status: policyVersionStatusEnum('status').notNull().default('draft'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    /** The PolicyVersion document (criteria, benefit, application, test_cases, changelog), validated on save. */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    changelogNote: text('changelog_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('policy_versions_code_version_uq').on(t.policyCode, t.version),
    check('policy_versions_range', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('policy_versions_semver', sql`${t.version} ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$'`),
    index('policy_versions_status_idx').on(t.status),
  ],
);

export const exclusionGroups = pgTable('exclusion_groups', {
  id: text('id').primaryKey(),
  rule: text('rule').notNull(),
  policyCodes: text('policy_codes').array().notNull(),
  /** once_per_person / one_of: 'group' (one member per person) or 'policy' (each member once). */
  scope: text('scope'),
  /** once_per_person: a member that may be received again when this raw date field changes (e.g. JP-045: title.date). */
  renewsOn: jsonb('renews_on').$type<Record<string, string>>(),
  noteZh: text('note_zh'),
  ...timestamps(),
});

/**
 * The catalogue's revision (one row, id 1): bumped by statement triggers on policies, policy_versions and
 * exclusion_groups (migration 0009), so in the same transaction as every change, whoever writes it. The per-process
 * catalogue cache (lib/policies/store.ts) is keyed by it — never by timestamps written by each server's own clock.
 */
export const catalogueRevision = pgTable(
  'catalogue_revision',
  {
    id: smallint('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('catalogue_revision_one_row', sql`${t.id} = 1`)],
);

/**
 * Applications (and 免申即享 grants, origin 'auto'). One open or approved application per talent, policy version
 * and period (period_key 'once' unless the benefit is periodic), enforced by a partial unique index.
 */
export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    policyCode: text('policy_code')
      .notNull()
      .references(() => policies.code),
    version: text('version').notNull(),
    origin: applicationOriginEnum('origin').notNull().default('applied'),
    status: applicationStatusEnum('status').notNull().default('submitted'),
    periodKey: text('period_key').notNull(),
    /** The talent's zone when submitted: staff review only their zone's applications. */
    zoneCode: text('zone_code').references(() => zones.code),
    materials: jsonb('materials').$type<{ code: string; provided: boolean; note?: string | null }[]>().notNull().default([]),
    /** Status and criteria at submission (what the talent saw), for the reviewer. */
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    amountEstimate: numeric('amount_estimate', { mode: 'number' }),
    note: text('note'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('policy_applications_open_uq')
      .on(t.talentId, t.policyCode, t.version, t.periodKey)
      .where(sql`status in ('submitted', 'approved')`),
    index('policy_applications_queue_idx').on(t.zoneCode, t.status, t.createdAt),
    index('policy_applications_talent_idx').on(t.talentId, t.createdAt),
    check('policy_applications_reason', sql`${t.status} <> 'rejected' or ${t.decisionReason} is not null`),
  ],
);

/**
 * Application materials (issue 13 §5): one file per listed material. Uploaded before submitting (application_id
 * null, visible to its owner only), attached on submission and frozen from then on (trigger in migration 0015:
 * an attached row cannot be changed or detached; it stays with the decision). A re-application uploads again or
 * reuses an earlier file explicitly, which makes a new row pointing at the same stored blob.
 */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    policyCode: text('policy_code')
      .notNull()
      .references(() => policies.code),
    materialCode: text('material_code').notNull(),
    applicationId: uuid('application_id').references(() => policyApplications.id, { onDelete: 'cascade' }),
    /** Server-generated blob key (lib/storage); never anything the user typed. */
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The uploaded file's name, sanitised, for display and the download name only. */
    fileName: text('file_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_materials_talent_idx').on(t.talentId, t.policyCode, t.materialCode, t.uploadedAt),
    uniqueIndex('application_materials_app_code_uq').on(t.applicationId, t.materialCode),
    check('application_materials_type', sql`${t.contentType} in ('application/pdf', 'image/webp', 'image/jpeg', 'image/png')`),
  ],
);
