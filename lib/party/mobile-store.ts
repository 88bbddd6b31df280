import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { partyMembers, partyMobileEvents, partyMobileRecords, partyOrgs, partyReports, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { recordEvent } from '@/lib/events';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { notify } from '@/lib/notifications/service';
import { paidThroughMonths } from './dues-ledger';
import { partyMobileTransitioned } from './mobile-events';
import * as M from './mobile-machine';
import type { mobileEventDto, MobileListItem, MobileRecordDto } from './mobile-schemas';
type MobileEventDto = import('zod').infer<typeof mobileEventDto>;
import { localDate } from './transfer-machine';

/**
 * 流动党员 — what the MobileRecord service's modules share (mobile.ts: people's actions and reads; mobile-jobs.ts:
 * timers, the daily sweep, M14): loading organisations, the machine's facts, lapse facts in batch, the append-only
 * event with its outbox record, notifications to both ends, and the DTOs.
 */

export type RecordRow = typeof partyMobileRecords.$inferSelect;
export type OrgRow = typeof partyOrgs.$inferSelect;
export type MemberRow = typeof partyMembers.$inferSelect;
export type Orgs = Map<string, OrgRow>;

export interface MobileCtx {
  ip: string;
  locale?: Locale;
}

export const MISSING = '\u0000missing';
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
export const orgName = (o: Pick<OrgRow, 'nameZh' | 'nameEn'>, locale: Locale) => (locale === 'en' ? o.nameEn : o.nameZh);
export const problem = (field: string, key: string) => new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [key] } });

export async function loadOrgs(db: DbOrTx, ids: readonly (string | null | undefined)[]): Promise<Orgs> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x && isUuid(x)))];
  if (!wanted.length) return new Map();
  const rows = await db.select().from(partyOrgs).where(inArray(partyOrgs.id, wanted));
  return new Map(rows.map((o) => [o.id, o]));
}

export const node = (o: OrgRow | null | undefined): M.MobileOrgNode | null => (o ? { id: o.id, path: o.path, orgType: o.orgType, status: o.status, isExternal: o.isExternal } : null);

export const recordOrgIds = (r: RecordRow) => [r.outflowOrgId, r.inflowOrgId, r.inflowBranchId, r.redirectToOrgId];
/** The organisations whose secretaries may read a record (§4.2): the 流出地, the 流入地 (reported / placed) and, while it awaits a new 报到, the organisation it was redirected to. */
export function recordPaths(r: RecordRow, orgs: Orgs): string[] {
  const waitingFor = r.state === 'AWAITING_REPORT' || r.state === 'OUTFLOW_REGISTERED' ? r.redirectToOrgId : null;
  return [r.outflowOrgId, r.inflowOrgId, r.inflowBranchId, waitingFor].map((id) => (id ? orgs.get(id)?.path : null)).filter((p): p is string => !!p);
}

export async function acceptedRecordIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: partyMobileEvents.recordId })
    .from(partyMobileEvents)
    .where(and(inArray(partyMobileEvents.recordId, [...ids]), eq(partyMobileEvents.action, 'accept')));
  return new Set(rows.map((r) => r.id));
}

export function recordFacts(r: RecordRow, member: Pick<MemberRow, 'userId'>, orgs: Orgs, accepted: boolean): M.RecordFacts {
  return {
    state: r.state,
    memberUserId: member.userId,
    outflowOrg: node(orgs.get(r.outflowOrgId)),
    inflowOrg: node(r.inflowOrgId ? orgs.get(r.inflowOrgId) : null),
    inflowBranch: node(r.inflowBranchId ? orgs.get(r.inflowBranchId) : null),
    walkIn: r.walkIn,
    outflowConfirmedAt: r.outflowConfirmedAt,
    acceptedAt: r.acceptedAt,
    accepted,
    fixedEmployer: r.fixedEmployer,
    transferPromptedAt: r.transferPromptedAt,
    hasCard: !!r.cardNo,
  };
}

export function actorFacts(me: { id: string; role: M.MobileActorFacts['role']; orgId: string | null } | null, orgs: Orgs): M.MobileActorFacts {
  if (!me) return { role: 'system', userId: null };
  return { role: me.role, userId: me.id, org: me.orgId ? node(orgs.get(me.orgId)) : null };
}

export function refusal(d: Extract<M.MobileDecision, { ok: false }>): AppError {
  const key = `partyMobile.refusal.${d.reason}` as const;
  if (d.field) return new AppError(d.code, { fieldErrors: { [d.field]: [key] }, detailKey: key });
  return new AppError(d.code, { detailKey: key });
}

export function problemOnUnique(err: unknown): AppError | null {
  if (pgErrorCode(err) !== '23505') return null;
  const c = err as { cause?: { constraint?: string; constraint_name?: string; message?: string }; constraint?: string; constraint_name?: string; message?: string };
  const text = [c.cause?.constraint, c.cause?.constraint_name, c.constraint, c.constraint_name, c.cause?.message, c.message].filter(Boolean).join(' ');
  if (text.includes('party_mobile_records_one_open_uq')) return new AppError('OPEN_RECORD_EXISTS', { detailKey: 'partyMobile.refusal.open_record' });
  if (text.includes('party_mobile_events_one_accept_uq')) return new AppError('ALREADY_ACCEPTED', { detailKey: 'partyMobile.refusal.already_accepted' });
  if (text.includes('party_lost_contact_one_open_uq')) return new AppError('CONFLICT', { detailKey: 'partyMobile.errLostOpen' });
  return new AppError('CONFLICT');
}

// --- lapse facts -------------------------------------------------------------------------------------------------------

/** The derived lapse flags of records (dues from the ledger, org life from the member, annual reports from party_reports). */
export async function deriveFlags(db: DbOrTx, rows: readonly { r: RecordRow; m: MemberRow }[], at: Date = now()): Promise<Map<string, M.LapseFlag[]>> {
  const out = new Map<string, M.LapseFlag[]>();
  const relevant = rows.filter((x) => ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'INFLOW_ACTIVE'].includes(x.r.state));
  for (const x of rows) out.set(x.r.id, []);
  if (!relevant.length) return out;
  const memberIds = [...new Set(relevant.map((x) => x.m.id))];
  const paid = await paidThroughMonths(db, memberIds);
  const reports = await db
    .select({ memberId: partyReports.memberId, year: sql<string>`max(${partyReports.period})` })
    .from(partyReports)
    .where(and(inArray(partyReports.memberId, memberIds), eq(partyReports.type, 'annual')))
    .groupBy(partyReports.memberId);
  const lastYear = new Map(reports.map((r) => [r.memberId, r.year ? Number(r.year) : null]));
  for (const { r, m } of relevant) {
    out.set(
      r.id,
      M.deriveLapseFlags(
        {
          state: r.state,
          reportDueAt: r.reportDueAt,
          arrivalDate: r.arrivalDate,
          outflowDate: r.outflowDate,
          acceptedOn: r.acceptedAt ? localDate(r.acceptedAt) : null,
          duesPaidThrough: paid.get(m.id) ?? null,
          joinDate: m.joinDate,
          lastOrgLifeDate: m.lastOrgLifeDate,
          lastAnnualReportYear: lastYear.get(m.id) ?? null,
          hasCard: !!r.cardNo,
          lastCardReviewAt: r.lastCardReviewAt,
          cardIssuedAt: r.cardIssuedAt,
        },
        at,
      ),
    );
  }
  return out;
}

// --- writing ----------------------------------------------------------------------------------------------------------

export interface EventInput {
  action: M.MobileAction;
  fromState: M.MobileState | null;
  toState: M.MobileState;
  actorUserId: string | null;
  actorRole: M.MobileRole;
  actorOrgId: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
}

/** The next event of the record (the record row is locked, so seq is taken by one transaction at a time). */
export async function appendEvent(tx: Tx, recordId: string, e: EventInput): Promise<number> {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${partyMobileEvents.seq}), 0)::int` })
    .from(partyMobileEvents)
    .where(eq(partyMobileEvents.recordId, recordId));
  const seq = Number(last?.seq ?? 0) + 1;
  await tx.insert(partyMobileEvents).values({
    recordId,
    seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    actorOrgId: e.actorOrgId,
    comment: e.comment ?? null,
    data: e.data ?? null,
    at: now(),
  });
  await recordEvent(tx, partyMobileTransitioned, recordId, { recordId, seq, action: e.action, fromState: e.fromState, toState: e.toState }, { actorId: e.actorUserId });
  return seq;
}

// --- recipients ---------------------------------------------------------------------------------------------------------

export async function secretariesOf(db: DbOrTx, orgIds: readonly (string | null | undefined)[]): Promise<string[]> {
  const ids = [...new Set(orgIds.filter((x): x is string => !!x))];
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.orgId, ids), eq(users.role, 'branch_secretary'), isNull(users.disabledAt)));
  return rows.map((r) => r.id);
}

export async function orgAdmins(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'org_admin'), isNull(users.disabledAt)))).map((r) => r.id);
}

/** The 流出地's accounts: its secretaries, or the 区委组织部 when the 流出地 is outside the portal (or has none). */
export async function outflowRecipients(db: DbOrTx, outflow: OrgRow | undefined): Promise<string[]> {
  if (outflow && !outflow.isExternal) {
    const secs = await secretariesOf(db, [outflow.id]);
    if (secs.length) return secs;
  }
  return orgAdmins(db);
}

type Kind = Parameters<typeof notify>[2];
export async function notifyAll(db: DbOrTx, userIds: readonly (string | null | undefined)[], kind: Kind, dedupeKey: string, payload: Record<string, unknown>, except?: string | null): Promise<number> {
  let n = 0;
  for (const id of new Set(userIds.filter((x): x is string => !!x && x !== except))) if (await notify(db, id, kind, dedupeKey, payload as never)) n += 1;
  return n;
}

// --- DTOs -------------------------------------------------------------------------------------------------------------

const ref = (o: OrgRow | undefined | null, locale: Locale) => (o ? { id: o.id, name: orgName(o, locale) } : null);

export function toListItem(r: RecordRow, m: MemberRow, orgs: Orgs, flags: M.LapseFlag[], locale: Locale): MobileListItem {
  const out = orgs.get(r.outflowOrgId);
  return {
    id: r.id,
    memberId: m.id,
    memberName: m.name,
    membershipType: m.membershipType,
    phoneMasked: m.phoneMasked,
    outflowOrg: { id: r.outflowOrgId, name: out ? orgName(out, locale) : '', external: !!out?.isExternal },
    cardNo: r.cardNo,
    state: M.reportedState(r.state, flags),
    storedState: r.state,
    lapseFlags: flags,
    inflowOrg: ref(r.inflowOrgId ? orgs.get(r.inflowOrgId) : null, locale),
    inflowBranch: ref(r.inflowBranchId ? orgs.get(r.inflowBranchId) : null, locale),
    arrivalDate: r.arrivalDate,
    reportDueAt: r.reportDueAt?.toISOString() ?? null,
    reportSubmittedAt: r.reportSubmittedAt?.toISOString() ?? null,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    walkIn: r.walkIn,
  };
}

export async function eventsOf(db: DbOrTx, recordId: string, locale: Locale): Promise<MobileEventDto[]> {
  const rows = await db
    .select({ e: partyMobileEvents, zh: partyOrgs.nameZh, en: partyOrgs.nameEn })
    .from(partyMobileEvents)
    .leftJoin(partyOrgs, eq(partyOrgs.id, partyMobileEvents.actorOrgId))
    .where(eq(partyMobileEvents.recordId, recordId))
    .orderBy(desc(partyMobileEvents.seq));
  return rows.map(({ e, zh, en }) => ({
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorRole: e.actorRole,
    orgName: zh ? (locale === 'en' ? en : zh) : null,
    comment: e.comment,
    at: e.at.toISOString(),
  }));
}

export interface DtoOpts {
  roles: M.MobileRole[];
  actions: M.MobileAction[];
  /** The 流出地 and the 组织部 see the masked ID number; the 流入地 never. */
  showId: boolean;
  /** The destination address (S2) for the 流出地, the 组织部 and the member. */
  address: string | null;
  events: MobileEventDto[];
}

export function toRecordDto(r: RecordRow, m: MemberRow, orgs: Orgs, flags: M.LapseFlag[], locale: Locale, o: DtoOpts): MobileRecordDto {
  return {
    ...toListItem(r, m, orgs, flags, locale),
    idCardMasked: o.showId ? m.idCardMasked : null,
    outflowDate: r.outflowDate,
    outflowReason: r.outflowReason,
    outflowConfirmed: !!r.outflowConfirmedAt,
    destination: { province: r.destinationProvince, city: r.destinationCity, county: r.destinationCounty, unit: r.destinationUnit, address: o.address },
    fixedEmployer: r.fixedEmployer,
    lastCardReviewAt: r.lastCardReviewAt,
    reportMethod: r.reportMethod,
    inflowContact: { person: r.inflowContactPerson, phone: r.inflowContactPhone },
    redirectReason: r.redirectReason,
    redirectToOrg: ref(r.redirectToOrgId ? orgs.get(r.redirectToOrgId) : null, locale),
    endAt: r.endAt?.toISOString() ?? null,
    endReason: r.endReason,
    nationalFlowRef: r.nationalFlowRef,
    transferPromptedAt: r.transferPromptedAt?.toISOString() ?? null,
    roles: o.roles,
    actions: o.actions,
    events: o.events,
  };
}
