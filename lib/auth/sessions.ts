import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { writeGenerationOf, type DbOrTx } from '@/db/client';
import type { GenerationCache } from '@/db/write-generation';
import { preparedOnce } from '@/db/prepared';
import { partyOrgs, users, userSessions, zones } from '@/db/schema';
import { now } from '@/lib/clock';
import { randomToken, sha256 } from '@/lib/crypto/fields';
import { ABSOLUTE_SESSION_MS, idleTimeoutMs, MAX_SESSIONS, type Actor, type Role } from './permissions';

/**
 * Stateful sessions (security.md §2.3). A session secret goes to the client (inside the next-auth JWT cookie, or as
 * an API bearer token); the table keeps only its SHA-256. Every request resolves the secret here, so revocation,
 * disabling, role or scope changes and password changes take effect on the next request.
 */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: DbOrTx,
  user: { id: string; role: Role; sessionVersion: number },
  kind: 'web' | 'api',
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const t = now();
  const token = randomToken(32);
  const sessionId = sha256(token);
  const expiresAt = new Date(t.getTime() + ABSOLUTE_SESSION_MS);
  await db.insert(userSessions).values({
    id: sessionId,
    userId: user.id,
    kind,
    sessionVersion: user.sessionVersion,
    createdAt: t,
    lastSeenAt: t,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 200) ?? null,
  });
  // Concurrent-session cap: the oldest active sessions beyond the cap are ended.
  const active = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt), sql`${userSessions.expiresAt} > ${t.toISOString()}::timestamptz`))
    .orderBy(asc(userSessions.createdAt));
  const excess = active.length - MAX_SESSIONS[user.role];
  for (const s of active.slice(0, Math.max(0, excess))) {
    if (s.id !== sessionId) await revokeSession(db, s.id, 'session_cap');
  }
  return { token, sessionId, expiresAt };
}

export async function revokeSession(db: DbOrTx, sessionId: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now(), revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

export async function revokeToken(db: DbOrTx, token: string, reason: string): Promise<boolean> {
  return revokeSession(db, sha256(token), reason);
}

export async function revokeAllSessions(db: DbOrTx, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now(), revokedReason: reason })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        exceptSessionId ? sql`${userSessions.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** Invalidates every session of a user at once (role, scope, password change, disabling). */
export async function bumpSessionVersion(db: DbOrTx, userId: string, reason: string, keepSessionId?: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await revokeAllSessions(db, userId, reason, keepSessionId);
  if (keepSessionId) {
    await db
      .update(userSessions)
      .set({ sessionVersion: sql`(select ${users.sessionVersion} from ${users} where ${users.id} = ${userId})` })
      .where(eq(userSessions.id, keepSessionId));
  }
}

export type SessionRejection = 'unknown' | 'revoked' | 'expired' | 'idle' | 'disabled' | 'stale';

/** What the session lookup reads of the user: what it checks and what the account shows (never the password hash). */
export const signedInUserColumns = {
  id: users.id,
  role: users.role,
  displayName: users.displayName,
  zoneCode: users.zoneCode,
  orgId: users.orgId,
  disabledAt: users.disabledAt,
  sessionVersion: users.sessionVersion,
  email: users.email,
  phoneEnc: users.phoneEnc,
  locale: users.locale,
};

/** The session with its user, zone and organisation: one prepared query. */
async function readSessionRow(db: DbOrTx, sessionId: string) {
  const [row] = await preparedOnce(db, 'resolve_session', (d) =>
    d
      .select({
        session: userSessions,
        user: signedInUserColumns,
        zone: { code: zones.code, nameZh: zones.nameZh, nameEn: zones.nameEn },
        org: { id: partyOrgs.id, nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn, path: partyOrgs.path },
      })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .leftJoin(zones, eq(zones.code, users.zoneCode))
      .leftJoin(partyOrgs, eq(partyOrgs.id, users.orgId))
      .where(eq(userSessions.id, sql.placeholder('sessionId')))
      .limit(1),
  ).execute({ sessionId });
  return row;
}
type SessionRow = NonNullable<Awaited<ReturnType<typeof readSessionRow>>>;

/**
 * On the embedded database, the session row is read through a cache that any write invalidates (ADR 022): the
 * lookup every signed-in request makes costs no query while nothing has changed. Revocation, logout, a disabled
 * account, a new session version and the minutely last-seen touch are all writes, so none is ever missed; the
 * time checks (expiry, idle timeout) run on every request against the row. Nothing is cached on PostgreSQL.
 */
export function sessionCacheOf(db: DbOrTx): GenerationCache<SessionRow> | undefined {
  return writeGenerationOf(db)?.cache<SessionRow>('sessions');
}

/** Resolves a session secret to the acting user, or says why not. */
export async function resolveSession(db: DbOrTx, token: string): Promise<{ actor: Actor } | { rejected: SessionRejection }> {
  if (!token || token.length > 200) return { rejected: 'unknown' };
  const sessionId = sha256(token);
  const cache = sessionCacheOf(db);
  const row = cache ? await cache.read(sessionId, () => readSessionRow(db, sessionId)) : await readSessionRow(db, sessionId);
  if (!row) return { rejected: 'unknown' };
  const t = now().getTime();
  const { session, user } = row;
  if (session.revokedAt) return { rejected: 'revoked' };
  if (session.expiresAt.getTime() <= t) return { rejected: 'expired' };
  if (t - session.lastSeenAt.getTime() > idleTimeoutMs(user.role)) {
    await revokeSession(db, sessionId, 'idle_timeout');
    return { rejected: 'idle' };
  }
  if (user.disabledAt) return { rejected: 'disabled' };
  if (session.sessionVersion !== user.sessionVersion) return { rejected: 'stale' };
  if (t - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(userSessions).set({ lastSeenAt: new Date(t) }).where(eq(userSessions.id, sessionId));
  }
  const actor: Actor = {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    zoneCode: user.zoneCode,
    orgId: user.orgId,
    orgPath: row.org?.path ?? null,
    sessionId,
  };
  signedInRows.set(actor, { user, zone: row.zone ?? null, org: row.org ?? null });
  return { actor };
}

/**
 * The signed-in user's row (with their zone's and organisation's names) exactly as the session lookup read it at the
 * start of this request, for the services that show the account (GET /api/v1/me, /account): one query per request
 * instead of two (bench api, issue 13 §4). Kept per actor object, so it lives as long as the request's actor and is
 * never shared across requests; a service that changes the row reads it again.
 */
export interface SignedInRow {
  user: { [K in keyof typeof signedInUserColumns]: (typeof users.$inferSelect)[K] };
  zone: { code: string; nameZh: string; nameEn: string } | null;
  org: { id: string; nameZh: string; nameEn: string } | null;
}
const signedInRows = new WeakMap<Actor, SignedInRow>();

export function signedInRowOf(actor: Actor): SignedInRow | undefined {
  return signedInRows.get(actor);
}
