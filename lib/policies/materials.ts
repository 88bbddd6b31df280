import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { applicationMaterials, policyApplications } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { getStorage, newBlobKey } from '@/lib/storage/storage';
import { sanitizeFileName } from '@/lib/uploads/filename';
import { processEvidenceFile } from '@/lib/uploads/images';
import { fileTooLarge } from '@/lib/uploads/limit';
import { blobResponse } from '@/lib/uploads/serve';
import { checkPdf, MATERIAL_MAX_BYTES, sniffMaterialType, type MaterialFileType } from './material-file';
import { loadCatalogue } from './store';
import { todayIso, versionInForce } from './service';

/**
 * Application materials (issue 13 §5): the talent uploads one file per material listed in the version in force
 * (before or while applying); submission references the uploads and attaches them to the application, where they
 * stay frozen (migration 0015's trigger) with the decision. Staff of the application's zone open them beside the
 * application (an audited read); the talent opens their own. Unattached uploads are visible to their owner only.
 */

export const materialUploadFields = z.strictObject({
  policyCode: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3}$/, 'validation.policyCode'),
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'validation.materialUnknown').max(40),
});

export const materialFileParams = z.strictObject({ id: z.uuid(), materialId: z.uuid() });

export interface MaterialFileDto {
  id: string;
  code: string;
  policyCode: string;
  applicationId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  /** Where the file opens: the application's route once attached, the owner's upload route before. */
  url: string;
}

export const materialFileDto = z.object({
  id: z.uuid(),
  code: z.string(),
  policyCode: z.string(),
  applicationId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  url: z.string(),
});

type Row = typeof applicationMaterials.$inferSelect;

export function materialDto(r: Row): MaterialFileDto {
  return {
    id: r.id,
    code: r.materialCode,
    policyCode: r.policyCode,
    applicationId: r.applicationId,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    uploadedAt: r.uploadedAt.toISOString(),
    url: r.applicationId ? `/api/v1/applications/${r.applicationId}/materials/${r.id}` : `/api/v1/me/applications/materials/${r.id}`,
  };
}

const fileError = (key: string) => new AppError('VALIDATION_FAILED', { fieldErrors: { file: [key] } });

/** Validates (magic bytes, size, PDF checks) and re-encodes images; returns what to store. */
async function prepareMaterial(bytes: Uint8Array): Promise<{ bytes: Uint8Array; contentType: MaterialFileType; ext: string }> {
  if (bytes.byteLength > MATERIAL_MAX_BYTES) throw fileTooLarge();
  if (bytes.byteLength === 0) throw fileError('validation.fileEmpty');
  const type = sniffMaterialType(bytes);
  if (!type) throw fileError('validation.materialFileType');
  if (type === 'application/pdf') {
    const problem = checkPdf(bytes);
    if (problem) throw fileError(problem);
    return { bytes, contentType: type, ext: 'pdf' };
  }
  // A photo or scan: re-encoded like evidence (legible, EXIF/GPS and everything but pixels dropped).
  const img = await processEvidenceFile(bytes);
  return { bytes: img.main.bytes, contentType: img.main.contentType, ext: img.main.contentType === 'image/jpeg' ? 'jpg' : 'webp' };
}

/** The display name: the sanitised upload name with the extension of what is actually stored. */
function displayName(raw: string, code: string, ext: string): string {
  const base = sanitizeFileName(raw, 90).replace(/\.[A-Za-z0-9]{1,10}$/, '');
  return `${base && base !== 'file' ? base : code}.${ext}`;
}

/** POST /api/v1/me/applications/materials — upload the file for one listed material of a policy in force. */
export async function uploadApplicationMaterial(actor: Actor | null, raw: z.input<typeof materialUploadFields>, bytes: Uint8Array, fileName: string, meta: { ip: string }): Promise<MaterialFileDto> {
  const me = await authorize(actor, 'applications.submit', actor ? { ownerId: actor.id } : undefined, { ip: meta.ip });
  const parsed = materialUploadFields.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'code')] = [issue.message.startsWith('validation.') ? issue.message : 'validation.materialUnknown'];
    throw new AppError('VALIDATION_FAILED', { fieldErrors });
  }
  const input = parsed.data;
  const db = await getDb();
  const catalogue = await loadCatalogue(db);
  const policy = catalogue.policies.find((p) => p.code === input.policyCode);
  const version = policy ? versionInForce(policy, todayIso()) : null;
  if (!policy || !version) throw new AppError('NOT_FOUND', { detailKey: 'policy.notInForce' });
  if (!(version.application?.materials ?? []).some((m) => m.code === input.code)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { code: ['validation.materialUnknown'] } });

  const prepared = await prepareMaterial(bytes);
  const storage = getStorage();
  const key = newBlobKey();
  await storage.put(key, prepared.bytes, { contentType: prepared.contentType });
  let result: { dto: MaterialFileDto; replaced: string[] };
  try {
    result = await db.transaction(async (tx) => {
      // Uploading again replaces my earlier draft for this material (drafts never share a blob: reuse copies only
      // attached rows), so unattached uploads stay bounded at one per policy and material.
      const replaced = await tx
        .delete(applicationMaterials)
        .where(and(eq(applicationMaterials.talentId, me.id), eq(applicationMaterials.policyCode, policy.code), eq(applicationMaterials.materialCode, input.code), isNull(applicationMaterials.applicationId)))
        .returning({ key: applicationMaterials.storageKey });
      const [r] = await tx
        .insert(applicationMaterials)
        .values({ talentId: me.id, policyCode: policy.code, materialCode: input.code, storageKey: key, contentType: prepared.contentType, size: prepared.bytes.byteLength, fileName: displayName(fileName, input.code, prepared.ext) })
        .returning();
      await audit({ action: 'application.material_upload', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'application_material', targetId: r!.id, ip: meta.ip, detail: { policy: policy.code, code: input.code, type: prepared.contentType, replaced: replaced.length } }, tx);
      return { dto: materialDto(r!), replaced: replaced.map((x) => x.key) };
    });
  } catch (err) {
    await storage.delete(key).catch(() => undefined);
    throw err;
  }
  await Promise.allSettled(result.replaced.map((k) => storage.delete(k)));
  return result.dto;
}

/**
 * For the apply page: per material code of the policy, my latest upload not yet attached (draft) and my latest file
 * from an earlier application of the same policy (which a re-application may reuse explicitly).
 */
export async function myMaterialUploads(actor: Actor | null, policyCode: string): Promise<{ drafts: MaterialFileDto[]; previous: MaterialFileDto[] }> {
  const me = await authorize(actor, 'applications.submit', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const rows = await db
    .select()
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.talentId, me.id), eq(applicationMaterials.policyCode, policyCode)))
    .orderBy(desc(applicationMaterials.uploadedAt), desc(applicationMaterials.id))
    .limit(200);
  const latest = (attached: boolean) => {
    const seen = new Map<string, MaterialFileDto>();
    for (const r of rows) if (!!r.applicationId === attached && !seen.has(r.materialCode)) seen.set(r.materialCode, materialDto(r));
    return [...seen.values()];
  };
  return { drafts: latest(false), previous: latest(true) };
}

/** The files attached to applications, by application id (read paths that already authorized the application). */
export async function materialsForApplications(db: DbOrTx, ids: string[]): Promise<Map<string, MaterialFileDto[]>> {
  const out = new Map<string, MaterialFileDto[]>();
  if (!ids.length) return out;
  const rows = await db.select().from(applicationMaterials).where(inArray(applicationMaterials.applicationId, [...new Set(ids)])).orderBy(asc(applicationMaterials.uploadedAt));
  for (const r of rows) if (r.applicationId) out.set(r.applicationId, [...(out.get(r.applicationId) ?? []), materialDto(r)]);
  return out;
}

/**
 * Inside the submission transaction: attaches each referenced upload to the new application. A draft upload is
 * attached in place (only if still unattached: a concurrent submission gets a validation error and the whole
 * transaction rolls back); a file from an earlier application is reused as a new row pointing at the same blob.
 */
export async function attachMaterials(tx: DbOrTx, talentId: string, policyCode: string, applicationId: string, refs: { code: string; uploadId: string }[]): Promise<void> {
  for (const ref of refs) {
    const [row] = await tx.select().from(applicationMaterials).where(and(eq(applicationMaterials.id, ref.uploadId), eq(applicationMaterials.talentId, talentId))).limit(1);
    if (!row || row.policyCode !== policyCode || row.materialCode !== ref.code) {
      throw new AppError('VALIDATION_FAILED', { fieldErrors: { [`materials.${ref.code}`]: ['validation.materialFileUnknown'] } });
    }
    if (!row.applicationId) {
      const done = await tx
        .update(applicationMaterials)
        .set({ applicationId })
        .where(and(eq(applicationMaterials.id, row.id), isNull(applicationMaterials.applicationId)))
        .returning({ id: applicationMaterials.id });
      if (!done.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: { [`materials.${ref.code}`]: ['validation.materialFileUnknown'] } });
    } else {
      await tx.insert(applicationMaterials).values({ talentId, policyCode, materialCode: ref.code, applicationId, storageKey: row.storageKey, contentType: row.contentType, size: row.size, fileName: row.fileName });
    }
  }
}

/** Checks, before anything is written, that every reference is one of my uploads for this policy and code. */
export async function checkMaterialRefs(db: DbOrTx, talentId: string, policyCode: string, refs: { code: string; uploadId: string }[]): Promise<Record<string, string[]>> {
  const fieldErrors: Record<string, string[]> = {};
  for (const ref of refs) {
    const [row] = await db.select({ policyCode: applicationMaterials.policyCode, code: applicationMaterials.materialCode }).from(applicationMaterials).where(and(eq(applicationMaterials.id, ref.uploadId), eq(applicationMaterials.talentId, talentId))).limit(1);
    if (!row || row.policyCode !== policyCode || row.code !== ref.code) fieldErrors[`materials.${ref.code}`] = ['validation.materialFileUnknown'];
  }
  return fieldErrors;
}

async function fileResponse(row: Row): Promise<Response> {
  const blob = await getStorage().get(row.storageKey);
  if (!blob) throw new AppError('NOT_FOUND');
  // Images open in the browser; a PDF is always a download (serve.ts never shows it inline).
  return blobResponse(blob, { inline: true, downloadName: row.fileName });
}

/**
 * GET /api/v1/applications/{id}/materials/{materialId} — a file attached to an application: for the applicant, or
 * staff of the application's zone (an audited read, like evidence). Everyone else: 401/403 (audited denial), and
 * 404 when the material is not one of that application's.
 */
export async function applicationMaterialFile(actor: Actor | null, applicationId: string, materialId: string, meta: { ip: string }): Promise<Response> {
  const db = await getDb();
  const [row] = await db
    .select({ m: applicationMaterials, zoneCode: policyApplications.zoneCode, talentId: policyApplications.talentId })
    .from(applicationMaterials)
    .innerJoin(policyApplications, eq(policyApplications.id, applicationMaterials.applicationId))
    .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, applicationId)))
    .limit(1);
  const ownerReading = !!actor && !!row && row.talentId === actor.id && can(actor, 'applications.read_own', { ownerId: actor.id });
  const me = ownerReading
    ? actor!
    : await authorize(actor, 'applications.read', { zoneCode: row?.zoneCode ?? '\u0000none' }, { ip: meta.ip, targetType: 'application_material', targetId: materialId });
  if (!row) throw new AppError('NOT_FOUND');
  const res = await fileResponse(row.m);
  if (!ownerReading) {
    await audit({ action: 'application.material_read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'application_material', targetId: materialId, ip: meta.ip, detail: { application: applicationId, code: row.m.materialCode } });
  }
  return res;
}

/** GET /api/v1/me/applications/materials/{materialId} — one of my uploads, attached or not (owner only). */
export async function myMaterialFile(actor: Actor | null, materialId: string, meta: { ip: string }): Promise<Response> {
  const db = await getDb();
  const [row] = await db.select().from(applicationMaterials).where(eq(applicationMaterials.id, materialId)).limit(1);
  await authorize(actor, 'applications.read_own', { ownerId: row?.talentId ?? actor?.id ?? '\u0000none' }, { ip: meta.ip, targetType: 'application_material', targetId: materialId });
  if (!row) throw new AppError('NOT_FOUND');
  return fileResponse(row);
}
