import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { ageOn, formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from './core-policies';
import { allOf, anyOf, gate, leaf, manual, not } from './model';
import { __test, compilePrefilter, prefilterModeFor, type PrefilterMode } from './sql-prefilter';
import { pol } from './test-helpers';

const dialect = new PgDialect();
const compile = (code: string, catalogue = CORE_POLICIES, evalDate = '2026-06-01', mode: PrefilterMode = 'strict') => dialect.sqlToQuery(compilePrefilter(code, catalogue, CORE_EXCLUSION_GROUPS, { evalDate, mode }));

describe('calendar helpers', () => {
  it('round-trips epoch days across leap years and centuries', () => {
    for (const s of ['0001-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2024-02-29', '2026-06-01', '9999-12-31']) {
      const d = parseIsoDate(s)!;
      expect(formatYmd(__test.fromDays(__test.toDays(d)))).toBe(s);
    }
    expect(__test.toDays({ y: 1970, m: 1, d: 1 })).toBe(0);
    expect(__test.toDays({ y: 2000, m: 3, d: 1 }) - __test.toDays({ y: 2000, m: 2, d: 28 })).toBe(2);
  });

  it('finds the last birth date of an 18-year-old with the evaluator’s 29 February rule', () => {
    const at = (on: string) => {
      const d = parseIsoDate(on)!;
      const last = __test.lastTrue((b) => ageOn(b, d) >= 18);
      return typeof last === 'number' ? formatYmd(__test.fromDays(last)) : last;
    };
    expect(at('2026-06-01')).toBe('2008-06-01');
    // Born 2008-02-29: 18 only on 1 March 2026 (common year).
    expect(at('2026-02-28')).toBe('2008-02-28');
    expect(at('2026-03-01')).toBe('2008-03-01');
    expect(at('2024-02-29')).toBe('2006-02-28');
  });
});

describe('compilePrefilter', () => {
  it('turns date-derived bounds into date constants computed from the evaluation date', () => {
    const q = compile('JP-021');
    expect(q.sql).toContain('"talent_profiles"."birth_date"');
    // age ≤ 35 ⇔ not (age ≥ 36) ⇔ not (birth_date ≤ 1990-06-01);
    // months since graduation ≤ 60 ⇔ not (≥ 61 full months) ⇔ not (graduation_date ≤ 2021-05-01).
    expect(q.params).toContain('1990-06-01');
    expect(q.params).toContain('2021-05-01');
    expect(q.params).toEqual(expect.arrayContaining(['大专', '本科', '硕士', '博士']));
  });

  it('inlines gates, compiles derived booleans from their inputs and parameterises every constant', () => {
    const q = compile('JP-036');
    expect(q.sql).toContain('"talent_profiles"."receiving" @>'); // the gate's "held" test
    expect(q.params).toContain('[{"policy_id":"JP-001"}]');
    expect(q.params).toContain('珠山区');
    expect(q.sql).not.toContain('珠山区');
    const q2 = compile('JP-012');
    expect(q2.params).toEqual(expect.arrayContaining(['珠山区', '昌江区', '浮梁县', '乐平市', '经开区']));
    expect(q2.sql).toContain('"talent_profiles"."employment"');
  });

  it('is false when the policy is not in force or unknown, and true-ish for manual-only criteria', () => {
    expect(compile('JP-021', CORE_POLICIES, '2020-06-01').sql).toBe('false');
    expect(compile('JP-999').sql).toBe('false');
    const panel = [pol('T-001', allOf(manual('c_panel')))];
    expect(compile('T-001', panel).sql).toContain('null::boolean');
    // 'met': a manual leaf is always REVIEW, never MET.
    expect(compile('T-001', panel, '2026-06-01', 'met').sql).toBe('false');
  });

  it('relaxed mode replaces remediable and time-based leaves by TRUE and keeps negations over them undecided', () => {
    const strict = compile('JP-021', CORE_POLICIES, '2026-06-01', 'strict');
    const relaxed = compile('JP-021', CORE_POLICIES, '2026-06-01', 'relaxed');
    expect(strict.sql).toContain('social_insurance_months_jdz');
    expect(relaxed.sql).not.toContain('social_insurance_months_jdz'); // time_based → true
    expect(relaxed.sql).not.toContain('owns_home_in_jdz'); // remediable by default → true
    expect(relaxed.sql).toContain('birth_date'); // remediable: false → compiled
    const negated = [pol('T-002', allOf(not(leaf('owns_home_in_jdz', 'eq', true)), not(anyOf(gate('T-003')))))];
    const q = compile('T-002', [...negated, pol('T-003', allOf(leaf('retired', 'eq', false)))], '2026-06-01', 'relaxed');
    expect(q.sql).not.toContain('owns_home_in_jdz');
    expect(q.sql).not.toContain('receiving');
    const qs = compile('T-002', [...negated, pol('T-003', allOf(leaf('retired', 'eq', false)))], '2026-06-01', 'strict');
    expect(qs.sql).toContain('(not ');
  });

  it('picks the narrowest mode covering the requested statuses', () => {
    expect(prefilterModeFor(['ELIGIBLE'])).toBe('met');
    expect(prefilterModeFor(['ELIGIBLE', 'NEEDS_INFO'])).toBe('strict');
    expect(prefilterModeFor(['NEEDS_REVIEW'])).toBe('strict');
    expect(prefilterModeFor(['ELIGIBLE', 'NEAR_MISS'])).toBe('relaxed');
  });

  it('compiles every core policy in every mode', () => {
    for (const p of CORE_POLICIES) for (const mode of ['met', 'strict', 'relaxed'] as const) expect(compile(p.code, CORE_POLICIES, '2026-06-01', mode).sql.length).toBeGreaterThan(3);
  });
});
