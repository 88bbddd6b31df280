import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { policies } from './policy';

/**
 * One 免申即享 / proactive push of a policy (issue 8 §8): queued when a version is published or staff push again,
 * run by the `policies.push_policy` job, with its progress and report (who qualify, who were newly notified, grants
 * queued) for the staff page. Publishing answers once the version is committed; this row shows what the push did.
 */
export const policyPushRuns = pgTable(
  'policy_push_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyCode: text('policy_code')
      .notNull()
      .references(() => policies.code, { onDelete: 'cascade' }),
    version: text('version'),
    trigger: text('trigger').notNull(),
    status: text('status').notNull().default('queued'),
    scanned: integer('scanned').notNull().default(0),
    eligible: integer('eligible').notNull().default(0),
    notified: integer('notified').notNull().default(0),
    grants: integer('grants').notNull().default(0),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('policy_push_runs_trigger', sql`${t.trigger} in ('publish', 'manual')`),
    check('policy_push_runs_status', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    index('policy_push_runs_policy_idx').on(t.policyCode, t.createdAt),
  ],
);
