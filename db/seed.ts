import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { eq } from 'drizzle-orm';
import { consents, partyMembers, partyOrgs, talentProfiles, users, zones } from './schema';
import { DEMO_PARTY_MEMBERS, DEMO_TALENT_PROFILES, DEMO_USERS, EXTRA_USERS, orgPath, PARTY_ORGS, ZONES } from './seed-data';
import { noticeHash } from '@/lib/talent/notice-hash';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import { zoneForDistrict } from '@/lib/talent/zones';
import { blindIndex, encryptField, randomToken } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { jdzToday } from '@/lib/clock';
import { partyNoticeHash } from '@/lib/party/notice-hash';
import { PARTY_NOTICE_VERSION } from '@/lib/party/privacy-notice';
import { hashPassword } from '@/lib/auth/password';
import { isProductionDeployment } from '@/lib/env';
import { seedCatalogue } from '@/lib/policies/store';
import { seedDemoDues } from './seed-party-dues';
import { seedDemoMobile } from './seed-party-mobile';
import { seedDemoActivities } from './seed-party-activities';
import { seedDemoSpaces } from './seed-bookings';
import { seedDemoMentors } from './seed-mentors';
import { CATALOGUE as SEED_CATALOGUE, EXCLUSION_GROUPS as SEED_EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';

/** Zones, Party organisations and the policy catalogue: reference data every environment needs. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await db.insert(zones).values([...ZONES]).onConflictDoNothing();
  for (const o of PARTY_ORGS) {
    const { id: _id, parentId: _parentId, code: _code, kind: _kind, nameZh: _nameZh, nameEn: _nameEn, ...attributes } = o;
    await db
      .insert(partyOrgs)
      // A check-in token is a credential: random, never part of the deterministic seed (none for organisations outside).
      .values({ ...o, path: orgPath(o.id), qrToken: o.isExternal ? null : randomToken(24), qrRotatedAt: o.isExternal ? null : new Date() })
      // A database seeded before issue 9 gets the types, flags and contact points — only where nobody has set any yet.
      .onConflictDoUpdate({
        target: partyOrgs.id,
        set: attributes,
        setWhere: sql`${partyOrgs.status} = 'ACTIVE' and ${partyOrgs.contactPerson} is null and not (${partyOrgs.mayIssue} or ${partyOrgs.mayReceive} or ${partyOrgs.hasProbationaryApproval})`,
      });
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
  await seedDemoPartyMembers(db);
  await seedDemoDues(db);
  await seedDemoMobile(db);
  await seedDemoActivities(db);
  await seedDemoSpaces(db);
  await seedDemoMentors(db);
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

/**
 * Demo Party members (idempotent): encrypted ID number, phone and dues base like the service writes them; the two
 * linked talents get the separate Party consent first. Dues months are counted back from the current Jingdezhen month.
 */
export async function seedDemoPartyMembers(db: Db): Promise<void> {
  const today = jdzToday();
  const monthsBack = (n: number) => {
    const i = today.y * 12 + (today.m - 1) - n;
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  };
  for (const m of DEMO_PARTY_MEMBERS) {
    let userId: string | null = null;
    if (m.userEmail) {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, m.userEmail)).limit(1);
      if (u) {
        userId = u.id;
        await db.insert(consents).values({ userId, kind: 'party', noticeVersion: PARTY_NOTICE_VERSION, noticeHash: partyNoticeHash(), grantedAt: new Date() }).onConflictDoNothing();
      }
    }
    await db
      .insert(partyMembers)
      .values({
        id: m.id,
        userId,
        name: m.name,
        gender: Number(m.idCardNo[16]) % 2 === 1 ? 'male' : 'female',
        ethnicity: m.ethnicity ?? '汉族',
        idCardEnc: encryptField(m.idCardNo),
        idCardBlind: blindIndex('party_id_card', m.idCardNo),
        idCardMasked: maskIdNumber(m.idCardNo)!,
        phoneEnc: encryptField(m.phone),
        phoneMasked: maskPhone(m.phone),
        membershipType: m.membershipType,
        joinDate: m.joinDate,
        probationEndDate: m.probationEndDate,
        regularDate: m.regularDate,
        formalOrgId: m.formalOrgId,
        lastDuesMonth: monthsBack(m.duesMonthsBehind),
        duesBaseType: m.duesBaseType,
        duesBaseAmountEnc: encryptField(m.duesBaseAmount),
        createdFrom: 'register',
      })
      .onConflictDoNothing();
  }
}
