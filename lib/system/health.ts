import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDbHandle } from '@/db/client';
import { backlog } from '@/lib/jobs/queue-admin';
import { searchHealth } from '@/lib/search/health';
import pkg from '@/package.json';

export const APP_VERSION: string = pkg.version;

export const healthDto = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  db: z.object({ status: z.enum(['ok', 'down']), driver: z.enum(['pglite', 'postgres']).nullable(), latencyMs: z.number().nullable() }),
  search: z.object({
    status: z.enum(['ok', 'down', 'embedded']),
    engine: z.enum(['meilisearch', 'embedded']),
    /** This process's index (issue 12): cold until first use or the start warm-up, then building → ready (or failed). */
    state: z.enum(['cold', 'building', 'ready', 'failed']),
    docCounts: z.record(z.string(), z.number().int()),
    lastBuildMs: z.number().nullable(),
    lastReconcile: z.object({ at: z.string(), reports: z.array(z.object({ index: z.string(), added: z.number().int(), updated: z.number().int(), removed: z.number().int(), unchanged: z.number().int() })) }).nullable(),
  }),
  /** Background work (issue 8): whether a worker is alive (heartbeat in the last minute) and what waits. */
  jobs: z
    .object({
      status: z.enum(['ok', 'stale']),
      liveWorkers: z.number().int(),
      lastHeartbeatAgeSeconds: z.number().int().nullable(),
      due: z.number().int(),
      oldestDueAgeSeconds: z.number().int().nullable(),
      retrying: z.number().int(),
      dead: z.number().int(),
      undispatchedEvents: z.number().int(),
    })
    .nullable(),
  version: z.string(),
});
export type HealthDto = z.infer<typeof healthDto>;

export async function checkHealth(): Promise<HealthDto> {
  let db: HealthDto['db'] = { status: 'down', driver: null, latencyMs: null };
  let jobs: HealthDto['jobs'] = null;
  try {
    const handle = await getDbHandle();
    const t0 = performance.now();
    await handle.db.execute(sql`select 1`);
    db = { status: 'ok', driver: handle.driver, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
    jobs = await backlog(handle.db);
  } catch {
    /* reported as down (or jobs unknown) */
  }
  const search = await searchHealth();
  // Due work with no live worker means nothing happens in the background: degraded, not down (requests still work).
  const jobsStalled = !!jobs && jobs.status === 'stale' && jobs.due > 0;
  const status = db.status === 'down' ? 'down' : search.status === 'down' || jobsStalled ? 'degraded' : 'ok';
  return { status, db, search, jobs, version: APP_VERSION };
}
