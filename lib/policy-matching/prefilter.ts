import { type Ymd } from '@/lib/talent/dates';
import { defaultRemediable, type FieldLeaf } from './model';

/**
 * The pure half of the reverse-match prefilter (the SQL compiler is lib/policies/sql-prefilter.ts): its modes, the
 * calendar bisection that turns a date-derived threshold (age ≥ 36, ≥ 61 full months since graduation …) into an
 * exact date constant, and the evaluator's rules the compiler must mirror on constants. No SQL, no I/O.
 *
 * Modes:
 * - 'strict'  keeps every row whose root could be MET, UNKNOWN or REVIEW: ELIGIBLE, NEEDS_INFO, NEEDS_REVIEW (and
 *             EXCLUDED / ALREADY_RECEIVING, which also have a MET root).
 * - 'relaxed' also keeps NEAR_MISS candidates: every remediable or time-based leaf (and every gate whose upstream
 *             could be a NEAR_MISS) counts as TRUE — a necessary condition for "one remediable leaf blocks" (rule 5).
 * - 'met'     keeps only rows whose root could be MET (ELIGIBLE, EXCLUDED, ALREADY_RECEIVING): sharper than 'strict',
 *             because a leaf compiled exactly (`exact`) that is NULL in SQL is UNKNOWN for sure, and UNKNOWN is not MET.
 */

export type PrefilterMode = 'strict' | 'relaxed' | 'met';

export interface PrefilterOptions {
  /** ISO date of the evaluation (the same as the evaluator's). */
  evalDate: string;
  mode: PrefilterMode;
  /** JDZ districts (region data, §6.2); the evaluator's default when absent. */
  jdzDistricts?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar: epoch days (proleptic Gregorian, any year) and bisection over monotone date predicates
// ---------------------------------------------------------------------------------------------------------------

export function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(z0: number): Ymd {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const LO = toDays({ y: 1, m: 1, d: 1 });
const HI = toDays({ y: 9999, m: 12, d: 31 });

/**
 * For a predicate that is true on a prefix of dates (true … true false … false): the last day it holds, or null if it
 * never holds, or 'all' if it always holds (within years 1–9999, PostgreSQL's and ISO's common range).
 */
export function lastTrue(pred: (d: Ymd) => boolean): number | null | 'all' {
  if (!pred(fromDays(LO))) return null;
  if (pred(fromDays(HI))) return 'all';
  let lo = LO; // pred(lo) true
  let hi = HI; // pred(hi) false
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (pred(fromDays(mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------------
// The evaluator's rules on constants
// ---------------------------------------------------------------------------------------------------------------

/** The evaluator's scalarOp on a constant value ('none', or a skill level), for the parts that need no dates. */
export function constOp(l: FieldLeaf, v: string | number | boolean): boolean | null {
  const want = l.value;
  const arr = Array.isArray(want) ? want : [];
  switch (l.op) {
    case 'eq':
      return v === want;
    case 'ne':
      return v !== want;
    case 'in':
      return arr.includes(v as string | number);
    case 'not_in':
      return !arr.includes(v as string | number);
    case 'gte':
      return typeof v === 'number' && v >= Number(want);
    case 'lte':
      return typeof v === 'number' && v <= Number(want);
    case 'between':
      return typeof v === 'number' && v >= Number(arr[0]) && v <= Number(arr[1]);
    case 'exists': {
      const present = !(v === 'none' || v === false);
      return present === (want === undefined ? true : want === true);
    }
    case 'within_months':
    case 'older_than_months':
      return null; // only reached for 'none' and skill levels, which are not dates: UNKNOWN
    default:
      return false;
  }
}

/** The version whose effective range contains `on` (none: NOT_IN_FORCE, never a requested status): model.ts's one rule. */
export { versionInForce } from './model';

export const leafRemediable = (l: FieldLeaf) => (l.time_based === true ? true : (l.remediable ?? defaultRemediable(l.field)));

/** The mode whose kept set covers the requested statuses: 'met' for ELIGIBLE only, 'relaxed' with NEAR_MISS. */
export function prefilterModeFor(statuses: readonly string[]): PrefilterMode {
  if (statuses.includes('NEAR_MISS')) return 'relaxed';
  if (statuses.every((s) => s === 'ELIGIBLE' || s === 'EXCLUDED' || s === 'ALREADY_RECEIVING')) return 'met';
  return 'strict';
}

