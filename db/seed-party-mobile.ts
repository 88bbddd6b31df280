import { eq, inArray, isNull, and } from 'drizzle-orm';
import type { Db } from './client';
import { partyMembers, partyMobileEvents, partyMobileRecords, partyOrgs, users } from './schema';
import { ORG_IDS, PARTY_MEMBER_IDS } from './seed-data';
import { now } from '@/lib/clock';
import { blindIndex, encryptField, randomToken } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';

/**
 * Demo 流动党员 records (issue 10 §1), dated from the seed clock so the rosters read the same whenever the seed runs:
 * - 周窑 (formal in 杭州转塘, outside the portal): registered by the 区委组织部 for Hangzhou, arrived 3 weeks ago,
 *   AWAITING_REPORT — the demo walks 扫码报到 (陶溪川) → 转引 → 报到 (景漂) → 查验纳入;
 * - four more members from Hangzhou: 吴晓青 reported to 景漂 (待查验), 郑远航 accepted at 景漂 and in good standing,
 *   冯雪 accepted at 景漂 five months ago without organisational life since (预警 ORG_LIFE), 何小川 reported to 陶溪川;
 * - the 景漂 and 陶溪川 branches get a random QR token (not hard-coded) when they have none, for the 报到 posters.
 * Idempotent: a member who already has a record is left alone.
 */
const DAY = 86_400_000;
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const MOBILE_DEMO_MEMBER_IDS = {
  wuXiaoqing: '7a2e4b10-5c3d-4e8f-a1b2-000000000101',
  zhengYuanhang: '7a2e4b10-5c3d-4e8f-a1b2-000000000102',
  fengXue: '7a2e4b10-5c3d-4e8f-a1b2-000000000103',
  heXiaochuan: '7a2e4b10-5c3d-4e8f-a1b2-000000000104',
} as const;

const EXTRA = [
  { id: MOBILE_DEMO_MEMBER_IDS.wuXiaoqing, name: '吴晓青', idCardNo: '330106199203150427', phone: '13867120415', membershipType: 'formal' as const, joinDate: '2015-06-30' },
  { id: MOBILE_DEMO_MEMBER_IDS.zhengYuanhang, name: '郑远航', idCardNo: '330106198807210513', phone: '15988107721', membershipType: 'formal' as const, joinDate: '2010-12-20' },
  { id: MOBILE_DEMO_MEMBER_IDS.fengXue, name: '冯雪', idCardNo: '330106199511080624', phone: '18867150811', membershipType: 'formal' as const, joinDate: '2018-05-04' },
  { id: MOBILE_DEMO_MEMBER_IDS.heXiaochuan, name: '何小川', idCardNo: '330106199909120331', phone: '17706812290', membershipType: 'probationary' as const, joinDate: '2025-07-01' },
];

type Plan = {
  memberId: string;
  state: 'AWAITING_REPORT' | 'REPORT_SUBMITTED' | 'INFLOW_ACTIVE';
  arrivedDaysAgo: number;
  reportedTo?: string;
  reportedDaysAgo?: number;
  acceptedDaysAgo?: number;
  lastOrgLifeDaysAgo?: number;
  unit: string;
  fixedEmployer?: boolean;
  cardNo: string;
};

const PLANS: Plan[] = [
  { memberId: PARTY_MEMBER_IDS.zhouYao, state: 'AWAITING_REPORT', arrivedDaysAgo: 21, unit: '陶溪川文创街区（自由创作）', cardNo: 'ZJ-XH-2026-0317' },
  { memberId: MOBILE_DEMO_MEMBER_IDS.wuXiaoqing, state: 'REPORT_SUBMITTED', arrivedDaysAgo: 9, reportedTo: ORG_IDS.jingpiaoBranch, reportedDaysAgo: 2, unit: '三宝国际陶艺村驻场', cardNo: 'ZJ-XH-2026-0402' },
  { memberId: MOBILE_DEMO_MEMBER_IDS.zhengYuanhang, state: 'INFLOW_ACTIVE', arrivedDaysAgo: 70, reportedTo: ORG_IDS.jingpiaoBranch, reportedDaysAgo: 65, acceptedDaysAgo: 62, lastOrgLifeDaysAgo: 12, unit: '景德镇青窑陶瓷文化有限公司', fixedEmployer: true, cardNo: 'ZJ-XH-2026-0188' },
  { memberId: MOBILE_DEMO_MEMBER_IDS.fengXue, state: 'INFLOW_ACTIVE', arrivedDaysAgo: 160, reportedTo: ORG_IDS.jingpiaoBranch, reportedDaysAgo: 155, acceptedDaysAgo: 150, lastOrgLifeDaysAgo: 118, unit: '陶溪川文创街区 B5 工作室', cardNo: 'ZJ-XH-2025-1120' },
  { memberId: MOBILE_DEMO_MEMBER_IDS.heXiaochuan, state: 'REPORT_SUBMITTED', arrivedDaysAgo: 6, reportedTo: ORG_IDS.taoxichuanBranch, reportedDaysAgo: 1, unit: '陶溪川文创街区', cardNo: 'ZJ-XH-2026-0431' },
];

export async function seedDemoMobile(db: Db): Promise<number> {
  const t = now();
  const monthNow = ymd(t).slice(0, 7);
  for (const m of EXTRA) {
    await db
      .insert(partyMembers)
      .values({
        id: m.id,
        name: m.name,
        gender: Number(m.idCardNo[16]) % 2 === 1 ? 'male' : 'female',
        ethnicity: '汉族',
        idCardEnc: encryptField(m.idCardNo),
        idCardBlind: blindIndex('party_id_card', m.idCardNo),
        idCardMasked: maskIdNumber(m.idCardNo)!,
        phoneEnc: encryptField(m.phone),
        phoneMasked: maskPhone(m.phone),
        membershipType: m.membershipType,
        joinDate: m.joinDate,
        probationEndDate: m.membershipType === 'probationary' ? '2026-07-01' : null,
        formalOrgId: ORG_IDS.externalZhuantang,
        lastDuesMonth: monthNow,
        duesBaseType: 'self_employed',
        duesBaseAmountEnc: encryptField('4600.00'),
        createdFrom: 'register',
      })
      .onConflictDoNothing();
  }
  for (const id of [ORG_IDS.jingpiaoBranch, ORG_IDS.taoxichuanBranch]) {
    await db.update(partyOrgs).set({ qrToken: randomToken(24), qrRotatedAt: t }).where(and(eq(partyOrgs.id, id), isNull(partyOrgs.qrToken)));
  }
  const [orgdept] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'orgdept@demo.local')).limit(1);
  const secretaries = await db.select({ id: users.id, orgId: users.orgId }).from(users).where(inArray(users.email, ['secretary@demo.local', 'secretary2@demo.local']));
  const secOf = (org: string) => secretaries.find((s) => s.orgId === org)?.id ?? null;
  const members = await db.select({ id: partyMembers.id, userId: partyMembers.userId }).from(partyMembers).where(inArray(partyMembers.id, PLANS.map((p) => p.memberId)));
  const existing = new Set((await db.select({ m: partyMobileRecords.memberId }).from(partyMobileRecords).where(inArray(partyMobileRecords.memberId, PLANS.map((p) => p.memberId)))).map((r) => r.m));
  let inserted = 0;
  for (const p of PLANS) {
    const member = members.find((m) => m.id === p.memberId);
    if (!member || existing.has(p.memberId)) continue;
    const ago = (d: number) => new Date(t.getTime() - d * DAY);
    const arrival = ymd(ago(p.arrivedDaysAgo));
    const [branch] = p.reportedTo ? await db.select().from(partyOrgs).where(eq(partyOrgs.id, p.reportedTo)) : [];
    const accepted = p.state === 'INFLOW_ACTIVE';
    const [r] = await db
      .insert(partyMobileRecords)
      .values({
        memberId: p.memberId,
        state: p.state,
        outflowOrgId: ORG_IDS.externalZhuantang,
        outflowDate: ymd(ago(p.arrivedDaysAgo + 3)),
        outflowReason: 'creative',
        outflowConfirmedAt: ago(p.arrivedDaysAgo + 3),
        destinationProvince: '江西省',
        destinationCity: '景德镇市',
        destinationCounty: '珠山区',
        destinationUnit: p.unit,
        fixedEmployer: !!p.fixedEmployer,
        arrivalDate: arrival,
        reportDueAt: new Date(Date.parse(`${arrival}T00:00:00+08:00`) + 30 * DAY),
        hasActivityCard: true,
        cardNo: p.cardNo,
        cardIssuerOrgId: ORG_IDS.externalZhuantang,
        cardIssuedAt: ymd(ago(p.arrivedDaysAgo + 3)),
        lastCardReviewAt: ymd(ago(p.arrivedDaysAgo + 3)),
        inflowOrgId: p.reportedTo ?? null,
        reportMethod: p.reportedTo ? 'qr' : null,
        reportSubmittedAt: p.reportedDaysAgo !== undefined ? ago(p.reportedDaysAgo) : null,
        inflowBranchId: accepted ? p.reportedTo! : null,
        acceptedAt: accepted ? ago(p.acceptedDaysAgo!) : null,
        acceptedBy: accepted ? secOf(p.reportedTo!) : null,
        inflowContactPerson: accepted ? (branch?.contactPerson ?? null) : null,
        inflowContactPhone: accepted ? (branch?.contactPhone ?? null) : null,
        nationalFlowRef: `LC3301062026${String(inserted + 1).padStart(6, '0')}`,
        createdBy: orgdept?.id ?? null,
        createdAt: ago(p.arrivedDaysAgo + 3),
        updatedAt: t,
      })
      .onConflictDoNothing()
      .returning({ id: partyMobileRecords.id });
    if (!r) continue;
    inserted += 1;
    const events: (typeof partyMobileEvents.$inferInsert)[] = [
      { recordId: r.id, seq: 1, action: 'register_outflow', fromState: null, toState: 'OUTFLOW_REGISTERED', actorUserId: orgdept?.id ?? null, actorRole: 'outflow', comment: '流出原因：创作/自由职业；区委组织部代杭州市西湖区转塘街道党工委登记', at: ago(p.arrivedDaysAgo + 3) },
      { recordId: r.id, seq: 2, action: 'arrive', fromState: 'OUTFLOW_REGISTERED', toState: 'AWAITING_REPORT', actorRole: 'system', at: ago(p.arrivedDaysAgo) },
    ];
    if (p.reportedTo) events.push({ recordId: r.id, seq: 3, action: 'report', fromState: 'AWAITING_REPORT', toState: 'REPORT_SUBMITTED', actorUserId: member.userId, actorRole: 'member', comment: `扫码报到：${branch?.nameZh ?? ''}`, data: { orgId: p.reportedTo, method: 'qr' }, at: ago(p.reportedDaysAgo!) });
    if (accepted) events.push({ recordId: r.id, seq: 4, action: 'accept', fromState: 'REPORT_SUBMITTED', toState: 'INFLOW_ACTIVE', actorUserId: secOf(p.reportedTo!), actorRole: 'inflow', actorOrgId: p.reportedTo!, comment: `编入${branch?.nameZh ?? ''}（流动党员不参加表决）`, data: { branchId: p.reportedTo }, at: ago(p.acceptedDaysAgo!) });
    await db.insert(partyMobileEvents).values(events);
    if (p.lastOrgLifeDaysAgo !== undefined) await db.update(partyMembers).set({ lastOrgLifeDate: ymd(ago(p.lastOrgLifeDaysAgo)) }).where(eq(partyMembers.id, p.memberId));
  }
  return inserted;
}
