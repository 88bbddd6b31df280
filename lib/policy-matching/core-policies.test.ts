import { describe, expect, it } from 'vitest';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from './core-policies';
import { evaluateAll } from './evaluate';
import type { EvaluationResult, Status } from './model';
import { AJIE, EMMA, MASTER_WANG, SPARSE, XIAOLIN } from './profiles.fixture';
import { resultOf, type TestProfile } from './test-helpers';

const ON = '2026-06-01';
const evalCore = (p: TestProfile, on = ON): Record<string, EvaluationResult> =>
  Object.fromEntries(evaluateAll(p, CORE_POLICIES, CORE_EXCLUSION_GROUPS, on).map((r) => [r.policyCode, r]));
const statuses = (r: Record<string, EvaluationResult>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.status]));

describe('the core catalogue (§6.5)', () => {
  it('holds the 21 core policies in order, with their exclusion groups', () => {
    expect(CORE_POLICIES.map((p) => p.code)).toEqual([
      'JP-001', 'JP-002', 'JP-003', 'JP-010', 'JP-011', 'JP-012', 'JP-013', 'JP-014', 'JP-020', 'JP-021', 'JP-030',
      'JP-032', 'JP-033', 'JP-036', 'JP-040', 'JP-041', 'JP-050', 'JP-053', 'JP-055', 'JP-060', 'JP-061',
    ]); // prettier-ignore
    expect(CORE_EXCLUSION_GROUPS.map((g) => [g.id, g.rule, g.policy_codes.join(' ')])).toEqual([
      ['X-HOUSING', 'one_active_at_a_time', 'JP-020 JP-021'],
      ['X-LOAN', 'one_active_at_a_time', 'JP-030 JP-032'],
      ['X-TIER', 'highest_tier_only', 'JP-010 JP-011 JP-012 JP-013 JP-014'],
      ['X-ONCE', 'once_per_person', 'JP-033'],
    ]);
  });
  it('provenance follows the §6.4 Tag column (any M → modelled; A or A/P → analog; P → published)', () => {
    const prov = Object.fromEntries(CORE_POLICIES.map((p) => [p.code, p.provenance]));
    expect(Object.entries(prov).filter(([, v]) => v === 'published').map(([k]) => k)).toEqual(['JP-003', 'JP-040', 'JP-050']);
    expect(Object.entries(prov).filter(([, v]) => v === 'analog').map(([k]) => k)).toEqual(['JP-002', 'JP-030', 'JP-033', 'JP-053']);
    expect(prov['JP-041']).toBe('modelled'); // P (path) / M (业绩)
    expect(prov['JP-032']).toBe('modelled'); // P (amount) / M (rules)
  });
  it('every policy has bilingual titles and tier letters A–E on JP-010…014', () => {
    for (const p of CORE_POLICIES) expect(p.title_en, p.code).toBeTruthy();
    expect(CORE_POLICIES.filter((p) => p.tier).map((p) => `${p.code}:${p.tier}`)).toEqual(['JP-010:A', 'JP-011:B', 'JP-012:C', 'JP-013:D', 'JP-014:E']);
  });
  it('JP-001 keeps the explicit §6.5 ids; JP-033 has two versions', () => {
    const r = evalCore(XIAOLIN)['JP-001']!;
    expect(r.criteria.map((c) => c.id)).toEqual(['c_nonlocal', 'c_stay', 'c_sector', 'c_adult']);
    expect(CORE_POLICIES.find((p) => p.code === 'JP-033')!.versions.map((v) => [v.version, v.effective_from, v.effective_to ?? null, v.benefit.amount])).toEqual([
      ['1.0.0', '2021-01-01', '2024-12-31', 3000],
      ['2.0.0', '2025-01-01', null, 5000],
    ]);
  });
});

describe('小林 — six weeks in 珠山区, graduated 2024, no business yet', () => {
  const r = evalCore(XIAOLIN);
  it('statuses', () => {
    expect(statuses(r)).toEqual({
      'JP-001': 'NEAR_MISS',
      'JP-002': 'ELIGIBLE',
      'JP-003': 'INELIGIBLE',
      'JP-010': 'INELIGIBLE',
      'JP-011': 'INELIGIBLE',
      'JP-012': 'INELIGIBLE',
      'JP-013': 'INELIGIBLE',
      'JP-014': 'INELIGIBLE',
      'JP-020': 'INELIGIBLE',
      'JP-021': 'NEAR_MISS',
      'JP-030': 'NEAR_MISS',
      'JP-032': 'INELIGIBLE',
      'JP-033': 'INELIGIBLE',
      'JP-036': 'INELIGIBLE',
      'JP-040': 'ELIGIBLE',
      'JP-041': 'INELIGIBLE',
      'JP-050': 'INELIGIBLE',
      'JP-053': 'INELIGIBLE',
      'JP-055': 'INELIGIBLE',
      'JP-060': 'NEAR_MISS',
      'JP-061': 'INELIGIBLE',
    } satisfies Record<string, Status>);
  });
  it('景漂 registration is three months after arrival; the kiln voucher follows through the gate', () => {
    expect(r['JP-001']!.nearMiss).toEqual({ criterionId: 'c_stay', eligibleFrom: '2026-07-20' });
    expect(r['JP-060']!.nearMiss).toEqual({ criterionId: 'gate_JP-001', eligibleFrom: '2026-07-20' });
    expect(r['JP-001']!.criteria.find((c) => c.id === 'c_stay')!.explanation.zh).toContain('2026-07-20');
  });
  it('the youth hostel is valid while the stay is at most one month', () => {
    expect(r['JP-002']!.validUntil).toBe('2026-06-19');
  });
  it('rent subsidy waits for six months of 社保; the loan needs a registered business', () => {
    expect(r['JP-021']).toMatchObject({ nearMiss: { criterionId: 'social_insurance_months_jdz_gte' }, amountEstimate: 500 });
    expect(r['JP-030']!.nearMiss).toEqual({ criterionId: 'business.registered_in_jdz_eq' });
  });
  it('on 2026-07-20 the registration and kiln voucher become ELIGIBLE; the hostel has lapsed', () => {
    const later = evalCore(XIAOLIN, '2026-07-20');
    expect(later['JP-001']!.status).toBe('ELIGIBLE');
    expect(later['JP-060']).toMatchObject({ status: 'ELIGIBLE', validUntil: '2037-03-11' });
    expect(later['JP-002']!.status).toBe('INELIGIBLE');
  });
});

describe('Emma — Japanese artist (硕士) with a studio business in 珠山区', () => {
  const r = evalCore(EMMA);
  it('foreigners count as non-local: 景漂 and the 洋景漂 station', () => {
    expect(r['JP-001']!.status).toBe('ELIGIBLE');
    expect(r['JP-003']!.status).toBe('ELIGIBLE');
    expect(resultOf(r['JP-001']!, 'c_nonlocal')).toBe('MET');
  });
  it('tier E through 硕士 ≤ 40, valid until the day before her 41st birthday; apartment at 50%', () => {
    expect(r['JP-014']).toMatchObject({ status: 'ELIGIBLE', validUntil: '2035-08-19' });
    expect(r['JP-020']).toMatchObject({ status: 'ELIGIBLE', amountEstimate: null, chooseOne: false });
  });
  it('no guaranteed loan for a foreign national; 景漂贷 instead', () => {
    expect(r['JP-030']).toMatchObject({ status: 'INELIGIBLE', amountEstimate: null });
    expect(r['JP-032']).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 900_000, chooseOne: false });
  });
  it('studio rent subsidy capped at 6,000 a year', () => {
    expect(r['JP-036']).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 6000 });
  });
  it('title paths: assistant via 硕士; intermediate via 硕士 + 2 years and a recent exhibition', () => {
    expect(r['JP-040']!.status).toBe('ELIGIBLE');
    expect(r['JP-041']).toMatchObject({ status: 'ELIGIBLE', validUntil: '2030-10-01' });
  });
  it('kiln voucher until the day before she turns 36; gallery through tier E', () => {
    expect(r['JP-060']).toMatchObject({ status: 'ELIGIBLE', validUntil: '2030-08-19' });
    expect(r['JP-061']!.status).toBe('ELIGIBLE');
  });
  it('graduated too long ago for the graduate schemes', () => {
    expect(r['JP-021']!.status).toBe('INELIGIBLE');
    expect(r['JP-033']!.status).toBe('INELIGIBLE');
    expect(r['JP-002']!.status).toBe('INELIGIBLE');
  });
});

describe('王师傅 — local master, retired, already receiving the ICH subsidy', () => {
  const r = evalCore(MASTER_WANG);
  it('tier A goes to the panel; tier B is ELIGIBLE and excludes C, D and E', () => {
    expect(r['JP-010']!.status).toBe('NEEDS_REVIEW');
    expect(resultOf(r['JP-010']!, 'c_panel')).toBe('REVIEW');
    expect(r['JP-011']).toMatchObject({ status: 'ELIGIBLE', excludedBy: [] });
    for (const c of ['JP-012', 'JP-013', 'JP-014']) expect(r[c], c).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-011'] });
  });
  it('already receiving JP-050', () => {
    expect(r['JP-050']).toMatchObject({ status: 'ALREADY_RECEIVING', amountEstimate: 20_000 });
  });
  it('local hukou: no 景漂 policies; owns a home: no apartment; retired: no title applications', () => {
    for (const c of ['JP-001', 'JP-032', 'JP-036', 'JP-060', 'JP-020', 'JP-040', 'JP-041']) expect(r[c]!.status, c).toBe('INELIGIBLE');
  });
  it('relocation grant needs the relocation date and a commitment', () => {
    expect(r['JP-053']).toMatchObject({ status: 'NEEDS_INFO', missingFields: ['relocated_to_jdz_date', 'commitment_years'], amountEstimate: 2_000_000 });
  });
  it('two qualifying apprentices (the 40-year-old does not count); gallery through tier B', () => {
    expect(r['JP-055']).toMatchObject({ status: 'ELIGIBLE', amountEstimate: 6000 });
    expect(r['JP-061']!.status).toBe('ELIGIBLE');
  });
  it('over 60: no guaranteed loan', () => {
    expect(r['JP-030']!.status).toBe('INELIGIBLE');
  });
});

describe('阿杰 — 景漂 designer who registered a business in January 2026', () => {
  const r = evalCore(AJIE);
  it('housing and loans: both members of each group are ELIGIBLE → choose one', () => {
    expect(r['JP-020']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true });
    expect(r['JP-021']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true, amountEstimate: 500, validUntil: '2029-07-19' });
    expect(r['JP-030']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true, amountEstimate: 300_000, validUntil: '2060-09-08' });
    expect(r['JP-032']).toMatchObject({ status: 'ELIGIBLE', chooseOne: true, amountEstimate: 900_000 });
  });
  it('the start-up grant after six months of operation, just inside the 24-month graduate window', () => {
    expect(r['JP-033']).toMatchObject({ status: 'NEAR_MISS', version: '2.0.0', amountEstimate: 5000, nearMiss: { criterionId: 'business_operating_months_gte', eligibleFrom: '2026-07-10' } });
    expect(evalCore(AJIE, '2026-07-10')['JP-033']).toMatchObject({ status: 'ELIGIBLE', validUntil: '2026-07-19' });
    expect(evalCore(AJIE, '2026-07-20')['JP-033']!.status).toBe('INELIGIBLE');
  });
  it('a business registered a month later would turn six months old after the window closes → INELIGIBLE, not NEAR_MISS', () => {
    const late = evalCore({ ...AJIE, business: { ...AJIE.business, registered_date: '2026-02-15' } });
    expect(late['JP-033']).toMatchObject({ status: 'INELIGIBLE', nearMiss: null });
  });
  it('the studio is in 昌江区, not 珠山区', () => {
    expect(r['JP-036']).toMatchObject({ status: 'NEAR_MISS', nearMiss: { criterionId: 'studio.district_eq' }, amountEstimate: 3600 });
  });
  it('JP-041: practice ≥ 15 years is the single remediable branch as written (no time_based, so no eligible_from)', () => {
    expect(r['JP-041']!.nearMiss).toEqual({ criterionId: 'practice_years_gte_2' });
  });
  it('receiving the apartment excludes the rent subsidy; a past one-off grant is once per person', () => {
    const housed = evalCore({ ...AJIE, receiving: [{ policy_id: 'JP-020', since: '2025-09-01' }] });
    expect(housed['JP-020']!.status).toBe('ALREADY_RECEIVING');
    expect(housed['JP-021']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-020'], chooseOne: false });
    const granted = evalCore({ ...AJIE, received: [{ policy_id: 'JP-033', date: '2026-07-12' }] }, '2026-07-15');
    expect(granted['JP-033']).toMatchObject({ status: 'EXCLUDED', excludedBy: ['JP-033'] });
  });
});

describe('a first visit with almost nothing known', () => {
  const r = evalCore(SPARSE);
  it('everything but the foreigner station needs information', () => {
    const s = statuses(r);
    expect(s['JP-003']).toBe('INELIGIBLE');
    expect(Object.entries(s).filter(([k]) => k !== 'JP-003').every(([, v]) => v === 'NEEDS_INFO')).toBe(true);
  });
  it('asks for the raw fields, most useful first', () => {
    expect(r['JP-001']!.missingFields).toEqual(['residence_since', 'birth_date', 'hukou_city']);
    expect(r['JP-060']!.missingFields).toEqual(['residence_since', 'birth_date', 'hukou_city']);
    expect(r['JP-050']!.missingFields).toEqual(['ich.level']);
    expect(r['JP-010']!.missingFields).toEqual(['honours', 'ich.level']);
  });
  it('the derived tier asks for what the tier policies need', () => {
    expect(r['JP-061']!.missingFields).toEqual(expect.arrayContaining(['honours', 'title.level', 'skill_level', 'awards', 'portfolio_count']));
  });
});
