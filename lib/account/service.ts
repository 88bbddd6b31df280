import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedOnce } from '@/db/prepared';
import { partyOrgs, users, userSessions, zones } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { LOGIN_LOCK_MS, LOGIN_LOCK_THRESHOLD } from '@/lib/auth/login';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { clearKey, lockedUntil, recordFailure } from '@/lib/rate-limit';
import { checkPassword, policyMessage } from '@/lib/auth/password-policy';
import type { Actor } from '@/lib/auth/permissions';
import { bumpSessionVersion, revokeAllSessions, revokeSession, signedInRowOf, signedInUserColumns } from '@/lib/auth/sessions';
import { now } from '@/lib/clock';
import { decryptField } from '@/lib/crypto/fields';
import { maskPhone } from '@/lib/crypto/mask';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { liveSessionsOf } from './queries';
import type { AccountDto, ChangePasswordInput, SessionDto } from './schemas';

export async function getAccount(actor: Actor | null, locale: Locale): Promise<AccountDto> {
  const me = await authorize(actor, 'account.read');
  const db = await getDb();
  // The row the session lookup read at the start of this request (one query for GET /api/v1/me), else read it.
  const row =
    signedInRowOf(me) ??
    (
      await preparedOnce(db, 'get_account', (d) =>
        d
          .select({ user: signedInUserColumns, zone: zones, org: partyOrgs })
          .from(users)
          .leftJoin(zones, eq(zones.code, users.zoneCode))
          .leftJoin(partyOrgs, eq(partyOrgs.id, users.orgId))
          .where(eq(users.id, sql.placeholder('userId')))
          .limit(1)
      ).execute({ userId: me.id })
    )[0];
  if (!row) throw new AppError('NOT_FOUND');
  const { user, zone, org } = row;
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    email: user.email,
    phone: user.phoneEnc ? maskPhone(decryptField(user.phoneEnc)) : null,
    locale: user.locale,
    zone: zone ? { code: zone.code, name: locale === 'en' ? zone.nameEn : zone.nameZh } : null,
    org: org ? { id: org.id, name: locale === 'en' ? org.nameEn : org.nameZh } : null,
  };
}

export async function listOwnSessions(actor: Actor | null): Promise<SessionDto[]> {
  const me = await authorize(actor, 'sessions.read_own');
  return liveSessionsOf(await getDb(), me.id, me.sessionId);
}

export async function revokeOwnSession(actor: Actor | null, sessionId: string, ip: string): Promise<void> {
  const db = await getDb();
  const [s] = await db.select({ userId: userSessions.userId }).from(userSessions).where(eq(userSessions.id, sessionId)).limit(1);
  // Someone else's session is reported exactly like a missing one (no probing of other users' session ids).
  const me = await authorize(actor, 'sessions.revoke_own', { ownerId: s?.userId ?? null }, { ip, targetType: 'session', targetId: sessionId.slice(0, 12) }).catch((err) => {
    if (actor && err instanceof AppError && err.code === 'FORBIDDEN') throw new AppError('NOT_FOUND');
    throw err;
  });
  await db.transaction(async (tx) => {
    await revokeSession(tx, sessionId, 'revoked_by_user');
    await audit({ action: 'session.revoke', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'session', targetId: sessionId.slice(0, 12), ip }, tx);
  });
}

export async function revokeOtherSessions(actor: Actor | null, ip: string): Promise<number> {
  const me = await authorize(actor, 'sessions.revoke_own', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const count = await revokeAllSessions(tx, me.id, 'revoked_by_user', me.sessionId);
    await audit({ action: 'session.revoke_others', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { count } }, tx);
    return count;
  });
}

/** Requires the current password; on success every other session ends (session_version bump). */
export async function changePassword(actor: Actor | null, input: ChangePasswordInput, ip: string): Promise<void> {
  const me = await authorize(actor, 'account.update', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, me.id)).limit(1);
  if (!user) throw new AppError('NOT_FOUND');
  // A stolen session must not be able to guess the current password: the same 5-failure lockout as login.
  const lockKey = `pw-change:${me.id}`;
  if (await lockedUntil(db, lockKey)) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(LOGIN_LOCK_MS / 1000) });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const { locked } = await recordFailure(db, lockKey, LOGIN_LOCK_THRESHOLD, LOGIN_LOCK_MS);
    await audit({ action: 'account.password_change', result: 'failed', actorId: me.id, actorRole: me.role, ip, detail: { reason: locked ? 'wrong_current+locked' : 'wrong_current' } });
    throw new AppError('WRONG_PASSWORD', { fieldErrors: { currentPassword: ['problem.WRONG_PASSWORD'] } });
  }
  await clearKey(db, lockKey);
  const phone = user.phoneEnc ? decryptField(user.phoneEnc) : null;
  const problems = checkPassword(input.newPassword, { role: user.role, email: user.email, phone, displayName: user.displayName });
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { newPassword: problems.map(policyMessage) } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now() }).where(eq(users.id, me.id));
    await bumpSessionVersion(tx, me.id, 'password_changed', me.sessionId);
    await audit({ action: 'account.password_change', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'user', targetId: me.id, ip }, tx);
  });
}

export async function setOwnLocale(actor: Actor | null, locale: Locale): Promise<void> {
  if (!actor) return;
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
}
