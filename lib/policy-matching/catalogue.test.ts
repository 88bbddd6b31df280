import { describe, expect, it } from 'vitest';
import { CATALOGUE, EXCLUSION_GROUPS } from './catalogue';
import { formatGoldenFailures, runGoldenCases } from './golden';
import { GOLDEN_PROFILES } from './golden-profiles';
import { leavesOf, metadataIssues, validateCatalogue, type FieldLeaf } from './model';

const SEED_CODES = [
  'JP-001', 'JP-002', 'JP-003', 'JP-010', 'JP-011', 'JP-012', 'JP-013', 'JP-014',
  'JP-020', 'JP-021', 'JP-022', 'JP-023', 'JP-024', 'JP-025', 'JP-026',
  'JP-030', 'JP-031', 'JP-032', 'JP-033', 'JP-034', 'JP-035', 'JP-036', 'JP-037', 'JP-038', 'JP-039',
  'JP-040', 'JP-041', 'JP-042', 'JP-043', 'JP-044', 'JP-045', 'JP-046',
  'JP-050', 'JP-051', 'JP-052', 'JP-053', 'JP-054', 'JP-055', 'JP-056', 'JP-057',
  'JP-060', 'JP-061', 'JP-062', 'JP-063', 'JP-064', 'JP-065', 'JP-066', 'JP-070',
]; // prettier-ignore

describe('the seed catalogue (§6.4)', () => {
  it('holds every §6.4 row in code order', () => {
    expect(CATALOGUE.map((p) => p.code)).toEqual(SEED_CODES);
  });
  it('validates, with its exclusion groups', () => {
    expect(validateCatalogue(CATALOGUE, EXCLUSION_GROUPS)).toEqual([]);
    expect(EXCLUSION_GROUPS.map((g) => `${g.id}:${g.rule}:${g.policy_codes.join(',')}`)).toEqual([
      'X-HOUSING:one_active_at_a_time:JP-020,JP-021',
      'X-LOAN:one_active_at_a_time:JP-030,JP-032',
      'X-TIER:highest_tier_only:JP-010,JP-011,JP-012,JP-013,JP-014',
      'X-ONCE:once_per_person:JP-033,JP-045',
      'X-INTRO:one_of:JP-053,JP-054',
    ]);
  });
  it('says "works in Jingdezhen" one way: every works_in_jdz leaf is the same leaf with the same evidence (issue 14 §2)', () => {
    const leaves = CATALOGUE.flatMap((p) => p.versions.flatMap((v) => leavesOf(v.criteria).filter((l): l is FieldLeaf => 'field' in l && l.field === 'works_in_jdz').map((l) => ({ code: p.code, l }))));
    expect(leaves.length).toBeGreaterThan(5);
    expect(new Set(leaves.map(({ l }) => JSON.stringify({ op: l.op, value: l.value, evidence: l.evidence })))).toEqual(new Set([JSON.stringify({ op: 'eq', value: true, evidence: 'jdz_work_proof' })]));
    // The material names every way to prove it, the freelancer's studio lease included (§6.2 amended).
    for (const p of CATALOGUE.filter((x) => leaves.some((y) => y.code === x.code))) for (const v of p.versions) expect(v.application?.materials.map((m) => m.code), p.code).toContain('jdz_work_proof');
  });
  it('every policy carries the §6.1 metadata, active versions and an application', () => {
    expect(CATALOGUE.flatMap(metadataIssues)).toEqual([]);
    for (const p of CATALOGUE) for (const v of p.versions) expect(v.status, `${p.code}@${v.version}`).toBe('active');
  });
  it('provenance follows the Tag column (any M → modelled; A or A/P → analog; pure P → published)', () => {
    const by = (prov: string) => CATALOGUE.filter((p) => p.provenance === prov).map((p) => p.code);
    expect(by('published')).toEqual(['JP-003', 'JP-038', 'JP-040', 'JP-050', 'JP-063', 'JP-064', 'JP-065']);
    expect(by('analog')).toEqual(['JP-002', 'JP-024', 'JP-025', 'JP-030', 'JP-031', 'JP-033', 'JP-035', 'JP-042', 'JP-043', 'JP-044', 'JP-046', 'JP-053', 'JP-054', 'JP-070']);
    expect(by('modelled')).toHaveLength(48 - 7 - 14);
  });
  it('sources never invent URLs', () => {
    for (const p of CATALOGUE) for (const s of p.sources ?? []) expect(s.url, p.code).toBeUndefined();
  });
  it('every material a criterion cites as evidence is listed in the application', () => {
    // validatePolicy checks it; this guards that the check is exercised at all.
    expect(CATALOGUE.some((p) => p.versions.some((v) => JSON.stringify(v.criteria).includes('"evidence"')))).toBe(true);
  });
});

describe('golden cases (§6.1 test_cases)', () => {
  it('every version of every policy has at least three, with known profile refs', () => {
    for (const p of CATALOGUE)
      for (const v of p.versions) {
        const cases = v.test_cases ?? [];
        expect(cases.length, `${p.code}@${v.version}`).toBeGreaterThanOrEqual(3);
        for (const c of cases) if (c.profile_ref) expect(GOLDEN_PROFILES, `${p.code} «${c.name}»`).toHaveProperty(c.profile_ref);
        // one positive outcome, one negative or open outcome
        expect(cases.some((c) => ['ELIGIBLE', 'NEEDS_REVIEW', 'ALREADY_RECEIVING'].includes(c.expect)), `${p.code}@${v.version} positive`).toBe(true);
        expect(cases.some((c) => !['ELIGIBLE', 'NEEDS_REVIEW', 'ALREADY_RECEIVING'].includes(c.expect)), `${p.code}@${v.version} negative`).toBe(true);
      }
  });
  for (const p of CATALOGUE)
    for (const v of p.versions)
      it(`${p.code}@${v.version}`, () => {
        const failures = formatGoldenFailures(p.code, v.version, runGoldenCases(p.code, v, CATALOGUE, EXCLUSION_GROUPS));
        expect(failures).toEqual([]);
      });
});
