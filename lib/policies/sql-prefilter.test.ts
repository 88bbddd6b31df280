import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { allOf, anyOf, gate, leaf, manual, not } from '@/lib/policy-matching/model';
import type { PrefilterMode } from '@/lib/policy-matching/prefilter';
import { pol } from '@/lib/policy-matching/test-helpers';
import { compilePrefilter } from './sql-prefilter';

const dialect = new PgDialect();
const compile = (code: string, catalogue = CORE_POLICIES, evalDate = '2026-06-01', mode: PrefilterMode = 'strict') => dialect.sqlToQuery(compilePrefilter(code, catalogue, CORE_EXCLUSION_GROUPS, { evalDate, mode }));

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

  it('compiles every core policy in every mode', () => {
    for (const p of CORE_POLICIES) for (const mode of ['met', 'strict', 'relaxed'] as const) expect(compile(p.code, CORE_POLICIES, '2026-06-01', mode).sql.length).toBeGreaterThan(3);
  });
});
