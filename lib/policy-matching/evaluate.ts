import { addMonths, compareYmd, daysInMonth, formatYmd, fullMonthsBetween, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import { B_LEVEL_HONOURS, DEFAULT_JDZ_DISTRICTS, STUDIO_WORK, deriveProfile, type DerivedValues } from '@/lib/talent/derived';
import type { CanonicalProfile } from '@/lib/talent/profile-schema';
import {
  DATE_DERIVED,
  FIELD_SPECS,
  TIER_LETTERS,
  defaultRemediable,
  isGateLeaf,
  isManualLeaf,
  versionInForce,
  withLeafIds,
  type AmountBase,
  type Benefit,
  type CriterionNode,
  type CriterionReport,
  type CriterionResult,
  type EvaluationResult,
  type ExclusionGroup,
  type FieldLeaf,
  type FieldName,
  type GateLeaf,
  type LeafNode,
  type ListFilter,
  type Policy,
  type PolicyVersion,
  type Status,
  type TierLetter,
} from './model';
import { criterionSentence, type CriterionFacts } from './phrases';

/**
 * Deterministic policy evaluation (domain-talent-policy.md §6.3). Pure: same profile, catalogue, groups and date →
 * same results. Null profile values are UNKNOWN, never false; 'none' and [] are known answers.
 */

type R = CriterionResult;
type Profile = Partial<CanonicalProfile>;

export interface EvaluateOptions {
  /** JDZ districts (region data, §6.2). */
  jdzDistricts?: readonly string[];
  /**
   * Build the bilingual criterion explanations (default true). Bulk callers that need only statuses, amounts,
   * near-misses and missing fields (reverse matching over many talents) turn it off: explanations are then ''.
   */
  explain?: boolean;
  /**
   * Policies whose root is known NOT_MET and which the person does not hold, decided beforehand by a necessary
   * condition (the reverse match's SQL prefilter, lib/policies/sql-prefilter.ts): the derived tier and the
   * highest_tier_only exclusions then skip evaluating them. Only their roots are read this way; asking for the
   * status of such a policy still evaluates it. A wrong entry changes results, so only a sound prefilter may fill it.
   */
  knownNotMet?: ReadonlySet<string>;
}

interface LeafEval {
  result: R;
  /** Null raw input fields behind an UNKNOWN result (§6.3 rule 6). */
  missing: string[];
  remediable: boolean;
  /** Time-based fix date of a NOT_MET leaf (rule 5). */
  eligibleFrom?: Ymd;
  /** Last day a MET leaf keeps holding (rule 7). */
  expiry?: Ymd;
  actual?: string | number | boolean;
  gateStatus?: Status;
}

interface LeafRecord {
  leaf: LeafNode;
  id: string;
  negated: boolean;
  ev: LeafEval;
}

interface Core {
  policy: Policy;
  version: PolicyVersion;
  tree: CriterionNode;
  leaves: LeafRecord[];
  root: R;
  missing: string[];
  nearMiss: { criterionId: string; eligibleFrom?: string } | null;
  validUntil: Ymd | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

const parse = (v: unknown): Ymd | null => (typeof v === 'string' ? parseIsoDate(v) : null);

function dayBefore({ y, m, d }: Ymd): Ymd {
  if (d > 1) return { y, m, d: d - 1 };
  const pm = m === 1 ? 12 : m - 1;
  const py = m === 1 ? y - 1 : y;
  return { y: py, m: pm, d: daysInMonth(py, pm) };
}

/** The day someone born on `birth` turns `age` (周岁); 29 February birthdays fall on 1 March in common years (as ageOn). */
export function birthdayAt(birth: Ymd, age: number): Ymd {
  const y = birth.y + age;
  if (birth.m === 2 && birth.d === 29 && daysInMonth(y, 2) === 28) return { y, m: 3, d: 1 };
  return { y, m: birth.m, d: birth.d };
}

/** First day on which a date-derived value reaches n. */
function reach(unit: 'age' | 'months' | 'years', start: Ymd, n: number): Ymd {
  return unit === 'age' ? birthdayAt(start, n) : addMonths(start, unit === 'years' ? 12 * n : n);
}

// ---------------------------------------------------------------------------------------------------------------
// Three-valued combination
// ---------------------------------------------------------------------------------------------------------------

function combine(kind: 'all' | 'any', rs: R[]): R {
  if (kind === 'all') return rs.includes('NOT_MET') ? 'NOT_MET' : rs.includes('UNKNOWN') ? 'UNKNOWN' : rs.includes('REVIEW') ? 'REVIEW' : 'MET';
  return rs.includes('MET') ? 'MET' : rs.includes('UNKNOWN') ? 'UNKNOWN' : rs.includes('REVIEW') ? 'REVIEW' : 'NOT_MET';
}

function evalTree(n: CriterionNode, get: (l: LeafNode) => R): R {
  if (n.kind === 'leaf') return get(n);
  if (n.kind === 'not') {
    const r = evalTree(n.child, get);
    return r === 'MET' ? 'NOT_MET' : r === 'NOT_MET' ? 'MET' : r;
  }
  return combine(n.kind, n.children.map((c) => evalTree(c, get)));
}

const passes = (r: R) => r === 'MET' || r === 'REVIEW';

// ---------------------------------------------------------------------------------------------------------------
// Profile access
// ---------------------------------------------------------------------------------------------------------------

function rawValue(p: Profile, path: string): unknown {
  let cur: unknown = p;
  for (const k of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur ?? null;
}

const DERIVED_SCALARS: Partial<Record<FieldName, (d: DerivedValues) => unknown>> = {
  age: (d) => d.age,
  is_local_hukou: (d) => d.is_local_hukou,
  months_in_jdz: (d) => d.months_in_jdz,
  months_since_graduation: (d) => d.months_since_graduation,
  practice_years: (d) => d.practice_years,
  business_operating_months: (d) => d.business_operating_months,
  years_since_title: (d) => d.years_since_title,
  works_in_jdz: (d) => d.works_in_jdz,
  works_or_lives_in_jdz: (d) => d.works_or_lives_in_jdz,
  'business.registered_in_jdz': (d) => d.business_registered_in_jdz,
  honours_b_level_count: (d) => d.honours_b_level_count,
};

const LIST_SOURCES: Partial<Record<FieldName, FieldName[]>> = { awards_or_exhibitions: ['awards', 'exhibitions'] };

interface ListItem {
  source: FieldName;
  item: unknown;
}

function itemDate(item: unknown): Ymd | null {
  if (!item || typeof item !== 'object') return null;
  const rec = item as Record<string, unknown>;
  const d = parse(rec.date);
  if (d) return d;
  // Only a year: 31 December of that year, the reading most favourable to the applicant (§6.2).
  return typeof rec.year === 'number' ? { y: rec.year, m: 12, d: 31 } : null;
}

function itemKey(source: FieldName, item: unknown): unknown {
  const key = FIELD_SPECS[source].key;
  if (key === 'self') return item;
  return key && item && typeof item === 'object' ? ((item as Record<string, unknown>)[key] ?? null) : null;
}

/** Three-valued match of one list item against a filter: true / false / null (an attribute it needs is unknown). */
function matchItem(source: FieldName, item: unknown, filter: ListFilter | undefined, on: Ymd): boolean | null {
  if (!filter) return true;
  const attrs = FIELD_SPECS[source].attrs ?? {};
  const rec = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
  let unknown = false;
  for (const [key, want] of Object.entries(filter)) {
    let ok: boolean | null;
    if (key === 'within_months') {
      const d = itemDate(item);
      ok = d ? compareYmd(on, addMonths(d, Number(want))) <= 0 : null;
    } else {
      const m = /^(.*)_(gte|lte)$/.exec(key);
      const bound = m && attrs[m[1]!] !== undefined ? { attr: m[1]!, dir: m[2]! } : null;
      const attr = bound ? bound.attr : key;
      if (attrs[attr] === undefined) ok = false; // not applicable to this source (e.g. exhibitions have no rank)
      else {
        const v = rec[attr];
        if (v === null || v === undefined) ok = null;
        else if (bound) ok = typeof v === 'number' && (bound.dir === 'gte' ? v >= Number(want) : v <= Number(want));
        else ok = Array.isArray(want) ? want.includes(v as string | number) : v === want;
      }
    }
    if (ok === false) return false;
    if (ok === null) unknown = true;
  }
  return unknown ? null : true;
}

/** A criteria tree's leaves in declaration order, whether each sits under an odd number of NOTs, and their index. */
interface TreeShape {
  leaves: { leaf: LeafNode; negated: boolean }[];
  index: Map<LeafNode, number>;
}
const shapeCache = new WeakMap<CriterionNode, TreeShape>();

/** Worked out once per tree object (trees come from withLeafIds, itself memoised), not once per profile. */
function shapeOf(tree: CriterionNode): TreeShape {
  let shape = shapeCache.get(tree);
  if (shape) return shape;
  const leaves: TreeShape['leaves'] = [];
  const walk = (n: CriterionNode, negated: boolean) => {
    if (n.kind === 'leaf') leaves.push({ leaf: n, negated });
    else if (n.kind === 'not') walk(n.child, !negated);
    else n.children.forEach((c) => walk(c, negated));
  };
  walk(tree, false);
  shape = { leaves, index: new Map(leaves.map((x, i) => [x.leaf, i] as const)) };
  shapeCache.set(tree, shape);
  return shape;
}

/** Tier policies of a catalogue, highest first; once per catalogue array. */
const tierCache = new WeakMap<readonly Policy[], Policy[]>();
function tiersOf(catalogue: readonly Policy[]): Policy[] {
  let tiers = tierCache.get(catalogue);
  if (!tiers) tierCache.set(catalogue, (tiers = catalogue.filter((p) => p.tier).sort((a, b) => TIER_LETTERS.indexOf(a.tier!) - TIER_LETTERS.indexOf(b.tier!))));
  return tiers;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluator
// ---------------------------------------------------------------------------------------------------------------

class Evaluator {
  private readonly on: Ymd;
  private readonly derived: DerivedValues;
  private readonly byCode = new Map<string, Policy>();
  private readonly coreMemo = new Map<string, Core | null>();
  private readonly statusMemo = new Map<string, EvaluationResult>();
  private readonly inProgress: string[] = [];
  private tierMemo: { known: TierLetter | 'none'; possible: TierLetter[]; missing: string[] } | null = null;
  private readonly explain: boolean;
  /** Status, amount and what gates read only: no criterion reports (the impact preview's bulk path). */
  private readonly statusOnly: boolean;
  private readonly knownNotMet: ReadonlySet<string> | null;

  constructor(
    private readonly p: Profile,
    private catalogue: readonly Policy[],
    private readonly groups: readonly ExclusionGroup[],
    evalDate: string,
    options: EvaluateOptions,
    statusOnly = false,
  ) {
    const on = parseIsoDate(evalDate);
    if (!on) throw new Error(`evalDate is not an ISO date: ${evalDate}`);
    this.on = on;
    this.derived = deriveProfile(p, on, options.jdzDistricts ?? DEFAULT_JDZ_DISTRICTS);
    this.explain = options.explain !== false;
    this.statusOnly = statusOnly;
    this.knownNotMet = options.knownNotMet ?? null;
    for (const pol of catalogue) this.byCode.set(pol.code, pol);
  }

  /**
   * Puts `policy` in place of the policy with its code (`catalogue`: this catalogue with it in place) and forgets
   * what was worked out for that code and the derived tier (which reads tier policies' roots). Everything else stays
   * memoised: only sound when no other policy depends on that code (the impact preview's sharedPairCatalogue).
   */
  replace(policy: Policy, catalogue: readonly Policy[]): void {
    this.catalogue = catalogue;
    this.byCode.set(policy.code, policy);
    this.coreMemo.delete(policy.code);
    this.statusMemo.delete(policy.code);
    this.tierMemo = null;
  }

  // --- profile facts ---------------------------------------------------------------------------------------

  /** receiving[] / received[] are read as positive evidence only: null lists exclude nothing. */
  private receiving(code: string) {
    return (this.p.receiving ?? []).some((r) => r.policy_id === code);
  }
  private received(code: string) {
    return (this.p.received ?? []).some((r) => r.policy_id === code);
  }
  private held(code: string) {
    return this.receiving(code) || this.received(code);
  }
  /** Held, counting only receipts dated on or after the profile date `field` (undated receipts always count). */
  private heldSince(code: string, field: FieldName) {
    const from = parse(rawValue(this.p, field));
    const counts = (d: string | null | undefined) => {
      const at = parse(d);
      return !from || !at || compareYmd(at, from) >= 0;
    };
    return (this.p.receiving ?? []).some((r) => r.policy_id === code && counts(r.since)) || (this.p.received ?? []).some((r) => r.policy_id === code && counts(r.date));
  }

  private scalar(field: FieldName): unknown {
    const d = DERIVED_SCALARS[field];
    const v = d ? (d(this.derived) ?? null) : rawValue(this.p, field);
    return v === null && this.knownAbsent(field) ? 'none' : v;
  }

  /**
   * Details of something the person said they do not have are known, not unknown: business.* when business.form is
   * 'none', title.date / years_since_title when title.level is 'none', ich.project / ich.year when ich.level is
   * 'none'. They read as 'none' (NOT_MET for every positive test, like the 'none' values of §6.2).
   */
  private knownAbsent(field: FieldName): boolean {
    if (field === 'business_operating_months' || (field.startsWith('business.') && field !== 'business.form')) return this.p.business?.form === 'none';
    if (field === 'title.date' || field === 'years_since_title') return this.p.title?.level === 'none';
    if (field === 'ich.project' || field === 'ich.year') return this.p.ich?.level === 'none';
    return false;
  }

  private nulls(fields: FieldName[]): string[] {
    return fields.filter((f) => rawValue(this.p, f) === null);
  }

  private businessMissing(): string[] {
    return this.derived.business_registered_in_jdz === null ? this.nulls(['business.form', 'business.registered_district']) : [];
  }

  private worksMissing(): string[] {
    const out: string[] = [];
    const e = this.p.employment;
    if (e === null || e === undefined) out.push(...this.nulls(['employment', 'employer_district']));
    else if (e === 'contract' && !this.p.employer_district) out.push('employer_district');
    else if (STUDIO_WORK.includes(e) && !this.p.studio?.district) out.push('studio.district');
    return [...out, ...this.businessMissing()];
  }

  /** The raw (6.2) input fields behind an unknown value: a derived field is replaced by its null inputs. */
  private missingInputs(field: FieldName): string[] {
    const dd = DATE_DERIVED[field];
    if (dd) return [dd.source];
    switch (field) {
      case 'is_local_hukou':
        return this.nulls(['nationality', 'hukou_city']);
      case 'business.registered_in_jdz':
        return this.businessMissing();
      case 'works_in_jdz':
        return this.worksMissing();
      case 'works_or_lives_in_jdz': {
        const livesUnknown = this.p.residence_district == null && parse(this.p.residence_since) === null;
        return [...(this.derived.works_in_jdz === null ? this.worksMissing() : []), ...(livesUnknown ? this.nulls(['residence_district', 'residence_since']) : [])];
      }
      case 'honours_b_level_count':
        return this.nulls(['honours', 'ich.level']);
      default:
        return [field];
    }
  }

  /**
   * honours_b_level_count when exactly one of its inputs is unknown: the known part is a lower bound; an unknown
   * honours list may add up to 3 B-level honours, an unknown ICH level 1 (national ICH). null when both are known or
   * both unknown (then the derived value itself is exact or null).
   */
  private bLevelBounds(): { lo: number; hi: number } | null {
    const honoursUnknown = this.p.honours == null;
    const ichUnknown = this.p.ich?.level == null;
    if (honoursUnknown === ichUnknown) return null;
    const lo = this.derived.honours_b_level_count ?? 0;
    return { lo, hi: lo + (honoursUnknown ? B_LEVEL_HONOURS.length : 1) };
  }

  // --- leaves ----------------------------------------------------------------------------------------------

  private evalLeaf(l: LeafNode, negated: boolean): LeafEval {
    if (isManualLeaf(l)) return { result: 'REVIEW', missing: [], remediable: false };
    if (isGateLeaf(l)) return this.evalGate(l);
    return this.evalFieldLeaf(l as FieldLeaf, negated);
  }

  private evalGate(l: GateLeaf): LeafEval {
    if (!this.byCode.has(l.gate)) return { result: 'NOT_MET', missing: [], remediable: false };
    const up = this.status(l.gate);
    const gateStatus = up.status;
    if (up.status === 'ELIGIBLE' || this.held(l.gate)) {
      const expiry = !this.held(l.gate) && up.validUntil ? (parse(up.validUntil) ?? undefined) : undefined;
      return { result: 'MET', missing: [], remediable: false, expiry, gateStatus };
    }
    if (up.status === 'NEEDS_INFO') return { result: 'UNKNOWN', missing: [...up.missingFields], remediable: false, gateStatus };
    // A NOT_MET gate is remediable only if the upstream is a NEAR_MISS; it inherits the upstream's eligible_from.
    const remediable = up.status === 'NEAR_MISS';
    const eligibleFrom = remediable && up.nearMiss?.eligibleFrom ? (parse(up.nearMiss.eligibleFrom) ?? undefined) : undefined;
    return { result: 'NOT_MET', missing: [], remediable, eligibleFrom, gateStatus };
  }

  private evalFieldLeaf(l: FieldLeaf, negated: boolean): LeafEval {
    const remediable = l.time_based === true ? true : (l.remediable ?? defaultRemediable(l.field));
    if (l.field === 'tier') return this.evalTierLeaf(l, remediable);
    if (l.field === 'honours_b_level_count') {
      const b = this.bLevelBounds();
      if (b && b.lo !== b.hi) {
        const rs = new Set(Array.from({ length: b.hi - b.lo + 1 }, (_, i) => this.scalarOp(l, b.lo + i)));
        if (rs.size === 1) return { result: [...rs][0]!, missing: [], remediable };
        return { result: 'UNKNOWN', missing: this.missingInputs(l.field), remediable };
      }
    }
    if (FIELD_SPECS[l.field].type === 'list') return this.evalListLeaf(l, remediable);
    const v = this.scalar(l.field);
    if (v === null) return { result: 'UNKNOWN', missing: this.missingInputs(l.field), remediable };
    const result = this.scalarOp(l, v);
    const ev: LeafEval = { result, missing: [], remediable, actual: typeof v === 'object' ? undefined : (v as string | number | boolean) };
    if (result === 'NOT_MET' && l.time_based && !negated) ev.eligibleFrom = this.eligibleFrom(l, v);
    if (result === 'MET') ev.expiry = this.expiry(l, v);
    return ev;
  }

  private scalarOp(l: FieldLeaf, v: unknown): R {
    const want = l.value;
    const arr = Array.isArray(want) ? want : [];
    const yes = (b: boolean): R => (b ? 'MET' : 'NOT_MET');
    switch (l.op) {
      case 'eq':
        return yes(v === want);
      case 'ne':
        return yes(v !== want);
      case 'in':
        return yes(arr.includes(v as string | number));
      case 'not_in':
        return yes(!arr.includes(v as string | number));
      // 'none' (skill_level) is a known "has none": numeric comparisons on it are NOT_MET.
      case 'gte':
        return yes(typeof v === 'number' && v >= Number(want));
      case 'lte':
        return yes(typeof v === 'number' && v <= Number(want));
      case 'between':
        return yes(typeof v === 'number' && v >= Number(arr[0]) && v <= Number(arr[1]));
      case 'exists': {
        const present = !(v === 'none' || v === false || (Array.isArray(v) && v.length === 0));
        return yes(present === (want === undefined ? true : want === true));
      }
      // A known 'none' (e.g. the registration date of a business the person does not have) has no date: NOT_MET.
      case 'within_months': {
        const d = parse(v);
        return d ? yes(compareYmd(this.on, addMonths(d, Number(want))) <= 0) : v === 'none' ? 'NOT_MET' : 'UNKNOWN';
      }
      case 'older_than_months': {
        const d = parse(v);
        return d ? yes(fullMonthsBetween(d, this.on) >= Number(want)) : v === 'none' ? 'NOT_MET' : 'UNKNOWN';
      }
      default:
        return 'NOT_MET';
    }
  }

  /** Rule 5: when a time-based leaf becomes MET on its own (date-derived fields, older_than_months). */
  private eligibleFrom(l: FieldLeaf, v: unknown): Ymd | undefined {
    if (l.op === 'older_than_months') {
      const d = parse(v);
      return d ? addMonths(d, Number(l.value)) : undefined;
    }
    const dd = DATE_DERIVED[l.field];
    if (!dd || typeof v !== 'number') return undefined;
    const start = parse(rawValue(this.p, dd.source));
    if (!start) return undefined;
    let target: number | undefined;
    if (l.op === 'gte') target = Number(l.value);
    else if (l.op === 'between' && Array.isArray(l.value) && v < Number(l.value[0])) target = Number(l.value[0]);
    return target === undefined ? undefined : reach(dd.unit, start, target);
  }

  /** Rule 7: the last day a MET leaf keeps holding (upper bounds on date-derived fields; within_months windows). */
  private expiry(l: FieldLeaf, v: unknown): Ymd | undefined {
    if (l.op === 'within_months') {
      const d = parse(v);
      return d ? addMonths(d, Number(l.value)) : undefined;
    }
    const dd = DATE_DERIVED[l.field];
    if (!dd) return undefined;
    const hi = l.op === 'lte' ? Number(l.value) : l.op === 'between' && Array.isArray(l.value) ? Number(l.value[1]) : undefined;
    const start = parse(rawValue(this.p, dd.source));
    return hi === undefined || !start ? undefined : dayBefore(reach(dd.unit, start, hi + 1));
  }

  private listView(field: FieldName): { items: ListItem[]; nullSources: FieldName[] } {
    const items: ListItem[] = [];
    const nullSources: FieldName[] = [];
    for (const source of LIST_SOURCES[field] ?? [field]) {
      const list = rawValue(this.p, source);
      if (!Array.isArray(list)) nullSources.push(source);
      else for (const item of list) items.push({ source, item });
    }
    return { items, nullSources };
  }

  private evalListLeaf(l: FieldLeaf, remediable: boolean): LeafEval {
    const { items, nullSources } = this.listView(l.field);
    const matched = items.map((x) => ({ ...x, m: matchItem(x.source, x.item, l.filter, this.on) }));
    const sure = matched.filter((x) => x.m === true);
    const unsure = matched.filter((x) => x.m === null);
    const missing = [...new Set<string>([...nullSources, ...unsure.map((x) => x.source)])];
    const ev = (result: R, extra: Partial<LeafEval> = {}): LeafEval => ({ result, missing: result === 'UNKNOWN' ? missing : [], remediable, ...extra });
    const values = Array.isArray(l.value) ? l.value : [];
    switch (l.op) {
      case 'count_gte': {
        const k = Number(l.value);
        const actual = sure.length;
        if (sure.length >= k) {
          let expiry: Ymd | undefined;
          const w = l.filter?.within_months;
          if (w !== undefined && k > 0) {
            const ends = sure.map((x) => addMonths(itemDate(x.item)!, Number(w))).sort((a, b) => compareYmd(b, a));
            expiry = ends[k - 1];
          }
          return ev('MET', { actual, expiry });
        }
        if (nullSources.length > 0 || sure.length + unsure.length >= k) return ev('UNKNOWN');
        return ev('NOT_MET', { actual });
      }
      case 'contains_any': {
        if (sure.some((x) => values.includes(itemKey(x.source, x.item) as string))) return ev('MET');
        const maybe = unsure.some((x) => values.includes(itemKey(x.source, x.item) as string));
        return ev(nullSources.length > 0 || maybe ? 'UNKNOWN' : 'NOT_MET');
      }
      case 'contains_all': {
        let unknown = false;
        for (const want of values) {
          if (sure.some((x) => itemKey(x.source, x.item) === want)) continue;
          if (nullSources.length > 0 || unsure.some((x) => itemKey(x.source, x.item) === want)) unknown = true;
          else return ev('NOT_MET');
        }
        return ev(unknown ? 'UNKNOWN' : 'MET');
      }
      case 'exists': {
        const want = l.value === undefined ? true : l.value === true;
        if (items.length > 0) return ev(want ? 'MET' : 'NOT_MET');
        if (nullSources.length > 0) return ev('UNKNOWN');
        return ev(want ? 'NOT_MET' : 'MET');
      }
      default:
        return ev('NOT_MET');
    }
  }

  private tierState() {
    if (this.tierMemo) return this.tierMemo;
    const tiers = tiersOf(this.catalogue);
    let known: TierLetter | 'none' = 'none';
    const possible: TierLetter[] = [];
    const missing: string[] = [];
    for (const p of tiers) {
      if (this.knownNotMet?.has(p.code)) continue; // neither held nor MET nor UNKNOWN
      const c = this.core(p.code);
      if (this.held(p.code) || c?.root === 'MET') {
        known = p.tier!;
        break;
      }
      if (c?.root === 'UNKNOWN') {
        possible.push(p.tier!);
        missing.push(...c.missing);
      }
    }
    this.tierMemo = { known, possible, missing: [...new Set(missing)] };
    return this.tierMemo;
  }

  /** `tier` = highest tier ELIGIBLE (root MET) or certified; higher tiers that are NEEDS_INFO make it uncertain. */
  private evalTierLeaf(l: FieldLeaf, remediable: boolean): LeafEval {
    const t = this.tierState();
    const rs = new Set([t.known, ...t.possible].map((v) => this.scalarOp(l, v)));
    if (rs.size === 1) return { result: [...rs][0]!, missing: [], remediable, actual: t.possible.length ? undefined : t.known };
    return { result: 'UNKNOWN', missing: t.missing, remediable };
  }

  // --- policies --------------------------------------------------------------------------------------------

  private versionInForce(p: Policy): PolicyVersion | null {
    return versionInForce(p, this.on); // drafts are previewed (golden.ts), never in force
  }

  core(code: string): Core | null {
    if (this.coreMemo.has(code)) return this.coreMemo.get(code)!;
    if (this.inProgress.includes(code)) throw new Error(`policy dependency cycle: ${[...this.inProgress, code].join(' → ')}`);
    const policy = this.byCode.get(code);
    const version = policy ? this.versionInForce(policy) : null;
    if (!policy || !version) {
      this.coreMemo.set(code, null);
      return null;
    }
    this.inProgress.push(code);
    try {
      const tree = withLeafIds(version.criteria);
      const shape = shapeOf(tree);
      const leaves: LeafRecord[] = shape.leaves.map(({ leaf: n, negated }) => ({ leaf: n, id: n.id!, negated, ev: this.evalLeaf(n, negated) }));
      const evOf = (l: LeafNode) => leaves[shape.index.get(l)!]!.ev;
      const get = (l: LeafNode) => evOf(l).result;
      const root = evalTree(tree, get);

      // Rule 6: the null inputs behind the UNKNOWN leaves that make the root UNKNOWN.
      const missing: string[] = [];
      if (root === 'UNKNOWN') {
        const collect = (n: CriterionNode) => {
          if (evalTree(n, get) !== 'UNKNOWN') return;
          if (n.kind === 'leaf') missing.push(...evOf(n).missing);
          else if (n.kind === 'not') collect(n.child);
          else n.children.forEach(collect);
        };
        collect(tree);
      }

      // Rule 5: single remediable leaf fixes; earliest eligible_from wins, ties → first declared.
      let nearMiss: Core['nearMiss'] = null;
      if (root === 'NOT_MET') {
        let best: { rec: LeafRecord; from: Ymd } | null = null;
        for (const rec of leaves) {
          const wrong = rec.negated ? rec.ev.result === 'MET' : rec.ev.result === 'NOT_MET';
          if (!rec.ev.remediable || !wrong) continue;
          const fixed: R = rec.negated ? 'NOT_MET' : 'MET';
          const from = rec.ev.eligibleFrom ?? this.on;
          // The fix must make the root pass on the day it happens: leaves that lapse before then count as NOT_MET.
          const onFixDay = (l: LeafNode): R => {
            if (l === rec.leaf) return fixed;
            const e = evOf(l);
            return e.result === 'MET' && e.expiry && compareYmd(e.expiry, from) < 0 ? 'NOT_MET' : e.result;
          };
          if (!passes(evalTree(tree, onFixDay))) continue;
          if (!best || compareYmd(from, best.from) < 0) best = { rec, from };
        }
        if (best) nearMiss = { criterionId: best.rec.id, ...(best.rec.ev.eligibleFrom ? { eligibleFrom: formatYmd(best.rec.ev.eligibleFrom) } : {}) };
      }

      // Rule 7: the last day before the root stops holding as expiring leaves lapse.
      let validUntil: Ymd | null = null;
      if (passes(root)) {
        const dates = leaves
          .flatMap((x) => (x.ev.result === 'MET' && x.ev.expiry ? [x.ev.expiry] : []))
          .sort(compareYmd)
          .filter((d, i, a) => i === 0 || compareYmd(d, a[i - 1]!) !== 0);
        for (const d of dates) {
          const r = evalTree(tree, (l) => {
            const e = evOf(l);
            return e.result === 'MET' && e.expiry && compareYmd(e.expiry, d) <= 0 ? 'NOT_MET' : e.result;
          });
          if (!passes(r)) {
            validUntil = d;
            break;
          }
        }
      }

      const core: Core = { policy, version, tree, leaves, root, missing: [...new Set(missing)], nearMiss, validUntil };
      this.coreMemo.set(code, core);
      return core;
    } finally {
      this.inProgress.pop();
    }
  }

  private tierRank(code: string, group: ExclusionGroup): number {
    const t = this.byCode.get(code)?.tier;
    return t ? TIER_LETTERS.indexOf(t) : TIER_LETTERS.length + group.policy_codes.indexOf(code);
  }

  /** Rule 4 and rule 8, for a policy whose root is MET. */
  private exclusions(code: string): string[] {
    const out: string[] = [];
    for (const g of this.groups) {
      if (!g.policy_codes.includes(code)) continue;
      switch (g.rule) {
        case 'one_active_at_a_time':
          out.push(...g.policy_codes.filter((c) => c !== code && this.receiving(c)));
          break;
        case 'once_per_person':
        case 'one_of': {
          const members = g.scope === 'policy' ? [code] : g.policy_codes;
          const renew = g.rule === 'once_per_person' ? g.renews_on?.[code] : undefined;
          out.push(...members.filter((c) => (c === code && renew ? this.heldSince(c, renew) : this.held(c))));
          break;
        }
        case 'highest_tier_only': {
          const rank = this.tierRank(code, g);
          const higher = g.policy_codes
            .filter((c) => this.tierRank(c, g) < rank)
            .sort((a, b) => this.tierRank(a, g) - this.tierRank(b, g))
            .find((c) => !this.knownNotMet?.has(c) && (this.held(c) || this.core(c)?.root === 'MET'));
          if (higher) out.push(higher);
          break;
        }
      }
    }
    return [...new Set(out)];
  }

  private leafReport(rec: LeafRecord, root: R): CriterionReport {
    const { leaf: l, ev } = rec;
    const result: R = isManualLeaf(l) ? (root === 'REVIEW' ? 'REVIEW' : 'UNKNOWN') : ev.result;
    if (!this.explain) return { id: rec.id, result, explanation: { zh: '', en: '' } };
    const facts = this.factsOf(l, ev, root);
    const say = (lang: 'zh' | 'en') =>
      criterionSentence(facts, result, {
        lang,
        person: 'you',
        own: lang === 'zh' ? { pass: l.explain_pass_zh, fail: l.explain_fail_zh, hint: l.hint_zh } : { pass: l.explain_pass_en, fail: l.explain_fail_en, hint: l.hint_en },
      });
    return { id: rec.id, result, explanation: { zh: say('zh'), en: say('en') }, facts };
  }

  /** What a leaf's sentence needs, kept with the result so that staff pages can phrase it in the third person. */
  private factsOf(l: LeafNode, ev: LeafEval, root: R): CriterionFacts {
    const label = l.label_zh || l.label_en ? { ...(l.label_zh ? { zh: l.label_zh } : {}), ...(l.label_en ? { en: l.label_en } : {}) } : undefined;
    if (isManualLeaf(l)) return { kind: 'manual', ...(label ? { label } : {}), ...(root === 'REVIEW' ? { review: true } : {}) };
    if (isGateLeaf(l)) {
      const up = this.byCode.get(l.gate);
      return {
        kind: 'gate',
        gate: l.gate,
        ...(label ? { label } : {}),
        ...(up ? { gateTitle: { zh: up.title_zh, en: up.title_en ?? up.title_zh } } : {}),
        ...(ev.gateStatus ? { gateStatus: ev.gateStatus } : {}),
        ...(ev.eligibleFrom ? { eligibleFrom: formatYmd(ev.eligibleFrom) } : {}),
      };
    }
    const f = l as FieldLeaf;
    return {
      kind: 'field',
      field: f.field,
      op: f.op,
      ...(f.value !== undefined ? { value: f.value } : {}),
      ...(f.filter ? { filter: f.filter } : {}),
      ...(label ? { label } : {}),
      ...(ev.actual !== undefined ? { actual: ev.actual } : {}),
      ...(ev.missing.length ? { missing: ev.missing } : {}),
      ...(ev.eligibleFrom ? { eligibleFrom: formatYmd(ev.eligibleFrom) } : {}),
    };
  }

  private numberOf(base: AmountBase): number | null {
    const v = this.scalar(base.field);
    return typeof v === 'number' ? v * (base.times ?? 1) : null;
  }

  private rowAmount(x: { amount?: number; rate?: number; of?: AmountBase; cap?: number }): number | null {
    let amt: number | null = null;
    if (x.amount !== undefined) amt = x.amount;
    else if (x.rate !== undefined && x.of) {
      const base = this.numberOf(x.of);
      amt = base === null ? null : Math.round(x.rate * base * 100) / 100;
    }
    if (amt !== null && x.cap !== undefined) amt = Math.min(amt, x.cap);
    return amt;
  }

  /** Rule 9: the amount of the version in force (amount_table: first MET row; an undecidable row → null). */
  private amount(b: Benefit): number | null {
    if (b.amount_table) {
      for (const row of b.amount_table) {
        const r = row.when ? evalTree(row.when, (l) => this.evalLeaf(l, false).result) : 'MET';
        if (r === 'MET') return this.rowAmount(row);
        if (r !== 'NOT_MET') return null;
      }
      return null;
    }
    const amt = this.rowAmount(b);
    if (amt === null || !b.per) return amt;
    const { items, nullSources } = this.listView(b.per.field);
    if (nullSources.length > 0) return null;
    const n = items.filter((x) => matchItem(x.source, x.item, b.per!.filter, this.on) === true).length;
    return amt * Math.min(n, b.per.cap_count ?? Infinity);
  }

  status(code: string): EvaluationResult {
    const memo = this.statusMemo.get(code);
    if (memo) return memo;
    const c = this.core(code);
    const base: EvaluationResult = {
      policyCode: code,
      version: null,
      status: 'NOT_IN_FORCE',
      amountEstimate: null,
      criteria: [],
      missingFields: [],
      nearMiss: null,
      validUntil: null,
      excludedBy: [],
      chooseOne: false,
    };
    if (!c) {
      this.statusMemo.set(code, base);
      return base;
    }
    let status: Status;
    let excludedBy: string[] = [];
    switch (c.root) {
      case 'MET':
        if (this.receiving(code)) status = 'ALREADY_RECEIVING';
        else {
          excludedBy = this.exclusions(code);
          status = excludedBy.length ? 'EXCLUDED' : 'ELIGIBLE';
        }
        break;
      case 'REVIEW':
        status = 'NEEDS_REVIEW';
        break;
      case 'UNKNOWN':
        status = 'NEEDS_INFO';
        break;
      default:
        status = c.nearMiss ? 'NEAR_MISS' : 'INELIGIBLE';
    }
    const result: EvaluationResult = {
      ...base,
      version: c.version.version,
      status,
      // The potential amount; null when INELIGIBLE (nothing to gain) or undecidable.
      amountEstimate: status === 'INELIGIBLE' ? null : this.amount(c.version.benefit),
      criteria: this.statusOnly ? [] : c.leaves.map((rec) => this.leafReport(rec, c.root)),
      missingFields: status === 'NEEDS_INFO' ? c.missing : [],
      nearMiss: status === 'NEAR_MISS' ? c.nearMiss : null,
      validUntil: c.validUntil ? formatYmd(c.validUntil) : null,
      excludedBy,
    };
    this.statusMemo.set(code, result);
    return result;
  }

  /** Rule 4: ELIGIBLE policies sharing a (non-tier) group, none of them received before, are flagged choose_one. */
  chooseOne(results: EvaluationResult[]) {
    const byCode = new Map(results.map((r) => [r.policyCode, r]));
    for (const g of this.groups) {
      if (g.rule === 'highest_tier_only') continue;
      const elig = g.policy_codes.map((c) => byCode.get(c)).filter((r): r is EvaluationResult => r?.status === 'ELIGIBLE' && !this.received(r.policyCode));
      if (elig.length >= 2) for (const r of elig) r.chooseOne = true;
    }
  }
}

/**
 * Evaluates every policy of the catalogue for one profile on `evalDate` (ISO date), in catalogue order.
 * missing_fields are ordered by how many NEEDS_INFO policies ask for the field (then first mention).
 */
export function evaluateAll(
  profile: Partial<CanonicalProfile>,
  catalogue: readonly Policy[],
  groups: readonly ExclusionGroup[],
  evalDate: string,
  options: EvaluateOptions = {},
): EvaluationResult[] {
  const ev = new Evaluator(profile, catalogue, groups, evalDate, options);
  const results = catalogue.map((p) => ({ ...ev.status(p.code), criteria: [...ev.status(p.code).criteria] }));
  ev.chooseOne(results);
  const counts = new Map<string, number>();
  for (const r of results) for (const f of r.missingFields) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const r of results) r.missingFields = r.missingFields.map((f, i) => ({ f, i })).sort((a, b) => counts.get(b.f)! - counts.get(a.f)! || a.i - b.i).map((x) => x.f);
  return results;
}

/** Convenience: the result for one policy code (evaluating its upstream gates and tiers as needed). */
export function evaluateOne(
  profile: Partial<CanonicalProfile>,
  catalogue: readonly Policy[],
  groups: readonly ExclusionGroup[],
  evalDate: string,
  code: string,
  options: EvaluateOptions = {},
): EvaluationResult | undefined {
  return evaluateAll(profile, catalogue, groups, evalDate, options).find((r) => r.policyCode === code);
}

/**
 * The whole result of one policy, its gates, tiers and exclusion partners evaluated lazily and nothing else (the
 * reverse match over many talents). Unlike evaluateAll: no choose-one flag, and missing_fields in the policy's own
 * order (evaluateAll orders them by how many policies of the catalogue ask for each).
 */
export function evaluatePolicy(
  profile: Partial<CanonicalProfile>,
  catalogue: readonly Policy[],
  groups: readonly ExclusionGroup[],
  evalDate: string,
  code: string,
  options: EvaluateOptions = {},
): EvaluationResult {
  return new Evaluator(profile, catalogue, groups, evalDate, options).status(code);
}

/**
 * The status and amount of `code` under two catalogues that differ only in that policy (the impact preview: the
 * version in force, then the draft), with one evaluator: the policies it depends on are worked out once. `catalogue`
 * holds the version in force and every policy either side depends on; `replacement` is the draft policy and
 * `catalogueAfter` the catalogue with it in place. Only sound
 * when no other policy of the catalogue depends on `code`: the caller checks it once (sharedPairCatalogue).
 */
export function evaluateStatusPair(
  profile: Partial<CanonicalProfile>,
  pair: { catalogue: readonly Policy[]; replacement: Policy; catalogueAfter: readonly Policy[] },
  groups: readonly ExclusionGroup[],
  evalDate: string,
  options: EvaluateOptions = {},
): { before: Pick<EvaluationResult, 'status' | 'amountEstimate'>; after: Pick<EvaluationResult, 'status' | 'amountEstimate'> } {
  const ev = new Evaluator(profile, pair.catalogue, groups, evalDate, { ...options, explain: false }, true);
  const b = ev.status(pair.replacement.code);
  const before = { status: b.status, amountEstimate: b.amountEstimate };
  ev.replace(pair.replacement, pair.catalogueAfter);
  const a = ev.status(pair.replacement.code);
  return { before, after: { status: a.status, amountEstimate: a.amountEstimate } };
}

/**
 * The status and amount of one policy only (its gates, tiers and exclusion partners evaluated lazily, nothing else):
 * for bulk callers that need no explanation, no choose-one flag and no missing-field order (the impact preview).
 */
export function evaluateStatus(
  profile: Partial<CanonicalProfile>,
  catalogue: readonly Policy[],
  groups: readonly ExclusionGroup[],
  evalDate: string,
  code: string,
  options: EvaluateOptions = {},
): Pick<EvaluationResult, 'status' | 'amountEstimate'> {
  const r = new Evaluator(profile, catalogue, groups, evalDate, { ...options, explain: false }, true).status(code);
  return { status: r.status, amountEstimate: r.amountEstimate };
}
