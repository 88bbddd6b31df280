import 'server-only';
import { aliasedTable, and, asc, desc, eq, inArray, isNull, like, ne, or } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { consents, partyLostContactCases, partyMembers, partyMobileRecords, partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { auditDenial, authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { decryptField, encryptField } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { fieldErrorsFromZod } from '@/lib/validation';
import * as M from './mobile-machine';
import {
  createMobileInput,
  endInput,
  MOBILE_ACTION_INPUTS,
  mobileListQuery,
  reportInput,
  type CheckInTargetDto,
  type CreateMobileInput,
  type MobileActionBody,
  type MobileListDto,
  type MobileListQuery,
  type MobileRecordDto,
  type MobileSlug,
  type MyMobileDto,
  type ReportInput,
} from './mobile-schemas';
import {
  acceptedRecordIds,
  actorFacts,
  appendEvent,
  deriveFlags,
  eventsOf,
  isUuid,
  loadOrgs,
  MISSING,
  notifyAll,
  orgName,
  outflowRecipients,
  problem,
  problemOnUnique,
  recordFacts,
  recordOrgIds,
  recordPaths,
  refusal,
  secretariesOf,
  toListItem,
  toRecordDto,
  type MemberRow,
  type MobileCtx,
  type OrgRow,
  type Orgs,
  type RecordRow,
} from './mobile-store';
import { scheduleArrival } from './mobile-timers';
import { prefixPattern } from './orgs';
import { localDate } from './transfer-machine';

/**
 * 流动党员 — the MobileRecord service over the pure machine (mobile-machine.ts; domain-party.md §5.2 M1–M16, §4.2).
 *
 * Every transition runs in one transaction: the record is locked (FOR UPDATE), the machine decides, the row changes
 * with a conditional UPDATE … WHERE state = expected, an append-only party_mobile_events row gets the next seq and a
 * `party.mobile_transitioned` domain event is recorded with it; notifications (deduplicated per record and seq) go in
 * the same transaction. One open record per member and one acceptance per record are database invariants (partial
 * unique indexes), answered as OPEN_RECORD_EXISTS / ALREADY_ACCEPTED. A refusal writes nothing; an actor refused by
 * the machine is audited as a denial.
 *
 * Access (§4.2): the 流入地 secretary sees records reported to / accepted into their subtree (name, masked phone, 流出地,
 * 正式/预备, card number, state — never the ID number, 党籍 decisions or report text); the 流出地 secretary sees records
 * of members whose formal organisation is theirs; the 区委组织部 all; a talent only their own (via /me). Every read of
 * a record or roster is audited. Lapse flags are derived on read (the stored column is the sweep's memory).
 */

const OUTFLOW_REASON_ZH: Record<string, string> = { work: '务工', business: '经商', study: '就学', family: '随迁', creative: '创作/自由职业', other: '其他' };
const VIEW_FIELDS = ['name', 'phone(masked)', 'membershipType', 'outflowOrg', 'cardNo', 'state', 'lapseFlags', 'inflowOrg', 'events'] as const;

/** Parse with a schema; a bad body is 400 VALIDATION_FAILED with field errors (nothing written). */
function parseBody<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError } }, raw: unknown, locale: Locale = 'zh-CN'): T {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw new AppError('VALIDATION_FAILED', { fieldErrors: fieldErrorsFromZod(r.error, locale) });
  return r.data;
}

async function hasPartyConsent(db: DbOrTx, userId: string): Promise<boolean> {
  const [c] = await db.select({ id: consents.id }).from(consents).where(and(eq(consents.userId, userId), eq(consents.kind, 'party'), isNull(consents.withdrawnAt))).limit(1);
  return !!c;
}

/** The talent's linked Party record (after the Party consent), or null. */
async function myMember(db: DbOrTx, me: Actor): Promise<MemberRow | null> {
  if (!(await hasPartyConsent(db, me.id))) return null;
  const [m] = await db.select().from(partyMembers).where(eq(partyMembers.userId, me.id)).limit(1);
  return m ?? null;
}

async function openRecordOf(db: DbOrTx, memberId: string): Promise<RecordRow | null> {
  const [r] = await db
    .select()
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.memberId, memberId), inArray(partyMobileRecords.state, [...M.OPEN_STATES])))
    .limit(1);
  return r ?? null;
}

/** The organisation a poster's token names, if current (not rotated) and ACTIVE; else QR_TOKEN_INVALID (nothing written). */
async function orgOfToken(db: DbOrTx, token: string): Promise<OrgRow> {
  const [org] = await db.select().from(partyOrgs).where(and(eq(partyOrgs.qrToken, token), eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false))).limit(1);
  if (!org) throw new AppError('QR_TOKEN_INVALID');
  return org;
}

async function targetOf(db: DbOrTx, body: { orgId?: string; qrToken?: string }): Promise<{ org: OrgRow; method: 'qr' | 'online' }> {
  if (body.qrToken) return { org: await orgOfToken(db, body.qrToken), method: 'qr' };
  const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, body.orgId ?? MISSING));
  if (!org) throw problem('orgId', 'partyMobile.errOrgUnknown');
  return { org, method: 'online' };
}

async function auditMachineRefusal(me: Actor, recordId: string | null, action: string, err: unknown, ip: string): Promise<void> {
  if (!(err instanceof AppError)) return;
  if (err.code === 'NOT_ALLOWED' || err.code === 'WRONG_ORG') {
    await auditDenial(me, me.role === 'talent' ? 'party_mobile.report_own' : 'party_mobile.act', { ip, targetType: 'party_mobile_record', targetId: recordId, via: `mobile:${action}` });
    return;
  }
  if (['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL', 'NOT_FOUND'].includes(err.code)) return;
  await audit({ action: 'party_mobile.refused', result: 'failed', actorId: me.id, actorRole: me.role, targetType: 'party_mobile_record', targetId: recordId, ip, detail: { action, code: err.code } });
}

// --- reading --------------------------------------------------------------------------------------------------------

async function buildDto(db: DbOrTx, me: Actor | null, r: RecordRow, m: MemberRow, locale: Locale, orgs?: Orgs): Promise<MobileRecordDto> {
  const o = orgs ?? (await loadOrgs(db, [...recordOrgIds(r), me?.orgId]));
  const accepted = (await acceptedRecordIds(db, [r.id])).has(r.id);
  const flags = (await deriveFlags(db, [{ r, m }])).get(r.id) ?? [];
  const facts = recordFacts(r, m, o, accepted);
  const actor = actorFacts(me, o);
  const roles = me ? M.mobileRoles(facts, actor) : [];
  const showId = roles.includes('outflow') || roles.includes('orgdept');
  const seesAddress = showId || roles.includes('member');
  return toRecordDto(r, m, o, flags, locale, {
    roles,
    actions: me ? M.availableActions(facts, actor) : [],
    showId,
    address: seesAddress && r.destinationAddressEnc ? decryptField(r.destinationAddressEnc) : null,
    events: await eventsOf(db, r.id, locale),
  });
}

async function loadRecord(db: DbOrTx, id: string): Promise<{ r: RecordRow; m: MemberRow } | null> {
  if (!isUuid(id)) return null;
  const [x] = await db.select({ r: partyMobileRecords, m: partyMembers }).from(partyMobileRecords).innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId)).where(eq(partyMobileRecords.id, id));
  return x ?? null;
}

/** GET /api/v1/party/mobile-records/{id} — the record in the caller's scope, with derived flags and the timeline (audited). */
export async function getMobileRecord(actor: Actor | null, id: string, ctx: MobileCtx): Promise<MobileRecordDto> {
  const db = await getDb();
  const x = await loadRecord(db, id);
  const orgs = x ? await loadOrgs(db, [...recordOrgIds(x.r), actor?.orgId]) : new Map();
  const me = await authorize(actor, 'party_mobile.read', { orgPaths: x ? recordPaths(x.r, orgs) : [MISSING] }, { ip: ctx.ip, targetType: 'party_mobile_record', targetId: id, via: 'party_mobile.read' });
  if (!x) throw new AppError('NOT_FOUND');
  const dto = await buildDto(db, me, x.r, x.m, ctx.locale ?? 'zh-CN', orgs);
  await audit({ action: 'party_mobile.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: x.m.id, ip: ctx.ip, detail: { recordId: x.r.id, fields: [...VIEW_FIELDS, ...(dto.idCardMasked ? ['idCardNo(masked)'] : [])] } });
  return dto;
}

const TAB_OF = (i: { storedState: M.MobileState; state: M.MobileState }): string =>
  i.storedState === 'REPORT_SUBMITTED'
    ? 'submitted'
    : i.storedState === 'OUTFLOW_REGISTERED' || i.storedState === 'AWAITING_REPORT'
      ? 'expected'
      : i.state === 'LAPSE_WATCH'
        ? 'watch'
        : i.storedState === 'INFLOW_ACTIVE'
          ? 'active'
          : i.storedState === 'LOST_CONTACT'
            ? 'lost'
            : 'ended';

/**
 * GET /api/v1/party/mobile-records — the roster in the caller's scope: records reported to / accepted into their
 * subtree, expected there after a redirect, or whose 流出地 is in it (org_admin: all). Tabs: submitted (待查验),
 * expected (待报到), active (已纳入), watch (预警), lost (失联), outflow (my members away), ended. Audited.
 */
export async function listMobileRecords(actor: Actor | null, raw: MobileListQuery, ctx: MobileCtx): Promise<MobileListDto> {
  const q = parseBody(mobileListQuery, raw, ctx.locale);
  const locale = ctx.locale ?? 'zh-CN';
  const me = await authorize(actor, 'party_mobile.read', undefined, { ip: ctx.ip, via: 'party_mobile.list' });
  const db = await getDb();
  const outflow = aliasedTable(partyOrgs, 'outflow_org');
  const inflow = aliasedTable(partyOrgs, 'inflow_org');
  const branch = aliasedTable(partyOrgs, 'inflow_branch');
  const redirect = aliasedTable(partyOrgs, 'redirect_org');
  const mine = me.role === 'org_admin' ? null : prefixPattern(me.orgPath ?? MISSING);
  const rows: { r: RecordRow; m: MemberRow; outPath: string }[] = await db
    .select({ r: partyMobileRecords, m: partyMembers, outPath: outflow.path })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .innerJoin(outflow, eq(outflow.id, partyMobileRecords.outflowOrgId))
    .leftJoin(inflow, eq(inflow.id, partyMobileRecords.inflowOrgId))
    .leftJoin(branch, eq(branch.id, partyMobileRecords.inflowBranchId))
    .leftJoin(redirect, eq(redirect.id, partyMobileRecords.redirectToOrgId))
    .where(
      mine
        ? or(
            like(outflow.path, mine),
            like(inflow.path, mine),
            like(branch.path, mine),
            and(inArray(partyMobileRecords.state, ['OUTFLOW_REGISTERED', 'AWAITING_REPORT']), like(redirect.path, mine)),
          )
        : undefined,
    )
    .orderBy(desc(partyMobileRecords.updatedAt))
    .limit(1000);
  const orgs = await loadOrgs(db, rows.flatMap((x) => recordOrgIds(x.r)));
  const flags = await deriveFlags(db, rows);
  const items = rows.map((x) => ({ item: toListItem(x.r, x.m, orgs, flags.get(x.r.id) ?? [], locale), outflowMine: !mine || x.outPath.startsWith(me.orgPath ?? MISSING) }));
  const counts: Record<string, number> = { submitted: 0, expected: 0, active: 0, watch: 0, lost: 0, outflow: 0, ended: 0 };
  for (const { item, outflowMine } of items) {
    counts[TAB_OF(item)]! += 1;
    if (outflowMine && !M.isEnded(item.storedState)) counts.outflow! += 1;
  }
  const filtered = items
    .filter(({ item, outflowMine }) => (q.tab === 'outflow' ? outflowMine && !M.isEnded(item.storedState) : !q.tab || TAB_OF(item) === q.tab))
    .map(({ item }) => item)
    .filter((i) => (!q.state || i.state === q.state) && (!q.flag || i.lapseFlags.includes(q.flag)));
  await audit({ action: 'party_mobile.list', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_mobile_record', targetId: null, ip: ctx.ip, detail: { tab: q.tab ?? null, count: filtered.length, ids: filtered.slice(0, 200).map((i) => i.memberId) } });
  return { items: filtered, counts };
}

// --- M1: outflow registration ---------------------------------------------------------------------------------------

/** POST /api/v1/party/mobile-records — M1 by the 流出地 (its secretary; the 组织部 for one outside the portal). */
export async function createMobileRecord(actor: Actor | null, raw: CreateMobileInput, ctx: MobileCtx): Promise<MobileRecordDto> {
  const input = parseBody(createMobileInput, raw, ctx.locale);
  const db = await getDb();
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId));
  const orgs = await loadOrgs(db, [input.outflowOrgId, member?.formalOrgId, actor?.orgId]);
  const outflow = orgs.get(input.outflowOrgId);
  const me = await authorize(actor, 'party_mobile.register', { orgPath: outflow?.path ?? MISSING }, { ip: ctx.ip, targetType: 'party_member', targetId: input.memberId, via: 'party_mobile.register' });
  if (!member) throw problem('memberId', 'partyMobile.errMemberUnknown');
  if (!outflow) throw problem('outflowOrgId', 'partyMobile.errOrgUnknown');
  if (member.formalOrgId !== outflow.id) throw problem('outflowOrgId', 'partyMobile.errNotFormalOrg');
  if (input.arrivalDate && input.arrivalDate < input.outflowDate) throw problem('arrivalDate', 'partyMobile.errArrivalBeforeOutflow');
  if (outflow.isExternal && !input.nationalFlowRef) throw problem('nationalFlowRef', 'partyMobile.errNationalRefRequired');
  const t = now();
  try {
    const id = await db.transaction(async (tx) => {
      const facts: M.RecordFacts = { state: null, memberUserId: member.userId, outflowOrg: { id: outflow.id, path: outflow.path, orgType: outflow.orgType, status: outflow.status, isExternal: outflow.isExternal }, inflowOrg: null, inflowBranch: null };
      const d = M.decideMobile('register_outflow', facts, actorFacts(me, orgs), t, { member: { partyStatus: member.partyStatus }, openRecord: !!(await openRecordOf(tx, member.id)) });
      if (!d.ok) throw refusal(d);
      const [row] = await tx
        .insert(partyMobileRecords)
        .values({
          memberId: member.id,
          state: 'OUTFLOW_REGISTERED',
          outflowOrgId: outflow.id,
          outflowCommitteeId: outflow.parentId,
          outflowDate: input.outflowDate,
          outflowReason: input.reason,
          outflowConfirmedAt: t,
          destinationProvince: input.destinationProvince || null,
          destinationCity: input.destinationCity || null,
          destinationCounty: input.destinationCounty || null,
          destinationAddressEnc: input.destinationAddress ? encryptField(input.destinationAddress) : null,
          destinationUnit: input.destinationUnit || null,
          fixedEmployer: input.fixedEmployer ?? false,
          arrivalDate: input.arrivalDate ?? input.outflowDate,
          hasActivityCard: !!input.cardNo,
          cardNo: input.cardNo || null,
          cardIssuerOrgId: input.cardNo ? outflow.id : null,
          cardIssuedAt: input.cardNo ? input.outflowDate : null,
          nationalFlowRef: input.nationalFlowRef || null,
          createdBy: me.id,
          createdAt: t,
          updatedAt: t,
        })
        .returning();
      await appendEvent(tx, row!.id, {
        action: 'register_outflow',
        fromState: null,
        toState: 'OUTFLOW_REGISTERED',
        actorUserId: me.id,
        actorRole: d.role,
        actorOrgId: d.role === 'outflow' && me.role === 'branch_secretary' ? outflow.id : (me.orgId ?? null),
        comment: [`流出原因：${OUTFLOW_REASON_ZH[input.reason]}`, input.nationalFlowRef ? `全国党员管理信息系统流出登记 ${input.nationalFlowRef}` : null].filter(Boolean).join('；'),
        data: { arrivalDate: input.arrivalDate ?? input.outflowDate, destinationUnit: input.destinationUnit ?? null },
      });
      await scheduleArrival(tx, row!, t);
      await audit({ action: 'party_mobile.register', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: member.id, ip: ctx.ip, detail: { recordId: row!.id, outflowOrgId: outflow.id, external: outflow.isExternal } }, tx);
      return row!.id;
    });
    return await getMobileRecordAs(db, me, id, ctx);
  } catch (err) {
    const mapped = problemOnUnique(err) ?? err;
    await auditMachineRefusal(me, null, 'register_outflow', mapped, ctx.ip);
    throw mapped;
  }
}

async function getMobileRecordAs(db: DbOrTx, me: Actor, id: string, ctx: MobileCtx): Promise<MobileRecordDto> {
  const x = await loadRecord(db, id);
  if (!x) throw new AppError('NOT_FOUND');
  return buildDto(db, me, x.r, x.m, ctx.locale ?? 'zh-CN');
}

// --- actions on a record ---------------------------------------------------------------------------------------------

/** POST /api/v1/party/mobile-records/{id}/{action}. */
export async function actOnMobileRecord(actor: Actor | null, id: string, slug: MobileSlug, rawBody: unknown, ctx: MobileCtx): Promise<MobileRecordDto> {
  const body = parseBody(MOBILE_ACTION_INPUTS[slug] as never, rawBody, ctx.locale) as MobileActionBody;
  const action = M.RECORD_ACTION_SLUGS[slug];
  const db = await getDb();
  const x = await loadRecord(db, id);
  const orgs = x ? await loadOrgs(db, [...recordOrgIds(x.r), actor?.orgId]) : new Map<string, OrgRow>();
  const denial = { ip: ctx.ip, targetType: 'party_mobile_record', targetId: id, via: `mobile:${slug}` };
  const me =
    slug === 'report'
      ? await authorize(actor, 'party_mobile.report_own', { ownerId: x?.m.userId ?? MISSING }, denial)
      : await authorize(actor, 'party_mobile.act', { orgPaths: x ? recordPaths(x.r, orgs) : [MISSING] }, denial);
  if (!x) throw new AppError('NOT_FOUND');
  if (slug === 'report' && !(await hasPartyConsent(db, me.id))) throw new AppError('NOT_FOUND');
  try {
    await db.transaction((tx) => runAction(tx, me, id, action, body, ctx));
  } catch (err) {
    const mapped = problemOnUnique(err) ?? err;
    await auditMachineRefusal(me, id, action, mapped, ctx.ip);
    throw mapped;
  }
  return getMobileRecordAs(db, me, id, ctx);
}

async function runAction(tx: Tx, me: Actor, id: string, action: M.MobileAction, body: MobileActionBody, ctx: MobileCtx): Promise<void> {
  const [row] = await tx.select().from(partyMobileRecords).where(eq(partyMobileRecords.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  const [member] = await tx.select().from(partyMembers).where(eq(partyMembers.id, row.memberId));
  const t = now();
  // Resolve what the body names before deciding: a QR token that is not current is QR_TOKEN_INVALID, nothing written.
  const target = action === 'report' ? await targetOf(tx, body) : null;
  const orgs = await loadOrgs(tx, [...recordOrgIds(row), me.orgId, target?.org.id, body.branchId, body.suggestedOrgId]);
  const accepted = (await acceptedRecordIds(tx, [row.id])).has(row.id);
  const facts = recordFacts(row, member!, orgs, accepted);
  const actor = actorFacts(me, orgs);
  const nodeOf = (oid?: string | null) => (oid ? (orgs.get(oid) ? { id: oid, path: orgs.get(oid)!.path, orgType: orgs.get(oid)!.orgType, status: orgs.get(oid)!.status, isExternal: orgs.get(oid)!.isExternal } : null) : null);
  if (action === 'accept' && body.branchId && !orgs.get(body.branchId)) throw problem('branchId', 'partyMobile.errOrgUnknown');
  if (action === 'redirect' && body.suggestedOrgId && !orgs.get(body.suggestedOrgId)) throw problem('suggestedOrgId', 'partyMobile.errOrgUnknown');
  // M12: the basis is the latest of what the caller states and what the portal knows (org life, 报到, acceptance).
  const basisDate =
    action === 'lost_contact'
      ? [body.basisDate, member!.lastOrgLifeDate, row.reportSubmittedAt ? localDate(row.reportSubmittedAt) : null, row.acceptedAt ? localDate(row.acceptedAt) : null]
          .filter((v): v is string => !!v)
          .sort()
          .pop()
      : null;
  if (action === 'lost_contact' && body.basisDate && body.basisDate > localDate(t)) throw problem('basisDate', 'partyMobile.errFutureDate');
  const d = M.decideMobile(
    action,
    facts,
    actor,
    t,
    {
      target: target ? nodeOf(target.org.id) : undefined,
      branch: nodeOf(body.branchId),
      actorOrg: me.role === 'branch_secretary' ? nodeOf(me.orgId) : null,
      suggested: nodeOf(body.suggestedOrgId),
      basisDate,
    },
    { reason: body.reason, searchActionCount: body.searchActions?.length ?? 0, endReason: body.reason },
  );
  if (!d.ok) throw refusal(d);
  const actorOrgId = d.role === 'outflow' ? (me.role === 'branch_secretary' ? row.outflowOrgId : (me.orgId ?? null)) : d.role === 'inflow' ? me.orgId : d.role === 'orgdept' ? me.orgId : null;
  const patch: Partial<typeof partyMobileRecords.$inferInsert> = { updatedAt: t };
  let next: M.StoredMobileState = d.next === 'same' ? (row.state as M.StoredMobileState) : d.next;
  let comment: string | null = body.note?.trim() || null;
  let data: Record<string, unknown> | null = null;
  const notices: { to: (string | null | undefined)[]; kind: Parameters<typeof notifyAll>[2]; payload?: Record<string, unknown> }[] = [];
  switch (action) {
    case 'report': {
      const org = target!.org;
      Object.assign(patch, { inflowOrgId: org.id, reportMethod: target!.method, reportSubmittedAt: t, redirectReason: null, redirectToOrgId: null, lapseFlags: [] });
      if (row.state === 'OUTFLOW_REGISTERED') Object.assign(patch, { arrivalDate: localDate(t) < (row.arrivalDate ?? '9999') ? localDate(t) : row.arrivalDate });
      comment = `${target!.method === 'qr' ? '扫码' : '在线'}报到：${org.nameZh}`;
      data = { orgId: org.id, method: target!.method };
      notices.push({ to: await secretariesOf(tx, [org.id]), kind: 'party.mobile_todo' });
      break;
    }
    case 'redirect': {
      const suggested = orgs.get(body.suggestedOrgId!)!;
      Object.assign(patch, { inflowOrgId: null, reportMethod: null, reportSubmittedAt: null, redirectReason: body.reason!.trim(), redirectToOrgId: suggested.id });
      comment = `${body.reason!.trim()}（建议报到：${suggested.nameZh}）`;
      data = { fromOrgId: row.inflowOrgId, suggestedOrgId: suggested.id };
      notices.push({ to: [member!.userId], kind: 'party.mobile_step', payload: { reason: body.reason!.trim() } });
      notices.push({ to: await secretariesOf(tx, [suggested.id]), kind: 'party.mobile_todo' });
      break;
    }
    case 'accept': {
      const branch = orgs.get(body.branchId!)!;
      const inflowOrg = row.inflowOrgId ? orgs.get(row.inflowOrgId) : undefined;
      Object.assign(patch, {
        inflowBranchId: branch.id,
        acceptedAt: t,
        acceptedBy: me.id,
        inflowContactPerson: branch.contactPerson ?? inflowOrg?.contactPerson ?? null,
        inflowContactPhone: branch.contactPhone ?? inflowOrg?.contactPhone ?? null,
        lapseFlags: [],
      });
      comment = `编入${branch.nameZh}（流动党员不参加表决）`;
      data = { branchId: branch.id };
      notices.push({ to: [member!.userId], kind: 'party.mobile_step' });
      notices.push({ to: await outflowRecipients(tx, orgs.get(row.outflowOrgId)), kind: 'party.mobile_todo' });
      break;
    }
    case 'card_review':
      patch.lastCardReviewAt = localDate(t);
      comment = comment ?? '活动证年审';
      break;
    case 'confirm_outflow':
      Object.assign(patch, { outflowConfirmedAt: t, ...(body.nationalFlowRef ? { nationalFlowRef: body.nationalFlowRef } : {}), ...(body.cardNo ? { cardNo: body.cardNo, hasActivityCard: true, cardIssuerOrgId: row.outflowOrgId, cardIssuedAt: localDate(t) } : {}) });
      break;
    case 'lost_contact': {
      Object.assign(patch, { lostFromState: row.state, lapseFlags: [] });
      await tx.insert(partyLostContactCases).values({ recordId: row.id, memberId: row.memberId, homeOrgId: row.outflowOrgId, lastContactBasisDate: basisDate!, searchActionsEnc: encryptField(JSON.stringify(body.searchActions ?? [])), openedBy: me.id });
      await tx.update(partyMembers).set({ lostContact: true, updatedAt: t }).where(eq(partyMembers.id, row.memberId));
      comment = `失联（最后联系依据 ${basisDate}；查找 ${body.searchActions?.length ?? 0} 次）`;
      data = { basisDate, searches: body.searchActions?.length ?? 0 };
      notices.push({ to: await outflowRecipients(tx, orgs.get(row.outflowOrgId)), kind: 'party.mobile_lost_contact' });
      break;
    }
    case 'restore':
      patch.lostFromState = null;
      await tx.update(partyLostContactCases).set({ restoredAt: t, restoreApprovalRef: body.note ?? null }).where(and(eq(partyLostContactCases.memberId, row.memberId), isNull(partyLostContactCases.restoredAt)));
      await tx.update(partyMembers).set({ lostContact: false, updatedAt: t }).where(eq(partyMembers.id, row.memberId));
      notices.push({ to: [member!.userId], kind: 'party.mobile_step' });
      break;
    case 'end':
      Object.assign(patch, { endAt: t, endReason: body.reason, lapseFlags: [] });
      comment = [body.reason === 'moved_on' ? '流向变化' : '返回流出地', comment].filter(Boolean).join('：');
      notices.push({ to: [member!.userId], kind: 'party.mobile_step' });
      notices.push({ to: await outflowRecipients(tx, orgs.get(row.outflowOrgId)), kind: 'party.mobile_todo' });
      break;
    default:
      throw new AppError('TRANSITION_NOT_ALLOWED');
  }
  next = d.next === 'same' ? (row.state as M.StoredMobileState) : d.next;
  const done = await tx
    .update(partyMobileRecords)
    .set({ ...patch, state: next })
    .where(and(eq(partyMobileRecords.id, row.id), eq(partyMobileRecords.state, row.state)))
    .returning({ id: partyMobileRecords.id });
  if (!done.length) throw new AppError('CONFLICT');
  const seq = await appendEvent(tx, row.id, { action, fromState: row.state, toState: next, actorUserId: me.id, actorRole: d.role, actorOrgId, comment, data });
  for (const n of notices) await notifyAll(tx, n.to, n.kind, `mobile:${row.id}:${seq}`, { recordId: row.id, action, state: next, ...(n.payload ?? {}) }, me.id);
  await audit({ action: `party_mobile.${action}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_mobile_record', targetId: row.id, ip: ctx.ip, detail: { from: row.state, to: next, role: d.role, ...(data ?? {}) } }, tx);
}

// --- the member's own ----------------------------------------------------------------------------------------------

const selectableOrgs = async (db: DbOrTx, locale: Locale) =>
  (await db.select().from(partyOrgs).where(and(eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false), ne(partyOrgs.orgType, 'party_group'))).orderBy(asc(partyOrgs.path))).map((o) => ({
    id: o.id,
    name: orgName(o, locale),
    path: o.path,
    depth: o.path.split('/').filter(Boolean).length - 1,
  }));

/** GET /api/v1/me/party/mobile-record — where I report, my flags, the organisations I may choose. */
export async function getMyMobile(actor: Actor | null, ctx: MobileCtx): Promise<MyMobileDto> {
  const locale = ctx.locale ?? 'zh-CN';
  const me = await authorize(actor, 'party_mobile.report_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, via: 'party_mobile.mine' });
  const db = await getDb();
  const member = await myMember(db, me);
  if (!member) return { linked: false, formalOrg: null, record: null, orgs: [], canWalkIn: false };
  const [formal] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, member.formalOrgId));
  const open = await openRecordOf(db, member.id);
  const [latest] = open ? [open] : await db.select().from(partyMobileRecords).where(eq(partyMobileRecords.memberId, member.id)).orderBy(desc(partyMobileRecords.createdAt)).limit(1);
  const record = latest ? await buildDto(db, me, latest, member, locale) : null;
  await audit({ action: 'party_record.read_own', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: member.id, ip: ctx.ip, detail: { fields: ['mobileRecord'] } });
  return {
    linked: true,
    formalOrg: formal ? { id: formal.id, name: orgName(formal, locale), external: formal.isExternal } : null,
    record,
    orgs: await selectableOrgs(db, locale),
    canWalkIn: !open && !!formal?.isExternal && member.partyStatus === 'NORMAL',
  };
}

/**
 * POST /api/v1/me/party/mobile-record/report { orgId | qrToken } — 报到: on my open record (M3), or a walk-in (M1')
 * when I have none, created straight in REPORT_SUBMITTED; the 流出地 is asked to confirm. A repeated 报到 to the same
 * organisation answers the record unchanged.
 */
export async function reportMine(actor: Actor | null, raw: ReportInput, ctx: MobileCtx): Promise<MobileRecordDto> {
  const body = parseBody(reportInput, raw, ctx.locale);
  const me = await authorize(actor, 'party_mobile.report_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, via: 'party_mobile.report' });
  const db = await getDb();
  const member = await myMember(db, me);
  if (!member) throw new AppError('NOT_FOUND');
  const target = await targetOf(db, body);
  const open = await openRecordOf(db, member.id);
  if (open) {
    if (open.state === 'REPORT_SUBMITTED' && open.inflowOrgId === target.org.id) return getMobileRecordAs(db, me, open.id, ctx);
    return actOnMobileRecord(me, open.id, 'report', body, ctx);
  }
  const t = now();
  try {
    const id = await db.transaction(async (tx) => {
      const orgs = await loadOrgs(tx, [member.formalOrgId, target.org.id]);
      const formal = orgs.get(member.formalOrgId)!;
      const facts: M.RecordFacts = { state: null, memberUserId: member.userId, outflowOrg: { id: formal.id, path: formal.path, orgType: formal.orgType, status: formal.status, isExternal: formal.isExternal }, inflowOrg: null, inflowBranch: null };
      const o = target.org;
      const d = M.decideMobile('walk_in', facts, actorFacts(me, orgs), t, {
        member: { partyStatus: member.partyStatus },
        openRecord: !!(await openRecordOf(tx, member.id)),
        formalOrgLocal: !formal.isExternal,
        target: { id: o.id, path: o.path, orgType: o.orgType, status: o.status, isExternal: o.isExternal },
      });
      if (!d.ok) throw refusal(d);
      const today = localDate(t);
      const [row] = await tx
        .insert(partyMobileRecords)
        .values({
          memberId: member.id,
          state: 'REPORT_SUBMITTED',
          outflowOrgId: formal.id,
          outflowCommitteeId: formal.parentId,
          outflowDate: today,
          outflowReason: 'other',
          walkIn: true,
          arrivalDate: today,
          inflowOrgId: o.id,
          reportMethod: target.method,
          reportSubmittedAt: t,
          createdBy: me.id,
          createdAt: t,
          updatedAt: t,
        })
        .returning();
      const seq = await appendEvent(tx, row!.id, { action: 'walk_in', fromState: null, toState: 'REPORT_SUBMITTED', actorUserId: me.id, actorRole: 'member', actorOrgId: null, comment: `${target.method === 'qr' ? '扫码' : '在线'}报到：${o.nameZh}（未经流出登记，待流出地确认）`, data: { orgId: o.id, method: target.method } });
      const key = `mobile:${row!.id}:${seq}`;
      await notifyAll(tx, await outflowRecipients(tx, formal), 'party.mobile_walk_in', key, { recordId: row!.id, action: 'walk_in', state: 'REPORT_SUBMITTED' }, me.id);
      await notifyAll(tx, await secretariesOf(tx, [o.id]), 'party.mobile_todo', key, { recordId: row!.id, action: 'walk_in', state: 'REPORT_SUBMITTED' }, me.id);
      await audit({ action: 'party_mobile.walk_in', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_mobile_record', targetId: row!.id, ip: ctx.ip, detail: { orgId: o.id, method: target.method } }, tx);
      return row!.id;
    });
    return await getMobileRecordAs(db, me, id, ctx);
  } catch (err) {
    const mapped = problemOnUnique(err) ?? err;
    await auditMachineRefusal(me, null, 'walk_in', mapped, ctx.ip);
    throw mapped;
  }
}

/** POST /api/v1/me/party/mobile-record/end { reason, note } — M15: I returned home or moved on. */
export async function endMine(actor: Actor | null, raw: unknown, ctx: MobileCtx): Promise<MobileRecordDto> {
  const body = parseBody(endInput, raw, ctx.locale);
  const me = await authorize(actor, 'party_mobile.report_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, via: 'party_mobile.end_own' });
  const db = await getDb();
  const member = await myMember(db, me);
  const open = member ? await openRecordOf(db, member.id) : null;
  if (!open) throw new AppError('NOT_FOUND');
  try {
    await db.transaction((tx) => runAction(tx, me, open.id, 'end', body, ctx));
  } catch (err) {
    await auditMachineRefusal(me, open.id, 'end', err, ctx.ip);
    throw err;
  }
  return getMobileRecordAs(db, me, open.id, ctx);
}

/**
 * GET /api/v1/me/party/check-in/{token} — what the QR page shows: the organisation (QR_TOKEN_INVALID for a rotated,
 * unknown or dissolved organisation's token) and my situation there. Reads only.
 */
export async function checkInTarget(actor: Actor | null, token: string, ctx: MobileCtx): Promise<CheckInTargetDto> {
  const locale = ctx.locale ?? 'zh-CN';
  const me = await authorize(actor, 'party_mobile.report_own', actor ? { ownerId: actor.id } : undefined, { ip: ctx.ip, via: 'party_mobile.check_in' });
  const db = await getDb();
  const org = await orgOfToken(db, token);
  const orgDto = { id: org.id, name: orgName(org, locale), address: org.address, contactPerson: org.contactPerson };
  const member = await myMember(db, me);
  if (!member) return { org: orgDto, situation: 'not_linked', record: null };
  const open = await openRecordOf(db, member.id);
  const [formal] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, member.formalOrgId));
  if (!open) return { org: orgDto, situation: formal?.isExternal && member.partyStatus === 'NORMAL' ? 'walk_in' : 'not_mobile', record: null };
  const record = await buildDto(db, me, open, member, locale);
  const placed = await loadOrgs(db, [open.inflowBranchId, open.inflowOrgId]);
  const here = (id: string | null) => !!id && (id === org.id || !!placed.get(id)?.path.startsWith(org.path));
  let situation: CheckInTargetDto['situation'] = 'report';
  if (open.state === 'INFLOW_ACTIVE') situation = here(open.inflowBranchId) || here(open.inflowOrgId) ? 'accepted_here' : 'accepted_elsewhere';
  else if (open.state === 'REPORT_SUBMITTED') situation = open.inflowOrgId === org.id ? 'submitted_here' : 'submitted_elsewhere';
  else if (open.state === 'LOST_CONTACT') situation = 'report';
  return { org: orgDto, situation, record };
}

/** Placement options for the accepting secretary: branches and 党小组 in their subtree (org_admin: under the reported org). */
export async function placementOptions(me: Actor, record: Pick<MobileRecordDto, 'inflowOrg'>, locale: Locale): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  const rootId = me.role === 'branch_secretary' ? me.orgId : (record.inflowOrg?.id ?? null);
  const [root] = rootId ? await db.select().from(partyOrgs).where(eq(partyOrgs.id, rootId)) : [];
  if (!root) return [];
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(and(like(partyOrgs.path, prefixPattern(root.path)), eq(partyOrgs.status, 'ACTIVE'), inArray(partyOrgs.orgType, [...M.PLACEMENT_TYPES])))
    .orderBy(asc(partyOrgs.path));
  return rows.map((o) => ({ id: o.id, name: orgName(o, locale) }));
}

/** Organisations a redirect may suggest (ACTIVE, in the portal), for the form. */
export async function reportableOrgOptions(locale: Locale): Promise<{ id: string; name: string; depth: number }[]> {
  const db = await getDb();
  return (await selectableOrgs(db, locale)).map(({ id, name, depth }) => ({ id, name, depth }));
}

/** 工作台 / roster figures for the caller's scope: per tab. */
export async function mobileCounts(actor: Actor | null, ctx: MobileCtx): Promise<Record<string, number>> {
  return (await listMobileRecords(actor, {}, ctx)).counts;
}

