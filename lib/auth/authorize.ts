import 'server-only';
import { audit } from '@/lib/audit/log';
import { AppError } from '@/lib/http/errors';
import { can, type Actor, type Permission, type Resource } from './permissions';

export interface DenialContext {
  ip?: string | null;
  targetType?: string;
  targetId?: string | null;
  via?: string;
}

/** Records an authorization denial in the audit log (anonymous callers included). */
export async function auditDenial(actor: Actor | null, permission: Permission | 'authenticated', ctx: DenialContext = {}): Promise<void> {
  await audit({
    action: 'authz.denied',
    result: 'denied',
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    targetType: ctx.targetType ?? null,
    targetId: ctx.targetId ?? null,
    ip: ctx.ip ?? null,
    detail: { permission, via: ctx.via ?? null },
  });
}

/**
 * The data-access layer's gate: returns the actor when allowed, otherwise audits the denial and throws
 * (401 without a session, 403 with one). Services call it with the resource they loaded.
 */
export async function authorize(actor: Actor | null, permission: Permission, resource?: Resource, ctx: DenialContext = {}): Promise<Actor> {
  if (actor && can(actor, permission, resource)) return actor;
  await auditDenial(actor, permission, ctx);
  throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}
