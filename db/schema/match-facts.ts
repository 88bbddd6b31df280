import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Precomputed match facts (issue 14 §6, ADR 018): for one talent, on one evaluation date, against one catalogue
 * revision and one matching revision of the talent's inputs, the status of every policy that is a reverse-match
 * status (ELIGIBLE E, NEAR_MISS N, NEEDS_INFO I, NEEDS_REVIEW R; absent = any other status). The reverse match counts
 * and pages from these rows and evaluates live only the rows they do not cover; a row whose keys do not match the
 * question (another date, another catalogue, a talent whose matching_rev moved on) is simply not used.
 */
export const talentMatchFacts = pgTable(
  'talent_match_facts',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    evalDate: date('eval_date', { mode: 'string' }).notNull(),
    /** The catalogue the facts were computed against (its evaluation key, Catalogue.factsKey, or a caller's key). */
    catalogueKey: text('catalogue_key').notNull(),
    /** talent_profiles.matching_rev read in the same statement as the inputs. */
    inputsRev: bigint('inputs_rev', { mode: 'number' }).notNull(),
    /** policy code → status letter, match statuses only. */
    statuses: jsonb('statuses').$type<Record<string, string>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('talent_match_facts_key_idx').on(t.evalDate, t.catalogueKey)],
);
