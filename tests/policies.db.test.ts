import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, consents, notifications, policies, policyApplications, policyPushRuns, policyVersions, talentProfiles } from '@/db/schema';
import { touchesPublicPages } from '@/lib/cache/public-pages';
import { collectEventTypes } from '@/lib/events';
import { saveDraftAction } from '@/lib/policies/actions';
import {
  applyRoute,
  createPolicyRoute,
  decideApplicationRoute,
  evaluatePoliciesRoute,
  getPolicyRoute,
  listApplicationsRoute,
  listPoliciesRoute,
  myApplicationsRoute,
  myMatchesRoute,
  policyMatchesExportRoute,
  publishVersionRoute,
  pushPolicyRoute,
  listPushRunsRoute,
  retireVersionRoute,
  saveDraftRoute,
  withdrawApplicationRoute,
} from '@/lib/policies/api';
import { myNotificationsRoute } from '@/lib/notifications/api';
import { pushForTalent } from '@/lib/policies/push';
import { drainJobs } from './helpers/jobs';
import { loadCatalogue } from '@/lib/policies/store';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { XIAOLIN, EMMA, MASTER_WANG } from '@/lib/policy-matching/golden-profiles';
import { allOf, gate, leaf } from '@/lib/policy-matching/model';
import { patchMyProfileRoute } from '@/lib/talent/api';
import { setNow } from '@/lib/clock';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, tokenFor } from './helpers/factories';
import { callAction, callRoute } from './helpers/http';
import { insertApplication, insertMaterialUpload, seedSimplePolicy, simpleMeta, simpleVersion } from './helpers/policies';

const t = setupTestDb();

type EvalBody = { evalDate: string; results: { policyCode: string; status: string; amountEstimate: number | null; demoData: boolean; provenance: string; criteria: unknown[] }[]; missingFields: string[] };
type Problem = { code: string; errors?: Record<string, string[]>; detail?: string };

const staffToken = async (zone: 'jkq' | 'zsq' = 'jkq') => tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: zone }));
const tableCounts = async () =>
  JSON.stringify(
    await Promise.all([policies, policyVersions, policyApplications, notifications, talentProfiles, consents].map(async (tb) => (await t.db().select({ n: sql<number>`count(*)::int` }).from(tb))[0]!.n)),
  );

describe('the catalogue in the database', () => {
  it('seeds all §6.4 policies and groups, and evaluates exactly like the pure catalogue', async () => {
    const cat = await loadCatalogue(t.db());
    expect(cat.policies.map((p) => p.code)).toEqual(CATALOGUE.map((p) => p.code));
    expect(cat.groups.map((g) => g.id).sort()).toEqual(EXCLUSION_GROUPS.map((g) => g.id).sort());
    for (const profile of [XIAOLIN, EMMA, MASTER_WANG]) {
      expect(evaluateAll(profile, cat.policies, cat.groups, '2026-06-01')).toEqual(evaluateAll(profile, CATALOGUE, EXCLUSION_GROUPS, '2026-06-01'));
    }
  });

  it('stamps seeded versions as published on the application clock (lib/clock, ADR 004), not the server clock', async () => {
    setNow(new Date('2027-03-01T23:30:00Z'));
    await seedSimplePolicy(t.db(), 'JP-907');
    const [v] = await t.db().select().from(policyVersions).where(eq(policyVersions.policyCode, 'JP-907'));
    expect(Math.abs(v!.publishedAt!.getTime() - Date.parse('2027-03-01T23:30:00Z'))).toBeLessThan(60_000);
  });

  it("a catalogue change is seen at the next load, whatever the writing server's clock says (a revision, not timestamps)", async () => {
    const before = await loadCatalogue(t.db());
    // Another instance, its clock an hour behind, retires a version: updated_at moves backwards, the row count stays.
    await t.db().execute(sql`update policy_versions set status = 'retired', updated_at = updated_at - interval '1 hour' where policy_code = 'JP-003'`);
    await t.db().execute(sql`update policies set updated_at = updated_at - interval '1 hour' where code = 'JP-003'`);
    const after = await loadCatalogue(t.db());
    expect(after.revision).not.toBe(before.revision);
    expect(after.policies.map((p) => p.code)).not.toContain('JP-003');
    expect(before.policies.map((p) => p.code)).toContain('JP-003');
  });

  it('lists published policies publicly with provenance; demo data is flagged', async () => {
    const res = await callRoute(listPoliciesRoute, { query: {} });
    expect(res.status).toBe(200);
    const body = res.json as { items: { code: string; demoData: boolean; provenance: string }[]; total: number };
    expect(body.total).toBe(CATALOGUE.length);
    for (const p of body.items) expect(p.demoData).toBe(p.provenance !== 'published');
    const q = await callRoute(listPoliciesRoute, { query: { q: '非遗' } });
    expect((q.json as { items: { code: string }[] }).items.map((p) => p.code)).toContain('JP-050');
  });

  it('answers a conditional GET with 304 until the catalogue, the audience or the query changes (issue 13 §4)', async () => {
    const first = await callRoute(listPoliciesRoute, { query: {} });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    const again = await callRoute(listPoliciesRoute, { query: {}, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // Another query, or staff (who also see drafts), get another validator.
    expect((await callRoute(listPoliciesRoute, { query: { q: '非遗' }, headers: { 'if-none-match': etag } })).status).toBe(200);
    const staff = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff'));
    expect((await callRoute(listPoliciesRoute, { query: {}, headers: { 'if-none-match': etag, ...bearer(staff) } })).status).toBe(200);
    // Any write to the catalogue (here a retired version) changes the validator and the list.
    await t.db().execute(sql`update policy_versions set status = 'retired' where policy_code = 'JP-003'`);
    const changed = await callRoute(listPoliciesRoute, { query: {}, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((changed.json as { items: { code: string }[] }).items.map((p) => p.code)).not.toContain('JP-003');
  });
});

describe('POST /api/v1/policies/evaluate (the calculator)', () => {
  it('answers the §10 contract for a canonical profile and stores nothing but the rate counter', async () => {
    const before = await tableCounts();
    const res = await callRoute(evaluatePoliciesRoute, { body: { profile: XIAOLIN, evalDate: '2026-06-01' } });
    expect(res.status).toBe(200);
    const body = res.json as EvalBody;
    expect(body.evalDate).toBe('2026-06-01');
    const pure = evaluateAll(XIAOLIN, CATALOGUE, EXCLUSION_GROUPS, '2026-06-01').filter((r) => r.status !== 'NOT_IN_FORCE');
    expect(body.results.map((r) => [r.policyCode, r.status, r.amountEstimate])).toEqual(pure.map((r) => [r.policyCode, r.status, r.amountEstimate]));
    const first = body.results[0]!;
    for (const k of ['policyCode', 'version', 'status', 'amountEstimate', 'criteria', 'missingFields', 'nearMiss', 'validUntil', 'excludedBy', 'chooseOne']) expect(first).toHaveProperty(k);
    expect(await tableCounts()).toBe(before);
  });

  it('hides NOT_IN_FORCE by default (JP-033 before 2021) and shows it on request', async () => {
    const hidden = (await callRoute(evaluatePoliciesRoute, { body: { profile: {}, evalDate: '2020-06-01' } })).json as EvalBody;
    expect(hidden.results.some((r) => r.policyCode === 'JP-033')).toBe(false);
    const shown = (await callRoute(evaluatePoliciesRoute, { body: { profile: {}, evalDate: '2020-06-01', includeNotInForce: true } })).json as EvalBody;
    expect(shown.results.find((r) => r.policyCode === 'JP-033')?.status).toBe('NOT_IN_FORCE');
  });

  it('ranks the missing fields of an empty profile and uses the version in force for amounts', async () => {
    const body = (await callRoute(evaluatePoliciesRoute, { body: { profile: {}, evalDate: '2026-06-01' } })).json as EvalBody;
    expect(body.missingFields.length).toBeGreaterThan(5);
    const grad = { graduation_date: '2024-01-01', business: { first_time: true, registered_district: '珠山区', registered_date: '2024-01-01' } };
    const v1 = (await callRoute(evaluatePoliciesRoute, { body: { profile: grad, evalDate: '2024-12-31' } })).json as EvalBody;
    const v2 = (await callRoute(evaluatePoliciesRoute, { body: { profile: grad, evalDate: '2025-01-01' } })).json as EvalBody;
    expect(v1.results.find((r) => r.policyCode === 'JP-033')?.amountEstimate).toBe(3000);
    expect(v2.results.find((r) => r.policyCode === 'JP-033')?.amountEstimate).toBe(5000);
  });

  it('refuses a malformed profile with field paths (400) and unknown fields', async () => {
    const res = await callRoute(evaluatePoliciesRoute, { body: { profile: { education: 'PhD', birth_date: '1999-02-30', business: { first_time: 'yes' }, shoe_size: 42 } } });
    expect(res.status).toBe(400);
    const errors = (res.json as Problem).errors!;
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['profile.education', 'profile.birth_date', 'profile.business.first_time']));
    expect(JSON.stringify(errors)).toContain('shoe_size');
  });

  it('is rate-limited per IP (429) without storing the profile', async () => {
    let last = 0;
    for (let i = 0; i < 125 && last !== 429; i++) last = (await callRoute(evaluatePoliciesRoute, { body: { profile: { nationality: 'CN' } }, headers: { 'x-forwarded-for': '198.51.100.77' } })).status;
    expect(last).toBe(429);
    const other = await callRoute(evaluatePoliciesRoute, { body: { profile: { nationality: 'CN' } }, headers: { 'x-forwarded-for': '198.51.100.78' } });
    expect(other.status).toBe(200);
  });
});

describe('the policy editor', () => {
  it('refuses unknown fields, wrong value types and gate cycles at save, with the path of each error; nothing is written', async () => {
    const token = await staffToken();
    const before = await tableCounts();
    const bad = simpleVersion({ criteria: allOf(leaf('nationality', 'eq', 'CN'), { kind: 'leaf', field: 'shoe_size', op: 'eq', value: 1 } as never, leaf('age', 'gte', 'eighteen' as never)) });
    const res = await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-950'), version: bad }, headers: bearer(token) });
    expect(res.status).toBe(400);
    expect(JSON.stringify((res.json as Problem).errors)).toMatch(/criteria.*children.*1/);
    const typed = await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-950'), version: simpleVersion({ criteria: allOf(leaf('age', 'gte', 'eighteen' as never)) }) }, headers: bearer(token) });
    expect(typed.status).toBe(400);
    expect(Object.keys((typed.json as Problem).errors!).join(' ')).toMatch(/criteria/);
    // a gate cycle: JP-951 gates on JP-952 which gates on JP-951
    expect((await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-951'), version: simpleVersion() }, headers: bearer(token) })).status).toBe(201);
    // a gate on a policy that is only a draft is refused: the target is not in the catalogue
    const draftGate = await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-952'), version: simpleVersion({ criteria: allOf(gate('JP-951')) }) }, headers: bearer(token) });
    expect(draftGate.status).toBe(400);
    expect(JSON.stringify((draftGate.json as Problem).errors)).toContain('JP-951');
    const cycle = await callRoute(saveDraftRoute, {
      params: { code: 'JP-001', version: '2.0.0' },
      body: { version: { ...simpleVersion({ version: '2.0.0', effective_from: '2031-01-01', criteria: allOf(gate('JP-036')) }) } },
      headers: bearer(token),
    });
    expect(cycle.status).toBe(400); // JP-036 gates on JP-001 → JP-001 gating on JP-036 is a cycle
    expect(JSON.stringify((cycle.json as Problem).errors)).toContain('cycle');
    expect(JSON.parse(await tableCounts())).not.toBe(before);
  });

  it('publishes immutable versions: a new version supersedes the open one, amounts follow the date, the row cannot be edited', async () => {
    const token = await staffToken();
    expect((await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-960'), version: simpleVersion() }, headers: bearer(token) })).status).toBe(201);
    // drafts are invisible to the public
    expect((await callRoute(getPolicyRoute, { params: { code: 'JP-960' } })).status).toBe(404);
    // Publishing records the event that renews the cached public pages (ADR 019); saving a draft does not.
    const { result: pub, types } = await collectEventTypes(() => callRoute(publishVersionRoute, { params: { code: 'JP-960', version: '1.0.0' }, body: { changelogNote: '首次发布' }, headers: bearer(token) }));
    expect(pub.status).toBe(200);
    expect([...types]).toContain('policy.version_published');
    expect(touchesPublicPages(types)).toBe(true);
    const v2 = simpleVersion({ version: '2.0.0', effective_from: '2027-01-01', benefit: { kind: 'cash_once', amount: 2000, period: 'once', text_zh: '一次性补贴 2000 元' } });
    const draft = await collectEventTypes(() => callRoute(saveDraftRoute, { params: { code: 'JP-960', version: '2.0.0' }, body: { version: v2 }, headers: bearer(token) }));
    expect(draft.result.status).toBe(200);
    expect(touchesPublicPages(draft.types)).toBe(false);
    const pub2 = await callRoute(publishVersionRoute, { params: { code: 'JP-960', version: '2.0.0' }, body: { changelogNote: '2027 年起提高到 2000 元' }, headers: bearer(token) });
    expect(pub2.status).toBe(200);
    expect((pub2.json as { supersedes: string }).supersedes).toBe('1.0.0');
    const detail = (await callRoute(getPolicyRoute, { params: { code: 'JP-960' } })).json as { versions: { version: string; effectiveTo: string | null; changelogNote: string }[] };
    expect(detail.versions.map((v) => [v.version, v.effectiveTo])).toEqual([
      ['2.0.0', null],
      ['1.0.0', '2026-12-31'],
    ]);
    const amount = async (d: string) => {
      const r = ((await callRoute(evaluatePoliciesRoute, { body: { profile: { nationality: 'CN' }, evalDate: d } })).json as EvalBody).results.find((x) => x.policyCode === 'JP-960');
      return r?.amountEstimate;
    };
    expect(await amount('2026-12-31')).toBe(1000);
    expect(await amount('2027-01-01')).toBe(2000);
    // saving over a published version is refused, and the database itself refuses an edit
    expect((await callRoute(saveDraftRoute, { params: { code: 'JP-960', version: '2.0.0' }, body: { version: v2 }, headers: bearer(token) })).status).toBe(409);
    const refused = (q: Promise<unknown>) => q.then(() => 'ran', (e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message);
    expect(await refused(t.db().execute(sql`update policy_versions set definition = '{}'::jsonb where policy_code = 'JP-960' and version = '2.0.0'`))).toMatch(/immutable/);
    expect(await refused(t.db().execute(sql`delete from policy_versions where policy_code = 'JP-960'`))).toMatch(/cannot be deleted/);
  });

  it('two concurrent publishes of one draft: exactly one succeeds, audits and queues a push; the other gets 409', async () => {
    const token = await staffToken();
    expect((await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-961'), version: simpleVersion() }, headers: bearer(token) })).status).toBe(201);
    const publish = () => callRoute(publishVersionRoute, { params: { code: 'JP-961', version: '1.0.0' }, body: { changelogNote: '首次发布' }, headers: bearer(token) });
    const results = await Promise.all([publish(), publish()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audits = await t.db().select({ a: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetId, 'JP-961'), eq(auditLog.action, 'policy.publish')));
    expect(audits).toHaveLength(1);
    expect(await t.db().select().from(policyPushRuns).where(eq(policyPushRuns.policyCode, 'JP-961'))).toHaveLength(1);
  });

  it('policy source links are http(s) only: javascript: and data: URLs are refused with the field path', async () => {
    const token = await staffToken();
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JAVASCRIPT:alert(1)', 'ftp://example.com/a.pdf']) {
      const meta = { ...simpleMeta('JP-962'), sources: [{ title: '原文', url }] };
      const res = await callRoute(createPolicyRoute, { body: { policy: meta, version: simpleVersion() }, headers: bearer(token) });
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(res.json), url).toMatch(/sources/);
    }
    const ok = { ...simpleMeta('JP-962'), sources: [{ title: '原文', url: 'https://www.jdz.gov.cn/zwgk/a.html' }] };
    expect((await callRoute(createPolicyRoute, { body: { policy: ok, version: simpleVersion() }, headers: bearer(token) })).status).toBe(201);
  });

  it('refuses overlapping published ranges in the database (exclusion constraint)', async () => {
    await seedSimplePolicy(t.db(), 'JP-961', { effective_to: '2026-12-31' });
    await expect(
      t.db().insert(policyVersions).values({ policyCode: 'JP-961', version: '1.1.0', status: 'active', effectiveFrom: '2026-06-01', definition: {} }),
    ).rejects.toThrow();
  });

  it('a retired version is no longer evaluated', async () => {
    const token = await staffToken();
    await seedSimplePolicy(t.db(), 'JP-962');
    expect((await callRoute(retireVersionRoute, { params: { code: 'JP-962', version: '1.0.0' }, headers: bearer(token) })).status).toBe(200);
    const body = (await callRoute(evaluatePoliciesRoute, { body: { profile: { nationality: 'CN' } } })).json as EvalBody;
    expect(body.results.some((r) => r.policyCode === 'JP-962')).toBe(false);
  });

  it('the editor action gives localized framing and paths for a bad draft', async () => {
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const r = await callAction(saveDraftAction, { code: 'JP-003', version: simpleVersion({ version: '3.0.0', effective_from: '2032-01-01', criteria: allOf(leaf('age', 'between', [40] as never)) }) }, bearer(await tokenFor(t.db(), staff)));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(r.fieldErrors ?? {}).join(' ')).toMatch(/criteria/);
    }
  });
});

describe('policy → people export', () => {
  it('exports every match of the zone, not one page', async () => {
    await seedSimplePolicy(t.db(), 'JP-903');
    for (let i = 0; i < 55; i++) await makeTalent(t.db(), { zone: 'jkq' });
    await makeTalent(t.db(), { zone: 'zsq' });
    const res = await callRoute(policyMatchesExportRoute, { params: { code: 'JP-903' }, query: { status: 'ELIGIBLE', purpose: '季度政策匹配统计' }, headers: bearer(await staffToken('jkq')) });
    expect(res.status).toBe(200);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 55);
    expect(lines[1]).toContain('符合条件');
  });
});

describe('applications and 二次确认', () => {
  it('approving an application whose version has since been retired still records the benefit (receiving)', async () => {
    await seedSimplePolicy(t.db(), 'JP-902', { benefit: { kind: 'cash_periodic', amount: 500, period: 'month', duration_months: 12, text_zh: '每月 500 元' } });
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const app = await insertApplication(t.db(), talent.id, 'JP-902', 'jkq');
    const staff = await staffToken('jkq');
    expect((await callRoute(retireVersionRoute, { params: { code: 'JP-902', version: '1.0.0' }, headers: bearer(staff) })).status).toBe(200);
    expect((await callRoute(decideApplicationRoute, { params: { id: app.id }, body: { decision: 'approve' }, headers: bearer(staff) })).status).toBe(200);
    const [p] = await t.db().select({ receiving: talentProfiles.receiving }).from(talentProfiles).where(eq(talentProfiles.userId, talent.id));
    expect(p!.receiving?.map((r) => r.policy_id)).toEqual(['JP-902']);
  });

  it('applies with the listed materials, refuses duplicates (also concurrent ones), and staff approve → receiving', async () => {
    await seedSimplePolicy(t.db(), 'JP-901', { benefit: { kind: 'cash_periodic', amount: 500, period: 'month', duration_months: 12, text_zh: '每月 500 元' } });
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const token = await tokenFor(t.db(), talent);
    const missing = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [] }, headers: bearer(token) });
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.json as Problem).errors!)).toEqual(['materials.id_card']);
    // The former checkbox alone is no longer enough: every listed material needs a file (issue 13 §5).
    const ticked = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', provided: true }] }, headers: bearer(token) });
    expect(ticked.status).toBe(400);
    expect((ticked.json as Problem).errors).toEqual({ 'materials.id_card': [expect.any(String)] });
    const upload = await insertMaterialUpload(t.db(), talent.id, 'JP-901');
    const body = { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: upload.id }] };
    const both = await Promise.all([callRoute(applyRoute, { body, headers: bearer(token) }), callRoute(applyRoute, { body, headers: bearer(token) })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const mine = (await callRoute(myApplicationsRoute, { headers: bearer(token) })).json as { items: { id: string; status: string }[] };
    expect(mine.items).toHaveLength(1);
    const id = mine.items[0]!.id;

    // staff of another zone cannot see or decide it
    const other = await staffToken('zsq');
    expect(((await callRoute(listApplicationsRoute, { query: {}, headers: bearer(other) })).json as { items: unknown[] }).items).toHaveLength(0);
    expect((await callRoute(decideApplicationRoute, { params: { id }, body: { decision: 'approve' }, headers: bearer(other) })).status).toBe(403);
    const staff = await staffToken('jkq');
    const queue = (await callRoute(listApplicationsRoute, { query: { status: 'submitted' }, headers: bearer(staff) })).json as { items: { id: string; talent: { name: string } }[] };
    expect(queue.items.map((a) => a.id)).toEqual([id]);
    // rejection needs a reason
    expect((await callRoute(decideApplicationRoute, { params: { id }, body: { decision: 'reject' }, headers: bearer(staff) })).status).toBe(400);
    const ok = await callRoute(decideApplicationRoute, { params: { id }, body: { decision: 'approve' }, headers: bearer(staff) });
    expect(ok.status).toBe(200);
    // a second decision is a conflict
    expect((await callRoute(decideApplicationRoute, { params: { id }, body: { decision: 'reject', reason: '重复' }, headers: bearer(staff) })).status).toBe(409);
    const [p] = await t.db().select({ receiving: talentProfiles.receiving }).from(talentProfiles).where(eq(talentProfiles.userId, talent.id));
    expect(p!.receiving?.map((r) => r.policy_id)).toEqual(['JP-901']);
    const matches = (await callRoute(myMatchesRoute, { query: {}, headers: bearer(token) })).json as EvalBody;
    expect(matches.results.find((r) => r.policyCode === 'JP-901')?.status).toBe('ALREADY_RECEIVING');
    const n = (await callRoute(myNotificationsRoute, { query: {}, headers: bearer(token) })).json as { items: { kind: string; payload: { title?: { zh: string } } }[]; unread: number };
    expect(n.items.map((x) => x.kind)).toContain('application.approved');
    // The notification names the policy by its title, not its code (issue 13 §5).
    expect(n.items.find((x) => x.kind === 'application.approved')?.payload.title?.zh).toBeTruthy();
    // withdrawing a decided application is refused
    expect((await callRoute(withdrawApplicationRoute, { params: { id }, headers: bearer(token) })).status).toBe(409);
  });

  it('a loan reads as a ceiling, not money received, in 我的申请, the staff queue and the decision (issue 13 §5)', async () => {
    await seedSimplePolicy(t.db(), 'JP-903', { benefit: { kind: 'loan', amount: 300_000, duration_months: 36, text_zh: '贷款额度 ≤ 30 万元' } });
    await seedSimplePolicy(t.db(), 'JP-904', { benefit: { kind: 'cash_once', amount: 5_000, text_zh: '一次性 5000 元' } });
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const loan = await insertApplication(t.db(), talent.id, 'JP-903', 'jkq');
    const cash = await insertApplication(t.db(), talent.id, 'JP-904', 'jkq');
    await t.db().update(policyApplications).set({ amountEstimate: 300_000 }).where(eq(policyApplications.id, loan.id));
    await t.db().update(policyApplications).set({ amountEstimate: 5_000 }).where(eq(policyApplications.id, cash.id));
    type Row = { id: string; amountIsCeiling: boolean; benefitKind: string | null };
    const kinds = (items: Row[]) => Object.fromEntries(items.map((a) => [a.id === loan.id ? 'loan' : 'cash', [a.amountIsCeiling, a.benefitKind]]));
    const token = await tokenFor(t.db(), talent);
    const mine = (await callRoute(myApplicationsRoute, { headers: bearer(token) })).json as { items: Row[] };
    expect(kinds(mine.items)).toEqual({ loan: [true, 'loan'], cash: [false, 'cash_once'] });
    const staff = await staffToken('jkq');
    const queue = (await callRoute(listApplicationsRoute, { query: {}, headers: bearer(staff) })).json as { items: Row[] };
    expect(kinds(queue.items)).toEqual({ loan: [true, 'loan'], cash: [false, 'cash_once'] });
    const decided = (await callRoute(decideApplicationRoute, { params: { id: loan.id }, body: { decision: 'approve' }, headers: bearer(staff) })).json as Row;
    expect([decided.amountIsCeiling, decided.benefitKind]).toEqual([true, 'loan']);
  });

  it('refuses an application when the talent is not eligible', async () => {
    await seedSimplePolicy(t.db(), 'JP-902');
    const talent = await makeTalent(t.db(), { zone: 'jkq', profile: { nationality: 'JP' } });
    const res = await callRoute(applyRoute, { body: { policyCode: 'JP-902', materials: [{ code: 'id_card', provided: true }] }, headers: bearer(await tokenFor(t.db(), talent)) });
    expect(res.status).toBe(409);
    expect(await t.db().select().from(policyApplications)).toHaveLength(0);
  });

  it('withdrawing the profile consent stops matching', async () => {
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    await t.db().update(consents).set({ withdrawnAt: new Date() }).where(and(eq(consents.userId, talent.id), eq(consents.kind, 'profile')));
    expect((await callRoute(myMatchesRoute, { query: {}, headers: bearer(await tokenFor(t.db(), talent)) })).status).toBe(403);
  });
});

describe('免申即享 and proactive push', () => {
  it('publishing a 免申即享 version notifies eligible talents once and queues one grant each; re-running adds nothing', async () => {
    const staff = await staffToken('jkq');
    const a = await makeTalent(t.db(), { zone: 'jkq' });
    const b = await makeTalent(t.db(), { zone: 'zsq' });
    const foreign = await makeTalent(t.db(), { zone: 'jkq', profile: { nationality: 'JP' } });
    const version = simpleVersion({ application: { mode: '免申即享', materials: [], manual_confirmation: true } });
    expect((await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-970'), version }, headers: bearer(staff) })).status).toBe(201);
    const pub = await callRoute(publishVersionRoute, { params: { code: 'JP-970', version: '1.0.0' }, body: { changelogNote: '首次发布' }, headers: bearer(staff) });
    // Publishing answers once the version is committed; the push is a queued run that a consumer carries out.
    expect((pub.json as { push: unknown }).push).toMatchObject({ status: 'queued', trigger: 'publish', version: '1.0.0', eligible: 0 });
    expect(await t.db().select().from(notifications).where(eq(notifications.userId, a.id))).toHaveLength(0);
    await drainJobs(t.db());
    const latestRun = async () => ((await callRoute(listPushRunsRoute, { params: { code: 'JP-970' }, headers: bearer(staff) })).json as { items: Record<string, unknown>[] }).items[0];
    expect(await latestRun()).toMatchObject({ status: 'done', trigger: 'publish', eligible: 2, notified: 2, grants: 2 });
    const again = await callRoute(pushPolicyRoute, { params: { code: 'JP-970' }, headers: bearer(staff) });
    expect(again.json).toMatchObject({ status: 'queued', trigger: 'manual' });
    await drainJobs(t.db());
    expect(await latestRun()).toMatchObject({ status: 'done', trigger: 'manual', eligible: 2, notified: 0, grants: 0 });
    const grants = await t.db().select().from(policyApplications).where(eq(policyApplications.policyCode, 'JP-970'));
    expect(grants.map((g) => [g.talentId, g.origin, g.status, g.zoneCode]).sort()).toEqual(
      [
        [a.id, 'auto', 'submitted', 'jkq'],
        [b.id, 'auto', 'submitted', 'zsq'],
      ].sort(),
    );
    expect(await t.db().select().from(notifications).where(eq(notifications.userId, foreign.id))).toHaveLength(0);
    // the reviewer sees the criteria the grant was made on
    expect((grants[0]!.evaluation as { criteria: { id: string; result: string }[] }).criteria).toEqual([expect.objectContaining({ id: 'c_cn', result: 'MET' })]);
    // a rejected grant is not re-created by another push
    const staffZsq = await staffToken('zsq');
    const bGrant = grants.find((g) => g.talentId === b.id)!;
    expect((await callRoute(decideApplicationRoute, { params: { id: bGrant.id }, body: { decision: 'reject', reason: '已在别处享受' }, headers: bearer(staffZsq) })).status).toBe(200);
    expect((await callRoute(pushPolicyRoute, { params: { code: 'JP-970' }, headers: bearer(staff) })).status).toBe(200);
    await drainJobs(t.db());
    expect(await latestRun()).toMatchObject({ status: 'done', trigger: 'manual', grants: 0 });
  });

  it('a profile change that makes a talent eligible notifies them once', async () => {
    await seedSimplePolicy(t.db(), 'JP-971');
    const talent = await makeTalent(t.db(), { zone: 'jkq', profile: { nationality: null } });
    const token = await tokenFor(t.db(), talent);
    const before = await t.db().select().from(notifications).where(eq(notifications.userId, talent.id));
    expect(before.filter((n) => (n.payload as { policyCode?: string }).policyCode === 'JP-971')).toHaveLength(0);
    expect((await callRoute(patchMyProfileRoute, { body: { nationality: 'CN' }, headers: bearer(token) })).status).toBe(200);
    expect((await callRoute(patchMyProfileRoute, { body: { education: '本科' }, headers: bearer(token) })).status).toBe(200);
    await drainJobs(t.db());
    const after = await t.db().select().from(notifications).where(eq(notifications.userId, talent.id));
    expect(after.filter((n) => (n.payload as { policyCode?: string }).policyCode === 'JP-971')).toHaveLength(1);
    expect((await pushForTalent(t.db(), talent.id)).notified).toBe(0);
  });

  it('a PATCH of one nested field keeps the others (merge patch): answering one question never erases another', async () => {
    const talent = await makeTalent(t.db(), { zone: 'jkq', profile: { businessForm: 'individual', businessRegisteredDistrict: '经开区', businessFirstTime: true } });
    const token = await tokenFor(t.db(), talent);
    const res = await callRoute(patchMyProfileRoute, { body: { business: { registered_date: '2025-03-01' } }, headers: bearer(token) });
    expect(res.status).toBe(200);
    const [p] = await t.db().select().from(talentProfiles).where(eq(talentProfiles.userId, talent.id));
    expect([p!.businessForm, p!.businessRegisteredDistrict, p!.businessFirstTime, p!.businessRegisteredDate]).toEqual(['individual', '经开区', true, '2025-03-01']);
    expect((await callRoute(patchMyProfileRoute, { body: { business: null }, headers: bearer(token) })).status).toBe(200);
    const [q] = await t.db().select().from(talentProfiles).where(eq(talentProfiles.userId, talent.id));
    expect([q!.businessForm, q!.businessRegisteredDistrict]).toEqual([null, null]);
  });

  it('audits every editor write', async () => {
    const token = await staffToken();
    await callRoute(createPolicyRoute, { body: { policy: simpleMeta('JP-980'), version: simpleVersion() }, headers: bearer(token) });
    const rows = await t.db().select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, 'JP-980'));
    expect(rows.map((r) => r.a)).toContain('policy.create');
    expect(await t.db().select().from(policies).where(eq(policies.code, 'JP-980'))).toHaveLength(1);
  });
});
