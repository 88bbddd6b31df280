import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, policyVersions } from '@/db/schema';
import { createPolicyRoute } from '@/lib/policies/api';
import { impactAction } from '@/lib/policies/impact-actions';
import { policyImpactRoute } from '@/lib/policies/impact-api';
import { computeImpact, type ImpactResponse } from '@/lib/policies/impact';
import { loadCatalogue, versionToRow } from '@/lib/policies/store';
import { allOf, anyOf, leaf, type PolicyVersion } from '@/lib/policy-matching/model';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from './helpers/factories';
import { callAction, callRoute } from './helpers/http';
import { seedSimplePolicy, simpleMeta, simpleVersion } from './helpers/policies';

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

