import crypto from 'node:crypto';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openPglite, openPostgres, setDbHandle, type Db, type DbHandle } from '@/db/client';
import * as schema from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { clearCatalogueCache } from '@/lib/policies/store';

/**
 * A real database for DB tests, migrated with the committed migrations: in-memory PGlite by default, or — with
 * TEST_DATABASE_URL — a fresh database created on that PostgreSQL server for this test file and dropped after it.
 */
export async function createTestDb(): Promise<DbHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openPglite(undefined);
  const name = `jp_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { migrate: true, max: 5 });
  return {
    ...handle,
    driver: 'postgres',
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Every table of db/schema but the audit log: a new domain's tables are emptied without editing a list here. */
const APP_TABLES = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableName(t))
  .filter((name) => name !== 'audit_log');

/** Empties every table. The audit log's append-only trigger is lifted for the truncate only (the owner can). */
export async function resetDb(db: Db): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- constant table names, no input
  await db.execute(sql.raw(`truncate ${APP_TABLES.join(', ')} restart identity cascade`));
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_truncate`);
  await db.execute(sql`truncate audit_log`);
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_truncate`);
  clearCatalogueCache();
}

/**
 * Installs a migrated test database for the file; each test starts from reference data only. With
 * `resetEach: false` the tests build their own state (the permission matrix resets once per world it builds).
 */
export function setupTestDb(opts: { seedReference?: boolean; resetEach?: boolean } = {}): { db: () => Db; handle: () => DbHandle } {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDb();
    setDbHandle(handle);
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await handle?.close();
  });
  beforeEach(async () => {
    if (opts.resetEach === false) return;
    await resetDb(handle!.db);
    if (opts.seedReference !== false) await seedReferenceData(handle!.db);
  });
  return { db: () => handle!.db, handle: () => handle! };
}
