/**
 * 党籍 decisions (domain-party.md §5.2): recorded with who decided, the reference and the date, never made by the
 * portal; S1 (encrypted at rest, audited without the note); a member leaving NORMAL has every open transfer voided;
 * impossible changes (a struck-off member "restored") and refused callers change nothing.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, partyMembers, transferCases, transferEvents } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { getPartyMemberRoute, recordStatusDecisionRoute } from '@/lib/party/api';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';

const t = setupTestDb();
beforeAll(async () => {
  await seedReferenceData(t.db());
  await seedDemoAccounts(t.db(), 'Jingpiao-2026');
});

async function as(role: 'org_admin' | 'branch_secretary' | 'zone_staff' | 'sysadmin', orgId?: string) {
  const u = await makeUser(t.db(), role, orgId ? { orgId } : {});
  return { user: u, h: bearer(await tokenFor(t.db(), u)) };
}
const decision = (over: Record<string, unknown> = {}) => ({ status: 'STOPPED', decidedBy: '支部党员大会', approvalRef: '珠两新党字〔2026〕12号', decisionDate: '2026-11-20', note: '失联满六个月，多方查找未果', ...over });
type Problem = { code: string; errors?: Record<string, string[]> };

describe('recording a 党籍 decision', () => {
  it('the branch records 停止党籍 with its reference: status changes, the list is encrypted, the open transfer is voided, the audit row has no note', async () => {
    const m = await insertMember(t.db(), { formalOrgId: ORG_IDS.jingpiaoBranch });
    const [open] = await t
      .db()
      .insert(transferCases)
      .values({ memberId: m.id, state: 'BRANCH_REVIEW', category: 'in_district', channel: 'PAPER', fromOrgId: ORG_IDS.jingpiaoBranch, toOrgId: ORG_IDS.taoxichuanBranch, currentHandlerOrgId: ORG_IDS.jingpiaoBranch, reason: '工作调动' })
      .returning();
    const { h } = await as('branch_secretary', ORG_IDS.jingpiaoBranch);
    const res = await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision(), headers: h });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ partyStatus: 'STOPPED', voidedTransfers: 1, decisions: [{ status: 'STOPPED', previousStatus: 'NORMAL', approvalRef: '珠两新党字〔2026〕12号' }] });
    const [row] = await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id));
    expect(row!.partyStatus).toBe('STOPPED');
    expect(row!.statusDecisionsEnc).toMatch(/^v1\./);
    expect(row!.statusDecisionsEnc).not.toContain('珠两新党字');
    const [c] = await t.db().select().from(transferCases).where(eq(transferCases.id, open!.id));
    expect(c!.state).toBe('VOIDED');
    const events = await t.db().select().from(transferEvents).where(eq(transferEvents.caseId, open!.id));
    expect(events.map((e) => [e.action, e.toState])).toEqual([['void', 'VOIDED']]);
    const [a] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'party_members.record_status')).orderBy(desc(auditLog.seq)).limit(1);
    expect(a!.detail).toMatchObject({ from: 'NORMAL', to: 'STOPPED', voidedTransfers: 1 });
    expect(JSON.stringify(a!.detail)).not.toContain('失联');
    // The record read back shows the decisions to those who may read it.
    const read = await callRoute(getPartyMemberRoute, { params: { id: m.id }, headers: (await as('org_admin')).h });
    expect((read.json as { statusDecisions: unknown[] }).statusDecisions).toHaveLength(1);
  });

  it('恢复 from STOPPED is possible; a struck-off member is never restored; refusals change nothing', async () => {
    const m = await insertMember(t.db(), { formalOrgId: ORG_IDS.jingpiaoBranch });
    const { h } = await as('org_admin');
    expect((await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision(), headers: h })).status).toBe(200);
    const restored = await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision({ status: 'NORMAL', decidedBy: '区委组织部', approvalRef: '珠组字〔2026〕30号', decisionDate: '2026-11-28' }), headers: h });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json).toMatchObject({ partyStatus: 'NORMAL', voidedTransfers: 0 });
    expect((await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision({ status: 'STRUCK_OFF' }), headers: h })).status).toBe(200);
    const before = (await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id)))[0];
    const again = await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision({ status: 'NORMAL' }), headers: h });
    expect(again.status).toBe(409);
    expect((again.json as Problem).code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id)))[0]).toEqual(before);
  });

  it('bad input is a localized 400: no reference, no decider, a date in the future, an unknown status', async () => {
    const m = await insertMember(t.db(), { formalOrgId: ORG_IDS.jingpiaoBranch });
    const { h } = await as('org_admin');
    for (const [over, field] of [
      [{ approvalRef: '' }, 'approvalRef'],
      [{ decidedBy: 'x' }, 'decidedBy'],
      [{ decisionDate: '2099-01-01' }, 'decisionDate'],
      [{ status: 'PROMOTED' }, 'status'],
    ] as const) {
      const res = await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision(over), headers: h });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(Object.keys((res.json as Problem).errors ?? {})).toContain(field);
    }
    expect((await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id)))[0]!.partyStatus).toBe('NORMAL');
  });

  it('§4.2: another branch, zone staff and a sysadmin are refused (403, audited) and nothing changes', async () => {
    const m = await insertMember(t.db(), { formalOrgId: ORG_IDS.jingpiaoBranch });
    const denied = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;
    for (const [role, org] of [
      ['branch_secretary', ORG_IDS.taoxichuanBranch],
      ['zone_staff', undefined],
      ['sysadmin', undefined],
    ] as const) {
      const before = await denied();
      const res = await callRoute(recordStatusDecisionRoute, { params: { id: m.id }, body: decision(), headers: (await as(role, org)).h });
      expect(res.status, role).toBe(403);
      expect(await denied()).toBe(before + 1);
    }
    expect((await t.db().select().from(partyMembers).where(eq(partyMembers.id, m.id)))[0]!.partyStatus).toBe('NORMAL');
  });
});
