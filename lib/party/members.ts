import 'server-only';
import { and, asc, count, eq, ilike, inArray, isNull, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consents, OPEN_TRANSFER_STATES, partyMembers, partyOrgs, transferCases, users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { normalisePhone } from '@/lib/auth/identifiers';
import type { Actor } from '@/lib/auth/permissions';
import { jdzToday, now } from '@/lib/clock';
import { blindIndex, decryptField, encryptField } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { csvField } from '@/lib/http/csv';
import { AppError, pgErrorCode, type FieldErrors } from '@/lib/http/errors';
import { translate, type Locale } from '@/lib/i18n';
import { addMonths, compareYmd, formatYmd, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import { birthDateOfIdNumber, checkIdNumber, normaliseIdNumber } from '@/lib/talent/id-number';
import { contentDisposition } from '@/lib/uploads/filename';
import { lockTreeShared, prefixPattern } from './orgs';
import { partyNoticeHash } from './notice-hash';
import { PARTY_NOTICE_VERSION } from './privacy-notice';
import {
  ALERT_CODES,
  createMemberInput,
  isFormalHolderType,
  memberExportQuery,
  type CreateMemberInput,
  type MemberAlert,
  type MemberDto,
  type MemberExportQuery,
  type MemberListItem,
  type MemberListQuery,
  type MyPartyDto,
  statusDecisionDto,
  type StatusDecisionDto,
} from './schemas';

/**
 * Party members (issue 9 §2, §6; domain-party.md §4.1–§4.2, §6 Member). S1/S2 fields are encrypted (ID number, phone,
 * dues base amount) with display masks beside them; the ID number's keyed blind index makes it unique.
 *
 * Access is the §4.2 table: a branch secretary sees members whose formal organisation is in their organisation's
 * subtree (a prefix condition on party_orgs.path, in SQL); the 区委组织部 (org_admin) sees everyone; zone staff,
 * sysadmins and talents are refused (403, audited by authorize). A talent sees only their own linked record. Every
 * view writes an audit row naming the fields viewed; revealing a full ID number needs a reason and is audited once;
 * the roster export needs a purpose and an approval reference, is watermarked and audited.
 *
 * Alerts are computed on read against the Jingdezhen calendar (lib/clock): probation ended without conversion, dues
 * not paid through the current month, an open transfer, lost contact. Nothing here changes a member's party status
 * on its own (issue 9 §2: status changes carry decision references and are made by people).
 */

type MemberRow = typeof partyMembers.$inferSelect;
type OrgCols = { orgName: string; orgNameEn: string; orgPath: string };

/** The fields a list row shows / a record view shows (recorded in the audit row of each view). */
export const LIST_FIELDS = ['name', 'idCardNo(masked)', 'phone(masked)', 'membershipType', 'formalOrgId', 'partyStatus', 'lastDuesMonth', 'alerts'] as const;
export const RECORD_FIELDS = [...LIST_FIELDS, 'gender', 'ethnicity', 'joinDate', 'probationEndDate', 'regularDate', 'lostContact', 'duesBaseType', 'duesBaseAmount', 'userId', 'statusDecisions'] as const;
const EXPORT_FIELDS = ['name', 'idCardNo(masked)', 'phone(masked)', 'membershipType', 'formalOrg', 'joinDate', 'probationEndDate', 'partyStatus', 'lastDuesMonth', 'alerts'] as const;

const ID_PROBLEM_KEY = {
  format: 'validation.idFormat',
  region: 'validation.idRegion',
  birth_date: 'validation.idBirthDate',
  future_birth: 'validation.idBirthDate',
  checksum: 'validation.idChecksum',
  birth_mismatch: 'validation.idBirthMismatch',
} as const;

// --- calendar ----------------------------------------------------------------------------------------------------

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const ymOf = (d: Ymd) => `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}`;
const daysBetween = (a: Ymd, b: Ymd) => Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);

/** Today's date and month in Jingdezhen. */
export function partyToday(): { today: Ymd; todayIso: string; month: string } {
  const today = jdzToday();
  return { today, todayIso: formatYmd(today), month: ymOf(today) };
}

/**
 * Open alerts of a member on `today` (pure; exported for tests). Dues: "paid through" a month means that month is
 * paid; arrears are the unpaid months up to and including the current one (1–2 notice, 3–5 warning, 6+ critical:
 * §7.1 "remind at 1 unpaid month; alert both secretaries at 3; alert 流出地 at 6 consecutive"). Never paid: counted
 * from the month of joining.
 */
export function memberAlerts(
  m: Pick<MemberRow, 'membershipType' | 'probationEndDate' | 'lastDuesMonth' | 'joinDate' | 'lostContact' | 'partyStatus'> & Partial<Pick<MemberRow, 'lastOrgLifeDate'>>,
  today: Ymd,
  openTransferId?: string | null,
): MemberAlert[] {
  const alerts: MemberAlert[] = [];
  if (m.membershipType === 'probationary' && m.probationEndDate) {
    const end = parseIsoDate(m.probationEndDate);
    if (end && compareYmd(end, today) < 0) alerts.push({ code: 'PROBATION_EXPIRED', severity: 'warning', since: m.probationEndDate, days: daysBetween(end, today) });
  }
  if (m.partyStatus === 'NORMAL' || m.partyStatus === 'STOPPED') {
    const current = monthIndex(ymOf(today));
    const paidThrough = m.lastDuesMonth ? monthIndex(m.lastDuesMonth) : monthIndex(m.joinDate.slice(0, 7)) - 1;
    const months = current - paidThrough;
    if (months > 0) alerts.push({ code: 'DUES_ARREARS', severity: months >= 6 ? 'critical' : months >= 3 ? 'warning' : 'notice', months, ...(m.lastDuesMonth ? { since: m.lastDuesMonth } : {}) });
  }
  if (openTransferId) {
    alerts.push({ code: 'OPEN_TRANSFER', severity: 'notice', transferId: openTransferId });
    // I5 (§5.1): six months at the sending branch without organisational life while the case is open. An alert to
    // the branch only: nothing in the portal acts on it (党章第九条 is for the branch general meeting to weigh).
    const last = m.lastOrgLifeDate ? parseIsoDate(m.lastOrgLifeDate) : null;
    if (last && compareYmd(addMonths(last, 6), today) <= 0) alerts.push({ code: 'LAPSE_RISK', severity: 'critical', since: m.lastOrgLifeDate!, transferId: openTransferId });
  }
  if (m.lostContact) alerts.push({ code: 'LOST_CONTACT', severity: 'critical' });
  return alerts;
}

async function openTransfers(db: DbOrTx, memberIds: string[]): Promise<Map<string, string>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .select({ memberId: transferCases.memberId, id: transferCases.id })
    .from(transferCases)
    .where(and(inArray(transferCases.memberId, memberIds), inArray(transferCases.state, [...OPEN_TRANSFER_STATES])));
  return new Map(rows.map((r) => [r.memberId, r.id]));
}

// --- DTOs ----------------------------------------------------------------------------------------------------------

function toListItem(m: MemberRow, o: OrgCols, locale: Locale, alerts: MemberAlert[]): MemberListItem {
  return {
    id: m.id,
    name: m.name,
    idCardNo: m.idCardMasked,
    phone: m.phoneMasked,
    membershipType: m.membershipType,
    formalOrgId: m.formalOrgId,
    formalOrgName: locale === 'en' ? o.orgNameEn : o.orgName,
    partyStatus: m.partyStatus,
    lastDuesMonth: m.lastDuesMonth,
    linked: m.userId !== null,
    alerts,
  };
}

function toMemberDto(m: MemberRow, o: OrgCols, locale: Locale, alerts: MemberAlert[]): MemberDto {
  return {
    ...toListItem(m, o, locale, alerts),
    gender: m.gender,
    ethnicity: m.ethnicity,
    joinDate: m.joinDate,
    probationEndDate: m.probationEndDate,
    regularDate: m.regularDate,
    lostContact: m.lostContact,
    duesBaseType: m.duesBaseType,
    duesBaseAmount: m.duesBaseAmountEnc ? decryptField(m.duesBaseAmountEnc) : null,
    userId: m.userId,
    createdFrom: m.createdFrom,
    createdAt: m.createdAt.toISOString(),
    statusDecisions: readDecisions(m.statusDecisionsEnc),
  };
}

/** The encrypted list of 党籍 decisions (lib/party/member-status.ts records them). */
export function readDecisions(enc: string | null): StatusDecisionDto[] {
  if (!enc) return [];
  const parsed = statusDecisionDto.array().safeParse(JSON.parse(decryptField(enc)));
  return parsed.success ? parsed.data : [];
}

const orgCols = { orgName: partyOrgs.nameZh, orgNameEn: partyOrgs.nameEn, orgPath: partyOrgs.path };

// --- consent (单独同意) -------------------------------------------------------------------------------------------

async function partyConsent(db: DbOrTx, userId: string): Promise<{ granted: boolean; grantedAt: Date | null }> {
  const [c] = await db
    .select({ grantedAt: consents.grantedAt })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, 'party'), isNull(consents.withdrawnAt)))
    .limit(1);
  return { granted: !!c, grantedAt: c?.grantedAt ?? null };
}

/**
 * Grants or withdraws the talent's Party consent. Withdrawing stops the processing it covered: the account is unlinked
 * from the Party record (which the organisation keeps; §4.3 leaves its own legal basis to 区委组织部).
 */
export async function setPartyConsent(actor: Actor | null, granted: boolean, ip: string): Promise<{ granted: boolean }> {
  const me = await authorize(actor, 'party_record.consent_own', actor ? { ownerId: actor.id } : undefined, { ip });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const t = now();
    let unlinked = 0;
    if (granted) {
      await tx.insert(consents).values({ userId: me.id, kind: 'party', noticeVersion: PARTY_NOTICE_VERSION, noticeHash: partyNoticeHash(), grantedAt: t }).onConflictDoNothing();
    } else {
      await tx.update(consents).set({ withdrawnAt: t }).where(and(eq(consents.userId, me.id), eq(consents.kind, 'party'), isNull(consents.withdrawnAt)));
      unlinked = (await tx.update(partyMembers).set({ userId: null, updatedAt: t }).where(eq(partyMembers.userId, me.id)).returning({ id: partyMembers.id })).length;
    }
    await audit({ action: granted ? 'consent.grant' : 'consent.withdraw', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'consent', targetId: 'party', ip, detail: { version: PARTY_NOTICE_VERSION, unlinked } }, tx);
  });
  return { granted };
}

// --- register ------------------------------------------------------------------------------------------------------

/** Field checks that need today's date or the ID number (pure; exported for tests). */
export function memberProblems(input: { idCardNo: string; joinDate: string; probationEndDate: string | null; lastDuesMonth: string | null; membershipType: string }, today: Ymd): { errors: FieldErrors; idNumber: string } {
  const errors: FieldErrors = {};
  const add = (f: string, k: string) => (errors[f] ??= []).push(k);
  const idNumber = normaliseIdNumber(input.idCardNo);
  const problem = checkIdNumber(idNumber, { today });
  if (problem) add('idCardNo', ID_PROBLEM_KEY[problem]);
  const join = parseIsoDate(input.joinDate);
  if (join && compareYmd(join, today) > 0) add('joinDate', 'validation.dateInFuture');
  const birth = !problem ? birthDateOfIdNumber(idNumber) : null;
  // 党章 第一条: 年满十八岁.
  if (join && birth && compareYmd(join, addMonths(birth, 18 * 12)) < 0) add('joinDate', 'party.errJoinAge');
  if (input.lastDuesMonth && monthIndex(input.lastDuesMonth) > monthIndex(ymOf(today)) + 12) add('lastDuesMonth', 'party.errDuesMonthFuture');
  if (input.lastDuesMonth && join && monthIndex(input.lastDuesMonth) < monthIndex(ymOf(join)) - 1) add('lastDuesMonth', 'party.errDuesBeforeJoin');
  return { errors, idNumber };
}

/**
 * Registers a member at a formal organisation in the caller's scope. The organisation must be ACTIVE and a branch
 * (or outside the portal); linking an account needs that talent's Party consent.
 */
export async function createPartyMember(actor: Actor | null, raw: CreateMemberInput, locale: Locale, ip: string): Promise<MemberDto> {
  const input = createMemberInput.parse(raw);
  const db = await getDb();
  const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, input.formalOrgId)).limit(1);
  const me = await authorize(actor, 'party_members.register', { orgPath: org?.path ?? '\u0000missing' }, { ip, targetType: 'party_org', targetId: input.formalOrgId });
  if (!org) throw new AppError('VALIDATION_FAILED', { fieldErrors: { formalOrgId: ['party.errOrgUnknown'] } });
  if (org.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED', { fieldErrors: { formalOrgId: ['problem.ORG_DISSOLVED'] } });
  if (!org.isExternal && !isFormalHolderType(org.orgType)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { formalOrgId: ['party.errNotABranch'] } });
  const { today } = partyToday();
  const { errors, idNumber } = memberProblems(input, today);
  const phone = normalisePhone(input.phone);
  if (!phone) (errors.phone ??= []).push('validation.phoneInvalid');
  if (input.userId) {
    const [u] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!u || u.role !== 'talent') (errors.userId ??= []).push('party.errUserUnknown');
    else if (!(await partyConsent(db, u.id)).granted) (errors.userId ??= []).push('party.errConsentMissing');
  }
  if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });
  try {
    const row = await db.transaction(async (tx) => {
      // Never attach to an organisation a concurrent dissolution has just found empty.
      await lockTreeShared(tx);
      const [current] = await tx.select({ status: partyOrgs.status }).from(partyOrgs).where(eq(partyOrgs.id, org.id));
      if (current?.status !== 'ACTIVE') throw new AppError('ORG_DISSOLVED', { fieldErrors: { formalOrgId: ['problem.ORG_DISSOLVED'] } });
      const t = now();
      const [m] = await tx
        .insert(partyMembers)
        .values({
          userId: input.userId,
          name: input.name,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
          ethnicity: input.ethnicity,
          idCardEnc: encryptField(idNumber),
          idCardBlind: blindIndex('party_id_card', idNumber),
          idCardMasked: maskIdNumber(idNumber)!,
          phoneEnc: encryptField(phone!),
          phoneMasked: maskPhone(phone),
          membershipType: input.membershipType,
          joinDate: input.joinDate,
          probationEndDate: input.probationEndDate,
          formalOrgId: org.id,
          lastDuesMonth: input.lastDuesMonth,
          duesBaseType: input.duesBaseType,
          duesBaseAmountEnc: encryptField(input.duesBaseAmount),
          createdFrom: 'register',
          createdBy: me.id,
          createdAt: t,
          updatedAt: t,
        })
        .returning();
      await audit({ action: 'party_members.register', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: m!.id, ip, detail: { formalOrgId: org.id, linked: !!input.userId } }, tx);
      return m!;
    });
    return toMemberDto(row, { orgName: org.nameZh, orgNameEn: org.nameEn, orgPath: org.path }, locale, memberAlerts(row, today));
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      const c = err as { cause?: { constraint?: string; constraint_name?: string } };
      const constraint = String(c.cause?.constraint ?? c.cause?.constraint_name ?? '');
      if (constraint.includes('user')) throw new AppError('CONFLICT', { fieldErrors: { userId: ['party.errUserLinked'] } });
      throw new AppError('CONFLICT', { fieldErrors: { idCardNo: ['validation.idTaken'] } });
    }
    throw err;
  }
}

// --- read ------------------------------------------------------------------------------------------------------------

/** The caller's scope as SQL over party_orgs (the formal organisation's path under the secretary's). */
function scopeOf(me: Actor): SQL | undefined {
  if (me.role === 'org_admin') return undefined;
  return like(partyOrgs.path, prefixPattern(me.orgPath ?? '\u0000none'));
}

function filtersOf(me: Actor, q: Omit<MemberListQuery, 'page' | 'pageSize'>, on: { todayIso: string; month: string }): SQL | undefined {
  const f: (SQL | undefined)[] = [scopeOf(me)];
  if (q.q) f.push(ilike(partyMembers.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.orgId) f.push(eq(partyMembers.formalOrgId, q.orgId));
  if (q.membershipType) f.push(eq(partyMembers.membershipType, q.membershipType));
  if (q.alert === 'DUES_ARREARS') f.push(and(inArray(partyMembers.partyStatus, ['NORMAL', 'STOPPED']), or(isNull(partyMembers.lastDuesMonth), lt(partyMembers.lastDuesMonth, on.month))));
  if (q.alert === 'PROBATION_EXPIRED') f.push(and(eq(partyMembers.membershipType, 'probationary'), lt(partyMembers.probationEndDate, on.todayIso)));
  if (q.alert === 'LOST_CONTACT') f.push(eq(partyMembers.lostContact, true));
  if (q.alert === 'LAPSE_RISK') {
    const sixMonthsAgo = formatYmd(addMonths(parseIsoDate(on.todayIso)!, -6));
    f.push(
      and(
        lte(partyMembers.lastOrgLifeDate, sixMonthsAgo),
        sql`exists (select 1 from ${transferCases} tc where tc.member_id = ${partyMembers.id} and tc.state in (${sql.join(OPEN_TRANSFER_STATES.map((s) => sql`${s}`), sql`, `)}))`,
      ),
    );
  }
  if (q.alert === 'OPEN_TRANSFER') {
    f.push(sql`exists (select 1 from ${transferCases} tc where tc.member_id = ${partyMembers.id} and tc.state in (${sql.join(OPEN_TRANSFER_STATES.map((s) => sql`${s}`), sql`, `)}))`);
  }
  return and(...f);
}

async function withAlerts(db: DbOrTx, rows: { m: MemberRow; o: OrgCols }[], locale: Locale, today: Ymd): Promise<MemberListItem[]> {
  const open = await openTransfers(db, rows.map((r) => r.m.id));
  return rows.map((r) => toListItem(r.m, r.o, locale, memberAlerts(r.m, today, open.get(r.m.id))));
}

/** The roster in the caller's scope, masked, paginated; the view is audited with the ids and fields shown. */
export async function listPartyMembers(actor: Actor | null, q: MemberListQuery, locale: Locale, ip: string) {
  const me = await authorize(actor, 'party_members.read', undefined, { ip });
  const db = await getDb();
  const on = partyToday();
  const where = filtersOf(me, q, on);
  const [rows, [total]] = await Promise.all([
    db
      .select({ m: partyMembers, o: orgCols })
      .from(partyMembers)
      .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId))
      .where(where)
      .orderBy(asc(partyOrgs.path), asc(partyMembers.name), asc(partyMembers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(where),
  ]);
  await audit({ action: 'party_members.list', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { fields: [...LIST_FIELDS], ids: rows.map((r) => r.m.id), page: q.page, filters: { ...q, q: q.q ? '…' : undefined } } });
  return { items: await withAlerts(db, rows, locale, on.today), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function loadMember(actor: Actor | null, id: string, permission: 'party_members.read' | 'party_members.reveal', ip: string) {
  const db = await getDb();
  const [row] = await db.select({ m: partyMembers, o: orgCols }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(eq(partyMembers.id, id)).limit(1);
  // Out of scope is refused exactly like missing is for a secretary (no probing across branches).
  const me = await authorize(actor, permission, { orgPath: row?.o.orgPath ?? '\u0000missing' }, { ip, targetType: 'party_member', targetId: id });
  if (!row) throw new AppError('NOT_FOUND');
  return { me, row, db };
}

export async function getPartyMember(actor: Actor | null, id: string, locale: Locale, ip: string): Promise<MemberDto> {
  const { me, row, db } = await loadMember(actor, id, 'party_members.read', ip);
  const { today } = partyToday();
  const open = await openTransfers(db, [id]);
  await audit({ action: 'party_members.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: id, ip, detail: { fields: [...RECORD_FIELDS] } });
  return toMemberDto(row.m, row.o, locale, memberAlerts(row.m, today, open.get(id)));
}

/** The full ID number for a stated reason: one audit row with the reason. */
export async function revealPartyMemberId(actor: Actor | null, id: string, reason: string, ip: string): Promise<{ idCardNo: string }> {
  const { me, row } = await loadMember(actor, id, 'party_members.reveal', ip);
  await audit({ action: 'party_members.reveal', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: id, ip, detail: { fields: ['idCardNo'], reason } });
  return { idCardNo: decryptField(row.m.idCardEnc) };
}

/** A talent's own record (linked and consented) with their organisation's contact point. */
/**
 * How many members in the caller's scope carry each alert (for the 工作台): aggregate counts only, no personal data,
 * so no per-record audit row; the scope and the role gate are the roster's.
 */
export async function memberAlertSummary(actor: Actor | null, ip: string): Promise<{ total: number; byAlert: Record<(typeof ALERT_CODES)[number], number> }> {
  const me = await authorize(actor, 'party_members.read', undefined, { ip });
  const db = await getDb();
  const on = partyToday();
  const countWhere = async (where: SQL | undefined) =>
    Number((await db.select({ n: count() }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(where))[0]?.n ?? 0);
  const [total, ...counts] = await Promise.all([countWhere(filtersOf(me, {}, on)), ...ALERT_CODES.map((alert) => countWhere(filtersOf(me, { alert }, on)))]);
  return { total: total!, byAlert: Object.fromEntries(ALERT_CODES.map((c, i) => [c, counts[i]!])) as Record<(typeof ALERT_CODES)[number], number> };
}

/** The talent's own Party summary for the 工作台 (their branch and open transfer), without the record's S1 fields. */
export async function myPartySummary(actor: Actor | null, locale: Locale, ip: string): Promise<{ orgName: string; openTransferId: string | null } | null> {
  const me = await authorize(actor, 'party_record.read_own', actor ? { ownerId: actor.id } : undefined, { ip });
  const db = await getDb();
  if (!(await partyConsent(db, me.id)).granted) return null;
  const [row] = await db.select({ id: partyMembers.id, zh: partyOrgs.nameZh, en: partyOrgs.nameEn }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(eq(partyMembers.userId, me.id)).limit(1);
  if (!row) return null;
  const open = await openTransfers(db, [row.id]);
  return { orgName: locale === 'en' ? row.en : row.zh, openTransferId: open.get(row.id) ?? null };
}

export async function getMyParty(actor: Actor | null, locale: Locale, ip: string): Promise<MyPartyDto> {
  const me = await authorize(actor, 'party_record.read_own', actor ? { ownerId: actor.id } : undefined, { ip });
  const db = await getDb();
  const consent = await partyConsent(db, me.id);
  const consentDto = { granted: consent.granted, noticeVersion: PARTY_NOTICE_VERSION, grantedAt: consent.grantedAt?.toISOString() ?? null };
  if (!consent.granted) return { consent: consentDto, member: null };
  const [row] = await db.select({ m: partyMembers, o: partyOrgs }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(eq(partyMembers.userId, me.id)).limit(1);
  if (!row) return { consent: consentDto, member: null };
  const { today } = partyToday();
  const open = await openTransfers(db, [row.m.id]);
  await audit({ action: 'party_record.read_own', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: row.m.id, ip, detail: { fields: [...RECORD_FIELDS] } });
  const { linked: _linked, ...dto } = toMemberDto(row.m, { orgName: row.o.nameZh, orgNameEn: row.o.nameEn, orgPath: row.o.path }, locale, memberAlerts(row.m, today, open.get(row.m.id)));
  return {
    consent: consentDto,
    member: {
      ...dto,
      formalOrg: {
        id: row.o.id,
        name: locale === 'en' ? row.o.nameEn : row.o.nameZh,
        contact: { person: row.o.contactPerson, phone: row.o.contactPhone, address: row.o.address, postalCode: row.o.postalCode },
      },
    },
  };
}

// --- export --------------------------------------------------------------------------------------------------------

const ALERT_LABEL_KEYS = { PROBATION_EXPIRED: 'party.alert_PROBATION_EXPIRED', DUES_ARREARS: 'party.alert_DUES_ARREARS', OPEN_TRANSFER: 'party.alert_OPEN_TRANSFER', LAPSE_RISK: 'party.alert_LAPSE_RISK', LOST_CONTACT: 'party.alert_LOST_CONTACT' } as const;

/** Jingdezhen wall-clock time "YYYY-MM-DD HH:mm" of an instant. */
function jdzDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The roster in the caller's scope as CSV (UTF-8 with BOM), masked, with a watermark line naming the exporter, the
 * time, the purpose and the approval reference, before the header and again at the end. Refused (400) without a
 * purpose and an approval reference (the query schema). Audited with both and the number of rows.
 */
export async function exportPartyMembers(actor: Actor | null, raw: MemberExportQuery, locale: Locale, ip: string): Promise<Response> {
  const me = await authorize(actor, 'party_members.export', undefined, { ip });
  const q = memberExportQuery.parse(raw);
  const db = await getDb();
  const on = partyToday();
  const { purpose, approvalRef, ...filters } = q;
  const rows = await db
    .select({ m: partyMembers, o: orgCols })
    .from(partyMembers)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId))
    .where(filtersOf(me, filters, on))
    .orderBy(asc(partyOrgs.path), asc(partyMembers.name), asc(partyMembers.id));
  const items = await withAlerts(db, rows, locale, on.today);
  const at = now();
  await audit({ action: 'party_members.export', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { purpose, approvalRef, rows: items.length, fields: [...EXPORT_FIELDS], at: at.toISOString() } });
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(locale, k, p);
  const watermark = t('party.exportWatermark', { name: me.displayName, id: me.id.slice(0, 8), time: jdzDateTime(at), purpose, approvalRef });
  const header = ['name', 'idCardNo', 'phone', 'membershipType', 'formalOrg', 'joinDate', 'probationEndDate', 'partyStatus', 'lastDuesMonth', 'alerts'].map((c) => t(`party.col_${c}` as Parameters<typeof translate>[1]));
  const byId = new Map(rows.map((r) => [r.m.id, r.m]));
  const lines = [
    [watermark],
    header,
    ...items.map((i) => {
      const m = byId.get(i.id)!;
      return [
        i.name,
        i.idCardNo,
        i.phone ?? '',
        t(`party.membership_${i.membershipType}`),
        i.formalOrgName,
        m.joinDate,
        m.probationEndDate ?? '',
        t(`party.status_${i.partyStatus}`),
        i.lastDuesMonth ?? '',
        i.alerts.map((a) => t(ALERT_LABEL_KEYS[a.code])).join('、'),
      ];
    }),
    [watermark],
  ];
  const body = `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
  const name = `${t('party.exportFileName')}-${on.todayIso}.csv`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(name, 'attachment'),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
