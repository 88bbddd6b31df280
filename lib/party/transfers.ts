import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx, type Tx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyMembers, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { auditDenial, authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { jdzToday, now } from '@/lib/clock';
import { blindIndex, encryptField, randomToken, sha256 } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { recordEvent } from '@/lib/events';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { enqueue, rowsOf } from '@/lib/jobs/queue';
import { defineJob } from '@/lib/jobs/registry';
import { hit } from '@/lib/rate-limit';
import { checkIdNumber, normaliseIdNumber } from '@/lib/talent/id-number';
import { partyTransferTransitioned } from './transfer-events';
import * as M from './transfer-machine';
import {
  createTransferInput,
  incomingTransferInput,
  type ActionBody,
  type CreateTransferInput,
  type IncomingTransferInput,
  type LetterVerificationDto,
  type TransferDto,
  type TransferListItem,
} from './transfer-schemas';

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

type CaseRow = typeof transferCases.$inferSelect;
type OrgRow = typeof partyOrgs.$inferSelect;
type MemberRow = typeof partyMembers.$inferSelect;
type Orgs = Map<string, OrgRow>;

export interface TransferCtx {
  ip: string;
  locale?: Locale;
}

// --- loading ------------------------------------------------------------------------------------------------------

/** The organisations named and all their ancestors (the machine's routing walks the paths). */
async function orgsWithAncestors(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Orgs> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const first = await db.select().from(partyOrgs).where(inArray(partyOrgs.id, wanted));
  const seen = new Set(first.map((o) => o.id));
  const missing = [...new Set(first.flatMap((o) => M.pathIds(o.path)))].filter((id) => !seen.has(id));
  const more = missing.length ? await db.select().from(partyOrgs).where(inArray(partyOrgs.id, missing)) : [];
  return new Map([...first, ...more].map((o) => [o.id, o]));
}

async function districtOrgIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.orgType, 'district_committee'), eq(partyOrgs.status, 'ACTIVE')));
  return rows.map((r) => r.id);
}

const isOffDirectory = (row: Pick<CaseRow, 'toOrgId'>, orgs: Orgs): boolean => !row.toOrgId || !!orgs.get(row.toOrgId)?.isExternal;

function caseFacts(row: CaseRow, member: MemberRow, orgs: Orgs): M.CaseFacts {
  return {
    state: row.state,
    memberUserId: member.userId,
    fromOrgId: row.fromOrgId,
    currentHandlerOrgId: row.currentHandlerOrgId,
    issuingHops: row.issuingHops,
    offDirectory: isOffDirectory(row, orgs),
    expiresAt: row.expiresAt,
    openedAt: row.openedAt,
    letterNo: row.letterNo,
    incoming: row.incoming,
  };
}

const actorFacts = (me: Actor, districtIds: readonly string[]): M.ActorFacts => ({ role: me.role, userId: me.id, orgId: me.orgId, districtOrgIds: districtIds });
const SYSTEM: M.ActorFacts = { role: 'system', userId: null, orgId: null };

function memberFacts(m: Pick<MemberRow, 'partyStatus' | 'membershipType' | 'probationEndDate' | 'lastDuesMonth'>): M.GuardFacts['member'] {
  return { partyStatus: m.partyStatus, membershipType: m.membershipType, probationEndDate: m.probationEndDate, lastDuesMonth: m.lastDuesMonth };
}

/** Every organisation a case concerns: from, to, the branch it completed into, the handler and the issuing hops. */
function caseOrgIds(row: CaseRow): string[] {
  return [row.fromOrgId, row.toOrgId, row.toBranchId, row.currentHandlerOrgId, ...row.issuingHops].filter((x): x is string => !!x);
}
const caseOrgPaths = (row: CaseRow, orgs: Orgs) => caseOrgIds(row).map((id) => orgs.get(id)?.path ?? null);

async function hasOtherOpenCase(db: DbOrTx, memberId: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: transferCases.id })
    .from(transferCases)
    .where(and(eq(transferCases.memberId, memberId), inArray(transferCases.state, [...OPEN_TRANSFER_STATES]), exceptId ? ne(transferCases.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

// --- authorization and refusals ---------------------------------------------------------------------------------

const denialCtx = (ip: string, caseId: string | null, via: string) => ({ ip, targetType: 'transfer_case', targetId: caseId, via });

/** Scope: the member's own case, or a case touching the secretary's subtree (org_admin: every case). */
async function authorizeCase(actor: Actor | null, row: CaseRow, member: MemberRow, orgs: Orgs, purpose: 'read' | 'act', ip: string, via: string): Promise<Actor> {
  const ctx = denialCtx(ip, row.id, via);
  if (actor?.role === 'talent') return authorize(actor, purpose === 'read' ? 'party_record.read_own' : 'party_transfers.apply', { ownerId: member.userId }, ctx);
  return authorize(actor, purpose === 'read' ? 'party_transfers.read' : 'party_transfers.act', { orgPaths: caseOrgPaths(row, orgs) }, ctx);
}

/** The machine's refusal as a problem: the stable code, a field error or an explanation (party-transfer dictionary). */
function refusal(d: Extract<M.Decision, { ok: false }>): AppError {
  const key = `partyTransfer.refusal.${d.reason}` as const;
  if (d.field) return new AppError(d.code, { fieldErrors: { [d.field]: [key] }, detailKey: key });
  return new AppError(d.code, { detailKey: key });
}

const ACTOR_REFUSALS = new Set(['NOT_ALLOWED', 'WRONG_ORG', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * After a rolled-back transition: an actor the machine refused is an authorization denial (audited as such, like a
 * refusal by scope); any other refusal is recorded as a refused transition. Denials by `authorize()` are audited there.
 */
async function auditRefusal(me: Actor, caseId: string | null, action: string, err: unknown, ip: string, alreadyAudited: boolean): Promise<void> {
  if (!(err instanceof AppError) || alreadyAudited) return;
  if (err.code === 'NOT_ALLOWED' || err.code === 'WRONG_ORG') {
    await auditDenial(me, 'party_transfers.act', { ...denialCtx(ip, caseId, `transfer:${action}`) });
    return;
  }
  if (ACTOR_REFUSALS.has(err.code) || err.code === 'INTERNAL') return;
  await audit({ action: 'party_transfers.refused', result: 'failed', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: caseId, ip, detail: { action, code: err.code } });
}

// --- writing ------------------------------------------------------------------------------------------------------

interface EventInput {
  action: M.TransferAction;
  fromState: M.TransferState | null;
  toState: M.TransferState;
  actorUserId: string | null;
  actorRole: M.ActorKind;
  actorOrgId: string | null;
  comment: string | null;
  handlerOrgId: string | null;
}

/** I3: the next event of the case (the case row is locked, so seq is taken by one transaction at a time). */
async function appendEvent(tx: Tx, caseId: string, e: EventInput, ip: string | null): Promise<number> {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${transferEvents.seq}), 0)::int` })
    .from(transferEvents)
    .where(eq(transferEvents.caseId, caseId));
  const seq = Number(last?.seq ?? 0) + 1;
  await tx.insert(transferEvents).values({
    caseId,
    seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    actorOrgId: e.actorOrgId,
    comment: e.comment,
    at: now(),
    clientIp: ip,
  });
  await recordEvent(tx, partyTransferTransitioned, caseId, { caseId, seq, action: e.action, fromState: e.fromState, toState: e.toState, handlerOrgId: e.handlerOrgId }, { actorId: e.actorUserId });
  return seq;
}

/** The organisation in whose name the actor took the step. */
function actingOrg(kind: M.ActorKind, row: Pick<CaseRow, 'fromOrgId' | 'currentHandlerOrgId' | 'issuingHops' | 'state'>, me: Actor | null, districtIds: readonly string[]): string | null {
  switch (kind) {
    case 'from_branch':
      return row.fromOrgId;
    case 'issuer':
      return me?.orgId ?? row.issuingHops[row.issuingHops.length - 1] ?? row.currentHandlerOrgId;
    case 'receiver':
      return row.currentHandlerOrgId;
    case 'orgdept':
      return row.state === 'ORGDEPT_REVIEW' && row.currentHandlerOrgId ? row.currentHandlerOrgId : (me?.orgId ?? districtIds[0] ?? null);
    default:
      return null;
  }
}

const appendHop = (hops: readonly string[], org: string | null): string[] => (!org || hops[hops.length - 1] === org ? [...hops] : [...hops, org]);

async function nextLetterNo(tx: Tx, at: Date): Promise<string> {
  const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select nextval('transfer_letter_seq')::int as n`));
  return M.formatLetterNo(Number(M.localDate(at).slice(0, 4)), Number(row!.n));
}

/** The letter's own expiry job (T16), due when it expires; the hourly sweep catches any the queue missed. */
export const letterExpiryJob = defineJob({
  type: 'party.record_letter_expiry',
  payload: z.object({ caseId: z.uuid() }).strict(),
  maxAttempts: 5,
  handler: ({ caseId }, { db }) => recordLetterExpiry(db, caseId),
});

function problemOnUnique(err: unknown): AppError | null {
  if (pgErrorCode(err) !== '23505') return null;
  const c = err as { cause?: { constraint?: string; constraint_name?: string }; constraint?: string; constraint_name?: string };
  const constraint = String(c.cause?.constraint ?? c.cause?.constraint_name ?? c.constraint ?? c.constraint_name ?? '');
  const message = String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message ?? '');
  const has = (name: string) => constraint.includes(name) || message.includes(name);
  if (has('transfer_cases_one_open_uq')) return new AppError('OPEN_CASE_EXISTS', { detailKey: 'partyTransfer.refusal.open_case' });
  if (has('transfer_cases_letter_no_uq')) return new AppError('CONFLICT', { fieldErrors: { letterNo: ['partyTransfer.errLetterTaken'] } });
  if (has('party_members_id_card_uq')) return new AppError('CONFLICT', { fieldErrors: { 'member.idCardNo': ['partyTransfer.errIdTaken'] } });
  return new AppError('CONFLICT');
}

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
      const d = M.decide('create', facts, actorFacts(me, districtIds), t, { member: memberFacts(member), otherOpenCase: await hasOtherOpenCase(tx, member.id), target: toOrg ?? null });
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
  const t = now();
  const districtIds = await districtOrgIds(tx);
  const orgs = await orgsWithAncestors(tx, [...caseOrgIds(row), body.branchId, body.toOrgId, member!.formalOrgId, ...districtIds]);
  const facts = caseFacts(row, member!, orgs);
  const actor = actorFacts(me, districtIds);

  // T14 is idempotent: a completion that lost the race (or a retry) answers the completed case, with no second
  // switch and no second event.
  if (action === 'complete' && (row.state === 'COMPLETED' || row.state === 'RECEIPT_SENT') && row.toBranchId === body.branchId && M.actorKinds(facts, actor).includes('receiver')) return row.id;

  const targetId = action === 'reissue' && (body.toOrgId || body.toOrgText) ? (body.toOrgId ?? null) : row.toOrgId;
  if (body.toOrgId && !orgs.get(body.toOrgId)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errOrgUnknown'] } });
  const guard: M.GuardFacts = {
    member: memberFacts(member!),
    target: targetId ? (orgs.get(targetId) ?? null) : null,
    handler: row.currentHandlerOrgId ? (orgs.get(row.currentHandlerOrgId) ?? null) : null,
    receivingCommittee: row.currentHandlerOrgId ? (orgs.get(row.currentHandlerOrgId) ?? null) : null,
    branch: body.branchId ? (orgs.get(body.branchId) ?? null) : null,
    category: row.category,
    otherOpenCase: action === 'reissue' ? await hasOtherOpenCase(tx, row.memberId, row.id) : false,
  };
  const comment = body.comment?.trim() || body.reason?.trim() || null;
  const d = M.decide(action, facts, actor, t, guard, { validityDays: body.validityDays, reasonCode: body.reasonCode, comment: comment ?? undefined });
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
    case 'T2':
      next = 'BRANCH_REVIEW';
      Object.assign(patch, { currentHandlerOrgId: row.fromOrgId, returnReasonCode: null, returnReasonText: null });
      break;
    case 'T3': {
      const issuer = row.fromOrgId ? M.issuingCommitteeFor(orgs, row.fromOrgId) : null;
      next = issuer ? 'ISSUER_REVIEW' : 'ORGDEPT_REVIEW';
      Object.assign(patch, { currentHandlerOrgId: issuer?.id ?? district(), duesPaidThrough: member!.lastDuesMonth });
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
        duesPaidThrough: member!.lastDuesMonth,
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
      if (row.state === 'ISSUED') {
        // The letter left the portal: its receiver is outside the directory. The member's relationship is gone from
        // our register (transferred_out_at); formal_org_id keeps the last branch here (I1 changes it only at T14).
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

/** T16 in the caller's transaction: the case becomes EXPIRED with a system event. */
async function markExpired(tx: Tx, row: CaseRow, userId: string | null, ip: string | null): Promise<void> {
  const t = now();
  const updated = await tx
    .update(transferCases)
    .set({ state: 'EXPIRED', currentHandlerOrgId: null, stepDeadline: null, updatedAt: t })
    .where(and(eq(transferCases.id, row.id), eq(transferCases.state, row.state)))
    .returning({ id: transferCases.id });
  if (!updated.length) throw new AppError('TRANSITION_NOT_ALLOWED');
  await appendEvent(tx, row.id, { action: 'expire', fromState: row.state, toState: 'EXPIRED', actorUserId: userId, actorRole: 'system', actorOrgId: null, comment: row.expiresAt ? `有效期至 ${M.localDate(new Date(row.expiresAt.getTime() - 1))}` : null, handlerOrgId: null }, ip);
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

// --- T16: expiry (job) --------------------------------------------------------------------------------------------

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

const ID_PROBLEM_KEY = {
  format: 'validation.idFormat',
  region: 'validation.idRegion',
  birth_date: 'validation.idBirthDate',
  future_birth: 'validation.idBirthDate',
  checksum: 'validation.idChecksum',
  birth_mismatch: 'validation.idBirthMismatch',
} as const;

// --- incoming letters ----------------------------------------------------------------------------------------------

/** The directory row that stands for an organisation outside the portal (found by name, created once). */
async function externalOrgFor(tx: Tx, name: string): Promise<string> {
  const code = `EXT-${sha256(name).slice(0, 12)}`;
  const [found] = await tx.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.code, code)).limit(1);
  if (found) return found.id;
  const id = crypto.randomUUID();
  await tx
    .insert(partyOrgs)
    .values({ id, code, nameZh: name, nameEn: name, kind: 'branch', orgType: 'branch', parentId: null, path: `/${id}/`, isExternal: true })
    .onConflictDoNothing();
  const [row] = await tx.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.code, code)).limit(1);
  return row!.id;
}

/**
 * A 景漂 arrives with a letter issued outside the portal (another province, or an organisation not in the
 * directory): the receiving committee (or 区委组织部) registers it at ISSUED with the letter's number, issuer,
 * date and validity; the same expiry rule applies. A member not yet in the register is created at a directory row
 * for the issuing organisation (is_external), so their one formal relationship stays outside until T14 (I1).
 */
export async function registerIncoming(actor: Actor | null, raw: IncomingTransferInput, ctx: TransferCtx): Promise<TransferDto> {
  const input = incomingTransferInput.parse(raw);
  const db = await getDb();
  const pre = await orgsWithAncestors(db, [input.toOrgId]);
  const toOrg = pre.get(input.toOrgId);
  const receiving = toOrg ? (M.receivingCommitteeFor(pre, toOrg.id) ?? M.districtCommitteeFor(pre, toOrg.id)) : null;
  const denial = denialCtx(ctx.ip, null, 'transfer:incoming');
  if (actor?.role === 'talent') {
    await auditDenial(actor, 'party_transfers.read', denial);
    throw new AppError('FORBIDDEN');
  }
  const me = await authorize(actor, 'party_transfers.act', { orgPaths: [toOrg?.path ?? '\u0000missing', receiving?.path] }, denial);
  if (!toOrg || toOrg.isExternal || !receiving) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errOrgUnknown'] } });
  const issuedAt = /^\d{4}-\d{2}-\d{2}$/.test(input.issuedAt) ? M.localDateStart(input.issuedAt) : new Date(input.issuedAt);
  let existing: MemberRow | undefined;
  if (input.memberId) {
    [existing] = await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId)).limit(1);
    if (!existing) throw new AppError('VALIDATION_FAILED', { fieldErrors: { memberId: ['partyTransfer.errOrgUnknown'] } });
  }
  let idNumber = '';
  if (input.member) {
    idNumber = normaliseIdNumber(input.member.idCardNo);
    const problem = checkIdNumber(idNumber, { today: jdzToday() });
    if (problem) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'member.idCardNo': [ID_PROBLEM_KEY[problem]] } });
  }
  try {
    const id = await db.transaction(async (tx) => {
      const t = now();
      const districtIds = await districtOrgIds(tx);
      const facts: M.CaseFacts = { state: null, memberUserId: existing?.userId ?? null, fromOrgId: existing?.formalOrgId ?? null, currentHandlerOrgId: receiving.id, issuingHops: [], offDirectory: false, expiresAt: null, openedAt: null, letterNo: null };
      const memberF = existing ? memberFacts(existing) : { partyStatus: 'NORMAL', membershipType: input.member!.membershipType, probationEndDate: input.member!.probationEndDate ?? null, lastDuesMonth: input.member!.lastDuesMonth ?? null };
      const d = M.decide('register_incoming', facts, actorFacts(me, districtIds), t, { member: memberF, target: toOrg, otherOpenCase: existing ? await hasOtherOpenCase(tx, existing.id) : false, category: input.category }, { validityDays: input.validityDays, issuedAt });
      if (!d.ok) throw refusal(d);
      let memberId = existing?.id;
      let fromOrgId = existing?.formalOrgId ?? null;
      try {
        if (!memberId) {
          const m = input.member!;
          fromOrgId = await externalOrgFor(tx, input.fromOrgText);
          const [row] = await tx
            .insert(partyMembers)
            .values({
              name: m.name,
              gender: idNumber.length === 18 ? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female') : null,
              idCardEnc: encryptField(idNumber),
              idCardBlind: blindIndex('party_id_card', idNumber),
              idCardMasked: maskIdNumber(idNumber)!,
              phoneEnc: m.phone ? encryptField(m.phone) : null,
              phoneMasked: m.phone ? maskPhone(m.phone) : null,
              membershipType: m.membershipType,
              joinDate: m.joinDate,
              probationEndDate: m.probationEndDate ?? null,
              formalOrgId: fromOrgId,
              lastDuesMonth: m.lastDuesMonth ?? null,
              duesBaseType: m.duesBaseType,
              createdFrom: 'incoming_letter',
              createdBy: me.id,
              createdAt: t,
              updatedAt: t,
            })
            .returning({ id: partyMembers.id });
          memberId = row!.id;
        }
        const expiresAt = M.letterExpiresAt(issuedAt, d.validityDays!);
        const [row] = await tx
          .insert(transferCases)
          .values({
            memberId,
            state: 'ISSUED',
            category: input.category,
            channel: input.channel,
            fromOrgId,
            fromOrgText: input.fromOrgText,
            toOrgId: toOrg.id,
            currentHandlerOrgId: receiving.id,
            reason: input.reason ?? '持介绍信转入',
            letterNo: input.letterNo,
            issuedAt,
            validityDays: d.validityDays!,
            expiresAt,
            verifyCode: randomToken(24),
            nationalFlowNo: input.nationalFlowNo && M.NATIONAL_CHANNELS.includes(input.channel) ? input.nationalFlowNo : null,
            incoming: true,
            createdBy: me.id,
            createdAt: t,
            updatedAt: t,
          })
          .returning();
        const comment = [`${input.fromOrgText} ${input.letterNo}，有效期 ${d.validityDays} 天`, input.nationalFlowNo ? `全国党员管理信息系统流水号 ${input.nationalFlowNo}（在该系统办理）` : null].filter(Boolean).join('；');
        await appendEvent(tx, row!.id, { action: 'register_incoming', fromState: null, toState: 'ISSUED', actorUserId: me.id, actorRole: d.actorKind, actorOrgId: receiving.id, comment, handlerOrgId: receiving.id }, ctx.ip);
        await enqueue(tx, letterExpiryJob, { caseId: row!.id }, { runAt: expiresAt, idempotencyKey: `${row!.id}:${input.letterNo}` });
        await audit({ action: 'party_transfers.register_incoming', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: row!.id, ip: ctx.ip, detail: { memberId, newMember: !existing, toOrgId: toOrg.id } }, tx);
        return row!.id;
      } catch (err) {
        throw problemOnUnique(err) ?? err;
      }
    });
    return await readCase(db, me, id, ctx.locale ?? 'zh-CN');
  } catch (err) {
    await auditRefusal(me, null, 'register_incoming', err, ctx.ip, false);
    throw err;
  }
}

// --- reading ---------------------------------------------------------------------------------------------------------

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const orgName = (orgs: Orgs, id: string | null | undefined, locale: Locale) => {
  const o = id ? orgs.get(id) : undefined;
  return o ? (locale === 'en' ? o.nameEn : o.nameZh) : null;
};

/** The parties of a case (who may see its verification code): anyone standing to it in a kind, or one of its organisations. */
function isParty(me: Actor, row: CaseRow, kinds: readonly M.ActorKind[]): boolean {
  if (kinds.length || me.role === 'org_admin') return true;
  return !!me.orgId && caseOrgIds(row).includes(me.orgId);
}

async function readCase(db: DbOrTx, me: Actor, id: string, locale: Locale): Promise<TransferDto> {
  const [row] = await db.select().from(transferCases).where(eq(transferCases.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
  return toDto(db, me, row, member!, locale);
}

async function toDto(db: DbOrTx, me: Actor, row: CaseRow, member: MemberRow, locale: Locale): Promise<TransferDto> {
  const districtIds = await districtOrgIds(db);
  const events = await db.select().from(transferEvents).where(eq(transferEvents.caseId, row.id)).orderBy(asc(transferEvents.seq));
  const orgs = await orgsWithAncestors(db, [...caseOrgIds(row), ...events.map((e) => e.actorOrgId)]);
  const [successor] = await db.select({ id: transferCases.id }).from(transferCases).where(eq(transferCases.predecessorId, row.id)).orderBy(desc(transferCases.createdAt)).limit(1);
  const t = now();
  const facts = caseFacts(row, member, orgs);
  const actor = actorFacts(me, districtIds);
  const kinds = M.actorKinds(facts, actor);
  const state = M.effectiveState(facts, t) ?? row.state;
  const name = M.STATE_NAMES[state];
  return {
    id: row.id,
    state,
    recordedState: row.state,
    stateName: locale === 'en' ? name.en : name.zh,
    memberId: row.memberId,
    memberName: member.name,
    category: row.category,
    channel: row.channel,
    reason: row.reason,
    fromOrgId: row.fromOrgId,
    fromOrgName: orgName(orgs, row.fromOrgId, locale),
    fromOrgText: row.fromOrgText,
    toOrgId: row.toOrgId,
    toOrgName: orgName(orgs, row.toOrgId, locale),
    toOrgText: row.toOrgText,
    toBranchId: row.toBranchId,
    currentHandlerOrgId: row.currentHandlerOrgId,
    currentHandlerOrgName: orgName(orgs, row.currentHandlerOrgId, locale),
    issuingHops: row.issuingHops,
    letterNo: row.letterNo,
    issuedAt: iso(row.issuedAt),
    validityDays: row.validityDays,
    expiresAt: iso(row.expiresAt),
    openedAt: iso(row.openedAt),
    stepDeadline: iso(row.stepDeadline),
    overdue: M.isOpenState(state) && M.isOverdue(row.stepDeadline, t),
    duesPaidThrough: row.duesPaidThrough,
    returnReasonCode: row.returnReasonCode,
    returnReasonText: row.returnReasonText,
    holdReason: row.holdReason,
    voidedReason: row.voidedReason,
    nationalFlowNo: row.nationalFlowNo,
    incoming: row.incoming,
    predecessorId: row.predecessorId,
    successorId: successor?.id ?? null,
    verifyCode: isParty(me, row, kinds) ? row.verifyCode : null,
    completedAt: iso(row.completedAt),
    receiptAt: iso(row.receiptAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    myRoles: kinds,
    availableActions: M.availableActions(facts, actor, t),
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorRole: e.actorRole,
      actorOrgId: e.actorOrgId,
      actorOrgName: orgName(orgs, e.actorOrgId, locale),
      comment: e.comment,
      at: e.at.toISOString(),
    })),
  };
}

/** GET /api/v1/party/transfers/{id}: a party of the case (or a secretary whose subtree it touches); audited. */
export async function getTransfer(actor: Actor | null, id: string, ctx: TransferCtx): Promise<TransferDto> {
  const db = await getDb();
  const [row] = await db.select().from(transferCases).where(eq(transferCases.id, id)).limit(1);
  if (!row) {
    if (actor?.role !== 'org_admin') await authorize(actor, 'party_transfers.read', { orgPath: '\u0000missing' }, denialCtx(ctx.ip, id, 'transfer:read'));
    throw new AppError('NOT_FOUND');
  }
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
  const orgs = await orgsWithAncestors(db, caseOrgIds(row));
  const me = await authorizeCase(actor, row, member!, orgs, 'read', ctx.ip, 'transfer:read');
  await audit({ action: 'party_transfers.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: id, ip: ctx.ip, detail: { memberId: row.memberId, fields: ['name', 'letter', 'events'] } });
  return toDto(db, me, row, member!, ctx.locale ?? 'zh-CN');
}

/**
 * GET /api/v1/party/transfers?queue=mine — what waits on me, overdue first: a secretary's open cases held by their
 * organisation; 区委组织部: ORGDEPT_REVIEW and cases held by the district committee; a talent: their own cases.
 * `queue=all`: every case touching the secretary's subtree (区委组织部: all).
 */
export async function listTransfers(actor: Actor | null, queue: 'mine' | 'all', ctx: TransferCtx): Promise<{ items: TransferListItem[] }> {
  const locale = ctx.locale ?? 'zh-CN';
  const db = await getDb();
  const me =
    actor?.role === 'talent' ? await authorize(actor, 'party_record.read_own', { ownerId: actor.id }, denialCtx(ctx.ip, null, 'transfer:list')) : await authorize(actor, 'party_transfers.read', undefined, denialCtx(ctx.ip, null, 'transfer:list'));
  const districtIds = await districtOrgIds(db);
  const waiting = [...OPEN_TRANSFER_STATES, 'COMPLETED'] as M.TransferState[];
  let where: SQL | undefined;
  if (me.role === 'talent') {
    const mine = await db.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, me.id));
    if (!mine.length) return { items: [] };
    where = inArray(transferCases.memberId, mine.map((m) => m.id));
  } else if (queue === 'mine') {
    const handlers = me.role === 'org_admin' ? districtIds : me.orgId ? [me.orgId] : [];
    const held = handlers.length ? inArray(transferCases.currentHandlerOrgId, handlers) : undefined;
    where = and(inArray(transferCases.state, waiting), me.role === 'org_admin' ? or(eq(transferCases.state, 'ORGDEPT_REVIEW'), held) : (held ?? sql`false`));
  } else if (me.role === 'branch_secretary') {
    if (!me.orgPath) return { items: [] };
    const inMine = (col: AnyColumn) => sql`exists (select 1 from ${partyOrgs} o where o.id = ${col} and o.path like ${`${me.orgPath!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`;
    where = or(inMine(transferCases.fromOrgId), inMine(transferCases.toOrgId), inMine(transferCases.currentHandlerOrgId), inMine(transferCases.toBranchId));
  }
  const rows = await db
    .select({ c: transferCases, name: partyMembers.name })
    .from(transferCases)
    .innerJoin(partyMembers, eq(partyMembers.id, transferCases.memberId))
    .where(where)
    .orderBy(asc(sql`coalesce(${transferCases.stepDeadline}, 'infinity'::timestamptz)`), desc(transferCases.updatedAt))
    .limit(500);
  const orgs = await orgsWithAncestors(db, rows.flatMap((r) => [r.c.fromOrgId, r.c.toOrgId]));
  const t = now();
  const items = rows.map(({ c, name }) => {
    const state = M.effectiveState({ state: c.state, expiresAt: c.expiresAt, openedAt: c.openedAt }, t) ?? c.state;
    const label = M.STATE_NAMES[state];
    return {
      id: c.id,
      state,
      stateName: locale === 'en' ? label.en : label.zh,
      memberId: c.memberId,
      memberName: name,
      fromOrgName: orgName(orgs, c.fromOrgId, locale) ?? c.fromOrgText,
      toOrgName: orgName(orgs, c.toOrgId, locale) ?? c.toOrgText,
      currentHandlerOrgId: c.currentHandlerOrgId,
      letterNo: c.letterNo,
      expiresAt: iso(c.expiresAt),
      stepDeadline: iso(c.stepDeadline),
      overdue: M.isOpenState(state) && M.isOverdue(c.stepDeadline, t),
      incoming: c.incoming,
      updatedAt: c.updatedAt.toISOString(),
    };
  });
  // Overdue first, then by deadline (the query's order), expired letters last in a queue: nothing left to do on them.
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  await audit({ action: 'party_transfers.list', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', ip: ctx.ip, detail: { queue, count: items.length, ids: items.slice(0, 50).map((i) => i.id) } });
  return { items };
}

// --- public verification ------------------------------------------------------------------------------------------

export const VERIFY_RATE = { limit: 30, windowMs: 60_000 };
const VALID_STATES: readonly M.TransferState[] = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED'];

/**
 * GET /api/v1/verify/letter/{code} and /verify/letter/{code}: enough to spot a forged or expired letter — validity,
 * state, masked name, issuing organisation — nothing more. Rate-limited per client address; an unknown code is 404.
 */
export async function verifyLetter(code: string, ctx: TransferCtx): Promise<LetterVerificationDto> {
  const db = await getDb();
  const limit = await hit(db, `verify-letter:${rateLimitKeyForIp(ctx.ip)}`, VERIFY_RATE.limit, VERIFY_RATE.windowMs);
  if (!limit.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: limit.retryAfterSeconds });
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(transferCases).where(eq(transferCases.verifyCode, code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const [member] = await db.select({ name: partyMembers.name }).from(partyMembers).where(eq(partyMembers.id, row.memberId));
  const issuerId = row.issuingHops[row.issuingHops.length - 1];
  const issuer = issuerId ? (await db.select({ nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn }).from(partyOrgs).where(eq(partyOrgs.id, issuerId)))[0] : undefined;
  const locale = ctx.locale ?? 'zh-CN';
  const state = M.effectiveState({ state: row.state, expiresAt: row.expiresAt, openedAt: row.openedAt }, now()) ?? row.state;
  const label = M.STATE_NAMES[state];
  return {
    valid: VALID_STATES.includes(state),
    state,
    stateName: locale === 'en' ? label.en : label.zh,
    maskedName: M.maskName(member?.name ?? ''),
    issuingOrganisation: (issuer ? (locale === 'en' ? issuer.nameEn : issuer.nameZh) : row.fromOrgText) ?? '',
    issuedAt: iso(row.issuedAt),
    validityDays: row.validityDays,
    expiresAt: iso(row.expiresAt),
  };
}

export { appendEvent as appendTransferEvent };
