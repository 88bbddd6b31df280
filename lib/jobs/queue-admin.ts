import 'server-only';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { domainEvents, jobs, jobWorkers } from '@/db/schema';
import { now } from '@/lib/clock';
import { rowsOf } from './queue';
import { kickWorkers } from './signal';

/**
 * What operations needs of the queue (issue 8 §4): depths per type, the oldest due job, failures and dead letters,
 * workers and their heartbeats; retry or discard a dead job. No authorization here: lib/jobs/service.ts decides.
 */

export interface QueueTypeStats {
  type: string;
  pending: number;
  due: number;
  running: number;
  done: number;
  dead: number;
  discarded: number;
  /** Pending jobs that have failed at least once (waiting for a retry). */
  retrying: number;
  /** Seconds the oldest due job has waited past its due time. */
  oldestDueAgeSeconds: number | null;
}

export interface WorkerInfo {
  id: string;
  host: string;
  pid: number;
  mode: string;
  startedAt: string;
  heartbeatAt: string;
  heartbeatAgeSeconds: number;
  stopped: boolean;
  processed: number;
  failed: number;
}

export interface QueueStats {
  types: QueueTypeStats[];
  totals: Omit<QueueTypeStats, 'type'>;
  events: { undispatched: number; oldestUndispatchedAgeSeconds: number | null };
  workers: WorkerInfo[];
}

const num = (v: unknown) => Number(v ?? 0);
const ageSeconds = (v: unknown, at: Date) => (v ? Math.max(0, Math.round((at.getTime() - new Date(v as string).getTime()) / 1000)) : null);

export async function queueStats(db: DbOrTx): Promise<QueueStats> {
  const at = now();
  const atIso = at.toISOString();
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select type,
             count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'pending' and run_at <= ${atIso}::timestamptz) as due,
             count(*) filter (where status = 'running') as running,
             count(*) filter (where status = 'done') as done,
             count(*) filter (where status = 'dead') as dead,
             count(*) filter (where status = 'discarded') as discarded,
             count(*) filter (where status = 'pending' and attempts > 0) as retrying,
             min(run_at) filter (where status = 'pending' and run_at <= ${atIso}::timestamptz) as oldest_due
      from ${jobs} group by type order by type`),
  );
  const types: QueueTypeStats[] = rows.map((r) => ({
    type: String(r.type),
    pending: num(r.pending),
    due: num(r.due),
    running: num(r.running),
    done: num(r.done),
    dead: num(r.dead),
    discarded: num(r.discarded),
    retrying: num(r.retrying),
    oldestDueAgeSeconds: ageSeconds(r.oldest_due, at),
  }));
  const totals = types.reduce(
    (a, b) => ({
      pending: a.pending + b.pending,
      due: a.due + b.due,
      running: a.running + b.running,
      done: a.done + b.done,
      dead: a.dead + b.dead,
      discarded: a.discarded + b.discarded,
      retrying: a.retrying + b.retrying,
      oldestDueAgeSeconds: Math.max(a.oldestDueAgeSeconds ?? -1, b.oldestDueAgeSeconds ?? -1) < 0 ? null : Math.max(a.oldestDueAgeSeconds ?? 0, b.oldestDueAgeSeconds ?? 0),
    }),
    { pending: 0, due: 0, running: 0, done: 0, dead: 0, discarded: 0, retrying: 0, oldestDueAgeSeconds: null as number | null },
  );
  const [ev] = rowsOf<Record<string, unknown>>(await db.execute(sql`select count(*) as n, min(occurred_at) as oldest from ${domainEvents} where dispatched_at is null`));
  return { types, totals, events: { undispatched: num(ev?.n), oldestUndispatchedAgeSeconds: ageSeconds(ev?.oldest, at) }, workers: await listWorkers(db) };
}

/** Workers seen in the last day, newest heartbeat first. Heartbeat ages use the database's clock (liveness). */
export async function listWorkers(db: DbOrTx): Promise<WorkerInfo[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select id, host, pid, mode, started_at, heartbeat_at, stopped_at, processed, failed,
                                extract(epoch from (now() - heartbeat_at)) as age
                         from ${jobWorkers} where heartbeat_at > now() - interval '1 day' order by heartbeat_at desc limit 20`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    host: String(r.host),
    pid: num(r.pid),
    mode: String(r.mode),
    startedAt: new Date(r.started_at as string).toISOString(),
    heartbeatAt: new Date(r.heartbeat_at as string).toISOString(),
    heartbeatAgeSeconds: Math.round(num(r.age)),
    stopped: r.stopped_at !== null,
    processed: num(r.processed),
    failed: num(r.failed),
  }));
}

export type JobListStatus = 'pending' | 'running' | 'done' | 'dead' | 'discarded' | 'retrying';

export async function listJobs(db: DbOrTx, q: { status?: JobListStatus; type?: string; limit?: number; before?: number }) {
  const conds = [
    q.status === 'retrying' ? and(eq(jobs.status, 'pending'), sql`${jobs.attempts} > 0`) : q.status ? eq(jobs.status, q.status) : undefined,
    q.type ? eq(jobs.type, q.type) : undefined,
    q.before ? lt(jobs.id, q.before) : undefined,
  ].filter(Boolean);
  return db
    .select()
    .from(jobs)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(jobs.id))
    .limit(q.limit ?? 50);
}

/** A dead job gets a fresh set of attempts, due now. False when the job is not dead (nothing changes). */
export async function retryDeadJob(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: now(), finishedAt: null, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'dead')))
    .returning({ id: jobs.id });
  if (rows.length) kickWorkers();
  return rows.length > 0;
}

/** A dead (or pending) job is set aside for good; kept for the record until the nightly prune. */
export async function discardJob(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'discarded', finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ['dead', 'pending'])))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface Backlog {
  /** 'ok': a worker sent a heartbeat in the last minute; 'stale': none did (jobs wait until one runs). */
  status: 'ok' | 'stale';
  liveWorkers: number;
  lastHeartbeatAgeSeconds: number | null;
  due: number;
  oldestDueAgeSeconds: number | null;
  retrying: number;
  dead: number;
  undispatchedEvents: number;
}

/** The cheap summary /api/v1/health reports: worker heartbeat and backlog (partial indexes only, no full scan). */
export async function backlog(db: DbOrTx): Promise<Backlog> {
  const at = now();
  const atIso = at.toISOString();
  const [j] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select count(*) filter (where status = 'pending' and run_at <= ${atIso}::timestamptz) as due,
                                min(run_at) filter (where status = 'pending' and run_at <= ${atIso}::timestamptz) as oldest_due,
                                count(*) filter (where status = 'pending' and attempts > 0) as retrying,
                                count(*) filter (where status = 'dead') as dead
                         from ${jobs} where status in ('pending', 'dead')`),
  );
  const [w] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select count(*) filter (where heartbeat_at > now() - interval '60 seconds') as live,
                                extract(epoch from (now() - max(heartbeat_at))) as age
                         from ${jobWorkers} where stopped_at is null`),
  );
  const [e] = rowsOf<Record<string, unknown>>(await db.execute(sql`select count(*) as n from ${domainEvents} where dispatched_at is null`));
  const live = num(w?.live);
  return {
    status: live > 0 ? 'ok' : 'stale',
    liveWorkers: live,
    lastHeartbeatAgeSeconds: w?.age === null || w?.age === undefined ? null : Math.round(num(w.age)),
    due: num(j?.due),
    oldestDueAgeSeconds: ageSeconds(j?.oldest_due, at),
    retrying: num(j?.retrying),
    dead: num(j?.dead),
    undispatchedEvents: num(e?.n),
  };
}
