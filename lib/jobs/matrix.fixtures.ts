/** Permission-matrix fixtures: the background jobs administration (issue 8; harness: tests/helpers/matrix.ts). */
import { asc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { domainEvents, jobs } from '@/db/schema';
import type { Fixture, SnapshotPart } from '@/tests/helpers/matrix-fixtures';

/** A fresh dead letter per call (an allowed retry or discard changes it). */
async function deadJob(db: Db): Promise<string> {
  const [j] = await db.insert(jobs).values({ type: 'jobs.prune', payload: {}, runAt: new Date(), status: 'dead', attempts: 3, maxAttempts: 3, lastError: 'Error: boom' }).returning({ id: jobs.id });
  return String(j!.id);
}

export const routeFixtures: Record<string, Fixture> = {
  adminJobStats: async () => ({}),
  adminListJobs: async () => ({ query: { status: 'dead' } }),
  adminRetryJob: async (ctx) => ({ params: { id: await deadJob(ctx.db) } }),
  adminDiscardJob: async (ctx) => ({ params: { id: await deadJob(ctx.db) } }),
};

export const actionFixtures: Record<string, Fixture> = {
  'jobs.retry': async (ctx) => ({ input: { id: Number(await deadJob(ctx.db)) } }),
  'jobs.discard': async (ctx) => ({ input: { id: Number(await deadJob(ctx.db)) } }),
};

/** A denied call must not queue, change or dispatch anything. */
export const snapshotParts: Record<string, SnapshotPart> = {
  jobs: async (db) => ({
    jobs: await db.select({ id: jobs.id, s: jobs.status, a: jobs.attempts }).from(jobs).orderBy(asc(jobs.id)),
    events: await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents),
  }),
};
