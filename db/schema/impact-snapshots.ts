import { bigint, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { policies } from './policy';

/**
 * 政策沙盘 snapshots (issue 13, ADR 021): a saved draft compared with the version in force for every talent, computed
 * by a job when the draft is saved, after a publish and every night, so that the impact preview counts in the
 * database instead of evaluating 100,000 talents while the staff member waits. A snapshot answers only the question it
 * was computed for — the same draft document (draft_key), the same catalogue (facts_key, Catalogue.factsKey) and the
 * same evaluation date — and each of its rows only while the talent's matching_rev is the one read with the inputs;
 * every other talent in scope is evaluated live. So a snapshot can be late, never wrong.
 */
export const policyImpactSnapshots = pgTable(
  'policy_impact_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyCode: text('policy_code')
      .notNull()
      .references(() => policies.code, { onDelete: 'cascade' }),
    /** The saved version the snapshot was computed from (informative; draft_key is what must match). */
    version: text('version').notNull(),
    /** Digest of what the draft side's evaluation reads: the version document and the policy's non-display fields. */
    draftKey: text('draft_key').notNull(),
    /** Catalogue.factsKey of the catalogue in force when computed (both sides depend on it). */
    factsKey: text('facts_key').notNull(),
    evalDate: date('eval_date', { mode: 'string' }).notNull(),
    /** Rows written; the snapshot is used only once complete (set last, in the job's final statement). */
    talents: integer('talents'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_impact_snapshots_key_uq').on(t.policyCode, t.draftKey, t.factsKey, t.evalDate)],
);

/** One talent of a snapshot: status and amount estimate under the version in force (before) and the draft (after). */
export const policyImpactRows = pgTable(
  'policy_impact_rows',
  {
    snapshotId: uuid('snapshot_id')
      .notNull()
      .references(() => policyImpactSnapshots.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** talent_profiles.matching_rev read in the same statement as the inputs. */
    inputsRev: bigint('inputs_rev', { mode: 'number' }).notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    amountBefore: doublePrecision('amount_before'),
    amountAfter: doublePrecision('amount_after'),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.userId] }), index('policy_impact_rows_user_idx').on(t.userId)],
);
