import { evaluateStatus, evaluateStatusPair, type EvaluateOptions } from '@/lib/policy-matching/evaluate';
import { dependencyClosure, isAmountCeiling, STATUSES, versionInForce, type Benefit, type ExclusionGroup, type Policy, type PolicyVersion, type Status } from '@/lib/policy-matching/model';
import type { CanonicalProfile } from '@/lib/talent/profile-schema';

/**
 * 政策沙盘 / impact preview, the pure half (no Next, no database): a draft version compared with the version in force,
 * talent by talent — counts by status on both sides and their deltas, the transition matrix, the first talents who
 * become eligible or lose it, and the estimated cost on both sides. lib/policies/impact.ts feeds it from the profile
 * projection; the unit tests feed it profiles directly.
 */

export type CostKind = 'money' | 'finance' | 'non_cash';

/** Per side: how many are ELIGIBLE, how many of them have an amount estimate, and the sum of those estimates. */
export interface SideCost {
  kind: CostKind;
  eligible: number;
  withAmount: number;
  /** ELIGIBLE talents whose amount the evaluator cannot estimate (shown as "amount unknown", never as 0). */
  unknownAmount: number;
  /** Sum of the estimates: money for 'money'; a credit ceiling (not money paid) for 'finance'; 0 for 'non_cash'. */
  total: number;
}

export interface ImpactSample {
  talentId: string;
  name: string | null;
  from: Status;
  to: Status;
  amountBefore: number | null;
  amountAfter: number | null;
}

export interface ImpactSummary {
  /** Talents in scope (zone and profile consent). */
  total: number;
  before: Record<Status, number>;
  after: Record<Status, number>;
  delta: Record<Status, number>;
  /** Every non-empty (from → to) cell, unchanged diagonals included, in status order. */
  transitions: { from: Status; to: Status; count: number }[];
  /** Not ELIGIBLE → ELIGIBLE. */
  gained: number;
  /** ELIGIBLE → not ELIGIBLE. */
  lost: number;
  /** Talents whose status changes at all. */
  changed: number;
  samples: { gained: ImpactSample[]; lost: ImpactSample[] };
  cost: { before: SideCost; after: SideCost; delta: number };
}

const NON_CASH_KINDS = new Set(['in_kind', 'service', 'qualification']);

/**
 * How a version's benefit counts in the cost: a loan or an interest subsidy (or any finance-category policy) states a
 * ceiling, not money paid, so it is reported apart; in-kind, service and qualification benefits have no cash amount.
 */
export function costKindOf(category: string | undefined, benefit: Pick<Benefit, 'kind'> | null | undefined): CostKind {
  if (!benefit) return 'non_cash';
  if (isAmountCeiling(category, benefit.kind)) return 'finance';
  if (benefit.kind && NON_CASH_KINDS.has(benefit.kind)) return 'non_cash';
  return 'money';
}

const zeroCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
const IDX = new Map<Status, number>(STATUSES.map((s, i) => [s, i]));

interface Side {
  status: Status;
  amountEstimate: number | null;
}

/** Accumulates talent-by-talent comparisons; memory stays at the matrix plus the samples whatever the population. */
export class ImpactAccumulator {
  private readonly matrix: number[] = new Array<number>(STATUSES.length * STATUSES.length).fill(0);
  private readonly gainedSamples: ImpactSample[] = [];
  private readonly lostSamples: ImpactSample[] = [];
  private readonly cost: { before: SideCost; after: SideCost };

  constructor(private readonly opts: { sampleSize: number; costKindBefore: CostKind; costKindAfter: CostKind }) {
    const side = (kind: CostKind): SideCost => ({ kind, eligible: 0, withAmount: 0, unknownAmount: 0, total: 0 });
    this.cost = { before: side(opts.costKindBefore), after: side(opts.costKindAfter) };
  }

  private addCost(c: SideCost, s: Side) {
    if (s.status !== 'ELIGIBLE') return;
    c.eligible++;
    if (s.amountEstimate === null || c.kind === 'non_cash') c.unknownAmount++;
    else {
      c.withAmount++;
      c.total += s.amountEstimate;
    }
  }

  /** One talent: its status and estimate under the version in force (before) and under the draft (after). */
  add(talent: { id: string; name: string | null }, before: Side, after: Side): void {
    this.matrix[IDX.get(before.status)! * STATUSES.length + IDX.get(after.status)!]!++;
    this.addCost(this.cost.before, before);
    this.addCost(this.cost.after, after);
    const gained = before.status !== 'ELIGIBLE' && after.status === 'ELIGIBLE';
    const lost = before.status === 'ELIGIBLE' && after.status !== 'ELIGIBLE';
    if (gained || lost) this.addSample({ talentId: talent.id, name: talent.name, from: before.status, to: after.status, amountBefore: before.amountEstimate, amountAfter: after.amountEstimate });
  }

  /**
   * A talent who becomes eligible or loses it, for the lists: they hold the first `sampleSize` by talent id, whatever
   * order talents arrive in (a snapshot's rows, then the talents evaluated live).
   */
  addSample(sample: ImpactSample): void {
    const list = sample.to === 'ELIGIBLE' ? this.gainedSamples : this.lostSamples;
    const n = this.opts.sampleSize;
    if (n === 0 || (list.length >= n && sample.talentId >= list[list.length - 1]!.talentId)) return;
    let i = list.length;
    while (i > 0 && list[i - 1]!.talentId > sample.talentId) i--;
    list.splice(i, 0, sample);
    if (list.length > n) list.pop();
  }

  /**
   * `count` talents going from `from` to `to`, counted elsewhere (a snapshot's GROUP BY), with per side how many of
   * them have an amount estimate and the sum of those estimates (only read on an ELIGIBLE side).
   */
  addAggregate(from: Status, to: Status, count: number, amounts: { before: { n: number; sum: number }; after: { n: number; sum: number } }): void {
    if (count <= 0) return;
    this.matrix[IDX.get(from)! * STATUSES.length + IDX.get(to)!]! += count;
    const side = (c: SideCost, status: Status, a: { n: number; sum: number }) => {
      if (status !== 'ELIGIBLE') return;
      c.eligible += count;
      if (c.kind === 'non_cash') c.unknownAmount += count;
      else {
        c.withAmount += a.n;
        c.unknownAmount += count - a.n;
        c.total += a.sum;
      }
    };
    side(this.cost.before, from, amounts.before);
    side(this.cost.after, to, amounts.after);
  }

  /** `n` talents with the same statuses on both sides and no amount (rows the SQL prefilter ruled out for both). */
  addBulk(from: Status, to: Status, n: number): void {
    if (n <= 0) return;
    if (from === 'ELIGIBLE' || to === 'ELIGIBLE') throw new Error('addBulk is for talents who are not ELIGIBLE on either side');
    this.matrix[IDX.get(from)! * STATUSES.length + IDX.get(to)!]! += n;
  }

  result(): ImpactSummary {
    const before = zeroCounts();
    const after = zeroCounts();
    const transitions: ImpactSummary['transitions'] = [];
    let total = 0;
    let gained = 0;
    let lost = 0;
    let changed = 0;
    STATUSES.forEach((from, i) =>
      STATUSES.forEach((to, j) => {
        const count = this.matrix[i * STATUSES.length + j]!;
        if (!count) return;
        total += count;
        before[from] += count;
        after[to] += count;
        transitions.push({ from, to, count });
        if (from !== to) changed += count;
        if (from !== 'ELIGIBLE' && to === 'ELIGIBLE') gained += count;
        if (from === 'ELIGIBLE' && to !== 'ELIGIBLE') lost += count;
      }),
    );
    const delta = Object.fromEntries(STATUSES.map((s) => [s, after[s] - before[s]])) as Record<Status, number>;
    // Sums are rounded to the cent: the same amounts added in another order (the database's) give the same figure.
    const cents = (x: number) => Math.round(x * 100) / 100;
    const costBefore = { ...this.cost.before, total: cents(this.cost.before.total) };
    const costAfter = { ...this.cost.after, total: cents(this.cost.after.total) };
    const costDelta = cents(costBefore.kind === costAfter.kind ? costAfter.total - costBefore.total : costAfter.total);
    return {
      total,
      before,
      after,
      delta,
      transitions,
      gained,
      lost,
      changed,
      samples: { gained: [...this.gainedSamples], lost: [...this.lostSamples] },
      cost: { before: costBefore, after: costAfter, delta: costDelta },
    };
  }
}

/**
 * The catalogue with `draft` as the only version of `code`, treated as in force on `evalDate` (the sandbox asks "what
 * if it applied today?"): a later effective_from is moved to evalDate and an end date is dropped. A new code is added
 * with `meta` (or a stub).
 */
export function draftCatalogue(catalogue: readonly Policy[], code: string, draft: PolicyVersion, evalDate: string, meta?: Omit<Policy, 'versions'>): Policy[] {
  const { effective_to: _to, status: _s, ...rest } = draft;
  const v: PolicyVersion = { ...rest, effective_from: draft.effective_from <= evalDate ? draft.effective_from : evalDate, status: 'active' };
  const found = catalogue.some((p) => p.code === code);
  const out = catalogue.map((p) => (p.code === code ? { ...p, versions: [v] } : p));
  if (!found) out.push({ ...(meta ?? { code, title_zh: code, category: 'living', provenance: 'modelled' }), code, versions: [v] } as Policy);
  return out;
}

/**
 * A sub-catalogue reduced to the versions in force on `evalDate` (a policy with none keeps its versions, so it still
 * evaluates NOT_IN_FORCE): the evaluator then looks at one version per policy instead of parsing every version's dates
 * for every profile. Statuses are unchanged — only the version in force is ever evaluated.
 */
export function inForceOnly(catalogue: readonly Policy[], evalDate: string): Policy[] {
  return catalogue.map((p) => {
    const v = versionInForce(p, evalDate);
    return v && p.versions.length > 1 ? { ...p, versions: [v] } : p;
  });
}

export interface PairContext {
  code: string;
  evalDate: string;
  groups: readonly ExclusionGroup[];
  /** The sub-catalogue of the version in force (its dependency closure), or null when nothing is in force. */
  inForce: readonly Policy[] | null;
  draft: readonly Policy[];
  /** Both sides with one evaluator (sharedPairCatalogue), when no other policy depends on `code`. */
  shared?: SharedPair | null;
  options?: EvaluateOptions;
}

export interface SharedPair {
  /** The version in force of `code` and every policy either side depends on. */
  catalogue: readonly Policy[];
  /** `code` with the draft as its version. */
  replacement: Policy;
  /** `catalogue` with `replacement` in place. */
  catalogueAfter: readonly Policy[];
}

/**
 * When both sides can be evaluated with one evaluator — the policies `code` depends on worked out once, then `code`
 * evaluated with its version in force and with the draft — the catalogue to evaluate and the draft policy; null when
 * not: nothing in force, or some other policy of either side depends on `code` (a gate on it, the derived tier when
 * it is a tier policy, a highest_tier_only group with it), so its status could differ between the sides.
 */
export function sharedPairCatalogue(code: string, inForce: readonly Policy[] | null, draft: readonly Policy[], groups: readonly ExclusionGroup[]): SharedPair | null {
  if (!inForce) return null;
  const replacement = draft.find((p) => p.code === code);
  const current = inForce.find((p) => p.code === code);
  if (!replacement || !current) return null;
  const others = new Map<string, Policy>();
  for (const p of [...inForce, ...draft]) if (p.code !== code) others.set(p.code, p);
  for (const p of others.values()) {
    if (dependencyClosure(p.code, inForce, groups).some((q) => q.code === code)) return null;
    if (dependencyClosure(p.code, draft, groups).some((q) => q.code === code)) return null;
  }
  const catalogue = [current, ...others.values()];
  return { catalogue, replacement, catalogueAfter: catalogue.map((p) => (p.code === code ? replacement : p)) };
}

/** One profile under both catalogues. Nothing in force → NOT_IN_FORCE on the left. */
export function evaluatePair(profile: Partial<CanonicalProfile>, ctx: PairContext): { before: Side; after: Side } {
  if (ctx.shared) return evaluateStatusPair(profile, ctx.shared, ctx.groups, ctx.evalDate, ctx.options);
  const pick = (cat: readonly Policy[]): Side => evaluateStatus(profile, cat, ctx.groups, ctx.evalDate, ctx.code, ctx.options);
  return { before: ctx.inForce ? pick(ctx.inForce) : { status: 'NOT_IN_FORCE', amountEstimate: null }, after: pick(ctx.draft) };
}
