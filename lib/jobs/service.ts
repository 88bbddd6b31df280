import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { discardJob, listJobs, queueStats, retryDeadJob } from './queue-admin';
import { registeredJobTypes } from './registry';
import type { JobDto, ListJobsQuery, QueueStatsDto } from './schemas';
import './domains';

/** The jobs administration use cases (issue 8 §4): a system administrator watches the queue and handles dead letters. */

function toDto(r: typeof jobs.$inferSelect): JobDto {
  const payload = JSON.stringify(r.payload ?? null);
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    runAt: r.runAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    lastError: r.lastError,
    idempotencyKey: r.idempotencyKey,
    eventId: r.eventId,
    payload: payload.length > 500 ? `${payload.slice(0, 499)}…` : payload,
  };
}

/** GET /api/v1/admin/jobs/stats */
export async function getQueueStats(actor: Actor | null, meta: { ip?: string } = {}): Promise<QueueStatsDto> {
  await authorize(actor, 'jobs.read', undefined, { ip: meta.ip });
  const stats = await queueStats(await getDb());
  return { ...stats, registeredTypes: registeredJobTypes() };
}

/** GET /api/v1/admin/jobs — newest first, filtered by status (dead letters: `dead`) and type, keyset-paged. */
export async function listJobsAsAdmin(actor: Actor | null, query: ListJobsQuery, meta: { ip?: string } = {}): Promise<{ items: JobDto[]; nextBefore: number | null }> {
  await authorize(actor, 'jobs.read', undefined, { ip: meta.ip });
  const rows = await listJobs(await getDb(), query);
  return { items: rows.map(toDto), nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null };
}

async function change(actor: Actor | null, id: number, op: 'retry' | 'discard', ip: string): Promise<JobDto> {
  const me = await authorize(actor, 'jobs.manage', undefined, { ip });
  const db = await getDb();
  const [before] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  if (!before) throw new AppError('NOT_FOUND');
  const ok = op === 'retry' ? await retryDeadJob(db, id) : await discardJob(db, id);
  if (!ok) throw new AppError('CONFLICT', { detailKey: op === 'retry' ? 'jobs.notDead' : 'jobs.notDiscardable' });
  await audit({ action: `jobs.${op}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'job', targetId: String(id), ip, detail: { type: before.type, status: before.status, attempts: before.attempts } });
  const [after] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return toDto(after!);
}

/** POST /api/v1/admin/jobs/{id}/retry — a dead job runs again with a fresh set of attempts. */
export const retryJob = (actor: Actor | null, id: number, meta: { ip: string }) => change(actor, id, 'retry', meta.ip);

/** POST /api/v1/admin/jobs/{id}/discard — a dead (or still pending) job is set aside for good. */
export const discardJobAsAdmin = (actor: Actor | null, id: number, meta: { ip: string }) => change(actor, id, 'discard', meta.ip);
