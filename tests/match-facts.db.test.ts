import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { and } from 'drizzle-orm';
import { mentors, mentorships, policies, policyVersions, talentMatchFacts, talentProfiles, users, works } from '@/db/schema';
import { consents } from '@/db/schema';
import { enqueue } from '@/lib/jobs/queue';
import { refreshMatchFacts, refreshMatchFactsJob } from '@/lib/policies/match-facts';
import { reverseMatch, type ReverseMatchArgs } from '@/lib/policies/reverse';
import { loadCatalogue } from '@/lib/policies/store';
import { todayIso } from '@/lib/policies/service';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { setupTestDb } from './helpers/db';
import { drainJobs } from './helpers/jobs';

/**
 * Precomputed match facts (issue 14 §6, ADR 018): matching_rev moves with every input of the projection, a fact is
 * used only for its own date, catalogue and revision, and the jobs keep them fresh. The agreement of the facts path
 * with evaluating everyone, on random profiles, is in reverse-match.db.test.ts.
 */

const { db } = setupTestDb();
const evalDate = '2026-06-01';

async function talent(email: string, values: Partial<typeof talentProfiles.$inferInsert> = {}) {
  const [u] = await db().insert(users).values({ email, displayName: email, role: 'talent', passwordHash: 'x' }).returning({ id: users.id });
  await db()
    .insert(talentProfiles)
    .values({ userId: u!.id, legalName: email, nationality: 'JP', birthDate: '1995-05-05', zoneCode: 'zsq', ...values });
  await db().insert(consents).values({ userId: u!.id, kind: 'profile', noticeVersion: 't', noticeHash: 't', grantedAt: new Date() });
  return u!.id;
}

const rev = async (id: string) => (await db().select({ r: talentProfiles.matchingRev }).from(talentProfiles).where(eq(talentProfiles.userId, id)))[0]!.r;

const args = (over: Partial<ReverseMatchArgs> = {}): ReverseMatchArgs => ({
  catalogue: CORE_POLICIES,
  groups: CORE_EXCLUSION_GROUPS,
  code: 'JP-003',
  evalDate,
  zoneCode: null,
  statuses: ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW'],
  factsKey: 'k1',
  ...over,
});

describe('matching_rev', () => {
  it('moves with the profile, the works, the mentor profile, accepted mentorships and an apprentice’s birth date', async () => {
    const master = await talent('rev-master@test.local');
    const apprentice = await talent('rev-apprentice@test.local');
    let r = await rev(master);

    await db().update(talentProfiles).set({ commitmentYears: 5 }).where(eq(talentProfiles.userId, master));
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);

    const [w] = await db().insert(works).values({ ownerId: master, title: '青花盘' }).returning({ id: works.id });
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);
    await db().delete(works).where(eq(works.id, w!.id));
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);

    const [m] = await db().insert(mentors).values({ displayName: '师傅', district: '珠山区', talentId: master }).returning({ id: mentors.id });
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);

    const [ms] = await db().insert(mentorships).values({ mentorId: m!.id, talentId: apprentice, requestMessage: '拜师' }).returning({ id: mentorships.id });
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);
    await db().update(mentorships).set({ status: 'accepted', startDate: '2026-01-01', months: 12 }).where(eq(mentorships.id, ms!.id));
    expect(await rev(master)).toBeGreaterThan(r);
    r = await rev(master);

    const apprenticeRev = await rev(apprentice);
    await db().update(talentProfiles).set({ birthDate: '2001-02-03' }).where(eq(talentProfiles.userId, apprentice));
    expect(await rev(master)).toBeGreaterThan(r);
    expect(await rev(apprentice)).toBeGreaterThan(apprenticeRev);
    r = await rev(master);
    // Another field of the apprentice is not read into the master's projection.
    await db().update(talentProfiles).set({ commitmentYears: 3 }).where(eq(talentProfiles.userId, apprentice));
    expect(await rev(master)).toBe(r);
  });
});

describe('facts', () => {
  it('are used only for their date, catalogue and revision; a changed talent is evaluated live and the result stays exact', async () => {
    const a = await talent('facts-a@test.local'); // a foreigner: ELIGIBLE for JP-003
    const b = await talent('facts-b@test.local', { nationality: 'CN' });
    const report = await refreshMatchFacts(db(), { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, evalDate, catalogueKey: 'k1' });
    expect(report.computed).toBe(2);
    // A second refresh finds nothing to do.
    expect((await refreshMatchFacts(db(), { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, evalDate, catalogueKey: 'k1' })).computed).toBe(0);

    const live = await reverseMatch(db(), args({ factsKey: undefined }));
    const viaFacts = await reverseMatch(db(), args());
    expect(viaFacts.mode).toBe('facts');
    expect(viaFacts.rows).toEqual(live.rows);
    expect(viaFacts.rows.map((x) => x.talentId)).toContain(a);
    // Only the page was evaluated live.
    expect(viaFacts.candidates).toBe(viaFacts.rows.length);

    // Facts of another date or catalogue answer nothing: everyone is evaluated live, with the same result.
    for (const other of [args({ factsKey: 'k2' }), args({ evalDate: '2026-06-02' })]) {
      const r = await reverseMatch(db(), other);
      const l = await reverseMatch(db(), { ...other, factsKey: undefined });
      expect(r.rows).toEqual(l.rows);
      expect(r.candidates).toBe(l.candidates); // the same talents evaluated live
    }

    // b becomes a foreigner: their stored fact (not a match) is out of date, and the reverse match sees them at once.
    await db().update(talentProfiles).set({ nationality: 'KR' }).where(eq(talentProfiles.userId, b));
    const after = await reverseMatch(db(), args({ statuses: ['ELIGIBLE'] }));
    expect(after.rows.map((x) => x.talentId).sort()).toEqual([a, b].sort());
    expect(after.counts.ELIGIBLE).toBe(2);

    // A tampered fact (a bug, not a state the system produces) never reaches a page: the live status wins.
    await refreshMatchFacts(db(), { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, evalDate, catalogueKey: 'k1' });
    await db().update(talentMatchFacts).set({ statuses: sql`jsonb_set(${talentMatchFacts.statuses}, '{JP-003}', '"N"')` }).where(eq(talentMatchFacts.userId, a));
    const tampered = await reverseMatch(db(), args());
    expect(tampered.rows).toEqual((await reverseMatch(db(), args({ factsKey: undefined }))).rows);
  });

  it('the job computes today’s facts against the catalogue in force, and a profile change refreshes that talent', async () => {
    const a = await talent('facts-job@test.local');
    await enqueue(db(), refreshMatchFactsJob, {});
    await drainJobs(db());
    const catalogue = await loadCatalogue(db());
    const [f] = await db().select().from(talentMatchFacts).where(eq(talentMatchFacts.userId, a));
    expect(f).toMatchObject({ evalDate: todayIso(), catalogueKey: catalogue.factsKey, inputsRev: await rev(a) });

    await db().update(talentProfiles).set({ nationality: 'CN' }).where(eq(talentProfiles.userId, a));
    await enqueue(db(), refreshMatchFactsJob, { userIds: [a] });
    await drainJobs(db());
    const [g] = await db().select().from(talentMatchFacts).where(eq(talentMatchFacts.userId, a));
    expect(g!.inputsRev).toBe(await rev(a));
  });

  it('a saved draft or an edited title leaves the facts answering; a new active version does not', async () => {
    // Found in issue 13: the facts were keyed by the catalogue's revision, which every draft save bumps, so one draft
    // sent policy → people back to the slow live path until the next night.
    for (const n of [1, 2, 3]) await talent(`facts-key-${n}@test.local`); // foreigners: ELIGIBLE for JP-003
    await enqueue(db(), refreshMatchFactsJob, {});
    await drainJobs(db());
    const inForce = await loadCatalogue(db());
    // From facts, only the page (one talent of three) is evaluated live.
    const onlyPage = async () => {
      const c = await loadCatalogue(db());
      const r = await reverseMatch(db(), { ...args({ evalDate: todayIso(), catalogue: c.policies, groups: c.groups, limit: 1 }), factsKey: c.factsKey });
      expect(r.counts.ELIGIBLE).toBe(3);
      return r.candidates === 1;
    };
    expect(await onlyPage()).toBe(true);

    const [active] = await db().select().from(policyVersions).where(and(eq(policyVersions.policyCode, 'JP-003'), eq(policyVersions.status, 'active'))).limit(1);
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = active!;
    await db().insert(policyVersions).values({ ...copy, version: '9.0.0', status: 'draft', publishedAt: null });
    await db().update(policies).set({ titleZh: '外籍人才来景补贴（新标题）' }).where(eq(policies.code, 'JP-003'));
    const edited = await loadCatalogue(db());
    expect(edited.revision).not.toBe(inForce.revision);
    expect(edited.factsKey).toBe(inForce.factsKey);
    expect(await onlyPage()).toBe(true);

    // What the evaluator reads changes: the facts no longer answer.
    await db().update(policyVersions).set({ effectiveTo: '2099-12-31' }).where(eq(policyVersions.id, active!.id));
    const published = await loadCatalogue(db());
    expect(published.factsKey).not.toBe(inForce.factsKey);
    expect(await onlyPage()).toBe(false);
  });

  it('refuses a malformed job payload', () => {
    expect(() => refreshMatchFactsJob.payload.parse({ userIds: ['not-a-uuid'] })).toThrow();
    expect(() => refreshMatchFactsJob.payload.parse({ other: 1 })).toThrow();
  });
});
