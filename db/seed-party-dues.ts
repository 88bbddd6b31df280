import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { partyDuesPayments, partyMembers } from './schema';
import { DEMO_PARTY_MEMBERS, ORG_IDS, PARTY_MEMBER_IDS } from './seed-data';
import { jdzToday } from '@/lib/clock';
import { encryptField } from '@/lib/crypto/fields';
import { addMonths, baseTypeFromDb, quoteDues } from '@/lib/party/dues-calculator';

/**
 * Demo 党费 ledger (issue 10 §3), counted back from the seed clock's Jingdezhen month (k = months before it):
 * - paid up to this month: 林青瓷, 张海明, 李小雨 at the 景漂 branch, 陈志刚 at 三宝;
 * - 刘晓东 (竞成社区) 3 whole months overdue (paid through k4) and 孙伟 (青窑) 6 (paid through k7): the lapse sweep
 *   alerts their secretaries (and the 组织部 for 孙伟); 王桂芳 (陶溪川) stays 4 behind as her baseline says;
 * - 周窑, formal in 杭州转塘 (outside the portal): months k10…k3 paid in Hangzhou before he came; k2…k0 are unpaid,
 *   to be paid at the 景漂 branch once it accepts his 报到.
 * Each member's baseline (last_dues_month: months paid before the ledger) is the month before their first ledger
 * month; after the rows, last_dues_month is their paid-through month, as the service writes it. Idempotent: a member
 * who already has ledger rows is left alone.
 */
const PLAN: { id: string; org: string; from: number; to: number }[] = [
  { id: PARTY_MEMBER_IDS.linQingci, org: ORG_IDS.jingpiaoBranch, from: 5, to: 0 },
  { id: PARTY_MEMBER_IDS.zhangHaiming, org: ORG_IDS.jingpiaoBranch, from: 5, to: 0 },
  { id: PARTY_MEMBER_IDS.liXiaoyu, org: ORG_IDS.jingpiaoBranch, from: 5, to: 0 },
  { id: PARTY_MEMBER_IDS.chenZhigang, org: ORG_IDS.sanbaoBranch, from: 3, to: 0 },
  { id: PARTY_MEMBER_IDS.liuXiaodong, org: ORG_IDS.jingchengCommunityBranch, from: 8, to: 4 },
  { id: PARTY_MEMBER_IDS.sunWei, org: ORG_IDS.qingyaoCompanyBranch, from: 10, to: 7 },
  { id: PARTY_MEMBER_IDS.wangGuifang, org: ORG_IDS.taoxichuanBranch, from: 7, to: 4 },
  { id: PARTY_MEMBER_IDS.zhouYao, org: ORG_IDS.externalZhuantang, from: 10, to: 3 },
];

export async function seedDemoDues(db: Db): Promise<number> {
  const today = jdzToday();
  const current = `${today.y}-${String(today.m).padStart(2, '0')}`;
  const ids = PLAN.map((p) => p.id);
  const members = new Map((await db.select().from(partyMembers).where(inArray(partyMembers.id, ids))).map((m) => [m.id, m]));
  const existing = new Set((await db.selectDistinct({ id: partyDuesPayments.memberId }).from(partyDuesPayments).where(inArray(partyDuesPayments.memberId, ids))).map((r) => r.id));
  let inserted = 0;
  for (const p of PLAN) {
    const m = members.get(p.id);
    const demo = DEMO_PARTY_MEMBERS.find((d) => d.id === p.id);
    if (!m || !demo || existing.has(p.id)) continue;
    const baseType = baseTypeFromDb(m.duesBaseType);
    const q = quoteDues({ baseType, baseAmount: baseType === 'self_employed' ? null : demo.duesBaseAmount, quarterIncomes: baseType === 'self_employed' ? [demo.duesBaseAmount, demo.duesBaseAmount, demo.duesBaseAmount] : null });
    if (!q.ok) continue;
    const joinMonth = m.joinDate.slice(0, 7);
    const months = Array.from({ length: p.from - p.to + 1 }, (_, i) => addMonths(current, -(p.from - i))).filter((x) => x >= joinMonth);
    if (!months.length) continue;
    await db.transaction(async (tx) => {
      for (const month of months) {
        await tx
          .insert(partyDuesPayments)
          .values({
            memberId: p.id,
            month,
            collectingOrgId: p.org,
            baseType: m.duesBaseType,
            baseAmountEnc: q.quote.base ? encryptField(q.quote.base) : null,
            amountDueEnc: encryptField(q.quote.monthlyAmount),
            amountPaidEnc: encryptField(q.quote.monthlyAmount),
            rate: q.quote.rate,
            channel: p.org === ORG_IDS.externalZhuantang ? 'bank' : month.endsWith('-01') || month.endsWith('-07') ? 'cash' : 'online',
            receiptNo: `DF-${month.replace('-', '')}-${p.id.slice(-4)}`,
            backpay: false,
            // Paid on the 10th of its month, 10:00 in Jingdezhen.
            paidAt: new Date(`${month}-10T02:00:00Z`),
          })
          .onConflictDoNothing();
        inserted += 1;
      }
      await tx.update(partyMembers).set({ lastDuesMonth: months[months.length - 1]! }).where(eq(partyMembers.id, p.id));
    });
  }
  return inserted;
}
