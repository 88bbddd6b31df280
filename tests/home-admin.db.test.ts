/**
 * The administrator's 工作台 figures (issue 13 §1): accounts by role, live sessions, today's failed sign-ins (in
 * Jingdezhen's day), and the audit chain's state with its last check — on a real database, through the services.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '@/db/seed';
import { adminOverview, startOfJdzDay } from '@/lib/admin/overview';
import { attemptLogin } from '@/lib/auth/login';
import { AppError } from '@/lib/http/errors';
import { auditChainState, checkAuditChain } from '@/lib/system/audit-check';
import { setupTestDb } from '@/tests/helpers/db';
import { makeUser, tokenFor } from '@/tests/helpers/factories';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const IP = '198.51.100.4';

beforeAll(async () => {
  await seedReferenceData(t.db());
});

describe('startOfJdzDay', () => {
  it('is midnight in UTC+8 whatever the UTC date', () => {
    expect(startOfJdzDay(new Date('2026-12-04T15:59:59Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(startOfJdzDay(new Date('2026-12-04T16:00:00Z')).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(startOfJdzDay(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('adminOverview', () => {
  it('counts accounts by role, live sessions and failed sign-ins; only a sysadmin may read it', async () => {
    const db = t.db();
    const admin = actorOf(await makeUser(db, 'sysadmin'), null);
    const talent = await makeUser(db, 'talent');
    const before = await adminOverview(admin, IP);

    await tokenFor(db, talent); // one more live session
    const bad = await attemptLogin({ login: talent.email, password: 'wrong-password-1' }, { ip: IP, kind: 'api' });
    expect(bad.ok).toBe(false);
    await makeUser(db, 'zone_staff');

    const after = await adminOverview(admin, IP);
    expect(after.usersByRole.zone_staff).toBe(before.usersByRole.zone_staff + 1);
    expect(after.users).toBe(before.users + 1);
    expect(after.activeSessions).toBe(before.activeSessions + 1);
    expect(after.failedLoginsToday).toBe(before.failedLoginsToday + 1);

    await expect(adminOverview(actorOf(talent, null), IP)).rejects.toBeInstanceOf(AppError);
  });
});

describe('audit chain state', () => {
  it('reports the size and the last check, which the check itself records', async () => {
    const db = t.db();
    const admin = actorOf(await makeUser(db, 'sysadmin'), null);
    const report = await checkAuditChain(admin, IP);
    expect(report.ok).toBe(true);
    const s = await auditChainState(admin, IP);
    expect(s.lastCheck).toMatchObject({ ok: true, rows: report.rows, problems: 0 });
    expect(s.rows).toBeGreaterThan(report.rows); // the check's own row
    const staff = actorOf(await makeUser(db, 'zone_staff'), null);
    await expect(auditChainState(staff, IP)).rejects.toBeInstanceOf(AppError);
  });
});
