import { spawnSync } from 'node:child_process';
import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { audit, verifyAuditChain } from '@/lib/audit/log';
import { pgErrorCode } from '@/lib/http/errors';
import { setupTestDb } from './helpers/db';

const t = setupTestDb();

async function writeSome(n: number) {
  for (let i = 0; i < n; i++) await audit({ action: 'test.event', result: 'ok', targetType: 'thing', targetId: String(i), detail: { i, nested: { z: 1, a: [1, 'x'] } } });
}

/** Simulates someone with direct database access (the owner lifting the trigger), as a tamper test must. */
async function asDatabaseOwner(fn: () => Promise<unknown>) {
  await t.db().execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  try {
    await fn();
  } finally {
    await t.db().execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  }
}

describe('audit log', () => {
  it('chains rows in order and verifies them', async () => {
    await writeSome(5);
    const rows = await t.db().select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(t.db(), 2)).toMatchObject({ ok: true, rows: 5, lastSeq: 5 });
  });

  it('keeps one chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit({ action: 'test.concurrent', result: 'ok', targetId: String(i) })));
    const report = await verifyAuditChain(t.db());
    expect(report).toMatchObject({ ok: true, rows: 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await writeSome(2);
    for (const stmt of [sql`update audit_log set result = 'denied' where seq = 1`, sql`delete from audit_log where seq = 2`, sql`truncate audit_log`]) {
      const err = await t.db().execute(stmt).then(() => null, (e: unknown) => e);
      expect(err).not.toBeNull();
      expect(pgErrorCode(err)).toBe('42501');
    }
    expect((await verifyAuditChain(t.db())).ok).toBe(true);
  });

  it('rolls back with the domain write it belongs to', async () => {
    const db = t.db();
    await db
      .transaction(async (tx) => {
        await audit({ action: 'test.in_tx', result: 'ok' }, tx);
        throw new Error('domain write failed');
      })
      .catch(() => undefined);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it('reports an edited row', async () => {
    await writeSome(5);
    await asDatabaseOwner(() => t.db().execute(sql`update audit_log set detail = '{"i":99}'::jsonb where seq = 3`));
    const report = await verifyAuditChain(t.db());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ seq: 3, kind: 'edited' }]);
  });

  it('reports a deleted row', async () => {
    await writeSome(5);
    await asDatabaseOwner(() => t.db().execute(sql`delete from audit_log where seq = 2`));
    const report = await verifyAuditChain(t.db());
    expect(report.problems).toContainEqual({ seq: 3, kind: 'missing_before', expectedSeq: 2 });
  });

  it('reports an inserted row, even when its hash was recomputed without the key', async () => {
    await writeSome(3);
    await asDatabaseOwner(async () => {
      await t.db().execute(sql`update audit_log set seq = seq + 1000 where seq >= 2`);
      await t.db().execute(sql`update audit_log set seq = seq - 999 where seq >= 1000`);
      await t.db().execute(
        sql`insert into audit_log (seq, at, action, result, detail, prev_hash, hash) select 2, now(), 'forged', 'ok', '{}'::jsonb, hash, encode(sha256(hash::bytea), 'hex') from audit_log where seq = 1`,
      );
    });
    const report = await verifyAuditChain(t.db());
    expect(report.problems).toContainEqual({ seq: 2, kind: 'edited' });
    expect(report.problems.some((p) => p.seq === 3)).toBe(true);
  });
});

describe('npm run audit:verify', () => {
  it('is wired to the verifier script', () => {
    const pkg = JSON.parse(spawnSync('cat', ['package.json'], { encoding: 'utf8' }).stdout) as { scripts: Record<string, string> };
    expect(pkg.scripts['audit:verify']).toBe('tsx scripts/audit-verify.ts');
  });
});
