import 'server-only';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consents, partyDuesPayments, partyMembers, partyMobileRecords, partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { hit } from '@/lib/rate-limit';
import { now } from '@/lib/clock';
import { decryptField, encryptField } from '@/lib/crypto/fields';
import { AppError, pgErrorCode, type FieldErrors } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import {
  addMonths,
  baseTypeFromDb,
  checkPaidAmount,
  checkPaymentMonth,
  monthIndex,
  monthsUnpaid,
  quoteDues,
  sumAmounts,
  unpaidMonths,
  BACKPAY_MAX_MONTHS,
  PREPAY_MAX_MONTHS,
  type DuesFieldError,
  type DuesInput,
  type DuesQuote,
} from './dues-calculator';
import { paidThroughMonths } from './dues-ledger';
import type { CollectionDto, CollectionQuery, DuesQuoteDto, DuesQuoteQuery, LedgerMonthDto, MemberDuesDto, PaymentDto, RecordPaymentInput } from './dues-schemas';
import { partyToday } from './members';

/**
 * 党费 (domain-party.md §2.7, 中组发〔2008〕3号; issue 10 §3): the quote, the ledger and a branch's month.
 *
 * - One ledger for both ends (第九条): a month is paid either at the member's formal branch or, while the member is
 *   accepted at a 流入地 organisation (an INFLOW_ACTIVE / LAPSE_WATCH mobile record), there. The unique index
 *   (member, month) refuses a second payment under any concurrency; payments of one member are also serialised by a
 *   row lock on the member, so the paid-through month written back to party_members.last_dues_month is exact.
 * - Amounts are S1 (they reveal income): encrypted at rest; the formal branch, the 组织部 and the member see them all,
 *   a 流入地 secretary only those paid to their organisation ("paid at X" for the rest, §4.2). Every read of a ledger
 *   is audited.
 * - Windows: back pay at most 6 months before the current Jingdezhen month (art. 12: BACKPAY_TOO_OLD), paying ahead at
 *   most 3 months after it (a quarter; further ahead is refused as a field error). The amount paid must be at least
 *   the month's due from the member's base (or approved reduction); more is recorded as a voluntary extra (art. 11).
 * - The portal records payments; it never holds the money (§2.7: dues go to the 党委's bank account).
 */

type MemberRow = typeof partyMembers.$inferSelect;
type OrgRow = typeof partyOrgs.$inferSelect;
type PaymentRow = typeof partyDuesPayments.$inferSelect;

const ACCEPTED_STATES = ['INFLOW_ACTIVE', 'LAPSE_WATCH'] as const;
const orgName = (o: Pick<OrgRow, 'nameZh' | 'nameEn'>, locale: Locale) => (locale === 'en' ? o.nameEn : o.nameZh);
const MISSING = '\u0000missing';

// --- quote -------------------------------------------------------------------------------------------------------

const FIELD_ERROR_KEY: Record<DuesFieldError, string> = {
  required: 'partyDues.errRequired',
  invalidAmount: 'partyDues.errAmount',
  threeIncomes: 'partyDues.errThreeIncomes',
  farmerRange: 'partyDues.errFarmerRange',
  reductionAboveDue: 'partyDues.errReductionAboveDue',
  invalidBaseType: 'partyDues.errBaseType',
};

/** The calculator's refusals as field errors; `prefix` names them as the route's own validation does ('query.'). */
function quoteOrThrow(input: DuesInput, prefix = ''): DuesQuote {
  const r = quoteDues(input);
  if (r.ok) return r.quote;
  const fieldErrors: FieldErrors = Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [`${prefix}${k}`, [FIELD_ERROR_KEY[v]]]));
  throw new AppError('VALIDATION_FAILED', { fieldErrors });
}

const toQuoteDto = (q: DuesQuote): DuesQuoteDto => ({ ...q });

const QUOTE_LIMIT = 120;
const QUOTE_WINDOW_MS = 60_000;

/** The public 党费计算器 (GET /api/v1/party/dues/quote): stores nothing but a rate-limit counter. */
export async function quotePublic(q: DuesQuoteQuery, meta: { ip: string }): Promise<DuesQuoteDto> {
  const quote = quoteOrThrow({
    baseType: q.baseType,
    baseAmount: q.baseAmount,
    quarterIncomes: q.quarterIncomes === undefined ? undefined : q.quarterIncomes.split(','),
    reductionAmount: q.reductionAmount,
  }, 'query.');
  const limited = await hit(await getDb(), `dues-quote:${rateLimitKeyForIp(meta.ip)}`, QUOTE_LIMIT, QUOTE_WINDOW_MS);
  if (!limited.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: limited.retryAfterSeconds });
  return toQuoteDto(quote);
}

/** What the member owes each month from the base on record (a stored reduction is capped at the computed amount). */
export function memberQuote(m: Pick<MemberRow, 'duesBaseType' | 'duesBaseAmountEnc' | 'duesReductionAmountEnc'>): DuesQuote | null {
  const baseType = baseTypeFromDb(m.duesBaseType);
  const base = m.duesBaseAmountEnc ? decryptField(m.duesBaseAmountEnc) : null;
  const r = quoteDues({
    baseType,
    baseAmount: baseType === 'self_employed' ? null : base,
    // The stored base of a self-employed member is the quarter's average already: three equal months give it back.
    quarterIncomes: baseType === 'self_employed' && base ? [base, base, base] : null,
    reductionAmount: m.duesReductionAmountEnc ? decryptField(m.duesReductionAmountEnc) : null,
    capReduction: true,
  });
  return r.ok ? r.quote : null;
}

// --- scope ---------------------------------------------------------------------------------------------------------

interface MemberScope {
  member: MemberRow;
  formalOrg: OrgRow;
  /** 流入地 organisations of the member's accepted mobile record (branch placed in, and the organisation reported to). */
  inflowOrgs: OrgRow[];
}

async function loadScope(db: DbOrTx, memberId: string, lock = false): Promise<MemberScope | null> {
  const q = db.select().from(partyMembers).where(eq(partyMembers.id, memberId));
  const [member] = lock ? await q.for('update') : await q;
  if (!member) return null;
  const records = await db
    .select({ branch: partyMobileRecords.inflowBranchId, org: partyMobileRecords.inflowOrgId })
    .from(partyMobileRecords)
    .where(and(eq(partyMobileRecords.memberId, memberId), inArray(partyMobileRecords.state, [...ACCEPTED_STATES])));
  const ids = [member.formalOrgId, ...records.flatMap((r) => [r.branch, r.org])].filter((x): x is string => !!x);
  const orgs = await db.select().from(partyOrgs).where(inArray(partyOrgs.id, [...new Set(ids)]));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const formalOrg = byId.get(member.formalOrgId)!;
  const inflowOrgs = [...byId.values()].filter((o) => o.id !== member.formalOrgId);
  return { member, formalOrg, inflowOrgs };
}

/** Readers who see every amount of a member: the 组织部, the formal branch (and above), the member themselves. */
function seesAllAmounts(actor: Actor, s: MemberScope): boolean {
  if (actor.role === 'talent') return actor.id === s.member.userId;
  return can(actor, 'party_dues.read', { orgPath: s.formalOrg.path });
}

const inMyTree = (actor: Actor, path: string | null | undefined) => actor.role === 'org_admin' || (!!actor.orgPath && !!path && path.startsWith(actor.orgPath));

async function hasPartyConsent(db: DbOrTx, userId: string): Promise<boolean> {
  const [c] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, 'party'), isNull(consents.withdrawnAt)))
    .limit(1);
  return !!c;
}

// --- record a payment ---------------------------------------------------------------------------------------------

function problem(field: string, key: string): AppError {
  return new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [key] } });
}

/**
 * Records one month's dues (POST /api/v1/party/dues/payments). The collecting organisation is the member's formal
 * branch or the 流入地 of an accepted mobile record; the recorder is that organisation's secretary (or above, or the
 * 组织部). Nothing is written on any refusal.
 */
export async function recordDuesPayment(actor: Actor | null, input: RecordPaymentInput, meta: { ip: string; locale?: Locale }): Promise<PaymentDto> {
  const db = await getDb();
  const locale = meta.locale ?? 'zh-CN';
  const pre = await loadScope(db, input.memberId);
  const denial = { ip: meta.ip, targetType: 'party_member', targetId: input.memberId, via: 'party_dues.record' };
  // Out of reach is refused like missing (no probing across branches).
  const me = await authorize(actor, 'party_dues.record', { orgPaths: pre ? [pre.formalOrg.path, ...pre.inflowOrgs.map((o) => o.path)] : [MISSING] }, denial);
  if (!pre) throw new AppError('NOT_FOUND');
  const collecting = [pre.formalOrg, ...pre.inflowOrgs].find((o) => o.id === input.collectingOrgId);
  if (!collecting) throw problem('collectingOrgId', 'partyDues.errCollectingOrg');
  await authorize(me, 'party_dues.record', { orgPath: collecting.path }, denial);
  if (collecting.status !== 'ACTIVE' || collecting.isTemporary) throw problem('collectingOrgId', 'partyDues.errCollectingOrgInactive');

  const { month: currentMonth } = partyToday();
  try {
    return await db.transaction(async (tx) => {
      const s = (await loadScope(tx, input.memberId, true))!;
      const m = s.member;
      if (m.partyStatus !== 'NORMAL' || m.transferredOutAt) throw problem('memberId', 'partyDues.errMemberStatus');
      // Paid before the ledger (the baseline on the member) or already in the ledger, at either end: that answer
      // comes first, whatever the month's age.
      if (m.lastDuesMonth && input.month <= m.lastDuesMonth) throw new AppError('DUES_MONTH_PAID');
      const [dup] = await tx
        .select({ id: partyDuesPayments.id })
        .from(partyDuesPayments)
        .where(and(eq(partyDuesPayments.memberId, m.id), eq(partyDuesPayments.month, input.month)));
      if (dup) throw new AppError('DUES_MONTH_PAID');
      const window = checkPaymentMonth(input.month, currentMonth, m.joinDate);
      if (window === 'BACKPAY_TOO_OLD') throw new AppError('BACKPAY_TOO_OLD', { fieldErrors: { month: ['partyDues.errBackpayTooOld'] } });
      if (window === 'TOO_FAR_AHEAD') throw problem('month', 'partyDues.errTooFarAhead');
      if (window === 'BEFORE_JOIN') throw problem('month', 'partyDues.errBeforeJoin');
      const quote = memberQuote(m);
      if (!quote) throw problem('amount', 'partyDues.errNoBase');
      const paid = checkPaidAmount(input.amount, quote.monthlyAmount);
      if (paid === 'invalidAmount') throw problem('amount', 'partyDues.errAmount');
      if (paid === 'belowDue') throw problem('amount', `partyDues.errBelowDue?due=${quote.monthlyAmount}`);
      const amount = sumAmounts([input.amount]);
      const at = now();
      const [row] = await tx
        .insert(partyDuesPayments)
        .values({
          memberId: m.id,
          month: input.month,
          collectingOrgId: collecting.id,
          baseType: m.duesBaseType,
          baseAmountEnc: quote.base ? encryptField(quote.base) : null,
          amountDueEnc: encryptField(quote.monthlyAmount),
          amountPaidEnc: encryptField(amount),
          rate: quote.rate,
          channel: input.channel ?? 'bank',
          receiptNo: input.receiptNo ?? null,
          backpay: monthIndex(input.month) < monthIndex(currentMonth),
          reductionApprovalRef: quote.reduced ? m.duesReductionRef : null,
          paidAt: at,
          recordedBy: me.id,
        })
        .returning();
      const paidThrough = (await paidThroughMonths(tx, [m.id])).get(m.id) ?? null;
      if (paidThrough !== m.lastDuesMonth) await tx.update(partyMembers).set({ lastDuesMonth: paidThrough, updatedAt: at }).where(eq(partyMembers.id, m.id));
      // The audit row names the month and the organisation, never the amount (S1 stays encrypted).
      await audit(
        {
          action: 'party_dues.record',
          result: 'ok',
          actorId: me.id,
          actorRole: me.role,
          targetType: 'party_member',
          targetId: m.id,
          ip: meta.ip,
          detail: { month: input.month, collectingOrgId: collecting.id, backpay: row!.backpay, paidThrough },
        },
        tx,
      );
      return paymentToDto(row!, collecting, locale, paidThrough, true);
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('DUES_MONTH_PAID');
    throw err;
  }
}

function paymentToDto(p: PaymentRow, org: Pick<OrgRow, 'nameZh' | 'nameEn'>, locale: Locale, paidThrough: string | null, withAmount: boolean): PaymentDto {
  return {
    id: p.id,
    memberId: p.memberId,
    month: p.month,
    amount: withAmount ? decryptField(p.amountPaidEnc) : '',
    amountDue: withAmount ? decryptField(p.amountDueEnc) : '',
    collectingOrgId: p.collectingOrgId,
    collectingOrgName: orgName(org, locale),
    channel: p.channel,
    receiptNo: p.receiptNo,
    backpay: p.backpay,
    paidAt: p.paidAt.toISOString(),
    paidThrough,
  };
}

// --- a member's ledger ----------------------------------------------------------------------------------------------

/** How many months of history a ledger shows (from joining, at most this many). */
export const LEDGER_MONTHS = 24;

async function ledgerFor(db: DbOrTx, actor: Actor, s: MemberScope, allAmounts: boolean, locale: Locale): Promise<MemberDuesDto> {
  const { member: m } = s;
  const { month: currentMonth } = partyToday();
  const payments = await db
    .select({ p: partyDuesPayments, o: { id: partyOrgs.id, nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn, path: partyOrgs.path } })
    .from(partyDuesPayments)
    .innerJoin(partyOrgs, eq(partyOrgs.id, partyDuesPayments.collectingOrgId))
    .where(eq(partyDuesPayments.memberId, m.id))
    .orderBy(asc(partyDuesPayments.month));
  const paidThrough = (await paidThroughMonths(db, [m.id])).get(m.id) ?? null;
  const byMonth = new Map(payments.map((r) => [r.p.month, r]));
  const joinMonth = m.joinDate.slice(0, 7);
  const latest = payments.length ? payments[payments.length - 1]!.p.month : currentMonth;
  const last = latest > currentMonth ? latest : currentMonth;
  const first = Math.max(monthIndex(joinMonth), monthIndex(last) - LEDGER_MONTHS + 1);
  const months: LedgerMonthDto[] = [];
  for (let i = monthIndex(last); i >= first; i--) {
    const month = addMonths('0000-01', i);
    const r = byMonth.get(month);
    if (r) {
      const atMyOrg = actor.role !== 'talent' && inMyTree(actor, r.o.path);
      const show = allAmounts || atMyOrg;
      months.push({
        month,
        status: 'paid',
        amount: show ? decryptField(r.p.amountPaidEnc) : null,
        collectingOrgId: r.o.id,
        collectingOrgName: orgName(r.o, locale),
        atMyOrg,
        backpay: r.p.backpay,
        channel: show ? r.p.channel : null,
        receiptNo: show ? r.p.receiptNo : null,
        paidAt: r.p.paidAt.toISOString(),
      });
    } else {
      const before = !!paidThrough && month <= paidThrough;
      if (!before && month > currentMonth) continue; // future months appear only once paid
      months.push({ month, status: before ? 'paid_before_ledger' : 'unpaid', amount: null, collectingOrgId: null, collectingOrgName: null, atMyOrg: false, backpay: false, channel: null, receiptNo: null, paidAt: null });
    }
  }
  const quote = memberQuote(m);
  const owed = unpaidMonths(paidThrough, m.joinDate, currentMonth, 1200).filter((x) => !byMonth.has(x));
  const oldest = addMonths(currentMonth, -BACKPAY_MAX_MONTHS);
  const payable: string[] = [];
  for (let i = -BACKPAY_MAX_MONTHS; i <= PREPAY_MAX_MONTHS; i++) {
    const x = addMonths(currentMonth, i);
    if (x >= joinMonth && !byMonth.has(x) && !(paidThrough && x <= paidThrough) && !(m.lastDuesMonth && x <= m.lastDuesMonth)) payable.push(x);
  }
  const collectors = [
    { o: s.formalOrg, relation: 'formal' as const },
    ...s.inflowOrgs.map((o) => ({ o, relation: 'inflow' as const })),
  ];
  return {
    memberId: m.id,
    memberName: m.name,
    joinDate: m.joinDate,
    currentMonth,
    amountsVisible: allAmounts,
    baseType: baseTypeFromDb(m.duesBaseType),
    quote: allAmounts && quote ? toQuoteDto(quote) : null,
    // The 流入地 collects the month too, so it sees what one month costs (not the base behind it).
    monthlyAmount: quote?.monthlyAmount ?? null,
    reductionRef: allAmounts ? m.duesReductionRef : null,
    paidThrough,
    owedMonths: owed,
    owedAmount: quote ? sumAmounts(owed.map(() => quote.monthlyAmount)) : null,
    beyondBackpay: owed.filter((x) => x < oldest),
    payableMonths: m.partyStatus === 'NORMAL' && !m.transferredOutAt ? payable : [],
    months,
    collectingOrgs: collectors.map(({ o, relation }) => ({
      id: o.id,
      name: orgName(o, locale),
      relation,
      canRecord: o.status === 'ACTIVE' && !o.isTemporary && can(actor, 'party_dues.record', { orgPath: o.path }),
    })),
  };
}

/** GET /api/v1/party/members/{id}/dues — the formal branch, the 流入地 (masked), the 组织部, or the member themselves. */
export async function getMemberDues(actor: Actor | null, memberId: string, meta: { ip: string; locale?: Locale }): Promise<MemberDuesDto> {
  const db = await getDb();
  const s = await loadScope(db, memberId);
  const denial = { ip: meta.ip, targetType: 'party_member', targetId: memberId, via: 'party_dues.read' };
  let me: Actor;
  if (actor?.role === 'talent') {
    me = await authorize(actor, 'party_record.read_own', { ownerId: s?.member.userId ?? null }, denial);
    if (!(await hasPartyConsent(db, me.id))) throw new AppError('NOT_FOUND');
  } else {
    me = await authorize(actor, 'party_dues.read', { orgPaths: s ? [s.formalOrg.path, ...s.inflowOrgs.map((o) => o.path)] : [MISSING] }, denial);
  }
  if (!s) throw new AppError('NOT_FOUND');
  const all = seesAllAmounts(me, s);
  const dto = await ledgerFor(db, me, s, all, meta.locale ?? 'zh-CN');
  await audit({
    action: me.role === 'talent' ? 'party_record.read_own' : 'party_dues.read',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'party_member',
    targetId: memberId,
    ip: meta.ip,
    detail: { fields: ['duesLedger', all ? 'amounts' : 'amounts(own org only)'] },
  });
  return dto;
}

/** GET /api/v1/me/party/dues — the member's own ledger (linked record and Party consent), or null without one. */
export async function getMyDues(actor: Actor | null, meta: { ip: string; locale?: Locale }): Promise<MemberDuesDto | null> {
  const me = await authorize(actor, 'party_record.read_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip });
  const db = await getDb();
  if (!(await hasPartyConsent(db, me.id))) return null;
  const [row] = await db.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, me.id)).limit(1);
  if (!row) return null;
  return getMemberDues(me, row.id, meta);
}

// --- a branch's month -----------------------------------------------------------------------------------------------

/**
 * This month's collection for an organisation (GET /api/v1/party/dues): its formal members and the mobile members
 * accepted into it, paid or not, and the exact total paid to it (decrypted and added in decimal, in the app).
 */
export async function getCollection(actor: Actor | null, q: CollectionQuery, meta: { ip: string; locale?: Locale }): Promise<CollectionDto> {
  const locale = meta.locale ?? 'zh-CN';
  const db = await getDb();
  // The 组织部 (no organisation of its own) starts at the first branch of the district; it picks another from `orgs`.
  const firstBranch = async () =>
    (await db.select({ id: partyOrgs.id }).from(partyOrgs).where(and(eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false), eq(partyOrgs.kind, 'branch'))).orderBy(asc(partyOrgs.path)).limit(1))[0]?.id ?? null;
  const orgId = q.orgId ?? actor?.orgId ?? (actor?.role === 'org_admin' ? await firstBranch() : null);
  const [org] = orgId ? await db.select().from(partyOrgs).where(eq(partyOrgs.id, orgId)) : [];
  const me = await authorize(actor, 'party_dues.read', { orgPath: org?.path ?? MISSING }, { ip: meta.ip, targetType: 'party_org', targetId: orgId, via: 'party_dues.collection' });
  if (!org) throw new AppError('NOT_FOUND');
  const { month: currentMonth } = partyToday();
  const month = q.month ?? currentMonth;

  const formal = await db.select().from(partyMembers).where(and(eq(partyMembers.formalOrgId, org.id), inArray(partyMembers.partyStatus, ['NORMAL', 'STOPPED']), isNull(partyMembers.transferredOutAt)));
  const inflowIds = (
    await db
      .select({ memberId: partyMobileRecords.memberId })
      .from(partyMobileRecords)
      .where(and(inArray(partyMobileRecords.state, [...ACCEPTED_STATES]), or(eq(partyMobileRecords.inflowBranchId, org.id), eq(partyMobileRecords.inflowOrgId, org.id))))
  )
    .map((r) => r.memberId)
    .filter((id) => !formal.some((m) => m.id === id));
  const inflow = inflowIds.length ? await db.select().from(partyMembers).where(inArray(partyMembers.id, inflowIds)) : [];
  const members = [...formal.map((m) => ({ m, relation: 'formal' as const })), ...inflow.map((m) => ({ m, relation: 'inflow' as const }))];
  const ids = members.map((x) => x.m.id);
  const paidThrough = await paidThroughMonths(db, ids);
  const rows = ids.length
    ? await db
        .select({ p: partyDuesPayments, o: { nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn, path: partyOrgs.path } })
        .from(partyDuesPayments)
        .innerJoin(partyOrgs, eq(partyOrgs.id, partyDuesPayments.collectingOrgId))
        .where(and(inArray(partyDuesPayments.memberId, ids), eq(partyDuesPayments.month, month)))
    : [];
  const paidBy = new Map(rows.map((r) => [r.p.memberId, r]));
  const out = members
    .map(({ m, relation }) => {
      const r = paidBy.get(m.id);
      const atThisOrg = !!r && r.p.collectingOrgId === org.id;
      // Amounts: every month of a formal member; a mobile member's only when paid to this organisation (§4.2).
      const show = !!r && (relation === 'formal' || atThisOrg || me.role === 'org_admin');
      const through = paidThrough.get(m.id) ?? null;
      const before = !r && !!through && month <= through;
      return {
        memberId: m.id,
        name: m.name,
        relation,
        paid: !!r || before,
        paidBeforeLedger: before,
        amount: show ? decryptField(r!.p.amountPaidEnc) : null,
        collectingOrgName: r ? orgName(r.o, locale) : null,
        atThisOrg,
        monthlyAmount: m.partyStatus === 'NORMAL' ? (memberQuote(m)?.monthlyAmount ?? null) : null,
        paidThrough: through,
        monthsUnpaid: monthsUnpaid(through, m.joinDate, currentMonth),
      };
    })
    .sort((a, b) => Number(a.paid) - Number(b.paid) || b.monthsUnpaid - a.monthsUnpaid || a.name.localeCompare(b.name, 'zh-CN'));
  const collected = rows.filter((r) => r.p.collectingOrgId === org.id).map((r) => decryptField(r.p.amountPaidEnc));
  const orgs =
    me.role === 'org_admin'
      ? await db.select({ id: partyOrgs.id, nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn }).from(partyOrgs).where(and(eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false))).orderBy(asc(partyOrgs.path))
      : me.orgPath
        ? await db.select({ id: partyOrgs.id, nameZh: partyOrgs.nameZh, nameEn: partyOrgs.nameEn, path: partyOrgs.path }).from(partyOrgs).where(eq(partyOrgs.status, 'ACTIVE')).orderBy(asc(partyOrgs.path)).then((xs) => xs.filter((x) => x.path.startsWith(me.orgPath!)))
        : [];
  await audit({
    action: 'party_dues.read',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'party_org',
    targetId: org.id,
    ip: meta.ip,
    detail: { fields: ['duesCollection', 'amounts'], month, ids },
  });
  return {
    orgId: org.id,
    orgName: orgName(org, locale),
    month,
    currentMonth,
    rows: out,
    paidCount: out.filter((r) => r.paid).length,
    unpaidCount: out.filter((r) => !r.paid).length,
    totalCollected: sumAmounts(collected),
    orgs: orgs.map((o) => ({ id: o.id, name: orgName(o, locale) })),
  };
}
