import 'server-only';
import { and, desc, eq, isNotNull, isNull, notInArray, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consents, ENDED_MOBILE_STATES, partyMembers, partyMobileRecords, partyOrgs, partyReports } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { decryptField, encryptField } from '@/lib/crypto/fields';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { partyToday } from './members';
import { currentPeriod, periodProblem } from './reports-period';
import type { MyReportsDto, ReportDto, ReportInboxDto, ReportInboxQuery, ReportReviewInput, SubmitReportInput } from './reports-schemas';

/**
 * Periodic reports (domain-party.md §2.3 item 4, §5.2 M8, §6 PeriodicReport; issue 10 §4).
 *
 * - The member writes them (their own linked record, after the Party consent); the addressee is ALWAYS the member's
 *   formal (流出地) organisation — never the 流入地 where a mobile member attends — and a request naming another
 *   organisation is refused (WRONG_REPORT_ORG, nothing written). One annual 情况汇报 per member and year (a unique
 *   partial index; two concurrent submissions give one 201 and one 409 REPORT_EXISTS); 思想汇报 are per quarter, as
 *   many as the member writes.
 * - Content (and the review note) is S1: encrypted at rest, shown only to the member and to the home branch's
 *   secretary / the 区委组织部 through the inbox, whose every read is audited. The review permission is write-scoped:
 *   a branch secretary opens exactly their own organisation's inbox — a 流入地 or unrelated secretary is refused.
 * - A home organisation outside the portal (e.g. 周窑's 杭州转塘街道党工委): the report is still addressed to it
 *   (to_org_id = the external organisation). Nobody there has an account, so the 区委组织部 sees these in its inbox and
 *   relays them (forwarding is outside the portal) and may record the review the home organisation sends back.
 */

type OrgRow = typeof partyOrgs.$inferSelect;
type MemberRow = typeof partyMembers.$inferSelect;
type ReportRow = typeof partyReports.$inferSelect;

const MISSING = '\u0000missing';
const orgName = (o: Pick<OrgRow, 'nameZh' | 'nameEn'>, locale: Locale) => (locale === 'en' ? o.nameEn : o.nameZh);
const problem = (field: string, key: string) => new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [key] } });
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function hasPartyConsent(db: DbOrTx, userId: string): Promise<boolean> {
  const [c] = await db.select({ id: consents.id }).from(consents).where(and(eq(consents.userId, userId), eq(consents.kind, 'party'), isNull(consents.withdrawnAt))).limit(1);
  return !!c;
}

function toDto(r: ReportRow, m: Pick<MemberRow, 'name'>, org: OrgRow, locale: Locale): ReportDto {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName: m.name,
    type: r.type,
    period: r.period,
    toOrgId: org.id,
    toOrgName: orgName(org, locale),
    toOrgExternal: org.isExternal,
    whileMobile: !!r.recordId,
    content: decryptField(r.contentEnc),
    submittedAt: r.submittedAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewNote: r.reviewNoteEnc ? decryptField(r.reviewNoteEnc) : null,
  };
}

// --- submit ----------------------------------------------------------------------------------------------------------

/** POST /api/v1/party/reports — the member's own report, routed to their formal organisation. */
export async function submitReport(actor: Actor | null, input: SubmitReportInput, meta: { ip: string }): Promise<{ id: string; toOrgId: string }> {
  const db = await getDb();
  const [member] = isUuid(input.memberId) ? await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId)) : [];
  const me = await authorize(actor, 'party_reports.submit_own', { ownerId: member?.userId ?? null }, { ip: meta.ip, targetType: 'party_member', targetId: input.memberId, via: 'party_reports.submit' });
  if (!member || !(await hasPartyConsent(db, me.id))) throw new AppError('NOT_FOUND');
  if (member.partyStatus !== 'NORMAL' || member.transferredOutAt) throw problem('memberId', 'partyReports.errMemberStatus');
  if (input.toOrgId && input.toOrgId !== member.formalOrgId) throw new AppError('WRONG_REPORT_ORG');
  const { today } = partyToday();
  const bad = periodProblem(input.type, input.period, today, Number(member.joinDate.slice(0, 4)));
  if (bad) throw problem('period', `partyReports.err_${bad}`);
  if (input.type === 'annual') {
    const [dup] = await db.select({ id: partyReports.id }).from(partyReports).where(and(eq(partyReports.memberId, member.id), eq(partyReports.type, 'annual'), eq(partyReports.period, input.period)));
    if (dup) throw new AppError('REPORT_EXISTS');
  }
  const [open] = await db
    .select({ id: partyMobileRecords.id })
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.memberId, member.id), notInArray(partyMobileRecords.state, [...ENDED_MOBILE_STATES])))
    .limit(1);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(partyReports)
        .values({ memberId: member.id, type: input.type, period: input.period, toOrgId: member.formalOrgId, recordId: open?.id ?? null, contentEnc: encryptField(input.content), submittedAt: now() })
        .returning({ id: partyReports.id, toOrgId: partyReports.toOrgId });
      // The audit row names the type, period and addressee — never the content.
      await audit({ action: 'party_reports.submit', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_report', targetId: row!.id, ip: meta.ip, detail: { memberId: member.id, type: input.type, period: input.period, toOrgId: member.formalOrgId } }, tx);
      return row!;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('REPORT_EXISTS');
    throw err;
  }
}

// --- the member's own ------------------------------------------------------------------------------------------------

/** GET /api/v1/me/party/reports — my reports (content decrypted for me), where they go, what is due (null without a linked record). */
export async function getMyReports(actor: Actor | null, meta: { ip: string; locale?: Locale }): Promise<MyReportsDto | null> {
  const locale = meta.locale ?? 'zh-CN';
  const me = await authorize(actor, 'party_reports.submit_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip, via: 'party_reports.mine' });
  const db = await getDb();
  if (!(await hasPartyConsent(db, me.id))) return null;
  const [row] = await db.select({ m: partyMembers, o: partyOrgs }).from(partyMembers).innerJoin(partyOrgs, eq(partyOrgs.id, partyMembers.formalOrgId)).where(eq(partyMembers.userId, me.id)).limit(1);
  if (!row) return null;
  const rows = await db.select({ r: partyReports, o: partyOrgs }).from(partyReports).innerJoin(partyOrgs, eq(partyOrgs.id, partyReports.toOrgId)).where(eq(partyReports.memberId, row.m.id)).orderBy(desc(partyReports.submittedAt));
  const { today } = partyToday();
  const year = currentPeriod('annual', today);
  await audit({ action: 'party_record.read_own', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_member', targetId: row.m.id, ip: meta.ip, detail: { fields: ['reports'] } });
  return {
    memberId: row.m.id,
    toOrgId: row.o.id,
    toOrgName: orgName(row.o, locale),
    items: rows.map((x) => toDto(x.r, row.m, x.o, locale)),
    annualDue: rows.some((x) => x.r.type === 'annual' && x.r.period === year) ? null : year,
    currentQuarter: currentPeriod('thought', today),
  };
}

// --- the home branch's inbox -------------------------------------------------------------------------------------

/**
 * GET /api/v1/party/reports — reports addressed to an organisation: the secretary's own (write-scoped: exactly their
 * organisation); the 区委组织部 any, by default all (including those addressed outside the portal, which it relays).
 * Content is decrypted for the reader; the read is audited with the report ids.
 */
export async function getReportInbox(actor: Actor | null, q: ReportInboxQuery, meta: { ip: string; locale?: Locale }): Promise<ReportInboxDto> {
  const locale = meta.locale ?? 'zh-CN';
  const db = await getDb();
  let me = await authorize(actor, 'party_reports.review', undefined, { ip: meta.ip, via: 'party_reports.inbox' });
  const orgId = q.orgId ?? (me.role === 'org_admin' ? null : me.orgId);
  const where: (SQL | undefined)[] = [];
  if (orgId || me.role !== 'org_admin') {
    const [org] = orgId ? await db.select().from(partyOrgs).where(eq(partyOrgs.id, orgId)) : [];
    me = await authorize(me, 'party_reports.review', { orgPath: org?.path ?? MISSING }, { ip: meta.ip, targetType: 'party_org', targetId: orgId, via: 'party_reports.inbox' });
    if (!org) throw new AppError('NOT_FOUND');
    where.push(eq(partyReports.toOrgId, org.id));
  }
  if (q.status === 'pending') where.push(isNull(partyReports.reviewedAt));
  if (q.status === 'reviewed') where.push(isNotNull(partyReports.reviewedAt));
  const rows = await db
    .select({ r: partyReports, m: partyMembers, o: partyOrgs })
    .from(partyReports)
    .innerJoin(partyMembers, eq(partyMembers.id, partyReports.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyReports.toOrgId))
    .where(and(...where))
    .orderBy(desc(partyReports.submittedAt))
    .limit(300);
  const orgs =
    me.role === 'org_admin'
      ? await db
          .selectDistinct({ o: partyOrgs })
          .from(partyReports)
          .innerJoin(partyOrgs, eq(partyOrgs.id, partyReports.toOrgId))
          .then((xs) => xs.map((x) => x.o))
      : me.orgId
        ? await db.select().from(partyOrgs).where(eq(partyOrgs.id, me.orgId))
        : [];
  await audit({
    action: 'party_reports.read',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'party_org',
    targetId: orgId,
    ip: meta.ip,
    detail: { fields: ['content', 'reviewNote'], ids: rows.map((x) => x.r.id) },
  });
  return {
    items: rows.map((x) => toDto(x.r, x.m, x.o, locale)),
    orgs: orgs.sort((a, b) => a.path.localeCompare(b.path)).map((o) => ({ id: o.id, name: orgName(o, locale), external: o.isExternal })),
  };
}

/** POST /api/v1/party/reports/{id}/review — the home branch (or the 组织部 relaying for one outside) reviews once. */
export async function reviewReport(actor: Actor | null, id: string, input: ReportReviewInput, meta: { ip: string; locale?: Locale }): Promise<ReportDto> {
  const db = await getDb();
  const [found] = isUuid(id) ? await db.select({ r: partyReports, o: partyOrgs, m: partyMembers }).from(partyReports).innerJoin(partyOrgs, eq(partyOrgs.id, partyReports.toOrgId)).innerJoin(partyMembers, eq(partyMembers.id, partyReports.memberId)).where(eq(partyReports.id, id)) : [];
  const me = await authorize(actor, 'party_reports.review', { orgPath: found?.o.path ?? MISSING }, { ip: meta.ip, targetType: 'party_report', targetId: id, via: 'party_reports.review' });
  if (!found) throw new AppError('NOT_FOUND');
  if (found.r.reviewedAt) throw new AppError('CONFLICT');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partyReports)
      .set({ reviewedBy: me.id, reviewedAt: now(), reviewNoteEnc: encryptField(input.note) })
      .where(and(eq(partyReports.id, found.r.id), isNull(partyReports.reviewedAt)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await audit({ action: 'party_reports.review', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_report', targetId: row.id, ip: meta.ip, detail: { toOrgId: found.o.id, relay: found.o.isExternal } }, tx);
    return toDto(row, found.m, found.o, meta.locale ?? 'zh-CN');
  });
}
