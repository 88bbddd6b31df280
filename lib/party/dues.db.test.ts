/**
 * 党费 on a real database (issue 10 §3; domain-party.md §2.7): the public quote's strict validation, a payment at
 * either end (第九条) and what each reader sees (the 流入地 only its own months' amounts, §4.2), every refusal with
 * nothing written (DUES_MONTH_PAID against the ledger and the baseline, BACKPAY_TOO_OLD, too far ahead, below the
 * due, the wrong collecting organisation, another branch), amounts encrypted at rest, the paid-through month written
 * back, the T3 transfer guard reading the ledger, the lapse alerts across the test clock with a worker restart and
 * no duplicate, and — on PostgreSQL too — both ends paying the same month at once.
 */
import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, notifications, partyDuesPayments, partyMembers, partyMobileRecords, users } from '@/db/schema';
import { seedDemoPartyMembers, seedReferenceData } from '@/db/seed';
import { seedDemoDues } from '@/db/seed-party-dues';
import { ORG_IDS, orgPath, PARTY_MEMBER_IDS } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { advance, now, resetClock, setNow } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { enqueue, rowsOf, scheduleRecurring } from '@/lib/jobs/queue';
import { runUntilIdle } from '@/lib/jobs/worker';
import '@/lib/jobs/domains';
import { addMonths } from '@/lib/party/dues-calculator';
import { getCollection, getMemberDues, getMyDues, recordDuesPayment } from '@/lib/party/dues';
import { quotePartyDuesRoute, recordDuesPaymentRoute } from '@/lib/party/dues-api';
import { duesArrearsSweepJob, sweepDuesArrears } from '@/lib/party/dues-jobs';
import { paidThroughMonths } from '@/lib/party/dues-ledger';
import { partyToday } from '@/lib/party/members';
import { actOnTransfer } from '@/lib/party/transfers';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';
import { actorOf, caseAt, memberIn, transferWorld, type TransferWorld } from '@/tests/helpers/party-transfers';
import { consents } from '@/db/schema';

const t = setupTestDb({ resetEach: false });
const IP = '203.0.113.9';
const meta = { ip: IP, locale: 'zh-CN' as const };

let jingpiaoSec: Actor; // 景漂 branch: the 流入地 of the mobile member, the formal branch of the local one
let taoxiSec: Actor; // 陶溪川 branch: the mobile member's formal branch (流出地) in these tests
let orgAdmin: Actor;
let talent: Actor;
let tw: TransferWorld;

beforeAll(async () => {
  const db = t.db();
  await seedReferenceData(db);
  const sec = async (org: string) => actorOf(await makeUser(db, 'branch_secretary', { orgId: org }), orgPath(org));
  jingpiaoSec = await sec(ORG_IDS.jingpiaoBranch);
  taoxiSec = await sec(ORG_IDS.taoxichuanBranch);
  orgAdmin = actorOf(await makeUser(db, 'org_admin', { orgId: null }), null);
  talent = actorOf(await makeUser(db, 'talent'), null);
  tw = await transferWorld(db);
});
afterEach(() => resetClock());

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};
const month = (n = 0) => addMonths(partyToday().month, n);
const ledgerRows = async (db: Db, memberId: string) => db.select().from(partyDuesPayments).where(eq(partyDuesPayments.memberId, memberId));
const memberRow = async (db: Db, id: string) => (await db.select().from(partyMembers).where(eq(partyMembers.id, id)))[0]!;

/** A member formal at 陶溪川, accepted at the 景漂 branch (an INFLOW_ACTIVE mobile record). */
async function mobileMember(db: Db, over: Parameters<typeof insertMember>[1] = {}) {
  const m = await insertMember(db, { formalOrgId: ORG_IDS.taoxichuanBranch, ...over });
  await db.insert(partyMobileRecords).values({
    memberId: m.id,
    state: 'INFLOW_ACTIVE',
    outflowOrgId: ORG_IDS.taoxichuanBranch,
    outflowDate: '2024-03-01',
    outflowReason: 'creative',
    inflowOrgId: ORG_IDS.jingpiaoBranch,
    inflowBranchId: ORG_IDS.jingpiaoBranch,
    acceptedAt: now(),
  });
  return m;
}

// --- the public quote ------------------------------------------------------------------------------------------------

describe('GET /api/v1/party/dues/quote', () => {
  it('answers decimal strings for the worked examples', async () => {
    const r = await callRoute(quotePartyDuesRoute, { query: { baseType: 'wage', baseAmount: '3000.01' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ base: '3000.01', rate: '0.01', monthlyAmount: '30.00' });
    const s = await callRoute(quotePartyDuesRoute, { query: { baseType: 'self_employed', quarterIncomes: '6000,8000,10000' } });
    expect(s.json).toMatchObject({ base: '8000.00', rate: '0.015', monthlyAmount: '120.00' });
    const r2 = await callRoute(quotePartyDuesRoute, { query: { baseType: 'retiree', baseAmount: '6000', reductionAmount: '10' } });
    expect(r2.json).toMatchObject({ computedAmount: '60.00', monthlyAmount: '10.00', reduced: true });
    expect((await callRoute(quotePartyDuesRoute, { query: { baseType: 'unemployed' } })).json).toMatchObject({ monthlyAmount: '0.20', rate: null });
  });

  it.each([
    [{ baseType: 'wage', baseAmount: '1e3' }, 'baseAmount'], // field errors are named like the route's own: query.<field>
    [{ baseType: 'wage', baseAmount: '12.345' }, 'baseAmount'],
    [{ baseType: 'wage', baseAmount: '-5' }, 'baseAmount'],
    [{ baseType: 'wage' }, 'baseAmount'],
    [{ baseType: 'self_employed' }, 'quarterIncomes'],
    [{ baseType: 'self_employed', quarterIncomes: '1,2' }, 'quarterIncomes'],
    [{ baseType: 'farmer', baseAmount: '2' }, 'baseAmount'],
    [{ baseType: 'wage', baseAmount: '100', reductionAmount: '5' }, 'reductionAmount'],
    [{ baseType: 'salary', baseAmount: '100' }, 'baseType'],
  ])('400 with a field error: %j', async (query, field) => {
    const r = await callRoute(quotePartyDuesRoute, { query: query as Record<string, string> });
    expect(r.status).toBe(400);
    expect((r.json as { code: string }).code).toBe('VALIDATION_FAILED');
    expect(Object.keys((r.json as { errors: Record<string, string[]> }).errors)).toContain(`query.${field}`);
  });
});

// --- recording ---------------------------------------------------------------------------------------------------------

describe('recording a payment', () => {
  it('at the formal branch: 201, amounts encrypted at rest, paid-through written back, audited without the amount', async () => {
    const db = t.db();
    const m = await insertMember(db, { lastDuesMonth: month(-2) }); // 3000.00 → 15.00
    const p = await recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(-1), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch, channel: 'cash', receiptNo: 'R-001' }, meta);
    expect(p).toMatchObject({ month: month(-1), amount: '15.00', amountDue: '15.00', backpay: true, paidThrough: month(-1), collectingOrgName: '景漂陶瓷流动党员党支部' });
    expect((await memberRow(db, m.id)).lastDuesMonth).toBe(month(-1));
    const raw = rowsOf<Record<string, unknown>>(await db.execute(sql`select * from party_dues_payments where member_id = ${m.id}`));
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain('15.00');
    expect(raw[0]!.rate).toBe('0.005');
    const [a] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'party_dues.record'), eq(auditLog.targetId, m.id)));
    expect(a!.detail).toMatchObject({ month: month(-1), collectingOrgId: ORG_IDS.jingpiaoBranch });
    expect(JSON.stringify(a!.detail)).not.toContain('15.00');

    // The current month: not back pay; a voluntary extra is recorded as paid.
    const q = await recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(0), amount: '50', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta);
    expect(q).toMatchObject({ amount: '50.00', amountDue: '15.00', backpay: false, paidThrough: month(0) });
  });

  it('through the API: 201, then 409 DUES_MONTH_PAID for the same month, 400 BACKPAY_TOO_OLD, nothing written', async () => {
    const db = t.db();
    const m = await insertMember(db, { lastDuesMonth: month(-1) });
    const user = await makeUser(db, 'branch_secretary');
    const headers = bearer(await tokenFor(db, user));
    const body = { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch };
    expect((await callRoute(recordDuesPaymentRoute, { body, headers })).status).toBe(201);
    const dup = await callRoute(recordDuesPaymentRoute, { body, headers });
    expect([dup.status, (dup.json as { code: string }).code]).toEqual([409, 'DUES_MONTH_PAID']);
    const fresh = await insertMember(db, { lastDuesMonth: null });
    const old = await callRoute(recordDuesPaymentRoute, { body: { ...body, memberId: fresh.id, month: month(-7) }, headers });
    expect([old.status, (old.json as { code: string }).code]).toEqual([400, 'BACKPAY_TOO_OLD']);
    const bad = await callRoute(recordDuesPaymentRoute, { body: { ...body, month: month(1), amount: '1e2' }, headers });
    expect(bad.status).toBe(400);
    expect(await ledgerRows(db, m.id)).toHaveLength(1);
    expect(await ledgerRows(db, fresh.id)).toHaveLength(0);
  });

  it('refusals write nothing: baseline month, too old, too far ahead, below the due, before joining, wrong organisation', async () => {
    const db = t.db();
    const m = await insertMember(db, { lastDuesMonth: month(-3), joinDate: '2015-06-01' });
    const pay = (over: Record<string, string>) => recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(-2), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch, ...over }, meta);
    expect(await codeOf(pay({ month: month(-3) }))).toBe('DUES_MONTH_PAID'); // paid before the ledger
    expect(await codeOf(pay({ month: month(-5) }))).toBe('DUES_MONTH_PAID');
    expect(await codeOf(pay({ month: month(-7) }))).toBe('DUES_MONTH_PAID'); // at/before baseline wins over the window
    expect(await codeOf(pay({ month: month(4) }))).toBe('VALIDATION_FAILED'); // prepay: at most 3 months ahead
    expect(await codeOf(pay({ amount: '14.99' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(pay({ collectingOrgId: ORG_IDS.taoxichuanBranch }))).toBe('VALIDATION_FAILED');
    const fresh = await insertMember(db, { lastDuesMonth: null, joinDate: '2010-01-01' });
    expect(await codeOf(recordDuesPayment(jingpiaoSec, { memberId: fresh.id, month: month(-7), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta))).toBe('BACKPAY_TOO_OLD');
    expect(await codeOf(recordDuesPayment(jingpiaoSec, { memberId: fresh.id, month: month(-6), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta))).toBe('ok'); // exactly 6 back
    const joined = await insertMember(db, { joinDate: `${month(0)}-01` });
    expect(await codeOf(recordDuesPayment(jingpiaoSec, { memberId: joined.id, month: month(-1), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta))).toBe('VALIDATION_FAILED');
    expect(await ledgerRows(db, m.id)).toHaveLength(0);
    expect((await memberRow(db, m.id)).lastDuesMonth).toBe(month(-3));
  });

  it('another branch is refused (403, audited) and a talent may not record', async () => {
    const db = t.db();
    const m = await insertMember(db, { formalOrgId: ORG_IDS.taoxichuanBranch });
    expect(await codeOf(recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(recordDuesPayment(talent, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(getMemberDues(jingpiaoSec, m.id, meta))).toBe('FORBIDDEN');
    expect(await ledgerRows(db, m.id)).toHaveLength(0);
    // The 组织部 records anywhere.
    expect(await codeOf(recordDuesPayment(orgAdmin, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('ok');
  });

  it('a ledger gap stops the paid-through month; paying the gap extends it over the later months', async () => {
    const db = t.db();
    const m = await insertMember(db, { lastDuesMonth: month(-3) });
    const pay = (mo: string) => recordDuesPayment(jingpiaoSec, { memberId: m.id, month: mo, amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta);
    expect((await pay(month(-1))).paidThrough).toBe(month(-3));
    expect((await pay(month(0))).paidThrough).toBe(month(-3));
    expect((await pay(month(-2))).paidThrough).toBe(month(0));
    expect((await memberRow(db, m.id)).lastDuesMonth).toBe(month(0));
    expect((await paidThroughMonths(db, [m.id])).get(m.id)).toBe(month(0));
  });
});

// --- both ends ---------------------------------------------------------------------------------------------------------

describe('both ends of a mobile member (第九条)', () => {
  it('the 流入地 records at its own branch; the ledger shows each reader what §4.2 allows', async () => {
    const db = t.db();
    const m = await mobileMember(db, { lastDuesMonth: month(-3) });
    await recordDuesPayment(taoxiSec, { memberId: m.id, month: month(-2), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta);
    await recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(-1), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta);
    // The 流入地 may not record at the formal branch.
    expect(await codeOf(recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('FORBIDDEN');

    const inflowView = await getMemberDues(jingpiaoSec, m.id, meta);
    expect(inflowView.amountsVisible).toBe(false);
    expect(inflowView.quote).toBeNull(); // no base or bracket for the 流入地
    expect(inflowView.monthlyAmount).toBe('15.00'); // what one month costs, to collect it
    const byMonth = new Map(inflowView.months.map((x) => [x.month, x]));
    expect(byMonth.get(month(-1))).toMatchObject({ status: 'paid', amount: '15.00', atMyOrg: true, collectingOrgName: '景漂陶瓷流动党员党支部' });
    expect(byMonth.get(month(-2))).toMatchObject({ status: 'paid', amount: null, atMyOrg: false, collectingOrgName: '陶溪川文创街区联合党支部', receiptNo: null });
    expect(byMonth.get(month(-3))).toMatchObject({ status: 'paid_before_ledger' });
    expect(byMonth.get(month(0))).toMatchObject({ status: 'unpaid' });
    expect(inflowView.paidThrough).toBe(month(-1));
    expect(inflowView.owedMonths).toEqual([month(0)]);
    expect(inflowView.collectingOrgs.map((o) => [o.relation, o.canRecord])).toEqual([
      ['formal', false],
      ['inflow', true],
    ]);

    const formalView = await getMemberDues(taoxiSec, m.id, meta);
    expect(formalView.amountsVisible).toBe(true);
    expect(formalView.quote).toMatchObject({ base: '3000.00', rate: '0.005', monthlyAmount: '15.00' });
    expect(formalView.months.filter((x) => x.status === 'paid').every((x) => x.amount === '15.00')).toBe(true);
    const reads = await db.select().from(auditLog).where(and(eq(auditLog.action, 'party_dues.read'), eq(auditLog.targetId, m.id)));
    expect(reads).toHaveLength(2);

    // The 流入地's month: its member shows paid at this org with the amount; the total is exact.
    const col = await getCollection(jingpiaoSec, { month: month(-1) }, meta);
    const row = col.rows.find((r) => r.memberId === m.id)!;
    expect(row).toMatchObject({ relation: 'inflow', paid: true, atThisOrg: true, amount: '15.00' });
    const col2 = await getCollection(jingpiaoSec, { month: month(-2) }, meta);
    expect(col2.rows.find((r) => r.memberId === m.id)).toMatchObject({ paid: true, atThisOrg: false, amount: null, collectingOrgName: '陶溪川文创街区联合党支部' });
  });

  it('the member sees their own ledger with every amount (with Party consent), and only theirs', async () => {
    const db = t.db();
    const me = await makeUser(db, 'talent');
    const m = await mobileMember(db, { userId: me.id, lastDuesMonth: month(-1) });
    await recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta);
    const actor = actorOf(me, null);
    expect(await getMyDues(actor, meta)).toBeNull(); // no consent yet
    await db.insert(consents).values({ userId: me.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() });
    const mine = (await getMyDues(actor, meta))!;
    expect(mine).toMatchObject({ amountsVisible: true, paidThrough: month(0), owedMonths: [] });
    expect(mine.months[0]).toMatchObject({ month: month(0), amount: '15.00', collectingOrgName: '景漂陶瓷流动党员党支部' });
    const other = await insertMember(db, {});
    expect(await codeOf(getMemberDues(actor, other.id, meta))).toBe('FORBIDDEN');
  });

  it('the two ends paying the same month at once: exactly one payment, the other DUES_MONTH_PAID, one ledger row', async () => {
    const db = t.db();
    for (let round = 0; round < 5; round++) {
      const m = await mobileMember(db, { lastDuesMonth: month(-1) });
      const results = await Promise.allSettled([
        recordDuesPayment(taoxiSec, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.taoxichuanBranch }, meta),
        recordDuesPayment(jingpiaoSec, { memberId: m.id, month: month(0), amount: '15.00', collectingOrgId: ORG_IDS.jingpiaoBranch }, meta),
      ]);
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : String(r.reason))).sort();
      expect(codes).toEqual(['DUES_MONTH_PAID', 'ok']);
      expect(await ledgerRows(db, m.id)).toHaveLength(1);
      expect((await memberRow(db, m.id)).lastDuesMonth).toBe(month(0));
    }
  }, 60_000);

  it('the unique index holds under a raw double insert (the guard behind the service)', async () => {
    const db = t.db();
    const m = await insertMember(db, {});
    const row = { memberId: m.id, month: month(0), collectingOrgId: ORG_IDS.jingpiaoBranch, baseType: 'salary', amountDueEnc: 'x', amountPaidEnc: 'x', paidAt: now() };
    await db.insert(partyDuesPayments).values(row);
    await expect(db.insert(partyDuesPayments).values({ ...row, collectingOrgId: ORG_IDS.taoxichuanBranch })).rejects.toThrow();
  });
});

// --- the T3 guard --------------------------------------------------------------------------------------------------------

describe('T3 reads the ledger', () => {
  it('refuses DUES_ARREARS until the ledger covers the current month, then records the ledger’s month on the case', async () => {
    const db = t.db();
    const { member } = await memberIn(db, tw, { lastDuesMonth: month(-1) });
    const c = await caseAt(db, tw, member.id, 'BRANCH_REVIEW');
    expect(await codeOf(actOnTransfer(tw.actors.secB1, c.id, 'approve', {}, meta))).toBe('DUES_ARREARS');
    // A ledger row alone (the baseline on the member untouched) is enough.
    await db.insert(partyDuesPayments).values({ memberId: member.id, month: month(0), collectingOrgId: tw.orgs.B1.id, baseType: 'salary', amountDueEnc: 'x', amountPaidEnc: 'x', paidAt: now() });
    expect((await memberRow(db, member.id)).lastDuesMonth).toBe(month(-1));
    const approved = await actOnTransfer(tw.actors.secB1, c.id, 'approve', {}, meta);
    expect(approved.state).not.toBe('BRANCH_REVIEW');
    expect(approved.duesPaidThrough).toBe(month(0));
  });
});

// --- lapse alerts across the test clock -----------------------------------------------------------------------------------

describe('lapse alerts (3 and 6 consecutive months)', () => {
  it('notify once per threshold across months, a worker restart and a re-run; never touch 党籍', async () => {
    const db = t.db();
    setNow(new Date('2031-01-15T02:00:00Z')); // 10:00 in Jingdezhen
    const m = await mobileMember(db, { lastDuesMonth: '2031-01', joinDate: '2015-01-01' });
    const admin = await makeUser(db, 'org_admin', { orgId: null });
    const mine = async () =>
      (await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(like(notifications.dedupeKey, `dues:${m.id}:%`))).map((n) => `${n.kind}:${n.userId}`).sort();
    /** One month later, the daily occurrence fires on the worker. */
    const monthPasses = async (workerId: string) => {
      advance(31 * 86_400_000);
      await scheduleRecurring(db);
      advance(86_400_000);
      await runUntilIdle(db, { workerId });
    };
    await monthPasses('w1'); // 2031-02-16: January paid, nothing ended unpaid
    await monthPasses('w1'); // 2031-03-19: February overdue (1)
    await monthPasses('w1'); // 2031-04-20: 2
    expect(await mine()).toEqual([]);
    await monthPasses('w1'); // 2031-05-21: February, March, April → 3
    const secretariesOf = async (org: string) => (await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, org), eq(users.role, 'branch_secretary')))).map((u) => u.id);
    const [inflowSecs, formalSecs] = [await secretariesOf(ORG_IDS.jingpiaoBranch), await secretariesOf(ORG_IDS.taoxichuanBranch)];
    expect(inflowSecs).toContain(jingpiaoSec.id);
    const three = [...inflowSecs, ...formalSecs].map((id) => `party.dues_arrears_3:${id}`).sort();
    expect(await mine()).toEqual(three);
    // A restarted worker (another id), a second occurrence the same day and a direct re-run: no duplicate.
    await enqueue(db, duesArrearsSweepJob, {});
    await runUntilIdle(db, { workerId: 'w2-after-restart' });
    expect((await sweepDuesArrears(db, now())).notified).toBe(0);
    expect(await mine()).toEqual(three);
    await monthPasses('w2-after-restart'); // 4
    await monthPasses('w2-after-restart'); // 5
    expect(await mine()).toEqual(three);
    await monthPasses('w2-after-restart'); // 2031-08: 6 → the 流出地 and the 组织部
    const admins = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'org_admin'))).map((u) => u.id);
    expect(admins).toContain(admin.id);
    const six = [...three, ...[...formalSecs, ...admins].map((id) => `party.dues_arrears_6:${id}`)].sort();
    expect(await mine()).toEqual(six);
    await monthPasses('w3'); // 7: nothing new
    expect(await mine()).toEqual(six);
    const row = await memberRow(db, m.id);
    expect(row.partyStatus).toBe('NORMAL');
    // Paying brings it back; falling behind again alerts again (a new paid-through month).
    const paidTo = (await paidThroughMonths(db, [m.id])).get(m.id);
    expect(paidTo).toBe('2031-01');
    const [{ n }] = (await db.select({ n: count() }).from(notifications).where(like(notifications.dedupeKey, `dues:${m.id}:%`))) as [{ n: number }];
    expect(n).toBe(six.length);
  }, 120_000);
});

// --- the demo seed ---------------------------------------------------------------------------------------------------------

describe('demo ledger seed', () => {
  it('is consistent with the baselines, counted from the seed clock, idempotent; the overdue members are flagged', async () => {
    const db = t.db();
    await seedDemoPartyMembers(db);
    const first = await seedDemoDues(db);
    expect(first).toBeGreaterThan(30);
    expect(await seedDemoDues(db)).toBe(0);
    const ids = PARTY_MEMBER_IDS;
    const paid = await paidThroughMonths(db, Object.values(ids));
    expect(paid.get(ids.linQingci)).toBe(month(0));
    expect(paid.get(ids.zhangHaiming)).toBe(month(0)); // the crawl's transfer needs T3 to pass
    expect(paid.get(ids.liuXiaodong)).toBe(month(-4));
    expect(paid.get(ids.sunWei)).toBe(month(-7));
    expect(paid.get(ids.zhouYao)).toBe(month(-3));
    for (const [, id] of Object.entries(ids)) expect((await memberRow(db, id)).lastDuesMonth).toBe(paid.get(id));
    const zhou = await ledgerRows(db, ids.zhouYao);
    expect(new Set(zhou.map((r) => r.collectingOrgId))).toEqual(new Set([ORG_IDS.externalZhuantang]));
    const adminView = await getMemberDues(orgAdmin, ids.zhouYao, meta);
    expect(adminView.owedMonths).toEqual([month(-2), month(-1), month(0)]);
    expect(adminView.months.find((x) => x.month === month(-3))).toMatchObject({ status: 'paid', collectingOrgName: '中共杭州市西湖区转塘街道工作委员会' });
    await makeUser(db, 'branch_secretary', { orgId: ORG_IDS.jingchengCommunityBranch });
    await sweepDuesArrears(db, now());
    const kinds = async (memberId: string) => new Set((await db.select({ k: notifications.kind }).from(notifications).where(like(notifications.dedupeKey, `dues:${memberId}:%`))).map((r) => r.k));
    expect(await kinds(ids.liuXiaodong)).toEqual(new Set(['party.dues_arrears_3']));
    expect(await kinds(ids.sunWei)).toContain('party.dues_arrears_6'); // to the 组织部 (青窑 has no secretary account here)
    expect(await kinds(ids.linQingci)).toEqual(new Set());
  });
});
