import { describe, expect, it } from 'vitest';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from './core-policies';
import { evaluateAll } from './evaluate';
import { allOf, anyOf, gate, leaf, manual, not, type CriterionNode, type ExclusionGroup, type FieldLeaf } from './model';
import { one, pol, resultOf, run, type TestProfile } from './test-helpers';

const ON = '2026-06-01';

describe('leaf operators (three-valued)', () => {
  const cases: [string, FieldLeaf, TestProfile, string][] = [
    ['eq met', leaf('nationality', 'eq', 'CN'), { nationality: 'CN' }, 'MET'],
    ['eq not met', leaf('nationality', 'eq', 'CN'), { nationality: 'JP' }, 'NOT_MET'],
    ['eq unknown', leaf('nationality', 'eq', 'CN'), {}, 'UNKNOWN'],
    ['eq boolean false is known', leaf('credit_bad', 'eq', false), { credit_bad: false }, 'MET'],
    ['ne met', leaf('nationality', 'ne', 'CN'), { nationality: 'JP' }, 'MET'],
    ['ne not met', leaf('nationality', 'ne', 'CN'), { nationality: 'CN' }, 'NOT_MET'],
    ['ne unknown', leaf('nationality', 'ne', 'CN'), { nationality: null }, 'UNKNOWN'],
    ['in met', leaf('sector', 'in', ['陶瓷', '设计']), { sector: '陶瓷' }, 'MET'],
    ['in not met', leaf('sector', 'in', ['陶瓷', '设计']), { sector: 'other' }, 'NOT_MET'],
    ['in unknown', leaf('sector', 'in', ['陶瓷', '设计']), {}, 'UNKNOWN'],
    ['not_in met', leaf('education', 'not_in', ['none', '中专']), { education: '本科' }, 'MET'],
    ['not_in on none', leaf('education', 'not_in', ['none', '中专']), { education: 'none' }, 'NOT_MET'],
    ['not_in unknown', leaf('education', 'not_in', ['none', '中专']), {}, 'UNKNOWN'],
    ['gte boundary', leaf('portfolio_count', 'gte', 20), { portfolio_count: 20 }, 'MET'],
    ['gte below', leaf('portfolio_count', 'gte', 20), { portfolio_count: 19 }, 'NOT_MET'],
    ['gte zero is known', leaf('portfolio_count', 'gte', 1), { portfolio_count: 0 }, 'NOT_MET'],
    ['gte unknown', leaf('portfolio_count', 'gte', 20), {}, 'UNKNOWN'],
    ['lte boundary', leaf('skill_level', 'lte', 2), { skill_level: 2 }, 'MET'],
    ['lte 高级技师', leaf('skill_level', 'lte', 2), { skill_level: 1 }, 'MET'],
    ['lte above', leaf('skill_level', 'lte', 2), { skill_level: 3 }, 'NOT_MET'],
    ['lte on none', leaf('skill_level', 'lte', 2), { skill_level: 'none' }, 'NOT_MET'],
    ['lte unknown', leaf('skill_level', 'lte', 2), {}, 'UNKNOWN'],
    ['between lower boundary (18th birthday)', leaf('age', 'between', [18, 60]), { birth_date: '2008-06-01' }, 'MET'],
    ['between day before 18', leaf('age', 'between', [18, 60]), { birth_date: '2008-06-02' }, 'NOT_MET'],
    ['between upper boundary', leaf('age', 'between', [18, 60]), { birth_date: '1965-06-02' }, 'MET'],
    ['between above', leaf('age', 'between', [18, 60]), { birth_date: '1965-06-01' }, 'NOT_MET'],
    ['between unknown', leaf('age', 'between', [18, 60]), {}, 'UNKNOWN'],
    ['exists met', leaf('ich.level', 'exists'), { ich: { level: 'county' } }, 'MET'],
    ['exists on none', leaf('ich.level', 'exists'), { ich: { level: 'none' } }, 'NOT_MET'],
    ['exists unknown (level null)', leaf('ich.level', 'exists'), { ich: { level: null } }, 'UNKNOWN'],
    ['exists unknown (ich null)', leaf('ich.level', 'exists'), { ich: null }, 'UNKNOWN'],
    ['exists on []', leaf('honours', 'exists'), { honours: [] }, 'NOT_MET'],
    ['exists on a list', leaf('honours', 'exists'), { honours: [{ type: '市级大师' }] }, 'MET'],
    ['exists false on none', leaf('title.level', 'exists', false), { title: { level: 'none' } }, 'MET'],
    ['contains_any met', leaf('honours', 'contains_any', ['中国陶瓷艺术大师', '中华技能大奖']), { honours: [{ type: '中华技能大奖' }] }, 'MET'],
    ['contains_any not met', leaf('honours', 'contains_any', ['中国陶瓷艺术大师']), { honours: [{ type: '市级大师' }] }, 'NOT_MET'],
    ['contains_any on []', leaf('honours', 'contains_any', ['中国陶瓷艺术大师']), { honours: [] }, 'NOT_MET'],
    ['contains_any unknown', leaf('honours', 'contains_any', ['中国陶瓷艺术大师']), {}, 'UNKNOWN'],
    ['contains_any on strings', leaf('crafts', 'contains_any', ['拉坯']), { crafts: ['拉坯', '利坯'] }, 'MET'],
    ['contains_all met', leaf('crafts', 'contains_all', ['拉坯', '利坯']), { crafts: ['利坯', '拉坯', '青花'] }, 'MET'],
    ['contains_all partial', leaf('crafts', 'contains_all', ['拉坯', '利坯']), { crafts: ['拉坯'] }, 'NOT_MET'],
    ['contains_all unknown', leaf('crafts', 'contains_all', ['拉坯', '利坯']), { crafts: null }, 'UNKNOWN'],
    ['count_gte met', leaf('apprentices', 'count_gte', 2, { filter: { age_lte: 35, agreement_months_gte: 12 } }), { apprentices: [{ age: 30, agreement_months: 12 }, { age: 25, agreement_months: 24 }] }, 'MET'],
    ['count_gte filtered out', leaf('apprentices', 'count_gte', 2, { filter: { age_lte: 35, agreement_months_gte: 12 } }), { apprentices: [{ age: 30, agreement_months: 12 }, { age: 40, agreement_months: 24 }] }, 'NOT_MET'],
    ['count_gte item attr unknown', leaf('apprentices', 'count_gte', 2, { filter: { age_lte: 35 } }), { apprentices: [{ age: 30, agreement_months: 12 }, { age: null, agreement_months: 24 }] }, 'UNKNOWN'],
    ['count_gte on []', leaf('apprentices', 'count_gte', 1), { apprentices: [] }, 'NOT_MET'],
    ['count_gte unknown', leaf('apprentices', 'count_gte', 1), {}, 'UNKNOWN'],
    ['within_months boundary', leaf('relocated_to_jdz_date', 'within_months', 12), { relocated_to_jdz_date: '2025-06-01' }, 'MET'],
    ['within_months just outside', leaf('relocated_to_jdz_date', 'within_months', 12), { relocated_to_jdz_date: '2025-05-31' }, 'NOT_MET'],
    ['within_months unknown', leaf('relocated_to_jdz_date', 'within_months', 12), {}, 'UNKNOWN'],
    ['older_than_months boundary', leaf('business.registered_date', 'older_than_months', 6), { business: { registered_date: '2025-12-01' } }, 'MET'],
    ['older_than_months too recent', leaf('business.registered_date', 'older_than_months', 6), { business: { registered_date: '2025-12-02' } }, 'NOT_MET'],
    ['older_than_months unknown', leaf('business.registered_date', 'older_than_months', 6), { business: null }, 'UNKNOWN'],
  ];
  it.each(cases)('%s', (_name, l, profile, expected) => {
    const r = one(profile, allOf({ ...l, id: 'x' }), ON);
    expect(resultOf(r, 'x')).toBe(expected);
  });

  describe('list filters on dated items', () => {
    const gold = (profile: TestProfile) => resultOf(one(profile, allOf(leaf('awards', 'count_gte', 1, { id: 'x', filter: { level: 'national', rank: 'gold', within_months: 60 } })), ON), 'x');
    it('a year-only award counts until 31 December of that year + window (most favourable reading)', () => {
      expect(gold({ awards: [{ level: 'national', rank: 'gold', year: 2021 }] })).toBe('MET');
      expect(gold({ awards: [{ level: 'national', rank: 'gold', year: 2020 }] })).toBe('NOT_MET');
    });
    it('a dated award uses its date', () => {
      expect(gold({ awards: [{ level: 'national', rank: 'gold', date: '2021-06-01' }] })).toBe('MET');
      expect(gold({ awards: [{ level: 'national', rank: 'gold', date: '2021-05-31', year: 2021 }] })).toBe('NOT_MET');
    });
    it('unknown rank → UNKNOWN; wrong level → NOT_MET; no date nor year → UNKNOWN', () => {
      expect(gold({ awards: [{ level: 'national', rank: null, year: 2025 }] })).toBe('UNKNOWN');
      expect(gold({ awards: [{ level: 'provincial', rank: 'gold', year: 2025 }] })).toBe('NOT_MET');
      expect(gold({ awards: [{ level: 'national', rank: 'gold' }] })).toBe('UNKNOWN');
    });
    it('awards_or_exhibitions is the union; a known item suffices even if the other list is unknown', () => {
      const f = { level: ['provincial', 'national', 'international'], within_months: 60 };
      const u = (profile: TestProfile) => one(profile, allOf(leaf('awards_or_exhibitions', 'count_gte', 1, { id: 'x', filter: f })), ON);
      expect(resultOf(u({ exhibitions: [{ level: 'national', year: 2024 }] }), 'x')).toBe('MET');
      const r = u({ awards: [], exhibitions: null });
      expect(resultOf(r, 'x')).toBe('UNKNOWN');
      expect(r.missingFields).toEqual(['exhibitions']);
      expect(resultOf(u({ awards: [], exhibitions: [] }), 'x')).toBe('NOT_MET');
    });
    it('an attribute the source lacks never matches (exhibitions have no rank)', () => {
      const r = one({ awards: [], exhibitions: [{ level: 'national', year: 2025 }] }, allOf(leaf('awards_or_exhibitions', 'count_gte', 1, { id: 'x', filter: { rank: 'gold' } })), ON);
      expect(resultOf(r, 'x')).toBe('NOT_MET');
    });
  });
});

describe('rule 1 — only a version in force on eval_date is evaluated', () => {
  const versioned = pol('T-001', allOf(leaf('nationality', 'eq', 'CN')), {
    versions: [
      { version: '1.0.0', effective_from: '2021-01-01', effective_to: '2024-12-31', criteria: allOf(leaf('nationality', 'eq', 'CN')), benefit: { amount: 3000, text_zh: 'v1' } },
      { version: '2.0.0', effective_from: '2025-01-01', effective_to: '2026-12-31', criteria: allOf(leaf('nationality', 'eq', 'CN')), benefit: { amount: 5000, text_zh: 'v2' } },
    ],
  });
  const at = (on: string) => run({ nationality: 'CN' }, [versioned], [], on)['T-001']!;

  it('before the first version: NOT_IN_FORCE with nothing else', () => {
    expect(at('2020-12-31')).toEqual({
      policyCode: 'T-001',
      version: null,
      status: 'NOT_IN_FORCE',
      amountEstimate: null,
      criteria: [],
      missingFields: [],
      nearMiss: null,
      validUntil: null,
      excludedBy: [],
      chooseOne: false,
    });
  });
  it('effective_from and effective_to are inclusive', () => {
    expect(at('2021-01-01')).toMatchObject({ status: 'ELIGIBLE', version: '1.0.0' });
    expect(at('2024-12-31')).toMatchObject({ status: 'ELIGIBLE', version: '1.0.0' });
    expect(at('2025-01-01')).toMatchObject({ status: 'ELIGIBLE', version: '2.0.0' });
    expect(at('2026-12-31')).toMatchObject({ status: 'ELIGIBLE', version: '2.0.0' });
  });
  it('after the last closed version: NOT_IN_FORCE', () => {
    expect(at('2027-01-01').status).toBe('NOT_IN_FORCE');
  });
  it('an unknown profile does not matter when nothing is in force', () => {
    expect(run({}, [versioned], [], '2019-05-05')['T-001']!.status).toBe('NOT_IN_FORCE');
  });
  it('rejects a malformed eval date', () => {
    expect(() => evaluateAll({}, [versioned], [], '2026-13-01')).toThrow(/ISO date/);
  });
});

describe('rule 2 — gates are evaluated first, in dependency order, memoised', () => {
  const up = (criteria: CriterionNode, extra = {}) => pol('U-001', criteria, extra);
  const down = pol('D-001', allOf(gate('U-001'), leaf('portfolio_count', 'gte', 1)));

  it('upstream ELIGIBLE → gate MET', () => {
    const r = run({ nationality: 'CN', portfolio_count: 3 }, [down, up(allOf(leaf('nationality', 'eq', 'CN')))]);
    expect(r['D-001']).toMatchObject({ status: 'ELIGIBLE' });
    expect(resultOf(r['D-001']!, 'gate_U-001')).toBe('MET');
  });
  it('a strict gate that is INELIGIBLE makes the policy INELIGIBLE even when other leaves are unknown; the reason cites the gate', () => {
    const r = run({ nationality: 'JP' }, [down, up(allOf(leaf('nationality', 'eq', 'CN')))]);
    expect(r['U-001']!.status).toBe('INELIGIBLE');
    expect(r['D-001']!.status).toBe('INELIGIBLE');
    const g = r['D-001']!.criteria.find((c) => c.id === 'gate_U-001')!;
    expect(g.result).toBe('NOT_MET');
    // The upstream policy by its title and its result in words, never by code.
    expect(g.explanation.zh).toBe('须先符合「测试政策 U-001」的条件（您目前不符合条件）');
    expect(g.explanation.en).toBe('Must first qualify for “Test policy U-001” (your result there: not eligible)');
  });
  it('upstream NEEDS_INFO → gate UNKNOWN, missing fields are the upstream ones', () => {
    const r = run({ portfolio_count: 3 }, [down, up(allOf(leaf('is_local_hukou', 'eq', false)))]);
    expect(resultOf(r['D-001']!, 'gate_U-001')).toBe('UNKNOWN');
    expect(r['D-001']).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['nationality', 'hukou_city'] });
  });
  it('upstream NEAR_MISS → the gate is remediable and inherits eligible_from', () => {
    const r = run({ residence_since: '2026-04-15', portfolio_count: 3 }, [down, up(allOf(leaf('months_in_jdz', 'gte', 3, { time_based: true })))]);
    expect(r['U-001']).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'months_in_jdz_gte', eligibleFrom: '2026-07-15' } });
    expect(r['D-001']).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'gate_U-001', eligibleFrom: '2026-07-15' } });
  });
  it('upstream NEEDS_REVIEW → gate NOT_MET and not remediable', () => {
    const r = run({ portfolio_count: 3 }, [down, up(allOf(manual('panel')))]);
    expect(r['U-001']!.status).toBe('NEEDS_REVIEW');
    expect(r['D-001']!.status).toBe('INELIGIBLE');
  });
  it('holding the upstream (receiving or received) satisfies the gate', () => {
    const u = up(allOf(leaf('nationality', 'eq', 'CN')));
    expect(run({ nationality: 'JP', portfolio_count: 3, receiving: [{ policy_id: 'U-001' }] }, [down, u])['D-001']!.status).toBe('ELIGIBLE');
    expect(run({ nationality: 'JP', portfolio_count: 3, received: [{ policy_id: 'U-001', date: '2024-01-01' }] }, [down, u])['D-001']!.status).toBe('ELIGIBLE');
  });
  it('an upstream not in force, or not in the catalogue, fails the gate', () => {
    const u = up(allOf(leaf('nationality', 'eq', 'CN')), { versions: [{ version: '1.0.0', effective_from: '2030-01-01', criteria: allOf(leaf('nationality', 'eq', 'CN')), benefit: { text_zh: 'x' } }] });
    expect(run({ nationality: 'CN', portfolio_count: 3 }, [down, u])['D-001']!.status).toBe('INELIGIBLE');
    expect(run({ nationality: 'CN', portfolio_count: 3 }, [down])['D-001']!.status).toBe('INELIGIBLE');
  });
  it('chains and diamonds resolve regardless of catalogue order', () => {
    const a = pol('A-001', allOf(leaf('nationality', 'eq', 'CN')));
    const b = pol('B-001', allOf(gate('A-001'), leaf('sector', 'eq', '陶瓷')));
    const c = pol('C-001', allOf(gate('A-001'), leaf('education', 'eq', '本科')));
    const d = pol('D-002', allOf(gate('B-001'), gate('C-001')));
    const r = run({ nationality: 'CN', sector: '陶瓷', education: '本科' }, [d, c, b, a]);
    expect(Object.values(r).map((x) => x.status)).toEqual(['ELIGIBLE', 'ELIGIBLE', 'ELIGIBLE', 'ELIGIBLE']);
    const r2 = run({ nationality: 'CN', sector: '陶瓷' }, [d, c, b, a]);
    expect(r2['D-002']).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['education'] });
  });
  it('a gate cycle is an error, not an infinite loop', () => {
    const x = pol('X-001', allOf(gate('Y-001')));
    const y = pol('Y-001', allOf(gate('X-001')));
    expect(() => evaluateAll({}, [x, y], [], ON)).toThrow(/cycle/);
  });
});

describe('rule 3 — leaf results combine through all / any / not; REVIEW only when everything else is MET', () => {
  const A = leaf('nationality', 'eq', 'CN', { id: 'a' });
  const B = leaf('sector', 'eq', '陶瓷', { id: 'b' });
  it('all: NOT_MET beats UNKNOWN', () => {
    expect(one({ nationality: 'JP' }, allOf(A, B)).status).toBe('INELIGIBLE');
  });
  it('all: UNKNOWN beats MET', () => {
    expect(one({ nationality: 'CN' }, allOf(A, B))).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['sector'] });
  });
  it('any: UNKNOWN beats NOT_MET; MET beats UNKNOWN', () => {
    expect(one({ nationality: 'JP' }, anyOf(A, B)).status).toBe('NEEDS_INFO');
    expect(one({ nationality: 'CN' }, anyOf(A, B)).status).toBe('ELIGIBLE');
    expect(one({ nationality: 'JP', sector: 'other' }, anyOf(A, leaf('sector', 'eq', '陶瓷', { remediable: false }))).status).toBe('INELIGIBLE');
    expect(one({ nationality: 'JP', sector: 'other' }, anyOf(A, B)).status).toBe('NEAR_MISS'); // sector defaults to remediable
  });
  it('not flips MET and NOT_MET and keeps UNKNOWN', () => {
    const n = allOf(not(leaf('credit_bad', 'eq', true, { id: 'bad', remediable: false })));
    expect(one({ credit_bad: false }, n).status).toBe('ELIGIBLE');
    expect(one({ credit_bad: true }, n).status).toBe('INELIGIBLE');
    expect(one({}, n)).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['credit_bad'] });
  });
  it('null, none and [] are different: null is UNKNOWN, none and [] are known answers', () => {
    const t = allOf(leaf('title.level', 'eq', '中级', { id: 't' }));
    expect(one({ title: null }, t).status).toBe('NEEDS_INFO');
    expect(one({ title: { level: null } }, t).status).toBe('NEEDS_INFO');
    expect(one({ title: { level: 'none' } }, t).status).toBe('INELIGIBLE');
    const h = allOf(leaf('honours', 'count_gte', 1, { id: 'h' }));
    expect(one({}, h).status).toBe('NEEDS_INFO');
    expect(one({ honours: null }, h).status).toBe('NEEDS_INFO');
    expect(one({ honours: [] }, h).status).toBe('INELIGIBLE');
    const e = allOf(leaf('education', 'in', ['本科'], { id: 'e' }));
    expect(one({ education: 'none' }, e).status).toBe('INELIGIBLE');
    expect(one({ education: undefined }, e).status).toBe('NEEDS_INFO');
  });
  it("details of something the person does not have are known: business.form, title.level or ich.level 'none'", () => {
    const noBiz = { business: { form: 'none' as const } };
    expect(one(noBiz, allOf(leaf('business.registered_district', 'eq', '珠山区', { remediable: false }))).status).toBe('INELIGIBLE');
    expect(one(noBiz, allOf(leaf('business_operating_months', 'gte', 6, { remediable: false }))).status).toBe('INELIGIBLE');
    expect(one({ business: { form: 'individual' } }, allOf(leaf('business.registered_district', 'eq', '珠山区'))).status).toBe('NEEDS_INFO');
    expect(one({ title: { level: 'none' } }, allOf(leaf('years_since_title', 'gte', 4))).status).toBe('INELIGIBLE');
    expect(one({ title: { level: '助理' } }, allOf(leaf('years_since_title', 'gte', 4))).missingFields).toEqual(['title.date']);
    expect(one({ ich: { level: 'none' } }, allOf(leaf('ich.year', 'exists', undefined, { remediable: false }))).status).toBe('INELIGIBLE');
  });
  it('a manual leaf gives NEEDS_REVIEW when all other leaves are MET', () => {
    const r = one({ portfolio_count: 5 }, allOf(leaf('portfolio_count', 'gte', 1), manual('panel')));
    expect(r.status).toBe('NEEDS_REVIEW');
    expect(resultOf(r, 'panel')).toBe('REVIEW');
    expect(r.criteria.find((c) => c.id === 'panel')!.explanation.en).toMatch(/review/i);
  });
  it('a manual leaf is not evaluated while another leaf is UNKNOWN or NOT_MET', () => {
    const t = allOf(leaf('portfolio_count', 'gte', 1, { remediable: false }), manual('panel'));
    const unknown = one({}, t);
    expect(unknown.status).toBe('NEEDS_INFO');
    expect(resultOf(unknown, 'panel')).toBe('UNKNOWN');
    const failed = one({ portfolio_count: 0 }, t);
    expect(failed.status).toBe('INELIGIBLE');
    expect(resultOf(failed, 'panel')).toBe('UNKNOWN');
  });
  it('any: REVIEW only when no branch is MET or UNKNOWN', () => {
    expect(one({ nationality: 'JP' }, anyOf(A, manual('panel'))).status).toBe('NEEDS_REVIEW');
    expect(one({}, anyOf(A, manual('panel'))).status).toBe('NEEDS_INFO');
    expect(one({ nationality: 'CN' }, anyOf(A, manual('panel'))).status).toBe('ELIGIBLE');
  });
  it('explanations are bilingual and cite the actual value; explicit texts win', () => {
    const r = one({ portfolio_count: 5 }, allOf(leaf('portfolio_count', 'gte', 20, { id: 'p', remediable: false })));
    expect(r.criteria[0]!.explanation).toEqual({ zh: '作品不少于 20 件（您有 5 件作品）', en: 'Portfolio of at least 20 works (you have 5 works)' });
    expect(r.criteria[0]!.facts).toEqual({ kind: 'field', field: 'portfolio_count', op: 'gte', value: 20, actual: 5 });
    const own = one({ portfolio_count: 25 }, allOf(leaf('portfolio_count', 'gte', 20, { id: 'p', explain_pass_zh: '作品够多', explain_pass_en: 'Enough works' })));
    expect(own.criteria[0]!.explanation).toEqual({ zh: '作品够多', en: 'Enough works' });
    const unknown = one({}, allOf(leaf('age', 'lte', 35, { id: 'a' })));
    expect(unknown.criteria[0]!.explanation.zh).toContain('出生日期');
    expect(unknown.criteria[0]!.explanation.en).toContain('date of birth');
  });
});

describe('rule 4 — exclusions after a MET root', () => {
  const p1 = pol('T-001', allOf(leaf('nationality', 'eq', 'CN')));
  const p2 = pol('T-002', allOf(leaf('nationality', 'eq', 'CN')));
  const p3 = pol('T-003', allOf(leaf('nationality', 'eq', 'JP')));
  const group = (rule: ExclusionGroup['rule']): ExclusionGroup[] => [{ id: 'X-T', policy_codes: ['T-001', 'T-002', 'T-003'], rule }];
  const cn = (extra: TestProfile = {}) => ({ nationality: 'CN', ...extra });

  it('receiving the policy itself → ALREADY_RECEIVING (no group needed)', () => {
    expect(run(cn({ receiving: [{ policy_id: 'T-001' }] }), [p1])['T-001']!.status).toBe('ALREADY_RECEIVING');
  });
  it('one_active_at_a_time: receiving another member excludes; having received it before does not', () => {
    const r = run(cn({ receiving: [{ policy_id: 'T-001', since: '2025-01-01' }] }), [p1, p2, p3], group('one_active_at_a_time'));
    expect(r['T-001']!.status).toBe('ALREADY_RECEIVING');
    expect(r['T-002']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['T-001'] });
    const past = run(cn({ received: [{ policy_id: 'T-001', date: '2024-01-01' }] }), [p1, p2, p3], group('one_active_at_a_time'));
    expect(past['T-002']).toMatchObject({ status: 'ELIGIBLE', excludedBy: [] });
  });
  it('once_per_person: having received any member (itself included) excludes', () => {
    const r = run(cn({ received: [{ policy_id: 'T-001', date: '2024-01-01' }] }), [p1, p2, p3], group('once_per_person'));
    expect(r['T-001']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['T-001'] });
    expect(r['T-002']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['T-001'] });
  });
  it('one_of: receiving or having received another member excludes', () => {
    const r = run(cn({ receiving: [{ policy_id: 'T-002' }] }), [p1, p2, p3], group('one_of'));
    expect(r['T-001']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['T-002'] });
    expect(r['T-002']!.status).toBe('ALREADY_RECEIVING');
  });
  it.each(['one_active_at_a_time', 'once_per_person', 'one_of'] as const)('%s: two ELIGIBLE members, neither received → both flagged choose_one', (rule) => {
    const r = run(cn({ receiving: [], received: [] }), [p1, p2, p3], group(rule));
    expect(r['T-001']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true });
    expect(r['T-002']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true });
    expect(r['T-003']).toMatchObject({ status: 'INELIGIBLE', chooseOne: false });
  });
  it('no choose_one when only one member is ELIGIBLE, or one of them was received before', () => {
    expect(run(cn(), [p1, p3], group('one_active_at_a_time'))['T-001']!.chooseOne).toBe(false);
    const r = run(cn({ received: [{ policy_id: 'T-001', date: '2020-01-01' }] }), [p1, p2, p3], group('one_active_at_a_time'));
    expect(r['T-001']).toMatchObject({ status: 'ELIGIBLE', chooseOne: false });
    expect(r['T-002']).toMatchObject({ status: 'ELIGIBLE', chooseOne: false });
  });
  it('exclusions apply only to a MET root', () => {
    const r = run({ nationality: 'JP', receiving: [{ policy_id: 'T-001' }] }, [p1, p2, p3], group('one_active_at_a_time'));
    expect(r['T-001']!.status).toBe('INELIGIBLE');
    expect(r['T-003']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['T-001'] });
  });
  it('unknown receiving / received lists exclude nothing', () => {
    const r = run(cn({ receiving: null, received: null }), [p1, p2], group('once_per_person'));
    expect(r['T-001']!.status).toBe('ELIGIBLE');
  });
});

describe('rule 5 — near miss: one remediable leaf away', () => {
  const cn = leaf('nationality', 'eq', 'CN');
  it('a single remediable NOT_MET leaf → NEAR_MISS naming it', () => {
    const r = one({ nationality: 'CN', portfolio_count: 10 }, allOf(cn, leaf('portfolio_count', 'gte', 20)));
    expect(r).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'portfolio_count_gte' } });
    expect(r.nearMiss).not.toHaveProperty('eligibleFrom');
  });
  it('default remediable by field (§6.5 preamble): education, honours, title… are not remediable', () => {
    expect(one({ education: '大专' }, allOf(leaf('education', 'in', ['本科']))).status).toBe('INELIGIBLE');
    expect(one({ honours: [] }, allOf(leaf('honours', 'count_gte', 1))).status).toBe('INELIGIBLE');
    expect(one({ nationality: 'JP' }, allOf(cn)).status).toBe('INELIGIBLE');
    expect(one({ title: { level: '助理' } }, allOf(leaf('title.level', 'eq', '中级'))).status).toBe('INELIGIBLE');
    expect(one({ exhibitions: [] }, allOf(leaf('exhibitions', 'count_gte', 1))).status).toBe('NEAR_MISS');
    expect(one({ birth_date: '1980-01-01' }, allOf(leaf('age', 'lte', 35))).status).toBe('NEAR_MISS'); // age is not in the list
  });
  it('an explicit remediable wins over the default', () => {
    expect(one({ education: '大专' }, allOf(leaf('education', 'in', ['本科'], { remediable: true }))).status).toBe('NEAR_MISS');
    expect(one({ portfolio_count: 3 }, allOf(leaf('portfolio_count', 'gte', 20, { remediable: false }))).status).toBe('INELIGIBLE');
  });
  it('time_based implies remediable', () => {
    const r = one({ title: { level: '助理', date: '2024-03-10' } }, allOf(leaf('years_since_title', 'gte', 4, { time_based: true })));
    expect(r).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'years_since_title_gte', eligibleFrom: '2028-03-10' } });
    expect(one({ title: { level: '助理', date: '2024-03-10' } }, allOf(leaf('years_since_title', 'gte', 4))).status).toBe('INELIGIBLE');
  });
  it('two NOT_MET leaves → INELIGIBLE even if both are remediable', () => {
    expect(one({ portfolio_count: 1, commitment_years: 1 }, allOf(leaf('portfolio_count', 'gte', 20), leaf('commitment_years', 'gte', 3))).status).toBe('INELIGIBLE');
  });
  it('a NOT_MET root with another UNKNOWN leaf is INELIGIBLE: one fix must make the root MET', () => {
    expect(one({ portfolio_count: 1 }, allOf(leaf('portfolio_count', 'gte', 20), leaf('sector', 'eq', '陶瓷'))).status).toBe('INELIGIBLE');
  });
  it('any: a branch qualifies when it has exactly one NOT_MET leaf and that leaf is remediable', () => {
    const t = anyOf(allOf(leaf('education', 'eq', '本科'), leaf('portfolio_count', 'gte', 20)), leaf('education', 'eq', '博士'));
    expect(one({ education: '本科', portfolio_count: 3 }, t)).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'portfolio_count_gte' } });
    expect(one({ education: '大专', portfolio_count: 3 }, t).status).toBe('INELIGIBLE'); // the branch has two NOT_MET leaves
    expect(one({ education: '本科', portfolio_count: null }, t).status).toBe('NEEDS_INFO');
  });
  it('negated leaves are fixed by becoming NOT_MET', () => {
    expect(one({ credit_bad: true }, allOf(not(leaf('credit_bad', 'eq', true)))).status).toBe('NEAR_MISS');
  });

  describe('eligible_from for time-based leaves on date-derived fields', () => {
    const nm = (profile: TestProfile, l: FieldLeaf, on = ON) => one(profile, allOf(l), on).nearMiss;
    it('practice_years: practice_start + N years', () => {
      expect(nm({ practice_start: '2025-09-01' }, leaf('practice_years', 'gte', 1, { time_based: true }))).toEqual({ criterionId: 'practice_years_gte', eligibleFrom: '2026-09-01' });
    });
    it('months_in_jdz: residence_since + N months, clamped to month end', () => {
      expect(nm({ residence_since: '2026-03-31' }, leaf('months_in_jdz', 'gte', 3, { time_based: true }))?.eligibleFrom).toBe('2026-06-30');
    });
    it('age: the birthday; 29 February turns a year older on 1 March in common years', () => {
      expect(nm({ birth_date: '2008-06-02' }, leaf('age', 'gte', 18, { time_based: true }))?.eligibleFrom).toBe('2026-06-02');
      expect(nm({ birth_date: '2008-02-29' }, leaf('age', 'gte', 18, { time_based: true }), '2026-01-01')?.eligibleFrom).toBe('2026-03-01');
      expect(nm({ birth_date: '2010-01-01' }, leaf('age', 'between', [18, 60], { time_based: true }))?.eligibleFrom).toBe('2028-01-01');
    });
    it('business_operating_months and months_since_graduation', () => {
      expect(nm({ business: { registered_date: '2026-01-31' } }, leaf('business_operating_months', 'gte', 6, { time_based: true }))?.eligibleFrom).toBe('2026-07-31');
      expect(nm({ graduation_date: '2026-05-20' }, leaf('months_since_graduation', 'gte', 12, { time_based: true }))?.eligibleFrom).toBe('2027-05-20');
    });
    it('non-time-based leaves and non-date fields get no eligible_from', () => {
      expect(nm({ practice_start: '2025-09-01' }, leaf('practice_years', 'gte', 1))).toEqual({ criterionId: 'practice_years_gte' });
      expect(nm({ social_insurance_months_jdz: 2 }, leaf('social_insurance_months_jdz', 'gte', 6, { time_based: true }))).toEqual({ criterionId: 'social_insurance_months_jdz_gte' });
    });
    it('the earliest eligible_from wins', () => {
      const t = anyOf(leaf('practice_years', 'gte', 1, { time_based: true }), leaf('months_in_jdz', 'gte', 3, { time_based: true }));
      expect(one({ practice_start: '2025-09-01', residence_since: '2026-04-10' }, t).nearMiss).toEqual({ criterionId: 'months_in_jdz_gte', eligibleFrom: '2026-07-10' });
    });
    it('a fix without eligible_from counts as available on eval_date', () => {
      const t = anyOf(leaf('practice_years', 'gte', 1, { time_based: true }), leaf('portfolio_count', 'gte', 20));
      expect(one({ practice_start: '2025-09-01', portfolio_count: 3 }, t).nearMiss).toEqual({ criterionId: 'portfolio_count_gte' });
    });
    it('ties → the first one declared', () => {
      const t = anyOf(leaf('business_operating_months', 'gte', 3, { time_based: true }), leaf('months_in_jdz', 'gte', 3, { time_based: true }));
      const p = { business: { registered_date: '2026-04-10' }, residence_since: '2026-04-10' };
      expect(one(p, t).nearMiss).toEqual({ criterionId: 'business_operating_months_gte', eligibleFrom: '2026-07-10' });
      const swapped = anyOf(leaf('months_in_jdz', 'gte', 3, { time_based: true }), leaf('business_operating_months', 'gte', 3, { time_based: true }));
      expect(one(p, swapped).nearMiss?.criterionId).toBe('months_in_jdz_gte');
      expect(one({ portfolio_count: 1, commitment_years: 1 }, anyOf(leaf('portfolio_count', 'gte', 20), leaf('commitment_years', 'gte', 3))).nearMiss).toEqual({ criterionId: 'portfolio_count_gte' });
    });
    it('a time-based fix that only arrives after another leaf has lapsed is no fix', () => {
      const t = allOf(leaf('months_since_graduation', 'lte', 24, { remediable: false }), leaf('business_operating_months', 'gte', 6, { time_based: true }));
      // The 24-month graduate window holds until 2026-07-19.
      expect(one({ graduation_date: '2024-06-20', business: { registered_date: '2026-01-10' } }, t).nearMiss).toEqual({ criterionId: 'business_operating_months_gte', eligibleFrom: '2026-07-10' });
      expect(one({ graduation_date: '2024-06-20', business: { registered_date: '2026-02-15' } }, t)).toMatchObject({ status: 'INELIGIBLE', nearMiss: null });
    });
    it('a near miss that ends in committee review still counts', () => {
      expect(one({ portfolio_count: 0 }, allOf(leaf('portfolio_count', 'gte', 1), manual('panel'))).status).toBe('NEAR_MISS');
    });
  });
});

describe('rule 6 — NEEDS_INFO lists the raw fields behind the UNKNOWN leaves', () => {
  const missing = (profile: TestProfile, l: CriterionNode) => one(profile, allOf(l)).missingFields;
  it('derived fields are replaced by their null inputs', () => {
    expect(missing({ nationality: 'CN' }, leaf('is_local_hukou', 'eq', false))).toEqual(['hukou_city']);
    expect(missing({}, leaf('is_local_hukou', 'eq', false))).toEqual(['nationality', 'hukou_city']);
    expect(missing({}, leaf('months_since_graduation', 'lte', 24))).toEqual(['graduation_date']);
    expect(missing({}, leaf('age', 'lte', 35))).toEqual(['birth_date']);
    expect(missing({}, leaf('practice_years', 'gte', 2))).toEqual(['practice_start']);
    expect(missing({ business: { form: 'individual' } }, leaf('business_operating_months', 'gte', 6))).toEqual(['business.registered_date']);
    expect(missing({ title: { level: '助理' } }, leaf('years_since_title', 'gte', 4))).toEqual(['title.date']);
    // ICH known, honours unknown: the count is 0–3, not a known 0 (was [] before the bound fix)
    expect(missing({ ich: { level: 'none' } }, leaf('honours_b_level_count', 'gte', 2))).toEqual(['honours']);
    expect(missing({ ich: { level: 'none' }, honours: [] }, leaf('honours_b_level_count', 'gte', 2))).toEqual([]); // known: 0
    expect(missing({}, leaf('honours_b_level_count', 'gte', 2))).toEqual(['honours', 'ich.level']);
  });
  it('works_in_jdz and business.registered_in_jdz name only the inputs that are null', () => {
    expect(missing({}, leaf('works_in_jdz', 'eq', true))).toEqual(['employment', 'employer_district', 'business.form', 'business.registered_district']);
    expect(missing({ employment: 'contract', business: { form: 'individual' } }, leaf('works_in_jdz', 'eq', true))).toEqual(['employer_district', 'business.registered_district']);
    expect(missing({ employment: 'contract', employer_district: '南昌', business: { form: 'individual' } }, leaf('business.registered_in_jdz', 'eq', true))).toEqual([
      'business.registered_district',
    ]);
    expect(missing({ employment: 'none', business: { form: 'none' } }, leaf('works_or_lives_in_jdz', 'eq', true))).toEqual(['residence_district', 'residence_since']);
    expect(missing({ employment: 'self_employed', residence_since: '2027-01-01' }, leaf('works_or_lives_in_jdz', 'eq', true))).toEqual(['studio.district', 'business.form', 'business.registered_district']);
    // §6.2 amended: a freelancer without a licence is asked where the studio is (the question that can change it).
    expect(missing({ employment: 'informal', business: { form: 'none' } }, leaf('works_in_jdz', 'eq', true))).toEqual(['studio.district']);
    expect(missing({ employment: 'contract', employer_district: '南昌', business: { form: 'none' } }, leaf('works_in_jdz', 'eq', true))).toEqual([]);
  });
  it('nested raw fields and list items', () => {
    expect(missing({ studio: null }, leaf('studio.district', 'eq', '珠山区'))).toEqual(['studio.district']);
    expect(missing({ awards: [{ level: 'national', rank: null, year: 2025 }] }, leaf('awards', 'count_gte', 1, { filter: { rank: 'gold' } }))).toEqual(['awards']);
  });
  it('only UNKNOWN leaves that keep the root UNKNOWN count, each field once', () => {
    const t = allOf(anyOf(leaf('nationality', 'eq', 'CN'), leaf('sector', 'eq', '陶瓷')), leaf('education', 'eq', '本科'), leaf('age', 'gte', 18), leaf('age', 'lte', 35));
    expect(one({ nationality: 'CN' }, t).missingFields).toEqual(['education', 'birth_date']);
  });
  it('missing fields are ordered by how many policies they unlock', () => {
    const r = run({}, [pol('T-001', allOf(leaf('education', 'eq', '本科'), leaf('sector', 'eq', '陶瓷'))), pol('T-002', allOf(leaf('sector', 'in', ['陶瓷'])))]);
    expect(r['T-001']!.missingFields).toEqual(['sector', 'education']);
  });
  it('other statuses carry no missing fields', () => {
    expect(one({ nationality: 'JP' }, allOf(leaf('nationality', 'eq', 'CN'), leaf('sector', 'eq', '陶瓷'))).missingFields).toEqual([]);
  });
  it('a REVIEW root is NEEDS_REVIEW', () => {
    expect(one({}, allOf(manual('panel'))).status).toBe('NEEDS_REVIEW');
  });
});

describe('rule 7 — valid_until: the last day before an upper bound stops holding', () => {
  const cap35 = allOf(leaf('age', 'lte', 35, { remediable: false }));
  it('age cap at the birthday boundary', () => {
    expect(one({ birth_date: '1990-06-15' }, cap35, '2026-06-14')).toMatchObject({ status: 'ELIGIBLE', validUntil: '2026-06-14' });
    expect(one({ birth_date: '1990-06-15' }, cap35, '2026-06-15')).toMatchObject({ status: 'INELIGIBLE', validUntil: null });
  });
  it('29 February birthdays', () => {
    expect(one({ birth_date: '1992-02-29' }, allOf(leaf('age', 'lte', 34)), ON).validUntil).toBe('2027-02-28'); // 35 on 2027-03-01
    expect(one({ birth_date: '1992-02-29' }, cap35, ON).validUntil).toBe('2028-02-28'); // 36 on 2028-02-29
  });
  it('between uses its upper bound', () => {
    expect(one({ birth_date: '1970-01-10' }, allOf(leaf('age', 'between', [18, 60])), ON).validUntil).toBe('2031-01-09');
  });
  it('lte on months and years fields', () => {
    expect(one({ graduation_date: '2024-07-15' }, allOf(leaf('months_since_graduation', 'lte', 24)), ON).validUntil).toBe('2026-08-14');
    expect(one({ graduation_date: '2024-07-15' }, allOf(leaf('months_since_graduation', 'lte', 24)), '2026-08-14').status).toBe('ELIGIBLE');
    expect(one({ graduation_date: '2024-07-15' }, allOf(leaf('months_since_graduation', 'lte', 24, { remediable: false })), '2026-08-15').status).toBe('INELIGIBLE');
    expect(one({ residence_since: '2026-05-31' }, allOf(leaf('months_in_jdz', 'lte', 1)), ON).validUntil).toBe('2026-07-30');
    expect(one({ practice_start: '2024-09-01' }, allOf(leaf('practice_years', 'lte', 2)), ON).validUntil).toBe('2027-08-31');
  });
  it('time windows: within_months and dated list filters', () => {
    expect(one({ relocated_to_jdz_date: '2025-09-10' }, allOf(leaf('relocated_to_jdz_date', 'within_months', 12)), ON).validUntil).toBe('2026-09-10');
    const awards = [{ level: 'national' as const, year: 2024 }, { level: 'national' as const, date: '2025-03-01' }, { level: 'national' as const, date: '2026-01-01' }];
    expect(one({ awards }, allOf(leaf('awards', 'count_gte', 2, { filter: { within_months: 36 } })), ON).validUntil).toBe('2028-03-01');
    expect(one({ awards }, allOf(leaf('awards', 'count_gte', 1, { filter: { within_months: 36 } })), ON).validUntil).toBe('2029-01-01');
  });
  it('all: the earliest lapse; any: only when every MET branch has lapsed', () => {
    const p = { birth_date: '1992-02-29', graduation_date: '2024-07-15' };
    const a = leaf('age', 'lte', 35);
    const g = leaf('months_since_graduation', 'lte', 24);
    expect(one(p, allOf(a, g), ON).validUntil).toBe('2026-08-14');
    expect(one(p, anyOf(a, g), ON).validUntil).toBe('2028-02-28');
    expect(one({ ...p, nationality: 'CN' }, anyOf(a, leaf('nationality', 'eq', 'CN')), ON).validUntil).toBeNull();
  });
  it('no upper bound → null; gates pass on the upstream valid_until', () => {
    expect(one({ portfolio_count: 30 }, allOf(leaf('portfolio_count', 'gte', 20)), ON).validUntil).toBeNull();
    const r = run({ birth_date: '1990-06-15', portfolio_count: 3 }, [pol('U-001', cap35), pol('D-001', allOf(gate('U-001'), leaf('portfolio_count', 'gte', 1)))], [], ON);
    expect(r['D-001']!.validUntil).toBe('2026-06-14');
  });
  it('a NEEDS_REVIEW policy still reports its window', () => {
    expect(one({ birth_date: '1990-06-15' }, allOf(leaf('age', 'lte', 35), manual('panel')), ON)).toMatchObject({ status: 'NEEDS_REVIEW', validUntil: '2026-06-14' });
  });
});

describe('rule 8 — tier policies are exclusive by highest_tier_only', () => {
  const tiers = CORE_POLICIES.filter((p) => p.tier);
  const tierGroup = CORE_EXCLUSION_GROUPS.filter((g) => g.rule === 'highest_tier_only');
  // 省级工艺美术大师 (C) and 中级 title at 41 (E), working in 珠山区.
  const cAndE: TestProfile = {
    birth_date: '1985-01-01',
    honours: [{ type: '省级工艺美术大师', province: '江西' }],
    title: { level: '中级', date: '2015-01-01' },
    ich: { level: 'none' },
    education: '本科',
    skill_level: 'none',
    awards: [],
    employment: 'contract',
    employer_district: '珠山区',
  };
  const perTier = pol('T-023', allOf(leaf('tier', 'in', ['B', 'C', 'D'])), {
    benefit: {
      amount_table: [
        { when: leaf('tier', 'eq', 'B'), amount: 3000 },
        { when: leaf('tier', 'eq', 'C'), amount: 2000 },
        { when: leaf('tier', 'eq', 'D'), amount: 1000 },
      ],
      text_zh: '生活津贴',
    },
  });
  const cat = [...tiers, perTier, pol('T-099', allOf(leaf('tier', 'eq', 'E')))];

  it('a lower tier whose root is MET is EXCLUDED by the higher ELIGIBLE one', () => {
    const r = run(cAndE, cat, tierGroup);
    expect(r['JP-010']!.status).toBe('INELIGIBLE');
    expect(r['JP-011']!.status).toBe('INELIGIBLE');
    expect(r['JP-012']!.status).toBe('ELIGIBLE');
    expect(r['JP-013']!.status).toBe('INELIGIBLE');
    expect(r['JP-014']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-012'], chooseOne: false });
  });
  it('per-tier benefits read the single highest tier', () => {
    const r = run(cAndE, cat, tierGroup);
    expect(r['T-023']).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 2000 });
    expect(r['T-099']!.status).toBe('INELIGIBLE'); // tier is C, not E
  });
  it('a certified (receiving or received) higher tier excludes too, even if its criteria fail today', () => {
    const r = run({ ...cAndE, receiving: [{ policy_id: 'JP-011' }] }, cat, tierGroup);
    expect(r['JP-011']!.status).toBe('INELIGIBLE');
    expect(r['JP-012']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-011'] });
    expect(r['JP-014']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-011'] });
    expect(r['T-023']!.amountEstimate).toBe(3000);
    const received = run({ ...cAndE, received: [{ policy_id: 'JP-011', date: '2023-05-01' }] }, cat, tierGroup);
    expect(received['JP-012']!.excludedBy).toEqual(['JP-011']);
  });
  it('a higher tier that is NEEDS_INFO excludes nothing, but makes the derived tier uncertain', () => {
    const r = run({ ...cAndE, honours: null }, cat, tierGroup);
    expect(r['JP-011']!.status).toBe('NEEDS_INFO');
    expect(r['JP-012']!.status).toBe('NEEDS_INFO');
    expect(r['JP-014']).toMatchObject({ status: 'ELIGIBLE', excludedBy: [] });
    expect(r['T-099']).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['honours'] });
    expect(r['T-023']!.amountEstimate).toBeNull();
  });
  it('a higher tier that is NEEDS_REVIEW excludes nothing', () => {
    const masters: TestProfile = { ...cAndE, honours: [{ type: '中国工艺美术大师' }, { type: '中华技能大奖' }] };
    const r = run(masters, cat, tierGroup);
    expect(r['JP-010']!.status).toBe('NEEDS_REVIEW');
    expect(r['JP-011']).toMatchObject({ status: 'ELIGIBLE', excludedBy: [] });
    expect(r['JP-014']!.excludedBy).toEqual(['JP-011']);
  });
  it('a higher tier that is a NEAR_MISS excludes nothing', () => {
    // B honour, but neither works nor lives in JDZ (c_in_jdz is remediable by default).
    const r = run({ ...cAndE, honours: [{ type: '中国陶瓷艺术大师' }], employer_district: '南昌', business: { form: 'none' }, residence_district: '南昌' }, cat, tierGroup);
    expect(r['JP-011']!.status).toBe('NEAR_MISS');
    expect(r['JP-014']!.status).toBe('NEAR_MISS'); // works_in_jdz is false there too
  });
  it('no tier at all → tier leaves are NOT_MET (known)', () => {
    const r = run({ ...cAndE, honours: [], title: { level: 'none' } }, cat, tierGroup);
    expect(r['T-023']!.status).toBe('INELIGIBLE');
  });
});

describe('rule 9 — amounts come from the version in force', () => {
  it('JP-033: 3,000 under v1, 5,000 under v2', () => {
    const founder: TestProfile = { graduation_date: '2024-06-30', business: { form: 'individual', registered_district: '珠山区', registered_date: '2024-05-15', first_time: true } };
    const r1 = run(founder, CORE_POLICIES, CORE_EXCLUSION_GROUPS, '2024-12-31')['JP-033']!;
    const r2 = run(founder, CORE_POLICIES, CORE_EXCLUSION_GROUPS, '2025-01-01')['JP-033']!;
    expect(r1).toMatchObject({ status: 'ELIGIBLE', version: '1.0.0', amountEstimate: 3000 });
    expect(r2).toMatchObject({ status: 'ELIGIBLE', version: '2.0.0', amountEstimate: 5000 });
  });
  it('amount tables take the first MET row; an undecidable row gives null', () => {
    const t = pol('T-001', allOf(leaf('education', 'exists')), {
      benefit: { amount_table: [{ when: leaf('education', 'eq', '博士'), amount: 1500 }, { when: leaf('education', 'eq', '本科'), amount: 500 }, { amount: 100 }], text_zh: 'x' },
    });
    expect(run({ education: '本科' }, [t])['T-001']!.amountEstimate).toBe(500);
    expect(run({ education: '大专' }, [t])['T-001']!.amountEstimate).toBe(100);
    expect(run({}, [t])['T-001']!.amountEstimate).toBeNull();
  });
  it('rate × base, capped (JP-036)', () => {
    const studio = (monthly_rent: number | null) => ({ studio: { district: '珠山区', lease_months: 12, area_m2: 20, monthly_rent, government_free: false } });
    const amt = (p: TestProfile) => run(p, CORE_POLICIES, CORE_EXCLUSION_GROUPS)['JP-036']!.amountEstimate;
    expect(amt(studio(800))).toBe(4800);
    expect(amt(studio(1500))).toBe(6000);
    expect(amt(studio(null))).toBeNull();
  });
  it('per counted item with a cap (JP-055)', () => {
    const app = (n: number) => Array.from({ length: n }, () => ({ age: 24, agreement_months: 24 }));
    const amt = (n: number) => run({ honours: [{ type: '市级大师' }], apprentices: app(n) }, CORE_POLICIES, CORE_EXCLUSION_GROUPS)['JP-055']!;
    expect(amt(3)).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 9000 });
    expect(amt(7)).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 15000 });
  });
});

describe('regressions found by the property tests', () => {
  it('honours_b_level_count is not a known count while honours is unknown (ICH alone is only a lower bound)', () => {
    // honours null, ich national: the count is at least 1 but may be 2+ → JP-010 (≥ 2) needs honours, it is not INELIGIBLE.
    const r = run({ honours: null, ich: { level: 'national' } }, CORE_POLICIES, CORE_EXCLUSION_GROUPS)['JP-010']!;
    expect(r).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['honours'] });
    // ...while a lower bound that already satisfies the test decides it
    expect(one({ honours: null, ich: { level: 'national' } }, allOf(leaf('honours_b_level_count', 'gte', 1))).status).toBe('ELIGIBLE');
    // ...and a known honours list with an unknown ICH level bounds the count to [n, n + 1]
    expect(one({ honours: [], ich: null }, allOf(leaf('honours_b_level_count', 'gte', 2))).status).toBe('INELIGIBLE');
    expect(one({ honours: [{ type: '中国陶瓷艺术大师' }], ich: null }, allOf(leaf('honours_b_level_count', 'gte', 2)))).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['ich.level'] });
  });
});

describe('regressions found by the property tests (2)', () => {
  it('date operators on a detail of something the person does not have are NOT_MET, not an UNKNOWN with nothing to ask', () => {
    // business.form 'none' makes business.registered_date a known "none"; it used to yield NEEDS_INFO with missingFields [].
    expect(one({ business: { form: 'none' } }, allOf(leaf('business.registered_date', 'within_months', 1)))).toMatchObject({ status: 'NEAR_MISS', missingFields: [] }); // remediable: open a business
    expect(one({ title: { level: 'none' } }, allOf(leaf('title.date', 'older_than_months', 12, { remediable: false })))).toMatchObject({ status: 'INELIGIBLE', missingFields: [] });
  });
});
