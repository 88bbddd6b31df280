import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';
import { acquirePgliteLock } from './pglite-lock';
import { trackWrites, type WriteGeneration } from './write-generation';

/**
 * The one database client. postgres.js when DATABASE_URL is set, otherwise embedded PGlite under .data/.
 * Both drivers share Drizzle's query builder; we type the handle as the PGlite flavour (stack-notes §2).
 */
export type Db = PgliteDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PostgreSQL only: LISTEN on a channel (a dedicated connection); resolves to an unlisten function. */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function defaultPgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? path.join('.data', 'pglite'));
}

/**
 * Kept on the handle under a registered symbol, not in a module-level map: Next bundles this module into the
 * instrumentation and into each route separately, and the handle (on globalThis) is opened by whichever runs first.
 */
const WRITES = Symbol.for('jingpiao.db.writeGeneration');

/**
 * The write generation of an embedded (PGlite) handle, for read-through caches (db/write-generation.ts, ADR 022).
 * Undefined for PostgreSQL (other processes write there) and for a transaction handle (reads inside a transaction
 * are not cached).
 */
export function writeGenerationOf(db: DbOrTx): WriteGeneration | undefined {
  return (db as unknown as { [WRITES]?: WriteGeneration })[WRITES];
}

/** Opens PGlite (memory when dataDir is undefined) with btree_gist and pg_trgm, and applies migrations. */
export async function openPglite(dataDir?: string, opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  const release = dataDir ? acquirePgliteLock(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir ?? 'memory://', { extensions: { btree_gist, pg_trgm } });
    const writes = trackWrites(client);
    const db = drizzlePglite({ client, schema });
    Object.defineProperty(db, WRITES, { value: writes, enumerable: false });
    if (opts.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      driver: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function openPostgres(url: string, opts: { migrate?: boolean; max?: number } = {}): Promise<DbHandle> {
  const client = postgres(url, {
    max: opts.max ?? Number(process.env.DB_POOL_MAX ?? 10),
    onnotice: () => {},
    connection: { application_name: 'jingpiao-portal' },
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  if (opts.migrate) {
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return {
    db,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
    async listen(channel, onNotify) {
      const sub = await client.listen(channel, () => onNotify());
      return () => sub.unlisten();
    },
  };
}

/** Opens the configured database. PGlite is migrated on open; PostgreSQL is migrated by `npm run db:migrate`. */
export function openConfigured(opts: { migrate?: boolean } = {}): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, { migrate: opts.migrate ?? false });
  return openPglite(defaultPgliteDir(), { migrate: opts.migrate ?? true });
}

type Holder = { handle?: Promise<DbHandle> };
const holder = ((globalThis as { __jpDb?: Holder }).__jpDb ??= {});

/** The process-wide database handle (one per process, shared by instrumentation, pages and routes). */
export function getDbHandle(): Promise<DbHandle> {
  holder.handle ??= openConfigured().catch((err) => {
    holder.handle = undefined;
    throw err;
  });
  return holder.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests and scripts install their own handle (an in-memory PGlite or a scratch PostgreSQL database). */
export function setDbHandle(handle: DbHandle | undefined): void {
  holder.handle = handle ? Promise.resolve(handle) : undefined;
}

export { schema };
