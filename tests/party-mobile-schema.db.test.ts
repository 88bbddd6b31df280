/**
 * The 流动党员 invariants that live in the database (issue 10; migration 0014), checked with raw SQL so that no
 * service code can paper over a missing constraint: one open MobileRecord per member (the index predicate lists
 * exactly the non-ended states), one acceptance per record, append-only history and dues ledger, one ledger row
 * per (member, month), mobile attendees never vote nor count for the quorum, one annual report per year.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { ENDED_MOBILE_STATES, MOBILE_STATES, partyMembers, partyOrgs } from '@/db/schema';
import { rowsOf } from '@/lib/jobs/queue';
import { setupTestDb } from '@/tests/helpers/db';

const t = setupTestDb({ resetEach: false });
let orgId: string;

const uid = () => crypto.randomUUID();

async function member(db: Db): Promise<string> {
  const id = uid();
  await db.insert(partyMembers).values({
    id,
    name: '约束测试',
    idCardEnc: 'x',
    idCardBlind: crypto.randomBytes(16).toString('hex'),
    idCardMasked: '3602**********1234',
    membershipType: 'formal',
    joinDate: '2010-07-01',
    formalOrgId: orgId,
    duesBaseType: 'salary',
  });
  return id;
}

async function record(db: Db, memberId: string, state: string): Promise<string> {
  const id = uid();
  const ended = (ENDED_MOBILE_STATES as readonly string[]).includes(state);
  const accepted = state === 'INFLOW_ACTIVE' || state === 'LAPSE_WATCH';
  await db.execute(sql`
    insert into party_mobile_records (id, member_id, state, outflow_org_id, outflow_date, outflow_reason, end_at, accepted_at, inflow_branch_id)
    values (${id}, ${memberId}, ${state}, ${orgId}, '2026-01-05', 'creative', ${ended ? sql`now()` : sql`null`}, ${accepted ? sql`now()` : sql`null`}, ${accepted ? orgId : null})`);
  return id;
}

/** SQLSTATE of a failing statement ('ok' when it succeeds). */
async function sqlstate(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? 'unknown';
  }
}

beforeAll(async () => {
  const db = t.db();
  orgId = uid();
  await db.insert(partyOrgs).values({ id: orgId, code: 'T-MOB-01', nameZh: '约束测试支部', nameEn: 'Constraint branch', kind: 'branch', path: `/${orgId}/` });
});

describe('MobileRecord', () => {
  it('the one-open-record index lists exactly the ended states of the schema', async () => {
    const [row] = rowsOf<{ def: string }>(await t.db().execute(sql`select indexdef as def from pg_indexes where indexname = 'party_mobile_records_one_open_uq'`));
    const listed = [...row!.def.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...ENDED_MOBILE_STATES].sort());
  });

  it('at most one open record per member; ended stays may accumulate', async () => {
    const db = t.db();
    const m = await member(db);
    await record(db, m, 'ENDED_RETURNED');
    await record(db, m, 'ENDED_MOVED_ON');
    await record(db, m, 'AWAITING_REPORT');
    for (const state of MOBILE_STATES.filter((s) => !(ENDED_MOBILE_STATES as readonly string[]).includes(s))) {
      expect(await sqlstate(record(db, m, state)), state).toBe('23505');
    }
  });

  it('an active record must name its acceptance and placement; an ended one its end', async () => {
    const db = t.db();
    const m = await member(db);
    expect(await sqlstate(db.execute(sql`insert into party_mobile_records (member_id, state, outflow_org_id, outflow_date, outflow_reason) values (${m}, 'INFLOW_ACTIVE', ${orgId}, '2026-01-05', 'work')`))).toBe('23514');
    expect(await sqlstate(db.execute(sql`insert into party_mobile_records (member_id, state, outflow_org_id, outflow_date, outflow_reason) values (${m}, 'ENDED_RETURNED', ${orgId}, '2026-01-05', 'work')`))).toBe('23514');
    expect(await sqlstate(db.execute(sql`insert into party_mobile_records (member_id, state, outflow_org_id, outflow_date, outflow_reason, redirect_to_org_id) values (${m}, 'AWAITING_REPORT', ${orgId}, '2026-01-05', 'work', ${orgId})`))).toBe('23514');
  });

  it('history is append-only and holds one acceptance per record', async () => {
    const db = t.db();
    const rec = await record(db, await member(db), 'REPORT_SUBMITTED');
    const ev = (seq: number, action: string) =>
      db.execute(sql`insert into party_mobile_events (record_id, seq, action, from_state, to_state, actor_role, at) values (${rec}, ${seq}, ${action}, 'REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'inflow', now())`);
    expect(await sqlstate(ev(1, 'accept'))).toBe('ok');
    expect(await sqlstate(ev(2, 'accept'))).toBe('23505');
    expect(await sqlstate(ev(1, 'flag'))).toBe('23505');
    expect(await sqlstate(db.execute(sql`update party_mobile_events set comment = 'edited' where record_id = ${rec}`))).toBe('P0001');
    expect(await sqlstate(db.execute(sql`delete from party_mobile_events where record_id = ${rec}`))).toBe('P0001');
  });
});

describe('dues ledger', () => {
  const pay = (db: Db, m: string, month: string) =>
    db.execute(sql`insert into party_dues_payments (member_id, month, collecting_org_id, base_type, amount_due_enc, amount_paid_enc, paid_at) values (${m}, ${month}, ${orgId}, 'salary', 'enc', 'enc', now())`);

  it('one row per member and month, whichever end collects; months are YYYY-MM; rows are never edited', async () => {
    const db = t.db();
    const m = await member(db);
    expect(await sqlstate(pay(db, m, '2026-11'))).toBe('ok');
    expect(await sqlstate(pay(db, m, '2026-11'))).toBe('23505');
    expect(await sqlstate(pay(db, m, '2026-13'))).toBe('23514');
    expect(await sqlstate(pay(db, m, '2026-1'))).toBe('23514');
    expect(await sqlstate(db.execute(sql`update party_dues_payments set receipt_no = 'x' where member_id = ${m}`))).toBe('P0001');
    expect(await sqlstate(db.execute(sql`delete from party_dues_payments where member_id = ${m}`))).toBe('P0001');
  });
});

describe('attendance and reports', () => {
  it('a mobile attendee never votes and never counts toward the quorum', async () => {
    const db = t.db();
    const m = await member(db);
    const [act] = rowsOf<{ id: string }>(await db.execute(sql`insert into party_activities (org_id, type, date, topic, voting_items) values (${orgId}, 'branch_congress', '2026-12-01', '支部党员大会', true) returning id`));
    const att = (relation: string, quorum: boolean, vote: boolean) =>
      db.execute(sql`insert into party_attendance (activity_id, member_id, relation, counts_for_quorum, may_vote, method, checked_in_at) values (${act!.id}, ${m}, ${relation}, ${quorum}, ${vote}, 'qr', now())`);
    expect(await sqlstate(att('MOBILE', false, true))).toBe('23514');
    expect(await sqlstate(att('MOBILE', true, false))).toBe('23514');
    expect(await sqlstate(att('FORMAL', false, true))).toBe('23514');
    expect(await sqlstate(att('MOBILE', false, false))).toBe('ok');
    expect(await sqlstate(att('MOBILE', false, false))).toBe('23505');
  });

  it('one annual report per member and year; periods are YYYY or YYYY-Qn by type', async () => {
    const db = t.db();
    const m = await member(db);
    const rep = (type: string, period: string) =>
      db.execute(sql`insert into party_reports (member_id, type, period, to_org_id, content_enc, submitted_at) values (${m}, ${type}, ${period}, ${orgId}, 'enc', now())`);
    expect(await sqlstate(rep('annual', '2026'))).toBe('ok');
    expect(await sqlstate(rep('annual', '2026'))).toBe('23505');
    expect(await sqlstate(rep('thought', '2026-Q4'))).toBe('ok');
    expect(await sqlstate(rep('thought', '2026-Q4'))).toBe('ok');
    expect(await sqlstate(rep('annual', '2026-Q4'))).toBe('23514');
    expect(await sqlstate(rep('thought', '2026'))).toBe('23514');
  });
});
