import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalProfile } from '@/lib/talent/profile-schema';
import { BUSINESS_FORMS, EDUCATION, EMPLOYMENT, HONOUR_TYPES, ICH_LEVELS, SECTORS, SKILL_LEVELS, TITLE_LEVELS } from '@/lib/talent/profile-schema';
import { CATALOGUE, EXCLUSION_GROUPS } from './catalogue';
import { evaluateAll } from './evaluate';
import {
  FIELD_SPECS,
  RAW_FIELD_NAMES,
  allOf,
  anyOf,
  dependenciesOf,
  manual,
  not,
  validatePolicy,
  withLeafIds,
  type CriterionNode,
  type CriterionResult,
  type FieldLeaf,
  type FieldName,
  type LeafNode,
  type Policy,
} from './model';
import { pol } from './test-helpers';

/**
 * Property-based tests (fast-check) over random canonical profiles and random criteria trees built from FIELD_SPECS.
 * numRuns stays moderate so `npm test` stays fast.
 */

type Profile = Partial<CanonicalProfile>;
/** FC_RUNS=2000 for a deeper local run. */
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------------

const BASE = Date.UTC(1950, 0, 1);
const isoDay = (d: number) => new Date(BASE + d * 86_400_000).toISOString().slice(0, 10);
const dateIn = (from: number, to: number) => fc.integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) }).map((t) => isoDay(Math.floor((t - BASE) / 86_400_000)));
const anyDate = dateIn(1955, 2029);
const recentDate = dateIn(2015, 2029);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });
const DISTRICTS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区', '南昌', '西湖区'];
const JDZ_DISTRICTS = DISTRICTS.slice(0, 5);
const CODES = CATALOGUE.map((p) => p.code);

const record = { level: fc.constantFrom('international', 'national', 'provincial', 'municipal') };
const awardArb = fc.oneof(
  fc.record({ ...record, rank: fc.constantFrom('gold', 'silver', 'bronze', 'nomination', 'other'), year: fc.integer({ min: 2010, max: 2029 }) }),
  fc.record({ ...record, rank: fc.constantFrom('gold', 'silver', 'bronze'), date: recentDate }),
);
const exhibitionArb = fc.oneof(fc.record({ ...record, year: fc.integer({ min: 2010, max: 2029 }) }), fc.record({ ...record, date: recentDate }));

/** One arbitrary value per raw §6.2 field (nested paths included). */
const VALUE: Record<string, fc.Arbitrary<unknown>> = {
  birth_date: anyDate,
  nationality: fc.constantFrom('CN', 'CN', 'JP', 'GB'),
  hukou_province: fc.constantFrom('江西', '湖南', '江苏'),
  hukou_city: fc.constantFrom('景德镇', '抚州', '长沙', '无锡'),
  residence_since: recentDate,
  residence_district: fc.constantFrom(...DISTRICTS),
  education: fc.constantFrom(...EDUCATION),
  graduation_date: recentDate,
  practice_start: anyDate,
  sector: fc.constantFrom(...SECTORS),
  crafts: fc.array(fc.constantFrom('拉坯', '利坯', '青花', '粉彩'), { maxLength: 3 }),
  employment: fc.constantFrom(...EMPLOYMENT),
  employer_district: fc.constantFrom(...DISTRICTS),
  social_insurance_months_jdz: fc.integer({ min: 0, max: 40 }),
  'business.form': fc.constantFrom(...BUSINESS_FORMS),
  'business.registered_district': fc.constantFrom(...DISTRICTS),
  'business.registered_date': recentDate,
  'business.first_time': fc.boolean(),
  'business.employees_insured': fc.integer({ min: 0, max: 12 }),
  'studio.district': fc.constantFrom(...DISTRICTS),
  'studio.lease_months': fc.integer({ min: 0, max: 36 }),
  'studio.area_m2': fc.integer({ min: 5, max: 80 }),
  'studio.monthly_rent': fc.integer({ min: 100, max: 3000 }),
  'studio.government_free': fc.boolean(),
  owns_home_in_jdz: fc.boolean(),
  'title.level': fc.constantFrom(...TITLE_LEVELS),
  'title.date': recentDate,
  skill_level: fc.constantFrom(...SKILL_LEVELS),
  honours: fc.array(fc.record({ type: fc.constantFrom(...HONOUR_TYPES) }), { maxLength: 3 }),
  'ich.level': fc.constantFrom(...ICH_LEVELS),
  'ich.project': fc.constantFrom('景德镇手工制瓷技艺', '青花'),
  'ich.year': fc.integer({ min: 2006, max: 2026 }),
  awards: fc.array(awardArb, { maxLength: 3 }),
  exhibitions: fc.array(exhibitionArb, { maxLength: 3 }),
  portfolio_count: fc.integer({ min: 0, max: 60 }),
  apprentices: fc.array(fc.record({ age: fc.integer({ min: 16, max: 50 }), agreement_months: fc.integer({ min: 0, max: 36 }) }), { maxLength: 4 }),
  relocated_to_jdz_date: recentDate,
  commitment_years: fc.integer({ min: 0, max: 6 }),
  retired: fc.boolean(),
  credit_bad: fc.boolean(),
  registered_unemployed: fc.boolean(),
  receiving: fc.array(fc.record({ policy_id: fc.constantFrom(...CODES), since: recentDate }), { maxLength: 2 }),
  received: fc.array(fc.record({ policy_id: fc.constantFrom(...CODES), date: recentDate }), { maxLength: 2 }),
};

function setPath(p: Profile, path: string, v: unknown): Profile {
  const [head, sub] = path.split('.') as [string, string | undefined];
  const out = { ...p } as Record<string, unknown>;
  if (sub === undefined) out[head] = v;
  else out[head] = { ...((out[head] as Record<string, unknown> | null | undefined) ?? {}), [sub]: v };
  return out as Profile;
}
function getPath(p: Profile, path: string): unknown {
  let cur: unknown = p;
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur ?? null;
}

/** A consistent canonical profile: foreigners have no hukou; every field may be null (unknown). */
const profileArb: fc.Arbitrary<Profile> = fc
  .tuple(...RAW_FIELD_NAMES.map((f) => opt(VALUE[f]!)))
  .map((vals) => {
    let p: Profile = {};
    RAW_FIELD_NAMES.forEach((f, i) => {
      if (vals[i] !== null) p = setPath(p, f, vals[i]);
    });
    if (p.nationality && p.nationality !== 'CN') p = { ...p, hukou_city: null, hukou_province: null };
    return p;
  });

const evalDateArb = dateIn(2023, 2030);

/** Field names a random leaf may use (tier needs tier policies; covered by the catalogue properties). */
const LEAF_FIELDS = (Object.keys(FIELD_SPECS) as FieldName[]).filter((f) => f !== 'tier' && f !== 'receiving' && f !== 'received');

function leafArb(field: FieldName): fc.Arbitrary<FieldLeaf> {
  const spec = FIELD_SPECS[field];
  const L = (op: FieldLeaf['op'], value?: FieldLeaf['value'], extra: Partial<FieldLeaf> = {}): FieldLeaf => ({ kind: 'leaf', field, op, ...(value === undefined ? {} : { value }), ...extra });
  const enumArb = spec.enum ? fc.constantFrom(...spec.enum) : null;
  switch (spec.type) {
    case 'number': {
      const n = enumArb ? enumArb.filter((x): x is number => typeof x === 'number') : fc.integer({ min: 0, max: 60 });
      return fc.oneof(
        n.map((v) => L('gte', v)),
        n.map((v) => L('lte', v, { remediable: false })),
        fc.tuple(n, n).map(([a, b]) => L('between', [Math.min(a, b), Math.max(a, b)])),
        fc.constant(L('exists')),
      );
    }
    case 'string': {
      const s = enumArb ?? fc.constantFrom(...(field === 'nationality' ? ['CN', 'JP'] : DISTRICTS));
      return fc.oneof(
        s.map((v) => L('eq', v)),
        s.map((v) => L('ne', v)),
        fc.uniqueArray(s, { minLength: 1, maxLength: 3 }).map((v) => L('in', v as string[])),
        fc.uniqueArray(s, { minLength: 1, maxLength: 2 }).map((v) => L('not_in', v as string[])),
      );
    }
    case 'boolean':
      return fc.boolean().map((v) => L('eq', v));
    case 'date':
      return fc.oneof(
        fc.integer({ min: 1, max: 120 }).map((v) => L('within_months', v)),
        fc.integer({ min: 1, max: 120 }).map((v) => L('older_than_months', v, { time_based: true })),
      );
    case 'list': {
      const count = fc.integer({ min: 0, max: 3 });
      const dated = spec.dated ? fc.record({ level: fc.constantFrom('national', 'provincial'), within_months: fc.integer({ min: 6, max: 60 }) }) : fc.constant(undefined);
      const base = fc.tuple(count, dated).map(([k, f]) => L('count_gte', k, f ? { filter: f } : {}));
      if (field === 'honours') return fc.oneof(base, fc.uniqueArray(fc.constantFrom(...HONOUR_TYPES), { minLength: 1, maxLength: 2 }).map((v) => L('contains_any', v)));
      if (field === 'crafts') return fc.oneof(base, fc.constant(L('contains_all', ['拉坯', '青花'])));
      if (field === 'apprentices') return fc.constant(L('count_gte', 2, { filter: { age_lte: 35, agreement_months_gte: 12 } }));
      return base;
    }
  }
}

const anyLeaf: fc.Arbitrary<LeafNode> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...LEAF_FIELDS).chain(leafArb) },
  { weight: 1, arbitrary: fc.constant(manual('m')) },
);

/** Random criteria trees; `negation` adds `not` nodes. Leaf ids are assigned by withLeafIds (manual ones de-duplicated). */
function treeArb(negation: boolean): fc.Arbitrary<CriterionNode> {
  const { tree } = fc.letrec<{ tree: CriterionNode }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      anyLeaf,
      fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((cs) => allOf(...cs)),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((cs) => anyOf(...cs)),
      ...(negation ? [tie('tree').map((c) => not(c))] : []),
    ),
  }));
  let n = 0;
  const renumber = (t: CriterionNode): CriterionNode =>
    t.kind === 'leaf' ? (t.manual ? { ...t, id: `m${n++}` } : t) : t.kind === 'not' ? { ...t, child: renumber(t.child) } : { ...t, children: t.children.map(renumber) };
  return tree.map((t) => {
    n = 0;
    return withLeafIds(renumber(t.kind === 'leaf' ? allOf(t) : t));
  });
}

const policyOf = (criteria: CriterionNode): Policy => pol('T-900', criteria);
const evalOne = (p: Profile, criteria: CriterionNode, on: string) => evaluateAll(p, [policyOf(criteria)], [], on)[0]!;

/** Combine reported leaf results through the tree (§6.3 rule 3). */
function recombine(n: CriterionNode, byId: Map<string, CriterionResult>): CriterionResult {
  if (n.kind === 'leaf') return n.manual ? 'REVIEW' : byId.get(n.id!)!;
  if (n.kind === 'not') {
    const r = recombine(n.child, byId);
    return r === 'MET' ? 'NOT_MET' : r === 'NOT_MET' ? 'MET' : r;
  }
  const rs = n.children.map((c) => recombine(c, byId));
  if (n.kind === 'all') return rs.includes('NOT_MET') ? 'NOT_MET' : rs.includes('UNKNOWN') ? 'UNKNOWN' : rs.includes('REVIEW') ? 'REVIEW' : 'MET';
  return rs.includes('MET') ? 'MET' : rs.includes('UNKNOWN') ? 'UNKNOWN' : rs.includes('REVIEW') ? 'REVIEW' : 'NOT_MET';
}

function negatedIds(n: CriterionNode, neg = false, out = new Set<string>()): Set<string> {
  if (n.kind === 'leaf') {
    if (neg) out.add(n.id!);
  } else if (n.kind === 'not') negatedIds(n.child, !neg, out);
  else n.children.forEach((c) => negatedIds(c, neg, out));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

describe('generators', () => {
  it('random criteria trees are valid policies', () => {
    fc.assert(
      fc.property(treeArb(true), (t) => {
        expect(validatePolicy(policyOf(t))).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('determinism', () => {
  it('the same profile, catalogue and date give deep-equal results', () => {
    fc.assert(
      fc.property(profileArb, evalDateArb, (p, on) => {
        expect(evaluateAll(p, CATALOGUE, EXCLUSION_GROUPS, on)).toEqual(evaluateAll(structuredClone(p), CATALOGUE, EXCLUSION_GROUPS, on));
      }),
      { numRuns: 60 },
    );
  });
  it('random policies too', () => {
    fc.assert(
      fc.property(profileArb, treeArb(true), evalDateArb, (p, t, on) => {
        expect(evalOne(p, t, on)).toEqual(evalOne(p, t, on));
      }),
      RUNS,
    );
  });
});

/**
 * Monotonicity of information. Giving a value to a raw field that was unknown — null, and not implied absent by a
 * 'none' sibling (business.form 'none', title.level 'none', ich.level 'none') — never changes a criterion result
 * that was MET or NOT_MET: a leaf whose inputs were all known keeps its result. The new value must keep the profile
 * consistent (a foreigner has no hukou; a 'none' answer is not given next to details; a residence district given
 * next to a known arrival date is a JDZ district, since residence_since means "living in Jingdezhen since").
 */
describe('monotonicity of information', () => {
  const consistentValue = (p: Profile, f: string): fc.Arbitrary<unknown> => {
    if (f === 'nationality' && p.hukou_city != null) return fc.constant('CN');
    if ((f === 'hukou_city' || f === 'hukou_province') && p.nationality != null && p.nationality !== 'CN') return fc.constant(null);
    if (f === 'residence_district' && p.residence_since != null) return fc.constantFrom(...JDZ_DISTRICTS);
    if (f === 'business.form' && p.business && Object.values(p.business).some((v) => v != null)) return fc.constantFrom('individual', 'company', 'partnership');
    if (f === 'title.level' && p.title?.date != null) return fc.constantFrom('员级', '助理', '中级', '副高', '正高');
    if (f === 'ich.level' && (p.ich?.project != null || p.ich?.year != null)) return fc.constantFrom('national', 'provincial', 'municipal', 'county');
    return VALUE[f]!;
  };
  const impliedAbsent = (p: Profile, f: string) =>
    (f.startsWith('business.') && f !== 'business.form' && p.business?.form === 'none') ||
    (f === 'title.date' && p.title?.level === 'none') ||
    ((f === 'ich.project' || f === 'ich.year') && p.ich?.level === 'none');

  const caseArb = fc
    .tuple(profileArb, treeArb(true), evalDateArb)
    .chain(([p, t, on]) => {
      const unknown = RAW_FIELD_NAMES.filter((f) => getPath(p, f) === null && !impliedAbsent(p, f));
      if (unknown.length === 0) return fc.constant(null);
      return fc
        .constantFrom(...unknown)
        .chain((f) => consistentValue(p, f).map((v) => ({ p, t, on, f, v })));
    })
    .filter((x): x is NonNullable<typeof x> => x !== null && x.v !== null);

  it('leaf results that were MET or NOT_MET keep their value', () => {
    fc.assert(
      fc.property(caseArb, ({ p, t, on, f, v }) => {
        const before = evalOne(p, t, on);
        const after = evalOne(setPath(p, f, v), t, on);
        const now = new Map(after.criteria.map((c) => [c.id, c.result]));
        for (const c of before.criteria) if (c.result === 'MET' || c.result === 'NOT_MET') expect(now.get(c.id), `${c.id} after setting ${f}=${JSON.stringify(v)}`).toBe(c.result);
      }),
      RUNS,
    );
  });
});

describe('status invariants (random policies)', () => {
  const arb = fc.tuple(profileArb, treeArb(true), evalDateArb);

  it('ELIGIBLE ⇒ the reported criterion results combine to MET through the tree (all-of trees: every criterion MET)', () => {
    fc.assert(
      fc.property(arb, ([p, t, on]) => {
        const r = evalOne(p, t, on);
        if (r.status !== 'ELIGIBLE') return;
        const byId = new Map(r.criteria.map((c) => [c.id, c.result]));
        expect(recombine(t, byId)).toBe('MET');
        if (t.kind === 'all' && t.children.every((c) => c.kind === 'leaf')) expect(r.criteria.every((c) => c.result === 'MET')).toBe(true);
      }),
      RUNS,
    );
  });

  it('NEEDS_INFO ⇒ missing fields are raw §6.2 fields, each null in the profile (or a list with an item attribute unknown)', () => {
    fc.assert(
      fc.property(arb, ([p, t, on]) => {
        const r = evalOne(p, t, on);
        if (r.status !== 'NEEDS_INFO') {
          expect(r.missingFields).toEqual([]);
          return;
        }
        expect(r.missingFields.length).toBeGreaterThan(0);
        for (const f of r.missingFields) {
          expect(RAW_FIELD_NAMES as readonly string[]).toContain(f);
          const v = getPath(p, f);
          if (v !== null) expect(Array.isArray(v) && v.some((it) => Object.values(it as object).some((x) => x === null)), f).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('NEAR_MISS ⇒ nearMiss names a criterion that fails today (NOT_MET, or MET under a negation)', () => {
    fc.assert(
      fc.property(arb, ([p, t, on]) => {
        const r = evalOne(p, t, on);
        if (r.status !== 'NEAR_MISS') {
          expect(r.nearMiss).toBeNull();
          return;
        }
        const id = r.nearMiss!.criterionId;
        const c = r.criteria.find((x) => x.id === id);
        expect(c, id).toBeDefined();
        expect(c!.result).toBe(negatedIds(t).has(id) ? 'MET' : 'NOT_MET');
        if (r.nearMiss!.eligibleFrom) expect(r.nearMiss!.eligibleFrom > on).toBe(true);
      }),
      RUNS,
    );
  });

  it('valid_until ≥ eval date when present, and only on passing policies', () => {
    fc.assert(
      fc.property(arb, ([p, t, on]) => {
        const r = evalOne(p, t, on);
        if (r.validUntil === null) return;
        expect(r.validUntil >= on).toBe(true);
        expect(['ELIGIBLE', 'NEEDS_REVIEW', 'EXCLUDED', 'ALREADY_RECEIVING']).toContain(r.status);
      }),
      RUNS,
    );
  });
});

describe('catalogue invariants', () => {
  const standalone = CATALOGUE.filter((p) => {
    const deps = p.versions.map((v) => dependenciesOf(v.criteria));
    return deps.every((d) => d.gates.length === 0 && !d.readsTier) && !EXCLUSION_GROUPS.some((g) => g.policy_codes.includes(p.code));
  });

  it('a policy without gates, tier reads or groups has the same status alone as in the full catalogue', () => {
    expect(standalone.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(profileArb, evalDateArb, (p, on) => {
        const all = new Map(evaluateAll(p, CATALOGUE, EXCLUSION_GROUPS, on).map((r) => [r.policyCode, r]));
        for (const pol1 of standalone) {
          const alone = evaluateAll(p, [pol1], [], on)[0]!;
          const inCat = all.get(pol1.code)!;
          expect({ code: pol1.code, status: alone.status, amount: alone.amountEstimate }).toEqual({ code: pol1.code, status: inCat.status, amount: inCat.amountEstimate });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('random policies: alone or appended to the catalogue give the same result', () => {
    fc.assert(
      fc.property(profileArb, treeArb(false), evalDateArb, (p, t, on) => {
        const alone = evalOne(p, t, on);
        const inCat = evaluateAll(p, [...CATALOGUE, policyOf(t)], EXCLUSION_GROUPS, on).at(-1)!;
        expect(inCat.status).toBe(alone.status);
        expect(inCat.criteria).toEqual(alone.criteria);
      }),
      { numRuns: 60 },
    );
  });

  it('catalogue-wide: every status carries its own invariants', () => {
    fc.assert(
      fc.property(profileArb, evalDateArb, (p, on) => {
        for (const r of evaluateAll(p, CATALOGUE, EXCLUSION_GROUPS, on)) {
          if (r.status === 'NEEDS_INFO') expect(r.missingFields.length, r.policyCode).toBeGreaterThan(0);
          for (const f of r.missingFields) expect(RAW_FIELD_NAMES as readonly string[], r.policyCode).toContain(f);
          if (r.status === 'EXCLUDED') expect(r.excludedBy.length, r.policyCode).toBeGreaterThan(0);
          if (r.validUntil) expect(r.validUntil >= on, r.policyCode).toBe(true);
          if (r.chooseOne) expect(r.status).toBe('ELIGIBLE');
        }
      }),
      { numRuns: 60 },
    );
  });
});
