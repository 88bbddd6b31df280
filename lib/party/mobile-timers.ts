import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { partyMembers, partyMobileRecords, partyOrgs, transferCases } from '@/db/schema';
import { now } from '@/lib/clock';
import { defineJob } from '@/lib/jobs/registry';
import { enqueue } from '@/lib/jobs/queue';
import * as M from './mobile-machine';
import { acceptedRecordIds, appendEvent, deriveFlags, loadOrgs, notifyAll, outflowRecipients, recordFacts, secretariesOf, type MemberRow, type RecordRow } from './mobile-store';
import { localDate } from './transfer-machine';

/**
 * 流动党员 timers (§5.2 M2, M10/M11, M14, M16; §7.1), run by the durable job runner (lib/jobs):
 * - M2: a record whose arrival date is still ahead has an arrival job at that date (idempotency key per record); on
 *   arrival the record waits for 报到 and gets its +7 / +21 reminder jobs and the +30 overdue job, each keyed per
 *   record and milestone, so a restarted worker neither duplicates nor loses one (the notification's dedupe key is
 *   the second guard);
 * - the daily sweep catches up a missed arrival, recomputes the stored lapse flags with deriveLapseFlags (notifying
 *   newly raised flags once: the key names the flag event's seq) and prompts M16 once (transfer_prompted_at);
 * - M14: when a TransferCase completes for a member with an open record, the record ends ENDED_TRANSFERRED.
 * Every flag is also derived on read (mobile.ts), so a stopped worker delays a notification but never hides one.
 */

const OVERDUE = M.REPORT_DUE_DAYS;
const MILESTONES = [...M.REPORT_REMINDER_DAYS, OVERDUE] as const;

export const mobileArrivalJob = defineJob({
  type: 'party.mobile_arrival',
  payload: z.object({ recordId: z.uuid() }).strict(),
  maxAttempts: 5,
  handler: async (p, { db, now: at }) => db.transaction((tx) => arriveIfDue(tx, p.recordId, at)),
});

export const mobileReportTimerJob = defineJob({
  type: 'party.mobile_report_timer',
  payload: z.object({ recordId: z.uuid(), days: z.number().int() }).strict(),
  maxAttempts: 5,
  handler: async (p, { db, now: at }) => reportTimer(db, p.recordId, p.days, at),
});

/** M2 now or at the arrival date. Inside the creating transaction. */
export async function scheduleArrival(tx: Tx, row: RecordRow, at: Date): Promise<RecordRow> {
  const arrival = row.arrivalDate ?? row.outflowDate;
  if (M.hasArrived(arrival, at)) return (await arrive(tx, row, at)) ?? row;
  await enqueue(tx, mobileArrivalJob, { recordId: row.id }, { runAt: M.reminderAt(arrival, 0), idempotencyKey: `${row.id}:arrival` });
  return row;
}

/** M2 on a locked OUTFLOW_REGISTERED row: AWAITING_REPORT, report_due_at = arrival + 30 d, the milestone jobs. */
async function arrive(tx: Tx, row: RecordRow, at: Date): Promise<RecordRow | null> {
  const d = M.decideMobile('arrive', { ...recordFacts(row, { userId: null }, new Map(), false) }, { role: 'system', userId: null }, at);
  if (!d.ok) return null;
  const arrival = row.arrivalDate ?? row.outflowDate;
  const [next] = await tx
    .update(partyMobileRecords)
    .set({ state: 'AWAITING_REPORT', arrivalDate: arrival, reportDueAt: M.reportDueAt(arrival), updatedAt: at })
    .where(and(eq(partyMobileRecords.id, row.id), eq(partyMobileRecords.state, 'OUTFLOW_REGISTERED')))
    .returning();
  if (!next) return null;
  await appendEvent(tx, row.id, { action: 'arrive', fromState: 'OUTFLOW_REGISTERED', toState: 'AWAITING_REPORT', actorUserId: null, actorRole: 'system', actorOrgId: null, data: { arrivalDate: arrival } });
  for (const days of MILESTONES) {
    await enqueue(tx, mobileReportTimerJob, { recordId: row.id, days }, { runAt: M.reminderAt(arrival, days), idempotencyKey: `${row.id}:report:${days}` });
  }
  return next;
}

export async function arriveIfDue(tx: Tx, recordId: string, at: Date): Promise<{ arrived: boolean }> {
  const [row] = await tx.select().from(partyMobileRecords).where(eq(partyMobileRecords.id, recordId)).for('update');
  if (!row || row.state !== 'OUTFLOW_REGISTERED' || !M.hasArrived(row.arrivalDate ?? row.outflowDate, at)) return { arrived: false };
  return { arrived: !!(await arrive(tx, row, at)) };
}

/** +7 / +21: remind the member while the record still waits for 报到 (a later milestone supersedes); +30: the overdue flag. */
async function reportTimer(db: Db, recordId: string, days: number, at: Date): Promise<{ notified: number }> {
  if (days >= OVERDUE) return db.transaction(async (tx) => ({ notified: (await refreshFlags(tx, recordId, at)).notified }));
  const [x] = await db.select({ r: partyMobileRecords, m: partyMembers }).from(partyMobileRecords).innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId)).where(eq(partyMobileRecords.id, recordId));
  if (!x || (x.r.state !== 'AWAITING_REPORT' && x.r.state !== 'OUTFLOW_REGISTERED') || !x.r.arrivalDate) return { notified: 0 };
  const later = MILESTONES.find((d) => d > days);
  if (later !== undefined && at.getTime() >= M.reminderAt(x.r.arrivalDate, later).getTime()) return { notified: 0 };
  const notified = await notifyAll(db, [x.m.userId], 'party.mobile_reminder', `mobile:${recordId}:remind:${days}`, { recordId, days });
  return { notified };
}

/**
 * M10 / M11 for one record: the stored flags become the derived ones; a change appends a `flag` event and notifies the
 * newly raised flags to the member and both ends (once: the dedupe key names the event).
 */
export async function refreshFlags(tx: Tx, recordId: string, at: Date): Promise<{ changed: boolean; notified: number }> {
  const [x] = await tx
    .select({ r: partyMobileRecords, m: partyMembers })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .where(eq(partyMobileRecords.id, recordId))
    .for('update', { of: partyMobileRecords });
  if (!x || M.isEnded(x.r.state) || x.r.state === 'LOST_CONTACT' || x.r.state === 'REPORT_SUBMITTED') return { changed: false, notified: 0 };
  const flags = (await deriveFlags(tx, [x], at)).get(x.r.id) ?? [];
  const before = x.r.lapseFlags ?? [];
  if (flags.length === before.length && flags.every((f) => before.includes(f))) return { changed: false, notified: 0 };
  const raised = M.newlyRaised(before, flags);
  await tx.update(partyMobileRecords).set({ lapseFlags: flags, updatedAt: at }).where(eq(partyMobileRecords.id, recordId));
  const seq = await appendEvent(tx, recordId, { action: 'flag', fromState: x.r.state, toState: x.r.state, actorUserId: null, actorRole: 'system', actorOrgId: null, data: { flags, raised, cleared: before.filter((f) => !(flags as string[]).includes(f)) } });
  if (!raised.length) return { changed: true, notified: 0 };
  const orgs = await loadOrgs(tx, [x.r.outflowOrgId]);
  const ends = [...(await outflowRecipients(tx, orgs.get(x.r.outflowOrgId))), ...(await secretariesOf(tx, [x.r.inflowOrgId, x.r.inflowBranchId]))];
  const key = `mobile:${recordId}:flag:${seq}`;
  let notified = await notifyAll(tx, ends, 'party.mobile_lapse', key, { recordId, flags: raised, state: M.reportedState(x.r.state, flags) });
  notified += await notifyAll(tx, [x.m.userId], 'party.mobile_lapse_own', key, { recordId, flags: raised });
  return { changed: true, notified };
}

/** M16 for one record: prompt the member and both branches once; never a transfer. */
export async function promptTransferIfDue(tx: Tx, recordId: string, at: Date): Promise<boolean> {
  const [x] = await tx
    .select({ r: partyMobileRecords, m: partyMembers })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .where(eq(partyMobileRecords.id, recordId))
    .for('update', { of: partyMobileRecords });
  if (!x) return false;
  const orgs = await loadOrgs(tx, [x.r.outflowOrgId, x.r.inflowOrgId, x.r.inflowBranchId]);
  const d = M.decideMobile('prompt_transfer', recordFacts(x.r, x.m, orgs, !!x.r.acceptedAt), { role: 'system', userId: null }, at);
  if (!d.ok) return false;
  const done = await tx
    .update(partyMobileRecords)
    .set({ transferPromptedAt: at, updatedAt: at })
    .where(and(eq(partyMobileRecords.id, recordId), eq(partyMobileRecords.state, 'INFLOW_ACTIVE')))
    .returning({ id: partyMobileRecords.id });
  if (!done.length) return false;
  const seq = await appendEvent(tx, recordId, { action: 'prompt_transfer', fromState: x.r.state, toState: x.r.state, actorUserId: null, actorRole: 'system', actorOrgId: null, comment: '固定单位满 6 个月：提示办理组织关系转接（不自动转接）' });
  const key = `mobile:${recordId}:${seq}`;
  const ends = [...(await outflowRecipients(tx, orgs.get(x.r.outflowOrgId))), ...(await secretariesOf(tx, [x.r.inflowOrgId, x.r.inflowBranchId]))];
  await notifyAll(tx, ends, 'party.mobile_transfer_prompt', key, { recordId });
  await notifyAll(tx, [x.m.userId], 'party.mobile_transfer_prompt', key, { recordId, action: 'own' });
  return true;
}

/** The daily sweep: missed arrivals, stored lapse flags, M16 prompts. */
export async function sweepMobileRecords(db: Db, at: Date = now()): Promise<{ arrived: number; changed: number; notified: number; prompted: number }> {
  const rows = await db
    .select({ r: partyMobileRecords, m: partyMembers })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .where(inArray(partyMobileRecords.state, ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'INFLOW_ACTIVE']));
  let arrived = 0;
  for (const x of rows.filter((y) => y.r.state === 'OUTFLOW_REGISTERED' && M.hasArrived(y.r.arrivalDate ?? y.r.outflowDate, at))) {
    if ((await db.transaction((tx) => arriveIfDue(tx, x.r.id, at))).arrived) arrived += 1;
  }
  const fresh = arrived
    ? await db
        .select({ r: partyMobileRecords, m: partyMembers })
        .from(partyMobileRecords)
        .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
        .where(inArray(partyMobileRecords.state, ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'INFLOW_ACTIVE']))
    : rows;
  const derived = await deriveFlags(db, fresh, at);
  let changed = 0;
  let notified = 0;
  for (const x of fresh) {
    const flags = derived.get(x.r.id) ?? [];
    const before = x.r.lapseFlags ?? [];
    if (flags.length === before.length && flags.every((f) => before.includes(f))) continue;
    const res = await db.transaction((tx) => refreshFlags(tx, x.r.id, at));
    if (res.changed) changed += 1;
    notified += res.notified;
  }
  let prompted = 0;
  const cutoff = M.addMonthsToDate(localDate(at), -M.TRANSFER_PROMPT_MONTHS);
  for (const x of fresh.filter((y) => y.r.state === 'INFLOW_ACTIVE' && y.r.fixedEmployer && !y.r.transferPromptedAt && y.r.acceptedAt && localDate(y.r.acceptedAt) <= cutoff)) {
    if (await db.transaction((tx) => promptTransferIfDue(tx, x.r.id, at))) prompted += 1;
  }
  return { arrived, changed, notified, prompted };
}

/** M14: a completed TransferCase ends the member's open record (ENDED_TRANSFERRED). Idempotent. */
export async function endOnTransferCompleted(db: Db, caseId: string, at: Date = now()): Promise<{ ended: boolean }> {
  const [c] = await db.select({ memberId: transferCases.memberId, toBranchId: transferCases.toBranchId }).from(transferCases).where(eq(transferCases.id, caseId));
  if (!c) return { ended: false };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(partyMobileRecords)
      .where(and(eq(partyMobileRecords.memberId, c.memberId), inArray(partyMobileRecords.state, [...M.OPEN_STATES])))
      .for('update');
    if (!row) return { ended: false };
    const [member] = await tx.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
    const orgs = await loadOrgs(tx, [row.outflowOrgId, row.inflowOrgId, row.inflowBranchId]);
    const d = M.decideMobile('transferred', recordFacts(row, member as MemberRow, orgs, (await acceptedRecordIds(tx, [row.id])).has(row.id)), { role: 'system', userId: null }, at);
    if (!d.ok) return { ended: false };
    await tx
      .update(partyMobileRecords)
      .set({ state: 'ENDED_TRANSFERRED', endAt: at, endReason: 'transferred', lapseFlags: [], updatedAt: at })
      .where(eq(partyMobileRecords.id, row.id));
    const branch = c.toBranchId ? (await tx.select({ zh: partyOrgs.nameZh }).from(partyOrgs).where(eq(partyOrgs.id, c.toBranchId)))[0] : undefined;
    const seq = await appendEvent(tx, row.id, { action: 'transferred', fromState: row.state, toState: 'ENDED_TRANSFERRED', actorUserId: null, actorRole: 'system', actorOrgId: c.toBranchId, comment: branch ? `组织关系已转入${branch.zh}` : '组织关系转接完成', data: { transferCaseId: caseId } });
    await notifyAll(tx, [member?.userId], 'party.mobile_step', `mobile:${row.id}:${seq}`, { recordId: row.id, action: 'transferred', state: 'ENDED_TRANSFERRED' });
    return { ended: true };
  });
}

export type { DbOrTx };
