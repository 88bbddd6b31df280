import 'server-only';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { domainEvents, jobs } from '@/db/schema';
import { now } from '@/lib/clock';
import type { EventEnvelope } from '@/lib/events';
import { consumersOf, jobDef, recurringDefs, type JobDef } from './registry';
import { kickWorkers } from './signal';
import { nextOccurrence, retryDelayMs } from './timing';

/**
 * The queue's data operations (issue 8, ADR 011): enqueue, dispatch the outbox, claim with FOR UPDATE SKIP LOCKED,
 * complete, fail with backoff or dead-letter, recover lost leases, schedule recurring jobs. Due times compare with
 * the business clock (lib/clock, moved by the test clock); leases with the database's clock (liveness).
 */

export type JobRow = typeof jobs.$inferSelect;
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EnqueueOptions {
  /** Due time (default now). */
  runAt?: Date;
  /** Or a delay from now. */
  delayMs?: number;
  /** Enqueuing again with the same key (per type) returns the existing job instead of a second one. */
  idempotencyKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job, in the caller's transaction when given one (the job then exists only if the change commits). The
 * payload is validated against the job's schema here, so a malformed payload is refused at the source.
 */
export async function enqueue<P>(db: DbOrTx, def: JobDef<P>, payload: P, opts: EnqueueOptions = {}): Promise<{ id: number; created: boolean }> {
  const parsed = def.payload.parse(payload);
  const runAt = opts.runAt ?? new Date(now().getTime() + (opts.delayMs ?? 0));
  const key = opts.idempotencyKey ?? null;
  const inserted = await db
    .insert(jobs)
    .values({ type: def.type, payload: parsed as object, runAt, idempotencyKey: key, maxAttempts: opts.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (inserted[0]) {
    kickWorkers();
    return { id: inserted[0].id, created: true };
  }
  const [existing] = await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.type, def.type), eq(jobs.idempotencyKey, key ?? ''))).limit(1);
  if (!existing) throw new Error(`enqueue ${def.type}: insert skipped without an existing job`);
  return { id: existing.id, created: false };
}

/** Many jobs of one type in one statement (benchmarks, fan-outs). No idempotency keys. */
export async function enqueueMany<P>(db: DbOrTx, def: JobDef<P>, payloads: readonly P[], opts: Pick<EnqueueOptions, 'runAt'> = {}): Promise<number> {
  if (!payloads.length) return 0;
  const runAt = opts.runAt ?? now();
  const maxAttempts = def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const rows = await db
    .insert(jobs)
    .values(payloads.map((p) => ({ type: def.type, payload: def.payload.parse(p) as object, runAt, maxAttempts })))
    .returning({ id: jobs.id });
  // A bulk insert changes the table's shape faster than (auto)analyze notices: refresh the statistics so the claim
  // keeps reading the due index in order.
  if (payloads.length >= 1000) await analyzeQueue(db);
  kickWorkers();
  return rows.length;
}

/** Fresh planner statistics for the queue tables (cheap: sampled). */
export async function analyzeQueue(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze jobs`);
  await db.execute(sql`analyze domain_events`);
}

function envelopeOf(ev: typeof domainEvents.$inferSelect): EventEnvelope {
  return { id: ev.id, type: ev.type, aggregateType: ev.aggregateType, aggregateId: ev.aggregateId, payload: ev.payload, actorId: ev.actorId, occurredAt: ev.occurredAt.toISOString() };
}

/**
 * Fans undispatched events out to their consumers: one job per (event, consumer), keyed `event:<id>` so a second
 * dispatch of the same event (a crash between the two statements cannot happen — one transaction — but two
 * workers could race) creates nothing. Returns the number of events dispatched.
 */
export async function dispatchEvents(db: Db, limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const evs = await tx.select().from(domainEvents).where(isNull(domainEvents.dispatchedAt)).orderBy(asc(domainEvents.id)).limit(limit).for('update', { skipLocked: true });
    if (!evs.length) return 0;
    const at = now();
    const rows = evs.flatMap((ev) =>
      consumersOf(ev.type).map((type) => ({ type, payload: envelopeOf(ev), runAt: at, idempotencyKey: `event:${ev.id}`, eventId: ev.id, maxAttempts: jobDef(type)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS })),
    );
    if (rows.length) await tx.insert(jobs).values(rows).onConflictDoNothing();
    await tx
      .update(domainEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(inArray(
        domainEvents.id,
        evs.map((e) => e.id),
      ));
    return evs.length;
  });
}

/**
 * The claim statement (not yet run): up to `limit` due jobs for `workerId` — never more — the oldest due first, with
 * SKIP LOCKED so that concurrent workers never claim the same job. Exported for the benchmark's EXPLAIN.
 */
export function claimStatement(db: DbOrTx, workerId: string, limit: number, leaseMs: number) {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now())))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: workerId,
      lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
      startedAt: sql`now()`,
    })
    // `= any(array(…))` makes the due ids an InitPlan, run exactly once. With `id in (…)` PostgreSQL could run the
    // LIMIT … SKIP LOCKED subquery again while another claimer held locks, and one claim of 4 took 388 jobs
    // (tests/jobs.db.test.ts): that worker ran them all at once, past its concurrency, and the other starved.
    .where(and(sql`${jobs.id} = any(array(${due}))`, eq(jobs.status, 'pending')))
    .returning();
}

/** Claims up to `limit` due jobs for `workerId`. */
export async function claimJobs(db: Db, workerId: string, limit: number, leaseMs: number): Promise<JobRow[]> {
  if (limit <= 0) return [];
  return claimStatement(db, workerId, limit, leaseMs);
}

/** Extends the leases of jobs this worker is still running. */
export async function extendLeases(db: Db, workerId: string, ids: readonly number[], leaseMs: number): Promise<void> {
  if (!ids.length) return;
  await db
    .update(jobs)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(and(inArray(jobs.id, [...ids]), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
}

export async function completeJob(db: Db, job: Pick<JobRow, 'id'>, workerId: string, result: unknown): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', result: (result ?? null) as object | null, lockedBy: null, lockedUntil: null, finishedAt: sql`now()` })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A failed run: retried with backoff, or dead-lettered after the job's attempts (or at once when `permanent`). */
export async function failJob(db: Db, job: Pick<JobRow, 'id' | 'type' | 'attempts' | 'maxAttempts'>, workerId: string, error: string, opts: { permanent?: boolean } = {}): Promise<'retry' | 'dead' | 'lost'> {
  const dead = opts.permanent || job.attempts >= job.maxAttempts;
  const runAt = dead ? undefined : new Date(now().getTime() + retryDelayMs(job.attempts, job.id, jobDef(job.type)?.backoff));
  const rows = await db
    .update(jobs)
    .set({
      status: dead ? 'dead' : 'pending',
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      ...(dead ? { finishedAt: sql`now()` } : { runAt: runAt! }),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length ? (dead ? 'dead' : 'retry') : 'lost';
}

/**
 * Jobs whose worker died (lease expired; with `all`, every running job — PGlite, where only this process can
 * hold the database) go back to pending, or to the dead letters when they have used their attempts.
 */
export async function recoverExpired(db: Db, opts: { all?: boolean } = {}): Promise<number> {
  const expired = opts.all ? sql`true` : sql`${jobs.lockedUntil} < now()`;
  const rows = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'dead'::job_status else 'pending'::job_status end`,
      lastError: sql`coalesce(${jobs.lastError} || E'\n', '') || 'worker ' || coalesce(${jobs.lockedBy}, '?') || ' stopped while running this job (attempt ' || ${jobs.attempts} || ')'`,
      finishedAt: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then now() else null end`,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(and(eq(jobs.status, 'running'), expired))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Makes sure each recurring job has its next occurrence queued (one per occurrence, whichever worker gets there). */
export async function scheduleRecurring(db: Db): Promise<number> {
  let created = 0;
  const at = now();
  for (const r of recurringDefs()) {
    const def = jobDef(r.type);
    if (!def) continue;
    const next = nextOccurrence(r.schedule, at);
    const rows = await db
      .insert(jobs)
      .values({ type: r.type, payload: r.payload as object, runAt: next, idempotencyKey: `recurring:${r.name}:${next.toISOString()}`, maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS })
      .onConflictDoNothing()
      .returning({ id: jobs.id });
    created += rows.length;
  }
  return created;
}

/** Whether anything is waiting now: undispatched events or due pending jobs. */
export async function hasDueWork(db: Db): Promise<boolean> {
  const [r] = await db.execute<{ due: boolean }>(sql`select exists (select 1 from ${domainEvents} where ${domainEvents.dispatchedAt} is null)
      or exists (select 1 from ${jobs} where ${jobs.status} = 'pending' and ${jobs.runAt} <= ${now().toISOString()}::timestamptz) as due`).then(rowsOf<{ due: boolean }>);
  return !!r?.due;
}

/** Rows of db.execute on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
