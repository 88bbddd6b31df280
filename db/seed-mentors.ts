import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { MENTOR_IDS } from './seed-mentors-ids';
import { mentors, users, type NewMentor } from './schema';

export { MENTOR_IDS };

/**
 * Demo mentors (issue 12 §1) across the crafts a 景漂 asks about — 青花分水, 青花勾线, 粉彩, 颜色釉, 雕塑, 陶艺设计,
 * 柴窑烧成. Every name, honour and studio detail is modelled demo data (`demo`, labelled as such wherever shown); the
 * places (陶溪川, 三宝, 雕塑瓷厂, 陶阳里) are real. Seven are recorded by staff without an account (their credentials
 * show as "recorded", not verified); two belong to demo talents (林青瓷, 周窑), whose crafts, honours, ICH status and
 * works come from their profiles with the verification state. Fixed ids (the crawl and the e2e open them).
 * Idempotent (on conflict do nothing). Returns how many were inserted.
 */
const UNLINKED: (NewMentor & { id: string })[] = [
  {
    id: MENTOR_IDS.wangQinglan,
    displayName: '汪青岚',
    crafts: ['qinghua_fill', 'qinghua_outline'],
    credentials: [
      { kind: 'honour', label: '江西省工艺美术大师', year: 2016 },
      { kind: 'title', label: '正高级工艺美术师', year: 2014 },
    ],
    district: '珠山区',
    studioLocation: '陶溪川文创街区 B 区 12 号',
    bio: '从事青花分水三十余年，擅长山水与缠枝纹样的混水层次。工作室每年接收少量徒弟，从料性、笔性讲起，协议期一般两年。',
    works: [
      { title: '青花分水山水梅瓶', year: 2023 },
      { title: '青花缠枝莲纹大盘', year: 2021 },
    ],
    acceptsApprentices: true,
    maxApprentices: 40,
  },
  {
    id: MENTOR_IDS.fangSuxin,
    displayName: '方素心',
    crafts: ['qinghua_outline'],
    credentials: [{ kind: 'honour', label: '景德镇市工艺美术大师', year: 2019 }],
    district: '珠山区',
    studioLocation: '陶阳里御窑景区东侧',
    bio: '青花勾线，以细线人物见长。今年名额已满，暂不接收新的拜师申请。',
    works: [{ title: '青花高士图笔筒', year: 2022 }],
    acceptsApprentices: false,
    maxApprentices: 0,
  },
  {
    id: MENTOR_IDS.chengYutong,
    displayName: '程雨桐',
    crafts: ['famille_rose', 'gilding'],
    credentials: [{ kind: 'honour', label: '景德镇市工艺美术大师', year: 2020 }],
    district: '昌江区',
    studioLocation: '三宝国际陶艺村 7 号院',
    bio: '粉彩花鸟，重视玻璃白与洗染。欢迎有绘画基础的年轻人，一起把传统粉彩用在日常器物上。',
    works: [{ title: '粉彩花鸟纹瓷板', year: 2024 }],
    acceptsApprentices: true,
    maxApprentices: 3,
  },
  {
    id: MENTOR_IDS.zouQiming,
    displayName: '邹启明',
    crafts: ['colour_glaze', 'glaze_mixing'],
    credentials: [
      { kind: 'honour', label: '中国陶瓷艺术大师', year: 2012 },
      { kind: 'ich', label: '景德镇高温颜色釉烧制技艺（省级代表性传承人）', year: 2015 },
    ],
    district: '浮梁县',
    studioLocation: '浮梁县湘湖镇窑址旁',
    bio: '钻研郎红、霁蓝与窑变花釉四十年。徒弟需从配釉和试片做起。',
    works: [{ title: '郎红釉观音瓶', year: 2020 }],
    acceptsApprentices: true,
    maxApprentices: 2,
  },
  {
    id: MENTOR_IDS.huZhensheng,
    displayName: '胡振声',
    crafts: ['sculpture', 'relief'],
    credentials: [{ kind: 'honour', label: '江西省陶瓷艺术大师', year: 2018 }],
    district: '珠山区',
    studioLocation: '雕塑瓷厂 3 号楼',
    bio: '陶瓷雕塑与堆雕，作品以人物为主。目前专注创作，暂不收徒。',
    works: [{ title: '堆雕《松下问童子》', year: 2019 }],
    acceptsApprentices: false,
    maxApprentices: 0,
  },
  {
    id: MENTOR_IDS.suNian,
    displayName: '苏念',
    crafts: ['product_design', 'slip_casting'],
    credentials: [{ kind: 'title', label: '副高级工艺美术师', year: 2021 }],
    district: '经开区',
    studioLocation: '经开区陶瓷科创孵化器 2 楼',
    bio: '陶瓷产品设计与注浆量产，带徒以项目制进行：从草图、模具到小批量打样。',
    works: [{ title: '“窑口”系列咖啡杯', year: 2025 }],
    acceptsApprentices: true,
    maxApprentices: 4,
  },
  {
    id: MENTOR_IDS.wuShouyao,
    displayName: '吴守窑',
    crafts: ['wood_firing', 'kiln_loading'],
    credentials: [{ kind: 'ich', label: '景德镇传统柴窑烧制技艺（市级代表性传承人）', year: 2020 }],
    district: '浮梁县',
    studioLocation: '三宝村柴窑旁',
    bio: '把桩师傅，烧柴窑二十多年。徒弟需跟完整窑次，从满窑、看火到开窑。',
    works: [],
    acceptsApprentices: true,
    maxApprentices: 1,
  },
];

const LINKED: { id: string; email: string; values: Omit<NewMentor, 'talentId'> }[] = [
  {
    id: MENTOR_IDS.linQingci,
    email: 'lin.qingci@demo.local',
    values: { displayName: '林青瓷', district: '珠山区', studioLocation: '陶溪川文创街区 A 区', bio: '粉彩与新彩，愿意带两名有基础的年轻人。', acceptsApprentices: true, maxApprentices: 2 },
  },
  {
    id: MENTOR_IDS.zhouYao,
    email: 'zhou.yao@demo.local',
    values: { displayName: '周窑', district: '浮梁县', studioLocation: '三宝国际陶艺村柴窑', bio: '柴窑烧成，市级非遗传承人。', acceptsApprentices: true, maxApprentices: 2 },
  },
];

export async function seedDemoMentors(db: Db): Promise<number> {
  let inserted = 0;
  const rows = await db.insert(mentors).values(UNLINKED.map((m) => ({ ...m, demo: true }))).onConflictDoNothing().returning({ id: mentors.id });
  inserted += rows.length;
  const talents = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, LINKED.map((l) => l.email)));
  for (const l of LINKED) {
    const t = talents.find((x) => x.email === l.email);
    if (!t) continue;
    const [existing] = await db.select({ id: mentors.id }).from(mentors).where(eq(mentors.talentId, t.id)).limit(1);
    if (existing) continue;
    const r = await db.insert(mentors).values({ id: l.id, ...l.values, talentId: t.id, demo: true }).onConflictDoNothing().returning({ id: mentors.id });
    inserted += r.length;
  }
  return inserted;
}
