import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { partyMembers, partyOrgs, transferCases, transferEvents, users } from '@/db/schema';
import { defineJob, defineRecurring, subscribe } from '@/lib/jobs/registry';
import { notify } from '@/lib/notifications/service';
import { partyTransferTransitioned } from './transfer-events';
import { sweepExpiredLetters } from './transfer-expiry';

/**
 * The transfer's background work (ADR 011; registered in lib/jobs/domains.ts):
 * - every transition notifies the member (their account, if linked) and the accounts of the organisation now holding
 *   the case (区委组织部 for ORGDEPT_REVIEW and the district committee); one notification per (user, case, seq);
 * - each issued letter has its own expiry job (transfers.ts letterExpiryJob, due at expires_at), and this hourly sweep
 *   catches any the queue missed. Expiry itself is computed from expires_at everywhere; the jobs only record the
 *   EXPIRED event (T16) and so trigger the notifications.
 */

type Notice = 'party.transfer_step' | 'party.transfer_todo' | 'party.transfer_expired' | 'party.transfer_rerouted';

async function handlerAccounts(db: Db, handlerOrgId: string | null, state: string, districtIds: string[]): Promise<string[]> {
  const ids = new Set<string>();
  if (handlerOrgId) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, handlerOrgId), eq(users.role, 'branch_secretary'), isNull(users.disabledAt)));
    for (const r of rows) ids.add(r.id);
  }
  if (state === 'ORGDEPT_REVIEW' || (handlerOrgId && districtIds.includes(handlerOrgId))) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'org_admin'), isNull(users.disabledAt)));
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

export async function notifyTransferStep(db: Db, p: z.infer<typeof partyTransferTransitioned.schema>): Promise<{ notified: number }> {
  const [c] = await db
    .select({ memberUserId: partyMembers.userId, handler: transferCases.currentHandlerOrgId, state: transferCases.state, fromOrgId: transferCases.fromOrgId, hops: transferCases.issuingHops })
    .from(transferCases)
    .innerJoin(partyMembers, eq(partyMembers.id, transferCases.memberId))
    .where(eq(transferCases.id, p.caseId));
  if (!c) return { notified: 0 };
  const [ev] = await db
    .select({ comment: transferEvents.comment, actorUserId: transferEvents.actorUserId })
    .from(transferEvents)
    .where(and(eq(transferEvents.caseId, p.caseId), eq(transferEvents.seq, p.seq)));
  const returnCode = p.toState === 'RETURNED_BY_RECEIVER' || p.toState === 'RETURNED_FOR_EDIT' ? (await db.select({ code: transferCases.returnReasonCode }).from(transferCases).where(eq(transferCases.id, p.caseId)))[0]?.code : null;
  const payload = { caseId: p.caseId, action: p.action, state: p.toState, reasonCode: returnCode ?? null, comment: p.action === 'return' || p.action === 'void' ? (ev?.comment ?? null) : null };
  const districtRows = await db.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.orgType, 'district_committee'));
  const districtIds = districtRows.map((r) => r.id);
  const sends: [string, Notice][] = [];
  if (c.memberUserId) sends.push([c.memberUserId, p.action === 'expire' ? 'party.transfer_expired' : 'party.transfer_step']);
  const handlerNotice: Notice = p.action === 'reroute' ? 'party.transfer_rerouted' : 'party.transfer_todo';
  const todo = ['DRAFT', 'RETURNED_FOR_EDIT', 'WITHDRAWN', 'RECEIPT_SENT', 'VOIDED'].includes(p.toState) && p.action !== 'reroute' ? [] : await handlerAccounts(db, p.handlerOrgId, p.toState, districtIds);
  for (const id of todo) sends.push([id, handlerNotice]);
  if (p.action === 'expire') {
    // Both ends hear of an expired letter: the sending branch and the last issuer (the member stays at the branch).
    const ends = [c.fromOrgId, c.hops[c.hops.length - 1]].filter((x): x is string => !!x);
    if (ends.length) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.orgId, ends), eq(users.role, 'branch_secretary'), isNull(users.disabledAt)));
      for (const r of rows) sends.push([r.id, 'party.transfer_expired']);
    }
  }
  let notified = 0;
  const done = new Set<string>();
  for (const [userId, kind] of sends) {
    if (done.has(userId) || userId === ev?.actorUserId) continue; // one notice per person; never for one's own step
    done.add(userId);
    if (await notify(db, userId, kind, `transfer:${p.caseId}:${p.seq}`, payload)) notified += 1;
  }
  return { notified };
}

subscribe(partyTransferTransitioned, {
  name: 'party.notify_transfer_step',
  handler: (event, { db }) => notifyTransferStep(db, event.payload),
});

export const sweepLetterExpiryJob = defineJob({
  type: 'party.sweep_letter_expiry',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: (_p, { db }) => sweepExpiredLetters(db),
});

defineRecurring({ name: 'party.sweep_letter_expiry.hourly', schedule: { everyMs: 3_600_000 }, type: sweepLetterExpiryJob.type, payload: {} });

export { letterExpiryJob } from './transfer-expiry';
