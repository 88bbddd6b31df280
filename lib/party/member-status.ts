import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partyMembers, partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { encryptField } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import { partyToday, readDecisions } from './members';
import { PARTY_STATUS_TRANSITIONS, statusDecisionInput, type StatusDecisionDto, type StatusDecisionInput } from './schemas';
import { voidOpenCasesOfMember } from './transfers';

/**
 * 党籍 decisions (domain-party.md §5.2): 停止党籍, 恢复党籍, 除名, 开除, 去世 are decided outside the portal (支部党员大会
 * → 党委审批 → 县级组织部备案) and only recorded here, each with who decided, its approval reference and date. The
 * list is S1: encrypted at rest, shown only to those who may read the member's record (§4.2: the secretaries of the
 * member's formal organisation and above, and the 区委组织部). A status other than NORMAL/STOPPED ends the member's
 * transfer: every open case is voided (§5.2 "Any STOPPED/STRUCK_OFF member: all open TransferCases → VOIDED").
 */

export async function recordStatusDecision(actor: Actor | null, memberId: string, raw: StatusDecisionInput, ip: string): Promise<{ partyStatus: StatusDecisionDto['status']; decisions: StatusDecisionDto[]; voidedTransfers: number }> {
  const input = statusDecisionInput.parse(raw);
  const db = await getDb();
  const [scope] = await db.select({ path: partyOrgs.path }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(eq(partyMembers.id, memberId)).limit(1);
  const me = await authorize(actor, 'party_members.record_status', { orgPath: scope?.path ?? '\u0000missing' }, { ip, targetType: 'party_member', targetId: memberId });
  if (!scope) throw new AppError('NOT_FOUND');
  const at = now();
  if (input.decisionDate > partyToday().todayIso) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { decisionDate: ['party.errDecisionDate'] } });
  }
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(partyMembers).where(eq(partyMembers.id, memberId)).for('update');
    if (!m) throw new AppError('NOT_FOUND');
    if (!PARTY_STATUS_TRANSITIONS[m.partyStatus].includes(input.status)) throw new AppError('TRANSITION_NOT_ALLOWED');
    const decision: StatusDecisionDto = {
      status: input.status,
      previousStatus: m.partyStatus,
      decidedBy: input.decidedBy,
      approvalRef: input.approvalRef,
      decisionDate: input.decisionDate,
      note: input.note,
      recordedAt: at.toISOString(),
      recordedBy: me.displayName,
    };
    const decisions = [...readDecisions(m.statusDecisionsEnc), decision];
    await tx
      .update(partyMembers)
      .set({ partyStatus: input.status, statusDecisionsEnc: encryptField(JSON.stringify(decisions)), updatedAt: at })
      .where(eq(partyMembers.id, memberId));
    const voidedTransfers = input.status === 'NORMAL' ? 0 : await voidOpenCasesOfMember(tx, memberId, me, `党籍变更：${input.decidedBy} ${input.approvalRef}`);
    // The audit row names the decision, never its note (S1 text stays in the encrypted list).
    await audit(
      {
        action: 'party_members.record_status',
        result: 'ok',
        actorId: me.id,
        actorRole: me.role,
        targetType: 'party_member',
        targetId: memberId,
        ip,
        detail: { from: m.partyStatus, to: input.status, approvalRef: input.approvalRef, voidedTransfers },
      },
      tx,
    );
    return { partyStatus: input.status, decisions, voidedTransfers };
  });
}
