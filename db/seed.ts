import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { eq } from 'drizzle-orm';
import { consents, partyOrgs, talentProfiles, users, zones } from './schema';
import { DEMO_TALENT_PROFILES, DEMO_USERS, EXTRA_USERS, orgPath, PARTY_ORGS, ZONES } from './seed-data';
import { noticeHash } from '@/lib/talent/notice-hash';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import { zoneForDistrict } from '@/lib/talent/zones';
import { blindIndex, encryptField } from '@/lib/crypto/fields';
import { hashPassword } from '@/lib/auth/password';
import { isProductionDeployment } from '@/lib/env';
import { seedCatalogue } from '@/lib/policies/store';
import { CATALOGUE as SEED_CATALOGUE, EXCLUSION_GROUPS as SEED_EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';

/** Zones, Party organisations and the policy catalogue: reference data every environment needs. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.insert(zones).values([...ZONES]).onConflictDoNothing();
  for (const o of PARTY_ORGS) {
    await db
      .insert(partyOrgs)
      .values({ ...o, path: orgPath(o.id) })
      .onConflictDoNothing();
  }
  // The shipped policy catalogue (§6.4): reference data like the zones; most of it is labelled demo data.
  await seedCatalogue(db, SEED_CATALOGUE, SEED_EXCLUSION_GROUPS);
}

type SeedUser = { email: string; phone: string | null; displayName: string; role: (typeof users.$inferInsert)['role']; zoneCode: string | null; orgId: string | null };

export async function insertUser(db: Db, u: SeedUser, passwordHash: string): Promise<void> {
  await db
    .insert(users)
    .values({
      email: u.email,
      phoneIndex: u.phone ? blindIndex('phone', u.phone) : null,
      phoneEnc: u.phone ? encryptField(u.phone) : null,
      displayName: u.displayName,
      role: u.role,
      zoneCode: u.zoneCode,
      orgId: u.orgId,
      passwordHash,
    })
    .onConflictDoNothing();
}

/** Demo accounts for every role (password Jingpiao-2026). Refused in production. Idempotent. */
export async function seedDemoAccounts(db: Db, password: string): Promise<number> {
  if (isProductionDeployment()) throw new Error('Refusing to create demo accounts in production (APP_ENV/NODE_ENV=production).');
  const passwordHash = await hashPassword(password);
  const all: SeedUser[] = [...DEMO_USERS, ...EXTRA_USERS];
  for (const u of all) await insertUser(db, u, passwordHash);
  await seedDemoTalentProfiles(db);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** Profiles and consents for the seeded talents (idempotent). */
export async function seedDemoTalentProfiles(db: Db): Promise<void> {
  for (const [email, profile] of Object.entries(DEMO_TALENT_PROFILES)) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (!u) continue;
    const values = { ...profile, userId: u.id, zoneCode: zoneForDistrict(profile.residenceDistrict as string | undefined) } as typeof talentProfiles.$inferInsert;
    await db.insert(talentProfiles).values(values).onConflictDoNothing();
    const t = new Date();
    for (const kind of ['profile', 'sensitive'] as const) {
      await db.insert(consents).values({ userId: u.id, kind, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash(kind), grantedAt: t }).onConflictDoNothing();
    }
  }
}
