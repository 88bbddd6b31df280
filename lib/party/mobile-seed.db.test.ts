/**
 * The demo's 流动党员 records (db/seed-party-mobile.ts): every roster tab has something, 周窑 awaits 报到 so the demo can
 * walk 报到 → 转引 → 报到 → 查验纳入, QR tokens exist (random), and a second run changes nothing.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { partyMobileEvents, partyMobileRecords, partyOrgs } from '@/db/schema';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { DEMO_PASSWORD, ORG_IDS, orgPath, PARTY_MEMBER_IDS } from '@/db/seed-data';
import { listMobileRecords } from '@/lib/party/mobile';
import { setupTestDb } from '@/tests/helpers/db';
import { makeUser } from '@/tests/helpers/factories';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });

describe('demo mobile records', () => {
  it('fills the rosters, leaves 周窑 awaiting 报到 and is idempotent', async () => {
    const db = t.db();
    await seedReferenceData(db);
    await seedDemoAccounts(db, DEMO_PASSWORD);
    const [zhou] = await db.select().from(partyMobileRecords).where(eq(partyMobileRecords.memberId, PARTY_MEMBER_IDS.zhouYao));
    expect(zhou).toMatchObject({ state: 'AWAITING_REPORT', outflowOrgId: ORG_IDS.externalZhuantang });
    const tokens = await db.select({ q: partyOrgs.qrToken }).from(partyOrgs).where(eq(partyOrgs.id, ORG_IDS.jingpiaoBranch));
    expect(tokens[0]!.q).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const sec = actorOf(await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingpiaoBranch }), orgPath(ORG_IDS.jingpiaoBranch));
    const list = await listMobileRecords(sec, {}, { ip: '127.0.0.1' });
    expect(list.counts).toMatchObject({ submitted: 1, active: 1, watch: 1 });
    const n = async () => [(await db.select({ n: count() }).from(partyMobileRecords))[0]!.n, (await db.select({ n: count() }).from(partyMobileEvents))[0]!.n];
    const before = await n();
    await seedDemoAccounts(db, DEMO_PASSWORD);
    expect(await n()).toEqual(before);
  });
});
