import { z } from 'zod';
import type { Db } from '@/db/client';
import type { EventDef, EventEnvelope } from '@/lib/events';
import { nextOccurrence, type BackoffOptions, type Schedule } from './timing';

/**
 * The job and consumer registry (issue 8, ADR 011). Each domain declares its jobs in `lib/<domain>/jobs.ts`:
 * `defineJob` for work it enqueues itself (a reminder at +7 days), `subscribe` to react to another domain's event,
 * `defineRecurring` for periodic work (a nightly reconciliation). lib/jobs/domains.ts imports those modules so a
 * worker knows every type. Kept on globalThis: Next bundles instrumentation and routes separately.
 */

export interface JobContext {
  db: Db;
  jobId: number;
  /** 1 on the first run. */
  attempt: number;
  /** Business time when the run started (lib/clock). */
  now: Date;
  /** Aborted when the worker is stopping: long handlers should stop at a safe point and throw (the job is retried). */
  signal: AbortSignal;
}

export interface JobDef<P = unknown> {
  type: string;
  payload: z.ZodType<P>;
  /** Runs before the job is dead-lettered (default 5). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** At-least-once: a handler may run again after a crash or a lost lease, so its effect must be idempotent. */
  handler: (payload: P, ctx: JobContext) => Promise<unknown>;
}

export interface RecurringDef {
  name: string;
  schedule: Schedule;
  type: string;
  payload: unknown;
}

interface Registry {
  jobs: Map<string, JobDef<unknown>>;
  consumers: Map<string, string[]>;
  recurring: Map<string, RecurringDef>;
}
const registry = ((globalThis as { __jpJobRegistry?: Registry }).__jpJobRegistry ??= { jobs: new Map(), consumers: new Map(), recurring: new Map() });

const TYPE_RE = /^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/;

export function defineJob<P>(def: JobDef<P>): JobDef<P> {
  if (!TYPE_RE.test(def.type)) throw new Error(`job type must look like "domain.do_something", got "${def.type}"`);
  registry.jobs.set(def.type, def as JobDef<unknown>);
  return def;
}

const envelope = <P>(schema: z.ZodType<P>) =>
  z.object({
    id: z.number().int().positive(),
    type: z.string(),
    aggregateType: z.string(),
    aggregateId: z.string(),
    payload: schema,
    actorId: z.string().nullable(),
    occurredAt: z.string(),
  }) as unknown as z.ZodType<EventEnvelope<P>>;

/**
 * A consumer: a job of type `name`, created once per event of `event.type` when the worker dispatches the outbox.
 * Its handler receives the event envelope (validated against the event's schema).
 */
export function subscribe<P>(event: EventDef<string, P>, consumer: Omit<JobDef<EventEnvelope<P>>, 'type' | 'payload'> & { name: string }): JobDef<EventEnvelope<P>> {
  const def = defineJob<EventEnvelope<P>>({ type: consumer.name, payload: envelope(event.schema), maxAttempts: consumer.maxAttempts, backoff: consumer.backoff, handler: consumer.handler });
  const list = registry.consumers.get(event.type) ?? [];
  if (!list.includes(consumer.name)) list.push(consumer.name);
  registry.consumers.set(event.type, list);
  return def;
}

export function defineRecurring(def: RecurringDef): RecurringDef {
  nextOccurrence(def.schedule, new Date()); // validates the schedule now, not at 03:30
  registry.recurring.set(def.name, def);
  return def;
}

export const jobDef = (type: string): JobDef<unknown> | undefined => registry.jobs.get(type);
export const consumersOf = (eventType: string): readonly string[] => registry.consumers.get(eventType) ?? [];
export const recurringDefs = (): RecurringDef[] => [...registry.recurring.values()];
export const registeredJobTypes = (): string[] => [...registry.jobs.keys()].sort();

/** Tests only: forget a recurring job registered by a test. */
export function unregisterRecurring(name: string): void {
  registry.recurring.delete(name);
}

/** Tests only: forget a type registered by a test file. */
export function unregisterJob(type: string): void {
  registry.jobs.delete(type);
  for (const [k, v] of registry.consumers) registry.consumers.set(k, v.filter((c: string) => c !== type));
  for (const [k, v] of registry.recurring) if (v.type === type) registry.recurring.delete(k);
}
