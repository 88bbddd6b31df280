import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { policyApplications, talentProfiles } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { logError } from '@/lib/log';
import { notify } from '@/lib/notifications/service';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import type { EvaluationResult, Policy, PolicyVersion } from '@/lib/policy-matching/model';
import { periodKeyFor } from './applications';
import { reverseMatch } from './reverse';
import { loadCatalogue } from './store';
import { evaluateWithCatalogue, hasProfileConsent, loadTalentProfile, todayIso, versionInForce } from './service';

/**
 * 免申即享 / proactive push (issue 4 §9). When a version is published or a profile changes, newly eligible talents
 * get one in-app notification per policy version; for mode 免申即享 a pending grant (an application with origin
 * 'auto') appears in the staff queue for 二次确认. Idempotent: notifications are keyed (user, policy, version) and a
 * grant is created only if the talent has no application of any status for that version and period.
 */

const modeOf = (v: PolicyVersion) => v.application?.mode ?? null;

async function pushOne(db: DbOrTx, talentId: string, zoneCode: string | null, policy: Policy, version: PolicyVersion, result: Pick<EvaluationResult, 'status' | 'amountEstimate' | 'criteria'>, on: string) {
  let grant = false;
  const notified = await notify(db, talentId, 'policy.eligible', `eligible:${policy.code}:${version.version}`, {
    policyCode: policy.code,
    version: version.version,
    title: { zh: policy.title_zh, en: policy.title_en ?? policy.title_zh },
    amountEstimate: result.amountEstimate,
    automatic: modeOf(version) === '免申即享',
  });
  if (modeOf(version) === '免申即享') {
    const periodKey = periodKeyFor(version.benefit, on);
    const inserted = await db.execute(sql`
      insert into policy_applications (talent_id, policy_code, version, origin, status, period_key, zone_code, materials, evaluation, amount_estimate)
      select ${talentId}::uuid, ${policy.code}::text, ${version.version}::text, 'auto'::application_origin, 'submitted'::application_status,
             ${periodKey}::text, ${zoneCode}::text, '[]'::jsonb,
             ${JSON.stringify({ status: result.status, evalDate: on, criteria: result.criteria, amountEstimate: result.amountEstimate })}::jsonb, ${result.amountEstimate}::numeric
      where not exists (select 1 from policy_applications
                        where talent_id = ${talentId}::uuid and policy_code = ${policy.code} and version = ${version.version} and period_key = ${periodKey})
      on conflict do nothing
      returning id`);
    const rows = Array.isArray(inserted) ? inserted : ((inserted as { rows?: unknown[] }).rows ?? []);
    grant = rows.length > 0;
  }
  return { notified, grant };
}

export interface PushReport {
  policyCode?: string;
  version?: string;
  eligible: number;
  notified: number;
  grants: number;
}

/**
 * Pushes one policy's version in force to every eligible talent (all zones; the matching itself is not shown to
 * anyone). Used after publish and by POST /api/v1/policies/{code}/push.
 */
export async function pushPolicy(db: DbOrTx, code: string, on = todayIso()): Promise<PushReport> {
  const catalogue = await loadCatalogue(db);
  const policy = catalogue.policies.find((p) => p.code === code);
  const version = policy ? versionInForce(policy, on) : null;
  if (!policy || !version) return { policyCode: code, eligible: 0, notified: 0, grants: 0 };
  const report: PushReport = { policyCode: code, version: version.version, eligible: 0, notified: 0, grants: 0 };
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await reverseMatch(db, { catalogue: catalogue.policies, groups: catalogue.groups, code, evalDate: on, zoneCode: null, statuses: ['ELIGIBLE'], limit: pageSize, offset });
    const ids = page.rows.map((r) => r.talentId);
    const zones = new Map(
      ids.length ? (await db.select({ id: talentProfiles.userId, zone: talentProfiles.zoneCode }).from(talentProfiles).where(inArray(talentProfiles.userId, ids))).map((z) => [z.id, z.zone]) : [],
    );
    for (const row of page.rows) {
      report.eligible += 1;
      // The grant keeps what the reviewer needs: the criteria with their explanations, as the talent would see them.
      const loaded = await loadTalentProfile(db, row.talentId);
      const full = loaded ? evaluateAll(loaded.profile, catalogue.policies, catalogue.groups, on).find((x) => x.policyCode === code) : undefined;
      const snapshot = full && full.status === 'ELIGIBLE' ? full : { status: row.status, amountEstimate: row.amountEstimate, criteria: [] };
      const r = await pushOne(db, row.talentId, zones.get(row.talentId) ?? null, policy, version, snapshot, on);
      if (r.notified) report.notified += 1;
      if (r.grant) report.grants += 1;
    }
    if (page.rows.length < pageSize) break;
  }
  return report;
}

/** Pushes every policy a talent is newly ELIGIBLE for (after a profile change or an approval). Never throws. */
export async function pushForTalent(talentId: string): Promise<PushReport> {
  const report: PushReport = { eligible: 0, notified: 0, grants: 0 };
  try {
    const db = await getDb();
    const loaded = await loadTalentProfile(db, talentId);
    if (!loaded) return report;
    if (!(await hasProfileConsent(db, talentId))) return report;
    const on = todayIso();
    const catalogue = await loadCatalogue(db);
    const { results } = await evaluateWithCatalogue(db, loaded.profile, on);
    for (const r of results) {
      if (r.status !== 'ELIGIBLE') continue;
      const policy = catalogue.policies.find((p) => p.code === r.policyCode)!;
      const version = versionInForce(policy, on);
      if (!version) continue;
      report.eligible += 1;
      const x = await pushOne(db, talentId, loaded.zoneCode, policy, version, r, on);
      if (x.notified) report.notified += 1;
      if (x.grant) report.grants += 1;
    }
  } catch (err) {
    logError('policy.pushForTalent', err);
  }
  return report;
}

/** POST /api/v1/policies/{code}/push — staff re-run of the push for one policy (idempotent). */
export async function pushPolicyAsStaff(actor: Actor | null, code: string, meta: { ip: string }): Promise<PushReport> {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const db = await getDb();
  const report = await pushPolicy(db, code);
  await audit({ action: 'policy.push', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { ...report } });
  return report;
}

/** Open auto grants of a talent (for tests and the talent's view). */
export async function pendingGrants(db: DbOrTx, talentId: string) {
  return db
    .select()
    .from(policyApplications)
    .where(and(eq(policyApplications.talentId, talentId), eq(policyApplications.origin, 'auto'), eq(policyApplications.status, 'submitted')));
}
