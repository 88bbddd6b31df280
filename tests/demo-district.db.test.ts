/**
 * The demo district (issue 13 §2): a few hundred talents and a year of applications for `npm run demo`. Checked on a
 * real database: every status occurs, every application is for a policy version the talent was eligible for on the
 * day they applied, approvals are recorded on the profile like the staff's 二次确认, and a second run adds nothing.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@/db/demo-district';
import { seedReferenceData } from '@/db/seed';
import { applicationMaterialFileRoute } from '@/lib/policies/api';
import { checkPdf, sniffMaterialType } from '@/lib/policies/material-file';
import { rowsOf } from '@/lib/jobs/queue';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { matchingProfile } from '@/lib/talent/queries';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';

const t = setupTestDb({ resetEach: false });
const NOW = new Date('2026-12-04T04:00:00Z');
let first: { talents: number; applications: number };

beforeAll(async () => {
  await seedReferenceData(t.db());
  first = await seedDemoDistrict(t.db(), { talents: 120, now: NOW, deciders: {}, passwordHash: 'x' });
}, 120_000);

describe('seedDemoDistrict', () => {
  it('spreads registrations over the past year and applications over every status', async () => {
    expect(first.talents).toBe(120);
    expect(first.applications).toBeGreaterThan(30);
    const statuses = rowsOf<{ status: string; n: number }>(await t.db().execute(sql`select status, count(*)::int as n from policy_applications group by status`));
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'rejected', 'submitted', 'withdrawn']);
    const [span] = rowsOf<{ min: string; max: string }>(await t.db().execute(sql`select min(created_at)::text as min, max(created_at)::text as max from users where email like 'resident-%'`));
    expect(Date.parse(span!.min)).toBeGreaterThanOrEqual(NOW.getTime() - 366 * 86_400_000);
    expect(Date.parse(span!.max)).toBeLessThanOrEqual(NOW.getTime());
    const [bad] = rowsOf<{ n: number }>(await t.db().execute(sql`select count(*)::int as n from policy_applications where status = 'rejected' and decision_reason is null or created_at > ${NOW.toISOString()}::timestamptz`));
    expect(bad!.n).toBe(0);
  });

  it('applies only for what the evaluator found ELIGIBLE that day, and records approvals on the profile', async () => {
    const apps = rowsOf<{ talent_id: string; policy_code: string; status: string; eval_date: string }>(
      await t.db().execute(sql`select talent_id, policy_code, status, evaluation->>'evalDate' as eval_date from policy_applications`),
    );
    for (const a of apps.slice(0, 40)) {
      const [row] = await t.db().execute(sql`select * from talent_profiles where user_id = ${a.talent_id}`).then((r) => rowsOf<Record<string, unknown>>(r));
      // The profile as it was when applying: without the benefits recorded by the approvals that followed.
      const profile = { ...matchingProfile(camel(row!)), receiving: [], received: [] };
      const result = evaluateAll(profile, CATALOGUE, EXCLUSION_GROUPS, a.eval_date, { explain: false }).find((r) => r.policyCode === a.policy_code)!;
      expect(result.status, `${a.policy_code} for ${a.talent_id} on ${a.eval_date}`).toBe('ELIGIBLE');
      if (a.status === 'approved') {
        const recorded = [...((row!.receiving as { policy_id: string }[] | null) ?? []), ...((row!.received as { policy_id: string }[] | null) ?? [])].map((x) => x.policy_id);
        expect(recorded).toContain(a.policy_code);
      }
    }
  });

  it('attaches a demo PDF per listed material that staff of the zone open through the material route', async () => {
    const missing = rowsOf<{ n: number }>(
      await t.db().execute(sql`select count(*)::int as n from policy_applications a cross join lateral jsonb_array_elements(a.materials) m
        where not exists (select 1 from application_materials f where f.application_id = a.id and f.material_code = m->>'code')`),
    );
    expect(missing[0]!.n).toBe(0);
    const files = rowsOf<{ id: string; application_id: string; zone_code: string; status: string; file_name: string; size: number }>(
      await t.db().execute(sql`select distinct on (a.status) f.id, f.application_id, a.zone_code, a.status, f.file_name, f.size::int as size
        from application_materials f join policy_applications a on a.id = f.application_id where a.zone_code is not null order by a.status, f.id`),
    );
    expect(files.map((f) => f.status).sort()).toEqual(['approved', 'rejected', 'submitted', 'withdrawn']);
    for (const f of files) {
      expect(f.file_name).toMatch(/（演示材料）\.pdf$/);
      const staff = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: f.zone_code }));
      const res = await callRoute(applicationMaterialFileRoute, { params: { id: f.application_id, materialId: f.id }, headers: bearer(staff) });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(res.bytes);
      expect(bytes.byteLength).toBe(f.size);
      expect(sniffMaterialType(bytes)).toBe('application/pdf');
      expect(checkPdf(bytes)).toBeNull(); // what the upload pipeline would accept
      expect(new TextDecoder('latin1').decode(bytes)).toContain('DEMO MATERIAL');
    }
  });

  it('is idempotent', async () => {
    expect(await seedDemoDistrict(t.db(), { talents: 120, now: NOW, deciders: {}, passwordHash: 'x' })).toEqual({ talents: 0, applications: 0 });
  });
});

/** snake_case row → the drizzle column names matchingProfile reads. */
function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), v]));
}
