import type { Db } from '@/db/client';
import '@/lib/jobs/domains';
import { runUntilIdle, type WorkerStats } from '@/lib/jobs/worker';

/** Runs every due event consumer and job to the end, as the worker would after a request (DB tests). */
export function drainJobs(db: Db): Promise<WorkerStats> {
  return runUntilIdle(db);
}
