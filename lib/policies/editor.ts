import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { policies, policyVersions } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { recordEvent } from '@/lib/events';
import { AppError, pgErrorCode, type FieldErrors } from '@/lib/http/errors';
import { CATEGORIES, PROVENANCES, TIER_LETTERS, policyVersionSchema, validateCatalogue, validatePolicy, type Policy, type PolicyVersion, type ValidationIssue } from '@/lib/policy-matching/model';
import { addDays, formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { loadCatalogue, policyFromRow, policyToRow, versionFromRow, versionToRow, type VersionRow } from './store';
import { todayIso } from './service';
import { policyDraftSaved, policyMetaUpdated, policyVersionPublished, policyVersionRetired } from './events';
import { createPushRun, pushRunDto } from './push';

/**
 * The staff policy editor (issue 4 §7): create a policy, save drafts, publish immutable versions with a changelog
 * note, retire. Every save validates the whole policy and the catalogue around it (unknown field or op, wrong
 * value type, overlapping versions, gate cycles) and refuses with the path of every error.
 */

export const policyMetaInput = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3}$/, 'validation.policyCode'),
  title_zh: z.string().trim().min(1).max(120),
  title_en: z.string().trim().max(200).optional(),
  summary_zh: z.string().trim().max(500).optional(),
  summary_en: z.string().trim().max(800).optional(),
  issuer: z.string().trim().min(1).max(120),
  level: z.enum(['national', 'provincial', 'municipal', 'district', 'park']),
  category: z.enum(CATEGORIES),
  provenance: z.enum(PROVENANCES),
  tier: z.enum(TIER_LETTERS).optional(),
  region_scope: z.array(z.string().regex(/^CN(-[A-Z]{2,})*$/)).max(10).default([]),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  sources: z.array(z.strictObject({ title: z.string().min(1).max(200), url: z.url({ protocol: /^https?$/, normalize: true }).max(500).optional(), doc_no: z.string().max(80).optional(), published_at: z.string().optional() })).max(10).default([]),
});
export type PolicyMetaInput = z.infer<typeof policyMetaInput>;

/** A draft version document: the model's schema (criteria, benefit, application, golden cases …). */
export const draftVersionInput = policyVersionSchema;

export const createPolicyInput = z.strictObject({ policy: policyMetaInput, version: draftVersionInput });
export const saveDraftInput = z.strictObject({ version: draftVersionInput });
export const publishInput = z.strictObject({ changelogNote: z.string().trim().min(2).max(500) });

/** Validation issues → field errors keyed by path (the UI and the API show the path of every error). */
export function issuesToFieldErrors(issues: readonly ValidationIssue[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) (out[prefix && i.path ? `${prefix}.${i.path}` : prefix || i.path || '_'] ??= []).push(i.message);
  return out;
}

async function loadPolicyWithAllVersions(code: string) {
  const db = await getDb();
  const [row] = await db.select().from(policies).where(eq(policies.code, code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const versions = await db.select().from(policyVersions).where(eq(policyVersions.policyCode, code));
  return { row, versions };
}

/**
 * Validates a policy as it would be after the change: the policy itself (all its non-draft versions plus the draft)
 * and the catalogue with it (gates to unknown policies, gate cycles). Throws VALIDATION_FAILED with paths.
 */
async function validateWith(policy: Policy): Promise<void> {
  const own = validatePolicy(policy);
  if (own.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: issuesToFieldErrors(own) });
  const db = await getDb();
  const catalogue = await loadCatalogue(db);
  const others = catalogue.policies.filter((p) => p.code !== policy.code);
  const whole = validateCatalogue([...others, policy], catalogue.groups);
  const mine = whole.filter((i) => i.path.includes(policy.code) || i.message.includes(policy.code));
  if (mine.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: issuesToFieldErrors(mine) });
}

/**
 * The published versions as they will be once `draft` is published: an open-ended active version that starts
 * earlier is closed the day before the draft starts (it is superseded). Used by save, preview and publish alike.
 */
export function publishedAround(rows: readonly VersionRow[], draft: Pick<PolicyVersion, 'version' | 'effective_from'>): { versions: PolicyVersion[]; predecessor: VersionRow | null; dayBefore: string | null } {
  const from = parseIsoDate(draft.effective_from);
  const dayBefore = from ? formatYmd(addDays(from, -1)) : null;
  const predecessor = rows.find((v) => v.status === 'active' && v.effectiveTo === null && v.effectiveFrom < draft.effective_from && v.version !== draft.version) ?? null;
  const versions = rows
    .filter((v) => v.status !== 'draft' && v.version !== draft.version)
    .map((v) => (v.id === predecessor?.id && dayBefore ? { ...versionFromRow(v), effective_to: dayBefore } : versionFromRow(v)))
    .map(stripStatus);
  return { versions, predecessor, dayBefore };
}

function stripStatus(v: PolicyVersion): PolicyVersion {
  const { status: _s, ...rest } = v;
  return rest as PolicyVersion;
}

/** POST /api/v1/policies — a new policy with its first (draft) version. */
export async function createPolicy(actor: Actor | null, input: z.infer<typeof createPolicyInput>, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const db = await getDb();
  const [exists] = await db.select({ code: policies.code }).from(policies).where(eq(policies.code, input.policy.code)).limit(1);
  if (exists) throw new AppError('CONFLICT', { fieldErrors: { 'policy.code': ['validation.policyCodeTaken'] } });
  const version = stripStatus(input.version);
  await validateWith({ ...input.policy, versions: [version] } as Policy);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(policies).values({ ...policyToRow(input.policy as Policy), createdBy: me.id });
      await tx.insert(policyVersions).values({ ...versionToRow(input.policy.code, version), status: 'draft', createdBy: me.id });
      await audit({ action: 'policy.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: input.policy.code, ip: meta.ip, detail: { version: version.version } }, tx);
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('CONFLICT', { fieldErrors: { 'policy.code': ['validation.policyCodeTaken'] } });
    throw err;
  }
  return { code: input.policy.code, version: version.version, status: 'draft' as const };
}

/** PATCH /api/v1/policies/{code} — metadata (titles, summary, tags, sources, provenance). Criteria live in versions. */
export async function updatePolicyMeta(actor: Actor | null, code: string, input: Omit<PolicyMetaInput, 'code'>, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const { row } = await loadPolicyWithAllVersions(code);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { code: _c, ...cols } = policyToRow({ ...input, code, exclusion_groups: row.exclusionGroups } as Policy);
    await tx.update(policies).set(cols).where(eq(policies.code, code));
    await audit({ action: 'policy.update_meta', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip }, tx);
    await recordEvent(tx, policyMetaUpdated, code, { code }, { actorId: me.id });
  });
  return { code };
}

/**
 * PUT /api/v1/policies/{code}/versions/{version} — creates or replaces a draft. A published version is immutable:
 * saving over it is a 409 (make a new version number instead).
 */
export async function saveDraft(actor: Actor | null, code: string, versionNo: string, input: PolicyVersion, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  if (input.version !== versionNo) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'version.version': ['validation.versionMismatch'] } });
  const { row, versions } = await loadPolicyWithAllVersions(code);
  const existing = versions.find((v) => v.version === versionNo);
  if (existing && existing.status !== 'draft') throw new AppError('CONFLICT', { detailKey: 'policy.versionImmutable' });
  const version = stripStatus(input);
  const { versions: published } = publishedAround(versions, version);
  await validateWith({ ...policyFromRow(row), versions: [...published, version] } as Policy);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (existing) await tx.update(policyVersions).set({ ...versionToRow(code, version) }).where(eq(policyVersions.id, existing.id));
    else await tx.insert(policyVersions).values({ ...versionToRow(code, version), status: 'draft', createdBy: me.id });
    await audit({ action: 'policy.save_draft', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { version: versionNo } }, tx);
    await recordEvent(tx, policyDraftSaved, code, { code, version: versionNo }, { actorId: me.id });
  });
  return { code, version: versionNo, status: 'draft' as const };
}

/** DELETE /api/v1/policies/{code}/versions/{version} — discards a draft (published versions cannot be deleted). */
export async function deleteDraft(actor: Actor | null, code: string, versionNo: string, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const { versions } = await loadPolicyWithAllVersions(code);
  const existing = versions.find((v) => v.version === versionNo);
  if (!existing) throw new AppError('NOT_FOUND');
  if (existing.status !== 'draft') throw new AppError('CONFLICT', { detailKey: 'policy.versionImmutable' });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(policyVersions).where(eq(policyVersions.id, existing.id));
    await audit({ action: 'policy.delete_draft', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { version: versionNo } }, tx);
  });
  return { code, version: versionNo, deleted: true };
}

/**
 * POST /api/v1/policies/{code}/versions/{version}/publish — the draft becomes an immutable active version with a
 * changelog entry. An open-ended active version that starts earlier is closed the day before (it is superseded);
 * any other overlap is refused by the database's exclusion constraint (409).
 */
export async function publishVersion(actor: Actor | null, code: string, versionNo: string, input: { changelogNote: string }, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const { row, versions } = await loadPolicyWithAllVersions(code);
  const draft = versions.find((v) => v.version === versionNo);
  if (!draft) throw new AppError('NOT_FOUND');
  if (draft.status !== 'draft') throw new AppError('CONFLICT', { detailKey: 'policy.versionImmutable' });
  const doc = versionFromRow(draft);
  const { versions: published, predecessor, dayBefore } = publishedAround(versions, doc);
  const changelog = [...(doc.changelog ?? []), { date: todayIso(), note: input.changelogNote }];
  const next: PolicyVersion = { ...stripStatus(doc), changelog, ...(predecessor ? { supersedes: predecessor.version } : {}) };
  await validateWith({ ...policyFromRow(row), versions: [...published, next] } as Policy);
  const db = await getDb();
  let run: Awaited<ReturnType<typeof createPushRun>>;
  try {
    run = await db.transaction(async (tx) => {
      if (predecessor && dayBefore) await tx.update(policyVersions).set({ effectiveTo: dayBefore }).where(eq(policyVersions.id, predecessor.id));
      const updated = await tx
        .update(policyVersions)
        .set({ ...versionToRow(code, next), status: 'active', publishedAt: now(), publishedBy: me.id, changelogNote: input.changelogNote })
        .where(and(eq(policyVersions.id, draft.id), eq(policyVersions.status, 'draft')))
        .returning({ id: policyVersions.id });
      // Two publishes of one draft: the second finds it no longer a draft and must not report success.
      if (!updated.length) throw new AppError('CONFLICT', { detailKey: 'policy.versionImmutable' });
      await audit({ action: 'policy.publish', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { version: versionNo, supersedes: predecessor?.version ?? null } }, tx);
      // The push runs as a consumer of this event, after the commit: publishing answers as soon as the version is in.
      const r = await createPushRun(tx, code, 'publish', me.id, versionNo);
      await recordEvent(tx, policyVersionPublished, code, { code, version: versionNo, supersedes: predecessor?.version ?? null, pushRunId: r.id }, { actorId: me.id });
      return r;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23P01') throw new AppError('CONFLICT', { detailKey: 'policy.versionOverlap' });
    throw err;
  }
  return { code, version: versionNo, status: 'active' as const, supersedes: predecessor?.version ?? null, push: pushRunDto(run) };
}

/** POST /api/v1/policies/{code}/versions/{version}/retire — an active version stops applying (kept for history). */
export async function retireVersion(actor: Actor | null, code: string, versionNo: string, meta: { ip: string }) {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const db = await getDb();
  const rows = await db.transaction(async (tx) => {
    const r = await tx
      .update(policyVersions)
      .set({ status: 'retired' })
      .where(and(eq(policyVersions.policyCode, code), eq(policyVersions.version, versionNo), ne(policyVersions.status, 'draft')))
      .returning({ id: policyVersions.id });
    if (r.length) {
      await audit({ action: 'policy.retire', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { version: versionNo } }, tx);
      await recordEvent(tx, policyVersionRetired, code, { code, version: versionNo }, { actorId: me.id });
    }
    return r;
  });
  if (!rows.length) throw new AppError('NOT_FOUND');
  return { code, version: versionNo, status: 'retired' as const };
}
