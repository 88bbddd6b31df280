import { describe, expect, it } from 'vitest';
import { CATALOGUE, EXCLUSION_GROUPS, JP_045 } from './catalogue';
import { evaluateAll } from './evaluate';
import { formatGoldenFailures, runGoldenCases, withVersion } from './golden';
import { AJIE, LIHUA, ZHAO } from './golden-profiles';
import { allOf, leaf, metadataIssues, validateCatalogue, validatePolicy, type GoldenCase, type PolicyVersion } from './model';
import { pol } from './test-helpers';

const jp033 = CATALOGUE.find((p) => p.code === 'JP-033')!;
const v2 = jp033.versions[1]!;

describe('runGoldenCases', () => {
  it('previews an unpublished draft: the draft replaces the policy versions for the run only', () => {
    const draft: PolicyVersion = {
      ...v2,
      version: '3.0.0',
      status: 'draft',
      supersedes: '2.0.0',
      effective_from: '2027-01-01',
      benefit: { ...v2.benefit, amount: 8000 },
      test_cases: [
        { name: 'v3 第一天', profile: { ...AJIE, graduation_date: '2025-06-30' }, eval_date: '2027-01-01', expect: 'ELIGIBLE', amount: 8000 },
        { name: '生效前', profile_ref: 'AJIE', eval_date: '2026-12-31', expect: 'NOT_IN_FORCE' },
        { name: '错误的期望', profile_ref: 'AJIE', eval_date: '2027-01-01', expect: 'ELIGIBLE', amount: 5000 },
      ],
    };
    const out = runGoldenCases('JP-033', draft, CATALOGUE, EXCLUSION_GROUPS);
    expect(out.map((r) => [r.name, r.actual, r.actualAmount, r.pass])).toEqual([
      ['v3 第一天', 'ELIGIBLE', 8000, true],
      ['生效前', 'NOT_IN_FORCE', null, true],
      ['错误的期望', 'INELIGIBLE', null, false],
    ]);
    expect(formatGoldenFailures('JP-033', '3.0.0', out)).toEqual(['JP-033@3.0.0 «错误的期望»: expected ELIGIBLE, got INELIGIBLE; amount expected 5000, got null']);
    // the catalogue itself is untouched, and a draft in the catalogue is never in force
    expect(jp033.versions).toHaveLength(2);
    const withDraft = CATALOGUE.map((p) => (p.code === 'JP-033' ? { ...p, versions: [...p.versions.map((v) => ({ ...v, effective_to: v.effective_to ?? '2026-12-31' })), draft] } : p));
    expect(validatePolicy(withDraft.find((p) => p.code === 'JP-033'))).toEqual([]);
    expect(evaluateAll({ ...AJIE, graduation_date: '2025-06-30' }, withDraft, EXCLUSION_GROUPS, '2027-01-01').find((r) => r.policyCode === 'JP-033')!.status).toBe('NOT_IN_FORCE');
  });
  it('amount undefined = not checked; amount null = expects no estimate', () => {
    const cases: GoldenCase[] = [
      { name: 'no amount check', profile_ref: 'AJIE', eval_date: '2026-06-01', expect: 'NEAR_MISS' },
      { name: 'null amount', profile_ref: 'AJIE', eval_date: '2026-06-01', expect: 'NEAR_MISS', amount: null },
    ];
    expect(runGoldenCases('JP-033', { ...v2, test_cases: cases }, CATALOGUE, EXCLUSION_GROUPS).map((r) => r.pass)).toEqual([true, false]);
  });
  it('a new policy code is appended as a stub; an unknown profile_ref throws', () => {
    const v: PolicyVersion = {
      version: '1.0.0',
      effective_from: '2026-01-01',
      criteria: allOf(leaf('sector', 'eq', '陶瓷')),
      benefit: { text_zh: '测试' },
      test_cases: [{ name: 'potter', profile: { sector: '陶瓷' }, eval_date: '2026-06-01', expect: 'ELIGIBLE' }],
    };
    expect(withVersion(CATALOGUE, 'JP-099', v).map((p) => p.code).at(-1)).toBe('JP-099');
    expect(runGoldenCases('JP-099', v, CATALOGUE, EXCLUSION_GROUPS)[0]).toMatchObject({ actual: 'ELIGIBLE', pass: true });
    expect(() => runGoldenCases('JP-099', { ...v, test_cases: [{ name: 'x', profile_ref: 'NOBODY', eval_date: '2026-06-01', expect: 'ELIGIBLE' }] }, CATALOGUE, EXCLUSION_GROUPS)).toThrow(/NOBODY/);
  });
});

describe('exclusion groups: scope and renews_on (X-ONCE)', () => {
  const r = (received: { policy_id: string; date: string }[], on = '2026-06-01') =>
    evaluateAll({ ...LIHUA, received }, CATALOGUE, EXCLUSION_GROUPS, on).find((x) => x.policyCode === 'JP-045')!;
  it('a JP-045 receipt on or after the current title date excludes; an earlier one (lower level) does not', () => {
    expect(r([{ policy_id: 'JP-045', date: '2025-12-15' }])).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-045'] });
    expect(r([{ policy_id: 'JP-045', date: '2025-12-14' }]).status).toBe('ELIGIBLE');
  });
  it('scope policy: receiving JP-033 does not exclude JP-045 (and vice versa)', () => {
    expect(r([{ policy_id: 'JP-033', date: '2026-01-01' }]).status).toBe('ELIGIBLE');
    const grad = evaluateAll({ ...AJIE, received: [{ policy_id: 'JP-045', date: '2026-05-01' }] }, CATALOGUE, EXCLUSION_GROUPS, '2026-07-10').find((x) => x.policyCode === 'JP-033')!;
    expect(grad.status).toBe('ELIGIBLE');
  });
  it('with the group-wide default scope, the same receipt would exclude (§6.3 rule 4 as written)', () => {
    const groups = EXCLUSION_GROUPS.map((g) => (g.id === 'X-ONCE' ? { ...g, scope: undefined, renews_on: undefined } : g));
    const res = evaluateAll({ ...LIHUA, received: [{ policy_id: 'JP-033', date: '2026-01-01' }] }, CATALOGUE, groups, '2026-06-01').find((x) => x.policyCode === 'JP-045')!;
    expect(res).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-033'] });
  });
  it('X-INTRO: a master who is also a provincial ICH inheritor chooses one', () => {
    const res = Object.fromEntries(evaluateAll(ZHAO, CATALOGUE, EXCLUSION_GROUPS, '2026-06-01').map((x) => [x.policyCode, x]));
    expect(res['JP-053']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true, amountEstimate: 600_000 });
    expect(res['JP-054']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true, amountEstimate: 200_000 });
  });
});

describe('model: new §6.1 fields', () => {
  it('golden cases need exactly one of profile_ref / profile', () => {
    const bad = (c: Record<string, unknown>) => validatePolicy({ ...pol('T-001', allOf(leaf('age', 'gte', 18))), versions: [{ version: '1.0.0', effective_from: '2020-01-01', criteria: allOf(leaf('age', 'gte', 18)), benefit: { text_zh: 'x' }, test_cases: [c] }] });
    expect(bad({ name: 'n', eval_date: '2026-01-01', expect: 'ELIGIBLE' })[0]!.message).toMatch(/exactly one of profile_ref or profile/);
    expect(bad({ name: 'n', profile_ref: 'A', profile: {}, eval_date: '2026-01-01', expect: 'ELIGIBLE' })[0]!.message).toMatch(/exactly one/);
    expect(bad({ name: 'n', profile_ref: 'A', eval_date: '2026-01-01', expect: 'MAYBE' })[0]!.path).toBe('versions[0].test_cases[0].expect');
    expect(bad({ name: 'n', profile: { education: '小学' }, eval_date: '2026-01-01', expect: 'ELIGIBLE' })[0]!.path).toMatch(/^versions\[0\]\.test_cases\[0\]\.profile/);
    expect(bad({ name: 'n', profile: { education: '本科' }, eval_date: '2026-01-01', expect: 'ELIGIBLE', amount: null })).toEqual([]);
  });
  it('supersedes must name a version; review dates in order; evidence must be a listed material', () => {
    const base = { version: '1.0.0', effective_from: '2020-01-01', criteria: allOf(leaf('age', 'gte', 18, { evidence: 'id_card' })), benefit: { text_zh: 'x' } };
    const p = (v: Record<string, unknown>) => validatePolicy({ ...pol('T-001', allOf(leaf('age', 'gte', 18))), versions: [{ ...base, ...v }] }).map((i) => `${i.path}: ${i.message}`);
    expect(p({ supersedes: '0.9.0' })).toEqual(['versions[0].supersedes: supersedes unknown version 0.9.0']);
    expect(p({ review: { last_reviewed: '2026-05-01', next_review: '2026-01-01', owner: 'x' } })).toEqual(['versions[0].review.next_review: next_review is before last_reviewed']);
    expect(p({ application: { mode: '申请', materials: [], manual_confirmation: false } })).toEqual(["versions[0].criteria: evidence 'id_card' of criterion (no id) is not among the materials"]);
    expect(p({ application: { mode: '申请', materials: [{ code: 'id_card', name_zh: '身份证' }], manual_confirmation: false } })).toEqual([]);
    expect(p({ status: 'live' })[0]).toMatch(/^versions\[0\]\.status/);
  });
  it('drafts may overlap active versions; active ones may not', () => {
    const v = (version: string, from: string, status?: 'draft') => ({ version, effective_from: from, criteria: allOf(leaf('age', 'gte', 18)), benefit: { text_zh: 'x' }, ...(status ? { status } : {}) });
    expect(validatePolicy({ ...pol('T-001', allOf(leaf('age', 'gte', 18))), versions: [v('1.0.0', '2020-01-01'), v('2.0.0', '2027-01-01', 'draft')] })).toEqual([]);
    expect(validatePolicy({ ...pol('T-001', allOf(leaf('age', 'gte', 18))), versions: [v('1.0.0', '2020-01-01'), v('2.0.0', '2027-01-01')] })).toHaveLength(1);
  });
  it('policy metadata: region codes, URLs, metadataIssues', () => {
    expect(validatePolicy({ ...JP_045, region_scope: ['jdz'] })[0]!.path).toBe('region_scope[0]');
    expect(validatePolicy({ ...JP_045, sources: [{ title: 't', url: 'not a url' }] })[0]!.path).toBe('sources[0].url');
    expect(validatePolicy({ ...JP_045, level: 'county' })[0]!.path).toBe('level');
    expect(metadataIssues(pol('T-001', allOf(leaf('age', 'gte', 18)))).map((i) => i.path)).toEqual([
      'T-001.issuer', 'T-001.level', 'T-001.region_scope', 'T-001.tags', 'T-001.sources', 'T-001.summary_zh', 'T-001.summary_en',
      'T-001.versions[0].application', 'T-001.versions[0].review', 'T-001.versions[0].status',
    ]); // prettier-ignore
  });
  it('group checks: scope only on once/one_of; renews_on a raw date field of a member; members list their groups', () => {
    const issues = (g: Record<string, unknown>) => validateCatalogue_(g);
    expect(issues({ id: 'X-ONCE', policy_codes: ['JP-045'], rule: 'once_per_person', renews_on: { 'JP-045': 'age' } })).toEqual(["groups[0].renews_on.JP-045: 'age' is not a raw date field"]);
    expect(issues({ id: 'X-ONCE', policy_codes: ['JP-045'], rule: 'highest_tier_only', scope: 'policy' })).toContain('groups[0].scope: scope applies to once_per_person and one_of groups only');
    expect(issues({ id: 'X-OTHER', policy_codes: ['JP-045'], rule: 'one_of' })).toEqual(['JP-045.exclusion_groups: JP-045 is in group X-OTHER but does not list it']);
  });
});

const validateCatalogue_ = (g: Record<string, unknown>) => {
  const jp001 = CATALOGUE.find((p) => p.code === 'JP-001')!;
  return validateCatalogue([jp001, JP_045], [g]).map((i) => `${i.path}: ${i.message}`);
};
