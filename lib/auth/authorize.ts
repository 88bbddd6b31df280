import 'server-only';
import { admitAnonymousDenial } from '@/lib/audit/anonymous-denials';
import { audit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { can, type Actor, type Permission, type Resource } from './permissions';

export interface DenialContext {
  ip?: string | null;
  targetType?: string;
  targetId?: string | null;
  via?: string;
}

/**
 * Records an authorization denial in the audit log. Anonymous callers' denials are aggregated per client address and
 * route (lib/audit/anonymous-denials.ts): a flood of them cannot fill the log or hold the audit lock.
 */
export async function auditDenial(actor: Actor | null, permission: Permission | 'authenticated', ctx: DenialContext = {}): Promise<void> {
  let carried = {};
  if (!actor) {
    const admission = admitAnonymousDenial(ctx.ip, ctx.via ?? permission, now().getTime());
    if (!admission.write) return;
    carried = admission.carried;
  }
  await audit({
    action: 'authz.denied',
    result: 'denied',
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    targetType: ctx.targetType ?? null,
    targetId: ctx.targetId ?? null,
    ip: ctx.ip ?? null,
    detail: { permission, via: ctx.via ?? null, ...carried },
  });
}

/**
 * Records a refused cross-site request (security.md #9/#10). The session is not read for such a request, so it is
 * aggregated like an anonymous denial.
 */
export async function auditCrossOrigin(reason: string, ctx: { ip?: string | null; via: string; method?: string }): Promise<void> {
  const admission = admitAnonymousDenial(ctx.ip, `cross-origin:${ctx.via}`, now().getTime());
  if (!admission.write) return;
  await audit({ action: 'http.cross_origin_refused', result: 'denied', ip: ctx.ip ?? null, detail: { reason, via: ctx.via, method: ctx.method ?? null, ...admission.carried } });
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
