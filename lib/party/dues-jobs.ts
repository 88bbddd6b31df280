import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { partyMembers, partyMobileRecords, users } from '@/db/schema';
import { defineJob, defineRecurring } from '@/lib/jobs/registry';
import { notify } from '@/lib/notifications/service';
import { monthsOverdue } from './dues-calculator';
import { paidThroughMonths } from './dues-ledger';
import { localMonth } from './transfer-machine';

/**
 * Dues lapse alerts (§2.7 art. 13, §7.1; issue 10 §3, §5), a durable daily sweep (registered in lib/jobs/domains.ts):
 * - 3 consecutive months overdue (months that have ended unpaid; the current month is still payable): both
 *   secretaries — the formal branch and, for a member accepted at a 流入地, that organisation's;
 * - 6 consecutive months: the formal (流出地) branch and the 区委组织部 — 党章第九条 risk.
 * One notification per (recipient, member, threshold, paid-through month) by the notification dedupe key, so a
 * re-run or a restarted worker never sends twice, and a member who pays and falls behind again is alerted again.
 * Alerts only: nothing here touches 党籍. The same arrears are derived on read everywhere (rosters, ledgers), so a
 * stopped worker delays a notification but never hides an overdue member.
 */

const ACCEPTED = ['INFLOW_ACTIVE', 'LAPSE_WATCH'] as const;

async function secretariesOf(db: Db, orgIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!orgIds.length) return out;
  const rows = await db
    .select({ id: users.id, orgId: users.orgId })
    .from(users)
    .where(and(inArray(users.orgId, [...new Set(orgIds)]), eq(users.role, 'branch_secretary'), isNull(users.disabledAt)));
  for (const r of rows) out.set(r.orgId!, [...(out.get(r.orgId!) ?? []), r.id]);
  return out;
}

export async function sweepDuesArrears(db: Db, at: Date): Promise<{ flagged: number; notified: number }> {
  const currentMonth = localMonth(at);
  const members = await db
    .select({ id: partyMembers.id, joinDate: partyMembers.joinDate, formalOrgId: partyMembers.formalOrgId })
    .from(partyMembers)
    .where(and(eq(partyMembers.partyStatus, 'NORMAL'), isNull(partyMembers.transferredOutAt)));
  const paid = await paidThroughMonths(
    db,
    members.map((m) => m.id),
  );
  const flagged = members
    .map((m) => ({ ...m, paidThrough: paid.get(m.id) ?? null, months: monthsOverdue(paid.get(m.id) ?? null, m.joinDate, currentMonth) }))
    .filter((m) => m.months >= 3);
  if (!flagged.length) return { flagged: 0, notified: 0 };
  const records = await db
    .select({ memberId: partyMobileRecords.memberId, branch: partyMobileRecords.inflowBranchId, org: partyMobileRecords.inflowOrgId })
    .from(partyMobileRecords)
    .where(and(inArray(partyMobileRecords.memberId, flagged.map((m) => m.id)), inArray(partyMobileRecords.state, [...ACCEPTED])));
  const inflowOf = new Map<string, string[]>();
  for (const r of records) inflowOf.set(r.memberId, [...(inflowOf.get(r.memberId) ?? []), ...[r.branch, r.org].filter((x): x is string => !!x)]);
  const secretaries = await secretariesOf(db, [...flagged.map((m) => m.formalOrgId), ...[...inflowOf.values()].flat()]);
  const orgAdmins = flagged.some((m) => m.months >= 6)
    ? (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'org_admin'), isNull(users.disabledAt)))).map((u) => u.id)
    : [];

  let notified = 0;
  for (const m of flagged) {
    const formal = secretaries.get(m.formalOrgId) ?? [];
    const inflow = (inflowOf.get(m.id) ?? []).flatMap((o) => secretaries.get(o) ?? []);
    const sends: [number, string[]][] = [[3, [...formal, ...inflow]]];
    if (m.months >= 6) sends.push([6, [...formal, ...orgAdmins]]);
    for (const [threshold, recipients] of sends) {
      const kind = threshold === 6 ? 'party.dues_arrears_6' : 'party.dues_arrears_3';
      const payload = { memberId: m.id, months: m.months, paidThrough: m.paidThrough, threshold };
      for (const userId of new Set(recipients)) {
        if (await notify(db, userId, kind, `dues:${m.id}:${threshold}:${m.paidThrough ?? 'none'}`, payload)) notified += 1;
      }
    }
  }
  return { flagged: flagged.length, notified };
}

export const duesArrearsSweepJob = defineJob({
  type: 'party.sweep_dues_arrears',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: (_p, { db, now }) => sweepDuesArrears(db, now),
});

defineRecurring({ name: 'party.sweep_dues_arrears.daily', schedule: { daily: '07:30' }, type: duesArrearsSweepJob.type, payload: {} });
