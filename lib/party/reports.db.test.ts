/**
 * Periodic reports on a real database (issue 10 §4; domain-party.md §2.3 item 4, §5.2 M8, §6 PeriodicReport): a
 * mobile member's report goes to the formal (流出地) organisation, never the 流入地 (WRONG_REPORT_ORG, nothing written);
 * one annual report a year (REPORT_EXISTS; two at once → one 201 and one 409); periods validated; the content is
 * encrypted at rest and read only by the member and the home branch (audited), never by the 流入地 or an unrelated
 * secretary; a home organisation outside the portal is relayed by the 区委组织部.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, consents, partyMobileRecords, partyReports } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { ORG_IDS, orgPath } from '@/db/seed-data';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { partyToday } from '@/lib/party/members';
import { getMyReports, getReportInbox, reviewReport, submitReport } from '@/lib/party/reports';
import { submitPartyReportRoute } from '@/lib/party/reports-api';
import { periodProblem } from '@/lib/party/reports-period';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { insertMember } from '@/tests/helpers/party-members';
import { actorOf } from '@/tests/helpers/party-transfers';

const t = setupTestDb({ resetEach: false });
const meta = { ip: '203.0.113.22', locale: 'zh-CN' as const };
const year = () => String(partyToday().today.y);
const quarter = () => `${partyToday().today.y}-Q${Math.floor((partyToday().today.m - 1) / 3) + 1}`;
const CONTENT = '本年度在景漂陶瓷流动党员党支部参加主题党日十次，参与陶艺街志愿服务，按月交纳党费，思想上始终与党中央保持一致。';

let orgAdmin: Actor;
let jingpiaoSec: Actor; // the 流入地 in these tests
let taoxiSec: Actor; // the 流出地 (formal organisation)
let sanbaoSec: Actor; // unrelated

beforeAll(async () => {
  const db = t.db();
  await seedReferenceData(db);
  const sec = async (org: string) => actorOf(await makeUser(db, 'branch_secretary', { orgId: org }), orgPath(org));
  orgAdmin = actorOf(await makeUser(db, 'org_admin', { orgId: null }), null);
  jingpiaoSec = await sec(ORG_IDS.jingpiaoBranch);
  taoxiSec = await sec(ORG_IDS.taoxichuanBranch);
  sanbaoSec = await sec(ORG_IDS.sanbaoBranch);
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
};

/** A linked member (talent with the Party consent) formal at `formalOrgId`, accepted as mobile at 景漂 unless told otherwise. */
async function linkedMember(db: Db, formalOrgId: string, mobileAt: string | null = ORG_IDS.jingpiaoBranch) {
  const u = await makeUser(db, 'talent');
  await db.insert(consents).values({ userId: u.id, kind: 'party', noticeVersion: 'test', noticeHash: 'test', grantedAt: now() });
  const m = await insertMember(db, { formalOrgId, userId: u.id });
  if (mobileAt) {
    await db.insert(partyMobileRecords).values({ memberId: m.id, state: 'INFLOW_ACTIVE', outflowOrgId: formalOrgId, outflowDate: '2025-03-01', outflowReason: 'creative', inflowOrgId: mobileAt, inflowBranchId: mobileAt, acceptedAt: now() });
  }
  return { member: m, actor: actorOf(u, null) };
}
const reportsOf = async (db: Db, memberId: string) => db.select().from(partyReports).where(eq(partyReports.memberId, memberId));

describe('periods (pure)', () => {
  it.each([
    ['annual', '2026', null],
    ['annual', '2026-Q1', 'periodFormat'],
    ['thought', '2026', 'periodFormat'],
    ['thought', '2026-Q5', 'periodFormat'],
    ['annual', '2027', 'periodFuture'],
    ['thought', '2026-Q3', 'periodFuture'],
    ['thought', '2026-Q2', null],
    ['annual', '2009', 'periodBeforeJoin'],
  ] as const)('%s %s → %s', (type, period, problem) => {
    expect(periodProblem(type, period, { y: 2026, m: 5 }, 2010)).toBe(problem);
  });
});

describe('periodic reports', () => {
  it('routes a mobile member’s report to the formal organisation; another addressee is WRONG_REPORT_ORG with nothing written', async () => {
    const db = t.db();
    const { member, actor } = await linkedMember(db, ORG_IDS.taoxichuanBranch);
    const r = await callRoute(submitPartyReportRoute, { body: { memberId: member.id, type: 'annual', period: year(), content: CONTENT }, headers: bearer(await tokenFor(db, { id: actor.id })) });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ toOrgId: ORG_IDS.taoxichuanBranch });
    const [row] = await reportsOf(db, member.id);
    expect(row!.toOrgId).toBe(ORG_IDS.taoxichuanBranch);
    expect(row!.recordId).not.toBeNull();
    expect(row!.contentEnc).not.toContain('景漂'); // S1: encrypted at rest

    const wrong = await callRoute(submitPartyReportRoute, { body: { memberId: member.id, type: 'thought', period: quarter(), content: CONTENT, toOrgId: ORG_IDS.jingpiaoBranch }, headers: bearer(await tokenFor(db, { id: actor.id })) });
    expect(wrong.status).toBe(400);
    expect((wrong.json as { code: string }).code).toBe('WRONG_REPORT_ORG');
    expect(await reportsOf(db, member.id)).toHaveLength(1);
    // Naming the right organisation explicitly is fine.
    expect(await submitReport(actor, { memberId: member.id, type: 'thought', period: quarter(), content: CONTENT, toOrgId: ORG_IDS.taoxichuanBranch }, meta)).toMatchObject({ toOrgId: ORG_IDS.taoxichuanBranch });
  });

  it('one annual report a year: 409 REPORT_EXISTS, and two at once give one 201 and one 409; thought reports repeat', async () => {
    const db = t.db();
    const a = await linkedMember(db, ORG_IDS.taoxichuanBranch, null);
    await submitReport(a.actor, { memberId: a.member.id, type: 'annual', period: year(), content: CONTENT }, meta);
    expect(await codeOf(submitReport(a.actor, { memberId: a.member.id, type: 'annual', period: year(), content: CONTENT }, meta))).toBe('REPORT_EXISTS');

    const b = await linkedMember(db, ORG_IDS.taoxichuanBranch, null);
    const token = await tokenFor(db, { id: b.actor.id });
    const call = () => callRoute(submitPartyReportRoute, { body: { memberId: b.member.id, type: 'annual', period: year(), content: CONTENT }, headers: bearer(token) });
    const statuses = (await Promise.all([call(), call()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(await reportsOf(db, b.member.id)).toHaveLength(1);

    await submitReport(b.actor, { memberId: b.member.id, type: 'thought', period: quarter(), content: CONTENT }, meta);
    await submitReport(b.actor, { memberId: b.member.id, type: 'thought', period: quarter(), content: `${CONTENT}（补充）` }, meta);
    expect(await reportsOf(db, b.member.id)).toHaveLength(3);
  });

  it('refuses bad periods, someone else’s record and a member without the consent', async () => {
    const db = t.db();
    const { member, actor } = await linkedMember(db, ORG_IDS.taoxichuanBranch, null);
    const next = String(partyToday().today.y + 1);
    expect(await codeOf(submitReport(actor, { memberId: member.id, type: 'annual', period: next, content: CONTENT }, meta))).toBe('VALIDATION_FAILED');
    const bad = await callRoute(submitPartyReportRoute, { body: { memberId: member.id, type: 'annual', period: quarter(), content: CONTENT }, headers: bearer(await tokenFor(db, { id: actor.id })) });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.json as { errors: Record<string, unknown> }).errors)).toContain('period');
    const other = await linkedMember(db, ORG_IDS.taoxichuanBranch, null);
    expect(await codeOf(submitReport(other.actor, { memberId: member.id, type: 'annual', period: year(), content: CONTENT }, meta))).toBe('FORBIDDEN');
    await db.update(consents).set({ withdrawnAt: now() }).where(eq(consents.userId, actor.id));
    expect(await codeOf(submitReport(actor, { memberId: member.id, type: 'annual', period: year(), content: CONTENT }, meta))).toBe('NOT_FOUND');
    expect(await reportsOf(db, member.id)).toHaveLength(0);
  });

  it('the home branch reads (audited) and reviews; the 流入地 and an unrelated secretary cannot read the content', async () => {
    const db = t.db();
    const { member, actor } = await linkedMember(db, ORG_IDS.taoxichuanBranch);
    const { id } = await submitReport(actor, { memberId: member.id, type: 'thought', period: quarter(), content: CONTENT }, meta);

    const inbox = await getReportInbox(taoxiSec, {}, meta);
    expect(inbox.items.find((x) => x.id === id)?.content).toBe(CONTENT);
    const [read] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'party_reports.read'), eq(auditLog.actorId, taoxiSec.id)));
    expect((read!.detail as { ids: string[] }).ids).toContain(id);

    // The 流入地 (where the member attends) sees nothing of it: its own inbox does not hold it, and another is refused.
    expect((await getReportInbox(jingpiaoSec, {}, meta)).items.map((x) => x.id)).not.toContain(id);
    expect(await codeOf(getReportInbox(jingpiaoSec, { orgId: ORG_IDS.taoxichuanBranch }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(reviewReport(jingpiaoSec, id, { note: '已阅' }, meta))).toBe('FORBIDDEN');
    expect(await codeOf(reviewReport(sanbaoSec, id, { note: '已阅' }, meta))).toBe('FORBIDDEN');
    expect((await reportsOf(db, member.id))[0]!.reviewedAt).toBeNull();

    const reviewed = await reviewReport(taoxiSec, id, { note: '汇报认真，望继续发挥作用。' }, meta);
    expect(reviewed).toMatchObject({ reviewNote: '汇报认真，望继续发挥作用。' });
    expect(await codeOf(reviewReport(taoxiSec, id, { note: '再次审阅' }, meta))).toBe('CONFLICT');
    const mine = await getMyReports(actor, meta);
    expect(mine).toMatchObject({ toOrgId: ORG_IDS.taoxichuanBranch });
    expect(mine!.items[0]).toMatchObject({ id, content: CONTENT, reviewNote: '汇报认真，望继续发挥作用。' });
  });

  it('a home organisation outside the portal: the report is addressed to it and the 区委组织部 relays it', async () => {
    const db = t.db();
    const { member, actor } = await linkedMember(db, ORG_IDS.externalZhuantang);
    const { id, toOrgId } = await submitReport(actor, { memberId: member.id, type: 'annual', period: year(), content: CONTENT }, meta);
    expect(toOrgId).toBe(ORG_IDS.externalZhuantang);
    expect(await codeOf(getReportInbox(jingpiaoSec, { orgId: ORG_IDS.externalZhuantang }, meta))).toBe('FORBIDDEN');
    const inbox = await getReportInbox(orgAdmin, {}, meta);
    expect(inbox.items.find((x) => x.id === id)).toMatchObject({ toOrgExternal: true, content: CONTENT });
    expect(inbox.orgs.some((o) => o.id === ORG_IDS.externalZhuantang && o.external)).toBe(true);
    expect(await reviewReport(orgAdmin, id, { note: '已转杭州转塘街道党工委' }, meta)).toMatchObject({ reviewNote: '已转杭州转塘街道党工委' });
    const [n] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'party_reports.review'), eq(auditLog.targetId, id)));
    expect(n!.n).toBe(1);
  });
});
