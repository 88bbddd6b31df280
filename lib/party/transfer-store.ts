import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyMembers, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { auditDenial, authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { recordEvent } from '@/lib/events';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { rowsOf } from '@/lib/jobs/queue';
import { partyTransferTransitioned } from './transfer-events';
import * as M from './transfer-machine';

/**
 * 组织关系转接 — what the transfer service's modules share (transfers.ts: create and steps; transfer-expiry.ts: T16;
 * transfer-incoming.ts: letters from outside; transfer-read.ts: case, queue, verification): loading a case's
 * organisations with their ancestors, the machine's facts, scope authorization, refusals as problems, and the
 * append-only event with its outbox record.
 */

export type CaseRow = typeof transferCases.$inferSelect;
export type OrgRow = typeof partyOrgs.$inferSelect;
export type MemberRow = typeof partyMembers.$inferSelect;
export type Orgs = Map<string, OrgRow>;

export interface TransferCtx {
  ip: string;
  locale?: Locale;
}

// --- loading ------------------------------------------------------------------------------------------------------

/** The organisations named and all their ancestors (the machine's routing walks the paths). */
export async function orgsWithAncestors(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Orgs> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const first = await db.select().from(partyOrgs).where(inArray(partyOrgs.id, wanted));
  const seen = new Set(first.map((o) => o.id));
  const missing = [...new Set(first.flatMap((o) => M.pathIds(o.path)))].filter((id) => !seen.has(id));
  const more = missing.length ? await db.select().from(partyOrgs).where(inArray(partyOrgs.id, missing)) : [];
  return new Map([...first, ...more].map((o) => [o.id, o]));
}

export async function districtOrgIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.orgType, 'district_committee'), eq(partyOrgs.status, 'ACTIVE')));
  return rows.map((r) => r.id);
}

export const isOffDirectory = (row: Pick<CaseRow, 'toOrgId'>, orgs: Orgs): boolean => !row.toOrgId || !!orgs.get(row.toOrgId)?.isExternal;

export function caseFacts(row: CaseRow, member: MemberRow, orgs: Orgs): M.CaseFacts {
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

export const actorFacts = (me: Actor, districtIds: readonly string[]): M.ActorFacts => ({ role: me.role, userId: me.id, orgId: me.orgId, districtOrgIds: districtIds });
export const SYSTEM: M.ActorFacts = { role: 'system', userId: null, orgId: null };

/**
 * The member as the guards see it. `paidThrough` is the dues ledger's paid-through month (lib/party/dues-ledger.ts
 * paidThroughMonths: the baseline extended by the ledger), which the T3 guard reads; without it, the baseline.
 */
export function memberFacts(m: Pick<MemberRow, 'partyStatus' | 'membershipType' | 'probationEndDate' | 'lastDuesMonth'>, paidThrough?: string | null): M.GuardFacts['member'] {
  return { partyStatus: m.partyStatus, membershipType: m.membershipType, probationEndDate: m.probationEndDate, lastDuesMonth: paidThrough !== undefined ? paidThrough : m.lastDuesMonth };
}

/** Every organisation a case concerns: from, to, the branch it completed into, the handler and the issuing hops. */
export function caseOrgIds(row: CaseRow): string[] {
  return [row.fromOrgId, row.toOrgId, row.toBranchId, row.currentHandlerOrgId, ...row.issuingHops].filter((x): x is string => !!x);
}
export const caseOrgPaths = (row: CaseRow, orgs: Orgs) => caseOrgIds(row).map((id) => orgs.get(id)?.path ?? null);

export async function hasOtherOpenCase(db: DbOrTx, memberId: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: transferCases.id })
    .from(transferCases)
    .where(and(eq(transferCases.memberId, memberId), inArray(transferCases.state, [...OPEN_TRANSFER_STATES]), exceptId ? ne(transferCases.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

// --- authorization and refusals ---------------------------------------------------------------------------------

export const denialCtx = (ip: string, caseId: string | null, via: string) => ({ ip, targetType: 'transfer_case', targetId: caseId, via });

/** Scope: the member's own case, or a case touching the secretary's subtree (org_admin: every case). */
export async function authorizeCase(actor: Actor | null, row: CaseRow, member: MemberRow, orgs: Orgs, purpose: 'read' | 'act', ip: string, via: string): Promise<Actor> {
  const ctx = denialCtx(ip, row.id, via);
  if (actor?.role === 'talent') return authorize(actor, purpose === 'read' ? 'party_record.read_own' : 'party_transfers.apply', { ownerId: member.userId }, ctx);
  return authorize(actor, purpose === 'read' ? 'party_transfers.read' : 'party_transfers.act', { orgPaths: caseOrgPaths(row, orgs) }, ctx);
}

/** The machine's refusal as a problem: the stable code, a field error or an explanation (party-transfer dictionary). */
export function refusal(d: Extract<M.Decision, { ok: false }>): AppError {
  const key = `partyTransfer.refusal.${d.reason}` as const;
  if (d.field) return new AppError(d.code, { fieldErrors: { [d.field]: [key] }, detailKey: key });
  return new AppError(d.code, { detailKey: key });
}

const ACTOR_REFUSALS = new Set(['NOT_ALLOWED', 'WRONG_ORG', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * After a rolled-back transition: an actor the machine refused is an authorization denial (audited as such, like a
 * refusal by scope); any other refusal is recorded as a refused transition. Denials by `authorize()` are audited there.
 */
export async function auditRefusal(me: Actor, caseId: string | null, action: string, err: unknown, ip: string, alreadyAudited: boolean): Promise<void> {
  if (!(err instanceof AppError) || alreadyAudited) return;
  if (err.code === 'NOT_ALLOWED' || err.code === 'WRONG_ORG') {
    await auditDenial(me, 'party_transfers.act', { ...denialCtx(ip, caseId, `transfer:${action}`) });
    return;
  }
  if (ACTOR_REFUSALS.has(err.code) || err.code === 'INTERNAL') return;
  await audit({ action: 'party_transfers.refused', result: 'failed', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: caseId, ip, detail: { action, code: err.code } });
}

// --- writing ------------------------------------------------------------------------------------------------------

export interface EventInput {
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
export async function appendEvent(tx: Tx, caseId: string, e: EventInput, ip: string | null): Promise<number> {
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
export function actingOrg(kind: M.ActorKind, row: Pick<CaseRow, 'fromOrgId' | 'currentHandlerOrgId' | 'issuingHops' | 'state'>, me: Actor | null, districtIds: readonly string[]): string | null {
  switch (kind) {
    case 'from_branch':
      return row.fromOrgId;
    case 'issuer':
      // A secretary issues for their committee; 区委组织部 for the district committee holding the case.
      return me?.role === 'branch_secretary' ? me.orgId : (row.currentHandlerOrgId ?? row.issuingHops[row.issuingHops.length - 1] ?? null);
    case 'receiver':
      return row.currentHandlerOrgId;
    case 'orgdept':
      return row.state === 'ORGDEPT_REVIEW' && row.currentHandlerOrgId ? row.currentHandlerOrgId : (me?.orgId ?? districtIds[0] ?? null);
    default:
      return null;
  }
}

export const appendHop = (hops: readonly string[], org: string | null): string[] => (!org || hops[hops.length - 1] === org ? [...hops] : [...hops, org]);

/** The next 介绍信 number of the year (Jingdezhen time); the counter row's lock orders concurrent issues. */
export async function nextLetterNo(tx: Tx, at: Date): Promise<string> {
  const year = Number(M.localDate(at).slice(0, 4));
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`insert into transfer_letter_counters (year, last) values (${year}, 1)
      on conflict (year) do update set last = transfer_letter_counters.last + 1 returning last as n`),
  );
  return M.formatLetterNo(year, Number(row!.n));
}


export function problemOnUnique(err: unknown): AppError | null {
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
