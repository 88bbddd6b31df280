/**
 * The Party cards of the 工作台 read aggregate counts in the caller's scope (no personal data) and the talent's own
 * branch; the role gate and the §4.2 scope are the roster's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { consents } from '@/db/schema';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import type { Actor } from '@/lib/auth/permissions';
import { setNow } from '@/lib/clock';
import { memberAlertSummary, myPartySummary } from '@/lib/party/members';
import { setupTestDb } from '@/tests/helpers/db';
import { makeUser } from '@/tests/helpers/factories';
import { insertMember } from '@/tests/helpers/party-members';

const t = setupTestDb();
beforeAll(async () => {
  await seedReferenceData(t.db());
  await seedDemoAccounts(t.db(), 'Jingpiao-2026');
});

async function actor(role: Actor['role'], orgId: string | null = null): Promise<Actor> {
  const u = await makeUser(t.db(), role, orgId ? { orgId } : {});
  return { id: u.id, role, displayName: 'x', zoneCode: null, orgId, orgPath: orgId ? orgPath(orgId) : null, sessionId: 's' };
}

describe('the 工作台 summaries', () => {
  it('alert counts follow the caller’s subtree; another branch’s members are not counted; talents and zone staff are refused', async () => {
    setNow(new Date('2026-12-04T04:00:00Z'));
    const sanbao = await actor('branch_secretary', ORG_IDS.sanbaoBranch);
    const before = await memberAlertSummary(sanbao, '127.0.0.1');
    await insertMember(t.db(), { formalOrgId: ORG_IDS.sanbaoBranch, lastDuesMonth: '2026-08' });
    await insertMember(t.db(), { formalOrgId: ORG_IDS.sanbaoBranch, lastDuesMonth: '2026-12' });
    await insertMember(t.db(), { formalOrgId: ORG_IDS.taoxichuanBranch, lastDuesMonth: '2026-01' });
    const after = await memberAlertSummary(sanbao, '127.0.0.1');
    expect(after.total).toBe(before.total + 2);
    expect(after.byAlert.DUES_ARREARS).toBe(before.byAlert.DUES_ARREARS + 1);
    const district = await memberAlertSummary(await actor('org_admin'), '127.0.0.1');
    expect(district.total).toBeGreaterThanOrEqual(after.total + 1);
    await expect(memberAlertSummary(await actor('zone_staff'), '127.0.0.1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(memberAlertSummary(await actor('talent'), '127.0.0.1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a talent sees their own branch only with the Party consent and a linked record; others get nothing', async () => {
    const talent = await actor('talent');
    expect(await myPartySummary(talent, 'zh-CN', '127.0.0.1')).toBeNull();
    await insertMember(t.db(), { formalOrgId: ORG_IDS.jingpiaoBranch, userId: talent.id });
    expect(await myPartySummary(talent, 'zh-CN', '127.0.0.1')).toBeNull(); // no separate Party consent yet
    await t.db().insert(consents).values({ userId: talent.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: new Date() });
    expect(await myPartySummary(talent, 'zh-CN', '127.0.0.1')).toEqual({ orgName: '景漂陶瓷流动党员党支部', openTransferId: null });
    await expect(myPartySummary(await actor('branch_secretary', ORG_IDS.jingpiaoBranch), 'zh-CN', '127.0.0.1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
