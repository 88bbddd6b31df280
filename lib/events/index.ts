import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { domainEvents } from '@/db/schema';
import { now } from '@/lib/clock';
import { kickWorkers } from '@/lib/jobs/signal';

/**
 * Domain events through a transactional outbox (issue 8, ADR 011). The domain that owns a change defines its
 * events (`lib/<domain>/events.ts`) and records them with `recordEvent(tx, …)` in the same transaction as the
 * change: a rolled-back change leaves no event, a committed one always has it. Other domains react by subscribing
 * (lib/jobs/registry.ts `subscribe`), never by importing the owner's service. Payloads carry ids and the facts a
 * consumer needs to decide, not personal data: consumers re-read what they need.
 */
export interface EventDef<T extends string = string, P = unknown> {
  type: T;
  aggregateType: string;
  schema: z.ZodType<P>;
}

export function defineEvent<T extends string, P>(type: T, aggregateType: string, schema: z.ZodType<P>): EventDef<T, P> {
  if (!/^[a-z][a-z_]*\.[a-z][a-z_]*$/.test(type)) throw new Error(`event type must look like "domain.something_happened", got "${type}"`);
  return { type, aggregateType, schema };
}

/** What a consumer receives. */
export interface EventEnvelope<P = unknown> {
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  actorId: string | null;
  occurredAt: string;
}

/** The event types recorded while `collectEventTypes` runs (one set per action or API request). */
const collector = ((globalThis as { __jpEventCollector?: AsyncLocalStorage<Set<string>> }).__jpEventCollector ??= new AsyncLocalStorage<Set<string>>());

/**
 * Runs `fn` and returns, beside its result, the type of every event it recorded — so the action factory and the API
 * wrapper can renew what a change makes stale (the cached public pages, lib/cache/public-pages.ts) without the
 * domain calling into Next. An event whose transaction rolled back is still listed: renewing a copy that did not
 * change costs one render, never correctness.
 */
export async function collectEventTypes<T>(fn: () => Promise<T>): Promise<{ result: T; types: ReadonlySet<string> }> {
  const types = new Set<string>();
  const outer = collector.getStore();
  try {
    return { result: await collector.run(types, fn), types };
  } finally {
    // Nested collections (a test around an API call, an action calling a route's service) each see every event.
    if (outer) for (const t of types) outer.add(t);
  }
}

/**
 * Writes the event in the caller's transaction (pass the `tx`). The payload is validated against the event's
 * schema: a wrong payload is a programming error and aborts the transaction. Returns the event id.
 */
export async function recordEvent<P>(tx: DbOrTx, def: EventDef<string, P>, aggregateId: string, payload: P, opts: { actorId?: string | null } = {}): Promise<number> {
  const parsed = def.schema.parse(payload) as Record<string, unknown>;
  collector.getStore()?.add(def.type);
  const [row] = await tx
    .insert(domainEvents)
    .values({ type: def.type, aggregateType: def.aggregateType, aggregateId, payload: parsed, actorId: opts.actorId ?? null, occurredAt: now() })
    .returning({ id: domainEvents.id });
  // Wake an in-process worker; it finds the event once the transaction has committed (other processes are woken
  // by the NOTIFY that a trigger sends on commit).
  kickWorkers();
  return row!.id;
}
