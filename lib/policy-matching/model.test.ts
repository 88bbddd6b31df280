import { describe, expect, it } from 'vitest';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from './core-policies';
import {
  FIELD_NAMES,
  allOf,
  anyOf,
  criterionNodeSchema,
  defaultRemediable,
  gate,
  leaf,
  leavesOf,
  manual,
  validateCatalogue,
  validatePolicy,
  versionInForce,
  withLeafIds,
  type CriterionNode,
  type Policy,
  type PolicyVersion,
} from './model';
import { evaluateAll } from './evaluate';
import { versionInForce as prefilterVersionInForce } from './prefilter';
import { pol } from './test-helpers';

/** Builds a policy from an untyped criteria tree (to exercise invalid input). */
const withCriteria = (criteria: unknown, extra: Record<string, unknown> = {}) => ({ ...pol('T-001', allOf(manual('m'))), versions: [{ version: '1.0.0', effective_from: '2020-01-01', criteria, benefit: { text_zh: 'x' } }], ...extra });
const leafJson = (l: Record<string, unknown>) => ({ kind: 'all', children: [{ kind: 'leaf', ...l }] });
const messages = (p: unknown) => validatePolicy(p).map((i) => `${i.path}: ${i.message}`);

describe('field names and defaults', () => {
  it('one list holds the canonical raw fields, nested paths and derived fields', () => {
    for (const f of ['birth_date', 'business.registered_district', 'studio.government_free', 'title.level', 'ich.level', 'received', 'age', 'business.registered_in_jdz', 'tier', 'awards_or_exhibitions'])
      expect(FIELD_NAMES).toContain(f);
    expect(new Set(FIELD_NAMES).size).toBe(FIELD_NAMES.length);
  });
  it('default remediable follows the §6.5 preamble', () => {
    for (const f of ['honours', 'ich.level', 'title.level', 'skill_level', 'awards', 'nationality', 'hukou_city', 'hukou_province', 'is_local_hukou', 'education', 'tier', 'honours_b_level_count', 'years_since_title'] as const)
      expect(defaultRemediable(f), f).toBe(false);
    for (const f of ['age', 'portfolio_count', 'works_in_jdz', 'exhibitions', 'awards_or_exhibitions', 'months_in_jdz', 'sector'] as const) expect(defaultRemediable(f), f).toBe(true);
  });
});

describe('criterion ids', () => {
  it('keeps explicit ids and derives the others, de-duplicated', () => {
    const tree = withLeafIds(allOf(leaf('age', 'gte', 18), leaf('age', 'gte', 18, { id: 'age_gte_2' }), leaf('age', 'gte', 20), gate('JP-001'), manual('panel')));
    expect(leavesOf(tree).map((l) => l.id)).toEqual(['age_gte', 'age_gte_2', 'age_gte_3', 'gate_JP-001', 'panel']);
  });
  it('is memoised per tree object', () => {
    const t = allOf(leaf('age', 'gte', 18));
    expect(withLeafIds(t)).toBe(withLeafIds(t));
  });
});

describe('zod shape', () => {
  it('accepts the three leaf shapes and nested groups', () => {
    const t: CriterionNode = allOf(anyOf(leaf('age', 'gte', 18), gate('JP-001')), { kind: 'not', child: manual('m') });
    expect(criterionNodeSchema.safeParse(t).success).toBe(true);
  });
  it('rejects mixed or incomplete leaves and empty groups', () => {
    expect(messages(withCriteria(leafJson({ field: 'age', op: 'gte', value: 1, gate: 'JP-001' })))).toEqual([
      'versions[0].criteria.children[0]: a leaf is exactly one of: {field, op}, {gate} or {manual: true}',
    ]);
    expect(messages(withCriteria(leafJson({ field: 'age' })))).toEqual(['versions[0].criteria.children[0]: a field leaf needs both field and op']);
    expect(messages(withCriteria(leafJson({ manual: true, value: 3 })))).toEqual(["versions[0].criteria.children[0].value: 'value' is only allowed on field leaves"]);
    expect(messages(withCriteria({ kind: 'any', children: [] }))[0]).toMatch(/^versions\[0\]\.criteria\.children:/);
    expect(messages(withCriteria(leafJson({ field: 'age', op: 'gte', value: 1, colour: 'red' })))[0]).toMatch(/colour/);
  });
  it('rejects bad codes and unknown provenance', () => {
    expect(messages({ ...pol('T-001', allOf(manual('m'))), code: 'jp1' })).toEqual(['code: policy code must look like JP-001']);
    expect(messages({ ...pol('T-001', allOf(manual('m'))), provenance: 'rumour' })[0]).toMatch(/^provenance:/);
  });
});

describe('validatePolicy — criteria', () => {
  it('accepts every core policy', () => {
    for (const p of CORE_POLICIES) expect(validatePolicy(p), p.code).toEqual([]);
  });
  it('unknown field and unknown op', () => {
    expect(messages(withCriteria(leafJson({ field: 'salary', op: 'gte', value: 1 })))).toEqual(["versions[0].criteria.children[0].field: unknown field 'salary'"]);
    expect(messages(withCriteria(leafJson({ field: 'age', op: 'gt', value: 1 })))).toEqual(["versions[0].criteria.children[0].op: unknown op 'gt'"]);
  });

  const bad = (l: Record<string, unknown>) => messages(withCriteria(leafJson(l)));
  it.each([
    [{ field: 'age', op: 'gte', value: '18' }, "value: op 'gte' takes a number"],
    [{ field: 'sector', op: 'gte', value: 3 }, "op: op 'gte' does not apply to string field 'sector'"],
    [{ field: 'education', op: 'in', value: '本科' }, "value: op 'in' takes a non-empty list"],
    [{ field: 'education', op: 'in', value: [] }, "value: op 'in' takes a non-empty list"],
    [{ field: 'education', op: 'in', value: ['PhD'] }, 'value: value "PhD" is not one of none, 中专, 高中, 大专, 本科, 硕士, 博士'],
    [{ field: 'ich.level', op: 'eq', value: 'world' }, 'value: value "world" is not one of none, national, provincial, municipal, county'],
    [{ field: 'owns_home_in_jdz', op: 'eq', value: 'no' }, 'value: expected a boolean, got "no"'],
    [{ field: 'nationality', op: 'eq', value: ['CN'] }, "value: op 'eq' takes a single value"],
    [{ field: 'birth_date', op: 'eq', value: '2020-02-30' }, 'value: expected an ISO date, got "2020-02-30"'],
    [{ field: 'honours', op: 'eq', value: 'x' }, "op: op 'eq' does not apply to list field 'honours'"],
    [{ field: 'age', op: 'between', value: [60, 18] }, "value: op 'between': low > high"],
    [{ field: 'age', op: 'between', value: [18] }, "value: op 'between' takes [low, high]"],
    [{ field: 'ich.level', op: 'exists', value: 'yes' }, "value: op 'exists' takes no value (or a boolean)"],
    [{ field: 'honours', op: 'contains_any', value: ['诺贝尔奖'] }, "value: unknown honour '诺贝尔奖'"],
    [{ field: 'honours', op: 'contains_all', value: 'x' }, "value: op 'contains_all' takes a non-empty list of strings"],
    [{ field: 'apprentices', op: 'contains_any', value: ['x'] }, "op: items of 'apprentices' have no key to compare"],
    [{ field: 'sector', op: 'contains_any', value: ['陶瓷'] }, "op: op 'contains_any' does not apply to string field 'sector'"],
    [{ field: 'awards', op: 'count_gte', value: -1 }, "value: op 'count_gte' takes a non-negative integer"],
    [{ field: 'awards', op: 'count_gte', value: 1.5 }, "value: op 'count_gte' takes a non-negative integer"],
    [{ field: 'age', op: 'within_months', value: 12 }, "op: op 'within_months' does not apply to number field 'age'"],
    [{ field: 'relocated_to_jdz_date', op: 'older_than_months', value: 0 }, "value: op 'older_than_months' takes a positive number of months"],
  ])('%j → %s', (l, msg) => {
    expect(bad(l)).toEqual([`versions[0].criteria.children[0].${msg}`]);
  });

  it('filters: only on list ops and list fields, with known attributes and right types', () => {
    expect(bad({ field: 'age', op: 'gte', value: 1, filter: { level: 'national' } })).toEqual(["versions[0].criteria.children[0].filter: op 'gte' does not take a filter"]);
    expect(bad({ field: 'awards', op: 'count_gte', value: 1, filter: { colour: 'gold' } })).toEqual([
      "versions[0].criteria.children[0].filter.colour: unknown filter attribute 'colour' for 'awards'",
    ]);
    expect(bad({ field: 'apprentices', op: 'count_gte', value: 1, filter: { within_months: 12 } })).toEqual([
      "versions[0].criteria.children[0].filter.within_months: items of 'apprentices' carry no date",
    ]);
    expect(bad({ field: 'awards', op: 'count_gte', value: 1, filter: { within_months: -3 } })).toEqual([
      'versions[0].criteria.children[0].filter.within_months: within_months takes a positive integer',
    ]);
    expect(bad({ field: 'honours', op: 'count_gte', value: 1, filter: { province_gte: 3 } })).toEqual([
      "versions[0].criteria.children[0].filter.province_gte: 'province' is not a number attribute",
    ]);
    expect(bad({ field: 'apprentices', op: 'count_gte', value: 1, filter: { age_lte: '35' } })).toEqual(['versions[0].criteria.children[0].filter.age_lte: age_lte takes a number']);
    expect(bad({ field: 'awards', op: 'count_gte', value: 1, filter: { level: [1] } })).toEqual(['versions[0].criteria.children[0].filter.level: expected string values, got 1']);
    expect(bad({ field: 'crafts', op: 'count_gte', value: 1, filter: { level: 'x' } })).toEqual(["versions[0].criteria.children[0].filter: field 'crafts' does not take a filter"]);
  });
  it('remediable: false contradicts time_based', () => {
    expect(bad({ field: 'age', op: 'gte', value: 18, remediable: false, time_based: true })).toEqual([
      'versions[0].criteria.children[0]: time_based implies remediable; remediable: false contradicts it',
    ]);
  });
  it('duplicate criterion ids and self-gates', () => {
    const dup = withCriteria(allOf(leaf('age', 'gte', 18, { id: 'x' }), leaf('age', 'lte', 35, { id: 'x' })));
    expect(messages(dup)).toEqual(["versions[0].criteria.children[1].id: duplicate criterion id 'x' (also at versions[0].criteria.children[0])"]);
    expect(messages(withCriteria(allOf(gate('T-001'))))).toEqual(['versions[0].criteria.children[0].gate: policy T-001 gates itself']);
  });
  it('benefit references are checked too', () => {
    const p = pol('T-001', allOf(manual('m')), {
      benefit: { rate: 0.5, of: { field: 'sector' }, per: { field: 'age' }, amount_table: [{ when: leaf('sector', 'gte', 1), amount: 1 }], text_zh: 'x' },
    });
    expect(messages(p)).toEqual([
      "versions[0].benefit.amount_table[0].when.op: op 'gte' does not apply to string field 'sector'",
      "versions[0].benefit.of.field: 'sector' is not a number field",
      "versions[0].benefit.per.field: 'age' is not a list field",
    ]);
  });
});

describe('validatePolicy — versions', () => {
  const ver = (version: string, effective_from: string, effective_to?: string) => ({ version, effective_from, ...(effective_to ? { effective_to } : {}), criteria: allOf(manual('m')), benefit: { text_zh: 'x' } });
  const withVersions = (versions: unknown[]) => ({ ...pol('T-001', allOf(manual('m'))), versions });
  it('adjacent versions are fine', () => {
    expect(messages(withVersions([ver('1.0.0', '2021-01-01', '2024-12-31'), ver('2.0.0', '2025-01-01')]))).toEqual([]);
  });
  it('overlapping versions are reported (open-ended, inclusive end, unsorted input)', () => {
    expect(messages(withVersions([ver('1.0.0', '2021-01-01'), ver('2.0.0', '2025-01-01')]))).toEqual([
      'versions[1].effective_from: version 2.0.0 overlaps version 1.0.0 (2021-01-01..open)',
    ]);
    expect(messages(withVersions([ver('2.0.0', '2024-12-31'), ver('1.0.0', '2021-01-01', '2024-12-31')]))).toEqual([
      'versions[0].effective_from: version 2.0.0 overlaps version 1.0.0 (2021-01-01..2024-12-31)',
    ]);
  });
  it('end before start, duplicate versions, bad dates, non-semver', () => {
    expect(messages(withVersions([ver('1.0.0', '2024-01-01', '2023-12-31')]))).toEqual(['versions[0].effective_to: effective_to is before effective_from']);
    expect(messages(withVersions([ver('1.0.0', '2021-01-01', '2021-12-31'), ver('1.0.0', '2022-01-01')]))).toEqual(['versions[1].version: duplicate version 1.0.0']);
    expect(messages(withVersions([ver('1.0.0', '2021-02-30')]))).toEqual(['versions[0].effective_from: not an ISO date (YYYY-MM-DD)']);
    expect(messages(withVersions([ver('v1', '2021-01-01')]))).toEqual(['versions[0].version: version must be semver (e.g. 1.0.0)']);
    expect(messages(withVersions([]))[0]).toMatch(/^versions:/);
  });
});

describe('validateCatalogue', () => {
  it('the core catalogue and its groups are valid', () => {
    expect(validateCatalogue(CORE_POLICIES, CORE_EXCLUSION_GROUPS)).toEqual([]);
  });
  it('unknown gate targets (criteria and amount tables)', () => {
    const a = pol('A-001', allOf(gate('Z-999')), { benefit: { amount_table: [{ when: gate('Y-999'), amount: 1 }], text_zh: 'x' } });
    expect(validateCatalogue([a])).toEqual([
      { path: 'A-001.versions[0]', message: 'gate target Z-999 is not in the catalogue' },
      { path: 'A-001.versions[0]', message: 'gate target Y-999 is not in the catalogue' },
    ]);
  });
  it('a gate to a policy that is present but invalid is not reported as unknown', () => {
    const broken = withCriteria(leafJson({ field: 'salary', op: 'eq', value: 1 }), { code: 'B-001' });
    expect(validateCatalogue([pol('A-001', allOf(gate('B-001'))), broken]).map((i) => i.path)).toEqual(['B-001.versions[0].criteria.children[0].field']);
  });
  it('gate cycles, each reported once', () => {
    const a = pol('A-001', allOf(gate('B-001')));
    const b = pol('B-001', allOf(gate('C-001')));
    const c = pol('C-001', allOf(gate('A-001')));
    const d = pol('D-001', allOf(gate('A-001')));
    expect(validateCatalogue([a, b, c, d])).toEqual([{ path: 'C-001', message: 'gate cycle: A-001 → B-001 → C-001 → A-001' }]);
    expect(validateCatalogue([a, pol('B-001', allOf(gate('A-001')))])).toEqual([{ path: 'B-001', message: 'gate cycle: A-001 → B-001 → A-001' }]);
  });
  it('reading tier from a tier policy is a cycle; reading tier without tier policies is an error', () => {
    const t: Policy = { ...pol('T-011', allOf(leaf('tier', 'eq', 'A'))), tier: 'B' };
    expect(validateCatalogue([t]).map((i) => i.message)).toEqual(['gate cycle: T-011 → T-011']);
    expect(validateCatalogue([pol('T-001', allOf(leaf('tier', 'eq', 'A')))]).map((i) => i.message)).toEqual(["reads 'tier' but no policy declares a tier"]);
  });
  it('duplicate codes, invalid members prefixed with their code, group problems', () => {
    const a = pol('A-001', allOf(manual('m')));
    const broken = withCriteria(leafJson({ field: 'salary', op: 'eq', value: 1 }), { code: 'B-001' });
    expect(
      validateCatalogue(
        [a, a, broken],
        [
          { id: 'X-1', policy_codes: ['A-001', 'Q-001'], rule: 'one_of' },
          { id: 'X-1', policy_codes: ['A-001'], rule: 'highest_tier_only' },
          { id: 'X-2', policy_codes: [], rule: 'sometimes' },
        ],
      ),
    ).toEqual([
      { path: 'B-001.versions[0].criteria.children[0].field', message: "unknown field 'salary'" },
      { path: 'A-001', message: 'duplicate policy code A-001' },
      { path: 'groups[0].policy_codes', message: 'unknown policy Q-001 in group X-1' },
      { path: 'groups[1].id', message: 'duplicate group id X-1' },
      { path: 'groups[1].policy_codes', message: 'A-001 in a tier group declares no tier' },
      { path: 'groups[2].policy_codes', message: 'Too small: expected array to have >=1 items' },
      { path: 'groups[2].rule', message: expect.stringMatching(/one_active_at_a_time/) },
    ]);
  });
});

describe('the version in force (one definition for the evaluator, the SQL prefilter and the services, issue 14 §2)', () => {
  const ver = (version: string, effective_from: string, effective_to: string | undefined, status: 'draft' | 'active' | 'retired') =>
    ({ version, effective_from, ...(effective_to ? { effective_to } : {}), status }) as unknown as PolicyVersion;
  const p = (...versions: PolicyVersion[]) => ({ code: 'JP-900', versions }) as unknown as Policy;

  it('is the active version whose range holds the date, by ISO string or calendar date, ends included', () => {
    const pol = p(ver('1.0.0', '2024-01-01', '2024-12-31', 'active'), ver('2.0.0', '2025-01-01', undefined, 'active'));
    expect(versionInForce(pol, '2024-12-31')?.version).toBe('1.0.0');
    expect(versionInForce(pol, { y: 2025, m: 1, d: 1 })?.version).toBe('2.0.0');
    expect(versionInForce(pol, '2023-12-31')).toBeNull();
  });
  it('never a draft, never a retired version', () => {
    expect(versionInForce(p(ver('1.0.0', '2024-01-01', undefined, 'draft')), '2026-06-01')).toBeNull();
    expect(versionInForce(p(ver('1.0.0', '2024-01-01', undefined, 'retired')), '2026-06-01')).toBeNull();
    expect(versionInForce(p(ver('0.9.0', '2024-01-01', undefined, 'draft'), ver('1.0.0', '2024-01-01', undefined, 'active')), '2026-06-01')?.version).toBe('1.0.0');
  });
  it('the evaluator and the prefilter read the same one', () => {
    const pol = p(ver('1.0.0', '2024-01-01', undefined, 'draft'));
    expect(evaluateAll({}, [{ ...pol, title_zh: 'x', category: 'living', provenance: 'modelled' } as Policy], [], '2026-06-01')[0]!.status).toBe('NOT_IN_FORCE');
    expect(prefilterVersionInForce).toBe(versionInForce);
  });
});
