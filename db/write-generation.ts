import type { PGlite } from '@electric-sql/pglite';

/**
 * The embedded database's write generation (ADR 022): a counter of the statements that may have changed data in this
 * process's PGlite, for read-through caches of hot reads (the session lookup every signed-in request makes).
 *
 * Why it is exact for PGlite and only for PGlite: one process owns a PGlite directory (db/pglite-lock.ts) and every
 * statement goes through this one client instance, which runs them one at a time. A cache entry remembers the
 * generation read *before* its query was issued; the counter moves *before* a write is issued and again when it has
 * finished (and around every transaction, whatever it holds). So an entry is served only if no write started since
 * its query was issued. PostgreSQL has other writers (workers, other instances): nothing is cached there.
 */
export interface WriteGeneration {
  /** The current generation; equal numbers mean no statement that may write ran in between. */
  current(): number;
  /** This database's read-through cache called `name` (created on first use; one per name and database). */
  cache<V>(name: string): GenerationCache<V>;
}

/**
 * Plain reads: a SELECT (or SHOW / EXPLAIN without ANALYZE) that takes no row lock, selects into no table and calls
 * none of the functions that change state. Anything else — INSERT/UPDATE/DELETE, WITH (data-modifying CTEs), DDL,
 * BEGIN/SET, several statements in one string — counts as a write. Mistaking a read for a write costs one cache
 * miss; the opposite would serve stale rows, so the rule only ever errs that way. A SQL function a migration
 * defines that writes must match WRITING_CALL (tests/write-generation.db.test.ts checks every migration).
 */
const PLAIN_READ = /^\s*(?:select|show|explain(?!\s*\(?\s*analy[sz]e))\b/i;
export const WRITING_CALL =
  /\b(?:nextval|setval|pg_advisory\w*|pg_try_advisory\w*|set_config|pg_notify|lo_\w+|txid_current|pg_current_xact_id|\w+_bump)\s*\(|\bfor\s+(?:no\s+key\s+)?(?:update|share|key\s+share)\b|\binto\b|;\s*\S/i;

export function mayWrite(sqlText: string): boolean {
  return !PLAIN_READ.test(sqlText) || WRITING_CALL.test(sqlText);
}

/** Counts the statements of this PGlite instance that may write (query, exec, transaction; wrapped in place). */
export function trackWrites(client: PGlite): WriteGeneration {
  let generation = 0;
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const around = async <T>(write: boolean, run: () => Promise<T>): Promise<T> => {
    if (!write) return run();
    generation++;
    try {
      return await run();
    } finally {
      generation++;
    }
  };
  client.query = ((text: string, ...rest: unknown[]) => around(mayWrite(text), () => (query as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as PGlite['query'];
  client.exec = ((text: string, ...rest: unknown[]) => around(true, () => (exec as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as PGlite['exec'];
  client.transaction = ((fn: Parameters<PGlite['transaction']>[0]) => around(true, () => transaction(fn))) as PGlite['transaction'];
  const caches = new Map<string, GenerationCache<unknown>>();
  const writes: WriteGeneration = {
    current: () => generation,
    cache<V>(name: string) {
      let c = caches.get(name);
      if (!c) caches.set(name, (c = new GenerationCache<unknown>(writes)));
      return c as GenerationCache<V>;
    },
  };
  return writes;
}

/**
 * A bounded read-through cache over one write generation: `get` answers only while no write has started since the
 * value was read. Oldest entries go first once `capacity` is reached.
 */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { generation: number; value: V }>();
  /** Reads answered from the cache / by `load` (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  constructor(
    private readonly writes: WriteGeneration,
    private readonly capacity = 10_000,
  ) {}

  /** The cached value, or `load()`'s (cached when defined, under the generation read before `load` started). */
  async read(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.writes.current()) {
      this.hits++;
      return hit.value;
    }
    this.misses++;
    const generation = this.writes.current();
    const value = await load();
    this.entries.delete(key);
    if (value === undefined) return value;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { generation, value });
    return value;
  }
}
