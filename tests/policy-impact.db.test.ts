import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, mentors, mentorships, policyImpactRows, policyImpactSnapshots, policyVersions, talentMatchFacts, talentProfiles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { resolveSession } from '@/lib/auth/sessions';
import { refreshMatchFactsJob } from '@/lib/policies/match-facts';
import { setConsent } from '@/lib/talent/service';
import { enqueue } from '@/lib/jobs/queue';
import { createPolicyRoute, deleteDraftRoute, saveDraftRoute } from '@/lib/policies/api';
import { impactAction } from '@/lib/policies/impact-actions';
import { policyImpactRoute } from '@/lib/policies/impact-api';
import { computeImpact, computeImpactSnapshot, impactSnapshotJob, keptShare, type ImpactResponse } from '@/lib/policies/impact';
import { loadCatalogue, versionToRow } from '@/lib/policies/store';
import { draftCatalogue, inForceOnly, sharedPairCatalogue } from '@/lib/policies/impact-core';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { evaluatePolicy } from '@/lib/policy-matching/evaluate';
import { allOf, anyOf, dependencyClosure, leaf, versionInForce, type PolicyVersion } from '@/lib/policy-matching/model';
import { loadMatchingProfile } from '@/lib/talent/queries';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from './helpers/factories';
import { callAction, callRoute } from './helpers/http';
import { seedSimplePolicy, simpleMeta, simpleVersion } from './helpers/policies';
import { seedRandom } from './helpers/random-profiles';
import { drainJobs } from './helpers/jobs';

/**
 * 政策沙盘 (impact preview): JP-901 in force = Chinese nationals, 1,000 once. Drafts that tighten (and a degree, 2,000)
 * or loosen (Chinese nationals or a degree) move known talents between statuses; the other zone never appears; the
 * prefiltered pass agrees with evaluating everyone; talents are refused; nothing but one audit row is written.
 */

const t = setupTestDb();
const EVAL = '2026-06-01';
const DEGREE = ['本科', '硕士', '博士'];

const tighten = (): PolicyVersion =>
  simpleVersion({
    version: '2.0.0',
    effective_from: '2027-01-01',
    criteria: allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' }), leaf('education', 'in', DEGREE, { id: 'c_degree', remediable: false })),
    benefit: { kind: 'cash_once', amount: 2000, currency: 'CNY', period: 'once', text_zh: '一次性补贴 2000 元' },
    test_cases: [],
  });
const loosen = (): PolicyVersion =>
  simpleVersion({
    version: '2.0.0',
    effective_from: '2027-01-01',
    criteria: anyOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' }), leaf('education', 'in', DEGREE, { id: 'c_degree', remediable: false })),
    test_cases: [],
  });

async function world() {
  await seedSimplePolicy(t.db(), 'JP-901');
  const degree = await makeTalent(t.db(), { zone: 'jkq', profile: { legalName: '甲本科', nationality: 'CN', education: '本科' } });
  const school = await makeTalent(t.db(), { zone: 'jkq', profile: { legalName: '乙高中', nationality: 'CN', education: '高中' } });
  const unknown = await makeTalent(t.db(), { zone: 'jkq', profile: { legalName: '丙未填', nationality: 'CN', education: null } });
  const foreign = await makeTalent(t.db(), { zone: 'jkq', profile: { legalName: '丁外籍', artistName: 'Ding', nationality: 'JP', education: '硕士' } });
  const elsewhere = await makeTalent(t.db(), { zone: 'zsq', profile: { legalName: '戊他区', nationality: 'JP', education: '博士' } });
  const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
  return { degree, school, unknown, foreign, elsewhere, staff, token: await tokenFor(t.db(), staff) };
}

const post = (token: string, body: unknown, code = 'JP-901') => callRoute(policyImpactRoute, { params: { code }, body, headers: bearer(token) });

describe('impact preview: a draft that tightens the criteria', () => {
  it('counts, transitions, who loses eligibility, and the cost — zone only', async () => {
    const w = await world();
    const res = await post(w.token, { version: tighten(), evalDate: EVAL });
    expect(res.status).toBe(200);
    const r = res.json as ImpactResponse;
    expect(r.inForceVersion).toBe('1.0.0');
    expect(r.draftVersion).toBe('2.0.0');
    expect(r.isNew).toBe(false);
    expect(r.zone).toBe('jkq');
    expect(r.total).toBe(4);
    expect(r.before.ELIGIBLE).toBe(3);
    expect(r.before.INELIGIBLE).toBe(1);
    expect(r.after.ELIGIBLE).toBe(1);
    expect(r.after.NEEDS_INFO).toBe(1);
    expect(r.after.INELIGIBLE).toBe(2);
    expect(r.delta.ELIGIBLE).toBe(-2);
    expect(r.delta.INELIGIBLE).toBe(1);
    expect(r.gained).toBe(0);
    expect(r.lost).toBe(2);
    expect(r.changed).toBe(2);
    expect(r.transitions).toEqual([
      { from: 'ELIGIBLE', to: 'ELIGIBLE', count: 1 },
      { from: 'ELIGIBLE', to: 'NEEDS_INFO', count: 1 },
      { from: 'ELIGIBLE', to: 'INELIGIBLE', count: 1 },
      { from: 'INELIGIBLE', to: 'INELIGIBLE', count: 1 },
    ]);
    const lost = Object.fromEntries(r.samples.lost.map((s) => [s.talentId, s]));
    expect(Object.keys(lost).sort()).toEqual([w.school.id, w.unknown.id].sort());
    expect(lost[w.school.id]).toMatchObject({ name: '乙高中', from: 'ELIGIBLE', to: 'INELIGIBLE', amountBefore: 1000 });
    expect(lost[w.unknown.id]).toMatchObject({ to: 'NEEDS_INFO' });
    expect(r.samples.gained).toEqual([]);
    expect(r.cost.before).toEqual({ kind: 'money', eligible: 3, withAmount: 3, unknownAmount: 0, total: 3000 });
    expect(r.cost.after).toEqual({ kind: 'money', eligible: 1, withAmount: 1, unknownAmount: 0, total: 2000 });
    expect(r.cost.delta).toBe(-1000);
    // The other zone's talent never appears, in counts or lists.
    expect(JSON.stringify(r)).not.toContain(w.elsewhere.id);
    expect(JSON.stringify(r)).not.toContain('戊他区');
  });

  it('a saved draft by its number gives the same answer, through the server action too', async () => {
    const w = await world();
    await t.db().insert(policyVersions).values({ ...versionToRow('JP-901', tighten()), status: 'draft' });
    const byDoc = (await post(w.token, { version: tighten(), evalDate: EVAL })).json as ImpactResponse;
    const byNo = await post(w.token, { versionNo: '2.0.0', evalDate: EVAL });
    expect(byNo.status).toBe(200);
    const { stats: _a, ...a } = byDoc;
    const { stats: _b, ...b } = byNo.json as ImpactResponse;
    expect(b).toEqual(a);
    const action = await callAction(impactAction, { code: 'JP-901', versionNo: '2.0.0', evalDate: EVAL, sampleSize: 20 }, bearer(w.token));
    expect(action.ok).toBe(true);
    if (action.ok) expect((action.data as ImpactResponse).lost).toBe(2);
  });
});

describe('impact preview: a draft that loosens the criteria', () => {
  it('the foreign graduate becomes eligible; staff of the other zone see only theirs', async () => {
    const w = await world();
    const r = (await post(w.token, { version: loosen(), evalDate: EVAL })).json as ImpactResponse;
    expect(r.gained).toBe(1);
    expect(r.lost).toBe(0);
    expect(r.samples.gained).toEqual([{ talentId: w.foreign.id, name: 'Ding', from: 'INELIGIBLE', to: 'ELIGIBLE', amountBefore: null, amountAfter: 1000 }]);
    expect(r.after.ELIGIBLE).toBe(4);
    expect(r.cost.after.total - r.cost.before.total).toBe(1000);

    const other = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' }));
    const z = (await post(other, { version: loosen(), evalDate: EVAL })).json as ImpactResponse;
    expect(z.zone).toBe('zsq');
    expect(z.total).toBe(1);
    expect(z.samples.gained.map((s) => s.talentId)).toEqual([w.elsewhere.id]);
  });

  it('the prefiltered pass agrees with evaluating every talent, with samples capped', async () => {
    await world();
    const cat = await loadCatalogue(t.db());
    for (const draft of [tighten(), loosen()]) {
      const args = { catalogue: cat.policies, groups: cat.groups, code: 'JP-901', draft, evalDate: EVAL, zoneCode: 'jkq', sampleSize: 1 };
      const fast = await computeImpact(t.db(), args);
      const all = await computeImpact(t.db(), { ...args, usePrefilter: false });
      const { stats: s1, ...a } = fast;
      const { stats: s2, ...b } = all;
      expect(a).toEqual(b);
      expect(s2.evaluated).toBe(4);
      expect(s1.scanned).toBe(4);
      expect(a.samples.lost.length + a.samples.gained.length).toBeLessThanOrEqual(2);
    }
    // Tightening: only rows either side could keep are evaluated (the foreigner is out on both sides).
    const fast = await computeImpact(t.db(), { catalogue: cat.policies, groups: cat.groups, code: 'JP-901', draft: tighten(), evalDate: EVAL, zoneCode: 'jkq', sampleSize: 5 });
    expect(fast.stats.evaluated).toBe(3);
    expect(fast.stats.filtered).toBe(true);
    // Loosening keeps all four: filtering would save nothing, so the projection is read plainly (same answer above).
    const broad = await computeImpact(t.db(), { catalogue: cat.policies, groups: cat.groups, code: 'JP-901', draft: loosen(), evalDate: EVAL, zoneCode: 'jkq', sampleSize: 5 });
    expect(broad.stats).toMatchObject({ prefilter: true, filtered: false, evaluated: 4, scanned: 4 });
  });
});

describe('impact preview: a policy with nothing in force', () => {
  it('every talent counts as new: NOT_IN_FORCE before', async () => {
    const w = await world();
    // JP-902 exists only as a draft.
    const created = await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-902'), version: simpleVersion({ effective_from: '2027-01-01' }) }, headers: bearer(w.token) });
    expect(created.status).toBe(201);
    const r = (await post(w.token, { versionNo: '1.0.0', evalDate: EVAL }, 'JP-902')).json as ImpactResponse;
    expect(r.isNew).toBe(true);
    expect(r.inForceVersion).toBeNull();
    expect(r.before.NOT_IN_FORCE).toBe(4);
    expect(r.after.ELIGIBLE).toBe(3);
    expect(r.gained).toBe(3);
    expect(r.cost.before.total).toBe(0);
    expect(r.cost.after.total).toBe(3000);
  });
});

describe('impact preview: cost kinds', () => {
  it('a loan ceiling is reported as finance, not money; a benefit without amount counts as unknown', async () => {
    const w = await world();
    const loan = (await post(w.token, { version: { ...tighten(), benefit: { kind: 'loan', amount: 300000, text_zh: '贷款额度 ≤ 30 万元' } }, evalDate: EVAL })).json as ImpactResponse;
    expect(loan.cost.before.kind).toBe('money');
    expect(loan.cost.after).toMatchObject({ kind: 'finance', eligible: 1, total: 300000 });
    const service = (await post(w.token, { version: { ...tighten(), benefit: { kind: 'service', text_zh: '免费创业辅导' } }, evalDate: EVAL })).json as ImpactResponse;
    expect(service.cost.after).toMatchObject({ kind: 'non_cash', eligible: 1, withAmount: 0, unknownAmount: 1, total: 0 });
  });
});

describe('impact preview: refusals', () => {
  it('a talent gets 403, anonymous 401; neither or both of version / versionNo, an invalid draft and an unknown code are 4xx; nothing changes but the audit', async () => {
    const w = await world();
    const talentToken = await tokenFor(t.db(), w.degree);
    expect((await post(talentToken, { version: tighten() })).status).toBe(403);
    expect((await callRoute(policyImpactRoute, { params: { code: 'JP-901' }, body: { version: tighten() } })).status).toBe(401);
    const neither = await post(w.token, { evalDate: EVAL });
    expect(neither.status).toBe(400);
    expect(JSON.stringify(neither.json)).toContain('version');
    expect((await post(w.token, { version: tighten(), versionNo: '2.0.0' })).status).toBe(400);
    const bad = await post(w.token, { version: { ...tighten(), criteria: allOf(leaf('nationality', 'eq', 42 as never)) } });
    expect(bad.status).toBe(400);
    expect((await post(w.token, { versionNo: '7.0.0' })).status).toBe(404);
    expect((await post(w.token, { version: tighten() }, 'JP-999')).status).toBe(404);
    const versions = await t.db().select({ n: sql<number>`count(*)::int` }).from(policyVersions).where(eq(policyVersions.policyCode, 'JP-901'));
    expect(versions[0]!.n).toBe(1);
    expect(await t.db().select().from(auditLog).where(and(eq(auditLog.action, 'policy.impact'), eq(auditLog.result, 'ok')))).toHaveLength(0);
    await post(w.token, { version: tighten(), evalDate: EVAL });
    const rows = await t.db().select().from(auditLog).where(eq(auditLog.action, 'policy.impact'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(w.staff.id);
  });
});


describe('impact preview: the fast path agrees with evaluating everyone, policy by policy', () => {
  it('every core policy, a loosened and a tightened draft, random talents around the thresholds: the same summary with and without prefilter, tier hints and shared dependencies', async () => {
    const evalDate = '2026-06-01';
    await seedRandom(t.db(), 260, 20260601, evalDate);
    let shared = 0;
    let unshared = 0;
    for (const p of CORE_POLICIES) {
      const current = versionInForce(p, evalDate);
      if (!current) continue;
      const drafts: PolicyVersion[] = [
        { ...current, version: '99.0.0', criteria: anyOf(current.criteria, leaf('education', 'eq', '博士', { id: 't_phd', remediable: false })) },
        { ...current, version: '99.0.1', criteria: allOf(current.criteria, leaf('nationality', 'eq', 'CN', { id: 't_cn', remediable: false })) },
      ];
      for (const draft of drafts) {
        const args = { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, code: p.code, draft, evalDate, zoneCode: null, sampleSize: 50, batchSize: 41 };
        const { stats: _f, ...fast } = await computeImpact(t.db(), args);
        const { stats: _a, ...all } = await computeImpact(t.db(), { ...args, usePrefilter: false });
        expect(fast, `${p.code} ${draft.version}`).toEqual(all);
        // Counted in the database from a snapshot of the same draft (ADR 021): the same summary.
        const snap = await computeImpactSnapshot(t.db(), { ...args, meta: p, factsKey: 'agree', version: draft.version, insertBatch: 97 });
        const { stats, ...fromSnapshot } = await computeImpact(t.db(), { ...args, snapshotId: snap.id! });
        expect(fromSnapshot, `${p.code} ${draft.version} snapshot`).toEqual(all);
        expect([stats.fromSnapshot, stats.evaluated]).toEqual([all.total, 0]);
      }
      const drafted = draftCatalogue(CORE_POLICIES, p.code, current, evalDate);
      const inForce = inForceOnly(dependencyClosure(p.code, CORE_POLICIES, CORE_EXCLUSION_GROUPS), evalDate);
      if (sharedPairCatalogue(p.code, inForce, inForceOnly(dependencyClosure(p.code, drafted, CORE_EXCLUSION_GROUPS), evalDate), CORE_EXCLUSION_GROUPS)) shared++;
      else unshared++;
    }
    // The keep-share sample: every row of a small table; whole pages of a larger one (here forced: ~60 rows of 260).
    await t.db().execute(sql`analyze talent_profiles`);
    const cn = sql`${talentProfiles.nationality} = 'CN'`;
    const [exact] = await t.db().select({ n: sql<number>`count(*)::int`, kept: sql<number>`(count(*) filter (where ${cn}))::int` }).from(talentProfiles);
    expect(await keptShare(t.db(), sql`true`, cn)).toBeCloseTo(exact!.kept / exact!.n, 10);
    const sampled = await keptShare(t.db(), sql`true`, cn, 60);
    expect(sampled).toBeGreaterThan(0);
    expect(sampled).toBeLessThan(1);
    expect(await keptShare(t.db(), sql`false`, cn)).toBe(0);
    // Both paths are exercised: most policies share their dependencies, the tier policies (their group reads them) do not.
    expect(shared).toBeGreaterThan(10);
    expect(unshared).toBeGreaterThan(0);
  });

  it('portal apprentices are counted on the evaluation date, as policy → people counts them', async () => {
    // JP-901 here: at least one apprentice aged 35 or under with an agreement of 12 months or more.
    await seedSimplePolicy(t.db(), 'JP-901', { criteria: allOf(leaf('apprentices', 'count_gte', 1, { id: 'c_app', filter: { age_lte: 35, agreement_months_gte: 12 }, remediable: false })), test_cases: [] });
    const master = await makeTalent(t.db(), { zone: 'jkq', profile: { legalName: '师傅', apprentices: [] } });
    const apprentice = await makeTalent(t.db(), { zone: 'zsq', profile: { legalName: '徒弟', birthDate: '2000-01-01' } });
    const [m] = await t.db().insert(mentors).values({ displayName: '师傅', district: '珠山区', talentId: master.id }).returning({ id: mentors.id });
    await t.db().insert(mentorships).values({ mentorId: m!.id, talentId: apprentice.id, requestMessage: '拜师', status: 'accepted', startDate: '2026-01-01', months: 12 });
    const cat = await loadCatalogue(t.db());
    const draft = simpleVersion({ version: '2.0.0', criteria: allOf(leaf('apprentices', 'count_gte', 1, { id: 'c_app', filter: { age_lte: 35, agreement_months_gte: 12 }, remediable: false })), test_cases: [] });
    // Before the agreement starts the master has no apprentice on record; while it runs, one.
    for (const [evalDate, status] of [['2025-06-01', 'INELIGIBLE'], ['2026-06-01', 'ELIGIBLE']] as const) {
      const args = { catalogue: cat.policies, groups: cat.groups, code: 'JP-901', draft, evalDate, zoneCode: 'jkq', sampleSize: 5 };
      for (const usePrefilter of [true, false]) {
        const r = await computeImpact(t.db(), { ...args, usePrefilter });
        expect(r.before[status], `${evalDate} prefilter ${usePrefilter} ${JSON.stringify(r.before)}`).toBe(1);
        expect(r.after[status]).toBe(1);
      }
      const loaded = await loadMatchingProfile(t.db(), master.id, evalDate);
      expect(evaluatePolicy(loaded!.profile, cat.policies, cat.groups, evalDate, 'JP-901').status).toBe(status);
    }
  });
});

describe('impact preview from snapshots (ADR 021)', () => {
  const strip = (r: ImpactResponse) => {
    const { stats: _s, ...rest } = r;
    return rest;
  };

  it('a saved draft gets its snapshot in the background; the preview counts from it, equal to the live answer, and evaluates live only whom it does not cover', async () => {
    const w = await world();
    const save = await callRoute(saveDraftRoute, { params: { code: 'JP-901', version: '2.0.0' }, body: { version: tighten() }, headers: bearer(w.token) });
    expect(save.status).toBe(200);
    // Before the job: live, and asking queues nothing twice.
    const first = (await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse;
    expect(first.stats.fromSnapshot).toBe(0);
    await drainJobs(t.db());
    const [snap] = await t.db().select().from(policyImpactSnapshots);
    expect(snap).toMatchObject({ policyCode: 'JP-901', version: '2.0.0', talents: 5 });

    const fast = (await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse;
    expect([fast.stats.fromSnapshot, fast.stats.evaluated]).toEqual([4, 0]);
    expect(strip(fast)).toEqual(strip(first));
    expect(fast.lost).toBe(2);
    // The same document sent unsaved is the same question.
    expect(((await post(w.token, { version: tighten() })).json as ImpactResponse).stats.fromSnapshot).toBe(4);

    // A talent changes: their row no longer answers, they are evaluated live, and the answer follows them at once.
    await t.db().update(talentProfiles).set({ education: '本科' }).where(eq(talentProfiles.userId, w.school.id));
    const changed = (await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse;
    expect(changed.stats.fromSnapshot).toBe(3);
    expect(changed.lost).toBe(1);
    const cat = await loadCatalogue(t.db());
    const live = await computeImpact(t.db(), { catalogue: cat.policies, groups: cat.groups, code: 'JP-901', draft: tighten(), evalDate: changed.evalDate, zoneCode: 'jkq', sampleSize: 20 });
    const { stats: _l, ...liveSummary } = live;
    expect(changed).toMatchObject(liveSummary);

    // Another evaluation date, or another catalogue: the snapshot answers nothing.
    expect(((await post(w.token, { versionNo: '2.0.0', evalDate: '2026-06-01' })).json as ImpactResponse).stats.fromSnapshot).toBe(0);
    await t.db().update(policyVersions).set({ effectiveTo: '2026-12-31' }).where(and(eq(policyVersions.policyCode, 'JP-901'), eq(policyVersions.version, '1.0.0')));
    expect(((await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse).stats.fromSnapshot).toBe(0);
    // …until the job runs again (here asked by that preview); the old snapshot goes.
    await drainJobs(t.db());
    const again = (await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse;
    expect(again.stats.fromSnapshot).toBe(4);
    expect(await t.db().$count(policyImpactSnapshots)).toBe(1);

    // The draft is discarded: the nightly run removes its snapshot and rows.
    expect((await callRoute(deleteDraftRoute, { params: { code: 'JP-901', version: '2.0.0' }, headers: bearer(w.token) })).status).toBe(200);
    await enqueue(t.db(), impactSnapshotJob, {});
    await drainJobs(t.db());
    expect(await t.db().$count(policyImpactSnapshots)).toBe(0);
    expect(await t.db().$count(policyImpactRows)).toBe(0);
  });

  it('withdrawing the profile consent removes what was derived for matching: snapshot rows and match facts; granting it back derives again', async () => {
    const w = await world();
    expect((await callRoute(saveDraftRoute, { params: { code: 'JP-901', version: '2.0.0' }, body: { version: tighten() }, headers: bearer(w.token) })).status).toBe(200);
    await enqueue(t.db(), refreshMatchFactsJob, {});
    await drainJobs(t.db());
    const derived = async (userId: string) => [
      await t.db().$count(policyImpactRows, eq(policyImpactRows.userId, userId)),
      await t.db().$count(talentMatchFacts, eq(talentMatchFacts.userId, userId)),
    ];
    expect(await derived(w.school.id)).toEqual([1, 1]);
    expect(await derived(w.degree.id)).toEqual([1, 1]);

    const school = (await resolveSession(t.db(), await tokenFor(t.db(), w.school))) as { actor: Actor };
    await setConsent(school.actor, 'profile', false, '127.0.0.1');
    await drainJobs(t.db());
    expect(await derived(w.school.id)).toEqual([0, 0]);
    expect(await derived(w.degree.id)).toEqual([1, 1]);
    // The nightly refresh derives nothing for them while the consent stays withdrawn; the preview never counted them.
    await enqueue(t.db(), refreshMatchFactsJob, {});
    await drainJobs(t.db());
    expect(await derived(w.school.id)).toEqual([0, 0]);
    expect(((await post(w.token, { versionNo: '2.0.0' })).json as ImpactResponse).total).toBe(3);

    await setConsent(school.actor, 'profile', true, '127.0.0.1');
    await drainJobs(t.db());
    expect((await derived(w.school.id))[1]).toBe(1);
  });

  it('a malformed job payload is refused', () => {
    expect(() => impactSnapshotJob.payload.parse({ code: 'x; drop' })).toThrow();
    expect(() => impactSnapshotJob.payload.parse({ version: '1' })).toThrow();
    expect(() => impactSnapshotJob.payload.parse({ other: 1 })).toThrow();
  });
});
