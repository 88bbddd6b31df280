/**
 * tsx --conditions=react-server scripts/bench/search-seed.ts [--mentors 10000]
 *
 * Run by the `search-http` benchmark (scripts/bench/benchmarks/search-http.ts) on its own database after
 * scripts/seed.ts, before the server starts; uses the database the environment names (PGLITE_DIR or DATABASE_URL).
 * Inserts `--mentors` synthetic public mentors without an account (unlinked mentors are always public, so each one is
 * a search document the server's embedded index loads at start through lib/mentors/search-source.ts), in batches,
 * never through the services (no events, no audit rows: this is bulk reference data). Deterministic: faker (zh_CN)
 * with a fixed seed. Crafts, districts, honours, studios, bios and work titles are drawn so that the benchmark's
 * query shapes (a craft word such as 青花, its pinyin, `acceptsApprentices = true`, `district = "珠山区"`, facets)
 * match realistic shares of the corpus. Then VACUUM ANALYZE. Prints one JSON summary line.
 */
import { faker } from '@faker-js/faker/locale/zh_CN';
import { sql } from 'drizzle-orm';
import { openConfigured, type Db } from '@/db/client';
import { mentors } from '@/db/schema';
import { CRAFTS } from '@/lib/talent/crafts';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';
import { arg } from './run-args';
import { runIfMain } from './run-main';

const BATCH = 500;
const PLACES = ['陶溪川', '三宝国际陶艺村', '雕塑瓷厂', '老厂', '名坊园', '湖田', '建国瓷厂', '宇宙瓷厂', '珠山大道', '新厂'];
const HONOURS = ['省级工艺美术大师', '市级工艺美术大师', '省级陶瓷艺术大师', '全国陶瓷行业技术能手', '景德镇市技术能手', '中国陶瓷设计艺术大师'];
const WORKS = ['青花缠枝莲纹瓶', '粉彩花鸟盘', '颜色釉窑变罐', '玲珑茶具', '雕塑观音像', '柴窑烧制茶盏', '薄胎碗', '高温颜色釉梅瓶', '釉上彩山水瓷板', '青花山水将军罐', '手绘花鸟茶壶', '影青刻花碗'];
const SKILLS = ['分水', '勾线', '拉坯', '利坯', '施釉', '彩绘', '烧窑', '雕刻', '造型设计', '配釉'];

/** Inserts `n` synthetic public (unlinked) mentors, deterministically (also used in process by search-run.ts). */
export async function seedSyntheticMentors(db: Db, n: number): Promise<number> {
  faker.seed(20261205);
  // Popular crafts appear more often, as in the district (青花, 粉彩, 颜色釉, 拉坯 …).
  const weighted = CRAFTS.map((c) => ({ value: c, weight: /qinghua|famille|glaze|throwing|sculpture|overglaze/.test(c.code) ? 6 : 1 }));
  let inserted = 0;
  for (let i = 0; i < n; i += BATCH) {
    const rows: (typeof mentors.$inferInsert)[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const craftList = faker.helpers.uniqueArray(() => faker.helpers.weightedArrayElement(weighted), faker.number.int({ min: 1, max: 3 }));
      const main = craftList[0]!;
      const district = faker.helpers.weightedArrayElement(JDZ_DISTRICT_OPTIONS.map((d, k) => ({ value: d, weight: [5, 3, 1, 1, 2][k] ?? 1 })));
      const place = faker.helpers.arrayElement(PLACES);
      const years = faker.number.int({ min: 5, max: 45 });
      const accepts = faker.number.int(99) < 55;
      rows.push({
        displayName: faker.person.fullName(),
        crafts: craftList.map((c) => c.code),
        credentials: faker.number.int(99) < 40 ? [{ kind: 'honour', label: faker.helpers.arrayElement(HONOURS), year: faker.number.int({ min: 1995, max: 2025 }) }] : [],
        district,
        studioLocation: `${place}${faker.number.int({ min: 1, max: 30 })}号工作室`,
        bio: `从事${main.zh}${years}年，擅长${faker.helpers.arrayElements(SKILLS, 2).join('与')}，工作室在${place}。${faker.helpers.arrayElement(['欢迎有基础的年轻人来学习。', '每年带两三名徒弟。', '作品多次参加景德镇国际陶瓷博览会。', '注重传统手工技艺的传承。'])}`,
        works: faker.helpers.arrayElements(WORKS, faker.number.int({ min: 0, max: 3 })).map((title) => ({ title, year: faker.number.int({ min: 2000, max: 2026 }) })),
        acceptsApprentices: accepts,
        maxApprentices: accepts ? faker.number.int({ min: 1, max: 6 }) : 0,
        demo: true,
      });
    }
    await db.insert(mentors).values(rows);
    inserted += rows.length;
  }
  return inserted;
}

async function main() {
  const t0 = performance.now();
  const handle = await openConfigured({ migrate: false });
  const { db } = handle;
  const inserted = await seedSyntheticMentors(db, Number(arg('--mentors') ?? 10_000));
  await db.execute(sql`vacuum analyze mentors`);
  const [row] = await db.select({ n: sql<number>`count(*)::int`, unlinked: sql<number>`(count(*) filter (where ${mentors.talentId} is null))::int` }).from(mentors);
  await handle.close();
  process.stdout.write(`${JSON.stringify({ inserted, mentors: Number(row?.n ?? 0), unlinked: Number(row?.unlinked ?? 0), ms: Math.round(performance.now() - t0) })}\n`);
}

runIfMain(import.meta.filename, main);
