import Decimal from 'decimal.js';

/**
 * 党费 calculator (domain-party.md §2.7, 中组发〔2008〕3号) — a pure core: no Next, no database.
 *
 * All arithmetic is decimal (decimal.js), never binary floating point; amounts travel as decimal strings with two
 * decimals. Design choices (no national rule found, §2.7 [GAP]):
 * - Rounding: to 0.01 元, half-up (ROUND_HALF_UP), once, on base × rate.
 * - 个体经营 (art. 4): the base is the average of the previous quarter's three monthly net incomes, rounded to 0.01 元
 *   half-up *before* the bracket is chosen, so the base shown, its bracket and the amount always agree. A month with a
 *   loss is recorded as 0 (negative incomes are refused).
 * - 农民 (art. 6: 0.2–1 元/月): the branch may set any amount in that range; the default is 0.50 元.
 * - 学生 / 失业 / 低保 (art. 6): 0.20 元/月.
 * - An approved reduction (art. 7) replaces the computed amount: never negative, never above it; 0 = waived.
 * - Brackets apply the rate to the WHOLE base (art. 2 and 5), with the upper edge inclusive (≤ 3000 → 0.5 % …).
 */

Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** The API's base types (GET /api/v1/party/dues/quote). */
export const DUES_API_BASE_TYPES = ['wage', 'annual_salary', 'self_employed', 'retiree', 'farmer', 'student', 'unemployed'] as const;
export type DuesApiBaseType = (typeof DUES_API_BASE_TYPES)[number];
/** The members table's base types (db/schema/party.ts DUES_BASE_TYPES; repeated here: a pure core imports no db). */
export const DUES_DB_BASE_TYPES = ['salary', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student_unemployed'] as const;
export type DuesDbBaseType = (typeof DUES_DB_BASE_TYPES)[number];

/** The one mapping between the two vocabularies. student and unemployed share the database's student_unemployed. */
const API_TO_DB: Record<DuesApiBaseType, DuesDbBaseType> = {
  wage: 'salary',
  annual_salary: 'annual_salary',
  self_employed: 'self_employed',
  retiree: 'retired',
  farmer: 'farmer',
  student: 'student_unemployed',
  unemployed: 'student_unemployed',
};
const DB_TO_API: Record<DuesDbBaseType, DuesApiBaseType> = {
  salary: 'wage',
  annual_salary: 'annual_salary',
  self_employed: 'self_employed',
  retired: 'retiree',
  farmer: 'farmer',
  student_unemployed: 'student',
};
export const baseTypeToDb = (t: DuesApiBaseType): DuesDbBaseType => API_TO_DB[t];
export const baseTypeFromDb = (t: DuesDbBaseType): DuesApiBaseType => DB_TO_API[t];

export const FARMER_MIN = '0.20';
export const FARMER_MAX = '1.00';
export const FARMER_DEFAULT = '0.50';
export const STUDENT_UNEMPLOYED_AMOUNT = '0.20';

/** Wage brackets (art. 2): upper edge inclusive; the rate applies to the whole base. */
export const WAGE_BRACKETS = [
  { upTo: '3000', rate: '0.005' },
  { upTo: '5000', rate: '0.01' },
  { upTo: '10000', rate: '0.015' },
  { upTo: null, rate: '0.02' },
] as const;
/** Retiree brackets (art. 5). */
export const RETIREE_BRACKETS = [
  { upTo: '5000', rate: '0.005' },
  { upTo: null, rate: '0.01' },
] as const;

type Bracket = { upTo: string | null; rate: string };

/** A money amount as the API accepts it: digits with at most two decimals, no sign, no exponent ('1e3' is refused). */
const AMOUNT_RE = /^(0|[1-9]\d{0,8})(\.\d{1,2})?$/;

/** Parses a money string strictly (see AMOUNT_RE); null when malformed. */
export function parseAmount(s: unknown): Decimal | null {
  if (typeof s !== 'string' || !AMOUNT_RE.test(s)) return null;
  return new Decimal(s);
}
export const isAmount = (s: unknown): s is string => parseAmount(s) !== null;

/** Two decimals, half-up. */
export const money = (d: Decimal.Value): string => new Decimal(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

function bracketOf(base: Decimal, brackets: readonly Bracket[]): { rate: string; index: number } {
  const i = brackets.findIndex((b) => b.upTo === null || base.lte(b.upTo));
  return { rate: brackets[i]!.rate, index: i };
}

export interface DuesInput {
  baseType: DuesApiBaseType;
  /** wage / annual_salary / retiree: the monthly base; farmer: the monthly amount chosen in 0.20–1.00 (default 0.50). */
  baseAmount?: string | null;
  /** self_employed: the previous quarter's three monthly net incomes. */
  quarterIncomes?: readonly string[] | null;
  /** An approved reduction: the monthly amount after it (0 = waived). */
  reductionAmount?: string | null;
  /** Reduction above the computed amount: refuse (default, the quote API) or cap at the computed amount (stored reductions). */
  capReduction?: boolean;
}

export interface DuesQuote {
  baseType: DuesApiBaseType;
  /** The base the rate applies to (null for fixed amounts). */
  base: string | null;
  /** The rate as a decimal string ('0.005' …), null for fixed amounts. */
  rate: string | null;
  /** Bracket index into WAGE_BRACKETS / RETIREE_BRACKETS, null for fixed amounts. */
  bracket: number | null;
  /** base × rate rounded (or the fixed amount), before any reduction. */
  computedAmount: string;
  /** What is due each month. */
  monthlyAmount: string;
  reduced: boolean;
}

export type DuesFieldError = 'required' | 'invalidAmount' | 'threeIncomes' | 'farmerRange' | 'reductionAboveDue' | 'invalidBaseType';
export type DuesResult = { ok: true; quote: DuesQuote } | { ok: false; errors: Partial<Record<'baseType' | 'baseAmount' | 'quarterIncomes' | 'reductionAmount', DuesFieldError>> };

/** The monthly amount due (§2.7 arts. 1–7). Malformed input is refused field by field, never guessed. */
export function quoteDues(input: DuesInput): DuesResult {
  if (!(DUES_API_BASE_TYPES as readonly string[]).includes(input.baseType)) return { ok: false, errors: { baseType: 'invalidBaseType' } };
  const errors: Extract<DuesResult, { ok: false }>['errors'] = {};
  let reduction: Decimal | null = null;
  if (input.reductionAmount != null && input.reductionAmount !== '') {
    reduction = parseAmount(input.reductionAmount);
    if (!reduction) errors.reductionAmount = 'invalidAmount';
  }

  let base: Decimal | null = null;
  let rate: string | null = null;
  let bracket: number | null = null;
  let computed: Decimal | null = null;
  const t = input.baseType;
  if (t === 'wage' || t === 'annual_salary' || t === 'retiree') {
    if (input.baseAmount == null || input.baseAmount === '') errors.baseAmount = 'required';
    else if (!(base = parseAmount(input.baseAmount))) errors.baseAmount = 'invalidAmount';
  } else if (t === 'self_employed') {
    const q = input.quarterIncomes;
    if (!q || q.length === 0) errors.quarterIncomes = 'required';
    else if (q.length !== 3) errors.quarterIncomes = 'threeIncomes';
    else {
      const parsed = q.map(parseAmount);
      if (parsed.some((x) => !x)) errors.quarterIncomes = 'invalidAmount';
      else base = new Decimal(money(parsed.reduce((a, b) => a!.plus(b!), new Decimal(0))!.div(3)));
    }
  } else if (t === 'farmer') {
    const raw = input.baseAmount == null || input.baseAmount === '' ? FARMER_DEFAULT : input.baseAmount;
    const a = parseAmount(raw);
    if (!a) errors.baseAmount = 'invalidAmount';
    else if (a.lt(FARMER_MIN) || a.gt(FARMER_MAX)) errors.baseAmount = 'farmerRange';
    else computed = a;
  } else {
    computed = new Decimal(STUDENT_UNEMPLOYED_AMOUNT);
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  if (base) {
    const b = bracketOf(base, t === 'retiree' ? RETIREE_BRACKETS : WAGE_BRACKETS);
    rate = b.rate;
    bracket = b.index;
    computed = base.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  }
  let monthly = computed!;
  if (reduction) {
    if (reduction.gt(computed!)) {
      if (!input.capReduction) return { ok: false, errors: { reductionAmount: 'reductionAboveDue' } };
      reduction = computed!;
    }
    monthly = reduction;
  }
  return {
    ok: true,
    quote: {
      baseType: t,
      base: base ? money(base) : null,
      rate,
      bracket,
      computedAmount: money(computed!),
      monthlyAmount: money(monthly),
      reduced: reduction !== null,
    },
  };
}

// --- amounts paid -----------------------------------------------------------------------------------------------

/** A payment must be at least the month's due; more is a voluntary extra (art. 11), recorded as paid. */
export function checkPaidAmount(paid: string, due: string): 'ok' | 'invalidAmount' | 'belowDue' {
  const p = parseAmount(paid);
  if (!p) return 'invalidAmount';
  return p.lt(due) ? 'belowDue' : 'ok';
}

/** Exact sum of decimal strings (dashboards total after decryption). */
export const sumAmounts = (xs: readonly string[]): string => money(xs.reduce((a, x) => a.plus(x), new Decimal(0)));

// --- months -----------------------------------------------------------------------------------------------------

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: unknown): s is string => typeof s === 'string' && MONTH_RE.test(s);
/** YYYY-MM → a month count (year × 12 + month − 1). */
export const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
export const monthOfIndex = (i: number): string => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
export const addMonths = (ym: string, n: number): string => monthOfIndex(monthIndex(ym) + n);
export const nextMonth = (ym: string): string => addMonths(ym, 1);

/** 补交 (art. 12): at most 6 months back — the current month minus 6 is the oldest month still accepted. */
export const BACKPAY_MAX_MONTHS = 6;
/**
 * Paying ahead: up to 3 months after the current one (a quarter, art. 12's quarterly payment with the branch's consent).
 * Further ahead is refused: a base may change (art. 10) before then.
 */
export const PREPAY_MAX_MONTHS = 3;

export type MonthCheck = 'ok' | 'BACKPAY_TOO_OLD' | 'TOO_FAR_AHEAD' | 'BEFORE_JOIN';
/** Whether a month may be recorded now (the ledger's uniqueness and the baseline are checked by the service). */
export function checkPaymentMonth(month: string, currentMonth: string, joinDate: string): MonthCheck {
  const m = monthIndex(month);
  const c = monthIndex(currentMonth);
  if (m < monthIndex(joinDate.slice(0, 7))) return 'BEFORE_JOIN';
  if (m < c - BACKPAY_MAX_MONTHS) return 'BACKPAY_TOO_OLD';
  if (m > c + PREPAY_MAX_MONTHS) return 'TOO_FAR_AHEAD';
  return 'ok';
}

/**
 * Consecutive unpaid months up to and including the current month (the convention of lib/party/members.ts alerts):
 * paid through the current month or later → 0; never paid → counted from the month of joining.
 */
export function monthsUnpaid(paidThrough: string | null, joinDate: string, currentMonth: string): number {
  const from = paidThrough ? monthIndex(paidThrough) : monthIndex(joinDate.slice(0, 7)) - 1;
  return Math.max(0, monthIndex(currentMonth) - from);
}

/**
 * Consecutive months overdue: unpaid months that have ended (the current month is still payable). This is what the
 * lapse alerts count — six months overdue means six whole months passed without paying (党章第九条).
 */
export const monthsOverdue = (paidThrough: string | null, joinDate: string, currentMonth: string): number => monthsUnpaid(paidThrough, joinDate, addMonths(currentMonth, -1));

/** The unpaid months themselves, oldest first (capped to the last `limit` months). */
export function unpaidMonths(paidThrough: string | null, joinDate: string, currentMonth: string, limit = 24): string[] {
  const n = Math.min(monthsUnpaid(paidThrough, joinDate, currentMonth), limit);
  return Array.from({ length: n }, (_, i) => addMonths(currentMonth, i - n + 1));
}

/**
 * The lapse thresholds of §7.1 reached by a number of consecutive unpaid months: 3 → both secretaries, 6 → 流出地
 * and 组织部 (党章第九条 risk). Alerts only: 党籍 changes only with a recorded decision.
 */
export const LAPSE_THRESHOLDS = [3, 6] as const;
export const thresholdsReached = (unpaid: number): (typeof LAPSE_THRESHOLDS)[number][] => LAPSE_THRESHOLDS.filter((t) => unpaid >= t);
