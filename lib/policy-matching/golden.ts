import type { CanonicalProfile } from '@/lib/talent/profile-schema';
import { evaluateAll } from './evaluate';
import { GOLDEN_PROFILES } from './golden-profiles';
import type { ExclusionGroup, GoldenCase, Policy, PolicyVersion, Status } from './model';

/**
 * Golden cases (§6.1 test_cases): each rule version ships profiles, dates and expected outcomes. runGoldenCases
 * evaluates them against the catalogue with the given version substituted for the policy's versions, so a staff
 * editor can preview an unpublished draft before it goes live. Pure.
 */

export interface GoldenCaseResult {
  name: string;
  expect: Status;
  actual: Status;
  /** undefined = the case does not check the amount. */
  expectedAmount: number | null | undefined;
  actualAmount: number | null;
  pass: boolean;
}

/** The catalogue with `version` as the only version of `policyCode` (forced active); a new code is appended as a stub. */
export function withVersion(catalogue: readonly Policy[], policyCode: string, version: PolicyVersion): Policy[] {
  const v: PolicyVersion = { ...version, status: 'active' };
  const found = catalogue.some((p) => p.code === policyCode);
  const out = catalogue.map((p) => (p.code === policyCode ? { ...p, versions: [v] } : p));
  if (!found) out.push({ code: policyCode, title_zh: policyCode, category: 'living', provenance: 'modelled', versions: [v] });
  return out;
}

function profileOf(c: GoldenCase, profiles: Readonly<Record<string, Partial<CanonicalProfile>>>): Partial<CanonicalProfile> {
  if (c.profile) return c.profile;
  const p = c.profile_ref === undefined ? undefined : profiles[c.profile_ref];
  if (!p) throw new Error(`golden case '${c.name}': unknown profile_ref '${c.profile_ref}'`);
  return p;
}

export function runGoldenCases(
  policyCode: string,
  version: PolicyVersion,
  catalogue: readonly Policy[],
  groups: readonly ExclusionGroup[],
  profiles: Readonly<Record<string, Partial<CanonicalProfile>>> = GOLDEN_PROFILES,
): GoldenCaseResult[] {
  const cat = withVersion(catalogue, policyCode, version);
  return (version.test_cases ?? []).map((c) => {
    const r = evaluateAll(profileOf(c, profiles), cat, groups, c.eval_date).find((x) => x.policyCode === policyCode)!;
    const amountOk = c.amount === undefined || c.amount === r.amountEstimate;
    return { name: c.name, expect: c.expect, actual: r.status, expectedAmount: c.amount, actualAmount: r.amountEstimate, pass: r.status === c.expect && amountOk };
  });
}

/** One line per failing case, for readable test failures. */
export function formatGoldenFailures(policyCode: string, version: string, results: readonly GoldenCaseResult[]): string[] {
  return results
    .filter((r) => !r.pass)
    .map((r) => {
      const amt = r.expectedAmount === undefined || r.expectedAmount === r.actualAmount ? '' : `; amount expected ${r.expectedAmount}, got ${r.actualAmount}`;
      return `${policyCode}@${version} «${r.name}»: expected ${r.expect}, got ${r.actual}${amt}`;
    });
}
