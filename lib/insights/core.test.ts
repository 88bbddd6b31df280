import { describe, expect, it } from 'vitest';
import {
  ageBucket,
  applicationsByPolicy,
  approvedAmountsPerMonth,
  countByMonthAndKey,
  defaultPeriod,
  fenToYuan,
  monthsBetween,
  periodBounds,
  toCsv,
  toFen,
  uptake,
  validatePeriod,
  verificationAges,
} from './core';

const d = (s: string) => new Date(s);

describe('period', () => {
  it('defaults to the last 12 months including the current one', () => {
    expect(defaultPeriod(d('2026-12-04T10:00:00Z'))).toEqual({ from: '2026-01', to: '2026-12' });
    expect(defaultPeriod(d('2026-03-31T23:00:00Z'))).toEqual({ from: '2025-04', to: '2026-03' });
  });
  it('validates months and order', () => {
    expect(validatePeriod('2026-01', '2026-12')).toEqual({ ok: true, from: '2026-01', to: '2026-12' });
    expect(validatePeriod('2026-13', '2026-12')).toEqual({ ok: false, error: 'FROM_INVALID' });
    expect(validatePeriod('2026-1', '2026-12')).toEqual({ ok: false, error: 'FROM_INVALID' });
    expect(validatePeriod('2026-01', '2026-00')).toEqual({ ok: false, error: 'TO_INVALID' });
    expect(validatePeriod('2026-05', '2026-04')).toEqual({ ok: false, error: 'FROM_AFTER_TO' });
    expect(validatePeriod('2026-05', '2026-05').ok).toBe(true);
    expect(validatePeriod('2020-01', '2024-12').ok).toBe(true);
    expect(validatePeriod('2020-01', '2025-01')).toEqual({ ok: false, error: 'TOO_LONG' });
  });
  it('lists months across a year boundary and gives UTC bounds', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodBounds('2025-12', '2026-01')).toEqual({ start: d('2025-12-01T00:00:00Z'), end: d('2026-02-01T00:00:00Z') });
  });
});

describe('countByMonthAndKey', () => {
  it('counts per month and key, fills zeros, drops rows outside the period', () => {
    const r = countByMonthAndKey(
      [
        { at: d('2026-01-05T00:00:00Z'), key: '陶瓷' },
        { at: d('2026-01-31T23:59:59Z'), key: '陶瓷' },
        { at: d('2026-02-01T00:00:00Z'), key: '设计' },
        { at: d('2026-02-10T00:00:00Z'), key: null },
        { at: d('2025-12-31T23:59:59Z'), key: '陶瓷' },
        { at: d('2026-04-01T00:00:00Z'), key: '陶瓷' },
      ],
      '2026-01',
      '2026-03',
    );
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.keys).toEqual(['陶瓷', '', '设计']);
    expect(r.counts['2026-01']).toEqual({ 陶瓷: 2, 设计: 0, '': 0 });
    expect(r.counts['2026-02']).toEqual({ 陶瓷: 0, 设计: 1, '': 1 });
    expect(r.counts['2026-03']).toEqual({ 陶瓷: 0, 设计: 0, '': 0 });
    expect(r.totals).toEqual({ 陶瓷: 2, 设计: 1, '': 1 });
  });
});

describe('verification age', () => {
  const now = d('2026-12-04T12:00:00Z');
  it('buckets at the boundaries', () => {
    expect(ageBucket(d('2026-12-04T11:00:00Z'), now)).toBe('lt3');
    expect(ageBucket(d('2026-12-01T12:00:01Z'), now)).toBe('lt3');
    expect(ageBucket(d('2026-12-01T12:00:00Z'), now)).toBe('3to7');
    expect(ageBucket(d('2026-11-27T12:00:00Z'), now)).toBe('7to14');
    expect(ageBucket(d('2026-11-20T12:00:01Z'), now)).toBe('7to14');
    expect(ageBucket(d('2026-11-20T12:00:00Z'), now)).toBe('gt14');
  });
  it('aggregates by bucket and kind with the oldest age', () => {
    const r = verificationAges(
      [
        { submittedAt: d('2026-12-04T00:00:00Z'), kind: 'evidence' },
        { submittedAt: d('2026-11-01T00:00:00Z'), kind: 'evidence' },
        { submittedAt: d('2026-11-02T00:00:00Z'), kind: 'credit' },
      ],
      now,
    );
    expect(r.total).toBe(3);
    expect(r.buckets.lt3).toEqual({ evidence: 1 });
    expect(r.buckets.gt14).toEqual({ evidence: 1, credit: 1 });
    expect(r.oldestDays).toBe(33);
    expect(verificationAges([], now)).toEqual({ total: 0, buckets: { lt3: {}, '3to7': {}, '7to14': {}, gt14: {} }, oldestDays: null });
  });
});

describe('applications by policy', () => {
  it('stacks statuses per policy, busiest first', () => {
    expect(
      applicationsByPolicy([
        { policyCode: 'JP-002', status: 'approved' },
        { policyCode: 'JP-001', status: 'submitted' },
        { policyCode: 'JP-002', status: 'rejected' },
        { policyCode: 'JP-002', status: 'approved' },
      ]),
    ).toEqual([
      { policyCode: 'JP-002', submitted: 0, approved: 2, rejected: 1, withdrawn: 0, total: 3 },
      { policyCode: 'JP-001', submitted: 1, approved: 0, rejected: 0, withdrawn: 0, total: 1 },
    ]);
  });
});

describe('money', () => {
  it('converts decimals to fen exactly', () => {
    expect(toFen('0.1')).toBe(10n);
    expect(toFen('0.2')).toBe(20n);
    expect(toFen(0.1) + toFen(0.2)).toBe(30n);
    expect(toFen('3000000')).toBe(300000000n);
    expect(toFen(12345.67)).toBe(1234567n);
    expect(toFen('-5.5')).toBe(-550n);
    expect(() => toFen('abc')).toThrow();
    expect(fenToYuan(30n)).toBe('0.30');
    expect(fenToYuan(1234567n)).toBe('12345.67');
    expect(fenToYuan(-550n)).toBe('-5.50');
  });
  it('sums approved amounts per month and never adds finance ceilings', () => {
    const r = approvedAmountsPerMonth(
      [
        { decidedAt: d('2026-01-10T00:00:00Z'), amount: '0.10', finance: false },
        { decidedAt: d('2026-01-11T00:00:00Z'), amount: '0.20', finance: false },
        { decidedAt: d('2026-01-12T00:00:00Z'), amount: '3000000', finance: true },
        { decidedAt: d('2026-02-12T00:00:00Z'), amount: null, finance: false },
        { decidedAt: d('2026-03-12T00:00:00Z'), amount: '99', finance: false },
      ],
      '2026-01',
      '2026-02',
    );
    expect(r.months).toEqual([
      { month: '2026-01', amount: '0.30', approved: 3, unknownAmount: 0, financeCeilings: 1 },
      { month: '2026-02', amount: '0.00', approved: 1, unknownAmount: 1, financeCeilings: 0 },
    ]);
    expect(r.total).toBe('0.30');
  });
});

describe('uptake', () => {
  it('is applied ÷ eligible, null without eligible people', () => {
    expect(uptake({ A: 2, B: 1, C: 3 }, { A: 4, B: 0, D: 10 })).toEqual([
      { policyCode: 'A', applied: 2, eligible: 4, rate: 0.5 },
      { policyCode: 'D', applied: 0, eligible: 10, rate: 0 },
      { policyCode: 'B', applied: 1, eligible: 0, rate: null },
      { policyCode: 'C', applied: 3, eligible: 0, rate: null },
    ]);
  });
});

describe('csv', () => {
  it('starts with a BOM, quotes, uses CRLF and neutralises formulas', () => {
    const csv = toCsv(['月份', '名称'], [['2026-01', '陶瓷, 设计'], ['2026-02', '=SUM(A1)'], ['x', -5], ['y', 'say "hi"']]);
    expect(csv.startsWith('\uFEFF月份,名称\r\n')).toBe(true);
    expect(csv).toContain('2026-01,"陶瓷, 设计"\r\n');
    expect(csv).toContain("2026-02,'=SUM(A1)\r\n");
    expect(csv).toContain('x,-5\r\n');
    expect(csv).toContain('y,"say ""hi"""\r\n');
  });
});
