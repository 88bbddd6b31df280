import { z } from 'zod';

/** Shapes of the jobs administration API and page (issue 8 §4), shared by routes, actions and the OpenAPI document. */
export const JOB_STATUSES = ['pending', 'running', 'done', 'dead', 'discarded'] as const;
export const JOB_LIST_STATUSES = [...JOB_STATUSES, 'retrying'] as const;

export const jobIdParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const listJobsQuery = z.strictObject({
  status: z.enum(JOB_LIST_STATUSES).optional(),
  type: z
    .string()
    .regex(/^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset paging: jobs with a smaller id than this (the last id of the previous page). */
  before: z.coerce.number().int().positive().optional(),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const jobDto = z.object({
  id: z.number().int(),
  type: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  eventId: z.number().int().nullable(),
  /** The payload as JSON, cut at 500 characters (payloads carry ids, not personal data). */
  payload: z.string(),
});
export type JobDto = z.infer<typeof jobDto>;

const typeStats = z.object({
  type: z.string(),
  pending: z.number().int(),
  due: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  dead: z.number().int(),
  discarded: z.number().int(),
  retrying: z.number().int(),
  oldestDueAgeSeconds: z.number().int().nullable(),
});

export const queueStatsDto = z.object({
  types: z.array(typeStats),
  totals: typeStats.omit({ type: true }),
  events: z.object({ undispatched: z.number().int(), oldestUndispatchedAgeSeconds: z.number().int().nullable() }),
  workers: z.array(
    z.object({
      id: z.string(),
      host: z.string(),
      pid: z.number().int(),
      mode: z.string(),
      startedAt: z.iso.datetime(),
      heartbeatAt: z.iso.datetime(),
      heartbeatAgeSeconds: z.number().int(),
      stopped: z.boolean(),
      processed: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  /** Every job type this server knows (registered by the domains). */
  registeredTypes: z.array(z.string()),
});
export type QueueStatsDto = z.infer<typeof queueStatsDto>;
