import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyMembers, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { hit } from '@/lib/rate-limit';
import * as M from './transfer-machine';
import type { LetterVerificationDto, TransferDto, TransferListItem } from './transfer-schemas';
import { actorFacts, authorizeCase, caseFacts, caseOrgIds, denialCtx, districtOrgIds, orgsWithAncestors, type CaseRow, type MemberRow, type Orgs, type TransferCtx } from './transfer-store';

/** 组织关系转接 — reading: one case with its timeline, the queues, and the public verification of a letter. */


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

export async function readCase(db: DbOrTx, me: Actor, id: string, locale: Locale): Promise<TransferDto> {
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

