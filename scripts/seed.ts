/**
 * npm run seed                 reference data + demo accounts (idempotent; refused in production)
 * npm run seed -- --scale N    plus N synthetic talents for benchmarks, with a progress bar
 * npm run seed -- --if-empty   only when the database has no users yet (used by npm run demo)
 * npm run seed -- --demo       plus a district in use: 300 talents over a year with applications in every status
 */
import { SingleBar, Presets } from 'cli-progress';
import { faker } from '@faker-js/faker/locale/zh_CN';
import { inArray, sql } from 'drizzle-orm';
import { openConfigured } from '@/db/client';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { consents, talentProfiles, users } from '@/db/schema';
import { syntheticProfile } from '@/db/synthetic';
import { seedDemoDistrict } from '@/db/demo-district';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { now } from '@/lib/clock';
import { DEMO_PASSWORD } from '@/db/seed-data';
import { hashPassword } from '@/lib/auth/password';
import { blindIndex, encryptField } from '@/lib/crypto/fields';
import { noticeHash } from '@/lib/talent/notice-hash';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';

function parseArgs(argv: string[]) {
  const out: { scale: number; ifEmpty: boolean; demo: boolean } = { scale: 0, ifEmpty: false, demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--if-empty') out.ifEmpty = true;
    else if (a === '--demo') out.demo = true;
    else if (a === '--scale' || a?.startsWith('--scale=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 5_000_000) {
        console.error(`--scale needs a whole number between 0 and 5,000,000 (got "${v}") / --scale 需要 0–5,000,000 之间的整数`);
        process.exit(2);
      }
      out.scale = n;
    } else {
      console.error(`Unknown argument: ${a} / 未知参数：${a}`);
      process.exit(2);
    }
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const handle = await openConfigured({ migrate: true });
  try {
    const { db } = handle;
    await assertMasterKey(db); // seeding under another key would mix unreadable rows into the data (issue 14 §1)
    if (args.ifEmpty) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      if ((row?.n ?? 0) > 0) {
        console.log(`Database already seeded (${row?.n} users) — reusing it.`);
        return;
      }
    }
    await seedReferenceData(db);
    const total = await seedDemoAccounts(db, DEMO_PASSWORD);
    console.log(`Seeded reference data and demo accounts (${total} users).`);
    if (args.demo) {
      const staff = await db.select({ id: users.id, zone: users.zoneCode }).from(users).where(inArray(users.email, ['staff@demo.local', 'staff2@demo.local']));
      const deciders = Object.fromEntries(staff.filter((s) => s.zone).map((s) => [s.zone!, s.id]));
      const out = await seedDemoDistrict(db, { talents: 300, now: now(), deciders, passwordHash: await hashPassword(DEMO_PASSWORD) });
      if (out.talents) console.log(`Demo district: ${out.talents} talents, ${out.applications} applications over the past year.`);
    }
    if (args.scale > 0) await seedScale(handle.db, args.scale);
  } finally {
    await handle.close();
  }
}

/** Synthetic talents in batches; one shared password hash (argon2 per row would take minutes). */
async function seedScale(db: Awaited<ReturnType<typeof openConfigured>>['db'], n: number) {
  faker.seed(20261127);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const bar = new SingleBar({ format: 'talents |{bar}| {value}/{total} {percentage}% eta {eta}s' }, Presets.shades_classic);
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.email} like 'synthetic-%'`);
  const start = existing?.n ?? 0;
  bar.start(n, Math.min(start, n));
  const BATCH = 1000;
  for (let i = start; i < n; i += BATCH) {
    const rows = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const phone = `13${String(700000000 + j).padStart(9, '0')}`;
      rows.push({
        email: `synthetic-${j}@scale.local`,
        phoneIndex: blindIndex('phone', phone),
        phoneEnc: encryptField(phone),
        displayName: faker.person.fullName(),
        role: 'talent' as const,
        passwordHash,
      });
    }
    const inserted = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id, name: users.displayName });
    if (inserted.length) {
      await db.insert(talentProfiles).values(inserted.map((u) => syntheticProfile(faker, u.id, u.name))).onConflictDoNothing();
      const t = new Date();
      await db.insert(consents).values(inserted.map((u) => ({ userId: u.id, kind: 'profile' as const, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash('profile'), grantedAt: t })));
    }
    bar.update(Math.min(n, i + BATCH));
  }
  bar.stop();
  console.log(`Synthetic talents: ${n}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
