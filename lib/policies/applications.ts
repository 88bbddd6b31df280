import 'server-only';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { policies, policyApplications, policyVersions, talentProfiles, users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import { notify } from '@/lib/notifications/service';
import { isOneOff, periodKeyFor } from '@/lib/policy-matching/benefits';
import { isAmountCeiling, type PolicyVersion } from '@/lib/policy-matching/model';
import { loadCatalogue, versionFromRow } from './store';
import { attachMaterials, checkMaterialRefs, materialsForApplications, type MaterialFileDto } from './materials';
import { materialGaps } from './material-file';
import { evaluateWithCatalogue, loadTalentProfile, todayIso, versionInForce } from './service';

/**
 * Applications (issue 4 §8): a talent applies to a policy they are ELIGIBLE for (or NEEDS_REVIEW: a committee
 * decides) with the listed materials; zone staff confirm (二次确认) or reject with a reason. One open or approved
 * application per policy version and period (the database's partial unique index decides, not a prior read); an
 * approved application makes the talent "receiving" (ongoing benefits) or "received" (one-off) for the exclusion
 * rules of §6.3.
 */

export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;

export const applyInput = z.strictObject({
  policyCode: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3}$/, 'validation.policyCode'),
  /**
   * One entry per listed material: `uploadId` is a file from POST /api/v1/me/applications/materials (a draft upload,
   * or a file of an earlier application of the same policy to reuse). `provided` is the former checkbox, still
   * accepted but no longer enough: every listed material needs a file.
   */
  materials: z
    .array(z.strictObject({ code: z.string().min(1).max(40), uploadId: z.uuid().optional(), provided: z.boolean().optional(), note: z.string().trim().max(200).optional() }))
    .max(30)
    .default([]),
  note: z.string().trim().max(1000).optional(),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const decideInput = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(500).optional() })
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 2, { path: ['reason'], message: 'validation.reasonRequired' });

export const applicationListQuery = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  policyCode: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3}$/).optional(),
  origin: z.enum(['applied', 'auto']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface ApplicationDto {
  id: string;
  policyCode: string;
  policyTitle: { zh: string; en: string };
  version: string;
  origin: 'applied' | 'auto';
  status: (typeof APPLICATION_STATUSES)[number];
  periodKey: string;
  materials: { code: string; provided: boolean; note?: string | null }[];
  /** The files attached on submission (application materials, issue 13 §5). */
  files?: MaterialFileDto[];
  amountEstimate: number | null;
  /** The amount is a ceiling (a loan, an interest subsidy, a finance policy), not money received. */
  amountIsCeiling: boolean;
  /** What the amount is (the benefit kind of the version applied for). */
  benefitKind: string | null;
  /** The policy's category (with benefitKind, how the amount reads). */
  category: string | null;
  evaluationStatus: string | null;
  note: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  createdAt: string;
  talent?: { id: string; name: string };
}

export { isOneOff, periodKeyFor };

type AppRow = typeof policyApplications.$inferSelect;

function toDto(r: AppRow, info: PolicyInfo, talent?: { id: string; name: string }): ApplicationDto {
  return {
    id: r.id,
    policyCode: r.policyCode,
    policyTitle: info.title,
    version: r.version,
    origin: r.origin,
    status: r.status,
    periodKey: r.periodKey,
    materials: r.materials,
    amountEstimate: r.amountEstimate,
    ...amountKind(info, r.version),
    evaluationStatus: typeof r.evaluation.status === 'string' ? r.evaluation.status : null,
    note: r.note,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    ...(talent ? { talent } : {}),
  };
}

/** What the application list needs of each policy: its title, category and the benefit kind of each version. */
export interface PolicyInfo {
  title: { zh: string; en: string };
  category: string | null;
  kinds: ReadonlyMap<string, string | null>;
}

export async function policyInfo(db: DbOrTx, codes: string[]): Promise<Map<string, PolicyInfo>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const [rows, versions] = await Promise.all([
    db.select({ code: policies.code, zh: policies.titleZh, en: policies.titleEn, category: policies.category }).from(policies).where(inArray(policies.code, unique)),
    db.select({ code: policyVersions.policyCode, version: policyVersions.version, kind: sql<string | null>`${policyVersions.definition} #>> '{benefit,kind}'` }).from(policyVersions).where(inArray(policyVersions.policyCode, unique)),
  ]);
  const kinds = new Map<string, Map<string, string | null>>();
  for (const v of versions) (kinds.get(v.code) ?? kinds.set(v.code, new Map()).get(v.code)!).set(v.version, v.kind);
  const out = new Map<string, PolicyInfo>();
  for (const r of rows) out.set(r.code, { title: { zh: r.zh, en: r.en ?? r.zh }, category: r.category, kinds: kinds.get(r.code) ?? new Map() });
  for (const code of unique) if (!out.has(code)) out.set(code, { title: { zh: code, en: code }, category: null, kinds: new Map() });
  return out;
}

/** How an application's amount reads: money, or a ceiling (lib/policy-matching/model.ts isAmountCeiling). */
export function amountKind(info: PolicyInfo | undefined, version: string): Pick<ApplicationDto, 'amountIsCeiling' | 'benefitKind' | 'category'> {
  const benefitKind = info?.kinds.get(version) ?? null;
  const category = info?.category ?? null;
  return { amountIsCeiling: isAmountCeiling(category, benefitKind), benefitKind, category };
}

const APPLICABLE = new Set(['ELIGIBLE', 'NEEDS_REVIEW']);

/** POST /api/v1/me/applications */
export async function applyForPolicy(actor: Actor | null, input: ApplyInput, meta: { ip: string }): Promise<ApplicationDto> {
  const me = await authorize(actor, 'applications.submit', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip });
  const db = await getDb();
  const loaded = await loadTalentProfile(db, me.id);
  if (!loaded) throw new AppError('NOT_FOUND');
  const on = todayIso();
  const catalogue = await loadCatalogue(db);
  const policy = catalogue.policies.find((p) => p.code === input.policyCode);
  const version: PolicyVersion | null = policy ? versionInForce(policy, on) : null;
  if (!policy || !version) throw new AppError('NOT_FOUND', { detailKey: 'policy.notInForce' });
  const { results } = await evaluateWithCatalogue(db, loaded.profile, on, true);
  const result = results.find((r) => r.policyCode === input.policyCode)!;
  if (!APPLICABLE.has(result.status)) throw new AppError('CONFLICT', { detailKey: 'policy.notApplicable' });

  const required = version.application?.materials ?? [];
  const given = new Map(input.materials.map((m) => [m.code, m]));
  const { missing, unknown } = materialGaps(required, input.materials);
  const refs = required.flatMap((r) => (given.get(r.code)?.uploadId ? [{ code: r.code, uploadId: given.get(r.code)!.uploadId! }] : []));
  const fieldErrors: Record<string, string[]> = await checkMaterialRefs(db, me.id, policy.code, refs);
  for (const code of missing) fieldErrors[`materials.${code}`] = ['validation.materialFileRequired'];
  for (const code of unknown) fieldErrors[`materials.${code}`] = ['validation.materialUnknown'];
  if (Object.keys(fieldErrors).length) throw new AppError('VALIDATION_FAILED', { fieldErrors });

  try {
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .insert(policyApplications)
        .values({
          talentId: me.id,
          policyCode: policy.code,
          version: version.version,
          origin: 'applied',
          periodKey: periodKeyFor(version.benefit, on),
          zoneCode: loaded.zoneCode,
          materials: required.map((m) => ({ code: m.code, provided: true, note: given.get(m.code)?.note ?? null })),
          evaluation: { status: result.status, evalDate: on, criteria: result.criteria, amountEstimate: result.amountEstimate },
          amountEstimate: result.amountEstimate,
          note: input.note ?? null,
        })
        .returning();
      await attachMaterials(tx, me.id, policy.code, r!.id, refs);
      await audit({ action: 'application.submit', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy_application', targetId: r!.id, ip: meta.ip, detail: { policy: policy.code, version: version.version, files: refs.length } }, tx);
      return r!;
    });
    const files = await materialsForApplications(db, [row.id]);
    return { ...toDto(row, { title: { zh: policy.title_zh, en: policy.title_en ?? policy.title_zh }, category: policy.category, kinds: new Map([[version.version, version.benefit?.kind ?? null]]) }), files: files.get(row.id) ?? [] };
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('CONFLICT', { detailKey: 'policy.duplicateApplication' });
    throw err;
  }
}

/** GET /api/v1/me/applications */
export async function listMyApplications(actor: Actor | null, meta: { ip?: string } = {}): Promise<{ items: ApplicationDto[] }> {
  const me = await authorize(actor, 'applications.read_own', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip });
  const db = await getDb();
  const rows = await db.select().from(policyApplications).where(eq(policyApplications.talentId, me.id)).orderBy(desc(policyApplications.createdAt));
  const [t, files] = await Promise.all([policyInfo(db, rows.map((r) => r.policyCode)), materialsForApplications(db, rows.map((r) => r.id))]);
  return { items: rows.map((r) => ({ ...toDto(r, t.get(r.policyCode)!), files: files.get(r.id) ?? [] })) };
}

/** POST /api/v1/me/applications/{id}/withdraw — only while submitted. */
export async function withdrawApplication(actor: Actor | null, id: string, meta: { ip: string }): Promise<ApplicationDto> {
  await authorize(actor, 'applications.submit', undefined, { ip: meta.ip });
  const db = await getDb();
  const [app] = await db.select({ talentId: policyApplications.talentId }).from(policyApplications).where(eq(policyApplications.id, id)).limit(1);
  if (!app) throw new AppError('NOT_FOUND');
  const me = await authorize(actor, 'applications.submit', { ownerId: app.talentId }, { ip: meta.ip, targetType: 'policy_application', targetId: id });
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .update(policyApplications)
      .set({ status: 'withdrawn' })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.talentId, me.id), eq(policyApplications.status, 'submitted'), eq(policyApplications.origin, 'applied')))
      .returning();
    if (r) await audit({ action: 'application.withdraw', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy_application', targetId: id, ip: meta.ip }, tx);
    return r;
  });
  if (!row) throw new AppError('CONFLICT', { detailKey: 'policy.applicationClosed' });
  const t = await policyInfo(db, [row.policyCode]);
  return toDto(row, t.get(row.policyCode)!);
}

/** GET /api/v1/applications — the staff queue of the actor's zone (never a zone from the request). */
export async function listApplications(actor: Actor | null, query: z.infer<typeof applicationListQuery>, meta: { ip?: string } = {}): Promise<{ items: ApplicationDto[] }> {
  const me = await authorize(actor, 'applications.read', undefined, { ip: meta.ip });
  const db = await getDb();
  const conds: SQL[] = [eq(policyApplications.zoneCode, me.zoneCode ?? '__none__')];
  if (query.status) conds.push(eq(policyApplications.status, query.status));
  if (query.policyCode) conds.push(eq(policyApplications.policyCode, query.policyCode));
  if (query.origin) conds.push(eq(policyApplications.origin, query.origin));
  const rows = await db
    .select({ a: policyApplications, name: sql<string>`coalesce(${talentProfiles.artistName}, ${talentProfiles.legalName}, ${users.displayName})` })
    .from(policyApplications)
    .innerJoin(users, eq(users.id, policyApplications.talentId))
    .leftJoin(talentProfiles, eq(talentProfiles.userId, policyApplications.talentId))
    .where(and(...conds))
    .orderBy(desc(policyApplications.createdAt), desc(policyApplications.id))
    .limit(query.limit);
  const [t, files] = await Promise.all([policyInfo(db, rows.map((r) => r.a.policyCode)), materialsForApplications(db, rows.map((r) => r.a.id))]);
  await audit({ action: 'application.list', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'zone', targetId: me.zoneCode, ip: meta.ip ?? null, detail: { count: rows.length, status: query.status ?? null } });
  return { items: rows.map((r) => ({ ...toDto(r.a, t.get(r.a.policyCode)!, { id: r.a.talentId, name: r.name }), files: files.get(r.a.id) ?? [] })) };
}

/**
 * POST /api/v1/applications/{id}/decision — 二次确认 or rejection with a reason, by staff of the application's zone.
 * Only a submitted application can be decided (a concurrent second decision gets 409). Approval records the
 * benefit on the talent's profile (receiving / received) in the same transaction and notifies the talent.
 */
export async function decideApplication(actor: Actor | null, id: string, input: z.infer<typeof decideInput>, meta: { ip: string }): Promise<ApplicationDto> {
  if (!actor || !can(actor, 'applications.review')) await authorize(actor, 'applications.review', undefined, { ip: meta.ip });
  const db = await getDb();
  const [app] = await db.select().from(policyApplications).where(eq(policyApplications.id, id)).limit(1);
  if (!app) throw new AppError('NOT_FOUND');
  const me = await authorize(actor, 'applications.review', { zoneCode: app.zoneCode }, { ip: meta.ip, targetType: 'policy_application', targetId: id });
  // The version applied for, whatever its status now (the catalogue cache holds active versions only: a version
  // retired since the application was made must still record the benefit, or the exclusion rules stop seeing it).
  const [versionRow] = await db.select().from(policyVersions).where(and(eq(policyVersions.policyCode, app.policyCode), eq(policyVersions.version, app.version))).limit(1);
  const version = versionRow ? versionFromRow(versionRow) : undefined;
  const on = todayIso();
  const info = (await policyInfo(db, [app.policyCode])).get(app.policyCode)!;
  const title = info.title;
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .update(policyApplications)
      .set({ status: input.decision === 'approve' ? 'approved' : 'rejected', decidedBy: me.id, decidedAt: now(), decisionReason: input.reason ?? null })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.status, 'submitted')))
      .returning();
    if (!r) return null;
    if (input.decision === 'approve' && version) {
      const [p] = await tx.select({ receiving: talentProfiles.receiving, received: talentProfiles.received }).from(talentProfiles).where(eq(talentProfiles.userId, app.talentId)).for('update');
      if (p) {
        if (isOneOff(version.benefit)) {
          const received = (p.received ?? []).filter((x) => !(x.policy_id === app.policyCode && x.date === on));
          await tx.update(talentProfiles).set({ received: [...received, { policy_id: app.policyCode, date: on }] }).where(eq(talentProfiles.userId, app.talentId));
        } else if (!(p.receiving ?? []).some((x) => x.policy_id === app.policyCode)) {
          await tx.update(talentProfiles).set({ receiving: [...(p.receiving ?? []), { policy_id: app.policyCode, since: on }] }).where(eq(talentProfiles.userId, app.talentId));
        }
      }
    }
    await notify(tx, app.talentId, input.decision === 'approve' ? 'application.approved' : 'application.rejected', `application:${id}:${input.decision}`, {
      applicationId: id,
      policyCode: app.policyCode,
      title,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    await audit({ action: `application.${input.decision}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy_application', targetId: id, ip: meta.ip, detail: { policy: app.policyCode, version: app.version } }, tx);
    return r;
  });
  if (!row) throw new AppError('CONFLICT', { detailKey: 'policy.applicationClosed' });
  return toDto(row, info);
}
