import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { blindIndex } from '@/lib/crypto/fields';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { clearKey, hit, lockedUntil, recordFailure } from '@/lib/rate-limit';
import { parseLogin } from './identifiers';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password';
import type { Role } from './permissions';
import { createSession } from './sessions';

/** Lockout and throttle parameters (issue: 5 consecutive failures → 15 minutes; per-IP throttle in the database). */
export const LOGIN_LOCK_THRESHOLD = 5;
export const LOGIN_LOCK_MS = 15 * 60_000;
function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
/** Failed-or-not login attempts allowed per client address (IPv6: per /64) in 15 minutes; invalid values fall back to 50. */
export const LOGIN_IP_LIMIT = positiveInt(process.env.LOGIN_IP_LIMIT, 50);
export const LOGIN_IP_WINDOW_MS = 15 * 60_000;

export type LoginResult =
  | { ok: true; user: { id: string; role: Role; displayName: string }; token: string; sessionId: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export function loginIdentifierKey(login: string): string {
  const parsed = parseLogin(login);
  return `login-id:${blindIndex('login', parsed ? `${parsed.kind}:${parsed.value}` : `raw:${login.normalize('NFKC').trim().toLowerCase()}`)}`;
}

/**
 * The one login path for the browser (next-auth Credentials) and the API (POST /api/v1/auth/login).
 * Unknown account, wrong password, disabled account and locked identifier all answer { reason: 'invalid' } after
 * the same argon2 work, so responses and timing do not reveal which one it was.
 */
export async function attemptLogin(
  input: { login: string; password: string },
  meta: { ip: string; userAgent?: string | null; kind: 'web' | 'api' },
): Promise<LoginResult> {
  const db = await getDb();
  const ipKey = `login-ip:${rateLimitKeyForIp(meta.ip)}`;
  const idKey = loginIdentifierKey(input.login);
  const base = { action: 'auth.login', ip: meta.ip, detail: { channel: meta.kind } };

  // Per-IP throttle first, before any hashing work (counts attempts, successes included).
  const ipHit = await hit(db, ipKey, LOGIN_IP_LIMIT, LOGIN_IP_WINDOW_MS);
  if (!ipHit.allowed) {
    await audit({ ...base, result: 'denied', detail: { ...base.detail, reason: 'ip_throttled' } });
    return { ok: false, reason: 'throttled', retryAfterSeconds: ipHit.retryAfterSeconds };
  }

  const password = input.password.slice(0, 512);
  const fail = async (reason: string, userId: string | null, countFailure = true) => {
    if (countFailure) {
      const { locked } = await recordFailure(db, idKey, LOGIN_LOCK_THRESHOLD, LOGIN_LOCK_MS);
      if (locked) reason = `${reason}+locked`;
    }
    await audit({ ...base, result: 'failed', actorId: userId, targetType: 'user', targetId: userId, detail: { ...base.detail, reason } });
    return { ok: false as const, reason: 'invalid' as const };
  };

  const parsed = parseLogin(input.login);
  const [user] = parsed
    ? await db
        .select()
        .from(users)
        .where(parsed.kind === 'email' ? eq(users.email, parsed.value) : eq(users.phoneIndex, blindIndex('phone', parsed.value)))
        .limit(1)
    : [];

  // The account is looked up first so that attempts on a locked account are audited against it (the answer is the same).
  if (await lockedUntil(db, idKey)) {
    await dummyVerify(password);
    return fail('locked', user?.id ?? null, false);
  }
  if (!user) {
    await dummyVerify(password);
    return fail('unknown_account', null);
  }
  if (!(await verifyPassword(user.passwordHash, password))) return fail('wrong_password', user.id);
  if (user.disabledAt) return fail('disabled', user.id, false);

  await clearKey(db, idKey);
  if (needsRehash(user.passwordHash)) {
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
  }
  const session = await createSession(db, user, meta.kind, { ip: meta.ip, userAgent: meta.userAgent });
  await audit({ ...base, result: 'ok', actorId: user.id, actorRole: user.role, targetType: 'user', targetId: user.id });
  return { ok: true, user: { id: user.id, role: user.role, displayName: user.displayName }, ...session };
}
