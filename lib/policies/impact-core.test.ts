import { describe, expect, it } from 'vitest';
import { allOf, gate, leaf, type Policy, type PolicyVersion, type Status } from '@/lib/policy-matching/model';
import { costKindOf, draftCatalogue, evaluatePair, ImpactAccumulator, inForceOnly, sharedPairCatalogue } from './impact-core';

const v = (over: Partial<PolicyVersion> = {}): PolicyVersion => ({
  version: '1.0.0',
  effective_from: '2024-01-01',
  criteria: allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' })),
  benefit: { kind: 'cash_once', amount: 1000, text_zh: '1000 元' },
  ...over,
});
const policy = (versions: PolicyVersion[]): Policy => ({ code: 'JP-901', title_zh: '测试', category: 'living', provenance: 'modelled', versions });
const side = (status: Status, amountEstimate: number | null = null) => ({ status, amountEstimate });
const acc = (n = 2, before: 'money' | 'finance' | 'non_cash' = 'money', after: 'money' | 'finance' | 'non_cash' = 'money') => new ImpactAccumulator({ sampleSize: n, costKindBefore: before, costKindAfter: after });

describe('costKindOf', () => {
  it('loans, interest subsidies and the finance category are finance; in-kind, service, qualification are non-cash; the rest money', () => {
    expect(costKindOf('living', { kind: 'cash_once' })).toBe('money');
    expect(costKindOf('living', { kind: undefined })).toBe('money');
    expect(costKindOf('living', { kind: 'rent_discount' })).toBe('money');
    expect(costKindOf('living', { kind: 'loan' })).toBe('finance');
    expect(costKindOf('living', { kind: 'interest_subsidy' })).toBe('finance');
    expect(costKindOf('finance', { kind: 'cash_once' })).toBe('finance');
    for (const k of ['in_kind', 'service', 'qualification'] as const) expect(costKindOf('living', { kind: k })).toBe('non_cash');
    expect(costKindOf('living', null)).toBe('non_cash');
  });
});

describe('ImpactAccumulator', () => {
  it('an empty population: zero everywhere, no transitions', () => {
    const r = acc().result();
    expect(r.total).toBe(0);
    expect(r.transitions).toEqual([]);
    expect(Object.values(r.before).every((n) => n === 0)).toBe(true);
    expect(r.cost.before).toEqual({ kind: 'money', eligible: 0, withAmount: 0, unknownAmount: 0, total: 0 });
    expect(r.cost.delta).toBe(0);
  });

  it('counts both sides, deltas, the matrix in status order, gained / lost / changed', () => {
    const a = acc(5);
    a.add({ id: 'a', name: '甲' }, side('ELIGIBLE', 1000), side('ELIGIBLE', 2000));
    a.add({ id: 'b', name: '乙' }, side('ELIGIBLE', 1000), side('INELIGIBLE'));
    a.add({ id: 'c', name: null }, side('NEEDS_INFO'), side('ELIGIBLE', null));
    a.add({ id: 'd', name: '丁' }, side('NEAR_MISS'), side('NEEDS_INFO'));
    a.addBulk('INELIGIBLE', 'INELIGIBLE', 10);
    const r = a.result();
    expect(r.total).toBe(14);
    expect(r.before).toMatchObject({ ELIGIBLE: 2, NEAR_MISS: 1, NEEDS_INFO: 1, INELIGIBLE: 10 });
    expect(r.after).toMatchObject({ ELIGIBLE: 2, NEAR_MISS: 0, NEEDS_INFO: 1, INELIGIBLE: 11 });
    expect(r.delta).toMatchObject({ ELIGIBLE: 0, NEAR_MISS: -1, NEEDS_INFO: 0, INELIGIBLE: 1, EXCLUDED: 0 });
    expect(r.transitions).toEqual([
      { from: 'ELIGIBLE', to: 'ELIGIBLE', count: 1 },
      { from: 'ELIGIBLE', to: 'INELIGIBLE', count: 1 },
      { from: 'NEAR_MISS', to: 'NEEDS_INFO', count: 1 },
      { from: 'NEEDS_INFO', to: 'ELIGIBLE', count: 1 },
      { from: 'INELIGIBLE', to: 'INELIGIBLE', count: 10 },
    ]);
    expect([r.gained, r.lost, r.changed]).toEqual([1, 1, 3]);
    expect(r.samples.gained).toEqual([{ talentId: 'c', name: null, from: 'NEEDS_INFO', to: 'ELIGIBLE', amountBefore: null, amountAfter: null }]);
    expect(r.samples.lost.map((s) => s.talentId)).toEqual(['b']);
    // Cost: eligible only; an unknown amount is counted apart, never as 0 money.
    expect(r.cost.before).toEqual({ kind: 'money', eligible: 2, withAmount: 2, unknownAmount: 0, total: 2000 });
    expect(r.cost.after).toEqual({ kind: 'money', eligible: 2, withAmount: 1, unknownAmount: 1, total: 2000 });
    expect(r.cost.delta).toBe(0);
  });

  it('keeps the first N samples per direction by talent id, in whatever order talents arrive', () => {
    const a = acc(2);
    for (const id of ['1', '2', '3']) a.add({ id, name: id }, side('INELIGIBLE'), side('ELIGIBLE', 5));
    for (const id of ['4', '5', '6']) a.add({ id, name: id }, side('ELIGIBLE', 5), side('EXCLUDED'));
    const r = a.result();
    expect(r.samples.gained.map((s) => s.talentId)).toEqual(['1', '2']);
    expect(r.samples.lost.map((s) => s.talentId)).toEqual(['4', '5']);
    expect([r.gained, r.lost]).toEqual([3, 3]);
    expect(acc(0).result().samples).toEqual({ gained: [], lost: [] });
    // Out of order (a snapshot's rows, then talents evaluated live): still the smallest ids, sorted.
    const b = acc(3);
    for (const id of ['m', 'c', 'x', 'a', 'k', 'b']) b.add({ id, name: id }, side('INELIGIBLE'), side('ELIGIBLE', 5));
    expect(b.result().samples.gained.map((s) => s.talentId)).toEqual(['a', 'b', 'c']);
  });

  it('addAggregate gives what adding the same talents one by one gives, on every cost kind', () => {
    const rnd = (() => {
      let x = 7;
      return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const statuses = ['ELIGIBLE', 'INELIGIBLE', 'NEAR_MISS', 'EXCLUDED'] as const;
    for (const kinds of [['money', 'money'], ['money', 'finance'], ['non_cash', 'money']] as const) {
      const one = acc(50, kinds[0], kinds[1]);
      const agg = acc(50, kinds[0], kinds[1]);
      const cells = new Map<string, { from: Status; to: Status; count: number; before: { n: number; sum: number }; after: { n: number; sum: number } }>();
      for (let i = 0; i < 400; i++) {
        const from = statuses[Math.floor(rnd() * 4)]!;
        const to = statuses[Math.floor(rnd() * 4)]!;
        const ab = rnd() < 0.3 ? null : Math.round(rnd() * 10_000) / 4;
        const aa = rnd() < 0.3 ? null : Math.round(rnd() * 10_000) / 4;
        one.add({ id: `t${i}`, name: null }, side(from, ab), side(to, aa));
        const c = cells.get(`${from}>${to}`) ?? { from, to, count: 0, before: { n: 0, sum: 0 }, after: { n: 0, sum: 0 } };
        c.count++;
        if (ab !== null) {
          c.before.n++;
          c.before.sum += ab;
        }
        if (aa !== null) {
          c.after.n++;
          c.after.sum += aa;
        }
        cells.set(`${from}>${to}`, c);
      }
      for (const c of cells.values()) agg.addAggregate(c.from, c.to, c.count, { before: c.before, after: c.after });
      const a = one.result();
      const b = agg.result();
      expect({ ...b, samples: a.samples }).toEqual(a);
    }
  });

  it('finance ceilings stay apart from money: the delta is not a difference of two kinds', () => {
    const a = acc(1, 'money', 'finance');
    a.add({ id: 'x', name: 'x' }, side('ELIGIBLE', 1000), side('ELIGIBLE', 300_000));
    const r = a.result();
    expect(r.cost.before).toMatchObject({ kind: 'money', total: 1000 });
    expect(r.cost.after).toMatchObject({ kind: 'finance', total: 300_000 });
    expect(r.cost.delta).toBe(300_000);
    const n = acc(1, 'non_cash', 'non_cash');
    n.add({ id: 'y', name: 'y' }, side('ELIGIBLE', 50), side('ELIGIBLE', 50));
    expect(n.result().cost.after).toMatchObject({ withAmount: 0, unknownAmount: 1, total: 0 });
  });

  it('addBulk refuses ELIGIBLE (those need amounts and samples) and ignores zero', () => {
    expect(() => acc().addBulk('ELIGIBLE', 'INELIGIBLE', 1)).toThrow();
    const a = acc();
    a.addBulk('NOT_IN_FORCE', 'INELIGIBLE', 0);
    expect(a.result().total).toBe(0);
  });
});

describe('draftCatalogue and evaluatePair', () => {
  it('treats a future draft as in force on the evaluation date and drops its end date', () => {
    const cat = draftCatalogue([policy([v()])], 'JP-901', v({ version: '2.0.0', effective_from: '2027-03-01', effective_to: '2027-12-31', status: 'draft' }), '2026-06-01');
    expect(cat[0]!.versions).toEqual([expect.objectContaining({ version: '2.0.0', effective_from: '2026-06-01', status: 'active' })]);
    expect(cat[0]!.versions[0]!.effective_to).toBeUndefined();
    const past = draftCatalogue([policy([v()])], 'JP-901', v({ version: '2.0.0', effective_from: '2025-01-01' }), '2026-06-01');
    expect(past[0]!.versions[0]!.effective_from).toBe('2025-01-01');
  });

  it('adds a new code with its metadata, or a stub', () => {
    const cat = draftCatalogue([], 'JP-950', v(), '2026-06-01', { code: 'JP-950', title_zh: '新政策', category: 'finance', provenance: 'modelled' });
    expect(cat[0]).toMatchObject({ code: 'JP-950', title_zh: '新政策', category: 'finance' });
    expect(draftCatalogue([], 'JP-951', v(), '2026-06-01')[0]).toMatchObject({ code: 'JP-951', category: 'living' });
  });

  it('evaluates one profile under both versions; nothing in force is NOT_IN_FORCE before', () => {
    const inForce = [policy([v()])];
    const drafted = draftCatalogue(inForce, 'JP-901', v({ version: '2.0.0', criteria: allOf(leaf('nationality', 'eq', 'JP', { id: 'c_jp' })), benefit: { kind: 'cash_once', amount: 7, text_zh: '7' } }), '2026-06-01');
    const ctx = { code: 'JP-901', evalDate: '2026-06-01', groups: [], inForce, draft: drafted };
    expect(evaluatePair({ nationality: 'CN' }, ctx)).toEqual({ before: side('ELIGIBLE', 1000), after: side('INELIGIBLE', null) });
    expect(evaluatePair({ nationality: 'JP' }, ctx)).toEqual({ before: side('INELIGIBLE', null), after: side('ELIGIBLE', 7) });
    expect(evaluatePair({}, ctx).before.status).toBe('NEEDS_INFO');
    expect(evaluatePair({ nationality: 'JP' }, { ...ctx, inForce: null })).toEqual({ before: side('NOT_IN_FORCE', null), after: side('ELIGIBLE', 7) });
  });
});

describe('inForceOnly', () => {
  it('keeps the version in force of each policy; a policy with none keeps its versions', () => {
    const two = policy([v({ version: '1.0.0', effective_from: '2020-01-01', effective_to: '2023-12-31' }), v({ version: '2.0.0', effective_from: '2024-01-01' })]);
    const future = { ...policy([v({ version: '1.0.0', effective_from: '2030-01-01' })]), code: 'JP-902' };
    const out = inForceOnly([two, future], '2026-06-01');
    expect(out[0]!.versions.map((x) => x.version)).toEqual(['2.0.0']);
    expect(out[1]).toBe(future);
    expect(evaluatePair({ nationality: 'CN' }, { code: 'JP-901', evalDate: '2026-06-01', groups: [], inForce: out, draft: out })).toEqual({ before: side('ELIGIBLE', 1000), after: side('ELIGIBLE', 1000) });
  });
});

describe('sharedPairCatalogue: one evaluator for both sides when nothing else depends on the policy', () => {
  const base = (code: string, criteria = allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' })), extra: Partial<Policy> = {}): Policy => ({ ...policy([v({ criteria })]), code, ...extra });
  const on = '2026-06-01';

  it('shares a policy whose draft adds a gate; both catalogues hold every dependency; statuses equal the two-evaluator path', () => {
    const up = base('JP-902', allOf(leaf('education', 'eq', '博士', { id: 'c_phd', remediable: false })));
    const x = base('JP-901');
    const draftV = v({ version: '2.0.0', criteria: allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' }), gate('JP-902', { id: 'g' })), benefit: { kind: 'cash_once', amount: 5, text_zh: '5' } });
    const drafted = draftCatalogue([x, up], 'JP-901', draftV, on);
    const inForce = [x];
    const after = drafted;
    const shared = sharedPairCatalogue('JP-901', inForce, after, []);
    expect(shared).not.toBeNull();
    expect(shared!.catalogue.map((p) => p.code).sort()).toEqual(['JP-901', 'JP-902']);
    expect(shared!.catalogue.find((p) => p.code === 'JP-901')).toBe(x);
    expect(shared!.catalogueAfter.find((p) => p.code === 'JP-901')!.versions[0]!.version).toBe('2.0.0');
    const ctx = { code: 'JP-901', evalDate: on, groups: [], inForce, draft: after };
    for (const profile of [{ nationality: 'CN', education: '博士' }, { nationality: 'CN', education: '本科' }, { nationality: 'JP', education: '博士' }, { nationality: 'CN' }, {}] as const) {
      expect(evaluatePair(profile, { ...ctx, shared }), JSON.stringify(profile)).toEqual(evaluatePair(profile, ctx));
    }
    expect(evaluatePair({ nationality: 'CN', education: '本科' }, { ...ctx, shared })).toEqual({ before: side('ELIGIBLE', 1000), after: side('INELIGIBLE', null) });
  });

  it('refuses when nothing is in force, or when another policy of either side depends on it (the derived tier, a highest_tier_only group)', () => {
    const x = base('JP-901');
    expect(sharedPairCatalogue('JP-901', null, [x], [])).toBeNull();
    // X is a tier policy and its draft gates on a policy that reads the derived tier: that policy depends on X.
    const tierX = base('JP-901', allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' })), { tier: 'B' });
    const reader = base('JP-902', allOf(leaf('tier', 'in', ['A', 'B'], { id: 'c_tier' })));
    const drafted = draftCatalogue([tierX, reader], 'JP-901', v({ version: '2.0.0', criteria: allOf(gate('JP-902', { id: 'g' })) }), on);
    expect(sharedPairCatalogue('JP-901', [tierX], drafted, [])).toBeNull();
    // Two tier policies in a highest_tier_only group: each one's status reads the other's.
    const other = base('JP-903', allOf(leaf('education', 'eq', '博士', { id: 'c_phd' })), { tier: 'A' });
    const groups = [{ id: 'g1', rule: 'highest_tier_only' as const, policy_codes: ['JP-901', 'JP-903'] }];
    const withGroup = [tierX, other];
    expect(sharedPairCatalogue('JP-901', withGroup, draftCatalogue(withGroup, 'JP-901', v({ version: '2.0.0' }), on), groups)).toBeNull();
  });
});
