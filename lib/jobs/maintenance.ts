import 'server-only';
import { and, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { domainEvents, jobs, jobWorkers } from '@/db/schema';
import { defineJob, defineRecurring } from './registry';

/**
 * The queue's own housekeeping, nightly at 03:30 Jingdezhen time: finished jobs are kept 14 days (the admin page
 * shows them), dispatched events 90 days, stopped or silent workers 7 days. Dead letters stay until an
 * administrator retries or discards them.
 */
export const JOB_RETENTION_DAYS = 14;
export const EVENT_RETENTION_DAYS = 90;

export const pruneJob = defineJob({
  type: 'jobs.prune',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  async handler(_p, { db, now }) {
    const day = 86_400_000;
    const jobsBefore = new Date(now.getTime() - JOB_RETENTION_DAYS * day);
    const eventsBefore = new Date(now.getTime() - EVENT_RETENTION_DAYS * day);
    const workersBefore = new Date(now.getTime() - 7 * day);
    const j = await db
      .delete(jobs)
      .where(and(inArray(jobs.status, ['done', 'discarded']), lt(jobs.finishedAt, jobsBefore)))
      .returning({ id: jobs.id });
    const e = await db
      .delete(domainEvents)
      .where(and(isNotNull(domainEvents.dispatchedAt), lt(domainEvents.occurredAt, eventsBefore), sql`not exists (select 1 from ${jobs} where ${jobs.eventId} = ${domainEvents.id} and ${jobs.status} in ('pending', 'running', 'dead'))`))
      .returning({ id: domainEvents.id });
    const w = await db
      .delete(jobWorkers)
      .where(or(lt(jobWorkers.stoppedAt, workersBefore), and(isNull(jobWorkers.stoppedAt), lt(jobWorkers.heartbeatAt, workersBefore))))
      .returning({ id: jobWorkers.id });
    return { jobs: j.length, events: e.length, workers: w.length };
  },
});

defineRecurring({ name: 'jobs.prune.nightly', schedule: { daily: '03:30' }, type: pruneJob.type, payload: {} });
