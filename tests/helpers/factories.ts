import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consents, talentProfiles, users } from '@/db/schema';
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

/** A talent with a profile in a zone (jkq = 经开区, zsq = 珠山区) and both consents unless told otherwise. */
export async function makeTalent(
  db: Db,
  opts: { zone?: 'jkq' | 'zsq' | null; sensitive?: boolean; profile?: Partial<typeof talentProfiles.$inferInsert>; phone?: string; email?: string } = {},
): Promise<TestUser> {
  const u = await makeUser(db, 'talent', { phone: opts.phone, email: opts.email });
  const zone = opts.zone === undefined ? 'jkq' : opts.zone;
  await db.insert(talentProfiles).values({
    userId: u.id,
    legalName: `人才${u.id.slice(0, 4)}`,
    nationality: 'CN',
    residenceDistrict: zone === 'jkq' ? '经开区' : zone === 'zsq' ? '珠山区' : '昌江区',
    zoneCode: zone,
    ...opts.profile,
  });
  const t = new Date();
  await db.insert(consents).values([
    { userId: u.id, kind: 'profile', noticeVersion: 'test', noticeHash: 'test', grantedAt: t },
    ...(opts.sensitive === false ? [] : [{ userId: u.id, kind: 'sensitive' as const, noticeVersion: 'test', noticeHash: 'test', grantedAt: t }]),
  ]);
  return u;
}

let pngCache: Promise<Buffer> | undefined;
/** A small real PNG for upload tests. */
export function samplePng(): Promise<Buffer> {
  pngCache ??= import('sharp').then(({ default: sharp }) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 80, b: 160 } } }).png().toBuffer());
  return pngCache;
}
