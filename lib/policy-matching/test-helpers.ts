import type { CanonicalProfile } from '@/lib/talent/profile-schema';
import { evaluateAll } from './evaluate';
import type { Benefit, CriterionNode, EvaluationResult, ExclusionGroup, Policy, PolicyVersion } from './model';

/** Test fixtures shared by the policy-matching tests. */

export type TestProfile = Partial<CanonicalProfile>;

export function pol(code: string, criteria: CriterionNode, extra: Partial<Policy> & { benefit?: Benefit; version?: Partial<PolicyVersion> } = {}): Policy {
  const { benefit, version, ...rest } = extra;
  return {
    code,
    title_zh: `测试政策 ${code}`,
    title_en: `Test policy ${code}`,
    category: 'living',
    provenance: 'modelled',
    versions: [{ version: '1.0.0', effective_from: '2020-01-01', criteria, benefit: benefit ?? { text_zh: '测试' }, ...version }],
    ...rest,
  };
}

export function run(profile: TestProfile, catalogue: readonly Policy[], groups: readonly ExclusionGroup[] = [], on = '2026-06-01'): Record<string, EvaluationResult> {
  return Object.fromEntries(evaluateAll(profile, catalogue, groups, on).map((r) => [r.policyCode, r]));
}

/** Evaluates a single policy (plus helpers) and returns its result. */
export function one(profile: TestProfile, criteria: CriterionNode, on = '2026-06-01', extra: Parameters<typeof pol>[2] = {}): EvaluationResult {
  return run(profile, [pol('T-001', criteria, extra)], [], on)['T-001']!;
}

export const resultOf = (r: EvaluationResult, id: string) => r.criteria.find((c) => c.id === id)?.result;
