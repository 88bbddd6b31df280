import 'server-only';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { partyMembers, partyOrgs, transferCases } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { auditDenial, authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { jdzToday, now } from '@/lib/clock';
import { blindIndex, encryptField, randomToken, sha256 } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { AppError } from '@/lib/http/errors';
import { enqueue } from '@/lib/jobs/queue';
import { checkIdNumber, normaliseIdNumber } from '@/lib/talent/id-number';
import * as M from './transfer-machine';
import { letterExpiryJob } from './transfer-expiry';
import { readCase } from './transfer-read';
import { incomingTransferInput, type IncomingTransferInput, type TransferDto } from './transfer-schemas';
import { actorFacts, appendEvent, auditRefusal, denialCtx, districtOrgIds, hasOtherOpenCase, memberFacts, orgsWithAncestors, problemOnUnique, refusal, type MemberRow, type TransferCtx } from './transfer-store';

/**
 * 组织关系转接 — incoming letters: a 景漂 arrives with a letter issued outside the portal and the receiving side
 * registers it at ISSUED (same expiry rule).
 */

const ID_PROBLEM_KEY = {
  format: 'validation.idFormat',
  region: 'validation.idRegion',
  birth_date: 'validation.idBirthDate',
  future_birth: 'validation.idBirthDate',
  checksum: 'validation.idChecksum',
  birth_mismatch: 'validation.idBirthMismatch',
} as const;


/** The directory row that stands for an organisation outside the portal (found by name, created once). */
async function externalOrgFor(tx: Tx, name: string): Promise<string> {
  const code = `EXT-${sha256(name).slice(0, 12)}`;
  const [found] = await tx.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.code, code)).limit(1);
  if (found) return found.id;
  const id = crypto.randomUUID();
  await tx
    .insert(partyOrgs)
    .values({ id, code, nameZh: name, nameEn: name, kind: 'branch', orgType: 'branch', parentId: null, path: `/${id}/`, isExternal: true })
    .onConflictDoNothing();
  const [row] = await tx.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.code, code)).limit(1);
  return row!.id;
}

/**
 * A 景漂 arrives with a letter issued outside the portal (another province, or an organisation not in the
 * directory): the receiving committee (or 区委组织部) registers it at ISSUED with the letter's number, issuer,
 * date and validity; the same expiry rule applies. A member not yet in the register is created at a directory row
 * for the issuing organisation (is_external), so their one formal relationship stays outside until T14 (I1).
 */
export async function registerIncoming(actor: Actor | null, raw: IncomingTransferInput, ctx: TransferCtx): Promise<TransferDto> {
  const input = incomingTransferInput.parse(raw);
  const db = await getDb();
  const pre = await orgsWithAncestors(db, [input.toOrgId]);
  const toOrg = pre.get(input.toOrgId);
  const receiving = toOrg ? (M.receivingCommitteeFor(pre, toOrg.id) ?? M.districtCommitteeFor(pre, toOrg.id)) : null;
  const denial = denialCtx(ctx.ip, null, 'transfer:incoming');
  if (actor?.role === 'talent') {
    await auditDenial(actor, 'party_transfers.act', denial);
    throw new AppError('FORBIDDEN');
  }
  const me = await authorize(actor, 'party_transfers.act', { orgPaths: [toOrg?.path ?? '\u0000missing', receiving?.path] }, denial);
  if (!toOrg || toOrg.isExternal || !receiving) throw new AppError('VALIDATION_FAILED', { fieldErrors: { toOrgId: ['partyTransfer.errOrgUnknown'] } });
  const issuedAt = /^\d{4}-\d{2}-\d{2}$/.test(input.issuedAt) ? M.localDateStart(input.issuedAt) : new Date(input.issuedAt);
  let existing: MemberRow | undefined;
  if (input.memberId) {
    [existing] = await db.select().from(partyMembers).where(eq(partyMembers.id, input.memberId)).limit(1);
    if (!existing) throw new AppError('VALIDATION_FAILED', { fieldErrors: { memberId: ['partyTransfer.errOrgUnknown'] } });
  }
  let idNumber = '';
  if (input.member) {
    idNumber = normaliseIdNumber(input.member.idCardNo);
    const problem = checkIdNumber(idNumber, { today: jdzToday() });
    if (problem) throw new AppError('VALIDATION_FAILED', { fieldErrors: { 'member.idCardNo': [ID_PROBLEM_KEY[problem]] } });
  }
  try {
    const id = await db.transaction(async (tx) => {
      const t = now();
      const districtIds = await districtOrgIds(tx);
      const facts: M.CaseFacts = { state: null, memberUserId: existing?.userId ?? null, fromOrgId: existing?.formalOrgId ?? null, currentHandlerOrgId: receiving.id, issuingHops: [], offDirectory: false, expiresAt: null, openedAt: null, letterNo: null };
      const memberF = existing ? memberFacts(existing) : { partyStatus: 'NORMAL', membershipType: input.member!.membershipType, probationEndDate: input.member!.probationEndDate ?? null, lastDuesMonth: input.member!.lastDuesMonth ?? null };
      const d = M.decide('register_incoming', facts, actorFacts(me, districtIds), t, { member: memberF, target: toOrg, otherOpenCase: existing ? await hasOtherOpenCase(tx, existing.id) : false, category: input.category }, { validityDays: input.validityDays, issuedAt });
      if (!d.ok) throw refusal(d);
      let memberId = existing?.id;
      let fromOrgId = existing?.formalOrgId ?? null;
      try {
        if (!memberId) {
          const m = input.member!;
          fromOrgId = await externalOrgFor(tx, input.fromOrgText);
          const [row] = await tx
            .insert(partyMembers)
            .values({
              name: m.name,
              gender: idNumber.length === 18 ? (Number(idNumber[16]) % 2 === 1 ? 'male' : 'female') : null,
              idCardEnc: encryptField(idNumber),
              idCardBlind: blindIndex('party_id_card', idNumber),
              idCardMasked: maskIdNumber(idNumber)!,
              phoneEnc: m.phone ? encryptField(m.phone) : null,
              phoneMasked: m.phone ? maskPhone(m.phone) : null,
              membershipType: m.membershipType,
              joinDate: m.joinDate,
              probationEndDate: m.probationEndDate ?? null,
              formalOrgId: fromOrgId,
              lastDuesMonth: m.lastDuesMonth ?? null,
              duesBaseType: m.duesBaseType,
              createdFrom: 'incoming_letter',
              createdBy: me.id,
              createdAt: t,
              updatedAt: t,
            })
            .returning({ id: partyMembers.id });
          memberId = row!.id;
        }
        const expiresAt = M.letterExpiresAt(issuedAt, d.validityDays!);
        const [row] = await tx
          .insert(transferCases)
          .values({
            memberId,
            state: 'ISSUED',
            category: input.category,
            channel: input.channel,
            fromOrgId,
            fromOrgText: input.fromOrgText,
            toOrgId: toOrg.id,
            currentHandlerOrgId: receiving.id,
            reason: input.reason ?? '持介绍信转入',
            letterNo: input.letterNo,
            issuedAt,
            validityDays: d.validityDays!,
            expiresAt,
            verifyCode: randomToken(24),
            nationalFlowNo: input.nationalFlowNo && M.NATIONAL_CHANNELS.includes(input.channel) ? input.nationalFlowNo : null,
            incoming: true,
            createdBy: me.id,
            createdAt: t,
            updatedAt: t,
          })
          .returning();
        const comment = [`${input.fromOrgText} ${input.letterNo}，有效期 ${d.validityDays} 天`, input.nationalFlowNo ? `全国党员管理信息系统流水号 ${input.nationalFlowNo}（在该系统办理）` : null].filter(Boolean).join('；');
        await appendEvent(tx, row!.id, { action: 'register_incoming', fromState: null, toState: 'ISSUED', actorUserId: me.id, actorRole: d.actorKind, actorOrgId: receiving.id, comment, handlerOrgId: receiving.id }, ctx.ip);
        await enqueue(tx, letterExpiryJob, { caseId: row!.id }, { runAt: expiresAt, idempotencyKey: `${row!.id}:${input.letterNo}` });
        await audit({ action: 'party_transfers.register_incoming', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'transfer_case', targetId: row!.id, ip: ctx.ip, detail: { memberId, newMember: !existing, toOrgId: toOrg.id } }, tx);
        return row!.id;
      } catch (err) {
        throw problemOnUnique(err) ?? err;
      }
    });
    return await readCase(db, me, id, ctx.locale ?? 'zh-CN');
  } catch (err) {
    await auditRefusal(me, null, 'register_incoming', err, ctx.ip, false);
    throw err;
  }
}
