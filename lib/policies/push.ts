import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { policies, policyApplications, policyPushRuns } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { enqueue } from '@/lib/jobs/queue';
import { defineJob } from '@/lib/jobs/registry';
import { notify } from '@/lib/notifications/service';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import type { EvaluationResult, Policy, PolicyVersion } from '@/lib/policy-matching/model';
import { periodKeyFor } from './applications';
import { PUSH_RUN_STATUSES, type PushRunDto, type PushRunStatus } from './push-dto';
import { reverseMatchStream } from './reverse';
import { loadCatalogue } from './store';
import { evaluateWithCatalogue, hasProfileConsent, loadTalentProfile, todayIso, versionInForce } from './service';

/**
 * 免申即享 / proactive push (issue 4 §9; consumers since issue 8). When a version is published or a profile changes, newly eligible talents
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

export { PUSH_RUN_STATUSES, type PushRunDto, type PushRunStatus };

export interface PushReport {
  policyCode?: string;
  version?: string;
  eligible: number;
  notified: number;
  grants: number;
}

export function pushRunDto(r: typeof policyPushRuns.$inferSelect): PushRunDto {
  return {
    id: r.id,
    policyCode: r.policyCode,
    version: r.version,
    trigger: r.trigger as PushRunDto['trigger'],
    status: r.status as PushRunStatus,
    scanned: r.scanned,
    eligible: r.eligible,
    notified: r.notified,
    grants: r.grants,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Progress is written every this many candidates, so the staff page can show it while a push runs. */
const PROGRESS_EVERY = 500;

/**
 * Pushes one policy's version in force to every eligible talent (all zones; the matching itself is shown to no
 * one): one streamed scan of the reverse match, a notification per newly eligible talent, and for 免申即享 a
 * pending grant with the criteria snapshot the reviewer needs (the only case that loads a whole profile). With a
 * run id, progress and the report are written to that policy_push_runs row. Idempotent (notification keys,
 * grant guard), so a re-run after a crash notifies nobody twice.
 */
export async function pushPolicy(db: DbOrTx, code: string, on = todayIso(), runId?: string): Promise<PushReport & { scanned: number }> {
  const catalogue = await loadCatalogue(db);
  const policy = catalogue.policies.find((p) => p.code === code);
  const version = policy ? versionInForce(policy, on) : null;
  const report = { policyCode: code, version: version?.version, scanned: 0, eligible: 0, notified: 0, grants: 0 };
  const save = async (extra: Partial<typeof policyPushRuns.$inferInsert> = {}) => {
    if (runId) await db.update(policyPushRuns).set({ scanned: report.scanned, eligible: report.eligible, notified: report.notified, grants: report.grants, version: report.version ?? null, ...extra }).where(eq(policyPushRuns.id, runId));
  };
  await save({ status: 'running', startedAt: now(), error: null });
  if (!policy || !version) {
    await save({ status: 'done', finishedAt: now() });
    return report;
  }
  const automatic = modeOf(version) === '免申即享';
  const stream = reverseMatchStream(db, { catalogue: catalogue.policies, groups: catalogue.groups, code, evalDate: on, zoneCode: null, statuses: ['ELIGIBLE'] }, (n) => {
    report.scanned = n;
  });
  for await (const row of stream) {
    report.eligible += 1;
    let zoneCode: string | null = null;
    let snapshot: Pick<EvaluationResult, 'status' | 'amountEstimate' | 'criteria'> = { status: row.status, amountEstimate: row.amountEstimate, criteria: [] };
    if (automatic) {
      // The grant keeps what the reviewer needs: the criteria with their explanations, as the talent would see them.
      const loaded = await loadTalentProfile(db, row.talentId);
      zoneCode = loaded?.zoneCode ?? null;
      const full = loaded ? evaluateAll(loaded.profile, catalogue.policies, catalogue.groups, on).find((x) => x.policyCode === code) : undefined;
      if (full && full.status === 'ELIGIBLE') snapshot = full;
    }
    const r = await pushOne(db, row.talentId, zoneCode, policy, version, snapshot, on);
    if (r.notified) report.notified += 1;
    if (r.grant) report.grants += 1;
    if (report.eligible % PROGRESS_EVERY === 0) await save();
  }
  await save({ status: 'done', finishedAt: now() });
  return report;
}

/** Pushes every policy a talent is newly ELIGIBLE for (the consumer of talent.profile_changed). Throws on failure: the job is retried. */
export async function pushForTalent(db: DbOrTx, talentId: string, on = todayIso()): Promise<PushReport> {
  const report: PushReport = { eligible: 0, notified: 0, grants: 0 };
  const loaded = await loadTalentProfile(db, talentId);
  if (!loaded) return report;
  if (!(await hasProfileConsent(db, talentId))) return report;
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
  return report;
}

/** A queued push run (in the caller's transaction). */
export async function createPushRun(tx: DbOrTx, code: string, trigger: 'publish' | 'manual', requestedBy: string | null, version: string | null = null) {
  const [run] = await tx.insert(policyPushRuns).values({ policyCode: code, trigger, requestedBy, version }).returning();
  return run!;
}

/**
 * POST /api/v1/policies/{code}/push — staff ask for the (idempotent) push of the version in force again. It runs in
 * the background; the answer is the queued run, whose progress GET /api/v1/policies/{code}/push-runs shows.
 */
export async function pushPolicyAsStaff(actor: Actor | null, code: string, meta: { ip: string }): Promise<PushRunDto> {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const db = await getDb();
  const [exists] = await db.select({ code: policies.code }).from(policies).where(eq(policies.code, code)).limit(1);
  if (!exists) throw new AppError('NOT_FOUND');
  const run = await db.transaction(async (tx) => {
    const r = await createPushRun(tx, code, 'manual', me.id);
    await enqueue(tx, runPushJob, { runId: r.id }, { idempotencyKey: `push-run:${r.id}` });
    await audit({ action: 'policy.push', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { runId: r.id } }, tx);
    return r;
  });
  return pushRunDto(run);
}

/** GET /api/v1/policies/{code}/push-runs — the latest pushes of a policy with their progress and reports. */
export async function listPushRuns(actor: Actor | null, code: string, meta: { ip?: string } = {}): Promise<{ items: PushRunDto[] }> {
  await authorize(actor, 'policies.read_drafts', undefined, { ip: meta.ip });
  const db = await getDb();
  const rows = await db.select().from(policyPushRuns).where(eq(policyPushRuns.policyCode, code)).orderBy(desc(policyPushRuns.createdAt)).limit(10);
  return { items: rows.map(pushRunDto) };
}

/** The job that runs a push (manual pushes; the publish consumer calls runPush directly). */
export const runPushJob = defineJob({
  type: 'policies.run_push',
  payload: z.object({ runId: z.uuid() }),
  maxAttempts: 5,
  handler: ({ runId }, { db }) => runPush(db, runId),
});

/** Runs the push of one queued run; a failure marks the run and rethrows (the job retries, the run shows why). */
export async function runPush(db: Db, runId: string): Promise<PushReport & { scanned: number }> {
  const [run] = await db.select().from(policyPushRuns).where(eq(policyPushRuns.id, runId)).limit(1);
  if (!run) throw new Error(`push run ${runId} does not exist`);
  try {
    return await pushPolicy(db, run.policyCode, todayIso(), runId);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    await db.update(policyPushRuns).set({ status: 'failed', error: `${e.name}: ${e.message}`.slice(0, 500) }).where(eq(policyPushRuns.id, runId));
    throw err;
  }
}

/** Open auto grants of a talent (for tests and the talent's view). */
export async function pendingGrants(db: DbOrTx, talentId: string) {
  return db
    .select()
    .from(policyApplications)
    .where(and(eq(policyApplications.talentId, talentId), eq(policyApplications.origin, 'auto'), eq(policyApplications.status, 'submitted')));
}
