import 'server-only';
import { z } from 'zod';
import type { EventDef } from '@/lib/events';
import { defineJob, defineRecurring, subscribe } from '@/lib/jobs/registry';
import { reconcileAll, searchIndex, searchState } from './engine';
import { INDEX_SETTINGS } from './settings';
import { searchSources } from './sources';
import { applyIds, idsOfEvent } from './sync';

/**
 * Search's background work (issue 12 §3, ADR 016). With Meilisearch, every event a source names is drained by a
 * durable consumer (retries with backoff, dead letters in /admin/jobs): the index is a projection the worker keeps
 * current, and a down or slow engine only delays it — the business write has long committed. With the embedded
 * engine the web process applies the same events to its own index through its cursor (lib/search/engine.ts), so the
 * consumer has nothing to do in a worker process. A nightly reconciliation repairs any drift, deletions included.
 */

/** The source's events as event definitions for `subscribe` (payloads are re-read, so any payload is accepted). */
const anyEvent = (type: string): EventDef<string, unknown> => ({ type, aggregateType: type.split('.')[0]!, schema: z.unknown() });

for (const source of searchSources) {
  for (const type of source.events) {
    subscribe(anyEvent(type), {
      name: `search.sync_${source.index}`,
      maxAttempts: 12,
      backoff: { baseMs: 2_000, maxMs: 10 * 60_000 },
      handler: async (event) => {
        const index = searchIndex();
        if (index.engine === 'embedded') return { skipped: 'embedded engine: the web process applies events to its own index' };
        await index.ensureIndex(source.index, INDEX_SETTINGS[source.index]);
        return applyIds(index, source, idsOfEvent(source, event));
      },
    });
  }
}

export const searchReconcileJob = defineJob({
  type: 'search.reconcile',
  payload: z.object({}).passthrough(),
  maxAttempts: 5,
  handler: async () => {
    const index = searchIndex();
    // The embedded index lives in the web process; a separate worker holds none to repair.
    if (index.engine === 'embedded' && searchState().state !== 'ready') return { skipped: 'no embedded index in this process' };
    const reports = await reconcileAll();
    console.info(JSON.stringify({ level: 'info', where: 'search.reconcile', engine: index.engine, reports }));
    return { engine: index.engine, reports };
  },
});

defineRecurring({ name: 'search.reconcile', schedule: { daily: '03:50' }, type: searchReconcileJob.type, payload: {} });
