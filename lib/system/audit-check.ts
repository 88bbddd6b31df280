import 'server-only';
import { and, count, desc, eq, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { audit, verifyAuditChain, type VerifyReport } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';

/**
 * The audit-chain check, for the API (GET /api/v1/audit/verify) and the administrator's 工作台 button alike: walks
 * the whole chain and records the check itself in the chain (so the last result can be shown without re-walking).
 */
export async function checkAuditChain(actor: Actor | null, ip: string): Promise<VerifyReport> {
  const me = await authorize(actor, 'audit.verify', undefined, { ip });
  const report = await verifyAuditChain();
  await audit({ action: 'audit.verify', result: report.ok ? 'ok' : 'failed', actorId: me.id, actorRole: me.role, ip, detail: { rows: report.rows, problems: report.problems.length } });
  return report;
}

export interface AuditChainState {
  rows: number;
  lastSeq: number;
  lastCheck: { at: string; ok: boolean; rows: number; problems: number } | null;
}

/** How big the chain is and what its last check found (cheap: no walk). */
export async function auditChainState(actor: Actor | null, ip: string): Promise<AuditChainState> {
  await authorize(actor, 'audit.verify', undefined, { ip });
  const db = await getDb();
  const [size] = await db.select({ n: count(), last: max(auditLog.seq) }).from(auditLog);
  const [check] = await db
    .select({ at: auditLog.at, result: auditLog.result, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'audit.verify')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const d = (check?.detail ?? {}) as { rows?: number; problems?: number };
  return {
    rows: size?.n ?? 0,
    lastSeq: Number(size?.last ?? 0),
    lastCheck: check ? { at: check.at.toISOString(), ok: check.result === 'ok', rows: d.rows ?? 0, problems: d.problems ?? 0 } : null,
  };
}
