import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { now } from '@/lib/clock';

/**
 * Fixed-window counters in the database (shared by every server instance). `hit` counts one event and says whether
 * the caller is still within `limit` events per `windowMs`.
 */
export async function hit(db: DbOrTx, key: string, limit: number, windowMs: number): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const t = now();
  const windowStart = new Date(t.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: t })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz then ${t.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
  const count = row?.count ?? 1;
  const resetAt = (row?.windowStartedAt ?? t).getTime() + windowMs;
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - t.getTime()) / 1000)) };
}

/** Reads a counter without counting (null when absent or expired). */
export async function peek(db: DbOrTx, key: string, windowMs: number): Promise<number> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row || row.windowStartedAt.getTime() <= now().getTime() - windowMs) return 0;
  return row.count;
}

/** Consecutive-failure lockout: returns the lock end when `key` is locked now. */
export async function lockedUntil(db: DbOrTx, key: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: rateLimits.lockedUntil }).from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  return row?.lockedUntil && row.lockedUntil.getTime() > now().getTime() ? row.lockedUntil : null;
}

/** Counts one consecutive failure; at `threshold` the key is locked for `lockMs` and the counter restarts. */
export async function recordFailure(db: DbOrTx, key: string, threshold: number, lockMs: number): Promise<{ locked: boolean; failures: number }> {
  const t = now();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: t })
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const failures = row?.count ?? 1;
  if (failures >= threshold) {
    await db
      .update(rateLimits)
      .set({ lockedUntil: new Date(t.getTime() + lockMs), count: 0, windowStartedAt: t })
      .where(and(eq(rateLimits.key, key)));
    return { locked: true, failures };
  }
  return { locked: false, failures };
}

export async function clearKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
