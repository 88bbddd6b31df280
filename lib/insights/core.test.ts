import { describe, expect, it } from 'vitest';
import {
  ageBucket,
  applicationsByPolicy,
  approvedAmountsPerMonth,
  bucketFor,
  bucketKey,
  bucketsBetween,
  countByBucketAndKey,
  csvSections,
  defaultPeriod,
  fenToYuan,
  localDay,
  localMonth,
  monthsOfPeriod,
  periodBounds,
  presetPeriod,
  toFen,
  UptakeCounter,
  validatePeriod,
  verificationAges,
} from './core';

const d = (s: string) => new Date(s);

describe('Asia/Shanghai calendar', () => {
  it('cuts days and months at midnight in Jingdezhen, not UTC', () => {
    expect(localDay(d('2026-05-31T15:59:59Z'))).toBe('2026-05-31');
    expect(localDay(d('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
    // decided 2026-05-31T17:00Z = 1 June 01:00 in Jingdezhen: June
    expect(localMonth(d('2026-05-31T17:00:00Z'))).toBe('2026-06');
    expect(localMonth(d('2025-12-31T16:30:00Z'))).toBe('2026-01');
  });
  it('gives [start, end) instants of a period at local midnights', () => {
    expect(periodBounds('2026-06-01', '2026-06-30')).toEqual({ start: d('2026-05-31T16:00:00Z'), end: d('2026-06-30T16:00:00Z') });
  });
});

describe('period', () => {
  const now = d('2026-12-04T17:00:00Z'); // 5 Dec 01:00 in Jingdezhen
  it('presets: last 30 and 90 days including today, this year (local dates)', () => {
    expect(presetPeriod('30d', now)).toEqual({ from: '2026-11-06', to: '2026-12-05' });
    expect(presetPeriod('90d', now)).toEqual({ from: '2026-09-07', to: '2026-12-05' });
    expect(presetPeriod('ytd', now)).toEqual({ from: '2026-01-01', to: '2026-12-05' });
    expect(defaultPeriod(now)).toEqual(presetPeriod('90d', now));
  });
  it('validates calendar dates, order and length with stable codes', () => {
    expect(validatePeriod('2026-01-01', '2026-12-31')).toEqual({ ok: true, from: '2026-01-01', to: '2026-12-31' });
    expect(validatePeriod('2026-02-30', '2026-12-31')).toEqual({ ok: false, error: 'FROM_INVALID' });
    expect(validatePeriod('2026-1-01', '2026-12-31')).toEqual({ ok: false, error: 'FROM_INVALID' });
    expect(validatePeriod('2026-01-01', '2026-13-01')).toEqual({ ok: false, error: 'TO_INVALID' });
    expect(validatePeriod('2026-05-02', '2026-05-01')).toEqual({ ok: false, error: 'FROM_AFTER_TO' });
    expect(validatePeriod('2026-05-01', '2026-05-01').ok).toBe(true);
    expect(validatePeriod('2021-01-01', '2025-12-31').ok).toBe(true);
    expect(validatePeriod('2020-12-31', '2025-12-31')).toEqual({ ok: false, error: 'TOO_LONG' });
  });
  it('lists the months a period touches', () => {
    expect(monthsOfPeriod('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('buckets', () => {
  it('by day up to 31 days, by week (from Monday) up to 184, else by month', () => {
    expect(bucketFor('2026-06-01', '2026-07-01')).toBe('day');
    expect(bucketFor('2026-06-01', '2026-07-02')).toBe('week');
    expect(bucketFor('2026-01-01', '2026-07-03')).toBe('week');
    expect(bucketFor('2026-01-01', '2026-07-04')).toBe('month');
    expect(bucketsBetween('2026-06-29', '2026-07-02', 'day')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']);
    // 2026-06-03 is a Wednesday: its week starts Monday 1 June
    expect(bucketsBetween('2026-06-03', '2026-06-20', 'week')).toEqual(['2026-06-01', '2026-06-08', '2026-06-15']);
    expect(bucketKey(d('2026-06-07T15:59:00Z'), 'week')).toBe('2026-06-01'); // Sunday 23:59 local
    expect(bucketKey(d('2026-06-07T16:00:00Z'), 'week')).toBe('2026-06-08'); // Monday 00:00 local
    expect(bucketKey(d('2026-05-31T17:00:00Z'), 'month')).toBe('2026-06');
  });
  it('counts per bucket and key, fills zeros, drops rows outside the period', () => {
    const r = countByBucketAndKey(
      [
        { at: d('2026-01-05T00:00:00Z'), key: 'throwing_round' },
        { at: d('2026-01-31T15:59:59Z'), key: 'throwing_round' },
        { at: d('2026-01-31T16:00:00Z'), key: 'design' }, // 1 Feb local
        { at: d('2026-02-10T00:00:00Z'), key: null },
        { at: d('2025-12-31T15:59:59Z'), key: 'throwing_round' }, // before the period
        { at: d('2026-03-31T16:00:00Z'), key: 'throwing_round' }, // 1 Apr local: after
      ],
      '2026-01-01',
      '2026-03-31',
      'month',
    );
    expect(r.buckets).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.keys).toEqual(['throwing_round', '', 'design']);
    expect(r.counts['2026-01']).toEqual({ throwing_round: 2, design: 0, '': 0 });
    expect(r.counts['2026-02']).toEqual({ throwing_round: 0, design: 1, '': 1 });
    expect(r.counts['2026-03']).toEqual({ throwing_round: 0, design: 0, '': 0 });
    expect(r.totals).toEqual({ throwing_round: 2, design: 1, '': 1 });
    expect(r.total).toBe(4);
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
        { submittedAt: d('2026-12-04T00:00:00Z'), kind: 'title' },
        { submittedAt: d('2026-11-01T00:00:00Z'), kind: 'title' },
        { submittedAt: d('2026-11-02T00:00:00Z'), kind: 'award' },
      ],
      now,
    );
    expect(r.total).toBe(3);
    expect(r.buckets.lt3).toEqual({ title: 1 });
    expect(r.buckets.gt14).toEqual({ title: 1, award: 1 });
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
    expect(toFen(0.1) + toFen(0.2)).toBe(30n);
    expect(toFen('3000000')).toBe(300000000n);
    expect(toFen(12345.67)).toBe(1234567n);
    expect(toFen('-5.5')).toBe(-550n);
    expect(() => toFen('abc')).toThrow();
    expect(fenToYuan(30n)).toBe('0.30');
    expect(fenToYuan(-550n)).toBe('-5.50');
  });
  it('sums approved amounts by the Jingdezhen month of the decision, inside the period only, never adding finance ceilings', () => {
    const r = approvedAmountsPerMonth(
      [
        { decidedAt: d('2026-01-10T00:00:00Z'), amount: '0.10', finance: false },
        { decidedAt: d('2026-01-11T00:00:00Z'), amount: 0.2, finance: false },
        { decidedAt: d('2026-01-12T00:00:00Z'), amount: '3000000', finance: true },
        { decidedAt: d('2026-01-31T17:00:00Z'), amount: '500', finance: false }, // 1 Feb 01:00 local
        { decidedAt: d('2026-02-12T00:00:00Z'), amount: null, finance: false },
        { decidedAt: d('2026-02-13T00:00:00Z'), amount: null, finance: false, nonCash: true },
        { decidedAt: d('2026-02-28T16:00:00Z'), amount: '99', finance: false }, // 1 Mar local: after the period
        { decidedAt: d('2026-01-04T15:00:00Z'), amount: '7', finance: false }, // 4 Jan 23:00 local: before it
      ],
      '2026-01-05',
      '2026-02-28',
    );
    expect(r.months).toEqual([
      { month: '2026-01', amount: '0.30', approved: 3, unknownAmount: 0, financeCeilings: 1, nonCash: 0 },
      { month: '2026-02', amount: '500.00', approved: 3, unknownAmount: 1, financeCeilings: 0, nonCash: 1 },
    ]);
    expect(r.total).toBe('500.30');
    expect(r.approved).toBe(6);
    expect(r.financeCeilings).toBe(1);
    expect(r.nonCash).toBe(1);
  });
});

describe('uptake', () => {
  it('is distinct applicants ÷ (applicants + eligible people who have not applied), null when nobody could', () => {
    const applied = new Map([
      ['A', new Set(['t1', 't2'])],
      ['C', new Set(['t3'])],
    ]);
    const c = new UptakeCounter(['A', 'B', 'C', 'D'], applied);
    c.add('t1', [{ policyCode: 'A', status: 'ELIGIBLE' }]); // applied already: not counted twice
    c.add('t4', [
      { policyCode: 'A', status: 'ELIGIBLE' },
      { policyCode: 'B', status: 'ELIGIBLE' },
      { policyCode: 'X', status: 'ELIGIBLE' }, // not in force: ignored
    ]);
    c.add('t5', [
      { policyCode: 'A', status: 'NEAR_MISS' },
      { policyCode: 'B', status: 'ELIGIBLE' },
    ]);
    expect(c.rows()).toEqual([
      { policyCode: 'C', applied: 1, eligibleNow: 0, eligibleNotApplied: 0, rate: 1 },
      { policyCode: 'A', applied: 2, eligibleNow: 2, eligibleNotApplied: 1, rate: 0.667 },
      { policyCode: 'B', applied: 0, eligibleNow: 2, eligibleNotApplied: 2, rate: 0 },
      { policyCode: 'D', applied: 0, eligibleNow: 0, eligibleNotApplied: 0, rate: null },
    ]);
    expect(c.evaluated).toBe(3);
  });
});

describe('csv', () => {
  it('one section per chart: BOM once, titled sections, CRLF, quoting, formulas neutralised, numbers as they are', () => {
    const csv = csvSections([
      { title: '注册', header: ['月份', '名称'], rows: [['2026-01', '陶瓷, 设计'], ['2026-02', '=SUM(A1)']] },
      { title: 'B', header: ['x', 'y'], rows: [['-1+2', -5], ['@me', 'say "hi"'], ['+86', null]] },
    ]);
    expect(csv.startsWith('\uFEFF注册\r\n月份,名称\r\n')).toBe(true);
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    expect(csv).toContain('2026-01,"陶瓷, 设计"\r\n');
    expect(csv).toContain("2026-02,'=SUM(A1)\r\n\r\nB\r\nx,y\r\n");
    expect(csv).toContain("'-1+2,-5\r\n");
    expect(csv).toContain('\'@me,"say ""hi"""\r\n');
    expect(csv).toContain("'+86,\r\n");
  });
});
