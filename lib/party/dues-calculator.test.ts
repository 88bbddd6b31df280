/**
 * The dues calculator (domain-party.md §2.7, 中组发〔2008〕3号): the worked examples, every bracket edge on both
 * sides, strict refusal of malformed numbers, fixed amounts, reductions, the month rules; then properties over
 * random bases (fast-check): never negative, two decimals, base × rate rounded half-up, monotone within a bracket.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUES_BASE_TYPES } from '@/db/schema/party';
import {
  DUES_API_BASE_TYPES,
  DUES_DB_BASE_TYPES,
  RETIREE_BRACKETS,
  WAGE_BRACKETS,
  baseTypeFromDb,
  baseTypeToDb,
  checkPaidAmount,
  checkPaymentMonth,
  monthsOverdue,
  monthsUnpaid,
  parseAmount,
  quoteDues,
  sumAmounts,
  thresholdsReached,
  unpaidMonths,
  type DuesApiBaseType,
} from './dues-calculator';

const amount = (baseType: DuesApiBaseType, baseAmount: string, extra: Record<string, unknown> = {}) => {
  const r = quoteDues({ baseType, baseAmount, ...extra });
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.quote;
};

describe('worked examples (§2.7)', () => {
  it.each([
    ['wage', '3000.00', '15.00'],
    ['wage', '3000.01', '30.00'],
    ['wage', '5000', '50.00'],
    ['wage', '5000.01', '75.00'],
    ['wage', '8000', '120.00'],
    ['wage', '10000', '150.00'],
    ['wage', '10000.01', '200.00'],
    ['retiree', '5000', '25.00'],
    ['retiree', '6000', '60.00'],
  ] as const)('%s %s → %s', (t, base, expected) => {
    expect(amount(t, base).monthlyAmount).toBe(expected);
  });
});

describe('bracket edges (x.00 and x.01 on each side)', () => {
  it.each([
    // wage / annual salary: ≤3000 0.5 %, ≤5000 1 %, ≤10000 1.5 %, >10000 2 %
    ['0', '0.005', '0.00'],
    ['0.00', '0.005', '0.00'],
    ['0.01', '0.005', '0.00'],
    ['1.00', '0.005', '0.01'], // 0.005 rounds half-up
    ['2999.99', '0.005', '15.00'], // 14.99995
    ['2999.00', '0.005', '15.00'], // 14.995
    ['2998.99', '0.005', '14.99'], // 14.99495
    ['3000.00', '0.005', '15.00'],
    ['3000.01', '0.01', '30.00'],
    ['3001.00', '0.01', '30.01'],
    ['4999.99', '0.01', '50.00'],
    ['5000.00', '0.01', '50.00'],
    ['5000.01', '0.015', '75.00'],
    ['9999.99', '0.015', '150.00'],
    ['10000.00', '0.015', '150.00'],
    ['10000.01', '0.02', '200.00'],
    ['10001.00', '0.02', '200.02'],
    ['999999999.99', '0.02', '20000000.00'],
  ] as const)('wage %s → rate %s, %s', (base, rate, expected) => {
    for (const t of ['wage', 'annual_salary'] as const) {
      const q = amount(t, base);
      expect(q.rate).toBe(rate);
      expect(q.monthlyAmount).toBe(expected);
      expect(q.base).toBe(new Decimal(base).toFixed(2));
    }
  });

  it.each([
    ['0.00', '0.005', '0.00'],
    ['4999.99', '0.005', '25.00'],
    ['5000.00', '0.005', '25.00'],
    ['5000.01', '0.01', '50.00'],
    ['5001.00', '0.01', '50.01'],
    ['10000.01', '0.01', '100.00'], // no third bracket for retirees
  ] as const)('retiree %s → rate %s, %s', (base, rate, expected) => {
    const q = amount('retiree', base);
    expect(q.rate).toBe(rate);
    expect(q.monthlyAmount).toBe(expected);
  });
});

describe('self-employed: the previous quarter’s average, rounded to 0.01 before the bracket', () => {
  it('averages three months', () => {
    const r = quoteDues({ baseType: 'self_employed', quarterIncomes: ['6000', '8000', '10000'] });
    expect(r).toEqual({ ok: true, quote: expect.objectContaining({ base: '8000.00', rate: '0.015', monthlyAmount: '120.00' }) });
  });
  it('rounds the average half-up, then picks the bracket from the rounded base', () => {
    // (3000 + 3000 + 3000.01) / 3 = 3000.00333… → 3000.00 → 0.5 % → 15.00
    expect(quoteDues({ baseType: 'self_employed', quarterIncomes: ['3000', '3000', '3000.01'] })).toMatchObject({ ok: true, quote: { base: '3000.00', monthlyAmount: '15.00' } });
    // (3000 + 3000.01 + 3000.01) / 3 = 3000.00666… → 3000.01 → 1 % → 30.00
    expect(quoteDues({ baseType: 'self_employed', quarterIncomes: ['3000', '3000.01', '3000.01'] })).toMatchObject({ ok: true, quote: { base: '3000.01', monthlyAmount: '30.00' } });
  });
  it('requires exactly three well-formed incomes', () => {
    expect(quoteDues({ baseType: 'self_employed' })).toEqual({ ok: false, errors: { quarterIncomes: 'required' } });
    expect(quoteDues({ baseType: 'self_employed', baseAmount: '5000' })).toEqual({ ok: false, errors: { quarterIncomes: 'required' } });
    expect(quoteDues({ baseType: 'self_employed', quarterIncomes: ['1', '2'] })).toEqual({ ok: false, errors: { quarterIncomes: 'threeIncomes' } });
    expect(quoteDues({ baseType: 'self_employed', quarterIncomes: ['1', '-2', '3'] })).toEqual({ ok: false, errors: { quarterIncomes: 'invalidAmount' } });
  });
});

describe('fixed amounts and reductions', () => {
  it('farmers: 0.20–1.00 元, default 0.50', () => {
    expect(quoteDues({ baseType: 'farmer' })).toMatchObject({ ok: true, quote: { monthlyAmount: '0.50', rate: null, base: null } });
    expect(amount('farmer', '0.20').monthlyAmount).toBe('0.20');
    expect(amount('farmer', '1').monthlyAmount).toBe('1.00');
    expect(quoteDues({ baseType: 'farmer', baseAmount: '0.19' })).toEqual({ ok: false, errors: { baseAmount: 'farmerRange' } });
    expect(quoteDues({ baseType: 'farmer', baseAmount: '1.01' })).toEqual({ ok: false, errors: { baseAmount: 'farmerRange' } });
  });
  it('students and the unemployed: 0.20 元 whatever the base', () => {
    for (const t of ['student', 'unemployed'] as const) expect(quoteDues({ baseType: t, baseAmount: '99999' })).toMatchObject({ ok: true, quote: { monthlyAmount: '0.20' } });
  });
  it('an approved reduction replaces the amount, 0 waives, never above the computed amount', () => {
    expect(amount('wage', '8000', { reductionAmount: '10' })).toMatchObject({ computedAmount: '120.00', monthlyAmount: '10.00', reduced: true });
    expect(amount('wage', '8000', { reductionAmount: '0' })).toMatchObject({ monthlyAmount: '0.00', reduced: true });
    expect(quoteDues({ baseType: 'wage', baseAmount: '8000', reductionAmount: '120.01' })).toEqual({ ok: false, errors: { reductionAmount: 'reductionAboveDue' } });
    expect(amount('wage', '8000', { reductionAmount: '500', capReduction: true }).monthlyAmount).toBe('120.00');
    expect(quoteDues({ baseType: 'wage', baseAmount: '8000', reductionAmount: '-1' })).toEqual({ ok: false, errors: { reductionAmount: 'invalidAmount' } });
  });
});

describe('malformed input is refused, never guessed', () => {
  it.each(['1e3', '12.345', '-1', '-0.01', '+5', ' 5', '5 ', '', '1,000', '0x10', 'NaN', 'Infinity', '.5', '5.', '007', '1000000000'])('baseAmount %j', (s) => {
    const r = quoteDues({ baseType: 'wage', baseAmount: s });
    expect(r.ok).toBe(false);
    expect(parseAmount(s)).toBeNull();
  });
  it('a missing base and an unknown base type', () => {
    expect(quoteDues({ baseType: 'wage' })).toEqual({ ok: false, errors: { baseAmount: 'required' } });
    expect(quoteDues({ baseType: 'salary' as DuesApiBaseType, baseAmount: '1' })).toEqual({ ok: false, errors: { baseType: 'invalidBaseType' } });
  });
});

describe('base-type vocabularies', () => {
  it('the pure list repeats the schema’s enum exactly', () => {
    expect([...DUES_DB_BASE_TYPES]).toEqual([...DUES_BASE_TYPES]);
  });
  it('maps every API type to the database and back', () => {
    for (const t of DUES_API_BASE_TYPES) expect(DUES_DB_BASE_TYPES).toContain(baseTypeToDb(t));
    for (const t of DUES_DB_BASE_TYPES) expect(baseTypeToDb(baseTypeFromDb(t))).toBe(t);
    expect(baseTypeToDb('unemployed')).toBe('student_unemployed');
    expect(baseTypeToDb('wage')).toBe('salary');
    expect(baseTypeToDb('retiree')).toBe('retired');
  });
});

describe('months', () => {
  it('payment window: 6 months back, 3 ahead, not before joining', () => {
    expect(checkPaymentMonth('2026-01', '2026-07', '2020-05-01')).toBe('ok');
    expect(checkPaymentMonth('2025-12', '2026-07', '2020-05-01')).toBe('BACKPAY_TOO_OLD');
    expect(checkPaymentMonth('2026-10', '2026-07', '2020-05-01')).toBe('ok');
    expect(checkPaymentMonth('2026-11', '2026-07', '2020-05-01')).toBe('TOO_FAR_AHEAD');
    expect(checkPaymentMonth('2026-04', '2026-07', '2026-05-20')).toBe('BEFORE_JOIN');
    expect(checkPaymentMonth('2026-02', '2026-03', '2025-12-01')).toBe('ok');
    expect(checkPaymentMonth('2025-08', '2026-03', '2020-01-01')).toBe('BACKPAY_TOO_OLD'); // across the year
  });
  it('unpaid months include the current one; overdue months are those that have ended', () => {
    expect(monthsUnpaid('2026-07', '2020-01-01', '2026-07')).toBe(0);
    expect(monthsUnpaid('2026-09', '2020-01-01', '2026-07')).toBe(0);
    expect(monthsUnpaid('2026-04', '2020-01-01', '2026-07')).toBe(3);
    expect(monthsUnpaid(null, '2026-05-10', '2026-07')).toBe(3);
    expect(monthsUnpaid('2025-11', '2020-01-01', '2026-02')).toBe(3);
    expect(monthsOverdue('2026-04', '2020-01-01', '2026-07')).toBe(2);
    expect(monthsOverdue('2026-01', '2020-01-01', '2026-07')).toBe(5);
    expect(unpaidMonths('2026-04', '2020-01-01', '2026-07')).toEqual(['2026-05', '2026-06', '2026-07']);
    expect(unpaidMonths('2025-11', '2020-01-01', '2026-01')).toEqual(['2025-12', '2026-01']);
    expect(thresholdsReached(2)).toEqual([]);
    expect(thresholdsReached(3)).toEqual([3]);
    expect(thresholdsReached(7)).toEqual([3, 6]);
  });
  it('a payment must cover the due; more is a voluntary extra; sums are exact', () => {
    expect(checkPaidAmount('120.00', '120.00')).toBe('ok');
    expect(checkPaidAmount('200', '120.00')).toBe('ok');
    expect(checkPaidAmount('119.99', '120.00')).toBe('belowDue');
    expect(checkPaidAmount('1e2', '120.00')).toBe('invalidAmount');
    expect(sumAmounts(['0.10', '0.20', '0.30'])).toBe('0.60'); // 0.1 + 0.2 ≠ 0.3 in binary floating point
    expect(sumAmounts([])).toBe('0.00');
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: 0, max: 99_999_999_999 }).map((c) => new Decimal(c).div(100).toFixed(2));
  const expectedFor = (brackets: readonly { upTo: string | null; rate: string }[], base: string) => {
    const b = brackets.find((x) => x.upTo === null || new Decimal(base).lte(x.upTo))!;
    return new Decimal(base).times(b.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  };

  it('never negative, at most two decimals, equals base × rate rounded half-up', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('wage', 'annual_salary', 'retiree') as fc.Arbitrary<DuesApiBaseType>, (base, t) => {
        const q = amount(t, base);
        expect(new Decimal(q.monthlyAmount).gte(0)).toBe(true);
        expect(q.monthlyAmount).toMatch(/^\d+\.\d{2}$/);
        expect(q.monthlyAmount).toBe(expectedFor(t === 'retiree' ? RETIREE_BRACKETS : WAGE_BRACKETS, base));
      }),
      { numRuns: 500 },
    );
  });

  it('monotone non-decreasing in the base within a bracket', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const [lo, hi] = new Decimal(a).lte(b) ? [a, b] : [b, a];
        const ql = amount('wage', lo);
        const qh = amount('wage', hi);
        if (ql.bracket === qh.bracket) expect(new Decimal(qh.monthlyAmount).gte(ql.monthlyAmount)).toBe(true);
        // across brackets the rate only rises, so the amount never falls either
        expect(new Decimal(qh.monthlyAmount).gte(ql.monthlyAmount)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a reduction is never negative and never above the computed amount', () => {
    fc.assert(
      fc.property(cents, cents, (base, red) => {
        const r = quoteDues({ baseType: 'wage', baseAmount: base, reductionAmount: red, capReduction: true });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(new Decimal(r.quote.monthlyAmount).gte(0)).toBe(true);
        expect(new Decimal(r.quote.monthlyAmount).lte(r.quote.computedAmount)).toBe(true);
      }),
    );
  });

  it('self-employed equals the wage amount of the rounded average', () => {
    fc.assert(
      fc.property(cents, cents, cents, (a, b, c) => {
        const q = quoteDues({ baseType: 'self_employed', quarterIncomes: [a, b, c] });
        expect(q.ok).toBe(true);
        if (!q.ok) return;
        const avg = new Decimal(a).plus(b).plus(c).div(3).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
        expect(q.quote.base).toBe(avg);
        expect(q.quote.monthlyAmount).toBe(expectedFor(WAGE_BRACKETS, avg));
      }),
    );
  });
});
