import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import { partyActivities, partyAttendance, partyMembers, partyMobileRecords, partyReports, users } from './schema';
import { ORG_IDS, PARTY_MEMBER_IDS } from './seed-data';
import { jdzToday } from '@/lib/clock';
import { encryptField } from '@/lib/crypto/fields';

/**
 * Demo 组织生活 and 定期汇报 (issue 10 §2, §4), dated from the seed clock's Jingdezhen calendar (k = months before now):
 * - 景漂陶瓷流动党员党支部: a 主题党日 on the 15th of each of the last 12 months, a 支部党员大会 with voting items in
 *   months k = 1, 4, 7, 10 (民主评议党员, 接收预备党员 …), and a 主题党日 today with 张海明's QR check-in waiting for
 *   the secretary's confirmation (林青瓷 can check in from her phone). Attendance of 林青瓷, 张海明 and 李小雨 (预备党员:
 *   present, no vote) follows a fixed pattern with a few absences; 周窑 attends as a 流动党员 (no vote, outside the
 *   quorum) from the month after the 景漂 branch accepted him, when a mobile record says it did.
 * - 陶溪川文创街区联合党支部: a 主题党日 on the 20th of each of the last 12 months; 王桂芳 attends most of them.
 * - Reports: 林青瓷's annual 情况汇报 for last year (reviewed), 李小雨's 思想汇报 for this quarter (pending), and 周窑's
 *   annual report for last year addressed to 杭州转塘街道党工委 (outside the portal: the 区委组织部 relays it).
 * last_org_life_date is moved forward to each member's latest confirmed attendance. Idempotent: an organisation that
 * already has activities is left alone; today's 主题党日 is added once per day.
 */

const THEME_TOPICS = [
  '主题党日：学习贯彻党的二十届三中全会精神',
  '主题党日：陶艺街志愿服务——为游客讲解景德镇制瓷技艺',
  '主题党日：重温入党誓词，讲述“景漂”入党故事',
  '主题党日：参观御窑厂遗址，传承陶瓷文化',
  '主题党日：学习《中国共产党纪律处分条例》',
  '主题党日：三宝村乡村振兴结对帮扶',
  '主题党日：学习习近平总书记考察景德镇重要讲话精神',
  '主题党日：陶溪川创意市集党员先锋岗服务',
  '主题党日：清明祭英烈，瞻仰革命烈士纪念碑',
  '主题党日：社区垃圾分类宣传志愿服务',
  '主题党日：“七一”重温初心，党员过“政治生日”',
  '主题党日：学习贯彻全国宣传思想文化工作会议精神',
];
const CONGRESS_TOPICS = ['支部党员大会：民主评议党员', '支部党员大会：讨论发展对象，推荐入党积极分子', '支部党员大会：审议支部年度工作报告', '支部党员大会：推选“优秀共产党员”'];
const TAOXI_TOPICS = ['主题党日：陶溪川文创街区“红色市集”服务', '主题党日：学习新修订的《中国共产党支部工作条例（试行）》', '主题党日：青年陶艺家座谈，讲好陶瓷故事', '主题党日：街区消防安全志愿巡查'];

const pad = (n: number) => String(n).padStart(2, '0');
function monthsBack(today: { y: number; m: number }, k: number): string {
  const i = today.y * 12 + (today.m - 1) - k;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}
/** Deterministic "absent" pattern: about one in five. */
const absent = (k: number, i: number) => (k * 7 + i * 3) % 5 === 0;

export async function seedDemoActivities(db: Db): Promise<number> {
  const today = jdzToday();
  const todayIso = `${today.y}-${pad(today.m)}-${pad(today.d)}`;
  const [sec] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'secretary@demo.local')).limit(1);
  const [sec2] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'secretary2@demo.local')).limit(1);
  const present = new Set((await db.select({ id: partyMembers.id }).from(partyMembers).where(inArray(partyMembers.id, Object.values(PARTY_MEMBER_IDS)))).map((m) => m.id));
  if (!present.has(PARTY_MEMBER_IDS.linQingci)) return 0;
  const existing = new Set((await db.selectDistinct({ org: partyActivities.orgId }).from(partyActivities).where(inArray(partyActivities.orgId, [ORG_IDS.jingpiaoBranch, ORG_IDS.taoxichuanBranch]))).map((r) => r.org));
  // 周窑 attends as a 流动党员 only once the 景漂 branch has accepted him (a mobile record seeded elsewhere says so).
  const [zhou] = await db
    .select({ acceptedAt: partyMobileRecords.acceptedAt })
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.memberId, PARTY_MEMBER_IDS.zhouYao), inArray(partyMobileRecords.state, ['INFLOW_ACTIVE', 'LAPSE_WATCH']), eq(partyMobileRecords.inflowBranchId, ORG_IDS.jingpiaoBranch)));
  const zhouFrom = zhou?.acceptedAt ? zhou.acceptedAt.toISOString().slice(0, 10) : null;
  let inserted = 0;

  type Att = { memberId: string; relation: 'FORMAL' | 'MOBILE'; mayVote: boolean };
  const jingpiao: Att[] = [
    { memberId: PARTY_MEMBER_IDS.linQingci, relation: 'FORMAL', mayVote: true },
    { memberId: PARTY_MEMBER_IDS.zhangHaiming, relation: 'FORMAL', mayVote: true },
    { memberId: PARTY_MEMBER_IDS.liXiaoyu, relation: 'FORMAL', mayVote: false }, // 预备党员
  ];
  async function activity(orgId: string, type: (typeof partyActivities.$inferInsert)['type'], date: string, topic: string, votingItems: boolean, location: string, createdBy: string | null, attendees: Att[], k: number) {
    const [a] = await db.insert(partyActivities).values({ orgId, type, date, topic, votingItems, location, createdBy }).returning({ id: partyActivities.id });
    inserted += 1;
    const at = new Date(`${date}T01:30:00Z`); // 09:30 in Jingdezhen
    const rows = attendees
      .filter((x, i) => present.has(x.memberId) && !absent(k, i))
      .map((x, i) => ({ activityId: a!.id, memberId: x.memberId, relation: x.relation, countsForQuorum: x.relation === 'FORMAL', mayVote: x.mayVote, method: (i + k) % 3 === 0 ? ('on_site' as const) : ('qr' as const), checkedInAt: at, confirmedBy: createdBy, confirmedAt: new Date(at.getTime() + 3 * 3600_000) }));
    if (rows.length) await db.insert(partyAttendance).values(rows).onConflictDoNothing();
  }

  if (!existing.has(ORG_IDS.jingpiaoBranch)) {
    const place = '三宝文创中心“景漂”陶瓷流动党员服务中心';
    for (let k = 12; k >= 1; k--) {
      const month = monthsBack(today, k);
      const date = `${month}-15`;
      const withZhou = zhouFrom && date > zhouFrom && present.has(PARTY_MEMBER_IDS.zhouYao) ? [{ memberId: PARTY_MEMBER_IDS.zhouYao, relation: 'MOBILE' as const, mayVote: false }] : [];
      await activity(ORG_IDS.jingpiaoBranch, 'theme_day', date, THEME_TOPICS[k % THEME_TOPICS.length]!, false, place, sec?.id ?? null, [...jingpiao, ...withZhou], k);
      if (k % 3 === 1) {
        const congress = `${month}-25`;
        await activity(ORG_IDS.jingpiaoBranch, 'branch_congress', congress, CONGRESS_TOPICS[Math.floor(k / 3) % CONGRESS_TOPICS.length]!, true, place, sec?.id ?? null, [...jingpiao, ...(zhouFrom && congress > zhouFrom ? withZhou : [])], k + 1);
      }
    }
    await activity(ORG_IDS.jingpiaoBranch, 'party_lecture', `${monthsBack(today, 6)}-08`, '党课：从“景漂”到“景漂党员”——匠心与初心', false, place, sec?.id ?? null, jingpiao, 6);
  }
  if (!existing.has(ORG_IDS.taoxichuanBranch)) {
    for (let k = 12; k >= 1; k--) {
      await activity(ORG_IDS.taoxichuanBranch, 'theme_day', `${monthsBack(today, k)}-20`, TAOXI_TOPICS[k % TAOXI_TOPICS.length]!, false, '陶溪川文创街区 B5 栋党群服务站', sec2?.id ?? null, [{ memberId: PARTY_MEMBER_IDS.wangGuifang, relation: 'FORMAL', mayVote: true }], k);
    }
  }
  // Today's 主题党日 at the 景漂 branch, for the demo's check-in: 张海明 scanned the poster already (pending).
  const [already] = await db.select({ id: partyActivities.id }).from(partyActivities).where(and(eq(partyActivities.orgId, ORG_IDS.jingpiaoBranch), eq(partyActivities.date, todayIso), eq(partyActivities.type, 'theme_day')));
  if (!already) {
    const [a] = await db
      .insert(partyActivities)
      .values({ orgId: ORG_IDS.jingpiaoBranch, type: 'theme_day', date: todayIso, topic: '主题党日：学习贯彻党的二十届四中全会精神', votingItems: false, location: '三宝文创中心“景漂”陶瓷流动党员服务中心', createdBy: sec?.id ?? null })
      .returning({ id: partyActivities.id });
    inserted += 1;
    if (present.has(PARTY_MEMBER_IDS.zhangHaiming)) {
      await db.insert(partyAttendance).values({ activityId: a!.id, memberId: PARTY_MEMBER_IDS.zhangHaiming, relation: 'FORMAL', countsForQuorum: true, mayVote: true, method: 'qr', checkedInAt: new Date() }).onConflictDoNothing();
    }
  }
  // last_org_life_date: each member's latest confirmed attendance (never moved back).
  await db.execute(sql`
    update party_members pm set last_org_life_date = greatest(coalesce(pm.last_org_life_date, x.d), x.d)
    from (select pa.member_id, max(a.date) as d from party_attendance pa join party_activities a on a.id = pa.activity_id where pa.confirmed_at is not null group by pa.member_id) x
    where pm.id = x.member_id`);

  // Reports: one of each kind, addressed to the formal organisation.
  const lastYear = String(today.y - 1);
  const quarter = `${today.y}-Q${Math.floor((today.m - 1) / 3) + 1}`;
  const reports = [
    { memberId: PARTY_MEMBER_IDS.linQingci, type: 'annual' as const, period: lastYear, toOrgId: ORG_IDS.jingpiaoBranch, content: `${lastYear} 年度情况汇报：参加主题党日十次、支部党员大会三次；在陶艺街开展公益陶艺课四期；按月交纳党费。今后将继续发挥党员作用，带动更多“景漂”青年。`, reviewed: '汇报内容翔实，望继续在青年陶艺人中发挥先锋作用。', reviewer: sec?.id ?? null },
    { memberId: PARTY_MEMBER_IDS.liXiaoyu, type: 'thought' as const, period: quarter, toOrgId: ORG_IDS.jingpiaoBranch, content: '本季度思想汇报：认真学习党章和党的创新理论，参加主题党日和志愿服务，在工作中努力以正式党员的标准要求自己，请组织考察。', reviewed: null, reviewer: null },
    { memberId: PARTY_MEMBER_IDS.zhouYao, type: 'annual' as const, period: lastYear, toOrgId: ORG_IDS.externalZhuantang, content: `${lastYear} 年度情况汇报（外出期间）：在景德镇从事陶瓷创作，参加“景漂”流动党员党支部的组织生活，党费按月交纳，现将思想、工作情况向转塘街道党工委汇报。`, reviewed: null, reviewer: null },
  ];
  for (const r of reports) {
    if (!present.has(r.memberId)) continue;
    const [dup] = await db.select({ id: partyReports.id }).from(partyReports).where(and(eq(partyReports.memberId, r.memberId), eq(partyReports.type, r.type), eq(partyReports.period, r.period)));
    if (dup) continue;
    const submittedAt = r.type === 'annual' ? new Date(`${lastYear}-12-20T02:00:00Z`) : new Date(`${monthsBack(today, 0)}-01T02:00:00Z`);
    await db.insert(partyReports).values({
      memberId: r.memberId,
      type: r.type,
      period: r.period,
      toOrgId: r.toOrgId,
      contentEnc: encryptField(r.content),
      submittedAt,
      ...(r.reviewed ? { reviewedBy: r.reviewer, reviewedAt: new Date(submittedAt.getTime() + 5 * 86_400_000), reviewNoteEnc: encryptField(r.reviewed) } : {}),
    }).onConflictDoNothing();
  }
  return inserted;
}
