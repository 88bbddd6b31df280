import 'server-only';
import { and, count, eq, gte, isNotNull, like, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, users, userSessions } from '@/db/schema';
import { liveSession } from '@/lib/account/queries';
import { authorize } from '@/lib/auth/authorize';
import { ROLES, type Actor, type Role } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';

export interface AdminOverview {
  usersByRole: Record<Role, number>;
  users: number;
  disabled: number;
  activeSessions: number;
  failedLoginsToday: number;
  lockedToday: number;
}

/** Midnight today in Jingdezhen (UTC+8, no daylight saving), as an instant. */
export function startOfJdzDay(at: Date): Date {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3600_000);
}

/** The administrator's 工作台 figures (issue 13 §1): accounts by role, live sessions, today's failed sign-ins. */
export async function adminOverview(actor: Actor | null, ip: string): Promise<AdminOverview> {
  await authorize(actor, 'users.read', undefined, { ip });
  const db = await getDb();
  const since = startOfJdzDay(now());
  const [byRole, [disabled], [sessions], [failed], [locked]] = await Promise.all([
    db.select({ role: users.role, n: count() }).from(users).groupBy(users.role),
    db.select({ n: count() }).from(users).where(isNotNull(users.disabledAt)),
    db.select({ n: count() }).from(userSessions).where(liveSession()),
    db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.result, 'failed'), gte(auditLog.at, since))),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.result, 'failed'), gte(auditLog.at, since), like(sql`${auditLog.detail}->>'reason'`, '%+locked'))),
  ]);
  const usersByRole = Object.fromEntries(ROLES.map((r) => [r, byRole.find((x) => x.role === r)?.n ?? 0])) as Record<Role, number>;
  return {
    usersByRole,
    users: Object.values(usersByRole).reduce((a, b) => a + b, 0),
    disabled: disabled?.n ?? 0,
    activeSessions: sessions?.n ?? 0,
    failedLoginsToday: failed?.n ?? 0,
    lockedToday: locked?.n ?? 0,
  };
}
