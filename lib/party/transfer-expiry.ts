import 'server-only';
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { partyMembers, transferCases } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { defineJob } from '@/lib/jobs/registry';
import * as M from './transfer-machine';
import { appendEvent, caseFacts, caseOrgIds, orgsWithAncestors, SYSTEM, type CaseRow } from './transfer-store';

/**
 * T16: a letter expires when the clock passes expires_at — everywhere computed from it (transfer-machine.ts
 * effectiveState), so an expired letter is refused even if no job ran. These jobs only record the EXPIRED event (and
 * through it the notifications): one per letter, due at expires_at, and an hourly sweep (transfer-jobs.ts).
 */

/** T16 in the caller's transaction: the case becomes EXPIRED with a system event. */
export async function markExpired(tx: Tx, row: CaseRow, userId: string | null, ip: string | null): Promise<void> {
  const t = now();
  const updated = await tx
    .update(transferCases)
    .set({ state: 'EXPIRED', currentHandlerOrgId: null, stepDeadline: null, updatedAt: t })
    .where(and(eq(transferCases.id, row.id), eq(transferCases.state, row.state)))
    .returning({ id: transferCases.id });
  if (!updated.length) throw new AppError('TRANSITION_NOT_ALLOWED');
  await appendEvent(tx, row.id, { action: 'expire', fromState: row.state, toState: 'EXPIRED', actorUserId: userId, actorRole: 'system', actorOrgId: null, comment: row.expiresAt ? `有效期至 ${M.localDate(new Date(row.expiresAt.getTime() - 1))}` : null, handlerOrgId: null }, ip);
}

/** The letter's own expiry job (T16), due when it expires; the hourly sweep catches any the queue missed. */
export const letterExpiryJob = defineJob({
  type: 'party.record_letter_expiry',
  payload: z.object({ caseId: z.uuid() }).strict(),
  maxAttempts: 5,
  handler: ({ caseId }, { db }) => recordLetterExpiry(db, caseId),
});


/** Records EXPIRED for a case whose letter has run out (idempotent: anything else is left alone). */
export async function recordLetterExpiry(db: Db, caseId: string): Promise<{ expired: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(transferCases).where(eq(transferCases.id, caseId)).for('update');
    if (!row) return { expired: false };
    const [member] = await tx.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
    const orgs = await orgsWithAncestors(tx, caseOrgIds(row));
    const d = M.decide('expire', caseFacts(row, member!, orgs), SYSTEM, now());
    if (!d.ok) return { expired: false };
    await markExpired(tx, row, null, null);
    await audit({ action: 'party_transfers.expire', result: 'ok', targetType: 'transfer_case', targetId: row.id, detail: { transition: 'T16', letterNo: row.letterNo } }, tx);
    return { expired: true };
  });
}

/** The hourly safety net: every letter past its expiry that nobody registered (a missed or early job). */
export async function sweepExpiredLetters(db: Db): Promise<{ expired: number }> {
  const due = await db
    .select({ id: transferCases.id })
    .from(transferCases)
    .where(and(inArray(transferCases.state, ['ISSUED', 'RETURNED_BY_RECEIVER']), isNull(transferCases.openedAt), lte(transferCases.expiresAt, now())))
    .orderBy(asc(transferCases.expiresAt))
    .limit(500);
  let expired = 0;
  for (const { id } of due) if ((await recordLetterExpiry(db, id)).expired) expired += 1;
  return { expired };
}
