import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { userSessions } from '@/db/schema';
import { now } from '@/lib/clock';
import type { SessionDto } from './schemas';

/**
 * Reads of the account domain that other domains may use (ADR 010): no authorization here — the caller has
 * authorized the read (its own `sessions.read_own`, the admin's `sessions.read_any`).
 */

/** A user's live sessions (not revoked, not expired), most recently used first; `currentId` marks the caller's. */
/** A session is live while neither revoked nor expired (one condition for the lists and the administrator's count). */
export const liveSession = () => and(isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now()));

export async function liveSessionsOf(db: DbOrTx, userId: string, currentId?: string): Promise<SessionDto[]> {
  const rows = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), liveSession()))
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.map((s) => toSessionDto(s, currentId));
}

export function toSessionDto(s: typeof userSessions.$inferSelect, currentId?: string): SessionDto {
  return {
    id: s.id,
    kind: s.kind,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentId,
  };
}
