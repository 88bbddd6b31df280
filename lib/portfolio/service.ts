import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { evidence, talentProfiles, users, workCredits, workImages, works } from '@/db/schema';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { consentInForce } from '@/lib/talent/queries';
import { audit } from '@/lib/audit/log';
import { auditDenial, authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { getStorage } from '@/lib/storage/storage';
import { blobResponse } from '@/lib/uploads/serve';
import { processEvidenceFile, processImage, storeProcessedImage } from '@/lib/uploads/images';
import type { z } from 'zod';
import { evidenceReviewInput, evidenceSubmitFields, workInput, type EvidenceDto, type WorkDto, type WorkInput } from './schemas';
import { recordEvent } from '@/lib/events';
import { portfolioChanged } from './events';

export const MAX_IMAGES_PER_WORK = 12;
const hasConsent = (kind: 'profile' | 'sensitive', userCol: AnyPgColumn) => consentInForce(userCol, kind);

async function loadWorks(ids: string[]): Promise<WorkDto[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const [ws, imgs, credits] = await Promise.all([
    db.select().from(works).where(inArray(works.id, ids)).orderBy(desc(works.createdAt)),
    db.select().from(workImages).where(inArray(workImages.workId, ids)).orderBy(asc(workImages.position), asc(workImages.createdAt)),
    db.select().from(workCredits).where(inArray(workCredits.workId, ids)),
  ]);
  return ws.map((w) => ({
    id: w.id,
    owner_id: w.ownerId,
    title: w.title,
    year: w.year,
    size: w.size,
    techniques: w.techniques,
    description: w.description,
    visibility: w.visibility,
    images: imgs
      .filter((i) => i.workId === w.id)
      .map((i) => ({ id: i.id, width: i.width, height: i.height, url: `/api/v1/works/${w.id}/images/${i.id}`, thumb_url: `/api/v1/works/${w.id}/images/${i.id}?size=thumb` })),
    credits: credits.filter((c) => c.workId === w.id).map((c) => ({ id: c.id, step: c.step, talent_id: c.talentId, name: c.name, status: c.status })),
    created_at: w.createdAt.toISOString(),
  }));
}

async function ownWork(actor: Actor | null, id: string, ip: string) {
  const db = await getDb();
  const [w] = await db.select().from(works).where(eq(works.id, id)).limit(1);
  const me = await authorize(actor, 'works.manage', { ownerId: w?.ownerId ?? null }, { ip, targetType: 'work', targetId: id });
  if (!w) throw new AppError('NOT_FOUND');
  return { me, work: w };
}

async function creditRows(ownerId: string, credits: z.output<typeof workInput>['credits']) {
  const db = await getDb();
  const ids = [...new Set(credits.map((c) => c.talentId).filter((x): x is string => !!x))];
  // Only the artist name: the account's display name is the legal name given at registration, and a credit is public.
  const talents = ids.length
    ? await db.select({ id: users.id, name: talentProfiles.artistName, role: users.role }).from(users).leftJoin(talentProfiles, eq(talentProfiles.userId, users.id)).where(inArray(users.id, ids))
    : [];
  return credits.map((c, i) => {
    if (!c.talentId) return { step: c.step, talentId: null, name: c.name!, status: 'confirmed' as const };
    const t = talents.find((x) => x.id === c.talentId && x.role === 'talent');
    if (!t) throw new AppError('VALIDATION_FAILED', { fieldErrors: { [`credits.${i}.talentId`]: ['validation.talentUnknown'] } });
    const name = c.name ?? t.name;
    if (!name) throw new AppError('VALIDATION_FAILED', { fieldErrors: { [`credits.${i}.talentId`]: ['validation.creditNeedsName'] } });
    // Crediting yourself needs no confirmation.
    return { step: c.step, talentId: t.id, name, status: t.id === ownerId ? ('confirmed' as const) : ('pending' as const) };
  });
}

export async function listMyWorks(actor: Actor | null): Promise<WorkDto[]> {
  const me = await authorize(actor, 'works.manage', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const rows = await db.select({ id: works.id }).from(works).where(eq(works.ownerId, me.id));
  return loadWorks(rows.map((r) => r.id));
}

export async function createWork(actor: Actor | null, raw: WorkInput, ip: string): Promise<WorkDto> {
  const me = await authorize(actor, 'works.manage', actor ? { ownerId: actor.id } : undefined, { ip });
  const input = workInput.parse(raw);
  const credits = await creditRows(me.id, input.credits);
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const [w] = await tx
      .insert(works)
      .values({ ownerId: me.id, title: input.title, year: input.year ?? null, size: input.size ?? null, techniques: input.techniques, description: input.description ?? null, visibility: input.visibility })
      .returning({ id: works.id });
    if (credits.length) await tx.insert(workCredits).values(credits.map((c) => ({ ...c, workId: w!.id, respondedAt: c.status === 'confirmed' ? now() : null })));
    await audit({ action: 'works.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'work', targetId: w!.id, ip, detail: { credits: credits.length } }, tx);
    await recordEvent(tx, portfolioChanged, me.id, { talentId: me.id, change: 'work_created' }, { actorId: me.id });
    return w!.id;
  });
  return (await loadWorks([id]))[0]!;
}

export async function updateWork(actor: Actor | null, id: string, raw: WorkInput, ip: string): Promise<WorkDto> {
  const { me } = await ownWork(actor, id, ip);
  const input = workInput.parse(raw);
  const credits = await creditRows(me.id, input.credits);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(works)
      .set({ title: input.title, year: input.year ?? null, size: input.size ?? null, techniques: input.techniques, description: input.description ?? null, visibility: input.visibility })
      .where(eq(works.id, id));
    // Credits that stay the same keep their confirmation; changed or new ones ask again.
    const existing = await tx.select().from(workCredits).where(eq(workCredits.workId, id));
    await tx.delete(workCredits).where(eq(workCredits.workId, id));
    if (credits.length) {
      await tx.insert(workCredits).values(
        credits.map((c) => {
          const same = existing.find((e) => e.step === c.step && e.talentId === c.talentId && e.name === c.name);
          return { ...c, workId: id, status: same ? same.status : c.status, respondedAt: same?.respondedAt ?? (c.status === 'confirmed' ? now() : null) };
        }),
      );
    }
    await audit({ action: 'works.update', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'work', targetId: id, ip }, tx);
    await recordEvent(tx, portfolioChanged, me.id, { talentId: me.id, change: 'work_updated' }, { actorId: me.id });
  });
  return (await loadWorks([id]))[0]!;
}

export async function deleteWork(actor: Actor | null, id: string, ip: string): Promise<void> {
  const { me } = await ownWork(actor, id, ip);
  const db = await getDb();
  const imgs = await db.select().from(workImages).where(eq(workImages.workId, id));
  await db.transaction(async (tx) => {
    await tx.delete(works).where(eq(works.id, id));
    await audit({ action: 'works.delete', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'work', targetId: id, ip }, tx);
    await recordEvent(tx, portfolioChanged, me.id, { talentId: me.id, change: 'work_deleted' }, { actorId: me.id });
  });
  const storage = getStorage();
  await Promise.allSettled(imgs.flatMap((i) => [storage.delete(i.storageKey), storage.delete(i.thumbKey)]));
}

/** Re-encodes and stores an uploaded image for one of the caller's works. */
export async function addWorkImage(actor: Actor | null, workId: string, bytes: Uint8Array, ip: string): Promise<WorkDto> {
  const { me } = await ownWork(actor, workId, ip);
  const db = await getDb();
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(workImages).where(eq(workImages.workId, workId));
  if (n >= MAX_IMAGES_PER_WORK) throw new AppError('VALIDATION_FAILED', { fieldErrors: { file: ['validation.tooManyImages'] } });
  const processed = await processImage(bytes);
  const stored = await storeProcessedImage(processed);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(workImages).values({ workId, storageKey: stored.main.key, thumbKey: stored.thumb.key, width: stored.main.width, height: stored.main.height, bytes: stored.main.size, position: n });
      await audit({ action: 'works.add_image', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'work', targetId: workId, ip, detail: { bytes: stored.main.size } }, tx);
      await recordEvent(tx, portfolioChanged, me.id, { talentId: me.id, change: 'work_image_added' }, { actorId: me.id });
    });
  } catch (err) {
    await Promise.allSettled([getStorage().delete(stored.main.key), getStorage().delete(stored.thumb.key)]);
    throw err;
  }
  return (await loadWorks([workId]))[0]!;
}

/**
 * An image of a work: public works of people who keep their profile consent are visible to everyone,
 * private ones only to the owner. Anything else answers 404 (no probing).
 */
export async function workImageResponse(actor: Actor | null, workId: string, imageId: string, size: 'full' | 'thumb', meta: { ip?: string } = {}): Promise<Response> {
  const db = await getDb();
  const [row] = await db
    .select({ image: workImages, work: works, consent: hasConsent('profile', works.ownerId) })
    .from(workImages)
    .innerJoin(works, eq(works.id, workImages.workId))
    .where(and(eq(workImages.id, imageId), eq(workImages.workId, workId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const visible = row.work.ownerId === actor?.id || (row.work.visibility === 'public' && !!row.consent);
  if (!visible) {
    // An existing image someone may not see: audited like any denial, answered like a missing one (no probing).
    await auditDenial(actor, 'works.manage', { ip: meta.ip, targetType: 'work_image', targetId: imageId, via: 'api:getWorkImage' });
    throw new AppError('NOT_FOUND');
  }
  const blob = await getStorage().get(size === 'thumb' ? row.image.thumbKey : row.image.storageKey);
  if (!blob) throw new AppError('NOT_FOUND');
  return blobResponse(blob, { inline: true, downloadName: `${row.work.title}.webp` });
}

export async function listMyCreditRequests(actor: Actor | null) {
  const me = await authorize(actor, 'credits.respond', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  return db
    .select({ id: workCredits.id, step: workCredits.step, status: workCredits.status, workId: works.id, workTitle: works.title, ownerName: users.displayName })
    .from(workCredits)
    .innerJoin(works, eq(works.id, workCredits.workId))
    .innerJoin(users, eq(users.id, works.ownerId))
    .where(eq(workCredits.talentId, me.id))
    .orderBy(desc(works.createdAt));
}

/** The named talent confirms or declines a credit on someone else's work. */
export async function respondToCredit(actor: Actor | null, creditId: string, accept: boolean, ip: string) {
  const db = await getDb();
  const [c] = await db.select().from(workCredits).where(eq(workCredits.id, creditId)).limit(1);
  const me = await authorize(actor, 'credits.respond', { ownerId: c?.talentId ?? null }, { ip, targetType: 'credit', targetId: creditId }).catch((err) => {
    if (actor && err instanceof AppError && err.code === 'FORBIDDEN') throw new AppError('NOT_FOUND');
    throw err;
  });
  if (!c) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await tx.update(workCredits).set({ status: accept ? 'confirmed' : 'declined', respondedAt: now() }).where(eq(workCredits.id, creditId));
    await audit({ action: accept ? 'credits.confirm' : 'credits.decline', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'credit', targetId: creditId, ip }, tx);
    await recordEvent(tx, portfolioChanged, me.id, { talentId: me.id, change: 'credit_answered' }, { actorId: me.id });
  });
  return { id: creditId, status: accept ? ('confirmed' as const) : ('declined' as const) };
}

// ——— Evidence and verification (认定) ———

function evidenceDto(e: typeof evidence.$inferSelect, talentName?: string): EvidenceDto {
  return {
    id: e.id,
    talent_id: e.talentId,
    ...(talentName ? { talent_name: talentName } : {}),
    subject: e.subject,
    item_id: e.itemId,
    claim: e.claim,
    note: e.note,
    status: e.status,
    reason: e.reason,
    created_at: e.createdAt.toISOString(),
    reviewed_at: e.reviewedAt?.toISOString() ?? null,
    file_url: `/api/v1/evidence/${e.id}/file`,
  };
}

/** Files evidence for a claim in the caller's profile. Evidence photos are sensitive: the sensitive consent is required. */
export async function submitEvidence(actor: Actor | null, fields: z.input<typeof evidenceSubmitFields>, bytes: Uint8Array, ip: string): Promise<EvidenceDto> {
  const me = await authorize(actor, 'evidence.submit', actor ? { ownerId: actor.id } : undefined, { ip });
  const input = evidenceSubmitFields.parse(fields);
  const db = await getDb();
  const [p] = await db.select({ p: talentProfiles, sensitive: hasConsent('sensitive', talentProfiles.userId) }).from(talentProfiles).where(eq(talentProfiles.userId, me.id)).limit(1);
  if (!p) throw new AppError('NOT_FOUND');
  if (!p.sensitive) throw new AppError('FORBIDDEN', { detailKey: 'talent.sensitiveConsentMissing' });
  const profile = p.p;
  let claim: Record<string, unknown> | undefined;
  if (input.subject === 'title' && profile.titleLevel && profile.titleLevel !== 'none') claim = { level: profile.titleLevel, date: profile.titleDate };
  if (input.subject === 'ich' && profile.ichLevel && profile.ichLevel !== 'none') claim = { level: profile.ichLevel, project: profile.ichProject, year: profile.ichYear };
  if (input.subject === 'honour') claim = (profile.honours ?? []).find((h: { id: string }) => h.id === input.itemId);
  if (input.subject === 'award') claim = (profile.awards ?? []).find((a: { id: string }) => a.id === input.itemId);
  if (!claim) throw new AppError('VALIDATION_FAILED', { fieldErrors: { [input.subject === 'honour' || input.subject === 'award' ? 'itemId' : 'subject']: ['validation.nothingToProve'] } });
  const processed = await processEvidenceFile(bytes);
  const storage = getStorage();
  const stored = await storeProcessedImage(processed, storage);
  await storage.delete(stored.thumb.key).catch(() => undefined);
  try {
    return await db.transaction(async (tx) => {
      const [e] = await tx
        .insert(evidence)
        .values({ talentId: me.id, subject: input.subject, itemId: input.subject === 'honour' || input.subject === 'award' ? input.itemId! : null, claim, storageKey: stored.main.key, note: input.note ?? null })
        .returning();
      await audit({ action: 'evidence.submit', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'evidence', targetId: e!.id, ip, detail: { subject: input.subject } }, tx);
      return evidenceDto(e!);
    });
  } catch (err) {
    await storage.delete(stored.main.key).catch(() => undefined);
    throw err;
  }
}

export async function listMyEvidence(actor: Actor | null): Promise<EvidenceDto[]> {
  const me = await authorize(actor, 'profile.read_own', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const rows = await db.select().from(evidence).where(eq(evidence.talentId, me.id)).orderBy(desc(evidence.createdAt));
  return rows.map((e) => evidenceDto(e));
}

/** The staff verification queue: pending evidence of talents in the caller's zone who keep both consents. */
export async function listEvidenceQueue(actor: Actor | null, status: 'pending' | 'verified' | 'rejected', ip: string): Promise<EvidenceDto[]> {
  const me = await authorize(actor, 'evidence.read', undefined, { ip });
  const db = await getDb();
  const rows = await db
    .select({ e: evidence, name: talentProfiles.legalName })
    .from(evidence)
    .innerJoin(talentProfiles, eq(talentProfiles.userId, evidence.talentId))
    .where(and(eq(evidence.status, status), eq(talentProfiles.zoneCode, me.zoneCode ?? '\u0000none'), hasConsent('profile', evidence.talentId), hasConsent('sensitive', evidence.talentId)))
    .orderBy(asc(evidence.createdAt))
    .limit(200);
  await audit({ action: 'evidence.list', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { status, returned: rows.length } });
  return rows.map((r) => evidenceDto(r.e, r.name ?? undefined));
}

async function evidenceInScope(actor: Actor | null, id: string, permission: 'evidence.read' | 'evidence.review', ip: string) {
  const db = await getDb();
  const [row] = await db
    .select({ e: evidence, zone: talentProfiles.zoneCode, sensitive: hasConsent('sensitive', evidence.talentId) })
    .from(evidence)
    .innerJoin(talentProfiles, eq(talentProfiles.userId, evidence.talentId))
    .where(eq(evidence.id, id))
    .limit(1);
  const ownerReading = permission === 'evidence.read' && !!actor && row?.e.talentId === actor.id && can(actor, 'profile.read_own', { ownerId: actor.id });
  const me = ownerReading ? actor! : await authorize(actor, permission, { zoneCode: row?.zone ?? '\u0000none' }, { ip, targetType: 'evidence', targetId: id });
  if (!row || !row.sensitive) throw new AppError('NOT_FOUND');
  return { me, row: row.e, ownerReading };
}

export async function reviewEvidence(actor: Actor | null, id: string, raw: z.input<typeof evidenceReviewInput>, ip: string): Promise<EvidenceDto> {
  const { me } = await evidenceInScope(actor, id, 'evidence.review', ip);
  const input = evidenceReviewInput.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [e] = await tx
      .update(evidence)
      .set({ status: input.decision, reason: input.reason ?? null, reviewerId: me.id, reviewedAt: now() })
      .where(eq(evidence.id, id))
      .returning();
    await audit({ action: `evidence.${input.decision === 'verified' ? 'verify' : 'reject'}`, result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'evidence', targetId: id, ip, detail: { subject: e!.subject } }, tx);
    await recordEvent(tx, portfolioChanged, e!.talentId, { talentId: e!.talentId, change: 'evidence_reviewed' }, { actorId: me.id });
    return evidenceDto(e!);
  });
}

/** The evidence file, for its owner or zone staff (an audited sensitive read). */
export async function evidenceFileResponse(actor: Actor | null, id: string, ip: string): Promise<Response> {
  const { me, row, ownerReading } = await evidenceInScope(actor, id, 'evidence.read', ip);
  const blob = await getStorage().get(row.storageKey);
  if (!blob) throw new AppError('NOT_FOUND');
  if (!ownerReading) await audit({ action: 'evidence.file_read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'evidence', targetId: id, ip });
  return blobResponse(blob, { inline: true, downloadName: `evidence-${id.slice(0, 8)}.webp` });
}

