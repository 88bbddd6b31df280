import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './auth';

/** 师带徒 (issue 12 §1): the state of one talent's request to one mentor (lib/mentors/core.ts is the machine). */
export const mentorshipStatusEnum = pgEnum('mentorship_status', ['requested', 'accepted', 'declined', 'withdrawn', 'ended']);

/** A credential entered on an unlinked mentor's profile (a linked mentor's come from the talent's verified credentials). */
export interface MentorCredentialRow {
  kind: 'title' | 'honour' | 'ich';
  label: string;
  year?: number | null;
}

/** A public work shown on an unlinked mentor's profile (a linked mentor shows the talent's public portfolio works). */
export interface MentorWorkRow {
  title: string;
  year?: number | null;
  imageUrl?: string | null;
}

/**
 * Mentors (大师 / 导师): a public profile, optionally linked to a talent account (talent_id, at most one mentor
 * profile per talent). Linked: crafts, titles, honours and ICH status are read from the talent's profile and evidence
 * with their verification state; the columns below hold what an unlinked (staff-recorded) mentor shows.
 */
export const mentors = pgTable(
  'mentors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    talentId: uuid('talent_id').references(() => users.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    crafts: text('crafts').array().notNull().default(sql`'{}'::text[]`),
    credentials: jsonb('credentials').$type<MentorCredentialRow[]>().notNull().default(sql`'[]'::jsonb`),
    district: text('district').notNull(),
    studioLocation: text('studio_location'),
    bio: text('bio'),
    works: jsonb('works').$type<MentorWorkRow[]>().notNull().default(sql`'[]'::jsonb`),
    acceptsApprentices: boolean('accepts_apprentices').notNull().default(false),
    maxApprentices: smallint('max_apprentices').notNull().default(0),
    /** Modelled seed data, labelled as such wherever it is shown. */
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('mentors_talent_uq').on(t.talentId),
    index('mentors_district_idx').on(t.district),
    index('mentors_created_by_idx').on(t.createdBy),
    check('mentors_max_apprentices_ck', sql`${t.maxApprentices} between 0 and 50`),
  ],
);

/**
 * A talent's request to become a mentor's apprentice and what became of it. Accepted rows carry the agreement
 * (start date, months) and are merged into the mentor's `apprentices` for policy evaluation (JP-055). At most one
 * open (requested or accepted) row per mentor × talent.
 */
export const mentorships = pgTable(
  'mentorships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    talentId: uuid('talent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: mentorshipStatusEnum('status').notNull().default('requested'),
    requestMessage: text('request_message').notNull(),
    responseMessage: text('response_message'),
    startDate: date('start_date'),
    months: smallint('months'),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('mentorships_mentor_idx').on(t.mentorId, t.status),
    index('mentorships_talent_idx').on(t.talentId),
    index('mentorships_responded_by_idx').on(t.respondedBy),
    uniqueIndex('mentorships_one_open_uq').on(t.mentorId, t.talentId).where(sql`status in ('requested', 'accepted')`),
    check('mentorships_months_ck', sql`${t.months} is null or ${t.months} between 1 and 120`),
    check('mentorships_agreement_ck', sql`${t.status} <> 'accepted' or (${t.startDate} is not null and ${t.months} is not null)`),
  ],
);

export type Mentor = typeof mentors.$inferSelect;
export type NewMentor = typeof mentors.$inferInsert;
export type Mentorship = typeof mentorships.$inferSelect;
export type NewMentorship = typeof mentorships.$inferInsert;
