import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { partyActivities, partyAttendance, partyDuesPayments, partyLostContactCases, partyMembers, partyMobileEvents, partyMobileRecords, partyOrgs, partyReports } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { decryptField } from '@/lib/crypto/fields';
import { csvField } from '@/lib/http/csv';
import { AppError } from '@/lib/http/errors';
import { translate, type Locale } from '@/lib/i18n';
import { contentDisposition } from '@/lib/uploads/filename';
import { sumAmounts } from './dues-calculator';
import { paidThroughMonths } from './dues-ledger';
import { partyToday } from './members';
import { deriveLapseFlags, ENDED_STATES, LAPSE_FLAGS, type LapseFlag } from './mobile-machine';
import { defaultPeriod, monthsBetween, originProvince, percent, shiftMonth } from './stats-core';
import type { DistrictCsvQuery, DistrictDto, DistrictQuery, OverviewDto, OverviewQuery } from './stats-schemas';
import { localDate, localDateStart } from './transfer-machine';

/**
 * 流动党员 statistics (issue 10 §6; domain-party.md §2, §2.6, §2.7, §4): the branch secretary's dashboard (their
 * organisation's subtree; the 组织部 may open any organisation's) and the 区委组织部's district view. Read-only:
 * the tables are read directly, lapse flags derived on read with the machine's `deriveLapseFlags` (dues paid-through
 * from the ledger's `paidThroughMonths`), so a stopped worker never hides an overdue member.
 *
 * Authorization in the service (party_stats.read, org scope): a secretary reads the subtree under their organisation
 * only (another organisation's orgId → 403, audited); the district view is the 组织部's alone. The dashboard lists
 * members by name (S2), so each read of it is audited; the district view holds counts only.
 */

type RecordRow = typeof partyMobileRecords.$inferSelect;
type OrgRow = Pick<typeof partyOrgs.$inferSelect, 'id' | 'nameZh' | 'nameEn' | 'path' | 'parentId' | 'isExternal' | 'address' | 'status' | 'kind'>;
type MemberFacts = { id: string; name: string; joinDate: string; lastOrgLifeDate: string | null };

const MISSING = '\u0000missing';
const PRE_REPORT = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT'] as const;
const ITEM_LIMIT = 20;
const orgName = (o: Pick<OrgRow, 'nameZh' | 'nameEn'> | undefined, locale: Locale) => (o ? (locale === 'en' ? o.nameEn : o.nameZh) : null);
const emptyByFlag = (): Record<LapseFlag, number> => Object.fromEntries(LAPSE_FLAGS.map((f) => [f, 0])) as Record<LapseFlag, number>;

async function allOrgs(db: DbOrTx): Promise<Map<string, OrgRow>> {
  const rows = await db
    .select({ id: partyOrgs.id, nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn, path: partyOrgs.path, parentId: partyOrgs.parentId, isExternal: partyOrgs.isExternal, address: partyOrgs.address, status: partyOrgs.status, kind: partyOrgs.kind })
    .from(partyOrgs)
    .orderBy(asc(partyOrgs.path));
  return new Map(rows.map((o) => [o.id, o]));
}

// --- lapse flags on read ------------------------------------------------------------------------------------------------

/** The derived lapse flags of records (same facts as the mobile service: ledger, last org life, annual reports, card). */
async function flagsOf(db: DbOrTx, rows: readonly { r: RecordRow; m: MemberFacts }[], at: Date): Promise<Map<string, LapseFlag[]>> {
  const out = new Map<string, LapseFlag[]>();
  const relevant = rows.filter((x) => x.r.state === 'INFLOW_ACTIVE' || (PRE_REPORT as readonly string[]).includes(x.r.state));
  if (!relevant.length) return out;
  const managed = [...new Set(relevant.filter((x) => x.r.state === 'INFLOW_ACTIVE').map((x) => x.m.id))];
  const paid = managed.length ? await paidThroughMonths(db, managed) : new Map<string, string | null>();
  const reports = managed.length
    ? await db
        .select({ memberId: partyReports.memberId, year: sql<string | null>`max(${partyReports.period})` })
        .from(partyReports)
        .where(and(inArray(partyReports.memberId, managed), eq(partyReports.type, 'annual')))
        .groupBy(partyReports.memberId)
    : [];
  const lastYear = new Map(reports.map((r) => [r.memberId, r.year ? Number(r.year) : null]));
  for (const { r, m } of relevant) {
    out.set(
      r.id,
      deriveLapseFlags(
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

const memberFacts = { id: partyMembers.id, name: partyMembers.name, joinDate: partyMembers.joinDate, lastOrgLifeDate: partyMembers.lastOrgLifeDate };

// --- the secretary's dashboard ---------------------------------------------------------------------------------------

/** The organisation the dashboard opens: ?orgId, else mine; the 组织部 (no organisation of its own) starts at the district root. */
async function dashboardOrg(db: DbOrTx, actor: Actor | null, orgs: Map<string, OrgRow>, orgId: string | undefined): Promise<OrgRow | undefined> {
  const id = orgId ?? actor?.orgId ?? (actor?.role === 'org_admin' ? [...orgs.values()].find((o) => !o.parentId && !o.isExternal)?.id : undefined);
  return id ? orgs.get(id) : undefined;
}

/**
 * GET /api/v1/party/stats/overview: the dashboard figures of an organisation's subtree — awaiting 报到, overdue,
 * lapse watch with flags, attendance this month, dues collected this month. See OverviewDto for each definition.
 */
export async function getStatsOverview(actor: Actor | null, q: OverviewQuery, meta: { ip: string; locale?: Locale }): Promise<OverviewDto> {
  const locale = meta.locale ?? 'zh-CN';
  const db = await getDb();
  const orgs = await allOrgs(db);
  const org = await dashboardOrg(db, actor, orgs, q.orgId);
  const me = await authorize(actor, 'party_stats.read', { orgPath: org?.path ?? MISSING }, { ip: meta.ip, targetType: 'party_org', targetId: q.orgId ?? actor?.orgId ?? null, via: 'party_stats.overview' });
  if (!org || org.isExternal) throw new AppError('NOT_FOUND');
  const at = now();
  const { todayIso, month } = partyToday();
  const subtree = [...orgs.values()].filter((o) => o.path.startsWith(org.path)).map((o) => o.id);
  const inSub = new Set(subtree);

  // Mobile records concerning the subtree: as 流入地 (reported / placed / redirected here) or as 流出地 (our members away).
  const rows = await db
    .select({ r: partyMobileRecords, m: memberFacts })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .where(
      and(
        notInArray(partyMobileRecords.state, [...ENDED_STATES]),
        or(
          inArray(partyMobileRecords.inflowOrgId, subtree),
          inArray(partyMobileRecords.inflowBranchId, subtree),
          inArray(partyMobileRecords.redirectToOrgId, subtree),
          inArray(partyMobileRecords.outflowOrgId, subtree),
        ),
      ),
    );
  const inflowHere = (r: RecordRow) => (r.inflowOrgId && inSub.has(r.inflowOrgId)) || (r.inflowBranchId && inSub.has(r.inflowBranchId));
  const flags = await flagsOf(db, rows, at);

  const awaitingRows = rows.filter(
    ({ r }) => (r.state === 'REPORT_SUBMITTED' && inflowHere(r)) || ((PRE_REPORT as readonly string[]).includes(r.state) && ((r.redirectToOrgId && inSub.has(r.redirectToOrgId)) || inSub.has(r.outflowOrgId))),
  );
  const awaitingItems = awaitingRows
    .map(({ r, m }) => {
      const overdue = (flags.get(r.id) ?? []).includes('REPORT');
      const side = r.state === 'REPORT_SUBMITTED' || (r.redirectToOrgId && inSub.has(r.redirectToOrgId)) ? ('inflow' as const) : ('outflow' as const);
      return {
        recordId: r.id,
        memberName: m.name,
        state: r.state,
        side,
        orgName: orgName(orgs.get((side === 'inflow' ? (r.inflowOrgId ?? r.redirectToOrgId) : r.outflowOrgId) ?? ''), locale),
        reportedAt: r.reportSubmittedAt?.toISOString() ?? null,
        reportDueAt: r.reportDueAt?.toISOString() ?? null,
        overdue,
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.reportDueAt ?? a.reportedAt ?? '').localeCompare(b.reportDueAt ?? b.reportedAt ?? '') || a.memberName.localeCompare(b.memberName, 'zh-CN'));

  const managed = rows.filter(({ r }) => r.state === 'INFLOW_ACTIVE' && inflowHere(r));
  const lapseItems = managed
    .map(({ r, m }) => ({ recordId: r.id, memberName: m.name, branchName: orgName(orgs.get(r.inflowBranchId ?? r.inflowOrgId ?? ''), locale), flags: flags.get(r.id) ?? [] }))
    .filter((x) => x.flags.length > 0)
    .sort((a, b) => b.flags.length - a.flags.length || a.memberName.localeCompare(b.memberName, 'zh-CN'));
  const byFlag = emptyByFlag();
  for (const x of lapseItems) for (const f of x.flags) byFlag[f]++;

  const attendance = await attendanceThisMonth(db, subtree, month, todayIso);
  const dues = await duesThisMonth(db, subtree, month);

  const result: OverviewDto = {
    orgId: org.id,
    orgName: orgName(org, locale)!,
    today: todayIso,
    month,
    orgs: [...orgs.values()].filter((o) => !o.isExternal && o.status === 'ACTIVE' && (me.role === 'org_admin' || (me.orgPath && o.path.startsWith(me.orgPath)))).map((o) => ({ id: o.id, name: orgName(o, locale)! })),
    mobile: {
      active: rows.filter(({ r }) => inflowHere(r) && ['REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'LOST_CONTACT'].includes(r.state)).length,
      accepted: managed.length,
      lostContact: rows.filter(({ r }) => r.state === 'LOST_CONTACT').length,
    },
    awaiting: {
      total: awaitingItems.length,
      toVerify: awaitingItems.filter((i) => i.state === 'REPORT_SUBMITTED').length,
      expected: awaitingItems.filter((i) => i.state !== 'REPORT_SUBMITTED').length,
      overdue: awaitingItems.filter((i) => i.overdue).length,
      items: awaitingItems.slice(0, ITEM_LIMIT),
    },
    lapse: { total: lapseItems.length, byFlag, items: lapseItems.slice(0, ITEM_LIMIT) },
    attendance,
    dues,
  };
  await audit({
    action: 'party_stats.read',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'party_org',
    targetId: org.id,
    ip: meta.ip,
    detail: { fields: ['mobileDashboard', 'memberNames', 'lapseFlags', 'duesTotal'], records: [...result.awaiting.items, ...result.lapse.items].map((i) => i.recordId) },
  });
  return result;
}

/** Activities of the subtree dated this month up to today: held, 应到 / 实到 of formal members, mobile attendees. */
async function attendanceThisMonth(db: DbOrTx, subtree: string[], month: string, todayIso: string): Promise<OverviewDto['attendance']> {
  const monthStart = `${month}-01`;
  const inMonth = and(inArray(partyActivities.orgId, subtree), gte(partyActivities.date, monthStart), lte(partyActivities.date, todayIso));
  const [held] = await db.select({ n: sql<number>`count(*)::int` }).from(partyActivities).where(inMonth);
  const perOrg = db
    .select({ orgId: partyMembers.formalOrgId, n: sql<number>`count(*)::int`.as('n') })
    .from(partyMembers)
    .where(and(inArray(partyMembers.formalOrgId, subtree), eq(partyMembers.partyStatus, 'NORMAL'), isNull(partyMembers.transferredOutAt)))
    .groupBy(partyMembers.formalOrgId)
    .as('per_org');
  const [expected] = await db
    .select({ n: sql<number>`coalesce(sum(${perOrg.n}), 0)::int` })
    .from(partyActivities)
    .innerJoin(perOrg, eq(perOrg.orgId, partyActivities.orgId))
    .where(inMonth);
  const present = await db
    .select({ relation: partyAttendance.relation, n: sql<number>`count(*)::int` })
    .from(partyAttendance)
    .innerJoin(partyActivities, eq(partyActivities.id, partyAttendance.activityId))
    .where(and(inMonth, sql`${partyAttendance.confirmedAt} is not null`))
    .groupBy(partyAttendance.relation);
  const formalPresent = present.find((p) => p.relation === 'FORMAL')?.n ?? 0;
  const formalExpected = expected?.n ?? 0;
  return {
    month,
    activitiesHeld: held?.n ?? 0,
    formalExpected,
    formalPresent,
    formalRate: percent(Math.min(formalPresent, formalExpected), formalExpected),
    mobileAttendees: present.find((p) => p.relation === 'MOBILE')?.n ?? 0,
  };
}

/**
 * This month's dues in the subtree. Members: formal members (NORMAL / STOPPED, not transferred out) and mobile members
 * accepted into the subtree. A member has paid the month when the ledger holds it (at either end) or the paid-through
 * baseline covers it — the same rule as the ledger's paidThroughMonths / the 党费收缴 page. The total is what the
 * subtree's organisations collected for the month: encrypted amounts decrypted here and added in decimal (exact).
 */
async function duesThisMonth(db: DbOrTx, subtree: string[], month: string): Promise<OverviewDto['dues']> {
  const formal = and(inArray(partyMembers.formalOrgId, subtree), inArray(partyMembers.partyStatus, ['NORMAL', 'STOPPED']), isNull(partyMembers.transferredOutAt));
  const inflow = db
    .select({ id: partyMobileRecords.memberId })
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.state, 'INFLOW_ACTIVE'), or(inArray(partyMobileRecords.inflowBranchId, subtree), inArray(partyMobileRecords.inflowOrgId, subtree))));
  const [counts] = await db
    .select({
      members: sql<number>`count(*)::int`,
      // Spelled out: inside the subquery drizzle would render the outer column unqualified (p.id).
      paid: sql<number>`(count(*) filter (where party_members.last_dues_month >= ${month} or exists (select 1 from party_dues_payments p where p.member_id = party_members.id and p.month = ${month})))::int`,
    })
    .from(partyMembers)
    .where(or(formal, inArray(partyMembers.id, inflow)));
  const collected = await db
    .select({ amount: partyDuesPayments.amountPaidEnc })
    .from(partyDuesPayments)
    .where(and(eq(partyDuesPayments.month, month), inArray(partyDuesPayments.collectingOrgId, subtree)));
  const members = Number(counts?.members ?? 0);
  const paid = Number(counts?.paid ?? 0);
  return { month, members, paid, unpaid: members - paid, totalCollected: sumAmounts(collected.map((c) => decryptField(c.amount))) };
}

// --- the district view ------------------------------------------------------------------------------------------------

/** The district view is the 组织部's (party_stats.district); a secretary's refusal is audited like any other. */
async function authorizeDistrict(actor: Actor | null, ip: string, via: string): Promise<Actor> {
  return authorize(actor, 'party_stats.district', undefined, { ip, via, targetType: 'district' });
}

function resolvePeriod(q: { from?: string; to?: string }, current: string): { from: string; to: string } {
  const to = q.to && q.to < current ? q.to : current;
  const from = q.from ?? defaultPeriod(to).from;
  if (from > to) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'query.from': ['validation.periodOrder'] } });
  return { from, to };
}

/** GET /api/v1/party/stats/district: the 组织部's series over the period (default: the last 12 months). */
export async function getDistrictStats(actor: Actor | null, q: DistrictQuery, meta: { ip: string; locale?: Locale }): Promise<DistrictDto> {
  await authorizeDistrict(actor, meta.ip, 'party_stats.district');
  return districtStats(q, meta.locale ?? 'zh-CN');
}

async function districtStats(q: DistrictQuery, locale: Locale): Promise<DistrictDto> {
  const db = await getDb();
  const at = now();
  const { month: currentMonth } = partyToday();
  const { from, to } = resolvePeriod(q, currentMonth);
  const months = monthsBetween(from, to);
  const start = localDateStart(`${from}-01`);
  const end = localDateStart(`${shiftMonth(to, 1)}-01`);
  const orgs = await allOrgs(db);

  const open = await db
    .select({ r: partyMobileRecords, m: memberFacts })
    .from(partyMobileRecords)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMobileRecords.memberId))
    .where(notInArray(partyMobileRecords.state, [...ENDED_STATES]));
  const flags = await flagsOf(db, open, at);
  const flagged = (id: string) => (flags.get(id) ?? []).length > 0;
  const lapseNow = open.filter(({ r }) => r.state === 'INFLOW_ACTIVE' && flagged(r.id));

  // By the 流出地's province.
  const provinces = new Map<string, { code: string; name: string; count: number }>();
  for (const { r } of open) {
    const p = originProvince(orgs.get(r.outflowOrgId));
    const e = provinces.get(p.code) ?? { code: p.code, name: locale === 'en' ? p.en : p.zh, count: 0 };
    e.count++;
    provinces.set(p.code, e);
  }

  // By the 珠山区 organisation that has the record (placement branch, else the organisation reported to).
  const branches = new Map<string, DistrictDto['byBranch'][number]>();
  for (const { r } of open) {
    const id = r.inflowBranchId ?? r.inflowOrgId ?? null;
    const key = id ?? '';
    const e = branches.get(key) ?? { orgId: id, name: id ? orgName(orgs.get(id), locale)! : translate(locale, 'partyStats.notYetReported'), total: 0, accepted: 0, toVerify: 0, lapseWatch: 0, lostContact: 0 };
    e.total++;
    if (r.state === 'INFLOW_ACTIVE') e.accepted++;
    if (r.state === 'REPORT_SUBMITTED') e.toVerify++;
    if (r.state === 'INFLOW_ACTIVE' && flagged(r.id)) e.lapseWatch++;
    if (r.state === 'LOST_CONTACT') e.lostContact++;
    branches.set(key, e);
  }

  // 报到率 by the month the record was registered.
  const registered = await db
    .select({ createdAt: partyMobileRecords.createdAt, acceptedAt: partyMobileRecords.acceptedAt })
    .from(partyMobileRecords)
    .where(and(gte(partyMobileRecords.createdAt, start), lt(partyMobileRecords.createdAt, end)));
  const reg = new Map(months.map((m) => [m, { registered: 0, accepted: 0 }]));
  for (const x of registered) {
    const e = reg.get(localDate(x.createdAt).slice(0, 7));
    if (!e) continue;
    e.registered++;
    if (x.acceptedAt) e.accepted++;
  }
  const regTotal = [...reg.values()].reduce((a, b) => ({ registered: a.registered + b.registered, accepted: a.accepted + b.accepted }), { registered: 0, accepted: 0 });

  // Lapse watch at each month's end, from the sweep's `flag` events (data.flags: the set after the change); the current
  // month from the flags derived now.
  const pastEnd = months.includes(currentMonth) ? localDateStart(`${currentMonth}-01`) : end;
  const events = await db
    .select({ recordId: partyMobileEvents.recordId, at: partyMobileEvents.at, data: partyMobileEvents.data })
    .from(partyMobileEvents)
    .where(and(eq(partyMobileEvents.action, 'flag'), lt(partyMobileEvents.at, pastEnd)))
    .orderBy(asc(partyMobileEvents.recordId), asc(partyMobileEvents.seq));
  const lifetimes = await db
    .select({ id: partyMobileRecords.id, createdAt: partyMobileRecords.createdAt, endAt: partyMobileRecords.endAt })
    .from(partyMobileRecords)
    .where(and(lt(partyMobileRecords.createdAt, pastEnd), or(isNull(partyMobileRecords.endAt), gte(partyMobileRecords.endAt, start))));
  const life = new Map(lifetimes.map((l) => [l.id, l]));
  const byRecord = new Map<string, { at: Date; flags: LapseFlag[] }[]>();
  for (const e of events) {
    const list = byRecord.get(e.recordId) ?? [];
    const raw = (e.data as { flags?: unknown } | null)?.flags;
    list.push({ at: e.at, flags: Array.isArray(raw) ? raw.filter((f): f is LapseFlag => (LAPSE_FLAGS as readonly string[]).includes(f as string)) : [] });
    byRecord.set(e.recordId, list);
  }
  const lapseByMonth = months.map((m) => {
    const byFlag = emptyByFlag();
    let total = 0;
    if (m === currentMonth) {
      for (const { r } of lapseNow) {
        total++;
        for (const f of flags.get(r.id) ?? []) byFlag[f]++;
      }
      return { month: m, total, byFlag };
    }
    const monthEnd = localDateStart(`${shiftMonth(m, 1)}-01`);
    for (const [recordId, list] of byRecord) {
      const l = life.get(recordId);
      if (!l || l.createdAt >= monthEnd || (l.endAt && l.endAt < monthEnd)) continue;
      let last: LapseFlag[] = [];
      for (const e of list) if (e.at < monthEnd) last = e.flags;
      if (!last.length) continue;
      total++;
      for (const f of last) byFlag[f]++;
    }
    return { month: m, total, byFlag };
  });

  // Lost contact: now, and cases opened by month.
  const cases = await db
    .select({ createdAt: partyLostContactCases.createdAt })
    .from(partyLostContactCases)
    .where(and(gte(partyLostContactCases.createdAt, start), lt(partyLostContactCases.createdAt, end)));
  const opened = new Map(months.map((m) => [m, 0]));
  for (const c of cases) {
    const m = localDate(c.createdAt).slice(0, 7);
    if (opened.has(m)) opened.set(m, opened.get(m)! + 1);
  }

  const lostNow = open.filter(({ r }) => r.state === 'LOST_CONTACT').length;
  return {
    from,
    to,
    currentMonth,
    totals: {
      open: open.length,
      accepted: open.filter(({ r }) => r.state === 'INFLOW_ACTIVE').length,
      awaitingReport: open.filter(({ r }) => r.state !== 'INFLOW_ACTIVE' && r.state !== 'LOST_CONTACT').length,
      lapseWatch: lapseNow.length,
      lostContact: lostNow,
    },
    byProvince: [...provinces.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byBranch: [...branches.values()].sort((a, b) => Number(!a.orgId) - Number(!b.orgId) || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN')),
    reportRate: {
      ...regTotal,
      rate: percent(regTotal.accepted, regTotal.registered),
      byMonth: months.map((m) => ({ month: m, ...reg.get(m)!, rate: percent(reg.get(m)!.accepted, reg.get(m)!.registered) })),
    },
    lapseByMonth,
    lostContact: { current: lostNow, openedInPeriod: cases.length, byMonth: months.map((m) => ({ month: m, opened: opened.get(m)! })) },
  };
}

/** One district series as CSV (UTF-8 with BOM), the same figures as the chart and its table. */
export async function getDistrictCsv(actor: Actor | null, q: DistrictCsvQuery, meta: { ip: string; locale?: Locale }): Promise<Response> {
  await authorizeDistrict(actor, meta.ip, 'party_stats.district_csv');
  const locale = meta.locale ?? 'zh-CN';
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k as Parameters<typeof translate>[1], p);
  const d = await districtStats({ from: q.from, to: q.to }, locale);
  const flagCols = LAPSE_FLAGS.map((f) => t(`partyStats.flag_${f}`));
  const table: (string | number | null)[][] =
    q.series === 'province'
      ? [[t('partyStats.colProvince'), t('partyStats.colCount')], ...d.byProvince.map((p) => [p.name, p.count])]
      : q.series === 'branch'
        ? [
            [t('partyStats.colBranch'), t('partyStats.colTotal'), t('partyStats.colAccepted'), t('partyStats.colToVerify'), t('partyStats.colLapse'), t('partyStats.colLost')],
            ...d.byBranch.map((b) => [b.name, b.total, b.accepted, b.toVerify, b.lapseWatch, b.lostContact]),
          ]
        : q.series === 'report-rate'
          ? [[t('partyStats.colMonth'), t('partyStats.colRegistered'), t('partyStats.colAccepted'), t('partyStats.colRate')], ...d.reportRate.byMonth.map((r) => [r.month, r.registered, r.accepted, r.rate])]
          : q.series === 'lapse'
            ? [[t('partyStats.colMonth'), t('partyStats.colLapse'), ...flagCols], ...d.lapseByMonth.map((r) => [r.month, r.total, ...LAPSE_FLAGS.map((f) => r.byFlag[f])])]
            : [[t('partyStats.colMonth'), t('partyStats.colOpened')], ...d.lostContact.byMonth.map((r) => [r.month, r.opened])];
  const body = `\uFEFF${table.map((row) => row.map((v) => csvField(v ?? '')).join(',')).join('\r\n')}\r\n`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${t('partyStats.csvName')}-${q.series}-${d.from}_${d.to}.csv`, 'attachment'),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The 工作台 card of the 组织部: the district's headline figures (no names, not audited). */
export async function districtSummary(actor: Actor | null, meta: { ip: string; locale?: Locale }): Promise<DistrictDto['totals'] & { reportRate: string | null; currentMonth: string }> {
  const d = await getDistrictStats(actor, {}, meta);
  return { ...d.totals, reportRate: d.reportRate.rate, currentMonth: d.currentMonth };
}
