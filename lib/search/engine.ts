import 'server-only';
import { and, gt, inArray, asc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { domainEvents } from '@/db/schema';
import { logError } from '@/lib/log';
import { EmbeddedSearchIndex } from './embedded';
import { MeiliSearchIndex } from './meili';
import type { SearchIndex } from './port';
import { INDEX_SETTINGS, SEARCH_INDEXES } from './settings';
import { searchSources } from './sources';
import type { SearchSource } from './source';
import { applyIds, idsOfEvent, rebuild, reconcile, type ReconcileReport } from './sync';

/**
 * The process's search engine (ADR 016). With MEILI_HOST set: Meilisearch, shared by every instance and kept current
 * by durable consumers of the domain events (lib/search/jobs.ts). Otherwise the embedded engine, which lives in this
 * (web) process: built from PostgreSQL at first use, then kept current by a per-process cursor over domain_events —
 * applied before each search and every second — so it sees every committed change whichever process runs the job
 * worker. Kept on globalThis: Next bundles routes separately and dev reloads modules.
 */

export type SearchState = 'cold' | 'building' | 'ready' | 'failed';

interface Runtime {
  index: SearchIndex;
  state: SearchState;
  ready: Promise<void> | null;
  error: string | null;
  /** Embedded: the event cursor (see catchUp). */
  floor: number;
  seen: Set<number>;
  marks: { at: number; maxId: number }[];
  timer: ReturnType<typeof setInterval> | null;
  reconcileTimer: ReturnType<typeof setInterval> | null;
  lastReconcile: { at: string; reports: ReconcileReport[] } | null;
  catching: Promise<void> | null;
  lastBuildMs: number | null;
}

const G = globalThis as { __jpSearch?: Runtime };

export function engineFromEnv(): SearchIndex {
  const host = process.env.MEILI_HOST;
  if (host) return new MeiliSearchIndex({ host, apiKey: process.env.MEILI_API_KEY, prefix: process.env.MEILI_INDEX_PREFIX, taskTimeoutMs: Number(process.env.MEILI_TASK_TIMEOUT_MS) || undefined });
  return new EmbeddedSearchIndex();
}

function runtime(): Runtime {
  return (G.__jpSearch ??= { index: engineFromEnv(), state: 'cold', ready: null, error: null, floor: 0, seen: new Set(), marks: [], timer: null, reconcileTimer: null, lastReconcile: null, catching: null, lastBuildMs: null });
}

/** Tests only: use this index (and forget the cursor). */
export function setSearchIndexForTests(index: SearchIndex | null): void {
  if (G.__jpSearch?.timer) clearInterval(G.__jpSearch.timer);
  if (G.__jpSearch?.reconcileTimer) clearInterval(G.__jpSearch.reconcileTimer);
  G.__jpSearch = index ? { index, state: 'cold', ready: null, error: null, floor: 0, seen: new Set(), marks: [], timer: null, reconcileTimer: null, lastReconcile: null, catching: null, lastBuildMs: null } : undefined;
}

export function searchIndex(): SearchIndex {
  return runtime().index;
}

export function searchState(): { state: SearchState; error: string | null; lastBuildMs: number | null; cursor: number; lastReconcile: Runtime['lastReconcile'] } {
  const r = runtime();
  return { state: r.state, error: r.error, lastBuildMs: r.lastBuildMs, cursor: r.floor, lastReconcile: r.lastReconcile };
}

/** Reconciles every index of this process's engine with the database and remembers the report (health shows it). */
export async function reconcileAll(): Promise<ReconcileReport[]> {
  const r = runtime();
  const reports: ReconcileReport[] = [];
  for (const s of searchSources) reports.push(await reconcile(r.index, s));
  r.lastReconcile = { at: new Date().toISOString(), reports };
  return reports;
}

const watched = (): string[] => [...new Set(searchSources.flatMap((s) => [...s.events]))];

/** A committed event can show up below the highest id seen (ids are taken before commit): look back this long. */
const LOOKBACK_MS = 10_000;

/**
 * Embedded only: applies the domain events committed since the last call to this process's index. Ids are taken
 * before commit, so an event may appear below the highest id seen; the cursor therefore keeps a floor that trails by
 * LOOKBACK_MS and remembers which events above it were applied. Re-applying is harmless (re-load by id).
 */
export async function catchUp(): Promise<number> {
  const r = runtime();
  if (r.index.engine !== 'embedded' || r.state !== 'ready') return 0;
  if (r.catching) {
    await r.catching;
    return 0;
  }
  let applied = 0;
  r.catching = (async () => {
    const db = await getDb();
    const types = watched();
    if (!types.length) return;
    const rows = await db
      .select({ id: domainEvents.id, type: domainEvents.type, aggregateId: domainEvents.aggregateId, payload: domainEvents.payload })
      .from(domainEvents)
      .where(and(gt(domainEvents.id, r.floor), inArray(domainEvents.type, types)))
      .orderBy(asc(domainEvents.id))
      .limit(5000);
    const fresh = rows.filter((e) => !r.seen.has(e.id));
    for (const source of searchSources) {
      const mine = fresh.filter((e) => source.events.includes(e.type));
      if (!mine.length) continue;
      await applyIds(r.index, source, mine.flatMap((e) => idsOfEvent(source, e)));
      applied += mine.length;
    }
    for (const e of fresh) r.seen.add(e.id);
    const now = Date.now();
    const maxId = rows.length ? rows.at(-1)!.id : r.floor;
    r.marks.push({ at: now, maxId });
    // Advance the floor to the highest id that was already seen LOOKBACK_MS ago.
    while (r.marks.length > 1 && now - r.marks[1]!.at >= LOOKBACK_MS) r.marks.shift();
    if (now - r.marks[0]!.at >= LOOKBACK_MS && r.marks[0]!.maxId > r.floor) {
      r.floor = r.marks[0]!.maxId;
      for (const id of r.seen) if (id <= r.floor) r.seen.delete(id);
    }
  })();
  try {
    await r.catching;
  } finally {
    r.catching = null;
  }
  return applied;
}

async function build(r: Runtime, sources: readonly SearchSource[]): Promise<void> {
  const started = Date.now();
  // Every index exists, even one whose domain has no source yet (it answers no hits rather than an error).
  for (const name of SEARCH_INDEXES) await r.index.ensureIndex(name, INDEX_SETTINGS[name]);
  if (r.index.engine === 'embedded') {
    // The cursor starts below every event that can still commit, then the whole index is loaded: an event committed
    // during the load is applied again by the next catch-up, harmlessly.
    const db = await getDb();
    const [row] = await db.select({ max: sql<number>`coalesce(max(${domainEvents.id}), 0)::bigint` }).from(domainEvents);
    // Ids are taken before commit: the last hundred events are applied once more, in case one was still in flight.
    const max = Number(row?.max ?? 0);
    r.floor = Math.max(0, max - 100);
    r.marks = [{ at: Date.now(), maxId: r.floor }];
    for (const s of sources) await rebuild(r.index, s);
    if (!r.timer && process.env.SEARCH_SYNC_MS !== '0') {
      r.timer = setInterval(() => void catchUp().catch((err) => logError('search.catchUp', err)), Number(process.env.SEARCH_SYNC_MS) || 1000);
      r.timer.unref?.();
    }
    // The embedded index's own reconciliation (the nightly job may run in another process): every 6 h by default.
    const every = Number(process.env.SEARCH_RECONCILE_MS) || 6 * 3_600_000;
    if (!r.reconcileTimer && process.env.SEARCH_RECONCILE_MS !== '0') {
      r.reconcileTimer = setInterval(() => void reconcileAll().catch((err) => logError('search.reconcile', err)), every);
      r.reconcileTimer.unref?.();
    }
  }
  r.lastBuildMs = Date.now() - started;
}

/**
 * Called once at server start (instrumentation.ts), off the request path: builds the embedded index, or ensures the
 * Meilisearch indexes and reconciles them with the database. A failure is logged; search retries at first use.
 */
export async function warmUpSearch(): Promise<void> {
  try {
    await ensureSearchReady();
    if (runtime().index.engine === 'meilisearch') await reconcileAll();
  } catch (err) {
    logError('search.warmUp', err);
  }
}

/** Makes the index usable (once per process): ensures the indexes and, embedded, builds them from the database. */
export async function ensureSearchReady(): Promise<void> {
  const r = runtime();
  if (r.state === 'ready') return;
  if (!r.ready || r.state === 'failed') {
    r.state = 'building';
    r.ready = build(r, searchSources).then(
      () => {
        r.state = 'ready';
        r.error = null;
      },
      (err: unknown) => {
        r.state = 'failed';
        r.error = err instanceof Error ? err.message : String(err);
        throw err;
      },
    );
  }
  await r.ready;
}
