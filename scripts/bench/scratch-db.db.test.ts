import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createScratchPostgres, SCRATCH_PREFIX } from './server';

/**
 * Issue 14 §1: `npm run bench` with DATABASE_URL seeded its own rows (under the benchmark's master key) into whatever
 * database the URL named. It now runs on a scratch database of its own on that server and drops it afterwards.
 * Needs a PostgreSQL server (TEST_DATABASE_URL); skipped on PGlite-only runs.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('bench database', () => {
  it('creates an empty scratch database next to DATABASE_URL, never touches that one, and drops the scratch one', async () => {
    const db = await createScratchPostgres(serverUrl!);
    const scratch = new URL(db.env.DATABASE_URL!);
    const name = scratch.pathname.slice(1);
    expect(name.startsWith(SCRATCH_PREFIX)).toBe(true);
    expect(name).not.toBe(new URL(serverUrl!).pathname.slice(1));
    expect(db.target).toContain(name);
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    try {
      const exists = async () => (await admin`select count(*)::int as n from pg_database where datname = ${name}`)[0]!.n as number;
      expect(await exists()).toBe(1);
      const inside = postgres(scratch.toString(), { max: 1, onnotice: () => {} });
      const tables = (await inside`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)[0]!.n as number;
      await inside.end();
      expect(tables).toBe(0);
      await db.cleanup();
      expect(await exists()).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
