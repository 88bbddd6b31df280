import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/permissions';
import { createSession } from '@/lib/auth/sessions';
import { blindIndex, encryptField } from '@/lib/crypto/fields';

export const TEST_PASSWORD = 'Kiln-Fire-2026!';
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  zoneCode: string | null;
  orgId: string | null;
  sessionVersion: number;
}

/** Default scope per role: zone_staff → 经开区 (jkq); branch_secretary → 景漂陶瓷流动党员党支部. */
export async function makeUser(db: Db, role: Role, overrides: Partial<{ email: string; phone: string; zoneCode: string | null; orgId: string | null; displayName: string; password: string }> = {}): Promise<TestUser> {
  const email = overrides.email ?? `${role}-${crypto.randomBytes(4).toString('hex')}@test.local`;
  const passwordHash = overrides.password ? await hashPassword(overrides.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const [u] = await db
    .insert(users)
    .values({
      email,
      displayName: overrides.displayName ?? `测试${role}`,
      role,
      zoneCode: overrides.zoneCode !== undefined ? overrides.zoneCode : role === 'zone_staff' ? 'jkq' : null,
      orgId: overrides.orgId !== undefined ? overrides.orgId : role === 'branch_secretary' ? ORG_IDS.jingpiaoBranch : null,
      phoneIndex: overrides.phone ? blindIndex('phone', overrides.phone) : null,
      phoneEnc: overrides.phone ? encryptField(overrides.phone) : null,
      passwordHash,
    })
    .returning();
  return { id: u!.id, email, role, zoneCode: u!.zoneCode, orgId: u!.orgId, sessionVersion: u!.sessionVersion };
}

/** A fresh API session for the user (no argon2 work): returns the bearer token. */
export async function tokenFor(db: Db, user: Pick<TestUser, 'id'>): Promise<string> {
  const [u] = await db.select().from(users).where(eq(users.id, user.id)).limit(1);
  const { token } = await createSession(db, u!, 'api', { ip: '127.0.0.1', userAgent: 'vitest' });
  return token;
}

export const bearer = (token: string | null | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
