/**
 * 组织关系转接 on a real database (issue 9 §3, §7): every transition allowed and refused per role and scope
 * (table-driven), every state an action is not possible from, the guards, the invariants I1–I3 in the database,
 * the test clock across an expiry (no job needed to refuse an expired letter; the job records it and notifies),
 * incoming letters, T19 re-routing, the queue, the public verification (nothing more than it should), and — on
 * PostgreSQL (TEST_DATABASE_URL) — two completions and two creations at once.
 */
import crypto from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, notifications, OPEN_TRANSFER_STATES, partyMembers, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import { rowsOf } from '@/lib/jobs/queue';
import { verifyLetterRoute, getTransferRoute, issueTransferRoute, openTransferRoute, createTransferRoute } from '@/lib/party/transfer-api';
import type { Actor } from '@/lib/auth/permissions';
import { advance, now, resetClock } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { runUntilIdle } from '@/lib/jobs/worker';
import '@/lib/jobs/domains';
import { rerouteOpenCases } from '@/lib/party/reroute';
import { CASE_ACTIONS, TRANSFER_STATES, localMonth, type CaseAction, type TransferState } from '@/lib/party/transfer-machine';
import type { ActionBody } from '@/lib/party/transfer-schemas';
import { actOnTransfer, createTransfer, getTransfer, listTransfers, registerIncoming, sweepExpiredLetters, verifyLetter, VERIFY_RATE } from '@/lib/party/transfers';
import { seedReferenceData } from '@/db/seed';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { randomIdNumber } from '@/tests/helpers/party-members';
import { caseAt, memberIn, transferWorld, type Account, type TransferWorld } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const IP = '203.0.113.7';
const ctx = { ip: IP, locale: 'zh-CN' as const };
let w: TransferWorld;

beforeAll(async () => {
  await seedReferenceData(t.db()); // zones for the staff account (the world itself reads no seed rows)
  w = await transferWorld(t.db());
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
const eventsOf = (db: Db, caseId: string) => db.select().from(transferEvents).where(eq(transferEvents.caseId, caseId)).orderBy(asc(transferEvents.seq));
const caseRow = async (db: Db, id: string) => (await db.select().from(transferCases).where(eq(transferCases.id, id)))[0]!;
const deniedCount = async (db: Db) => (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'authz.denied')))[0]!.n;

/** The body each step needs so that only the actor and the state decide. */
function bodyFor(action: CaseAction, state: TransferState): ActionBody {
  switch (action) {
    case 'return':
      return state === 'RECEIVER_REVIEW' ? { reasonCode: 'FILE_DEFECT', comment: '档案缺少入党志愿书' } : { comment: '去向填写不完整' };
    case 'hold':
      return { comment: '已向原单位去函核实档案' };
    case 'complete':
      return { branchId: w.orgs.T1.id };
    case 'void':
      return { reason: '介绍信遗失' };
    case 'issue':
      return { validityDays: 30 };
    default:
      return {};
  }
}

// --- every transition, per role and scope --------------------------------------------------------------------------

interface Row {
  action: CaseAction;
  from: TransferState;
  allowed: readonly Account[];
  to: TransferState | 'new case';
}
/** §5.1 on this world: B1 is the sending branch, C1 issues, TD is the district (区委组织部 = orgAdmin), R receives into T1. */
const TABLE: Row[] = [
  { action: 'submit', from: 'DRAFT', allowed: ['member', 'secB1'], to: 'BRANCH_REVIEW' },
  { action: 'submit', from: 'RETURNED_FOR_EDIT', allowed: ['member', 'secB1'], to: 'BRANCH_REVIEW' },
  { action: 'approve', from: 'BRANCH_REVIEW', allowed: ['secB1'], to: 'ISSUER_REVIEW' },
  { action: 'return', from: 'BRANCH_REVIEW', allowed: ['secB1'], to: 'RETURNED_FOR_EDIT' },
  { action: 'return', from: 'ISSUER_REVIEW', allowed: ['secC1'], to: 'RETURNED_FOR_EDIT' },
  { action: 'return', from: 'ORGDEPT_REVIEW', allowed: ['orgAdmin'], to: 'RETURNED_FOR_EDIT' },
  { action: 'withdraw', from: 'DRAFT', allowed: ['member', 'secB1'], to: 'WITHDRAWN' },
  { action: 'withdraw', from: 'ISSUER_REVIEW', allowed: ['member', 'secB1'], to: 'WITHDRAWN' },
  { action: 'escalate', from: 'ISSUER_REVIEW', allowed: ['secC1'], to: 'ORGDEPT_REVIEW' },
  { action: 'issue', from: 'ISSUER_REVIEW', allowed: ['secC1'], to: 'ISSUED' },
  { action: 'issue', from: 'ORGDEPT_REVIEW', allowed: ['orgAdmin'], to: 'ISSUED' },
  { action: 'open', from: 'ISSUED', allowed: ['secR'], to: 'RECEIVER_REVIEW' },
  { action: 'hold', from: 'RECEIVER_REVIEW', allowed: ['secR'], to: 'ON_HOLD' },
  { action: 'resume', from: 'ON_HOLD', allowed: ['secR'], to: 'RECEIVER_REVIEW' },
  { action: 'accept', from: 'RECEIVER_REVIEW', allowed: ['secR'], to: 'ACCEPTED' },
  { action: 'return', from: 'RECEIVER_REVIEW', allowed: ['secR'], to: 'RETURNED_BY_RECEIVER' },
  { action: 'reissue', from: 'RETURNED_BY_RECEIVER', allowed: ['secC1'], to: 'ISSUER_REVIEW' },
  { action: 'void', from: 'RETURNED_BY_RECEIVER', allowed: ['secC1', 'orgAdmin'], to: 'VOIDED' },
  { action: 'complete', from: 'ACCEPTED', allowed: ['secR'], to: 'COMPLETED' },
  { action: 'receipt', from: 'COMPLETED', allowed: ['secR'], to: 'RECEIPT_SENT' },
  { action: 'void', from: 'ISSUED', allowed: ['secC1', 'orgAdmin'], to: 'VOIDED' },
  { action: 'void', from: 'ON_HOLD', allowed: ['secC1', 'orgAdmin'], to: 'VOIDED' },
  { action: 'void', from: 'BRANCH_REVIEW', allowed: ['orgAdmin'], to: 'VOIDED' },
  { action: 'reissue', from: 'EXPIRED', allowed: ['secB1', 'secC1', 'orgAdmin'], to: 'new case' },
  { action: 'reissue', from: 'VOIDED', allowed: ['secB1', 'secC1', 'orgAdmin'], to: 'new case' },
];
/** Who can see the case at all (scope): the member, and the organisations whose subtree it touches. */
const IN_SCOPE: readonly Account[] = ['member', 'secB1', 'secC1', 'secR', 'secT1', 'orgAdmin'];
const ACCOUNTS: readonly Account[] = ['member', 'otherTalent', 'zoneStaff', 'sysadmin', 'secB1', 'secB2', 'secC1', 'secW', 'secR', 'secT1', 'secQ', 'orgAdmin'];

function expectedCode(row: Row, who: Account): string {
  if (row.allowed.includes(who)) return 'ok';
  if (!IN_SCOPE.includes(who)) return 'FORBIDDEN';
  return who === 'member' ? 'NOT_ALLOWED' : 'WRONG_ORG';
}

describe('every transition × every role and scope (service)', () => {
  const cases = TABLE.flatMap((row) => ACCOUNTS.map((who) => [`${row.action} from ${row.from}`, who, expectedCode(row, who), row] as const));
  it.each(cases)('%s by %s → %s', async (_name, who, want, row) => {
    const db = t.db();
    const { member, actor: memberActor } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, row.from);
    const actor: Actor = who === 'member' ? memberActor : w.actors[who];
    const before = { row: await caseRow(db, c.id), events: (await eventsOf(db, c.id)).length, cases: (await db.select({ n: count() }).from(transferCases))[0]!.n, denied: await deniedCount(db) };
    const got = await codeOf(actOnTransfer(actor, c.id, row.action, bodyFor(row.action, row.from), ctx));
    expect(got).toBe(want);
    const after = await caseRow(db, c.id);
    if (want !== 'ok') {
      // Nothing changed: no state change, no event, no new case; one authz.denied audit row for a refused actor.
      expect(after).toEqual(before.row);
      expect(await eventsOf(db, c.id)).toHaveLength(before.events);
      expect((await db.select({ n: count() }).from(transferCases))[0]!.n).toBe(before.cases);
      expect(await deniedCount(db)).toBe(before.denied + 1);
      return;
    }
    if (row.to === 'new case') {
      const [next] = await db.select().from(transferCases).where(eq(transferCases.predecessorId, c.id));
      expect(next).toMatchObject({ state: 'ISSUER_REVIEW', currentHandlerOrgId: w.orgs.C1.id, memberId: member.id });
      expect((await eventsOf(db, next!.id)).map((e) => [e.seq, e.action, e.fromState, e.toState])).toEqual([[1, 'reissue', null, 'ISSUER_REVIEW']]);
      expect(after.state).toBe(row.from);
      return;
    }
    expect(after.state).toBe(row.to);
    const events = await eventsOf(db, c.id);
    expect(events).toHaveLength(before.events + 1);
    expect(events.at(-1)).toMatchObject({ seq: before.events + 1, action: row.action, fromState: row.from, toState: row.to, actorUserId: actor.id, clientIp: IP });
  });
});

describe('every state an action is not possible from → TRANSITION_NOT_ALLOWED, nothing changes', () => {
  const possible = new Set(TABLE.map((r) => `${r.action}:${r.from}`));
  // States the table does not list but the machine allows (withdraw / void from more states) are left out here.
  const alsoPossible = new Set(['withdraw:BRANCH_REVIEW', 'withdraw:RETURNED_FOR_EDIT', 'void:RECEIVER_REVIEW', 'void:ACCEPTED', 'void:DRAFT', 'void:ISSUER_REVIEW', 'void:ORGDEPT_REVIEW', 'void:RETURNED_FOR_EDIT', 'receipt:ISSUED', 'receipt:EXPIRED']);
  const cases = CASE_ACTIONS.flatMap((action) => TRANSFER_STATES.filter((s) => !possible.has(`${action}:${s}`) && !alsoPossible.has(`${action}:${s}`)).map((s) => [action, s] as const));
  it.each(cases)('%s from %s (区委组织部 asking)', async (action, state) => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, state);
    expect(await codeOf(actOnTransfer(w.actors.orgAdmin, c.id, action, bodyFor(action, state), ctx))).toBe('TRANSITION_NOT_ALLOWED');
    expect(await caseRow(db, c.id)).toEqual(c);
    expect(await eventsOf(db, c.id)).toHaveLength(0);
  });
});

// --- the whole road, and what each step records ----------------------------------------------------------------------

describe('fixing a returned application (T4 → T2)', () => {
  it('the applicant corrects target, category, channel and reason when resubmitting; the event records what changed; a bad correction changes nothing', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await createTransfer(actor, { memberId: member.id, toOrgId: w.orgs.T1.id, category: 'in_district', channel: 'PAPER', reason: '工作调动' }, ctx);
    await actOnTransfer(actor, c.id, 'submit', {}, ctx);
    await actOnTransfer(w.actors.secB1, c.id, 'return', { comment: '接收组织写错了，应转入 T2' }, ctx);
    const before = await caseRow(db, c.id);
    // Both a directory target and a free-text one: refused by the schema; the member's own branch: refused.
    expect(await codeOf(actOnTransfer(actor, c.id, 'submit', { changes: { toOrgId: w.orgs.B1.id } }, ctx))).toBe('VALIDATION_FAILED');
    expect(await codeOf(actOnTransfer(actor, c.id, 'submit', { changes: { toOrgId: '6f1d0c3e-2b7a-4f51-9c1e-0000000000ff' } }, ctx))).toBe('VALIDATION_FAILED');
    expect(await caseRow(db, c.id)).toEqual(before);
    const fixed = await actOnTransfer(actor, c.id, 'submit', { comment: '已更正', changes: { toOrgId: w.orgs.T2.id, category: 'in_city', channel: 'BOTH', reason: '工作调动（已更正接收组织）' } }, ctx);
    expect(fixed).toMatchObject({ state: 'BRANCH_REVIEW', toOrgId: w.orgs.T2.id, toOrgText: null, category: 'in_city', channel: 'BOTH', reason: '工作调动（已更正接收组织）', returnReasonText: null });
    expect(fixed.events.at(-1)!.comment).toContain('已更正');
    expect(fixed.events.at(-1)!.comment).toContain('接收组织');
    // Once with the branch, the application is no longer editable: changes are refused with the state's code.
    expect(await codeOf(actOnTransfer(w.actors.secB1, c.id, 'approve', { changes: { reason: 'x' } } as never, ctx))).toBe('VALIDATION_FAILED');
  });
});

describe('a transfer from application to receipt', () => {
  it('member applies, branch approves, C1 issues, R registers, accepts and assigns T1, receipt — the formal branch switches once', async () => {
    const db = t.db();
    const { member, actor: me } = await memberIn(db, w);
    const c = await createTransfer(me, { memberId: member.id, toOrgId: w.orgs.T1.id, category: 'in_district', channel: 'PAPER', reason: '到新厂街道陶瓷企业工作' }, ctx);
    expect(c).toMatchObject({ state: 'DRAFT', fromOrgId: w.orgs.B1.id, toOrgId: w.orgs.T1.id, myRoles: ['member'], availableActions: ['submit', 'withdraw'] });
    await actOnTransfer(me, c.id, 'submit', {}, ctx);
    const approved = await actOnTransfer(w.actors.secB1, c.id, 'approve', {}, ctx);
    expect(approved).toMatchObject({ state: 'ISSUER_REVIEW', currentHandlerOrgId: w.orgs.C1.id, duesPaidThrough: localMonth(now()) });
    expect(approved.stepDeadline).not.toBeNull();
    const issued = await actOnTransfer(w.actors.secC1, c.id, 'issue', {}, ctx);
    expect(issued).toMatchObject({ state: 'ISSUED', currentHandlerOrgId: w.orgs.R.id, validityDays: 30, issuingHops: [w.orgs.C1.id] });
    expect(issued.letterNo).toMatch(/^珠组转〔\d{4}〕\d{4}号$/);
    expect(issued.verifyCode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await actOnTransfer(w.actors.secR, c.id, 'open', {}, ctx);
    await actOnTransfer(w.actors.secR, c.id, 'accept', {}, ctx);
    const done = await actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T1.id }, ctx);
    expect(done).toMatchObject({ state: 'COMPLETED', toBranchId: w.orgs.T1.id });
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, member.id)))[0]!.formalOrgId).toBe(w.orgs.T1.id);
    const receipt = await actOnTransfer(w.actors.secR, c.id, 'receipt', {}, ctx);
    expect(receipt.state).toBe('RECEIPT_SENT');
    expect(receipt.events.map((e) => [e.seq, e.action, e.actorRole])).toEqual([
      [1, 'create', 'member'],
      [2, 'submit', 'member'],
      [3, 'approve', 'from_branch'],
      [4, 'issue', 'issuer'],
      [5, 'open', 'receiver'],
      [6, 'accept', 'receiver'],
      [7, 'complete', 'receiver'],
      [8, 'receipt', 'receiver'],
    ]);
    const audited = await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, c.id));
    expect(audited.map((r) => r.a)).toEqual(expect.arrayContaining(['party_transfers.create', 'party_transfers.issue', 'party_transfers.complete', 'party_transfers.receipt']));
    // Notifications: the consumer tells the member of each step and the next handler that the case waits on them.
    await runUntilIdle(db);
    const got = await db.select({ u: notifications.userId, k: notifications.kind }).from(notifications).where(sql`${notifications.payload}->>'caseId' = ${c.id}`);
    expect(got.filter((n) => n.u === me.id && n.k === 'party.transfer_step').length).toBeGreaterThanOrEqual(6);
    expect(got.some((n) => n.u === w.actors.secC1.id && n.k === 'party.transfer_todo')).toBe(true);
    expect(got.some((n) => n.u === w.actors.secR.id && n.k === 'party.transfer_todo')).toBe(true);
  });

  it('the API answers the contract shape; the verification code only to parties; a refusal is problem+json with its code', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUED');
    const secR = bearer(await tokenFor(db, { id: w.actors.secR.id }));
    const res = await callRoute(getTransferRoute, { params: { id: c.id }, headers: secR });
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    for (const k of ['id', 'state', 'memberId', 'fromOrgId', 'toOrgId', 'currentHandlerOrgId', 'letterNo', 'issuedAt', 'validityDays', 'expiresAt', 'predecessorId', 'verifyCode', 'events']) expect(body, k).toHaveProperty(k);
    expect(body.verifyCode).toBe(c.verifyCode);
    // The district's secretary-less view: a committee above (TD has no account) — a secretary of T1 reads it, not a party?
    const t1 = await callRoute(getTransferRoute, { params: { id: c.id }, headers: bearer(await tokenFor(db, { id: w.actors.secT1.id })) });
    expect((t1.json as { verifyCode: string }).verifyCode).toBe(c.verifyCode); // T1 is the case's target: a party
    const tooLong = await callRoute(issueTransferRoute, { params: { id: c.id }, body: { validityDays: 91 }, headers: secR });
    expect(tooLong.status).toBe(409); // issue from ISSUED: the state decides first
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect((tooLong.json as { code: string }).code).toBe('TRANSITION_NOT_ALLOWED');
    const bad = await callRoute(openTransferRoute, { params: { id: c.id }, body: { nope: 1 }, headers: secR });
    expect(bad.status).toBe(400);
    expect(await caseRow(db, c.id)).toEqual(c);
  });

  it('zone staff, sysadmins and other talents never read a case (403, audited); the member reads their own', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'BRANCH_REVIEW');
    for (const who of ['zoneStaff', 'sysadmin', 'otherTalent', 'secQ', 'secW'] as const) {
      const before = await deniedCount(db);
      expect(await codeOf(getTransfer(w.actors[who], c.id, ctx))).toBe('FORBIDDEN');
      expect(await deniedCount(db)).toBe(before + 1);
    }
    const own = await getTransfer(actor, c.id, ctx);
    expect(own).toMatchObject({ id: c.id, myRoles: ['member'] });
    const zs = await callRoute(getTransferRoute, { params: { id: c.id }, headers: bearer(await tokenFor(db, { id: w.actors.zoneStaff.id })) });
    expect(zs.status).toBe(403);
  });
});

// --- guards ------------------------------------------------------------------------------------------------------------

describe('guards, each refusal changing nothing', () => {
  it('DUES_ARREARS: dues not paid through this Jingdezhen month; PROBATION_EXPIRED for a probationer past probation', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w, { lastDuesMonth: '2020-01' });
    const c = await caseAt(db, w, member.id, 'BRANCH_REVIEW');
    expect(await codeOf(actOnTransfer(w.actors.secB1, c.id, 'approve', {}, ctx))).toBe('DUES_ARREARS');
    const p = await memberIn(db, w, { membershipType: 'probationary', probationEndDate: '2021-06-30' });
    const pc = await caseAt(db, w, p.member.id, 'BRANCH_REVIEW');
    expect(await codeOf(actOnTransfer(w.actors.secB1, pc.id, 'approve', {}, ctx))).toBe('PROBATION_EXPIRED');
    const rc = await caseAt(db, w, (await memberIn(db, w, { membershipType: 'probationary', probationEndDate: '2021-06-30' })).member.id, 'RECEIVER_REVIEW');
    expect(await codeOf(actOnTransfer(w.actors.secR, rc.id, 'accept', {}, ctx))).toBe('PROBATION_EXPIRED');
    for (const x of [c, pc, rc]) expect(await caseRow(db, x.id)).toEqual(x);
  });

  it('VALIDITY_TOO_LONG above 90 days (API 400 with the code); cross-province letters default to 90 days', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUER_REVIEW');
    const res = await callRoute(issueTransferRoute, { params: { id: c.id }, body: { validityDays: 91 }, headers: bearer(await tokenFor(db, { id: w.actors.secC1.id })) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDITY_TOO_LONG' });
    expect(await caseRow(db, c.id)).toEqual(c);
    const cross = await caseAt(db, w, (await memberIn(db, w)).member.id, 'ISSUER_REVIEW', { category: 'cross_province' });
    expect((await actOnTransfer(w.actors.secC1, cross.id, 'issue', {}, ctx)).validityDays).toBe(90);
  });

  it('OPEN_CASE_EXISTS for a second case; ORG_DISSOLVED for a dissolved target; a committee without authority escalates', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const input = { memberId: member.id, toOrgId: w.orgs.T1.id, category: 'in_district' as const, channel: 'PAPER' as const, reason: '工作调动' };
    await createTransfer(actor, input, ctx);
    expect(await codeOf(createTransfer(w.actors.secB1, input, ctx))).toBe('OPEN_CASE_EXISTS');
    const deadId = crypto.randomUUID();
    const [dead] = await db
      .insert(partyOrgs)
      .values({ id: deadId, code: `T-dead-${deadId.slice(0, 8)}`, nameZh: '已撤销支部', nameEn: 'Dissolved', kind: 'branch', orgType: 'branch', parentId: w.orgs.R.id, path: `${w.orgs.R.path}${deadId}/`, status: 'DISSOLVED', dissolvedAt: now(), dissolutionApprovalRef: '珠组〔2026〕9号' })
      .returning();
    const other = await memberIn(db, w);
    const res = await callRoute(createTransferRoute, { body: { ...input, memberId: other.member.id, toOrgId: dead!.id }, headers: bearer(await tokenFor(db, { id: other.actor.id })) });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'ORG_DISSOLVED' });
    // W may issue but has no 预备党员审批权: a member of WB is routed to W, which must escalate to 区委组织部.
    const wb = await memberIn(db, w, { formalOrgId: w.orgs.WB.id });
    const c = await createTransfer(wb.actor, { ...input, memberId: wb.member.id }, ctx);
    await db.update(transferCases).set({ state: 'ISSUER_REVIEW', currentHandlerOrgId: w.orgs.W.id }).where(eq(transferCases.id, c.id));
    const secW = w.actors.secW;
    expect(await codeOf(actOnTransfer(secW, c.id, 'issue', {}, ctx))).toBe('NOT_ALLOWED');
    const up = await actOnTransfer(secW, c.id, 'escalate', {}, ctx);
    expect(up).toMatchObject({ state: 'ORGDEPT_REVIEW', currentHandlerOrgId: w.orgs.TD.id, issuingHops: [w.orgs.W.id] });
    const issued = await actOnTransfer(w.actors.orgAdmin, c.id, 'issue', { validityDays: 60 }, ctx);
    expect(issued).toMatchObject({ state: 'ISSUED', validityDays: 60, issuingHops: [w.orgs.W.id, w.orgs.TD.id], currentHandlerOrgId: w.orgs.R.id });
    expect(issued.events.map((e) => [e.action, e.actorRole, e.actorOrgId])).toEqual([
      ['create', 'member', null],
      ['escalate', 'issuer', w.orgs.W.id],
      ['issue', 'orgdept', w.orgs.TD.id],
    ]);
  });

  it('T14: the branch must be active, a branch, and under the receiving committee (WRONG_ORG otherwise)', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ACCEPTED');
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.QB.id }, ctx))).toBe('WRONG_ORG');
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.R.id }, ctx))).toBe('WRONG_ORG');
    expect(await caseRow(db, c.id)).toEqual(c);
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, member.id)))[0]!.formalOrgId).toBe(w.orgs.B1.id);
    expect((await actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T2.id }, ctx)).state).toBe('COMPLETED');
    // Idempotent: the same completion again answers the completed case, with no second event.
    const again = await actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T2.id }, ctx);
    expect(again.events.filter((e) => e.action === 'complete')).toHaveLength(1);
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T1.id }, ctx))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('T12 → T13: the receiver returns with a coded reason, the issuer re-issues: a new letter number, the old one void', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'RECEIVER_REVIEW');
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'return', { comment: '无故' }, ctx))).toBe('VALIDATION_FAILED');
    const back = await actOnTransfer(w.actors.secR, c.id, 'return', { reasonCode: 'WRONG_TARGET', comment: '应转入新厂社区' }, ctx);
    expect(back).toMatchObject({ state: 'RETURNED_BY_RECEIVER', currentHandlerOrgId: w.orgs.C1.id, returnReasonCode: 'WRONG_TARGET' });
    const again = await actOnTransfer(w.actors.secC1, c.id, 'reissue', { toOrgId: w.orgs.T2.id }, ctx);
    expect(again).toMatchObject({ state: 'ISSUER_REVIEW', letterNo: null, verifyCode: null, toOrgId: w.orgs.T2.id });
    expect(again.events.at(-1)!.comment).toContain(c.letterNo!);
    expect(await codeOf(verifyLetter(c.verifyCode!, { ip: '198.51.100.1' }))).toBe('NOT_FOUND');
    const reissued = await actOnTransfer(w.actors.secC1, c.id, 'issue', {}, ctx);
    expect(reissued.letterNo).not.toBe(c.letterNo);
  });

  it('a target outside the directory: the letter leaves the portal and the issuer records the paper receipt', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await createTransfer(actor, { memberId: member.id, toOrgText: '中共上海市徐汇区委组织部（转入上海某设计公司党支部）', category: 'cross_province', channel: 'PAPER', reason: '工作调动' }, ctx);
    await actOnTransfer(actor, c.id, 'submit', {}, ctx);
    await actOnTransfer(w.actors.secB1, c.id, 'approve', {}, ctx);
    const issued = await actOnTransfer(w.actors.secC1, c.id, 'issue', {}, ctx);
    expect(issued).toMatchObject({ state: 'ISSUED', currentHandlerOrgId: w.orgs.C1.id, validityDays: 90 });
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'open', {}, ctx))).toBe('FORBIDDEN'); // R has nothing to do with it
    const done = await actOnTransfer(w.actors.secC1, c.id, 'receipt', {}, ctx);
    expect(done.state).toBe('RECEIPT_SENT');
    const [m] = await db.select().from(partyMembers).where(eq(partyMembers.id, member.id));
    expect(m!.transferredOutAt).not.toBeNull();
    expect(m!.formalOrgId).toBe(w.orgs.B1.id);
  });

  it('I4: a national flow number is recorded for national-system channels only, and said to be done there', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const paper = await caseAt(db, w, member.id, 'ISSUER_REVIEW');
    expect(await codeOf(actOnTransfer(w.actors.secC1, paper.id, 'issue', { nationalFlowNo: 'ZZ2026120400017' }, ctx))).toBe('VALIDATION_FAILED');
    const online = await caseAt(db, w, (await memberIn(db, w)).member.id, 'ISSUER_REVIEW', { channel: 'ONLINE_NATIONAL' });
    const issued = await actOnTransfer(w.actors.secC1, online.id, 'issue', { nationalFlowNo: 'ZZ2026120400017' }, ctx);
    expect(issued.nationalFlowNo).toBe('ZZ2026120400017');
    expect(issued.events.at(-1)!.comment).toContain('在该系统办理');
  });
});

// --- invariants in the database -----------------------------------------------------------------------------------------

describe('invariants', () => {
  it('I2: the partial unique index covers exactly the open states of the schema and the machine', async () => {
    const db = t.db();
    const [row] = rowsOf<{ def: string }>(await db.execute(sql`select indexdef as def from pg_indexes where indexname = 'transfer_cases_one_open_uq'`));
    const listed = [...row!.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...OPEN_TRANSFER_STATES].sort());
  });

  it('I1: the formal branch never changes outside a completing transfer (the trigger refuses a direct update)', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    await expect(db.update(partyMembers).set({ formalOrgId: w.orgs.T1.id }).where(eq(partyMembers.id, member.id))).rejects.toThrow();
    // Not even with a COMPLETED case into that branch from another transaction.
    await caseAt(db, w, member.id, 'COMPLETED', { completedTx: '1' });
    await expect(db.update(partyMembers).set({ formalOrgId: w.orgs.T1.id }).where(eq(partyMembers.id, member.id))).rejects.toThrow();
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, member.id)))[0]!.formalOrgId).toBe(w.orgs.B1.id);
  });

  it('I2: the partial unique index refuses a second open case even when the service is bypassed', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    await caseAt(db, w, member.id, 'ISSUED');
    await expect(caseAt(db, w, member.id, 'DRAFT')).rejects.toThrow();
    await caseAt(db, w, member.id, 'WITHDRAWN'); // closed cases are not limited
  });

  it('I3: transfer events cannot be updated or deleted', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await createTransfer(actor, { memberId: member.id, toOrgId: w.orgs.T1.id, category: 'in_district', channel: 'PAPER', reason: '工作调动' }, ctx);
    await expect(db.update(transferEvents).set({ comment: '改写' }).where(eq(transferEvents.caseId, c.id))).rejects.toThrow();
    await expect(db.delete(transferEvents).where(eq(transferEvents.caseId, c.id))).rejects.toThrow();
    expect(await eventsOf(db, c.id)).toHaveLength(1);
  });
});

// --- the clock across an expiry --------------------------------------------------------------------------------------

describe('the test clock across an expiry', () => {
  it('an expired letter is refused without any job (LETTER_EXPIRED, nothing changes), shown as EXPIRED; the job records it and notifies; re-issue opens a linked case', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUER_REVIEW');
    const issued = await actOnTransfer(w.actors.secC1, c.id, 'issue', { validityDays: 10 }, ctx);
    advance(12 * 86_400_000);
    const before = await caseRow(db, c.id);
    expect(await codeOf(actOnTransfer(w.actors.secR, c.id, 'open', {}, ctx))).toBe('LETTER_EXPIRED');
    expect(await caseRow(db, c.id)).toEqual(before);
    const seen = await getTransfer(actor, c.id, ctx);
    expect(seen).toMatchObject({ state: 'EXPIRED', recordedState: 'ISSUED' });
    expect(await verifyLetter(issued.verifyCode!, { ip: '198.51.100.2' })).toMatchObject({ valid: false, state: 'EXPIRED' });
    await runUntilIdle(db); // the letter's own job was due at expires_at
    expect((await caseRow(db, c.id)).state).toBe('EXPIRED');
    const events = await eventsOf(db, c.id);
    expect(events.at(-1)).toMatchObject({ action: 'expire', fromState: 'ISSUED', toState: 'EXPIRED', actorRole: 'system' });
    await runUntilIdle(db);
    const notes = await db.select().from(notifications).where(and(eq(notifications.userId, actor.id), eq(notifications.kind, 'party.transfer_expired')));
    expect(notes).toHaveLength(1);
    expect(await sweepExpiredLetters(db)).toEqual({ expired: 0 }); // nothing left for the sweep
    const next = await actOnTransfer(w.actors.secB1, c.id, 'reissue', { comment: '支部证明：因病未能按期报到' }, ctx);
    expect(next).toMatchObject({ state: 'ISSUER_REVIEW', predecessorId: c.id, currentHandlerOrgId: w.orgs.C1.id });
    expect((await getTransfer(w.actors.secC1, c.id, ctx)).successorId).toBe(next.id);
  });

  it('without the job, re-issue records the expiry first; the sweep expires letters the queue missed', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUED', { expiresAt: new Date(now().getTime() - 1000) });
    const next = await actOnTransfer(w.actors.secC1, c.id, 'reissue', {}, ctx);
    expect(next.predecessorId).toBe(c.id);
    expect((await eventsOf(db, c.id)).map((e) => e.action)).toEqual(['expire', 'reissue']);
    const other = await caseAt(db, w, (await memberIn(db, w)).member.id, 'RETURNED_BY_RECEIVER', { expiresAt: new Date(now().getTime() - 1000), openedAt: null });
    expect((await sweepExpiredLetters(db)).expired).toBeGreaterThanOrEqual(1);
    expect((await caseRow(db, other.id)).state).toBe('EXPIRED');
  });

  it('off-directory: the paper 回执 recorded after expiry (by the job or not) counts when its date of receipt is within validity', async () => {
    const db = t.db();
    const { member, actor } = await memberIn(db, w);
    const c = await createTransfer(actor, { memberId: member.id, toOrgText: '中共杭州市西湖区转塘街道工作委员会', category: 'cross_province', channel: 'PAPER', reason: '回杭州工作' }, ctx);
    await actOnTransfer(actor, c.id, 'submit', {}, ctx);
    await actOnTransfer(w.actors.secB1, c.id, 'approve', {}, ctx);
    const issued = await actOnTransfer(w.actors.secC1, c.id, 'issue', { validityDays: 10 }, ctx);
    const receivedOn = new Date(Date.parse(issued.expiresAt!) - 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    advance(20 * 86_400_000);
    await runUntilIdle(db);
    expect((await caseRow(db, c.id)).state).toBe('EXPIRED');
    const before = await caseRow(db, c.id);
    expect(await codeOf(actOnTransfer(w.actors.secC1, c.id, 'receipt', {}, ctx))).toBe('LETTER_EXPIRED');
    const tooLate = new Date(Date.parse(issued.expiresAt!) + 86_400_000).toISOString().slice(0, 10);
    expect(await codeOf(actOnTransfer(w.actors.secC1, c.id, 'receipt', { receivedOn: tooLate }, ctx))).toBe('LETTER_EXPIRED');
    expect(await caseRow(db, c.id)).toEqual(before);
    const done = await actOnTransfer(w.actors.secC1, c.id, 'receipt', { receivedOn }, ctx);
    expect(done.state).toBe('RECEIPT_SENT');
    expect(done.events.at(-1)).toMatchObject({ action: 'receipt', fromState: 'EXPIRED', toState: 'RECEIPT_SENT' });
    expect(done.events.at(-1)!.comment).toContain(receivedOn);
    const [m] = await db.select().from(partyMembers).where(eq(partyMembers.id, member.id));
    expect(m!.transferredOutAt).not.toBeNull();
  });

  it('letter numbers count per year in Jingdezhen time: the first letter of a new year is 0001 again', async () => {
    const db = t.db();
    const issueOne = async () => {
      const c = await caseAt(db, w, (await memberIn(db, w)).member.id, 'ISSUER_REVIEW');
      return (await actOnTransfer(w.actors.secC1, c.id, 'issue', {}, ctx)).letterNo!;
    };
    const thisYear = await issueOne();
    const year = Number(/〔(\d{4})〕/.exec(thisYear)![1]);
    // Into the next year: 00:30 on 1 January in Jingdezhen is still 31 December in UTC.
    advance(Date.parse(`${year + 1}-01-01T00:30:00+08:00`) - now().getTime());
    const before = (await db.select({ n: transferCases.letterNo }).from(transferCases)).filter((r) => r.n?.includes(`〔${year + 1}〕`)).length;
    const first = await issueOne();
    const second = await issueOne();
    expect(first).toBe(`珠组转〔${year + 1}〕${String(before + 1).padStart(4, '0')}号`);
    expect(second).toBe(`珠组转〔${year + 1}〕${String(before + 2).padStart(4, '0')}号`);
  });

  it('T8 freezes the clock: a letter registered in time never expires, even on hold past expires_at', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUER_REVIEW');
    await actOnTransfer(w.actors.secC1, c.id, 'issue', { validityDays: 5 }, ctx);
    advance(3 * 86_400_000);
    await actOnTransfer(w.actors.secR, c.id, 'open', {}, ctx);
    await actOnTransfer(w.actors.secR, c.id, 'hold', { comment: '去函核实档案' }, ctx);
    advance(30 * 86_400_000);
    await runUntilIdle(db);
    expect((await caseRow(db, c.id)).state).toBe('ON_HOLD');
    await actOnTransfer(w.actors.secR, c.id, 'resume', {}, ctx);
    expect((await actOnTransfer(w.actors.secR, c.id, 'accept', {}, ctx)).state).toBe('ACCEPTED');
  });
});

// --- incoming, re-routing, queues, verification ---------------------------------------------------------------------------

describe('incoming letters', () => {
  const base = () => ({ fromOrgText: '中共杭州市西湖区转塘街道工作委员会', letterNo: `浙组转〔2026〕${Math.floor(Math.random() * 1e6)}号`, issuedAt: new Date(now().getTime() - 2 * 86_400_000).toISOString(), validityDays: 60, toOrgId: w.orgs.T1.id, channel: 'PAPER' as const });
  const newcomer = () => ({ name: '周窑', idCardNo: randomIdNumber(), membershipType: 'formal' as const, joinDate: '2015-07-01', lastDuesMonth: localMonth(now()), duesBaseType: 'self_employed' as const });

  it('the receiving committee registers a letter from outside at ISSUED; the member is created outside the portal and completes into T1', async () => {
    const db = t.db();
    const c = await registerIncoming(w.actors.secR, { ...base(), member: newcomer() }, ctx);
    expect(c).toMatchObject({ state: 'ISSUED', incoming: true, currentHandlerOrgId: w.orgs.R.id, fromOrgText: '中共杭州市西湖区转塘街道工作委员会', validityDays: 60 });
    const [m] = await db.select().from(partyMembers).where(eq(partyMembers.id, c.memberId));
    const [ext] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, m!.formalOrgId));
    expect(ext).toMatchObject({ isExternal: true, nameZh: '中共杭州市西湖区转塘街道工作委员会' });
    expect(m!.idCardEnc).not.toContain(m!.idCardMasked.slice(-4) + 'x');
    await actOnTransfer(w.actors.secR, c.id, 'open', {}, ctx);
    await actOnTransfer(w.actors.secR, c.id, 'accept', {}, ctx);
    await actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T1.id }, ctx);
    expect((await db.select().from(partyMembers).where(eq(partyMembers.id, c.memberId)))[0]!.formalOrgId).toBe(w.orgs.T1.id);
    expect((await verifyLetter(c.verifyCode!, { ip: '198.51.100.3' })).issuingOrganisation).toBe('中共杭州市西湖区转塘街道工作委员会');
  });

  it('refusals: over-long validity, an already expired letter, a duplicate letter number, the wrong committee, a talent', async () => {
    const db = t.db();
    const count0 = (await db.select({ n: count() }).from(transferCases))[0]!.n;
    expect(await codeOf(registerIncoming(w.actors.secR, { ...base(), validityDays: 120, member: newcomer() }, ctx))).toBe('VALIDITY_TOO_LONG');
    expect(await codeOf(registerIncoming(w.actors.secR, { ...base(), issuedAt: '2026-01-01', validityDays: 30, member: newcomer() }, ctx))).toBe('LETTER_EXPIRED');
    expect(await codeOf(registerIncoming(w.actors.secC1, { ...base(), member: newcomer() }, ctx))).toBe('FORBIDDEN');
    expect(await codeOf(registerIncoming(w.actors.otherTalent, { ...base(), member: newcomer() }, ctx))).toBe('FORBIDDEN');
    expect(await codeOf(registerIncoming(w.actors.secT1, { ...base(), member: newcomer() }, ctx))).toBe('WRONG_ORG');
    expect((await db.select({ n: count() }).from(transferCases))[0]!.n).toBe(count0);
    const first = base();
    await registerIncoming(w.actors.orgAdmin, { ...first, member: newcomer() }, ctx);
    expect(await codeOf(registerIncoming(w.actors.secR, { ...first, member: newcomer() }, ctx))).toBe('CONFLICT');
  });
});

describe('T19: a dissolved organisation re-routes its open cases to its parent committee', () => {
  it('cases held by or targeting the dissolved organisation go up with a reroute event; closed cases stay', async () => {
    const db = t.db();
    const local = await transferWorld(db); // its own R, so other tests keep theirs
    const a = await memberIn(db, local);
    const b = await memberIn(db, local);
    const held = await caseAt(db, local, a.member.id, 'RECEIVER_REVIEW');
    const targeting = await caseAt(db, local, b.member.id, 'BRANCH_REVIEW', { toOrgId: local.orgs.R.id });
    const closed = await caseAt(db, local, a.member.id, 'WITHDRAWN');
    const out = await db.transaction(async (tx) => {
      await tx.update(partyOrgs).set({ status: 'DISSOLVED', dissolvedAt: now(), dissolutionApprovalRef: '珠组〔2026〕12号' }).where(eq(partyOrgs.id, local.orgs.R.id));
      return rerouteOpenCases(tx, local.orgs.R.id, local.actors.orgAdmin);
    });
    expect(out).toEqual({ moved: 2, toOrgId: local.orgs.TD.id });
    expect(await caseRow(db, held.id)).toMatchObject({ state: 'RECEIVER_REVIEW', currentHandlerOrgId: local.orgs.TD.id });
    expect(await caseRow(db, targeting.id)).toMatchObject({ state: 'BRANCH_REVIEW', toOrgId: local.orgs.TD.id, currentHandlerOrgId: local.orgs.B1.id });
    expect((await eventsOf(db, held.id)).at(-1)).toMatchObject({ action: 'reroute', fromState: 'RECEIVER_REVIEW', toState: 'RECEIVER_REVIEW', actorRole: 'system' });
    expect(await caseRow(db, closed.id)).toEqual(closed);
    // 区委组织部 now holds the re-routed case and can accept it; the dissolved organisation is never a target again.
    expect((await actOnTransfer(local.actors.orgAdmin, held.id, 'accept', {}, ctx)).state).toBe('ACCEPTED');
    const c = await memberIn(db, local);
    expect(await codeOf(createTransfer(c.actor, { memberId: c.member.id, toOrgId: local.orgs.R.id, category: 'in_district', channel: 'PAPER', reason: '工作调动' }, ctx))).toBe('ORG_DISSOLVED');
  });
});

describe('queues', () => {
  it('queue=mine: what waits on my organisation, overdue first; 区委组织部: ORGDEPT_REVIEW; a talent: own cases', async () => {
    const db = t.db();
    const local = await transferWorld(db);
    const a = await memberIn(db, local);
    const b = await memberIn(db, local);
    const fresh = await caseAt(db, local, a.member.id, 'RECEIVER_REVIEW', { stepDeadline: new Date(now().getTime() + 86_400_000) });
    const late = await caseAt(db, local, b.member.id, 'ACCEPTED', { stepDeadline: new Date(now().getTime() - 86_400_000) });
    const od = await caseAt(db, local, (await memberIn(db, local)).member.id, 'ORGDEPT_REVIEW');
    const mine = await listTransfers(local.actors.secR, 'mine', ctx);
    expect(mine.items.map((i) => [i.id, i.overdue])).toEqual([
      [late.id, true],
      [fresh.id, false],
    ]);
    expect((await listTransfers(local.actors.orgAdmin, 'mine', ctx)).items.map((i) => i.id)).toContain(od.id);
    expect((await listTransfers(local.actors.secB1, 'mine', ctx)).items).toEqual([]);
    expect((await listTransfers(local.actors.secB1, 'all', ctx)).items.map((i) => i.id).sort()).toEqual([fresh.id, late.id, od.id].sort());
    expect((await listTransfers(a.actor, 'mine', ctx)).items.map((i) => i.id)).toEqual([fresh.id]);
    expect(await codeOf(listTransfers(local.actors.zoneStaff, 'mine', ctx))).toBe('FORBIDDEN');
  });
});

describe('public verification of a letter', () => {
  it('shows validity, state, masked name and the issuing organisation — nothing more; unknown codes are 404; rate-limited', async () => {
    const db = t.db();
    const { member } = await memberIn(db, w);
    const c = await caseAt(db, w, member.id, 'ISSUED');
    const res = await callRoute(verifyLetterRoute, { params: { code: c.verifyCode! }, headers: { 'x-forwarded-for': '198.51.100.50' } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json as object).sort()).toEqual(['expiresAt', 'issuedAt', 'issuingOrganisation', 'maskedName', 'state', 'stateName', 'valid', 'validityDays']);
    expect(res.json).toMatchObject({ valid: true, state: 'ISSUED', maskedName: '陈**', issuingOrganisation: '测试党工委C1', validityDays: 30 });
    for (const secret of [member.name, member.idCardNo, member.idCardMasked, c.letterNo!, c.id, member.id, w.orgs.T1.id, '支部T1', member.phone]) expect(res.text).not.toContain(secret);
    expect((await callRoute(verifyLetterRoute, { params: { code: 'A'.repeat(32) }, headers: { 'x-forwarded-for': '198.51.100.50' } })).status).toBe(404);
    let last = 0;
    for (let i = 0; i < VERIFY_RATE.limit; i++) last = (await callRoute(verifyLetterRoute, { params: { code: c.verifyCode! }, headers: { 'x-forwarded-for': '198.51.100.51' } })).status;
    expect(last).toBe(200);
    const limited = await callRoute(verifyLetterRoute, { params: { code: c.verifyCode! }, headers: { 'x-forwarded-for': '198.51.100.51' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });
});

// --- concurrency on PostgreSQL ---------------------------------------------------------------------------------------------

describe('concurrency (PostgreSQL)', () => {
  it('two completions at once → one branch switch, one complete event, both answer the completed case', async () => {
    const url = (t.handle() as DbHandle & { url?: string }).url;
    if (!url) return; // PGlite has one connection: the PostgreSQL pass runs this
    const db = t.db();
    // The service runs on the test handle's pool (5 connections): the two requests are truly concurrent.
    for (let round = 0; round < 5; round++) {
      const { member } = await memberIn(db, w);
      const c = await caseAt(db, w, member.id, 'ACCEPTED');
      const results = await Promise.allSettled([
        actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T1.id }, ctx),
        actOnTransfer(w.actors.secR, c.id, 'complete', { branchId: w.orgs.T1.id }, ctx),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const events = await eventsOf(db, c.id);
      expect(events.filter((e) => e.action === 'complete')).toHaveLength(1);
      expect((await db.select().from(partyMembers).where(eq(partyMembers.id, member.id)))[0]!.formalOrgId).toBe(w.orgs.T1.id);
    }
  }, 60_000);

  it('two creations at once → one case, the other OPEN_CASE_EXISTS', async () => {
    const url = (t.handle() as DbHandle & { url?: string }).url;
    if (!url) return;
    const db = t.db();
    for (let round = 0; round < 5; round++) {
      const { member, actor } = await memberIn(db, w);
      const input = { memberId: member.id, toOrgId: w.orgs.T1.id, category: 'in_district' as const, channel: 'PAPER' as const, reason: '工作调动' };
      const results = await Promise.allSettled([createTransfer(actor, input, ctx), createTransfer(w.actors.secB1, input, ctx)]);
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : String(r.reason))).sort();
      expect(codes).toEqual(['OPEN_CASE_EXISTS', 'ok']);
      expect((await db.select({ n: count() }).from(transferCases).where(eq(transferCases.memberId, member.id)))[0]!.n).toBe(1);
    }
  }, 60_000);
});
