import 'server-only';
import crypto from 'node:crypto';
import { and, asc, count, eq, inArray, like, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { partyMembers, partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { AppError, pgErrorCode, type FieldErrors } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { rerouteOpenCases } from './reroute';
import {
  createOrgInput,
  dissolveOrgInput,
  flagProblems,
  isBranchLikeType,
  kindOfType,
  updateOrgInput,
  type CreateOrgInput,
  type DissolveOrgInput,
  type OrgType,
  type PartyOrgDto,
  type UpdateOrgInput,
} from './schemas';

/**
 * Party organisations (issue 9 §1; domain-party.md §6 PartyOrg). The tree is a materialised path ("/<id>/<id>/"):
 * the service computes it from the parent on create and rewrites the whole subtree in one transaction on a move.
 * Every structural change (create, move, dissolve) takes one transaction-scoped advisory lock, so two concurrent moves
 * can never build a cycle and a dissolution never races a move into the dissolving organisation.
 *
 * Dissolution (T19, §6): needs an approval reference; a DISSOLVED organisation can never again be a parent, a move
 * target, a successor or a member's formal organisation. It is refused with ORG_NOT_EMPTY while members hold their
 * formal relationship there (a member's branch changes only when a transfer completes, I1: transfer them first), and
 * while it has ACTIVE child organisations — unless a successor is named, in which case the children move under the
 * successor in the same transaction. Open transfer cases it was handling are re-routed to its parent committee.
 */

type OrgRow = typeof partyOrgs.$inferSelect;

const TREE_LOCK = 7_270_011;
const lockTree = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
/**
 * For writes that attach something to an organisation (registering a member, completing a transfer into a branch):
 * taken shared, it waits for a dissolution in progress, so the caller then re-reads the organisation's status and
 * never attaches to one that a concurrent dissolution has just found empty.
 */
export const lockTreeShared = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock_shared(${TREE_LOCK})`);

/** Depth from the path: "/a/" → 0, "/a/b/" → 1. */
export const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1;

/** Escapes LIKE wildcards in a path prefix (ids are uuids, but the rule costs nothing). */
export const prefixPattern = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function toOrgDto(o: OrgRow, locale: Locale, withQr: boolean): PartyOrgDto {
  return {
    id: o.id,
    code: o.code,
    name: locale === 'en' ? o.nameEn : o.nameZh,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    kind: o.kind,
    orgType: o.orgType,
    parentId: o.parentId,
    depth: depthOf(o.path),
    flags: { mayIssue: o.mayIssue, mayReceive: o.mayReceive, hasProbationaryApproval: o.hasProbationaryApproval, isTemporary: o.isTemporary, isExternal: o.isExternal },
    status: o.status,
    dissolvedAt: o.dissolvedAt?.toISOString() ?? null,
    dissolutionApprovalRef: o.dissolutionApprovalRef,
    successorOrgId: o.successorOrgId,
    nationalCode: o.nationalCode,
    contact: { person: o.contactPerson, phone: o.contactPhone, address: o.address, postalCode: o.postalCode },
    ...(withQr ? { qrToken: o.qrToken, qrRotatedAt: o.qrRotatedAt?.toISOString() ?? null } : {}),
  };
}

const mayRotate = (actor: Actor, o: OrgRow) => can(actor, 'party_orgs.rotate_qr', { orgPath: o.path });

/** org_admin: every organisation; branch_secretary: their organisation and its subtree (a prefix scan on the path index). */
export async function listPartyOrgs(actor: Actor | null, locale: Locale, ip: string): Promise<PartyOrgDto[]> {
  const me = await authorize(actor, 'party_orgs.read', undefined, { ip });
  const db = await getDb();
  if (me.role === 'branch_secretary' && !me.orgPath) return [];
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(me.role === 'org_admin' ? undefined : like(partyOrgs.path, prefixPattern(me.orgPath!)))
    .orderBy(asc(partyOrgs.path));
  return rows.map((o) => toOrgDto(o, locale, mayRotate(me, o)));
}

async function loadOrg(id: string): Promise<OrgRow | undefined> {
  const db = await getDb();
  const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
  return org;
}

export async function getPartyOrg(actor: Actor | null, id: string, locale: Locale, ip: string): Promise<PartyOrgDto> {
  const org = await loadOrg(id);
  const me = await authorize(actor, 'party_orgs.read', { orgPath: org?.path ?? '\u0000missing' }, { ip, targetType: 'party_org', targetId: id });
  if (!org) throw new AppError('NOT_FOUND');
  await audit({ action: 'party_orgs.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_org', targetId: id, ip });
  return toOrgDto(org, locale, mayRotate(me, org));
}

/** Where a new or moved organisation may sit (pure; exported for tests). */
export function placementProblems(child: { orgType: OrgType; isExternal: boolean }, parent: Pick<OrgRow, 'orgType' | 'isExternal' | 'status'> | null): FieldErrors {
  if (!parent) return child.isExternal ? {} : { parentId: ['party.errParentRequired'] };
  if (parent.isExternal !== child.isExternal) return { parentId: [child.isExternal ? 'party.errExternalUnderPortal' : 'party.errParentExternal'] };
  if (parent.orgType === 'party_group') return { parentId: ['party.errParentType'] };
  if (isBranchLikeType(parent.orgType) && child.orgType !== 'party_group') return { parentId: ['party.errParentType'] };
  return {};
}

function conflictOnCode(err: unknown): never {
  if (pgErrorCode(err) === '23505') throw new AppError('CONFLICT', { fieldErrors: { code: ['party.errCodeTaken'] } });
  throw err;
}

/** Creates an organisation under an ACTIVE parent; the path is computed here, never taken from the caller. */
export async function createPartyOrg(actor: Actor | null, raw: CreateOrgInput, locale: Locale, ip: string): Promise<PartyOrgDto> {
  const me = await authorize(actor, 'party_orgs.manage', undefined, { ip });
  const input = createOrgInput.parse(raw);
  const db = await getDb();
  try {
    const row = await db.transaction(async (tx) => {
      await lockTree(tx);
      const parent = input.parentId ? (await tx.select().from(partyOrgs).where(eq(partyOrgs.id, input.parentId)).limit(1))[0] : null;
      if (input.parentId && !parent) throw new AppError('VALIDATION_FAILED', { fieldErrors: { parentId: ['party.errOrgUnknown'] } });
      if (parent?.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED', { fieldErrors: { parentId: ['problem.ORG_DISSOLVED'] } });
      const problems = placementProblems(input, parent ?? null);
      if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });
      const id = crypto.randomUUID();
      const [created] = await tx
        .insert(partyOrgs)
        .values({
          id,
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          kind: kindOfType(input.orgType),
          orgType: input.orgType,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          nationalCode: input.nationalCode,
          mayIssue: input.mayIssue,
          mayReceive: input.mayReceive,
          hasProbationaryApproval: input.hasProbationaryApproval,
          isTemporary: input.orgType === 'temporary_branch',
          isExternal: input.isExternal,
          contactPerson: input.contactPerson,
          contactPhone: input.contactPhone,
          address: input.address,
          postalCode: input.postalCode,
          // Organisations in the portal get a check-in token at once; one outside it has nobody to scan it.
          qrToken: input.isExternal ? null : randomToken(24),
          qrRotatedAt: input.isExternal ? null : now(),
          createdAt: now(),
          updatedAt: now(),
        })
        .returning();
      await audit({ action: 'party_orgs.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_org', targetId: id, ip, detail: { code: input.code, parentId: parent?.id ?? null, orgType: input.orgType } }, tx);
      return created!;
    });
    return toOrgDto(row, locale, true);
  } catch (err) {
    return conflictOnCode(err);
  }
}

/**
 * Changes an organisation: moving it (parentId) rewrites the path of its whole subtree in the same transaction;
 * names, flags and the contact point change in place. A DISSOLVED organisation is neither edited nor a target.
 */
export async function updatePartyOrg(actor: Actor | null, id: string, raw: UpdateOrgInput, locale: Locale, ip: string): Promise<PartyOrgDto> {
  const me = await authorize(actor, 'party_orgs.manage', undefined, { ip, targetType: 'party_org', targetId: id });
  const input = updateOrgInput.parse(raw);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    await lockTree(tx);
    const [org] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
    if (!org) throw new AppError('NOT_FOUND');
    if (org.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED');
    const problems = flagProblems({
      orgType: org.orgType,
      isExternal: org.isExternal,
      mayIssue: input.mayIssue ?? org.mayIssue,
      hasProbationaryApproval: input.hasProbationaryApproval ?? org.hasProbationaryApproval,
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: Object.fromEntries(problems.map((p) => [p.path, [p.message]])) });
    let moved: { from: string | null; to: string; subtree: number } | null = null;
    if (input.parentId !== undefined && input.parentId !== org.parentId) {
      const [parent] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, input.parentId)).limit(1);
      if (!parent) throw new AppError('VALIDATION_FAILED', { fieldErrors: { parentId: ['party.errOrgUnknown'] } });
      if (parent.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED', { fieldErrors: { parentId: ['problem.ORG_DISSOLVED'] } });
      if (parent.path.startsWith(org.path)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { parentId: ['party.errCycle'] } });
      const placement = placementProblems(org, parent);
      if (Object.keys(placement).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: placement });
      const newPath = `${parent.path}${org.id}/`;
      // One statement: every path under the old prefix gets the new prefix (the org's own row included).
      const rewritten = await tx
        .update(partyOrgs)
        .set({ path: sql`${newPath} || substr(${partyOrgs.path}, ${org.path.length + 1})`, updatedAt: now() })
        .where(like(partyOrgs.path, prefixPattern(org.path)))
        .returning({ id: partyOrgs.id });
      await tx.update(partyOrgs).set({ parentId: parent.id }).where(eq(partyOrgs.id, org.id));
      moved = { from: org.parentId, to: parent.id, subtree: rewritten.length };
    }
    const changes = {
      ...(input.nameZh !== undefined ? { nameZh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
      ...(input.mayIssue !== undefined ? { mayIssue: input.mayIssue } : {}),
      ...(input.mayReceive !== undefined ? { mayReceive: input.mayReceive } : {}),
      ...(input.hasProbationaryApproval !== undefined ? { hasProbationaryApproval: input.hasProbationaryApproval } : {}),
      ...(input.contactPerson !== undefined ? { contactPerson: input.contactPerson } : {}),
      ...(input.contactPhone !== undefined ? { contactPhone: input.contactPhone } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.postalCode !== undefined ? { postalCode: input.postalCode } : {}),
    };
    if (Object.keys(changes).length) await tx.update(partyOrgs).set({ ...changes, updatedAt: now() }).where(eq(partyOrgs.id, org.id));
    await audit({ action: 'party_orgs.update', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_org', targetId: id, ip, detail: { fields: Object.keys(changes), moved } }, tx);
    const [after] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
    return after!;
  });
  return toOrgDto(row, locale, true);
}

/** Members whose formal relationship is still at the organisation (those transferred out of the portal are gone). */
async function attachedMembers(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(partyMembers)
    .where(and(eq(partyMembers.formalOrgId, orgId), sql`${partyMembers.transferredOutAt} is null`, inArray(partyMembers.partyStatus, ['NORMAL', 'STOPPED'])));
  return Number(row?.n ?? 0);
}

export async function dissolvePartyOrg(actor: Actor | null, id: string, raw: DissolveOrgInput, locale: Locale, ip: string): Promise<PartyOrgDto> {
  const me = await authorize(actor, 'party_orgs.manage', undefined, { ip, targetType: 'party_org', targetId: id });
  const input = dissolveOrgInput.parse(raw);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    await lockTree(tx);
    const [org] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
    if (!org) throw new AppError('NOT_FOUND');
    if (org.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED');
    let successor: OrgRow | undefined;
    if (input.successorOrgId) {
      [successor] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, input.successorOrgId)).limit(1);
      if (!successor) throw new AppError('VALIDATION_FAILED', { fieldErrors: { successorOrgId: ['party.errOrgUnknown'] } });
      if (successor.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED', { fieldErrors: { successorOrgId: ['problem.ORG_DISSOLVED'] } });
      if (successor.path.startsWith(org.path)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { successorOrgId: ['party.errSuccessorInside'] } });
      if (successor.isExternal !== org.isExternal) throw new AppError('VALIDATION_FAILED', { fieldErrors: { successorOrgId: ['party.errParentExternal'] } });
    }
    const members = await attachedMembers(tx, org.id);
    const children = await tx.select().from(partyOrgs).where(and(eq(partyOrgs.parentId, org.id), eq(partyOrgs.status, 'ACTIVE'))).orderBy(asc(partyOrgs.path));
    if (members > 0 || (children.length > 0 && !successor)) {
      throw new AppError('ORG_NOT_EMPTY', { detailKey: members > 0 ? 'party.notEmptyMembers' : 'party.notEmptyChildren' });
    }
    // The children move under the successor (each subtree's paths rewritten), where they must be allowed to sit.
    for (const child of children) {
      const problems = placementProblems(child, successor!);
      if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: { successorOrgId: problems.parentId ?? ['party.errParentType'] } });
      const newPath = `${successor!.path}${child.id}/`;
      await tx
        .update(partyOrgs)
        .set({ path: sql`${newPath} || substr(${partyOrgs.path}, ${child.path.length + 1})`, updatedAt: now() })
        .where(like(partyOrgs.path, prefixPattern(child.path)));
      await tx.update(partyOrgs).set({ parentId: successor!.id }).where(eq(partyOrgs.id, child.id));
    }
    const t = now();
    await tx
      .update(partyOrgs)
      .set({ status: 'DISSOLVED', dissolvedAt: t, dissolutionApprovalRef: input.approvalRef, successorOrgId: successor?.id ?? null, qrToken: null, qrRotatedAt: null, updatedAt: t })
      .where(and(eq(partyOrgs.id, org.id), ne(partyOrgs.status, 'DISSOLVED')));
    const rerouted = await rerouteOpenCases(tx, org.id, me);
    await audit(
      {
        action: 'party_orgs.dissolve',
        result: 'ok',
        actorId: me.id,
        actorRole: me.role,
        targetType: 'party_org',
        targetId: id,
        ip,
        detail: { approvalRef: input.approvalRef, successorOrgId: successor?.id ?? null, childrenMoved: children.map((c) => c.id), rerouted },
      },
      tx,
    );
    const [after] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
    return after!;
  });
  return toOrgDto(row, locale, true);
}

/** A new check-in token (the old poster stops working at once): org_admin, or the organisation's own secretary. */
export async function rotateQrToken(actor: Actor | null, id: string, ip: string): Promise<{ orgId: string; qrToken: string; qrRotatedAt: string }> {
  const org = await loadOrg(id);
  const me = await authorize(actor, 'party_orgs.rotate_qr', { orgPath: org?.path ?? '\u0000missing' }, { ip, targetType: 'party_org', targetId: id });
  if (!org) throw new AppError('NOT_FOUND');
  if (org.status === 'DISSOLVED') throw new AppError('ORG_DISSOLVED');
  if (org.isExternal) throw new AppError('CONFLICT', { detailKey: 'party.externalNoQr' });
  const db = await getDb();
  const token = randomToken(24);
  const t = now();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(partyOrgs)
      .set({ qrToken: token, qrRotatedAt: t, updatedAt: t })
      .where(and(eq(partyOrgs.id, id), eq(partyOrgs.status, 'ACTIVE')))
      .returning({ id: partyOrgs.id });
    if (!done.length) throw new AppError('ORG_DISSOLVED');
    // The token itself is a credential for check-ins: never in the audit log.
    await audit({ action: 'party_orgs.rotate_qr', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_org', targetId: id, ip }, tx);
  });
  return { orgId: id, qrToken: token, qrRotatedAt: t.toISOString() };
}

/** The actor's own organisation with its token (for the QR poster), when they may rotate it. */
export async function myOrgForPoster(actor: Actor, locale: Locale): Promise<PartyOrgDto | null> {
  if (!actor.orgId) return null;
  const org = await loadOrg(actor.orgId);
  if (!org || !mayRotate(actor, org)) return null;
  return toOrgDto(org, locale, true);
}
