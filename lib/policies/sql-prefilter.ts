import { sql, type SQL } from 'drizzle-orm';
import { talentProfiles as tp } from '@/db/schema/talent';
import { constOp, fromDays, lastTrue, leafRemediable, versionInForce, type PrefilterMode, type PrefilterOptions } from '@/lib/policy-matching/prefilter';
import { B_LEVEL_HONOURS, DEFAULT_JDZ_DISTRICTS, STUDIO_WORK } from '@/lib/talent/derived';
import { portfolioCountSql } from '@/lib/talent/queries';
import { addMonths, ageOn, compareYmd, formatYmd as iso, fullMonthsBetween, fullYearsBetween, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import { DATE_DERIVED, FIELD_SPECS, isGateLeaf, isManualLeaf, leavesOf, type CriterionNode, type ExclusionGroup, type FieldLeaf, type FieldName, type LeafNode, type Policy } from '@/lib/policy-matching/model';

/**
 * Compiles a policy's criteria into an SQL prefilter over talent_profiles (domain-talent-policy.md §6.3), for the
 * reverse match "policy → people" (./reverse.ts). The prefilter is a necessary condition only: it may keep rows the
 * exact evaluator (lib/policy-matching/evaluate.ts) then rates INELIGIBLE, but it never drops a row whose exact status
 * is in the requested set.
 *
 * Each leaf becomes an SQL boolean in three-valued logic — TRUE only if the leaf is surely MET, FALSE only if it is
 * surely NOT_MET, NULL otherwise (an unknown input, or something the compiler does not model: tier, filtered list
 * items, manual review). SQL's AND / OR / NOT are Kleene's, like the evaluator's `all` / `any` / `not`, so the root
 * keeps both guarantees and `(root) IS NOT FALSE` keeps every row the evaluator could rate other than NOT_MET.
 *
 * Modes:
 * - 'strict'  keeps every row whose root could be MET, UNKNOWN or REVIEW: ELIGIBLE, NEEDS_INFO, NEEDS_REVIEW (and
 *             EXCLUDED / ALREADY_RECEIVING, which also have a MET root).
 * - 'relaxed' also keeps NEAR_MISS candidates: every remediable or time-based leaf (and every gate whose upstream
 *             could be a NEAR_MISS) counts as TRUE — a necessary condition for "one remediable leaf blocks" (rule 5).
 * - 'met'     keeps only rows whose root could be MET (ELIGIBLE, EXCLUDED, ALREADY_RECEIVING): sharper than 'strict',
 *             because a leaf compiled exactly (`exact`) that is NULL in SQL is UNKNOWN for sure, and UNKNOWN is not MET.
 *
 * Date-derived fields (age, months_in_jdz …) become comparisons of their date column against constants computed
 * here from evalDate with the evaluator's own calendar functions (lib/talent/dates): each derived value is monotone in
 * its date, so the threshold date is found by bisection (lib/policy-matching/prefilter.ts) and is exact, 29 February
 * included.
 *
 * The modes, the calendar bisection and the constant ops are pure (lib/policy-matching/prefilter.ts); this file turns
 * them into drizzle SQL over talent_profiles' columns (it needs no client: the result runs inside a query there).
 */

/** A compiled node: Kleene SQL boolean; `exact` when NULL means UNKNOWN for sure (and TRUE / FALSE MET / NOT_MET). */
interface C {
  s: SQL;
  exact: boolean;
}

const T = sql`true`;
const F = sql`false`;
const N = sql`null::boolean`;
const KEEP: C = { s: N, exact: false };
const lit = (b: boolean | null): SQL => (b === null ? N : b ? T : F);
const exactC = (s: SQL): C => ({ s, exact: true });

/** `b` when e is known, NULL when e is NULL (the evaluator: a null value makes the leaf UNKNOWN). */
const whenKnown = (e: SQL, b: boolean | null): SQL => sql`(case when ${e} is null then null::boolean else ${lit(b)} end)`;
const list = (vs: readonly (string | number)[]) => sql.join(
  vs.map((v) => sql`${v}`),
  sql`, `,
);
const andAll = (xs: SQL[]): SQL => (xs.length === 0 ? T : xs.length === 1 ? xs[0]! : sql`(${sql.join(xs, sql` and `)})`);
const orAll = (xs: SQL[]): SQL => (xs.length === 0 ? F : xs.length === 1 ? xs[0]! : sql`(${sql.join(xs, sql` or `)})`);

// ---------------------------------------------------------------------------------------------------------------
// Values: the evaluator's `scalar(field)` as SQL
// ---------------------------------------------------------------------------------------------------------------

type Kind = 'text' | 'num' | 'bool' | 'date';
/** `none`: when this holds and the value is null, the evaluator reads the known answer 'none' (knownAbsent). */
type Val = { kind: Kind; e: SQL; none?: SQL } | { kind: 'ddate'; e: SQL; unit: 'age' | 'months' | 'years'; none?: SQL } | { kind: 'skill'; e: SQL } | { kind: 'absent' };

const RAW_COLUMNS: Partial<Record<FieldName, { col: SQL; kind: Kind }>> = {
  birth_date: { col: sql`${tp.birthDate}`, kind: 'date' },
  nationality: { col: sql`${tp.nationality}`, kind: 'text' },
  hukou_province: { col: sql`${tp.hukouProvince}`, kind: 'text' },
  hukou_city: { col: sql`${tp.hukouCity}`, kind: 'text' },
  residence_since: { col: sql`${tp.residenceSince}`, kind: 'date' },
  residence_district: { col: sql`${tp.residenceDistrict}`, kind: 'text' },
  education: { col: sql`${tp.education}`, kind: 'text' },
  graduation_date: { col: sql`${tp.graduationDate}`, kind: 'date' },
  practice_start: { col: sql`${tp.practiceStart}`, kind: 'date' },
  sector: { col: sql`${tp.sector}`, kind: 'text' },
  employment: { col: sql`${tp.employment}`, kind: 'text' },
  employer_district: { col: sql`${tp.employerDistrict}`, kind: 'text' },
  social_insurance_months_jdz: { col: sql`${tp.socialInsuranceMonthsJdz}`, kind: 'num' },
  'business.form': { col: sql`${tp.businessForm}`, kind: 'text' },
  'business.registered_district': { col: sql`${tp.businessRegisteredDistrict}`, kind: 'text' },
  'business.registered_date': { col: sql`${tp.businessRegisteredDate}`, kind: 'date' },
  'business.first_time': { col: sql`${tp.businessFirstTime}`, kind: 'bool' },
  'business.employees_insured': { col: sql`${tp.businessEmployeesInsured}`, kind: 'num' },
  'studio.district': { col: sql`${tp.studioDistrict}`, kind: 'text' },
  'studio.lease_months': { col: sql`${tp.studioLeaseMonths}`, kind: 'num' },
  'studio.area_m2': { col: sql`${tp.studioAreaM2}`, kind: 'num' },
  'studio.monthly_rent': { col: sql`${tp.studioMonthlyRent}`, kind: 'num' },
  'studio.government_free': { col: sql`${tp.studioGovernmentFree}`, kind: 'bool' },
  owns_home_in_jdz: { col: sql`${tp.ownsHomeInJdz}`, kind: 'bool' },
  'title.level': { col: sql`${tp.titleLevel}`, kind: 'text' },
  'title.date': { col: sql`${tp.titleDate}`, kind: 'date' },
  'ich.level': { col: sql`${tp.ichLevel}`, kind: 'text' },
  'ich.project': { col: sql`${tp.ichProject}`, kind: 'text' },
  'ich.year': { col: sql`${tp.ichYear}`, kind: 'num' },
  relocated_to_jdz_date: { col: sql`${tp.relocatedToJdzDate}`, kind: 'date' },
  commitment_years: { col: sql`${tp.commitmentYears}`, kind: 'num' },
  retired: { col: sql`${tp.retired}`, kind: 'bool' },
  credit_bad: { col: sql`${tp.creditBad}`, kind: 'bool' },
  registered_unemployed: { col: sql`${tp.registeredUnemployed}`, kind: 'bool' },
};

/** jsonb list columns and their item key (FIELD_SPECS.key); crafts is a text[] of plain strings. */
const LIST_COLUMNS: Partial<Record<FieldName, SQL>> = {
  honours: sql`${tp.honours}`,
  awards: sql`${tp.awards}`,
  exhibitions: sql`${tp.exhibitions}`,
  // apprentices is not listed: the portal-recorded ones (师带徒, lib/mentors) are merged in by the projection, so the
  // jsonb column alone would under-count; leaves on it keep the row and the exact evaluator decides.
  receiving: sql`${tp.receiving}`,
  received: sql`${tp.received}`,
};
const LIST_SOURCES: Partial<Record<FieldName, FieldName[]>> = { awards_or_exhibitions: ['awards', 'exhibitions'] };

/** The evaluator's knownAbsent(): details of something the person said they do not have read as 'none'. */
function noneWhen(field: FieldName): SQL | undefined {
  if (field === 'business_operating_months' || (field.startsWith('business.') && field !== 'business.form')) return sql`${tp.businessForm} = 'none'`;
  if (field === 'title.date' || field === 'years_since_title') return sql`${tp.titleLevel} = 'none'`;
  if (field === 'ich.project' || field === 'ich.year') return sql`${tp.ichLevel} = 'none'`;
  return undefined;
}


// ---------------------------------------------------------------------------------------------------------------
// The compiler
// ---------------------------------------------------------------------------------------------------------------


class Compiler {
  private readonly on: Ymd;
  private readonly jdz: readonly string[];
  private readonly byCode = new Map<string, Policy>();
  private readonly memo = new Map<string, SQL>();
  private readonly inProgress: string[] = [];

  constructor(
    catalogue: readonly Policy[],
    evalDate: string,
    jdzDistricts: readonly string[] | undefined,
  ) {
    const on = parseIsoDate(evalDate);
    if (!on) throw new Error(`evalDate is not an ISO date: ${evalDate}`);
    this.on = on;
    this.jdz = jdzDistricts ?? DEFAULT_JDZ_DISTRICTS;
    for (const p of catalogue) this.byCode.set(p.code, p);
  }

  /** The 2-valued prefilter of one policy in one mode (memoised: gates inline their upstream's prefilter). */
  policy(code: string, mode: PrefilterMode): SQL {
    const key = `${mode}:${code}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const p = this.byCode.get(code);
    const v = p ? versionInForce(p, this.on) : null;
    let out: SQL;
    if (!v) out = F; // not in the catalogue or not in force: NOT_IN_FORCE, never a requested status
    else if (this.inProgress.includes(code) || this.inProgress.length > 32) out = T; // cycle (invalid catalogue): keep
    else {
      this.inProgress.push(code);
      try {
        out = mode === 'met' ? this.canMet(v.criteria) : sql`(${this.node(v.criteria, mode).s}) is not false`;
      } finally {
        this.inProgress.pop();
      }
    }
    this.memo.set(key, out);
    return out;
  }

  // --- Kleene compilation (strict / relaxed) -------------------------------------------------------------------

  private node(n: CriterionNode, mode: 'strict' | 'relaxed'): C {
    if (n.kind === 'leaf') return this.leaf(n, mode);
    if (n.kind === 'not') {
      // Negation needs TRUE ⇒ MET as well as FALSE ⇒ NOT_MET; relaxed leaves (TRUE for "could be fixed") lack the first.
      if (mode === 'relaxed' && leavesOf(n.child).some((l) => isGateLeaf(l) || (l.kind === 'leaf' && !isManualLeaf(l) && leafRemediable(l as FieldLeaf)))) return KEEP;
      const c = this.node(n.child, mode);
      return { s: sql`(not ${c.s})`, exact: c.exact };
    }
    const cs = n.children.map((c) => this.node(c, mode));
    const s = n.kind === 'all' ? andAll(cs.map((c) => c.s)) : orAll(cs.map((c) => c.s));
    return { s, exact: cs.every((c) => c.exact) };
  }

  private leaf(l: LeafNode, mode: 'strict' | 'relaxed' | 'met'): C {
    if (isManualLeaf(l)) return KEEP;
    if (isGateLeaf(l)) return this.gate(l.gate, mode);
    const f = l as FieldLeaf;
    if (mode === 'relaxed' && leafRemediable(f)) return { s: T, exact: false };
    return this.fieldLeaf(f);
  }

  /** `{gate}`: MET if the upstream is ELIGIBLE or held, UNKNOWN if NEEDS_INFO, NOT_MET otherwise (§6.5). */
  private gate(code: string, mode: PrefilterMode): C {
    if (!this.byCode.has(code)) return exactC(F);
    const held = this.held(code);
    const up = this.policy(code, mode);
    // relaxed: a NOT_MET gate is remediable when the upstream is a NEAR_MISS, which the upstream's relaxed filter keeps.
    if (mode === 'relaxed') return { s: sql`(${held} or ${up})`, exact: false };
    return { s: sql`(case when ${held} then true when ${up} then null::boolean else false end)`, exact: false };
  }

  /** receiving[] / received[] hold the policy: positive evidence only (a null list holds nothing). */
  held(code: string): SQL {
    const probe = JSON.stringify([{ policy_id: code }]);
    return sql`(coalesce(${tp.receiving} @> ${probe}::jsonb, false) or coalesce(${tp.received} @> ${probe}::jsonb, false))`;
  }

  // --- 'met': can the node be MET / NOT_MET? (2-valued) ------------------------------------------------------

  private canMet(n: CriterionNode): SQL {
    if (n.kind === 'not') return this.canNotMet(n.child);
    if (n.kind !== 'leaf') return n.kind === 'all' ? andAll(n.children.map((c) => this.canMet(c))) : orAll(n.children.map((c) => this.canMet(c)));
    if (isManualLeaf(n)) return F; // always REVIEW
    const c = this.leaf(n, 'met');
    return c.exact ? sql`(${c.s}) is true` : sql`(${c.s}) is not false`;
  }

  private canNotMet(n: CriterionNode): SQL {
    if (n.kind === 'not') return this.canMet(n.child);
    if (n.kind !== 'leaf') return n.kind === 'all' ? orAll(n.children.map((c) => this.canNotMet(c))) : andAll(n.children.map((c) => this.canNotMet(c)));
    if (isManualLeaf(n)) return F;
    const c = this.leaf(n, 'met');
    return c.exact ? sql`(${c.s}) is false` : sql`(${c.s}) is not true`;
  }

  // --- field leaves ----------------------------------------------------------------------------------------

  private fieldLeaf(l: FieldLeaf): C {
    if (l.field === 'tier') return this.tierLeaf(l);
    if (FIELD_SPECS[l.field].type === 'list') return this.listLeaf(l);
    const v = this.value(l.field);
    if (v.kind === 'absent') return exactC(N); // a field the compiler does not know: UNKNOWN (kept)
    if (v.kind === 'skill') return this.skillLeaf(l, v.e);
    const base = v.kind === 'ddate' ? this.ddateOp(l, v.e, v.unit) : this.op(l, v.kind, v.e);
    if (!v.none || base === null) return base ?? KEEP;
    // As the evaluator: only a null value reads as 'none' (a stored detail still counts).
    return { s: sql`(case when ${v.e} is null and ${v.none} then ${lit(constOp(l, 'none'))} else ${base.s} end)`, exact: base.exact };
  }

  /**
   * `tier` (the evaluator's tierState): the highest tier whose policy is held or has a MET root, with higher tiers of
   * UNKNOWN root as possible values. Every value the leaf could see is 'none' or a letter whose tier policy is held or
   * kept by its own 'strict' prefilter (root MET, UNKNOWN or REVIEW). So when 'none' fails the leaf and no letter that
   * passes it can be such a value, the leaf is surely NOT_MET; otherwise it stays undecided (NULL).
   */
  private tierLeaf(l: FieldLeaf): C {
    if (constOp(l, 'none') !== false) return KEEP;
    const could: SQL[] = [];
    for (const p of this.byCode.values()) {
      if (!p.tier) continue;
      const pass = constOp(l, p.tier);
      if (pass === false) continue;
      could.push(sql`(${this.held(p.code)} or ${this.policy(p.code, 'strict')})`);
    }
    return { s: sql`(case when ${orAll(could)} then null::boolean else false end)`, exact: false };
  }

  private inJdz(district: SQL): SQL {
    return this.jdz.length ? sql`(${district} in (${list(this.jdz)}))` : whenKnown(district, false);
  }

  private businessInJdz(): SQL {
    // null without any business column; false when the form is 'none'; else the registered district.
    return sql`(case when ${tp.businessForm} = 'none' then false else ${this.inJdz(sql`${tp.businessRegisteredDistrict}`)} end)`;
  }

  private worksInJdz(): SQL {
    const contract = sql`(case when ${tp.employment} is null then null::boolean when ${tp.employment} = 'contract' then ${this.inJdz(sql`${tp.employerDistrict}`)} else false end)`;
    // §6.2 amended: self-employed or informal work from a studio in a JDZ district (as lib/talent/derived.ts).
    const studio = sql`(case when ${tp.employment} is null then null::boolean when ${tp.employment} in (${list(STUDIO_WORK)}) then ${this.inJdz(sql`${tp.studioDistrict}`)} else false end)`;
    return sql`(${contract} or ${this.businessInJdz()} or ${studio})`;
  }

  private value(field: FieldName): Val {
    const raw = RAW_COLUMNS[field];
    if (raw) return { kind: raw.kind, e: raw.col, none: noneWhen(field) };
    const dd = DATE_DERIVED[field];
    if (dd) return { kind: 'ddate', e: RAW_COLUMNS[dd.source]!.col, unit: dd.unit, none: noneWhen(field) };
    switch (field) {
      case 'skill_level':
        return { kind: 'skill', e: sql`${tp.skillLevel}` };
      case 'portfolio_count':
        // The same derivation as the profile projection (lib/talent/queries.ts): never null (no works = 0).
        return { kind: 'num', e: sql`${portfolioCountSql}` };
      case 'is_local_hukou':
        return { kind: 'bool', e: sql`(case when ${tp.nationality} is not null and ${tp.nationality} <> 'CN' then false else ${tp.hukouCity} = '景德镇' end)` };
      case 'business.registered_in_jdz':
        return { kind: 'bool', e: this.businessInJdz() };
      case 'works_in_jdz':
        return { kind: 'bool', e: this.worksInJdz() };
      case 'works_or_lives_in_jdz': {
        const lives = sql`(case when ${tp.residenceDistrict} is not null then ${this.inJdz(sql`${tp.residenceDistrict}`)} else ${tp.residenceSince} <= ${iso(this.on)}::date end)`;
        return { kind: 'bool', e: sql`(${this.worksInJdz()} or ${lives})` };
      }
      case 'honours_b_level_count': {
        const parts = [
          ...B_LEVEL_HONOURS.map((h) => sql`coalesce(${tp.honours} @> ${JSON.stringify([{ type: h }])}::jsonb, false)::int`),
          sql`coalesce(${tp.ichLevel} = 'national', false)::int`,
        ];
        // With either input unknown the evaluator treats the count as a range (it may still decide): unknown here, kept.
        return { kind: 'num', e: sql`(case when ${tp.honours} is null or ${tp.ichLevel} is null then null else (${sql.join(parts, sql` + `)}) end)` };
      }
      default:
        return { kind: 'absent' };
    }
  }

  /** Ops on text / number / boolean / date values, as the evaluator's scalarOp. null = not modelled (keep). */
  private op(l: FieldLeaf, kind: Kind, e: SQL): C | null {
    const want = l.value;
    const arr = Array.isArray(want) ? want : [];
    const known = (b: boolean) => exactC(whenKnown(e, b));
    const existsWant = want === undefined ? true : want === true;
    // Values of the column's own type that `want` can equal (=== in the evaluator).
    const same = (x: unknown): x is string | number | boolean =>
      kind === 'text' ? typeof x === 'string' : kind === 'num' ? typeof x === 'number' && Number.isFinite(x) : kind === 'bool' ? typeof x === 'boolean' : typeof x === 'string' && parseIsoDate(x) !== null && /^\d{4}-/.test(x);
    const cmp = kind === 'num' ? sql`(${e})::float8` : e;
    const param = (x: string | number | boolean): SQL => (kind === 'num' ? sql`${x}::float8` : kind === 'bool' ? lit(x as boolean) : kind === 'date' ? sql`${x}::date` : sql`${x}`);
    switch (l.op) {
      case 'eq':
        return same(want) ? exactC(sql`(${cmp} = ${param(want)})`) : known(false);
      case 'ne':
        return same(want) ? exactC(sql`(${cmp} <> ${param(want)})`) : known(true);
      case 'in':
      case 'not_in': {
        const vs = arr.filter(same);
        if (vs.length === 0) return known(l.op === 'not_in');
        const inList = sql`(${cmp} in (${sql.join(
          vs.map((x) => param(x)),
          sql`, `,
        )}))`;
        return exactC(l.op === 'in' ? inList : sql`(not ${inList})`);
      }
      case 'gte':
      case 'lte':
      case 'between': {
        if (kind !== 'num') return known(false);
        const lo = l.op === 'between' ? Number(arr[0]) : l.op === 'gte' ? Number(want) : -Infinity;
        const hi = l.op === 'between' ? Number(arr[1]) : l.op === 'lte' ? Number(want) : Infinity;
        if (Number.isNaN(lo) || Number.isNaN(hi)) return known(false);
        const parts: SQL[] = [];
        if (lo !== -Infinity) parts.push(sql`${cmp} >= ${lo}::float8`);
        if (hi !== Infinity) parts.push(sql`${cmp} <= ${hi}::float8`);
        return exactC(parts.length ? andAll(parts) : whenKnown(e, true));
      }
      case 'exists':
        // A present value is not 'none' and not false (the 'none' overlay is applied by the caller).
        if (kind === 'text') return exactC(existsWant ? sql`(${e} <> 'none')` : sql`(${e} = 'none')`);
        if (kind === 'bool') return exactC(existsWant ? sql`(${e})` : sql`(not ${e})`);
        return known(existsWant);
      case 'within_months':
      case 'older_than_months': {
        if (kind !== 'date') return null;
        const n = Number(want);
        const on = this.on;
        if (l.op === 'within_months') {
          // MET iff on ≤ addMonths(d, n): monotone in d, true on a suffix; the last day it is still false bounds it.
          const lastFalse = lastTrue((d) => !(compareYmd(on, addMonths(d, n)) <= 0));
          if (lastFalse === null) return known(true);
          if (lastFalse === 'all') return known(false);
          return exactC(sql`(${e} > ${iso(fromDays(lastFalse))}::date)`);
        }
        const last = lastTrue((d) => fullMonthsBetween(d, on) >= n);
        if (last === null) return known(false);
        if (last === 'all') return known(true);
        return exactC(sql`(${e} <= ${iso(fromDays(last))}::date)`);
      }
      default:
        return known(false); // list ops on a scalar: NOT_MET
    }
  }

  /** Ops on a date-derived whole number g(d) (age, months…), non-increasing in its date d: g ≥ a ⇔ d ≤ D(a). */
  private ddateOp(l: FieldLeaf, e: SQL, unit: 'age' | 'months' | 'years'): C | null {
    const on = this.on;
    const g = unit === 'age' ? (d: Ymd) => ageOn(d, on) : unit === 'months' ? (d: Ymd) => fullMonthsBetween(d, on) : (d: Ymd) => fullYearsBetween(d, on);
    const known = (b: boolean) => whenKnown(e, b);
    /** g(d) ≥ a as SQL (a whole number). */
    const ge = (a: number): SQL => {
      const last = lastTrue((d) => g(d) >= a);
      return last === null ? known(false) : last === 'all' ? known(true) : sql`(${e} <= ${iso(fromDays(last))}::date)`;
    };
    const eqInt = (k: number): SQL => (Number.isInteger(k) ? sql`(${ge(k)} and not ${ge(k + 1)})` : known(false));
    const want = l.value;
    const arr = Array.isArray(want) ? want : [];
    const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
    switch (l.op) {
      case 'eq':
        return exactC(num(want) ? eqInt(want) : known(false));
      case 'ne':
        return exactC(num(want) ? sql`(not ${eqInt(want)})` : known(true));
      case 'in':
      case 'not_in': {
        const inList = orAll(arr.filter(num).map(eqInt));
        const s = arr.some(num) ? inList : known(false);
        return exactC(l.op === 'in' ? s : sql`(not ${s})`);
      }
      case 'gte':
      case 'lte':
      case 'between': {
        const lo = l.op === 'between' ? Number(arr[0]) : l.op === 'gte' ? Number(want) : -Infinity;
        const hi = l.op === 'between' ? Number(arr[1]) : l.op === 'lte' ? Number(want) : Infinity;
        if (Number.isNaN(lo) || Number.isNaN(hi)) return exactC(known(false));
        const parts: SQL[] = [];
        if (lo !== -Infinity) parts.push(lo === Infinity ? known(false) : ge(Math.ceil(lo)));
        if (hi !== Infinity) parts.push(hi === -Infinity ? known(false) : sql`(not ${ge(Math.floor(hi) + 1)})`);
        return exactC(parts.length ? andAll(parts) : known(true));
      }
      case 'exists':
        return exactC(known(want === undefined ? true : want === true));
      case 'within_months':
      case 'older_than_months':
        return exactC(N); // a number is not a date: UNKNOWN
      default:
        return exactC(known(false));
    }
  }

  /** skill_level: text column '1'..'5' | 'none', read as numbers (or 'none'); other strings are left to the evaluator. */
  private skillLeaf(l: FieldLeaf, e: SQL): C {
    const codes = ['none', '1', '2', '3', '4', '5'];
    const r = (c: string) => constOp(l, c === 'none' ? 'none' : Number(c));
    const yes = codes.filter((c) => r(c) === true);
    const no = codes.filter((c) => r(c) === false);
    const inSet = (xs: string[]) => (xs.length ? sql`${e} in (${list(xs)})` : F);
    return { s: sql`(case when ${e} is null then null::boolean when ${inSet(yes)} then true when ${inSet(no)} then false else null::boolean end)`, exact: false };
  }

  // --- list leaves -----------------------------------------------------------------------------------------

  private listLeaf(l: FieldLeaf): C {
    const sources = LIST_SOURCES[l.field] ?? [l.field];
    const srcs = sources.map((f) => {
      if (f === 'crafts') {
        const c = sql`${tp.crafts}`;
        return { isArr: sql`(${c} is not null)`, len: sql`coalesce(cardinality(${c}), 0)`, has: (v: string) => sql`(${c} @> array[${v}]::text[])` };
      }
      const c = LIST_COLUMNS[f];
      if (!c) return null;
      const key = FIELD_SPECS[f].key;
      const isArr = sql`(jsonb_typeof(${c}) is not distinct from 'array')`;
      return {
        isArr,
        len: sql`(case when ${isArr} then jsonb_array_length(${c}) else 0 end)`,
        has: (v: string) => (key && key !== 'self' ? sql`coalesce(${c} @> ${JSON.stringify([{ [key]: v }])}::jsonb, false)` : F),
      };
    });
    if (srcs.some((s) => s === null)) return KEEP;
    const ss = srcs as NonNullable<(typeof srcs)[number]>[];
    const anyNull = orAll(ss.map((s) => sql`(not ${s.isArr})`));
    const total = sql`(${sql.join(
      ss.map((s) => s.len),
      sql` + `,
    )})`;
    const values = (Array.isArray(l.value) ? l.value : []).filter((v): v is string => typeof v === 'string');
    const allValues = Array.isArray(l.value) ? l.value : [];
    // One value present: TRUE if found in an array source, NULL if not found but a source is unknown, else FALSE.
    const present = (v: string) => orAll(ss.map((s) => sql`(case when ${s.isArr} then ${s.has(v)} else null::boolean end)`));
    const filtered = l.filter !== undefined && Object.keys(l.filter).length > 0;
    switch (l.op) {
      case 'contains_any': {
        // Non-string wanted values never equal a stored key under jsonb containment; keep when there are any.
        if (values.length !== allValues.length) return KEEP;
        const s = orAll(values.map(present));
        if (!filtered) return exactC(values.length ? s : sql`(case when ${anyNull} then null::boolean else false end)`);
        return { s: sql`(case when ${anyNull} then null::boolean when ${s} then null::boolean else false end)`, exact: false };
      }
      case 'contains_all': {
        if (values.length !== allValues.length) return KEEP;
        const s = andAll(values.map(present));
        if (!filtered) return exactC(s);
        return { s: sql`(case when ${anyNull} then null::boolean when ${s} then null::boolean else false end)`, exact: false };
      }
      case 'count_gte': {
        const k = Number(l.value);
        if (!Number.isFinite(k)) return exactC(sql`(case when ${anyNull} then null::boolean else false end)`);
        if (!filtered) return exactC(sql`(case when ${total} >= ${k}::float8 then true when ${anyNull} then null::boolean else false end)`);
        return { s: sql`(case when ${anyNull} then null::boolean when ${total} < ${k}::float8 then false else null::boolean end)`, exact: false };
      }
      case 'exists': {
        const want = l.value === undefined ? true : l.value === true;
        return exactC(sql`(case when ${total} > 0 then ${lit(want)} when ${anyNull} then null::boolean else ${lit(!want)} end)`);
      }
      default:
        return exactC(F); // other ops on a list: NOT_MET, even when the list is unknown
    }
  }
}

/**
 * The prefilter of policy `code` as an SQL boolean that is never NULL (use it in a WHERE over talent_profiles).
 * A superset of the rows whose exact status is in the mode's set; `false` when the policy is not in force on evalDate.
 * `groups` are accepted for symmetry with the evaluator: exclusions only turn a MET root into EXCLUDED or
 * ALREADY_RECEIVING, which no mode filters on.
 */
export function compilePrefilter(code: string, catalogue: readonly Policy[], _groups: readonly ExclusionGroup[], opts: PrefilterOptions): SQL {
  return new Compiler(catalogue, opts.evalDate, opts.jdzDistricts).policy(code, opts.mode);
}

/**
 * SQL boolean, false only when the person surely neither holds `code` nor has a root other than NOT_MET for it (its
 * 'strict' prefilter is false): the reverse match passes the codes that are false as the evaluator's `knownNotMet`,
 * so that the derived tier skips tier policies nobody in the row could reach.
 */
export function mayHoldOrMeetSql(code: string, catalogue: readonly Policy[], opts: Omit<PrefilterOptions, 'mode'>): SQL<boolean> {
  const c = new Compiler(catalogue, opts.evalDate, opts.jdzDistricts);
  return sql<boolean>`(${c.held(code)} or ${c.policy(code, 'strict')})`;
}
