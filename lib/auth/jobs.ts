import 'server-only';
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { rateLimits, userSessions } from '@/db/schema';
import { defineJob, defineRecurring } from '@/lib/jobs/registry';

/**
 * Expiry of the platform's own bookkeeping (issue 14 §2, run by the jobs of issue 8), hourly:
 * - `rate_limits` windows last at most 15 minutes and lockouts 15 minutes: rows idle for a day are dropped;
 * - `user_sessions` that expired or were revoked more than 30 days ago are dropped (the account page lists a
 *   month of ended sessions; the audit log keeps the logins for good).
 */
export const RATE_LIMIT_RETENTION_MS = 86_400_000;
export const SESSION_RETENTION_MS = 30 * 86_400_000;

export const expireAuthRowsJob = defineJob({
  type: 'auth.expire_rows',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  async handler(_p, { db, now }) {
    const limitsBefore = new Date(now.getTime() - RATE_LIMIT_RETENTION_MS);
    const sessionsBefore = new Date(now.getTime() - SESSION_RETENTION_MS);
    const limits = await db
      .delete(rateLimits)
      .where(and(lt(rateLimits.windowStartedAt, limitsBefore), or(isNull(rateLimits.lockedUntil), lt(rateLimits.lockedUntil, limitsBefore))))
      .returning({ key: rateLimits.key });
    const sessions = await db
      .delete(userSessions)
      .where(or(lt(userSessions.expiresAt, sessionsBefore), and(isNotNull(userSessions.revokedAt), lt(userSessions.revokedAt, sessionsBefore))))
      .returning({ id: userSessions.id });
    return { rateLimits: limits.length, sessions: sessions.length };
  },
});

defineRecurring({ name: 'auth.expire_rows.hourly', schedule: { everyMs: 3_600_000 }, type: expireAuthRowsJob.type, payload: {} });
