import 'server-only';
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partyOrgs, users, zones } from '@/db/schema';
import { liveSessionsOf } from '@/lib/account/queries';
import type { SessionDto } from '@/lib/account/schemas';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import { normaliseEmail, normalisePhone } from '@/lib/auth/identifiers';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword, policyMessage } from '@/lib/auth/password-policy';
import type { Actor } from '@/lib/auth/permissions';
import { bumpSessionVersion, revokeSession } from '@/lib/auth/sessions';
import { now } from '@/lib/clock';
import { blindIndex, decryptField, encryptField } from '@/lib/crypto/fields';
import { maskPhone } from '@/lib/crypto/mask';
import { AppError, pgErrorCode } from '@/lib/http/errors';
import { createUserInput, updateUserInput, type AdminUserDto, type CreateUserInput, type UpdateUserInput } from './schemas';
import type { z } from 'zod';
import { recordEvent } from '@/lib/events';
import { accountStatusChanged } from './events';

function toDto(u: typeof users.$inferSelect): AdminUserDto {
  return {
    id: u.id,
    displayName: u.displayName,
    email: u.email,
    phone: u.phoneEnc ? maskPhone(decryptField(u.phoneEnc)) : null,
    role: u.role,
    zoneCode: u.zoneCode,
    orgId: u.orgId,
    disabled: !!u.disabledAt,
    createdAt: u.createdAt.toISOString(),
  };
}

async function assertScopeTargetsExist(zoneCode: string | null, orgId: string | null) {
  const db = await getDb();
  if (zoneCode) {
    const [z] = await db.select({ code: zones.code }).from(zones).where(eq(zones.code, zoneCode)).limit(1);
    if (!z) throw new AppError('VALIDATION_FAILED', { fieldErrors: { zoneCode: ['validation.zoneRequired'] } });
  }
  if (orgId) {
    const [o] = await db.select({ id: partyOrgs.id }).from(partyOrgs).where(eq(partyOrgs.id, orgId)).limit(1);
    if (!o) throw new AppError('VALIDATION_FAILED', { fieldErrors: { orgId: ['validation.orgRequired'] } });
  }
}

export async function listUsers(
  actor: Actor | null,
  query: { role?: AdminUserDto['role']; q?: string; page: number; pageSize: number },
  ip: string,
): Promise<{ items: AdminUserDto[]; total: number; page: number; pageSize: number }> {
  const me = await authorize(actor, 'users.read', undefined, { ip });
  const db = await getDb();
  const filters: SQL[] = [];
  if (query.role) filters.push(eq(users.role, query.role));
  if (query.q) {
    const phone = normalisePhone(query.q);
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.displayName, like), ilike(users.email, like), phone ? eq(users.phoneIndex, blindIndex('phone', phone)) : undefined)!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(users).where(where).orderBy(desc(users.createdAt), users.id).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  await audit({ action: 'users.list', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { role: query.role ?? null, page: query.page, returned: rows.length } });
  return { items: rows.map(toDto), total: totalRow?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getUser(actor: Actor | null, id: string, ip: string): Promise<AdminUserDto> {
  const me = await authorize(actor, 'users.read', undefined, { ip, targetType: 'user', targetId: id });
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u) throw new AppError('NOT_FOUND');
  await audit({ action: 'users.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'user', targetId: id, ip });
  return toDto(u);
}

export async function createUser(actor: Actor | null, raw: CreateUserInput | z.output<typeof createUserInput>, ip: string): Promise<AdminUserDto> {
  const me = await authorize(actor, 'users.create', undefined, { ip });
  const input = createUserInput.parse(raw);
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) throw new AppError('VALIDATION_FAILED', { fieldErrors: { phone: ['validation.phoneInvalid'] } });
  const problems = checkPassword(input.password, { role: input.role, email, phone, displayName: input.displayName });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: { password: problems.map(policyMessage) } });
  await assertScopeTargetsExist(input.zoneCode, input.orgId);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({
          displayName: input.displayName,
          email,
          phoneIndex: phone ? blindIndex('phone', phone) : null,
          phoneEnc: phone ? encryptField(phone) : null,
          role: input.role,
          zoneCode: input.zoneCode,
          orgId: input.orgId,
          passwordHash,
        })
        .returning();
      await audit({ action: 'users.create', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'user', targetId: u!.id, ip, detail: { role: input.role, zoneCode: input.zoneCode, orgId: input.orgId } }, tx);
      return toDto(u!);
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('CONFLICT', { fieldErrors: { email: ['validation.duplicateAccount'] } });
    throw err;
  }
}

/** Role, scope or disabling changes end every session of that user at once (session_version bump). */
export async function updateUser(actor: Actor | null, id: string, raw: UpdateUserInput | z.output<typeof updateUserInput>, ip: string): Promise<AdminUserDto> {
  const me = await authorize(actor, 'users.update', undefined, { ip, targetType: 'user', targetId: id });
  const patch = updateUserInput.parse(raw);
  const db = await getDb();
  const [existing] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!existing) throw new AppError('NOT_FOUND');
  const role = patch.role ?? existing.role;
  const roleChanged = patch.role !== undefined && patch.role !== existing.role;
  const zoneCode = 'zoneCode' in raw || roleChanged ? (role === 'zone_staff' ? (patch.zoneCode ?? existing.zoneCode) : null) : existing.zoneCode;
  const orgId = 'orgId' in raw || roleChanged ? (role === 'branch_secretary' ? (patch.orgId ?? existing.orgId) : null) : existing.orgId;
  if (role === 'zone_staff' && !zoneCode) throw new AppError('VALIDATION_FAILED', { fieldErrors: { zoneCode: ['validation.zoneRequired'] } });
  if (role === 'branch_secretary' && !orgId) throw new AppError('VALIDATION_FAILED', { fieldErrors: { orgId: ['validation.orgRequired'] } });
  if (id === me.id && (roleChanged || patch.disabled)) throw new AppError('FORBIDDEN');
  await assertScopeTargetsExist(zoneCode, orgId);
  const scopeChanged = roleChanged || zoneCode !== existing.zoneCode || orgId !== existing.orgId;
  const disabledChanged = patch.disabled !== undefined && patch.disabled !== !!existing.disabledAt;
  return db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({
        displayName: patch.displayName ?? existing.displayName,
        role,
        zoneCode,
        orgId,
        disabledAt: patch.disabled === undefined ? existing.disabledAt : patch.disabled ? (existing.disabledAt ?? now()) : null,
      })
      .where(eq(users.id, id))
      .returning();
    if (scopeChanged || (disabledChanged && patch.disabled)) {
      await bumpSessionVersion(tx, id, scopeChanged ? 'role_or_scope_changed' : 'disabled');
    }
    if (disabledChanged) await recordEvent(tx, accountStatusChanged, id, { userId: id, disabled: !!patch.disabled }, { actorId: me.id });
    await audit(
      {
        action: 'users.update',
        result: 'ok',
        actorId: me.id,
        actorRole: me.role,
        targetType: 'user',
        targetId: id,
        ip,
        detail: { from: { role: existing.role, zoneCode: existing.zoneCode, orgId: existing.orgId, disabled: !!existing.disabledAt }, to: { role, zoneCode, orgId, disabled: !!u!.disabledAt } },
      },
      tx,
    );
    return toDto(u!);
  });
}

export async function listUserSessions(actor: Actor | null, userId: string, ip: string): Promise<SessionDto[]> {
  const me = await authorize(actor, 'sessions.read_any', undefined, { ip, targetType: 'user', targetId: userId });
  const sessions = await liveSessionsOf(await getDb(), userId, me.sessionId);
  await audit({ action: 'sessions.list', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'user', targetId: userId, ip });
  return sessions;
}

export async function revokeAnySession(actor: Actor | null, sessionId: string, ip: string): Promise<void> {
  const me = await authorize(actor, 'sessions.revoke_any', undefined, { ip, targetType: 'session', targetId: sessionId.slice(0, 12) });
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!(await revokeSession(tx, sessionId, 'revoked_by_admin'))) throw new AppError('NOT_FOUND');
    await audit({ action: 'sessions.revoke', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'session', targetId: sessionId.slice(0, 12), ip }, tx);
  });
}

export async function listScopeOptions(locale: 'zh-CN' | 'en') {
  const db = await getDb();
  const [zs, os] = await Promise.all([db.select().from(zones).orderBy(zones.code), db.select().from(partyOrgs).orderBy(partyOrgs.path)]);
  return {
    zones: zs.map((z) => ({ value: z.code, label: locale === 'en' ? z.nameEn : z.nameZh })),
    orgs: os.map((o) => ({ value: o.id, label: locale === 'en' ? o.nameEn : o.nameZh, depth: o.path.split('/').filter(Boolean).length - 1 })),
  };
}
