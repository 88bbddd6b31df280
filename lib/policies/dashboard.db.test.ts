import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, consents, evidence, policyApplications, talentProfiles } from '@/db/schema';
import { resetClock, setNow } from '@/lib/clock';
import { zoneDashboardSummary } from '@/lib/policies/dashboard';
import { getZoneDashboardCsvRoute, getZoneDashboardRoute } from '@/lib/policies/dashboard-api';
import type { ZoneDashboardDto } from '@/lib/policies/dashboard-schemas';
import { reverseMatch } from '@/lib/policies/reverse';
import { clearCatalogueCache, loadCatalogue, seedCatalogue } from '@/lib/policies/store';
import type { Policy } from '@/lib/policy-matching/model';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { simpleMeta, simpleVersion } from '@/tests/helpers/policies';

/**
 * The zone staff dashboard against a real database: one zone (经开区, jkq) with talents of different crafts and
 * districts, registrations either side of a month boundary in Jingdezhen time, evidence pending for different ages,
 * applications in every status with decisions across month boundaries, a finance policy whose ceiling is never summed,
 * a policy not yet in force, a talent who withdrew consent and a talent of the other zone who never appears. Every
 * series is asserted exactly.
 */

const t = setupTestDb();
const NOW = new Date('2026-06-15T04:00:00Z'); // 15 June 12:00 in Jingdezhen
const DAY = 86_400_000;
const at = (s: string) => new Date(s);

const cash: Policy = { ...simpleMeta('JP-901'), versions: [simpleVersion()] } as Policy;
const loan: Policy = {
  ...simpleMeta('JP-902'),
  title_zh: '=HYPERLINK("http://x")',
  title_en: 'Start-up loan',
  category: 'finance',
  provenance: 'published',
  versions: [simpleVersion({ benefit: { kind: 'loan', amount: 3_000_000, currency: 'CNY', period: 'once', text_zh: '贷款额度最高 300 万元' } })],
} as Policy;
const later: Policy = { ...simpleMeta('JP-903'), versions: [simpleVersion({ effective_from: '2030-01-01' })] } as Policy;

async function world() {
  const db = t.db();
  await seedCatalogue(db, [cash, loan, later], []);
  clearCatalogueCache();
  const mk = (profile: NonNullable<Parameters<typeof makeTalent>[1]>['profile'], zone: 'jkq' | 'zsq' = 'jkq') => makeTalent(db, { zone, profile });
  // 1 June 01:00 local (31 May UTC): June
  const t1 = await mk({ createdAt: at('2026-05-31T17:00:00Z'), crafts: ['throwing_round', 'product_design'], residenceDistrict: '经开区' });
  // 31 May 23:00 local: May
  const t2 = await mk({ createdAt: at('2026-05-31T15:00:00Z'), crafts: ['product_design'], residenceDistrict: '珠山区' });
  const t3 = await mk({ createdAt: at('2026-06-10T02:00:00Z'), crafts: null, residenceDistrict: null, nationality: 'JP' });
  const t4 = await mk({ createdAt: at('2026-03-01T02:00:00Z'), crafts: ['product_design'] });
  const t5 = await mk({ createdAt: at('2026-06-05T02:00:00Z'), crafts: ['product_design'] }); // withdraws consent
  await db.update(consents).set({ withdrawnAt: NOW }).where(and(eq(consents.userId, t5.id), eq(consents.kind, 'profile')));
  const t6 = await mk({ createdAt: at('2026-06-02T02:00:00Z'), crafts: ['product_design'] }, 'zsq'); // the other zone
  const t7 = await mk({ createdAt: at('2025-11-01T02:00:00Z'), crafts: ['product_design'] }); // registered before the period

  const ev = (talentId: string, subject: 'title' | 'award', ageDays: number, status: 'pending' | 'verified' = 'pending') =>
    db.insert(evidence).values({ talentId, subject, claim: {}, storageKey: `k-${talentId}-${ageDays}`, status, createdAt: new Date(NOW.getTime() - ageDays * DAY) });
  await ev(t1.id, 'title', 1);
  await ev(t2.id, 'award', 5);
  await ev(t3.id, 'title', 20);
  await ev(t4.id, 'award', 8);
  await ev(t1.id, 'award', 30, 'verified');
  await ev(t6.id, 'title', 40); // other zone

  const app = (talentId: string, policyCode: string, status: 'submitted' | 'approved' | 'rejected' | 'withdrawn', createdAt: string, extra: Partial<typeof policyApplications.$inferInsert> = {}) =>
    db.insert(policyApplications).values({
      talentId,
      policyCode,
      version: '1.0.0',
      periodKey: 'once',
      zoneCode: 'jkq',
      evaluation: { status: 'ELIGIBLE' },
      status,
      createdAt: at(createdAt),
      ...(status === 'rejected' ? { decisionReason: '材料不全', decidedAt: at('2026-06-06T02:00:00Z') } : {}),
      ...extra,
    });
  await app(t1.id, 'JP-901', 'submitted', '2026-06-03T02:00:00Z');
  // sent in April, approved 1 June 01:00 local: June
  await app(t2.id, 'JP-901', 'approved', '2026-04-20T02:00:00Z', { decidedAt: at('2026-05-31T17:00:00Z'), amountEstimate: 1000 });
  // approved 31 May 23:00 local: May
  await app(t4.id, 'JP-901', 'approved', '2026-03-02T02:00:00Z', { decidedAt: at('2026-05-31T15:00:00Z'), amountEstimate: 1000.5 });
  await app(t3.id, 'JP-901', 'rejected', '2026-06-05T02:00:00Z');
  await app(t4.id, 'JP-902', 'approved', '2026-06-01T02:00:00Z', { decidedAt: at('2026-06-02T02:00:00Z'), amountEstimate: 3_000_000 });
  await app(t1.id, 'JP-902', 'withdrawn', '2026-06-04T02:00:00Z');
  // submitted before the period, decided inside it (January): counted in amounts, not in applications
  await app(t2.id, 'JP-901', 'approved', '2025-12-20T02:00:00Z', { periodKey: '2025', decidedAt: at('2026-01-05T02:00:00Z'), amountEstimate: 1000 });
  // decided 1 August 00:00 local: after the period
  await app(t2.id, 'JP-901', 'approved', '2026-06-01T03:00:00Z', { periodKey: '2026b', decidedAt: at('2026-07-31T16:00:00Z'), amountEstimate: 1000 });
  await app(t6.id, 'JP-901', 'approved', '2026-06-02T03:00:00Z', { zoneCode: 'zsq', decidedAt: at('2026-06-03T02:00:00Z'), amountEstimate: 1000 });

  const staff = await makeUser(db, 'zone_staff', { zoneCode: 'jkq' });
  return { t1, t2, t3, t4, t5, t6, t7, staff, token: await tokenFor(db, staff) };
}

const get = (token: string | null, query: Record<string, string>, code = 'jkq', headers: Record<string, string> = {}) =>
  callRoute(getZoneDashboardRoute, { params: { code }, query, headers: { ...bearer(token), ...headers } });

beforeEach(() => setNow(NOW));
afterAll(() => resetClock());

describe('zone dashboard: every series over January–July 2026 (monthly buckets)', () => {
  it('registrations, verification queue, applications, amounts and uptake, exactly', async () => {
    const w = await world();
    const res = await get(w.token, { from: '2026-01-01', to: '2026-07-31' });
    expect(res.status).toBe(200);
    const d = res.json as ZoneDashboardDto;
    expect(d.zone.code).toBe('jkq');
    expect(d.zones.map((z) => z.code)).toEqual(['jkq']);
    expect([d.from, d.to, d.today, d.unit]).toEqual(['2026-01-01', '2026-07-31', '2026-06-15', 'month']);

    // Registrations: t1 (June local), t2 (May local), t3 (June), t4 (March); t5 (consent withdrawn), t6 (zsq), t7 (2025) never.
    expect(d.registrations.total).toBe(4);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
    expect(d.registrations.byCraft.keys.map((k) => k.key)).toEqual(['product_design', '_unknown', 'throwing_round']);
    expect(d.registrations.byCraft.keys.map((k) => k.label)).toEqual(['陶瓷设计/产品设计', '未填写工种', '拉坯（圆器）']);
    expect(d.registrations.byCraft.rows.map((r) => r.bucket)).toEqual(months);
    expect(d.registrations.byCraft.rows.map((r) => [r.counts.product_design, r.counts._unknown, r.counts.throwing_round, r.total])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [1, 0, 0, 1],
      [0, 1, 1, 2],
      [0, 0, 0, 0],
    ]);
    expect(d.registrations.byDistrict.keys.map((k) => k.key)).toEqual(['经开区', '_unknown', '珠山区']);
    expect(d.registrations.byDistrict.totals).toEqual({ 经开区: 2, _unknown: 1, 珠山区: 1 });
    expect(d.registrations.byDistrict.rows.find((r) => r.bucket === '2026-05')!.counts).toEqual({ 经开区: 0, _unknown: 0, 珠山区: 1 });
    expect(d.registrations.byDistrict.rows.find((r) => r.bucket === '2026-06')!.counts).toEqual({ 经开区: 1, _unknown: 1, 珠山区: 0 });

    // Verification queue now: 1 day (title), 5 days (award), 8 days (award), 20 days (title); verified and zsq never.
    expect(d.verification.total).toBe(4);
    expect(d.verification.oldestDays).toBe(20);
    expect(d.verification.kinds).toEqual([
      { key: 'award', label: '奖项' },
      { key: 'title', label: '职称' },
    ]);
    expect(d.verification.buckets).toEqual([
      { bucket: 'lt3', total: 1, counts: { award: 0, title: 1 } },
      { bucket: '3to7', total: 1, counts: { award: 1, title: 0 } },
      { bucket: '7to14', total: 1, counts: { award: 1, title: 0 } },
      { bucket: 'gt14', total: 1, counts: { award: 0, title: 1 } },
    ]);

    // Applications submitted in the period, by status now (the December one and zsq's are not counted).
    expect(d.applications.total).toBe(7);
    expect(d.applications.policies).toEqual([
      { policyCode: 'JP-901', title: '测试政策 JP-901', demoData: true, submitted: 1, approved: 3, rejected: 1, withdrawn: 0, total: 5 },
      { policyCode: 'JP-902', title: '=HYPERLINK("http://x")', demoData: false, submitted: 0, approved: 1, rejected: 0, withdrawn: 1, total: 2 },
    ]);

    // Amounts by the Jingdezhen month of the decision; the loan ceiling is counted apart, never added.
    expect(d.amounts.months).toEqual([
      { month: '2026-01', amount: '1000.00', approved: 1, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
      { month: '2026-02', amount: '0.00', approved: 0, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
      { month: '2026-03', amount: '0.00', approved: 0, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
      { month: '2026-04', amount: '0.00', approved: 0, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
      { month: '2026-05', amount: '1000.50', approved: 1, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
      { month: '2026-06', amount: '1000.00', approved: 2, unknownAmount: 0, financeCeilings: 1, nonCash: 0 },
      { month: '2026-07', amount: '0.00', approved: 0, unknownAmount: 0, financeCeilings: 0, nonCash: 0 },
    ]);
    expect([d.amounts.total, d.amounts.approved, d.amounts.financeCeilings, d.amounts.demoData]).toEqual(['3000.50', 4, 1, true]);

    // Uptake per policy in force today (JP-903 starts in 2030): applicants of the period ÷ (applicants + eligible today
    // without an application). Eligible today (Chinese nationals with consent): t1, t2, t4, t7.
    expect(d.uptake.evalDate).toBe('2026-06-15');
    expect(d.uptake.talents).toBe(5);
    const pick = (code: string) => {
      const r = d.uptake.policies.find((p) => p.policyCode === code);
      return r && { applied: r.applied, eligibleNow: r.eligibleNow, eligibleNotApplied: r.eligibleNotApplied, rate: r.rate };
    };
    expect(pick('JP-901')).toEqual({ applied: 4, eligibleNow: 4, eligibleNotApplied: 1, rate: 0.8 });
    expect(pick('JP-902')).toEqual({ applied: 1, eligibleNow: 4, eligibleNotApplied: 3, rate: 0.25 });
    expect(pick('JP-903')).toBeUndefined();
    const rates = d.uptake.policies.map((p) => p.rate ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    // The one pass agrees with policy → people, policy by policy (the seeded reference catalogue included).
    const catalogue = await loadCatalogue(t.db());
    for (const p of d.uptake.policies) {
      const r = await reverseMatch(t.db(), { catalogue: catalogue.policies, groups: catalogue.groups, code: p.policyCode, evalDate: d.uptake.evalDate, zoneCode: 'jkq', statuses: ['ELIGIBLE'], limit: 1 });
      expect(r.total).toBe(p.eligibleNow);
    }
  });

  it('buckets by day for a short period and by week from Monday for a longer one, cut at local midnight', async () => {
    const w = await world();
    const days = (await get(w.token, { from: '2026-05-31', to: '2026-06-01' })).json as ZoneDashboardDto;
    expect(days.unit).toBe('day');
    expect(days.registrations.byCraft.rows.map((r) => [r.bucket, r.total])).toEqual([
      ['2026-05-31', 1],
      ['2026-06-01', 1],
    ]);
    expect(days.amounts.months.map((m) => [m.month, m.amount])).toEqual([
      ['2026-05', '1000.50'],
      ['2026-06', '1000.00'],
    ]);
    const weeks = (await get(w.token, { from: '2026-05-25', to: '2026-06-30' })).json as ZoneDashboardDto;
    expect(weeks.unit).toBe('week');
    expect(weeks.registrations.byDistrict.rows.map((r) => [r.bucket, r.total])).toEqual([
      ['2026-05-25', 1],
      ['2026-06-01', 1],
      ['2026-06-08', 1],
      ['2026-06-15', 0],
      ['2026-06-22', 0],
      ['2026-06-29', 0],
    ]);
  });

  it('defaults to the last 90 days and reads English labels', async () => {
    const w = await world();
    const d = (await get(w.token, {}, 'jkq', { 'accept-language': 'en' })).json as ZoneDashboardDto;
    expect([d.from, d.to, d.unit]).toEqual(['2026-03-18', '2026-06-15', 'week']);
    expect(d.registrations.total).toBe(3);
    expect(d.registrations.byCraft.keys.find((k) => k.key === '_unknown')!.label).toBe('Craft not given');
    expect(d.applications.policies.find((p) => p.policyCode === 'JP-902')!.title).toBe('Start-up loan');
  });
});

describe('zone dashboard: uptake reuse', () => {
  it('reuses the eligible lists while nothing changed, and sees a profile change or a withdrawn consent at once', async () => {
    const w = await world();
    const q = { from: '2026-01-01', to: '2026-07-31' };
    const rate = async (code: string) => ((await get(w.token, q)).json as ZoneDashboardDto).uptake.policies.find((p) => p.policyCode === code);
    expect(await rate('JP-901')).toMatchObject({ applied: 4, eligibleNow: 4, eligibleNotApplied: 1, rate: 0.8 });
    expect(await rate('JP-901')).toMatchObject({ eligibleNow: 4, rate: 0.8 });
    // t7 (eligible, never applied) turns out to be a Japanese national: no longer eligible.
    await t.db().update(talentProfiles).set({ nationality: 'JP' }).where(eq(talentProfiles.userId, w.t7.id));
    expect(await rate('JP-901')).toMatchObject({ applied: 4, eligibleNow: 3, eligibleNotApplied: 0, rate: 1 });
    // t1 withdraws consent: out of the eligible counts (their application of the period still counts as applied).
    await t.db().update(consents).set({ withdrawnAt: new Date() }).where(and(eq(consents.userId, w.t1.id), eq(consents.kind, 'profile')));
    expect(await rate('JP-901')).toMatchObject({ applied: 4, eligibleNow: 2, eligibleNotApplied: 0, rate: 1 });
    expect(await rate('JP-902')).toMatchObject({ applied: 1, eligibleNow: 2, eligibleNotApplied: 1, rate: 0.5 });
  });
});

describe('the 工作台 card figures', () => {
  it('the last 30 days of the staff member’s zone, without uptake; nothing for an account without a zone', async () => {
    const w = await world();
    const staff = { id: w.staff.id, role: 'zone_staff' as const, displayName: '刘敏', zoneCode: 'jkq', orgId: null, orgPath: null, sessionId: 's' };
    // 17 May – 15 June: t1, t2, t3 registered; five applications sent; 1,000 (1 June) + 1,000.50 (31 May) approved, the loan apart.
    expect(await zoneDashboardSummary(staff, { ip: '1' })).toEqual({ from: '2026-05-17', to: '2026-06-15', registrations: 3, queue: 4, oldestDays: 20, applications: 5, approvedAmount: '2000.50', demoData: true });
    expect(await zoneDashboardSummary({ ...staff, id: w.t1.id, role: 'talent', zoneCode: null }, { ip: '1' })).toBeNull();
  });
});

describe('zone dashboard: refusals and bad input', () => {
  it('a bad period → 400 with a stable code and a message in the reader’s language; nothing is written', async () => {
    const w = await world();
    const before = await t.db().select().from(auditLog);
    const zh = await get(w.token, { from: '2026-02-30', to: '2026-03-31' });
    expect(zh.status).toBe(400);
    expect(zh.json).toMatchObject({ code: 'VALIDATION_FAILED', errors: { 'query.from': ['开始日期应为有效日期（年-月-日），例如 2026-01-01'] } });
    const en = await get(w.token, { from: '2026-04-01', to: '2026-03-31' }, 'jkq', { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.json).toMatchObject({ code: 'VALIDATION_FAILED', errors: { 'query.from': ['The start date cannot be after the end date'] } });
    expect((await get(w.token, { from: '2020-01-01', to: '2026-01-01' })).json).toMatchObject({ errors: { 'query.from': ['时间段最长 5 年'] } });
    expect((await get(w.token, { to: '2026-13-01' })).json).toMatchObject({ errors: { 'query.to': ['结束日期应为有效日期（年-月-日），例如 2026-12-31'] } });
    expect((await get(w.token, { from: '2026-01-01', extra: '1' })).status).toBe(400);
    const csv = await callRoute(getZoneDashboardCsvRoute, { params: { code: 'jkq' }, query: { from: 'x' }, headers: bearer(w.token) });
    expect(csv.status).toBe(400);
    expect(await t.db().select().from(auditLog)).toHaveLength(before.length);
  });

  it('only the zone’s own staff: another zone’s staff, talents, secretaries, the 组织部 and the sysadmin are refused (audited)', async () => {
    const w = await world();
    const other = await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' });
    const refused = [other, w.t1, await makeUser(t.db(), 'branch_secretary'), await makeUser(t.db(), 'org_admin'), await makeUser(t.db(), 'sysadmin')];
    for (const u of refused) {
      const res = await get(await tokenFor(t.db(), u), { from: '2026-01-01', to: '2026-07-31' });
      expect(res.status, u.role).toBe(403);
      expect(res.text).not.toContain('JP-901');
    }
    expect((await get(null, {})).status).toBe(401);
    const denials = await t.db().select().from(auditLog).where(eq(auditLog.action, 'authz.denied'));
    expect(denials.length).toBeGreaterThanOrEqual(refused.length);
    // The zsq staff member opens their own zone (the other zone's figures): t6 only.
    const own = (await get(await tokenFor(t.db(), other), { from: '2026-06-01', to: '2026-06-30' }, 'zsq')).json as ZoneDashboardDto;
    expect([own.zone.code, own.registrations.total, own.applications.total, own.amounts.total, own.verification.total]).toEqual(['zsq', 1, 1, '1000.00', 1]);
  });
});

describe('zone dashboard CSV', () => {
  it('one section per chart, BOM, the table figures, formulas neutralised', async () => {
    const w = await world();
    const res = await callRoute(getZoneDashboardCsvRoute, { params: { code: 'jkq' }, query: { from: '2026-01-01', to: '2026-07-31' }, headers: bearer(w.token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('新登记人才（按主要工种）');
    expect(lines[1]).toBe('月份,陶瓷设计/产品设计,未填写工种,拉坯（圆器）,合计');
    expect(lines[7]).toBe('2026-06,0,1,1,2');
    const titles = ['新登记人才（按主要工种）', '新登记人才（按居住区）', '待核验材料（按等待时长）', '各项政策的申请（按状态）', '每月核准金额', '政策申请率'];
    expect(titles.every((x) => lines.includes(x))).toBe(true);
    expect(lines.filter((l) => l === '')).toHaveLength(titles.length); // one blank line between sections, one at the end
    expect(res.text).toContain(`'=HYPERLINK(""http://x"")`);
    expect(res.text).toContain('合计,3000.50,4,1,0,0');
    expect(res.text).toContain('测试政策 JP-901,JP-901,4,1,4,80');
  });
});
