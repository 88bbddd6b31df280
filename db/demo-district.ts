import { faker as zhFaker } from '@faker-js/faker/locale/zh_CN';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import { demoBlobKey, demoMaterialPdf } from './demo-materials';
import { applicationMaterials, consents, policyApplications, talentProfiles, users } from './schema';
import { syntheticProfile } from './synthetic';
import { isOneOff, periodKeyFor } from '@/lib/policy-matching/benefits';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { versionInForce } from '@/lib/policy-matching/model';
import { blindIndex, encryptField } from '@/lib/crypto/fields';
import { noticeHash } from '@/lib/talent/notice-hash';
import { sanitizeFileName } from '@/lib/uploads/filename';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import { toCanonical, type ProfileColumns } from '@/lib/talent/profile-mapping';

/**
 * A district in use (issue 13 §2), for `npm run demo` only (the test suites keep their small, exact seed): a few
 * hundred deterministic talents registered over the past year across crafts, districts and arrival dates, and their
 * applications in every status — submitted, approved (with the benefit recorded on the profile, as the staff's
 * 二次确认 does), rejected with a reason, withdrawn — dated over the same year, each for a policy the talent was
 * eligible for when they applied (the evaluator decides, not a dice roll). Names and figures are invented demo data.
 *
 * Each application carries a file per listed material (db/demo-materials.ts: a one-page PDF marked 演示材料), put
 * through the storage the upload pipeline uses (lib/storage, `STORAGE_DIR` or S3) with the same application_materials
 * row an upload attached on submission leaves, so staff open them beside the application like real ones.
 */

const DAY = 86_400_000;
const REJECT_REASONS = ['社保缴纳月数证明与系统记录不一致，请补充材料后重新申请', '工作室租赁合同已过期，请上传续签合同', '营业执照注册地不在本区，不符合申请条件', '申请材料照片不清晰，无法核验'];

export interface DemoDistrictOptions {
  talents: number;
  now: Date;
  /** Staff who decide applications, by zone code (their decisions are dated and attributed). */
  deciders: Record<string, string>;
  passwordHash: string;
  /** Attach generated material files (default true). */
  materials?: boolean;
}

/** Idempotent: talents are keyed by e-mail (resident-N@demo.local); a second run adds nothing. */
export async function seedDemoDistrict(db: Db, opts: DemoDistrictOptions): Promise<{ talents: number; applications: number }> {
  const faker = zhFaker;
  faker.seed(20261204);
  const emails = Array.from({ length: opts.talents }, (_, i) => `resident-${String(i + 1).padStart(3, '0')}@demo.local`);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  if (existing.length >= opts.talents) return { talents: 0, applications: 0 };

  // Loaded only here: lib/storage is server-only (the seed runs with --conditions=react-server, tests stub it).
  const storage = opts.materials === false ? null : (await import('@/lib/storage/storage')).getStorage();
  const nowMs = opts.now.getTime();
  const yearAgo = nowMs - 365 * DAY;
  let applications = 0;
  let created = 0;
  for (let i = 0; i < opts.talents; i++) {
    // Registrations grow over the year (a portal that is being discovered): later months get more people.
    const registeredAt = new Date(yearAgo + Math.sqrt(faker.number.float({ min: 0, max: 1 })) * 365 * DAY);
    const name = faker.person.fullName();
    const phone = `15${String(907000000 + i).padStart(9, '0')}`;
    const [u] = await db
      .insert(users)
      .values({ email: emails[i]!, displayName: name, role: 'talent', phoneIndex: blindIndex('phone', phone), phoneEnc: encryptField(phone), passwordHash: opts.passwordHash, createdAt: registeredAt, updatedAt: registeredAt })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!u) continue;
    created++;
    const profile = { ...syntheticProfile(faker, u.id, name), createdAt: registeredAt, updatedAt: registeredAt };
    await db.insert(talentProfiles).values(profile);
    await db.insert(consents).values([
      { userId: u.id, kind: 'profile' as const, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash('profile'), grantedAt: registeredAt },
      ...(faker.number.int(99) < 60 ? [{ userId: u.id, kind: 'sensitive' as const, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash('sensitive'), grantedAt: registeredAt }] : []),
    ]);

    // Applications: some of the policies this talent was eligible for, applied for after registering.
    const canonical = toCanonical(profile as unknown as ProfileColumns);
    const appliedOn = new Date(registeredAt.getTime() + faker.number.int({ min: 1, max: 60 }) * DAY);
    if (appliedOn.getTime() > nowMs) continue;
    const on = appliedOn.toISOString().slice(0, 10);
    const results = evaluateAll(canonical, CATALOGUE, EXCLUSION_GROUPS, on, { explain: false });
    const candidates = results.filter((r) => r.status === 'ELIGIBLE' && r.version);
    const picks = faker.helpers.arrayElements(candidates, { min: 0, max: Math.min(2, candidates.length) });
    for (const r of picks) {
      const policy = CATALOGUE.find((p) => p.code === r.policyCode)!;
      const version = versionInForce(policy, on);
      if (!version) continue;
      const status = faker.helpers.weightedArrayElement([
        { weight: 25, value: 'submitted' as const },
        { weight: 50, value: 'approved' as const },
        { weight: 15, value: 'rejected' as const },
        { weight: 10, value: 'withdrawn' as const },
      ]);
      const decidedAt = status === 'submitted' ? null : new Date(Math.min(nowMs - DAY, appliedOn.getTime() + faker.number.int({ min: 1, max: 21 }) * DAY));
      // An application still waiting was made recently (nobody leaves one waiting for a year).
      const createdAt = status === 'submitted' ? new Date(Math.max(appliedOn.getTime(), nowMs - faker.number.int({ min: 1, max: 25 }) * DAY)) : appliedOn;
      const zone = profile.zoneCode ?? null;
      const [app] = await db.insert(policyApplications).values({
        talentId: u.id,
        policyCode: policy.code,
        version: version.version,
        origin: 'applied',
        status,
        periodKey: periodKeyFor(version.benefit, on),
        zoneCode: zone,
        materials: (version.application?.materials ?? []).map((m) => ({ code: m.code, provided: true, note: null })),
        evaluation: { status: r.status, evalDate: on, criteria: [], amountEstimate: r.amountEstimate ?? null, demo: true },
        amountEstimate: r.amountEstimate ?? null,
        decidedBy: status === 'approved' || status === 'rejected' ? (zone ? (opts.deciders[zone] ?? null) : null) : null,
        decidedAt,
        decisionReason: status === 'rejected' ? faker.helpers.arrayElement(REJECT_REASONS) : null,
        createdAt,
        updatedAt: decidedAt ?? createdAt,
      }).returning({ id: policyApplications.id });
      applications++;
      const listed = version.application?.materials ?? [];
      if (storage && listed.length) {
        // Uploaded shortly before submitting; written to storage first, then the rows (as the upload route does).
        const files = listed.map((m) => {
          const key = demoBlobKey(emails[i]!, policy.code, version.version, m.code);
          const bytes = demoMaterialPdf({ nameZh: m.name_zh, nameEn: m.name_en, applicant: name, policyCode: policy.code, date: createdAt.toISOString().slice(0, 10) });
          return { m, key, bytes };
        });
        await Promise.all(files.map((f) => storage.put(f.key, f.bytes, { contentType: 'application/pdf' })));
        await db.insert(applicationMaterials).values(
          files.map((f) => ({
            talentId: u.id,
            policyCode: policy.code,
            materialCode: f.m.code,
            applicationId: app!.id,
            storageKey: f.key,
            contentType: 'application/pdf',
            size: f.bytes.byteLength,
            fileName: `${sanitizeFileName(`${f.m.name_zh}（演示材料）`, 90)}.pdf`,
            uploadedAt: new Date(createdAt.getTime() - 10 * 60_000),
          })),
        );
      }
      if (status === 'approved') {
        const date = decidedAt!.toISOString().slice(0, 10);
        const field = isOneOff(version.benefit) ? sql`received = coalesce(received, '[]'::jsonb) || ${JSON.stringify([{ policy_id: policy.code, date }])}::jsonb` : sql`receiving = coalesce(receiving, '[]'::jsonb) || ${JSON.stringify([{ policy_id: policy.code, since: date }])}::jsonb`;
        await db.execute(sql`update talent_profiles set ${field}, updated_at = ${decidedAt!.toISOString()} where user_id = ${u.id}`);
      }
    }
  }
  return { talents: created, applications };
}
