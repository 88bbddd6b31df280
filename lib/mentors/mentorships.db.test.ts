/**
 * 师带徒 end to end through the API (issue 12 §1, §7): requests and answers with their stable refusal codes, the one
 * open request per pair, the row lock that lets exactly one of two simultaneous acceptances take a mentor's last
 * place, mentor.changed in every write, public visibility of linked mentors, and the merge into the profile that
 * policy JP-055 reads (accepting makes the mentor ELIGIBLE and notified exactly once; a profile PUT cannot erase it).
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, domainEvents, mentors, mentorships, notifications, talentProfiles } from '@/db/schema';
import { jdzToday } from '@/lib/clock';
import { patchMyProfileRoute, putMyProfileRoute } from '@/lib/talent/api';
import { formatYmd } from '@/lib/talent/dates';
import { loadMatchingProfile } from '@/lib/talent/queries';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { loadCatalogue } from '@/lib/policies/store';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor, type TestUser } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { drainJobs } from '@/tests/helpers/jobs';
import { myApprentices } from './service';
import { actOnMentorshipRoute, createMentorRoute, getMentorRoute, listMentorsRoute, listMyMentorshipsRoute, requestMentorshipRoute, saveMyMentorRoute, updateMentorRoute } from './api';

const { db } = setupTestDb();

const today = () => formatYmd(jdzToday());
/** A birth date that makes someone `age` today. */
const bornYearsAgo = (age: number) => {
  const t = jdzToday();
  return formatYmd({ y: t.y - age, m: 1, d: 1 });
};

async function session(u: TestUser) {
  return bearer(await tokenFor(db(), u));
}

/** A talent with a public mentor page (showcase on), a provincial master honour, taking `places` apprentices. */
async function linkedMentor(places: number, profile: Partial<typeof talentProfiles.$inferInsert> = {}) {
  const t = await makeTalent(db(), { profile: { showcaseEnabled: true, crafts: ['qinghua_fill'], honours: [{ id: 'h1', type: '省级工艺美术大师', year: 2012 }], ...profile } });
  const h = await session(t);
  const res = await callRoute(saveMyMentorRoute, { headers: h, body: { displayName: '王师傅', district: '珠山区', studioLocation: '陶溪川', acceptsApprentices: true, maxApprentices: places } });
  expect(res.status).toBe(200);
  return { talent: t, h, mentorId: (res.json as { id: string }).id };
}

async function apprentice(age = 26) {
  const t = await makeTalent(db(), { profile: { birthDate: bornYearsAgo(age) } });
  return { talent: t, h: await session(t) };
}

const request = (h: Record<string, string>, mentorId: string, message = '想跟您学习青花分水') => callRoute(requestMentorshipRoute, { headers: h, body: { mentorId, message } });
const act = (h: Record<string, string>, id: string, action: string, body: Record<string, unknown> = {}) => callRoute(actOnMentorshipRoute, { headers: h, params: { id, action }, body });
const idOf = (r: { json: unknown }) => (r.json as { id: string }).id;
const codeOf = (r: { json: unknown }) => (r.json as { code: string }).code;
const events = async (mentorId: string) => (await db().select({ p: domainEvents.payload }).from(domainEvents).where(and(eq(domainEvents.type, 'mentor.changed'), eq(domainEvents.aggregateId, mentorId)))).map((e) => (e.p as { change: string }).change);

describe('mentorships', () => {
  it('request → accept records the agreement; both sides see it; every change records mentor.changed', async () => {
    const m = await linkedMentor(2);
    const a = await apprentice();
    const r = await request(a.h, m.mentorId);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'requested', actions: ['withdraw'], mentorName: '王师傅' });
    const mine = (await callRoute(listMyMentorshipsRoute, { headers: m.h })).json as { received: { id: string; actions: string[] }[]; mentorId: string };
    expect(mine.mentorId).toBe(m.mentorId);
    expect(mine.received.map((x) => x.actions)).toEqual([['accept', 'decline']]);
    const acc = await act(m.h, idOf(r), 'accept', { message: '欢迎', startDate: today(), months: 24 });
    expect(acc.status).toBe(200);
    expect(acc.json).toMatchObject({ status: 'accepted', startDate: today(), months: 24, responseMessage: '欢迎', actions: ['end'] });
    const sent = (await callRoute(listMyMentorshipsRoute, { headers: a.h })).json as { sent: { status: string }[] };
    expect(sent.sent.map((x) => x.status)).toEqual(['accepted']);
    expect(await events(m.mentorId)).toEqual(['claimed', 'mentorship_requested', 'mentorship_accepted']);
    // The apprentice is told (in-app), and the mentor was told of the request.
    const kinds = await db().select({ k: notifications.kind, u: notifications.userId }).from(notifications).where(sql`${notifications.kind} like 'mentorship.%'`);
    expect(kinds).toEqual(expect.arrayContaining([{ k: 'mentorship.requested', u: m.talent.id }, { k: 'mentorship.accepted', u: a.talent.id }]));
    // Audited like other decisions.
    const audited = await db().select({ a: auditLog.action }).from(auditLog).where(sql`${auditLog.action} like 'mentorship.%'`);
    expect(audited.map((x) => x.a).sort()).toEqual(['mentorship.accepted', 'mentorship.requested']);
    // The public page counts the portal apprentice and one place left.
    const page = (await callRoute(getMentorRoute, { params: { id: m.mentorId } })).json as { freePlaces: number; portalApprentices: number; credentials: { label: string; state: string }[] };
    expect(page).toMatchObject({ freePlaces: 1, portalApprentices: 1 });
    expect(page.credentials).toEqual([{ kind: 'honour', label: '省级工艺美术大师', level: null, year: 2012, state: 'claimed' }]);
  });

  it('refusals carry stable codes and write nothing: to oneself, not accepting, full, a second open request, wrong side, wrong state', async () => {
    const m = await linkedMentor(1);
    const self = await request(m.h, m.mentorId);
    expect([self.status, codeOf(self)]).toEqual([400, 'SELF_MENTORSHIP']);
    const a = await apprentice();
    const first = await request(a.h, m.mentorId);
    const again = await request(a.h, m.mentorId, '再次申请');
    expect([again.status, codeOf(again)]).toEqual([409, 'OPEN_REQUEST_EXISTS']);
    // The apprentice cannot accept their own request; the mentor cannot withdraw it.
    expect(codeOf(await act(a.h, idOf(first), 'accept', { months: 12 }))).toBe('NOT_ALLOWED');
    expect(codeOf(await act(m.h, idOf(first), 'withdraw'))).toBe('NOT_ALLOWED');
    // Declining needs a message (localized field error).
    const noMsg = await act(m.h, idOf(first), 'decline', {});
    expect(noMsg.status).toBe(400);
    expect((noMsg.json as { errors: Record<string, string[]> }).errors.message).toBeDefined();
    expect((await act(m.h, idOf(first), 'accept', { months: 12 })).status).toBe(200);
    // Now full: a new request is refused.
    const b = await apprentice();
    const full = await request(b.h, m.mentorId);
    expect([full.status, codeOf(full)]).toEqual([409, 'MENTOR_FULL']);
    // Accepting again is a transition error.
    expect(codeOf(await act(m.h, idOf(first), 'accept', { months: 12 }))).toBe('TRANSITION_NOT_ALLOWED');
    // A stranger talent is not a party: 403 and an audit row.
    const c = await apprentice();
    const denied = await act(c.h, idOf(first), 'end');
    expect(denied.status).toBe(403);
    // Bad input: months out of range, an unknown action.
    expect((await act(m.h, idOf(first), 'end', { months: 0 })).status).toBe(400);
    expect((await callRoute(actOnMentorshipRoute, { headers: m.h, params: { id: idOf(first), action: 'promote' }, body: {} })).status).toBe(400);
    const rows = await db().select({ s: mentorships.status }).from(mentorships);
    expect(rows.map((x) => x.s)).toEqual(['accepted']);
    // A mentor who takes no apprentices.
    const closed = await linkedMentor(1);
    await callRoute(saveMyMentorRoute, { headers: closed.h, body: { displayName: '李师傅', district: '珠山区', acceptsApprentices: false, maxApprentices: 0 } });
    expect(codeOf(await request(b.h, closed.mentorId))).toBe('MENTOR_NOT_ACCEPTING');
    // English problem titles.
    const en = await callRoute(requestMentorshipRoute, { headers: { ...a.h, 'accept-language': 'en' }, body: { mentorId: m.mentorId, message: 'again please' } });
    expect((en.json as { title: string }).title).toMatch(/already asked|no free/i);
  });

  it('one free place, two simultaneous acceptances: exactly one wins, the other is MENTOR_FULL', async () => {
    const m = await linkedMentor(1);
    const a = await apprentice();
    const b = await apprentice();
    const ra = idOf(await request(a.h, m.mentorId));
    const rb = idOf(await request(b.h, m.mentorId));
    const results = await Promise.all([act(m.h, ra, 'accept', { months: 12 }), act(m.h, rb, 'accept', { months: 12 })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.map((r) => (r.status === 409 ? codeOf(r) : 'ok')).sort()).toEqual(['MENTOR_FULL', 'ok']);
    const [{ n }] = (await db().select({ n: sql<number>`count(*)::int` }).from(mentorships).where(eq(mentorships.status, 'accepted'))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('withdraw and end close the request; a new request is possible afterwards', async () => {
    const m = await linkedMentor(2);
    const a = await apprentice();
    const r1 = idOf(await request(a.h, m.mentorId));
    expect((await act(a.h, r1, 'withdraw')).json).toMatchObject({ status: 'withdrawn', actions: [] });
    const r2 = idOf(await request(a.h, m.mentorId));
    await act(m.h, r2, 'accept', { months: 12 });
    expect((await act(a.h, r2, 'end', { message: '学成' })).json).toMatchObject({ status: 'ended' });
    expect((await request(a.h, m.mentorId)).status).toBe(201);
  });
});

describe('mentor pages', () => {
  it('staff record an unlinked mentor (recorded credentials), edit it and answer requests for the master; talents cannot', async () => {
    const staff = await makeUser(db(), 'zone_staff');
    const sh = await session(staff);
    const created = await callRoute(createMentorRoute, { headers: sh, body: { displayName: '陈大师', district: '昌江区', crafts: ['famille_rose'], acceptsApprentices: true, maxApprentices: 2, credentials: [{ kind: 'honour', label: '省级陶瓷艺术大师', year: 2015 }], works: [{ title: '粉彩花鸟瓶' }], demo: true } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ linked: false, demo: true, crafts: ['famille_rose'], credentials: [{ label: '省级陶瓷艺术大师', state: 'recorded' }], works: [{ title: '粉彩花鸟瓶', id: null }] });
    const id = idOf(created);
    expect((await callRoute(updateMentorRoute, { headers: sh, params: { id }, body: { bio: '粉彩四十年' } })).json).toMatchObject({ bio: '粉彩四十年' });
    // accepting without places is refused with a field error.
    expect((await callRoute(updateMentorRoute, { headers: sh, params: { id }, body: { maxApprentices: 0 } })).status).toBe(400);
    const a = await apprentice();
    const r = idOf(await request(a.h, id));
    expect((await act(sh, r, 'accept', { months: 12 })).json).toMatchObject({ status: 'accepted' });
    // A talent cannot create an unlinked mentor.
    expect((await callRoute(createMentorRoute, { headers: a.h, body: { displayName: 'x', district: '珠山区', crafts: ['famille_rose'], acceptsApprentices: false, maxApprentices: 0 } })).status).toBe(403);
    // Staff cannot edit a linked mentor.
    const m = await linkedMentor(1);
    expect(codeOf(await callRoute(updateMentorRoute, { headers: sh, params: { id: m.mentorId }, body: { bio: 'x' } }))).toBe('NOT_ALLOWED');
  });

  it('a linked mentor is public only while the talent opts in to public display; filters work', async () => {
    const m = await linkedMentor(1);
    const hidden = await linkedMentor(1, { showcaseEnabled: false, crafts: ['famille_rose'] });
    const list = (q: Record<string, string> = {}) => callRoute(listMentorsRoute, { query: q }).then((r) => (r.json as { items: { id: string }[]; total: number }).items.map((i) => i.id));
    expect(await list()).toEqual([m.mentorId]);
    expect((await callRoute(getMentorRoute, { params: { id: hidden.mentorId } })).status).toBe(404);
    // Its talent sees it, marked as not published.
    expect((await callRoute(getMentorRoute, { params: { id: hidden.mentorId }, headers: hidden.h })).json).toMatchObject({ published: false, mine: true });
    expect(await list({ craft: 'qinghua_fill' })).toEqual([m.mentorId]);
    expect(await list({ craft: 'famille_rose' })).toEqual([]);
    expect(await list({ district: '昌江区' })).toEqual([]);
    expect(await list({ accepting: '1' })).toEqual([m.mentorId]);
    const a = await apprentice();
    await act(m.h, idOf(await request(a.h, m.mentorId)), 'accept', { months: 12 });
    expect(await list({ accepting: '1' })).toEqual([]);
    expect(await list({ accepting: '0' })).toEqual([m.mentorId]);
    // Bad queries: 400 with a code.
    for (const q of [{ pageSize: '1000' }, { craft: 'nope' }, { accepting: 'maybe' }, { district: '火星' }] as Record<string, string>[]) {
      const r = await callRoute(listMentorsRoute, { query: q });
      expect([r.status, codeOf(r)]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // The talent turns public display off: their mentor changed too (search re-indexes it away), and it leaves the list.
    expect((await callRoute(patchMyProfileRoute, { headers: m.h, body: { showcase_enabled: false } })).status).toBe(200);
    await drainJobs(db());
    expect(await events(m.mentorId)).toContain('talent_changed');
    expect(await list()).toEqual([]);
    await callRoute(patchMyProfileRoute, { headers: m.h, body: { showcase_enabled: true } });
    // No phone, ID or birth date ever appears in a mentor document.
    const text = (await callRoute(getMentorRoute, { params: { id: m.mentorId } })).text;
    expect(text).not.toMatch(/birth|phone|id_number|idNumber|1\d{10}/);
  });
});

describe('JP-055: portal apprentices in the profile policy evaluation reads', () => {
  const jp055 = async (talentId: string) => {
    const loaded = (await loadMatchingProfile(db(), talentId))!;
    const cat = await loadCatalogue(db());
    return { profile: loaded.profile, result: evaluateAll(loaded.profile, cat.policies, cat.groups, today()).find((r) => r.policyCode === 'JP-055')! };
  };

  it('accepting the second apprentice makes the mentor ELIGIBLE, notified exactly once; a profile PUT cannot erase them', async () => {
    const m = await linkedMentor(3);
    // Self-declared: one apprentice aged 40 (does not count for JP-055) — it stays beside the portal ones.
    await db().update(talentProfiles).set({ apprentices: [{ age: 40, agreement_months: 24 }] }).where(eq(talentProfiles.userId, m.talent.id));
    expect((await jp055(m.talent.id)).result.status).toBe('NEAR_MISS');
    const a = await apprentice(25);
    const b = await apprentice(30);
    await act(m.h, idOf(await request(a.h, m.mentorId)), 'accept', { months: 24, startDate: today() });
    await drainJobs(db());
    expect((await jp055(m.talent.id)).result.status).not.toBe('ELIGIBLE');
    await act(m.h, idOf(await request(b.h, m.mentorId)), 'accept', { months: 12, startDate: today() });
    // The acceptance recorded talent.profile_changed for the mentor in its transaction.
    const changedRows = await db().select({ p: domainEvents.payload }).from(domainEvents).where(and(eq(domainEvents.type, 'talent.profile_changed'), eq(domainEvents.aggregateId, m.talent.id)));
    expect(changedRows.map((r) => r.p)).toContainEqual({ talentId: m.talent.id, fields: ['apprentices'] });
    const { profile, result } = await jp055(m.talent.id);
    // Same start date: the two portal apprentices come in mentorship-id order (random here), before the self-declared one.
    expect(profile.apprentices!.slice(0, 2).sort((x, y) => x.age! - y.age!).concat(profile.apprentices!.slice(2))).toEqual([
      { age: 25, agreement_months: 24 },
      { age: 30, agreement_months: 12 },
      { age: 40, agreement_months: 24 },
    ]);
    expect(result.status).toBe('ELIGIBLE');
    expect(result.amountEstimate).toBe(6000);
    await drainJobs(db());
    await drainJobs(db());
    const pushed = await db().select({ k: notifications.dedupeKey }).from(notifications).where(and(eq(notifications.userId, m.talent.id), eq(notifications.kind, 'policy.eligible'), sql`${notifications.dedupeKey} like 'eligible:JP-055:%'`));
    expect(pushed).toHaveLength(1);
    // A profile PUT with no apprentices at all: the portal-recorded ones remain, and JP-055 still holds.
    const put = await callRoute(putMyProfileRoute, { headers: m.h, body: { nationality: 'CN', honours: [{ type: '省级工艺美术大师', year: 2012 }], apprentices: [] } });
    expect(put.status).toBe(200);
    const after = await jp055(m.talent.id);
    expect([...after.profile.apprentices!].sort((x, y) => x.age! - y.age!)).toEqual([
      { age: 25, agreement_months: 24 },
      { age: 30, agreement_months: 12 },
    ]);
    expect(after.result.status).toBe('ELIGIBLE');
    // Ending one mentorship takes it out again (and re-evaluation is triggered the same way).
    const sent = (await callRoute(listMyMentorshipsRoute, { headers: b.h })).json as { sent: { id: string }[] };
    await act(m.h, sent.sent[0]!.id, 'end');
    expect((await jp055(m.talent.id)).result.status).not.toBe('ELIGIBLE');
    const mentorRow = await db().select({ id: mentors.id }).from(mentors).where(eq(mentors.talentId, m.talent.id));
    expect(mentorRow).toHaveLength(1);
  });

  it('a self-declared apprentice who is also portal-recorded counts once', async () => {
    const m = await linkedMentor(3);
    await db().update(talentProfiles).set({ apprentices: [{ age: 25, agreement_months: 24 }] }).where(eq(talentProfiles.userId, m.talent.id));
    const a = await apprentice(25);
    await act(m.h, idOf(await request(a.h, m.mentorId)), 'accept', { months: 24 });
    const { profile, result } = await jp055(m.talent.id);
    expect(profile.apprentices).toEqual([{ age: 25, agreement_months: 24 }]);
    // 我的徒弟 shows the one counted apprentice as portal-recorded and verified.
    const actor = { id: m.talent.id, role: 'talent' as const, displayName: 'x', zoneCode: null, orgId: null, orgPath: null, sessionId: 's' };
    expect((await myApprentices(actor)).map((x) => [x.source, x.verified, x.age])).toEqual([['portal', true, 25]]);
    await db().update(talentProfiles).set({ apprentices: [{ age: 25, agreement_months: 24 }, { age: 50, agreement_months: 6 }] }).where(eq(talentProfiles.userId, m.talent.id));
    expect((await myApprentices(actor)).map((x) => [x.source, x.verified, x.age])).toEqual([
      ['portal', true, 25],
      ['self', false, 50],
    ]);
    expect(result.status).not.toBe('ELIGIBLE');
  });
});
