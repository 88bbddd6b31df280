import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partyMembers, partyOrgs, transferCases } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { jdzToday } from '@/lib/clock';
import { decryptField } from '@/lib/crypto/fields';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';
import { ageOn } from '@/lib/talent/dates';
import { birthDateOfIdNumber } from '@/lib/talent/id-number';
import * as M from './transfer-machine';
import type { TransferDto } from './transfer-schemas';
import { getTransfer, type TransferCtx } from './transfers';

/**
 * Read models the transfer pages need beside the case DTO (additive to lib/party/transfers.ts, which owns the case):
 * the organisation directory a case may name (targets, receiving organisations, branches to complete into) and the
 * contents of the 介绍信 (一式三联). Both authorize first; the letter reads the case through getTransfer, so only
 * the parties of the case may open it, and the view is audited with the fields shown.
 */

export interface DirectoryOrg {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  orgType: string;
  mayReceive: boolean;
  /** May hold formal relationships (T14: branch, joint, general or mobile branch). */
  isBranch: boolean;
  contact: { person: string | null; phone: string | null; address: string | null };
}

/**
 * Active organisations of the portal's directory (outside organisations and dissolved ones never appear): their
 * names and public contact points only (§4.2). For the apply form, incoming registration and completion.
 */
export async function transferDirectory(actor: Actor | null, locale: Locale, ip: string): Promise<DirectoryOrg[]> {
  await authorize(actor, 'party_transfers.act', undefined, { ip, via: 'transfer:directory' });
  const db = await getDb();
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.status, 'ACTIVE'), eq(partyOrgs.isExternal, false)))
    .orderBy(asc(partyOrgs.path));
  return rows.map((o) => ({
    id: o.id,
    name: locale === 'en' ? o.nameEn : o.nameZh,
    parentId: o.parentId,
    path: o.path,
    orgType: o.orgType,
    mayReceive: o.mayReceive,
    isBranch: (M.BRANCH_TYPES as readonly string[]).includes(o.orgType),
    contact: { person: o.contactPerson, phone: o.contactPhone, address: o.address },
  }));
}

/** The nearest organisation at or above `org` (in the directory) that may receive, i.e. the committee that receives for it. */
export function receiverOf(dir: readonly DirectoryOrg[], org: DirectoryOrg): DirectoryOrg | null {
  const byId = new Map(dir.map((o) => [o.id, o]));
  const chain = M.pathIds(org.path).reverse();
  for (const id of chain) {
    const o = byId.get(id);
    if (o?.mayReceive) return o;
  }
  return null;
}

/** Targets a member may name (T1/T2): receiving committees and the branches under them, except `exceptId`. */
export function transferTargets(dir: readonly DirectoryOrg[], exceptId?: string | null): { committee: DirectoryOrg; orgs: DirectoryOrg[] }[] {
  const groups = new Map<string, { committee: DirectoryOrg; orgs: DirectoryOrg[] }>();
  for (const o of dir) {
    if (o.id === exceptId) continue;
    if (!o.mayReceive && !o.isBranch) continue;
    const committee = receiverOf(dir, o);
    if (!committee) continue;
    const g = groups.get(committee.id) ?? { committee, orgs: [] };
    g.orgs.push(o);
    groups.set(committee.id, g);
  }
  return [...groups.values()];
}

/** Branches a receiving committee may complete a case into (T14): active branches in its subtree. */
export function branchesUnder(dir: readonly DirectoryOrg[], committeeId: string | null): DirectoryOrg[] {
  const c = dir.find((o) => o.id === committeeId);
  if (!c) return [];
  return dir.filter((o) => o.isBranch && o.path.startsWith(c.path));
}

// --- the letter ---------------------------------------------------------------------------------------------------

export interface LetterOrg {
  name: string;
  contactPerson: string | null;
  phone: string | null;
  address: string | null;
  postalCode: string | null;
}

export interface TransferLetter {
  case: TransferDto;
  /** 抬头: the receiving committee (or the free-text addressee of an off-directory target). */
  addressee: string;
  /** 去向: the organisation named as the target. */
  destination: string;
  member: {
    name: string;
    gender: 'male' | 'female' | null;
    age: number | null;
    /** Not in the register: the letter leaves a blank line. */
    ethnicity: string | null;
    membershipType: 'formal' | 'probationary';
    idCardMasked: string;
    phoneMasked: string | null;
  };
  issuer: LetterOrg | null;
  /** The receiving committee of a completed case (回执联: addressee of the receipt is the issuer). */
  receiver: LetterOrg | null;
  receiptHandler: string | null;
}

const LETTER_FIELDS = ['name', 'gender', 'age', 'membershipType', 'idCardNo(masked)', 'phone(masked)', 'duesPaidThrough', 'letter'] as const;

function letterOrg(o: typeof partyOrgs.$inferSelect | undefined, locale: Locale): LetterOrg | null {
  if (!o) return null;
  return { name: locale === 'en' ? o.nameEn : o.nameZh, contactPerson: o.contactPerson, phone: o.contactPhone, address: o.address, postalCode: o.postalCode };
}

/**
 * The contents of the 介绍信 of a case (domain-party.md §1.3): only for the parties of the case (the DTO carries the
 * verification code only for them) and only once a letter was issued; NOT_FOUND otherwise.
 */
export async function getTransferLetter(actor: Actor | null, id: string, ctx: TransferCtx): Promise<TransferLetter> {
  const dto = await getTransfer(actor, id, ctx);
  if (!dto.letterNo || !dto.verifyCode) throw new AppError('NOT_FOUND');
  const locale = ctx.locale ?? 'zh-CN';
  const db = await getDb();
  const [member] = await db.select().from(partyMembers).where(eq(partyMembers.id, dto.memberId)).limit(1);
  if (!member) throw new AppError('NOT_FOUND');
  const issuerId = dto.issuingHops[dto.issuingHops.length - 1] ?? null;
  const orgIds = [issuerId, dto.toOrgId].filter((x): x is string => !!x);
  const orgRows = orgIds.length ? await db.select().from(partyOrgs).where(inArray(partyOrgs.id, orgIds)) : [];
  const to = orgRows.find((o) => o.id === dto.toOrgId);
  // 抬头: the committee that receives for the target (the target itself when it may receive).
  const ancestors = to && !to.isExternal ? await db.select().from(partyOrgs).where(inArray(partyOrgs.id, M.pathIds(to.path))) : [];
  const receivingId = to ? (M.receivingCommitteeFor(new Map(ancestors.map((o) => [o.id, o])), to.id)?.id ?? null) : null;
  const receiving = ancestors.find((o) => o.id === receivingId);
  const [extra] = await db.select({ receiptHandler: transferCases.receiptHandler }).from(transferCases).where(eq(transferCases.id, id)).limit(1);

  let age: number | null = null;
  try {
    const birth = birthDateOfIdNumber(decryptField(member.idCardEnc));
    age = birth ? ageOn(birth, jdzToday()) : null;
  } catch {
    age = null;
  }
  const name = (o: typeof partyOrgs.$inferSelect | undefined) => (o ? (locale === 'en' ? o.nameEn : o.nameZh) : null);
  await audit({ action: 'party_transfers.letter_view', result: 'ok', actorId: actor!.id, actorRole: actor!.role, targetType: 'transfer_case', targetId: id, ip: ctx.ip, detail: { memberId: dto.memberId, fields: [...LETTER_FIELDS] } });
  return {
    case: dto,
    addressee: name(receiving) ?? name(to) ?? dto.toOrgText ?? '',
    destination: name(to) ?? dto.toOrgText ?? '',
    member: {
      name: member.name,
      gender: member.gender,
      age,
      ethnicity: member.ethnicity,
      membershipType: member.membershipType,
      idCardMasked: member.idCardMasked,
      phoneMasked: member.phoneMasked,
    },
    issuer: letterOrg(orgRows.find((o) => o.id === issuerId), locale) ?? (dto.fromOrgText ? { name: dto.fromOrgText, contactPerson: null, phone: null, address: null, postalCode: null } : null),
    receiver: letterOrg(receiving, locale),
    receiptHandler: extra?.receiptHandler ?? null,
  };
}

/**
 * Where the actor may register an incoming letter: receiving committees in their subtree (区委组织部: all) and the
 * branches under them, grouped by committee.
 */
export function incomingTargets(dir: readonly DirectoryOrg[], actor: Pick<Actor, 'role' | 'orgPath'>): { committee: DirectoryOrg; orgs: DirectoryOrg[] }[] {
  const mine = (o: DirectoryOrg) => actor.role === 'org_admin' || (!!actor.orgPath && o.path.startsWith(actor.orgPath));
  return transferTargets(dir)
    .map((g) => ({ committee: g.committee, orgs: g.orgs.filter(mine) }))
    .filter((g) => g.orgs.length);
}
