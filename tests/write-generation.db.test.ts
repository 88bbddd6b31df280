import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, writeGenerationOf } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { mayWrite, WRITING_CALL } from '@/db/write-generation';
import { idleTimeoutMs } from '@/lib/auth/permissions';
import { bumpSessionVersion, resolveSession, revokeToken, sessionCacheOf } from '@/lib/auth/sessions';
import { advance } from '@/lib/clock';
import { setupTestDb } from './helpers/db';
import { makeUser, tokenFor } from './helpers/factories';

/** ADR 022: the embedded database's write generation and the session lookup read through it. */

describe('mayWrite: only plain reads leave the generation alone', () => {
  it.each([
    ['select "id" from "users" where "id" = $1', false],
    ['  SELECT count(*) FROM jobs', false],
    ['show server_version', false],
    ['explain select 1', false],
    ['insert into users (id) values ($1)', true],
    ['update user_sessions set last_seen_at = $1', true],
    ['delete from user_sessions', true],
    ['with x as (update users set locale = $1 returning id) select count(*) from x', true],
    ['truncate users cascade', true],
    ['begin', true],
    ['alter table audit_log disable trigger audit_log_no_truncate', true],
    ['select pg_advisory_xact_lock(42)', true],
    ['select nextval(\'s\')', true],
    ['select talent_matching_rev_bump(array[$1]::uuid[])', true],
    ['select * from jobs where id = $1 for update skip locked', true],
    ['select * from jobs for no key update', true],
    ['select * into backup from users', true],
    ['select 1; delete from users', true],
    ['explain analyze delete from users', true],
    ['explain (analyze) delete from users', true],
  ])('%s → %s', (text, writes) => {
    expect(mayWrite(text)).toBe(writes);
  });

  it('every SQL function a migration defines is a trigger, read-only (stable/immutable), or matched as a write', () => {
    const fns: { name: string; body: string }[] = [];
    for (const file of fs.readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql'))) {
      const text = fs.readFileSync(path.join(MIGRATIONS_FOLDER, file), 'utf8');
      const re = /create\s+(?:or\s+replace\s+)?function\s+"?(\w+)"?\s*\(([\s\S]*?)\$\$[\s\S]*?\$\$([^;]*);/gi;
      for (const m of text.matchAll(re)) fns.push({ name: m[1]!, body: `${m[2]} ${m[3]}` });
    }
    expect(fns.length).toBeGreaterThan(5);
    const unguarded = fns.filter(
      (f) => !/returns\s+trigger/i.test(f.body) && !/\b(stable|immutable)\b/i.test(f.body) && !WRITING_CALL.test(`select ${f.name}(1)`),
    );
    expect(unguarded.map((f) => f.name), 'a function that may write must match WRITING_CALL in db/write-generation.ts').toEqual([]);
  });
});

describe('the session lookup through the write generation', () => {
  const t = setupTestDb();
  const embedded = () => writeGenerationOf(t.db()) !== undefined;

  it('is exact: every change to the session or its user is seen on the next request', async () => {
    const u = await makeUser(t.db(), 'talent');
    const token = await tokenFor(t.db(), u);
    expect('actor' in (await resolveSession(t.db(), token))).toBe(true);

    // A raw update (no drizzle builder), a data-modifying CTE, a transaction: each is a write.
    await t.db().execute(sql`update users set display_name = ${'改名之后'} where id = ${u.id}`);
    expect(((await resolveSession(t.db(), token)) as { actor: { displayName: string } }).actor.displayName).toBe('改名之后');
    await t.db().execute(sql`with x as (update users set display_name = ${'再改一次'} where id = ${u.id} returning id) select count(*) from x`);
    expect(((await resolveSession(t.db(), token)) as { actor: { displayName: string } }).actor.displayName).toBe('再改一次');

    await t.db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await resolveSession(t.db(), token)).toEqual({ rejected: 'disabled' });
    await t.db().transaction(async (tx) => {
      await tx.update(users).set({ disabledAt: null }).where(eq(users.id, u.id));
    });
    expect('actor' in (await resolveSession(t.db(), token))).toBe(true);

    const second = await tokenFor(t.db(), u);
    expect('actor' in (await resolveSession(t.db(), second))).toBe(true);
    await revokeToken(t.db(), second, 'logout');
    expect(await resolveSession(t.db(), second)).toEqual({ rejected: 'revoked' });

    await t.db().execute(sql`update users set session_version = session_version + 1 where id = ${u.id}`);
    expect(await resolveSession(t.db(), token)).toEqual({ rejected: 'stale' });
    const third = await tokenFor(t.db(), u);
    expect('actor' in (await resolveSession(t.db(), third))).toBe(true);
    await bumpSessionVersion(t.db(), u.id, 'password_change');
    expect(await resolveSession(t.db(), third)).toEqual({ rejected: 'revoked' });
  });

  it('applies the time limits on every request, with no write in between', async () => {
    const u = await makeUser(t.db(), 'talent');
    const token = await tokenFor(t.db(), u);
    expect('actor' in (await resolveSession(t.db(), token))).toBe(true);
    advance(idleTimeoutMs('talent') + 1000);
    expect(await resolveSession(t.db(), token)).toEqual({ rejected: 'idle' });
    const [row] = await t.db().select({ revokedReason: userSessions.revokedReason }).from(userSessions).limit(1);
    expect(row?.revokedReason).toBe('idle_timeout');
  });

  it('on PGlite answers repeated lookups without a query while nothing is written; reads do not invalidate', async () => {
    if (!embedded()) return; // PostgreSQL: nothing is cached (other processes write); the test above holds there too
    const writes = writeGenerationOf(t.db())!;
    const u = await makeUser(t.db(), 'talent');
    const token = await tokenFor(t.db(), u);
    await resolveSession(t.db(), token); // reads the row (or touches last-seen)
    await resolveSession(t.db(), token);
    const before = writes.current();
    const hits = sessionCacheOf(t.db())!.hits;
    for (let i = 0; i < 5; i++) {
      expect('actor' in (await resolveSession(t.db(), token))).toBe(true);
      await t.db().select().from(users).where(eq(users.id, u.id)); // other reads meanwhile
    }
    expect(writes.current()).toBe(before);
    expect(sessionCacheOf(t.db())!.hits - hits).toBe(5);
    await t.db().update(users).set({ locale: 'en' }).where(eq(users.id, u.id));
    expect(writes.current()).toBeGreaterThan(before);
  });
});
