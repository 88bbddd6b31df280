import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyMembers, transferCases } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import { enqueue } from '@/lib/jobs/queue';
import { letterExpiryJob, markExpired } from './transfer-expiry';
import * as M from './transfer-machine';
import { readCase } from './transfer-read';
import { createTransferInput, type ActionBody, type CreateTransferInput, type TransferDto } from './transfer-schemas';
import { paidThroughMonth } from './dues-ledger';
import { actingOrg, actorFacts, appendEvent, appendHop, auditRefusal, authorizeCase, caseFacts, caseOrgIds, denialCtx, districtOrgIds, hasOtherOpenCase, isOffDirectory, memberFacts, nextLetterNo, orgsWithAncestors, problemOnUnique, refusal, type CaseRow, type MemberRow, type Orgs, type TransferCtx } from './transfer-store';

/**
 * 组织关系转接 — the service over the pure machine (transfer-machine.ts). Every action runs in one transaction:
 * the case is locked (FOR UPDATE), the machine decides, the row changes with a conditional UPDATE … WHERE state =
 * expected, an append-only transfer_events row gets the next seq (I3), an audit row and a `party.transfer_transitioned`
 * domain event (notifications) are written with it. A refusal changes nothing: the transaction rolls back, and the
 * refusal is audited afterwards (an actor refused by the machine as `authz.denied`).
 *
 * Access: the member reads and acts on their own case (party_record.read_own / party_transfers.apply); secretaries
 * and 区委组织部 read cases that touch their subtree (from, to, current handler, issuing hops — Resource.orgPaths) and
 * the machine decides which step each may take; zone staff, sysadmins and other talents are refused and audited.
 */

// --- T1: create ---------------------------------------------------------------------------------------------------

/** T1: the member (for themselves) or their branch secretary opens a case in DRAFT. */
export async function createTransfer(actor: Actor | null, raw: CreateTransferInput, ctx: TransferCtx): Promise<TransferDto> {
  const input = createTransferInput.parse(raw);
  const db = await getDb();
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId)).limit(1);
  const pre = await orgsWithAncestors(db, [member?.formalOrgId, input.toOrgId]);
  const denial = denialCtx(ctx.ip, null, 'transfer:create');
  const me =
    actor?.role === 'talent'
      ? await authorize(actor, 'party_transfers.apply', { ownerId: member?.userId ?? null }, denial)
      : await authorize(actor, 'party_transfers.act', { orgPath: (member && pre.get(member.formalOrgId)?.path) ?? '\u0000missing' }, denial);
  if (!member) throw new AppError('NOT_FOUND');
  const toOrg = input.toOrgId ? pre.get(input.toOrgId) : undefined;
  if (input.toOrgId && !toOrg) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errOrgUnknown'] } });
  if (toOrg && toOrg.id === member.formalOrgId) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errSameOrg'] } });
  try {
    const id = await db.transaction(async (tx) => {
      const t = now();
      const districtIds = await districtOrgIds(tx);
      const facts: M.CaseFacts = { state: null, memberUserId: member.userId, fromOrgId: member.formalOrgId, currentHandlerOrgId: null, issuingHops: [], offDirectory: !toOrg || toOrg.isExternal, expiresAt: null, openedAt: null, letterNo: null };
      const d = M.decide('create', facts, actorFacts(me, districtIds), t, { member: memberFacts(member, await paidThroughMonth(tx, member.id)), otherOpenCase: await hasOtherOpenCase(tx, member.id), target: toOrg ?? null });
      if (!d.ok) throw refusal(d);
      let row: CaseRow;
      try {
        [row] = (await tx
          .insert(transferCases)
          .values({
            memberId: member.id,
            state: 'DRAFT',
            category: input.category,
            channel: input.channel,
            fromOrgId: member.formalOrgId,
            toOrgId: toOrg?.id ?? null,
            toOrgText: toOrg ? null : (input.toOrgText ?? null),
            reason: input.reason,
            createdBy: me.id,
            createdAt: t,
            updatedAt: t,
          })
          .returning()) as [CaseRow];
      } catch (err) {
        throw problemOnUnique(err) ?? err;
      }
      await appendEvent(tx, row.id, { action: 'create', fromState: null, toState: 'DRAFT', actorUserId: me.id, actorRole: d.actorKind, actorOrgId: actingOrg(d.actorKind, row, me, districtIds), comment: input.reason, handlerOrgId: null }, ctx.ip);
      await audit({ action: 'party_transfers.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: row.id, ip: ctx.ip, detail: { memberId: member.id, toOrgId: row.toOrgId, offDirectory: !row.toOrgId } }, tx);
      return row.id;
    });
    return await readCase(db, me, id, ctx.locale ?? 'zh-CN');
  } catch (err) {
    // A concurrent creation that lost the race on the partial unique index surfaces here, after the rollback.
    const mapped = problemOnUnique(err) ?? err;
    await auditRefusal(me, null, 'create', mapped, ctx.ip, false);
    throw mapped;
  }
}

// --- T2–T18: actions on a case ----------------------------------------------------------------------------------------

/** POST /api/v1/party/transfers/{id}/{action}. Returns the case (for T17: the new case). */
export async function actOnTransfer(actor: Actor | null, caseId: string, action: M.CaseAction, body: ActionBody, ctx: TransferCtx): Promise<TransferDto> {
  const db = await getDb();
  const [pre] = await db.select().from(transferCases).where(eq(transferCases.id, caseId)).limit(1);
  if (!pre) {
    if (actor?.role !== 'org_admin') await authorize(actor, 'party_transfers.act', { orgPath: '\u0000missing' }, denialCtx(ctx.ip, caseId, `transfer:${action}`));
    throw new AppError('NOT_FOUND');
  }
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, pre.memberId)).limit(1);
  const me = await authorizeCase(actor, pre, member!, await orgsWithAncestors(db, caseOrgIds(pre)), 'act', ctx.ip, `transfer:${action}`);
  try {
    const id = await db.transaction((tx) => runAction(tx, me, caseId, action, body, ctx.ip));
    return await readCase(db, me, id, ctx.locale ?? 'zh-CN');
  } catch (err) {
    await auditRefusal(me, caseId, action, err, ctx.ip, false);
    throw err;
  }
}

async function runAction(tx: Tx, me: Actor, caseId: string, action: M.CaseAction, body: ActionBody, ip: string): Promise<string> {
  const [row] = await tx.select().from(transferCases).where(eq(transferCases.id, caseId)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  const [member] = await tx.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
  // T3 (and the letter's 党费交至) read the dues ledger, not only the baseline kept on the member.
  const paidThrough = await paidThroughMonth(tx, row.memberId);
  const t = now();
  const districtIds = await districtOrgIds(tx);
  const changes = body.changes;
  if (changes && action !== 'submit') throw new AppError('VALIDATION_FAILED', { fieldErrors: { changes: ['partyTransfer.errTargetOne'] } });
  const orgs = await orgsWithAncestors(tx, [...caseOrgIds(row), body.branchId, body.toOrgId, changes?.toOrgId, member!.formalOrgId, ...districtIds]);
  const facts = caseFacts(row, member!, orgs);
  const actor = actorFacts(me, districtIds);

  // T14 is idempotent: a completion that lost the race (or a retry) answers the completed case, with no second
  // switch and no second event.
  if (action === 'complete' && (row.state === 'COMPLETED' || row.state === 'RECEIPT_SENT') && row.toBranchId === body.branchId && M.actorKinds(facts, actor).includes('receiver')) return row.id;

  const wanted = changes && (changes.toOrgId || changes.toOrgText) ? { toOrgId: changes.toOrgId ?? null, toOrgText: changes.toOrgId ? null : (changes.toOrgText ?? null) } : null;
  // A correction names only what differs (a form resends every field).
  const retarget = wanted && (wanted.toOrgId !== row.toOrgId || wanted.toOrgText !== row.toOrgText) ? wanted : null;
  const targetId = action === 'reissue' && (body.toOrgId || body.toOrgText) ? (body.toOrgId ?? null) : retarget ? retarget.toOrgId : row.toOrgId;
  if (body.toOrgId && !orgs.get(body.toOrgId)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errOrgUnknown'] } });
  if (changes?.toOrgId && !orgs.get(changes.toOrgId)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'changes.toOrgId': ['partyTransfer.errOrgUnknown'] } });
  if (changes?.toOrgId && changes.toOrgId === member!.formalOrgId) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'changes.toOrgId': ['partyTransfer.errSameOrg'] } });
  const guard: M.GuardFacts = {
    member: memberFacts(member!, paidThrough),
    target: targetId ? (orgs.get(targetId) ?? null) : null,
    handler: row.currentHandlerOrgId ? (orgs.get(row.currentHandlerOrgId) ?? null) : null,
    receivingCommittee: row.currentHandlerOrgId ? (orgs.get(row.currentHandlerOrgId) ?? null) : null,
    branch: body.branchId ? (orgs.get(body.branchId) ?? null) : null,
    category: row.category,
    otherOpenCase: action === 'reissue' ? await hasOtherOpenCase(tx, row.memberId, row.id) : false,
  };
  const comment = body.comment?.trim() || body.reason?.trim() || null;
  const d = M.decide(action, facts, actor, t, guard, { validityDays: body.validityDays, reasonCode: body.reasonCode, comment: comment ?? undefined, receivedOn: body.receivedOn });
  if (!d.ok) throw refusal(d);
  if (body.nationalFlowNo && !M.NATIONAL_CHANNELS.includes(row.channel)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { nationalFlowNo: ['partyTransfer.errNationalFlowNo'] } });

  const actorOrgId = actingOrg(d.actorKind, row, me, districtIds);
  const district = () => (row.fromOrgId ? M.districtCommitteeFor(orgs, row.fromOrgId)?.id : undefined) ?? districtIds[0] ?? null;
  const lastHop = row.issuingHops[row.issuingHops.length - 1] ?? null;

  if (d.newCase) return reissueAsNewCase(tx, me, row, member!, orgs, d, { comment, toOrgId: body.toOrgId, toOrgText: body.toOrgText, actorOrgId, districtIds }, ip);

  const patch: Partial<typeof transferCases.$inferInsert> = { updatedAt: t };
  let next: M.TransferState = row.state;
  let eventComment = comment;
  let afterUpdate: (() => Promise<void>) | null = null;
  switch (d.transition.id) {
    case 'T2': {
      next = 'BRANCH_REVIEW';
      Object.assign(patch, { currentHandlerOrgId: row.fromOrgId, returnReasonCode: null, returnReasonText: null });
      if (changes) {
        // The corrections of a returned application (T4 → "applicant can fix"): recorded on the event, field by field.
        const category = changes.category && changes.category !== row.category ? changes.category : null;
        const channel = changes.channel && changes.channel !== row.channel ? changes.channel : null;
        const reason = changes.reason && changes.reason !== row.reason ? changes.reason : null;
        Object.assign(patch, { ...(retarget ?? {}), ...(category ? { category } : {}), ...(channel ? { channel } : {}), ...(reason ? { reason } : {}) });
        const changed = [retarget ? '接收组织' : null, category ? '转接类别' : null, channel ? '办理渠道' : null, reason ? '转接原因' : null].filter(Boolean);
        if (changed.length) eventComment = [`已更正：${changed.join('、')}`, comment].filter(Boolean).join('；');
      }
      break;
    }
    case 'T3': {
      const issuer = row.fromOrgId ? M.issuingCommitteeFor(orgs, row.fromOrgId) : null;
      next = issuer ? 'ISSUER_REVIEW' : 'ORGDEPT_REVIEW';
      Object.assign(patch, { currentHandlerOrgId: issuer?.id ?? district(), duesPaidThrough: paidThrough });
      break;
    }
    case 'T4':
      next = 'RETURNED_FOR_EDIT';
      Object.assign(patch, { currentHandlerOrgId: null, returnReasonCode: null, returnReasonText: comment });
      break;
    case 'T5':
      next = 'WITHDRAWN';
      patch.currentHandlerOrgId = null;
      break;
    case 'T6':
      next = 'ORGDEPT_REVIEW';
      Object.assign(patch, { issuingHops: appendHop(row.issuingHops, row.currentHandlerOrgId), currentHandlerOrgId: district() });
      break;
    case 'T7': {
      next = 'ISSUED';
      const validityDays = d.validityDays!;
      const letterNo = await nextLetterNo(tx, t);
      const expiresAt = M.letterExpiresAt(t, validityDays);
      const issuing = row.currentHandlerOrgId;
      const offDirectory = isOffDirectory(row, orgs);
      const receiving = !offDirectory && row.toOrgId ? (M.receivingCommitteeFor(orgs, row.toOrgId)?.id ?? M.districtCommitteeFor(orgs, row.toOrgId)?.id ?? null) : null;
      Object.assign(patch, {
        letterNo,
        verifyCode: randomToken(24),
        issuedAt: t,
        validityDays,
        expiresAt,
        openedAt: null,
        issuingHops: appendHop(row.issuingHops, issuing),
        currentHandlerOrgId: offDirectory ? issuing : receiving,
        duesPaidThrough: paidThrough,
        nationalFlowNo: body.nationalFlowNo ?? row.nationalFlowNo,
        returnReasonCode: null,
        returnReasonText: null,
      });
      eventComment = [`${letterNo}，有效期 ${validityDays} 天`, body.nationalFlowNo ? `全国党员管理信息系统流水号 ${body.nationalFlowNo}（在该系统办理）` : null, comment].filter(Boolean).join('；');
      afterUpdate = async () => {
        await enqueue(tx, letterExpiryJob, { caseId: row.id }, { runAt: expiresAt, idempotencyKey: `${row.id}:${letterNo}` });
      };
      break;
    }
    case 'T8':
      next = 'RECEIVER_REVIEW';
      patch.openedAt = t;
      break;
    case 'T9':
      next = 'ON_HOLD';
      patch.holdReason = comment;
      break;
    case 'T10':
      next = 'RECEIVER_REVIEW';
      patch.holdReason = null;
      break;
    case 'T11':
      next = 'ACCEPTED';
      patch.acceptedAt = t;
      break;
    case 'T12':
      next = 'RETURNED_BY_RECEIVER';
      // Back to the last issuer; the letter runs against its expiry again (T16 from RETURNED_BY_RECEIVER).
      Object.assign(patch, { currentHandlerOrgId: lastHop, returnReasonCode: body.reasonCode, returnReasonText: comment, openedAt: null });
      break;
    case 'T13':
      if (action === 'reissue') {
        next = 'ISSUER_REVIEW';
        Object.assign(patch, {
          currentHandlerOrgId: lastHop,
          letterNo: null,
          verifyCode: null,
          issuedAt: null,
          validityDays: null,
          expiresAt: null,
          openedAt: null,
          ...(body.toOrgId || body.toOrgText ? { toOrgId: body.toOrgId ?? null, toOrgText: body.toOrgId ? null : (body.toOrgText ?? null) } : {}),
        });
        eventComment = [`原介绍信 ${row.letterNo ?? ''} 作废`, comment].filter(Boolean).join('；');
      } else {
        next = 'VOIDED';
        Object.assign(patch, { currentHandlerOrgId: null, voidedReason: comment });
      }
      break;
    case 'T14': {
      next = 'COMPLETED';
      const branchId = body.branchId!;
      Object.assign(patch, { toBranchId: branchId, completedAt: t, completedTx: sql`txid_current()::text`, receiptDueAt: M.receiptDueAt(t) });
      // I1: the member's one formal branch switches in this transaction; the trigger of migration 0011 accepts it
      // only because this case is COMPLETED into that branch with this transaction's id.
      afterUpdate = async () => {
        await tx.update(partyMembers).set({ formalOrgId: branchId, transferredOutAt: null, updatedAt: t }).where(eq(partyMembers.id, row.memberId));
      };
      break;
    }
    case 'T15': {
      next = 'RECEIPT_SENT';
      Object.assign(patch, { receiptAt: t, receiptHandler: me.displayName, currentHandlerOrgId: null, ...(body.nationalFlowNo ? { nationalFlowNo: body.nationalFlowNo } : {}) });
      if (row.state === 'ISSUED' || row.state === 'EXPIRED') {
        // The letter left the portal: its receiver is outside the directory. The member's relationship is gone from
        // our register (transferred_out_at); formal_org_id keeps the last branch here (I1 changes it only at T14).
        // The 回执 comes by post, often after the validity: the machine accepted its date of receipt.
        if (body.receivedOn) eventComment = [`回执接收日期 ${body.receivedOn}`, comment].filter(Boolean).join('；');
        afterUpdate = async () => {
          await tx.update(partyMembers).set({ transferredOutAt: t, updatedAt: t }).where(eq(partyMembers.id, row.memberId));
        };
      }
      break;
    }
    case 'T18':
      next = 'VOIDED';
      Object.assign(patch, { currentHandlerOrgId: null, voidedReason: comment });
      if (row.letterNo) eventComment = [`介绍信 ${row.letterNo} 作废`, comment].filter(Boolean).join('；');
      break;
    default:
      throw new AppError('TRANSITION_NOT_ALLOWED');
  }
  patch.state = next;
  patch.stepDeadline = M.stepDeadlineFor(next, t);
  const updated = await tx
    .update(transferCases)
    .set(patch)
    .where(and(eq(transferCases.id, row.id), eq(transferCases.state, row.state)))
    .returning({ id: transferCases.id, handler: transferCases.currentHandlerOrgId });
  if (!updated.length) throw new AppError('TRANSITION_NOT_ALLOWED', { detailKey: 'partyTransfer.refusal.state' });
  if (afterUpdate) await afterUpdate();
  const eventAction: M.TransferAction = action;
  await appendEvent(tx, row.id, { action: eventAction, fromState: row.state, toState: next, actorUserId: me.id, actorRole: d.actorKind, actorOrgId, comment: eventComment, handlerOrgId: updated[0]!.handler }, ip);
  await audit({ action: `party_transfers.${action}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: row.id, ip, detail: { transition: d.transition.id, from: row.state, to: next, as: d.actorKind } }, tx);
  return row.id;
}


/**
 * T17: a new case at the issuing committee, linked to its predecessor; the old letter stays void (its verification
 * shows EXPIRED or VOIDED). If the clock ran out before the job recorded it, the expiry is recorded first.
 */
async function reissueAsNewCase(
  tx: Tx,
  me: Actor,
  row: CaseRow,
  member: MemberRow,
  orgs: Orgs,
  d: Extract<M.Decision, { ok: true }>,
  opts: { comment: string | null; toOrgId?: string; toOrgText?: string; actorOrgId: string | null; districtIds: readonly string[] },
  ip: string,
): Promise<string> {
  const t = now();
  if (d.recordExpiryFirst) await markExpired(tx, row, null, ip);
  const oldState: M.TransferState = d.recordExpiryFirst ? 'EXPIRED' : row.state;
  const lastHop = row.issuingHops[row.issuingHops.length - 1];
  const last = lastHop ? orgs.get(lastHop) : undefined;
  const issuer = last && last.status === 'ACTIVE' && last.mayIssue ? last : M.issuingCommitteeFor(orgs, member.formalOrgId);
  const state: M.TransferState = issuer ? 'ISSUER_REVIEW' : 'ORGDEPT_REVIEW';
  const handler = issuer?.id ?? M.districtCommitteeFor(orgs, member.formalOrgId)?.id ?? opts.districtIds[0] ?? null;
  const retarget = !!(opts.toOrgId || opts.toOrgText);
  let created: CaseRow;
  try {
    [created] = (await tx
      .insert(transferCases)
      .values({
        memberId: row.memberId,
        state,
        category: row.category,
        channel: row.channel,
        fromOrgId: member.formalOrgId,
        toOrgId: retarget ? (opts.toOrgId ?? null) : row.toOrgId,
        toOrgText: retarget ? (opts.toOrgId ? null : (opts.toOrgText ?? null)) : row.toOrgText,
        currentHandlerOrgId: handler,
        reason: row.reason,
        duesPaidThrough: member.lastDuesMonth,
        predecessorId: row.id,
        stepDeadline: M.stepDeadlineFor(state, t),
        createdBy: me.id,
        createdAt: t,
        updatedAt: t,
      })
      .returning()) as [CaseRow];
  } catch (err) {
    throw problemOnUnique(err) ?? err;
  }
  const why = oldState === 'EXPIRED' ? '过期' : '作废';
  await appendEvent(tx, created.id, { action: 'reissue', fromState: null, toState: state, actorUserId: me.id, actorRole: d.actorKind, actorOrgId: opts.actorOrgId, comment: [`接续 ${row.letterNo ?? ''}（原介绍信${why}）`, opts.comment].filter(Boolean).join('；'), handlerOrgId: handler }, ip);
  await appendEvent(tx, row.id, { action: 'reissue', fromState: oldState, toState: oldState, actorUserId: me.id, actorRole: d.actorKind, actorOrgId: opts.actorOrgId, comment: `已重新发起：${created.id}`, handlerOrgId: null }, ip);
  await audit({ action: 'party_transfers.reissue', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: created.id, ip, detail: { transition: 'T17', predecessorId: row.id } }, tx);
  return created.id;
}

// --- T18 (system): a member's standing changed --------------------------------------------------------------------

/**
 * §5.1: a member whose party status becomes STOPPED or STRUCK_OFF has every open case voided, in the caller's
 * transaction (the members side calls this when it records the decision).
 */
export async function voidOpenCasesOfMember(tx: Tx, memberId: string, actor: Actor, reason: string): Promise<number> {
  const open = await tx
    .select()
    .from(transferCases)
    .where(and(eq(transferCases.memberId, memberId), inArray(transferCases.state, [...OPEN_TRANSFER_STATES])))
    .for('update');
  const t = now();
  for (const row of open) {
    await tx
      .update(transferCases)
      .set({ state: 'VOIDED', currentHandlerOrgId: null, stepDeadline: null, voidedReason: reason, updatedAt: t })
      .where(and(eq(transferCases.id, row.id), eq(transferCases.state, row.state)));
    await appendEvent(tx, row.id, { action: 'void', fromState: row.state, toState: 'VOIDED', actorUserId: actor.id, actorRole: 'system', actorOrgId: null, comment: reason, handlerOrgId: null }, null);
  }
  return open.length;
}


export { letterExpiryJob, recordLetterExpiry, sweepExpiredLetters } from './transfer-expiry';
export { registerIncoming } from './transfer-incoming';
export { getTransfer, listTransfers, verifyLetter, VERIFY_RATE } from './transfer-read';
export { appendEvent as appendTransferEvent } from './transfer-store';
export type { TransferCtx } from './transfer-store';
