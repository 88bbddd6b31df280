import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The platform's durable background work (issue 8, ADR 011): a transactional outbox of domain events and one job
 * queue. A service writes its event in the same transaction as its change; the worker fans each event out to the
 * consumers subscribed to its type (one job per consumer, keyed by the event) and runs due jobs with
 * FOR UPDATE SKIP LOCKED, so several workers share one PostgreSQL without running a job twice.
 *
 * Times: `occurred_at` and `run_at` are business time (lib/clock, which the test clock moves); leases and
 * heartbeats are the database's own clock (liveness, which no test clock may fake).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    index('domain_events_undispatched_idx').on(t.id).where(sql`${t.dispatchedAt} is null`),
    index('domain_events_aggregate_idx').on(t.aggregateType, t.aggregateId, t.id),
  ],
);

export const jobStatusEnum = pgEnum('job_status', ['pending', 'running', 'done', 'dead', 'discarded']);

export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The registered job type (lib/jobs/registry.ts), e.g. `policies.push_on_publish`. */
    type: text('type').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: jobStatusEnum('status').notNull().default('pending'),
    /** Due time (business clock). A pending job runs once run_at ≤ now. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Enqueuing twice with the same (type, key) creates one job. */
    idempotencyKey: text('idempotency_key'),
    /** The domain event this job consumes, if any. */
    eventId: bigint('event_id', { mode: 'number' }).references(() => domainEvents.id, { onDelete: 'set null' }),
    lockedBy: text('locked_by'),
    /** Lease end (database clock): a running job whose lease ran out is claimed again (its worker died). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    result: jsonb('result').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_idempotency_key_uq').on(t.type, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('jobs_due_idx').on(t.runAt, t.id).where(sql`${t.status} = 'pending'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    index('jobs_type_status_idx').on(t.type, t.status),
    index('jobs_finished_idx').on(t.finishedAt).where(sql`${t.status} = 'done'`),
  ],
);

/** One row per worker process (the web process's in-process worker or `npm run worker`), with its heartbeat. */
export const jobWorkers = pgTable('job_workers', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  mode: text('mode').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  stoppedAt: timestamp('stopped_at', { withTimezone: true }),
  processed: integer('processed').notNull().default(0),
  failed: integer('failed').notNull().default(0),
});
