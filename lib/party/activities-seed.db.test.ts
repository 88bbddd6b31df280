/**
 * The demo's organisational life and reports (db/seed-party-activities.ts): a year of activities at two branches dated
 * from the seed clock, a 主题党日 today open for check-in with one pending QR check-in, attendance coherent with the
 * rules the service applies (预备党员 present without a vote), last_org_life_date written back, reports addressed to
 * the formal organisations; seeding twice adds nothing.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { partyActivities, partyAttendance, partyMembers, partyReports } from '@/db/schema';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { seedDemoActivities } from '@/db/seed-party-activities';
import { ORG_IDS, orgPath, PARTY_MEMBER_IDS } from '@/db/seed-data';
import { getActivity, openActivitiesForCheckIn } from '@/lib/party/activities';
import { partyToday } from '@/lib/party/members';
import { setupTestDb } from '@/tests/helpers/db';
import { makeUser } from '@/tests/helpers/factories';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });

beforeAll(async () => {
  await seedReferenceData(t.db());
  await seedDemoAccounts(t.db(), 'Jingpiao-2026');
});

describe('demo organisational life', () => {
  it('a year of activities at both branches, today’s 主题党日 with a pending check-in, and nothing twice', async () => {
    const db = t.db();
    const n = async (org: string) => (await db.select({ n: count() }).from(partyActivities).where(eq(partyActivities.orgId, org)))[0]!.n;
    const jp = await n(ORG_IDS.jingpiaoBranch);
    expect(jp).toBeGreaterThanOrEqual(17); // 12 theme days, 4 branch congresses, a lecture, today's
    expect(await n(ORG_IDS.taoxichuanBranch)).toBe(12);
    const open = await openActivitiesForCheckIn(ORG_IDS.jingpiaoBranch, partyToday().todayIso);
    expect(open).toHaveLength(1);
    const sec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingpiaoBranch }), orgPath(ORG_IDS.jingpiaoBranch));
    const today = await getActivity(sec, open[0]!.id, { ip: '203.0.113.5' });
    expect(today.pending).toBe(1);
    expect(today.quorum.expected).toBe(2); // 林青瓷 and 张海明; 李小雨 is a 预备党员

    const congress = (await db.select().from(partyActivities).where(and(eq(partyActivities.orgId, ORG_IDS.jingpiaoBranch), eq(partyActivities.type, 'branch_congress'))))[0]!;
    const rows = await db.select().from(partyAttendance).where(eq(partyAttendance.activityId, congress.id));
    expect(rows.every((r) => r.confirmedAt && (r.memberId !== PARTY_MEMBER_IDS.liXiaoyu || !r.mayVote))).toBe(true);
    expect(rows.every((r) => r.relation === 'FORMAL' || (!r.mayVote && !r.countsForQuorum))).toBe(true);

    const [lin] = await db.select().from(partyMembers).where(eq(partyMembers.id, PARTY_MEMBER_IDS.linQingci));
    expect(lin!.lastOrgLifeDate).not.toBeNull();
    const [zhouReport] = await db.select().from(partyReports).where(eq(partyReports.memberId, PARTY_MEMBER_IDS.zhouYao));
    expect(zhouReport!.toOrgId).toBe(ORG_IDS.externalZhuantang);

    expect(await seedDemoActivities(db)).toBe(0);
    expect(await n(ORG_IDS.jingpiaoBranch)).toBe(jp);
    expect((await db.select({ n: count() }).from(partyReports))[0]!.n).toBe(3);
  });
});
